"""Every error the service answers, as RFC 9457 problem details (``application/problem+json``).

This module is the one place where errors become HTTP responses: :class:`Problem` is raised by
the routes; :func:`problem_for` maps each Clearance error (the hierarchy under
:class:`~clearance.engine.errors.ClearanceError`) and :func:`report_problem` a report that could
not be screened to its problem; and :func:`install` maps problems, Clearance errors, FastAPI's
validation errors, Starlette's HTTP errors and anything unexpected (a catch-all: clients never
see a stack trace) to a problem body with ``type``, ``title``, ``status``, ``detail`` and
``instance`` (plus ``errors`` with JSON paths).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import Scope

from clearance.api.decision_log import DecisionLogError, LogLimitError
from clearance.engine.errors import ClearanceError, DocumentError, EngineError, PackErrors
from clearance.engine.report import Report, error_report

log = logging.getLogger("clearance.api")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://clearance.dev/problems/"

TITLES: dict[str, str] = {
    "malformed-json": "Malformed JSON",
    "bad-request": "Bad request",
    "unknown-market": "Unknown market",
    "unknown-kind": "Unknown document kind",
    "unknown-pack": "Unknown pack",
    "unauthorized": "Missing or invalid API key",
    "forbidden": "API key lacks the required role",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "payload-too-large": "Request body too large",
    "batch-too-large": "Too many documents in one batch",
    "headers-too-large": "Request header fields too large",
    "too-many-decisions": "Decision log limit reached",
    "invalid-document": "Invalid document",
    "invalid-request": "Invalid request",
    "packs-refused": "Rule packs refused",
    "engine-error": "Screening failed",
    "unavailable": "Service unavailable",
    "internal-error": "Internal server error",
    "http-error": "HTTP error",
    "overloaded": "Service overloaded",
}


class Problem(ClearanceError):
    """An error to answer as problem+json; raise it anywhere in a route.

    ``kind`` is the problem type (the last part of its ``type`` URI).
    """

    def __init__(
        self,
        status: int,
        kind: str,
        detail: str,
        *,
        errors: Sequence[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = headers or {}
        self.extra = extra

    def body(self, instance: str) -> dict[str, Any]:
        """The problem document."""
        out: dict[str, Any] = {
            "type": TYPE_BASE + self.kind,
            "title": TITLES.get(self.kind, "Error"),
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
        }
        if self.errors is not None:
            out["errors"] = self.errors
        out.update(self.extra)
        return out


class ServiceError(ClearanceError):
    """The service failed in the middle of a stream; reported on the stream's last line."""

    kind = "service"


class LimitError(ClearanceError):
    """A document left unscreened because its request's work budget ran out (decision error)."""

    kind = "limit"


DOCUMENT_ERROR_KINDS = ("document", "input")
"""Error kinds that are the document's fault (a 422), not the service's."""


def document_problem(report: Report) -> Problem:
    """The 422 problem for a document that failed validation, every error with its path."""
    errors: list[dict[str, Any]] = []
    for err in report.errors:
        details = err.get("details") or [
            {"field": err.get("field", "$"), "message": err.get("message")}
        ]
        for d in details:
            field = str(d.get("field") or "$")
            errors.append(
                {"path": "$.document" + field[1:], "field": field, "message": str(d.get("message"))}
            )
    first = errors[0] if errors else {"field": "$", "message": "invalid"}
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return Problem(
        422, "invalid-document", f"{first['field']}: {first['message']}{more}", errors=errors
    )


def report_problem(report: Report) -> Problem | None:
    """The problem answered for a single document whose report has errors (None when none).

    Errors in the document are a 422 naming every field; anything else is a 500 whose details
    stay in the log.
    """
    if not report.errors:
        return None
    if all(e.get("kind") in DOCUMENT_ERROR_KINDS for e in report.errors):
        return document_problem(report)
    return Problem(
        500,
        "engine-error",
        "The rule engine failed on this document; the "
        "failure is logged. Retry, or report the request id.",
    )


