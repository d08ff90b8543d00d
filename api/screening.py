"""Screening requests: parse and check the envelope, screen, log the decisions, shape answers.

Request bodies are parsed here rather than by FastAPI so that each failure gets its own status:
malformed JSON 400, unknown market or kind 400, an invalid envelope or document 422 (with the
JSON path of every error), too large 413.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import ClientDisconnect, Request

from clearance.api.decision_log import DecisionRecord, utc_now
from clearance.api.problems import Problem
from clearance.api.rescreen import parties_of
from clearance.engine.errors import InputError
from clearance.engine.report import Report, error_report
from clearance.engine.schemas import DOCUMENT_KINDS

MARKET = re.compile(r"[A-Z]{2}\Z")
MAX_MARKETS = 60


def canonical_hash(data: Any) -> str:
    """sha256 of the canonical JSON form of ``data`` (sorted keys, no spaces)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(raw: bytes, what: str = "The request body") -> Any:
    """Parse JSON strictly (no NaN or Infinity); malformed input is a 400 problem."""
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        detail = f"{what} is not UTF-8 (byte {exc.start})."
    except json.JSONDecodeError as exc:
        detail = f"{what} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}."
    except ValueError as exc:
        detail = f"{what} is not valid JSON: {exc}."
    except RecursionError:
        detail = f"{what} is nested too deeply."
    raise Problem(400, "malformed-json", detail)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole request body, or a 413 problem as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise Problem(
            413,
            "payload-too-large",
            f"The body has {declared} bytes; the limit here is {limit} bytes.",
        )
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise Problem(
                    413, "payload-too-large", f"The body is over the limit of {limit} bytes here."
                )
            chunks.append(chunk)
    except ClientDisconnect:
        raise Problem(400, "bad-request", "The client closed the connection.") from None
    if not chunks:
        raise Problem(400, "malformed-json", "The request body is empty; send a JSON object.")
    return b"".join(chunks)


def check_kind(kind: Any) -> str:
    """A known document kind, or a 400 problem."""
    if kind not in DOCUMENT_KINDS:
        raise Problem(
            400,
            "unknown-kind",
            f"Unknown document kind {kind!r}; use one of {', '.join(DOCUMENT_KINDS)}.",
        )
    return str(kind)


def check_markets(value: Any, path: str = "$.markets") -> list[str] | None:
    """Markets as given: two upper-case letters each (400 otherwise), or None when absent."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise Problem(
            422,
            "invalid-request",
            f"{path} must be a list of market codes.",
            errors=[{"path": path, "message": "expected a list of market codes"}],
        )
    if not value or len(value) > MAX_MARKETS:
        raise Problem(
            422,
            "invalid-request",
            f"{path} needs 1 to {MAX_MARKETS} markets; "
            "leave it out to screen for the document's own markets.",
            errors=[{"path": path, "message": f"1 to {MAX_MARKETS} markets"}],
        )
    bad = [(i, m) for i, m in enumerate(value) if not isinstance(m, str) or not MARKET.match(m)]
    if bad:
        i, m = bad[0]
        raise Problem(
            400,
            "unknown-market",
            f"Unknown market {m!r} at {path}[{i}]: a market is an ISO 3166-1 code of "
            "two upper-case letters, e.g. DE, FR, US.",
            errors=[{"path": f"{path}[{j}]", "message": f"unknown market {v!r}"} for j, v in bad],
        )
    return list(dict.fromkeys(value))


def check_date(value: Any, path: str = "$.as_of") -> dt.date | None:
    """A YYYY-MM-DD date, or a 422 problem naming ``path``; None when absent."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Problem(
        422,
        "invalid-request",
        f"{path} must be a date as YYYY-MM-DD.",
        errors=[{"path": path, "message": f"{value!r} is not a date (YYYY-MM-DD)"}],
    )


def _unknown_keys(body: dict[str, Any], allowed: Sequence[str], hint: str) -> None:
    extra = sorted(k for k in body if k not in allowed)
    if extra:
        raise Problem(
            422,
            "invalid-request",
            f"Unknown member(s) {', '.join(map(repr, extra))}; the body has "
            f"{', '.join(allowed)}. {hint}",
            errors=[{"path": f"$.{k}", "message": "unknown member"} for k in extra],
        )


@dataclass(frozen=True)
class ScreenRequest:
    """One document to screen, with the caller's options."""

    document: Any
    markets: list[str] | None
    as_of: dt.date | None


@dataclass(frozen=True)
class BatchRequest:
    """Several documents to screen with the same options."""

    documents: list[Any]
    kind: str | None
    markets: list[str] | None
    as_of: dt.date | None


