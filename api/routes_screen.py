"""Screening routes: one listing, order or shipment; a JSON batch; an NDJSON stream."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.requests import ClientDisconnect
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from clearance.api.auth import Caller, require_screen
from clearance.api.decision_log import DecisionRecord
from clearance.api.engine_host import Budget, ScreenJob
from clearance.api.problems import Problem, ServiceError, problem_responses, report_problem
from clearance.api.screening import (
    Line,
    canonical_hash,
    check_date,
    check_kind,
    check_markets,
    dumps,
    input_error_report,
    ndjson_lines,
    parse_batch,
    parse_json,
    parse_screen,
    read_body,
    record_for,
)
from clearance.api.state import service
from clearance.api.stream_limits import budget_stop, within_stream_limit
from clearance.engine.report import Report, error_report, summary

log = logging.getLogger("clearance.api")
router = APIRouter(prefix="/v1/screen", tags=["screening"])


def json_response(
    body: Any,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """A compact UTF-8 JSON response."""
    return Response(
        dumps(body).encode("utf-8"),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _single_openapi(kind: str) -> dict[str, Any]:
    title = kind.capitalize()
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": _ref(f"Screen{title}Request"),
                    "examples": {"example": {"$ref": f"#/components/examples/Screen{title}"}},
                }
            },
        }
    }


def _report_response(description: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": description,
            "content": {
                "application/json": {
                    "schema": _ref("DecisionReport"),
                    "examples": {"example": {"$ref": "#/components/examples/DecisionReport"}},
                }
            },
        }
    }


async def _screen_one(request: Request, kind: str, caller: Caller) -> Response:
    svc = service(request)
    req = parse_screen(await read_body(request, svc.settings.max_body_bytes))
    job = ScreenJob(req.document, kind, req.markets, req.as_of)
    with svc.host.lease() as snapshot:
        [report] = await svc.host.screen(snapshot, [job])
    svc.apply_policies([report], caller.name)
    problem = report_problem(report)
    if problem is not None:
        if problem.status >= 500:
            log.error("engine failed on %s %s: %s", kind, report.id, report.errors)
        raise problem
    record = record_for(report, caller.name, canonical_hash(req.document), req.document)
    await svc.record([record])
    svc.metrics.record_reports([report])
    text = record.report_json or dumps(record.report)
    return Response(
        text.encode("utf-8"),
        media_type="application/json",
        headers={"Location": f"/v1/decisions/{record.id}"},
    )


_SCREEN_ERRORS = problem_responses(400, 401, 403, 413, 422, 429, 500, 503)


@router.post(
    "/listing",
    summary="Screen one listing",
    openapi_extra=_single_openapi("listing"),
    responses={**_report_response("The decision report"), **_SCREEN_ERRORS},
    operation_id="screenListing",
)
async def screen_listing(
    request: Request, caller: Annotated[Caller, Depends(require_screen)]
) -> Response:
    """Screen a product listing before it goes live.

    The body is `{"document": {...}, "markets": [...], "as_of": "YYYY-MM-DD"}`; `markets`
    (default: the listing's own `markets`) and `as_of` (default: the listing's `date`, else
    today) are optional. The answer is the decision report, with `decision_id` under which the
    decision was logged. An invalid listing is a 422 naming every bad field by JSON path.
    """
    return await _screen_one(request, "listing", caller)


@router.post(
    "/order",
    summary="Screen one order",
    openapi_extra=_single_openapi("order"),
    responses={**_report_response("The decision report"), **_SCREEN_ERRORS},
    operation_id="screenOrder",
)
async def screen_order(
    request: Request, caller: Annotated[Caller, Depends(require_screen)]
) -> Response:
    """Screen an order before it is accepted (market: the shipping address's country)."""
    return await _screen_one(request, "order", caller)


@router.post(
    "/shipment",
    summary="Screen one shipment",
    openapi_extra=_single_openapi("shipment"),
    responses={**_report_response("The decision report"), **_SCREEN_ERRORS},
    operation_id="screenShipment",
)
async def screen_shipment(
    request: Request, caller: Annotated[Caller, Depends(require_screen)]
) -> Response:
    """Screen a shipment before it is handed to a carrier (market: the destination country)."""
    return await _screen_one(request, "shipment", caller)


@router.post(
    "/batch",
    summary="Screen a batch of documents (JSON)",
    operation_id="screenBatch",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": _ref("BatchRequest"),
                    "examples": {"example": {"$ref": "#/components/examples/Batch"}},
                }
            },
        }
    },
    responses={
        200: {
            "description": "One report per document, in order, and a summary",
            "content": {"application/json": {"schema": _ref("BatchResponse")}},
        },
        **_SCREEN_ERRORS,
    },
)
async def screen_batch(
    request: Request, caller: Annotated[Caller, Depends(require_screen)]
) -> Response:
    """Screen up to the batch limit (default 1000) of documents in one request.

    Each document's kind is `kind` if given, else the document's own `kind` member. A document
    that is not valid gets a report with decision `error` naming the field; the others are still
    screened. Every report is logged and carries its `decision_id`, and `source.index` (its
    position in `documents`). For larger batches use `POST /v1/screen/stream`.
    """
    svc = service(request)
    req = parse_batch(
        await read_body(request, svc.settings.max_batch_bytes), svc.settings.batch_limit
    )
    jobs = [ScreenJob(d, req.kind, req.markets, req.as_of) for d in req.documents]
    budget = Budget(svc.settings.budget_chars, svc.settings.budget_seconds, "batch")
    with svc.host.lease() as snapshot:
        reports = await svc.host.screen(snapshot, jobs, budget)
    svc.apply_policies(reports, caller.name)
    records = []
    # hashing a 16 MiB batch takes a while: off the event loop, a document at a time
    digests = await asyncio.to_thread(lambda: [canonical_hash(d) for d in req.documents])
    for index, (report, digest) in enumerate(zip(reports, digests, strict=True)):
        report.source = {"index": index}
        records.append(record_for(report, caller.name, digest, req.documents[index]))
    await svc.record(records)
    svc.metrics.record_reports(reports)
    text = (
        f'{{"summary":{dumps(summary(reports))},"reports":['
        + ",".join(r.report_json or dumps(r.report) for r in records)
        + "]}"
    )
    return Response(text.encode("utf-8"), media_type="application/json")


