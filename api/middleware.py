"""The outermost middleware: a request id on every answer, and no stack trace ever sent.

Any exception that escapes the app is logged with the request id and answered with a 500
problem (when the response has not started yet); the client only sees the request id.
Request heads over the header limit are answered 431 before anything else runs (the real
limit sits in the HTTP parser, :mod:`clearance.api.header_limit`; this check covers other
ASGI servers).
"""

from __future__ import annotations

import logging
import re
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearance.api.problems import Problem, internal_error, problem_response, request_id

log = logging.getLogger("clearance.api")
_GIVEN_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class GuardMiddleware:
    """Request ids (``X-Request-ID``, taken from the request when well-formed) and a catch-all."""

    def __init__(self, app: ASGIApp, max_header_bytes: int | None = None) -> None:
        self.app = app
        self.max_header_bytes = max_header_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = None
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                given = value.decode("latin-1")
                break
        state = scope.setdefault("state", {})
        state["request_id"] = given if given and _GIVEN_ID.match(given) else str(uuid.uuid4())
        limit = self.max_header_bytes
        if limit is not None:
            size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            size += sum(len(k) + len(v) + 4 for k, v in scope.get("headers", ()))
            if size > limit:
                refused = Problem(
                    431,
                    "headers-too-large",
                    f"The request line and headers are over the limit of {limit} bytes.",
                )
                await problem_response(scope, refused)(scope, receive, send)
                return
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", ()))
                if not any(k.lower() == b"x-request-id" for k, _ in headers):
                    headers.append((b"x-request-id", request_id(scope).encode("latin-1")))
                message = dict(message, headers=headers)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception(
                "unhandled error on %s %s (request %s)",
                scope.get("method"),
                scope.get("path"),
                request_id(scope),
            )
            if started:
                raise
            response = problem_response(scope, internal_error())
            await response(scope, receive, send_with_id)
