"""Load shedding: a bounded number of requests in flight per worker, 503 past it.

Without a bound, a worker under overload queues every request it accepts, and latency grows
without limit (at twice the sustainable rate, p99 reached 20 s). :class:`LoadShedMiddleware`
counts the HTTP requests this worker is answering; when ``max_in_flight`` are already in hand,
a new one is answered at once with a ``503`` problem (type ``overloaded``) and ``Retry-After``,
before authentication, parsing or screening, so nothing is screened or logged for it. Health
checks and metrics are exempt, so an overloaded worker is not reported dead.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from clearance.api.problems import Problem, problem_response

EXEMPT_PREFIXES = ("/v1/health/", "/metrics")
"""Paths never shed: liveness, readiness and metrics must answer under overload."""


class LoadShedMiddleware:
    """Answer 503 + Retry-After when ``max_in_flight`` requests are already being answered."""

    def __init__(self, app: ASGIApp, max_in_flight: int, retry_after_s: int = 1) -> None:
        self.app = app
        self.max_in_flight = max_in_flight
        self.retry_after_s = retry_after_s
        self.in_flight = 0
        self.shed = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope.get("path", "")).startswith(EXEMPT_PREFIXES):
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.max_in_flight:
            self.shed += 1
            refused = Problem(
                503,
                "overloaded",
                f"The service is answering {self.max_in_flight} requests already "
                f"(CLEARANCE_MAX_IN_FLIGHT); nothing was screened. "
                f"Retry in {self.retry_after_s} s.",
                headers={"Retry-After": str(self.retry_after_s)},
            )
            await problem_response(scope, refused)(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