class NDJSONResponse(StreamingResponse):
    """Streams lines while the request body is still being read (no disconnect listener, which
    would otherwise consume the request body meant for the route)."""

    media_type = "application/x-ndjson"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        iterator = self.body_iterator
        try:
            async for chunk in iterator:
                data = chunk if isinstance(chunk, bytes) else str(chunk).encode("utf-8")
                await send({"type": "http.response.body", "body": data, "more_body": True})
        finally:
            close = getattr(iterator, "aclose", None)
            if close is not None:
                await close()
        await send({"type": "http.response.body", "body": b"", "more_body": False})


def _line_out(body: dict[str, Any]) -> bytes:
    return dumps(body).encode("utf-8") + b"\n"


@router.post(
    "/stream",
    summary="Screen a large batch as NDJSON, one report per line as it goes",
    operation_id="screenStream",
    response_class=NDJSONResponse,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-ndjson": {
                    "schema": {"type": "string", "description": "One JSON document per line."},
                    "example": "\n".join(
                        json.dumps(d, ensure_ascii=False)
                        for d in (
                            {
                                "kind": "listing",
                                "id": "L-1",
                                "markets": ["DE"],
                                "title": "Die beste Flasche",
                            },
                            {
                                "kind": "shipment",
                                "id": "S-1",
                                "destination_country": "US",
                                "items": [
                                    {
                                        "description": "Phone case",
                                        "hs_code": "420292",
                                        "quantity": 1,
                                    }
                                ],
                            },
                        )
                    )
                    + "\n",
                }
            },
        }
    },
    responses={
        200: {
            "description": "One decision report per non-blank input line, in order",
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
        },
        **problem_responses(400, 401, 403, 413, 422),
    },
)
async def screen_stream(
    request: Request,
    caller: Annotated[Caller, Depends(require_screen)],
    kind: Annotated[
        str | None,
        Query(description="Kind of every document (default: each document's `kind` member)"),
    ] = None,
    market: Annotated[
        list[str] | None, Query(description="Screen for this market (repeatable)")
    ] = None,
    as_of: Annotated[str | None, Query(description="Evaluate as of this date (YYYY-MM-DD)")] = None,
) -> Response:
    """Screen NDJSON (`application/x-ndjson`, one document per line) of any length.

    Reports are written one per line as documents are screened, in input order; each carries
    `decision_id` and `source` (`line` number and `index`). A line that is not JSON, or longer
    than the single-document limit, gets a report with decision `error`; the stream goes on.
    Each decision is logged before its line is sent.
    """
    svc = service(request)
    kind_ = check_kind(kind) if kind is not None else None
    markets = check_markets(market, "query:market")
    on = check_date(as_of, "query:as_of")
    declared = request.headers.get("content-length")
    limit = svc.settings.max_stream_bytes
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise Problem(
            413,
            "payload-too-large",
            f"The body has {declared} bytes; the limit for a stream is {limit} bytes.",
        )
    return NDJSONResponse(_stream(request, caller, kind_, markets, on))