def parse_screen(raw: bytes) -> ScreenRequest:
    """``{"document": {...}, "markets": [...], "as_of": "YYYY-MM-DD"}``."""
    body = parse_json(raw)
    if not isinstance(body, dict):
        raise Problem(
            422,
            "invalid-request",
            "The body must be a JSON object with 'document'.",
            errors=[{"path": "$", "message": "expected an object"}],
        )
    if "document" not in body:
        looks_bare = any(k in body for k in ("id", "title", "items", "kind"))
        hint = (
            'It looks like a bare document: wrap it as {"document": {...}}.' if looks_bare else ""
        )
        raise Problem(
            422,
            "invalid-request",
            f"The body needs 'document'. {hint}".strip(),
            errors=[{"path": "$.document", "message": "required"}],
        )
    _unknown_keys(body, ("document", "markets", "as_of"), "")
    return ScreenRequest(
        body["document"], check_markets(body.get("markets")), check_date(body.get("as_of"))
    )


def parse_batch(raw: bytes, limit: int) -> BatchRequest:
    """``{"documents": [...], "kind": ..., "markets": [...], "as_of": "YYYY-MM-DD"}``."""
    body = parse_json(raw)
    if not isinstance(body, dict):
        raise Problem(
            422,
            "invalid-request",
            "The body must be a JSON object with 'documents'.",
            errors=[{"path": "$", "message": "expected an object"}],
        )
    _unknown_keys(body, ("documents", "kind", "markets", "as_of"), "")
    docs = body.get("documents")
    if not isinstance(docs, list) or not docs:
        raise Problem(
            422,
            "invalid-request",
            "'documents' must be a non-empty array.",
            errors=[{"path": "$.documents", "message": "expected a non-empty array"}],
        )
    if len(docs) > limit:
        raise Problem(
            413,
            "batch-too-large",
            f"{len(docs)} documents in one batch; the limit is {limit}. Split the "
            "batch, or use POST /v1/screen/stream (NDJSON) for large batches.",
        )
    kind = body.get("kind")
    return BatchRequest(
        docs,
        check_kind(kind) if kind is not None else None,
        check_markets(body.get("markets")),
        check_date(body.get("as_of")),
    )


def new_decision_id() -> str:
    """A fresh decision id."""
    return str(uuid.uuid4())


def dumps(body: Any) -> str:
    """Compact JSON text."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def record_for(
    report: Report, caller: str, input_sha256: str, document: Any = None
) -> DecisionRecord:
    """Give the report a decision id and build its log record (with the report's JSON text,
    which is also the answer's, and what re-screening needs of the document's parties)."""
    decision_id = new_decision_id()
    body = report.to_dict()
    body["decision_id"] = decision_id
    return DecisionRecord(
        id=decision_id,
        created_at=utc_now(),
        caller=caller,
        kind=report.kind,
        document_id=report.id,
        input_sha256=input_sha256,
        decision=report.decision,
        markets=list(report.markets),
        as_of=report.as_of,
        findings=[
            {"rule_id": f.rule_id, "severity": f.severity, "market": f.market}
            for f in report.findings
        ],
        packs=list(report.packs),
        report=body,
        report_json=dumps(body),
        parties=parties_of(report.kind, document, body) if not report.errors else None,
    )


def input_error_report(message: str, line: int, index: int) -> Report:
    """The report of an NDJSON line that could not be read as a document."""
    return error_report([InputError(message, line=line)], source={"line": line, "index": index})


@dataclass
class Line:
    """One non-blank NDJSON line: its number, its index among documents, and its bytes."""

    number: int
    index: int
    raw: bytes


async def ndjson_lines(
    chunks: AsyncIterator[bytes],
    max_line: int,
    max_total: int,
) -> AsyncIterator[list[Line | Report]]:
    """Group the lines of an NDJSON body as they arrive (one group per received chunk).

    A line longer than ``max_line`` becomes an error report; a body longer than ``max_total``
    ends the stream with an error report.
    """
    buffer = bytearray()
    number = 0
    index = 0
    total = 0
    skipping = False
    async for chunk in chunks:
        total += len(chunk)
        if total > max_total:
            yield [
                input_error_report(
                    f"the stream is over the limit of {max_total} bytes; "
                    "nothing after this point was read",
                    number + 1,
                    index,
                )
            ]
            return
        buffer.extend(chunk)
        group: list[Line | Report] = []
        while True:
            nl = buffer.find(b"\n")
            if nl < 0:
                if len(buffer) > max_line:
                    if not skipping:
                        group.append(
                            input_error_report(
                                f"line is longer than the limit of {max_line} bytes",
                                number + 1,
                                index,
                            )
                        )
                        index += 1
                        skipping = True
                    buffer.clear()
                break
            line = bytes(buffer[:nl])
            del buffer[: nl + 1]
            number += 1
            if skipping:
                skipping = False
                continue
            if len(line) > max_line:
                group.append(
                    input_error_report(
                        f"line is longer than the limit of {max_line} bytes", number, index
                    )
                )
                index += 1
            elif line.strip():
                group.append(Line(number, index, line))
                index += 1
        if group:
            yield group
    if buffer.strip() and not skipping:
        yield [Line(number + 1, index, bytes(buffer))]