def problem_for(exc: ClearanceError) -> Problem:
    """The problem answered for a Clearance error raised while handling a request."""
    if isinstance(exc, LogLimitError):
        return Problem(
            429,
            "too-many-decisions",
            f"Not answered: {exc}. Retry in {exc.retry_after} s.",
            headers={"Retry-After": str(exc.retry_after)},
        )
    if isinstance(exc, DecisionLogError):
        return Problem(
            503,
            "unavailable",
            "The decision could not be recorded, so it is not answered; retry later.",
            headers={"Retry-After": "5"},
        )
    if isinstance(exc, DocumentError):
        return document_problem(error_report([exc]))
    if isinstance(exc, PackErrors):
        return Problem(
            422,
            "packs-refused",
            f"{len(exc.errors)} error(s) in rule packs; the packs in use are unchanged.",
            errors=[
                {**e.to_dict(), "location": f"{e.file}:{e.line}" if e.line is not None else e.file}
                for e in exc.errors
            ],
        )
    if isinstance(exc, EngineError):
        return Problem(
            500,
            "engine-error",
            "The rule engine failed; the failure is logged. Retry, or report the request id.",
        )
    return internal_error()


def request_id(scope: Scope) -> str:
    """The id of the current request (set by the guard middleware), as a URN."""
    state = scope.setdefault("state", {})
    rid = state.get("request_id")
    if not isinstance(rid, str):
        rid = str(uuid.uuid4())
        state["request_id"] = rid
    return rid


def instance_of(scope: Scope) -> str:
    """The ``instance`` member: a URN naming this occurrence (echoed in ``X-Request-ID``)."""
    return f"urn:uuid:{request_id(scope)}"


def problem_response(scope: Scope, problem: Problem) -> Response:
    """Render a Problem as an HTTP response."""
    body = json.dumps(
        problem.body(instance_of(scope)), ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    headers = dict(problem.headers)
    headers["X-Request-ID"] = request_id(scope)
    return Response(
        body, status_code=problem.status, headers=headers, media_type=PROBLEM_MEDIA_TYPE
    )


def internal_error() -> Problem:
    """The problem answered for any unexpected exception: no details leak to the client."""
    return Problem(
        500,
        "internal-error",
        "The server failed to answer this request; it has been logged with the "
        "request id given in 'instance'.",
    )


def _loc_path(loc: Sequence[Any]) -> str:
    if not loc:
        return "$"
    where, rest = loc[0], loc[1:]
    out = "$"
    for part in rest:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out if where == "body" else f"{where}:{out[2:] or out}"


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return problem_response(request.scope, exc)


async def _on_clearance(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ClearanceError)
    problem = problem_for(exc)
    if problem.status >= 500:
        log.error(
            "%s on %s %s (request %s): %s",
            type(exc).__name__,
            request.method,
            request.url.path,
            request_id(request.scope),
            exc,
        )
    return problem_response(request.scope, problem)


async def _on_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"path": _loc_path(e.get("loc", ())), "message": str(e.get("msg", "invalid"))}
        for e in exc.errors()
    ]
    status, kind = 422, "invalid-request"
    if any(e.get("type") == "json_invalid" for e in exc.errors()):
        status, kind = 400, "malformed-json"
    where = ", ".join(e["path"] for e in errors[:5])
    problem = Problem(status, kind, f"The request is not valid ({where}).", errors=errors)
    return problem_response(request.scope, problem)


_HTTP_KINDS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: "payload-too-large",
    503: "unavailable",
}


async def _on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    kind = _HTTP_KINDS.get(exc.status_code, "http-error")
    detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(kind, "Error")
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}; the API is described at /docs."
    problem = Problem(exc.status_code, kind, detail, headers=dict(exc.headers or {}))
    return problem_response(request.scope, problem)


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.error(
        "unhandled error on %s %s (request %s)",
        request.method,
        request.url.path,
        request_id(request.scope),
        exc_info=exc,
    )
    return problem_response(request.scope, internal_error())


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into problem+json."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(ClearanceError, _on_clearance)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)


PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "description": "Each problem found, with the JSON path of the offending value.",
            "items": {
                "type": "object",
                "properties": {
                    "path": {"type": "string", "description": "JSON path in the request body"},
                    "field": {"type": "string", "description": "JSON path in the document"},
                    "message": {"type": "string"},
                },
            },
        },
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the given error statuses."""
    descriptions = {
        400: "Malformed JSON, unknown market or document kind",
        401: "Missing or wrong API key",
        403: "The key lacks the required role",
        404: "Not found",
        413: "Request body (or batch) too large",
        422: "Invalid document or request, with the JSON path of every error",
        429: "The decision log's limit of decisions a minute is reached (Retry-After)",
        500: "Unexpected failure (no details are given)",
        503: "Not ready",
    }
    return {
        s: {
            "description": descriptions.get(s, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for s in statuses
    }