async def _stream(
    request: Request, caller: Caller, kind: str | None, markets: list[str] | None, on: Any
) -> AsyncIterator[bytes]:
    svc = service(request)
    budget = Budget(svc.settings.stream_budget_chars, svc.settings.stream_budget_seconds, "stream")
    limit = svc.settings.stream_limit
    with svc.host.lease() as snapshot:
        try:
            async for whole in ndjson_lines(
                request.stream(), svc.settings.max_body_bytes, svc.settings.max_stream_bytes
            ):
                group, cut = within_stream_limit(whole, limit)
                items: list[tuple[Report | None, str, Line | None, Any]] = []
                jobs: list[ScreenJob] = []
                for item in group:
                    if isinstance(item, Report):
                        items.append((item, canonical_hash(None), None, None))
                        continue
                    try:
                        data = parse_json(item.raw, f"Line {item.number}")
                    except Problem as exc:
                        items.append(
                            (
                                input_error_report(exc.detail, item.number, item.index),
                                hashlib.sha256(item.raw).hexdigest(),
                                None,
                                None,
                            )
                        )
                        continue
                    items.append((None, canonical_hash(data), item, data))
                    jobs.append(ScreenJob(data, kind, markets, on))
                screened = iter(await svc.host.screen(snapshot, jobs, budget) if jobs else [])
                out: list[bytes] = []
                records: list[DecisionRecord] = []
                reports: list[Report] = []
                for ready, digest, line, data in items:
                    report = ready if ready is not None else next(screened)
                    svc.apply_policies([report], caller.name)
                    if line is not None:
                        report.source = {"line": line.number, "index": line.index}
                    record = record_for(report, caller.name, digest, data)
                    records.append(record)
                    reports.append(report)
                    out.append((record.report_json or dumps(record.report)).encode("utf-8") + b"\n")
                await svc.record(records)
                svc.metrics.record_reports(reports)
                yield b"".join(out)
                stop = cut or budget_stop(budget, reports)
                if stop is not None:
                    yield _line_out(stop.to_dict())
                    return
        except ClientDisconnect:
            return
        except Problem as exc:
            yield _line_out(_service_error(exc.detail))
        except Exception:
            log.exception("stream failed")
            yield _line_out(
                _service_error("the stream failed on the server; the failure is logged")
            )


def _service_error(message: str) -> dict[str, Any]:
    return error_report([ServiceError(message)]).to_dict()


@router.post("/{kind}", include_in_schema=False)
async def screen_unknown_kind(
    kind: str, caller: Annotated[Caller, Depends(require_screen)]
) -> Response:
    """Any other kind is a 400 naming the known ones."""
    check_kind(kind)
    raise Problem(400, "unknown-kind", f"Unknown document kind {kind!r}.")
