"""Documents to screen: kind detection, schema validation with field paths, markets, date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from clearance.engine.errors import DocumentError
from clearance.engine.normalise import Normalisation, normalise_document, source_path
from clearance.engine.schemas import DOCUMENT_KINDS, errors_of, json_path


@dataclass(frozen=True)
class Document:
    """A validated document ready to screen."""

    kind: str
    id: str
    data: dict[str, Any]
    markets: tuple[str, ...]
    date: dt.date | None
    normalised: tuple[Normalisation, ...] = ()
    """What normalisation changed before validation (engine/normalise.py)."""


def detect_kind(data: Any, kind: str | None = None) -> str:
    """Return the document kind: the explicit one, else the document's ``kind`` field."""
    if not isinstance(data, dict):
        raise DocumentError(f"a document must be a JSON object, got {type(data).__name__}")
    declared = data.get("kind")
    chosen = kind or declared
    if chosen is None:
        raise DocumentError(
            "document kind unknown: give --kind or a 'kind' field (listing, order, shipment)",
            field="$.kind",
        )
    if chosen not in DOCUMENT_KINDS:
        raise DocumentError(
            f"unknown document kind {chosen!r}; use one of {', '.join(DOCUMENT_KINDS)}",
            field="$.kind",
        )
    if declared is not None and declared != chosen:
        raise DocumentError(
            f"document says kind {declared!r} but {chosen!r} was asked for", field="$.kind"
        )
    return str(chosen)


def validate(data: Any, kind: str | None = None) -> Document:
    """Validate a raw document; raise DocumentError naming the first bad field by JSON path."""
    chosen = detect_kind(data, kind)
    data, normalised = normalise_document(chosen, data)
    errors = [(source_path(json_path(p), normalised), m) for p, m in errors_of(chosen, data, 20)]
    if errors:
        first_path, message = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise DocumentError(
            f"{message}{more}",
            field=first_path,
            details=[{"field": p, "message": m} for p, m in errors],
        )
    date = None
    if data.get("date"):
        try:
            date = dt.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            raise DocumentError(f"{data['date']!r} is not a date", field="$.date") from None
    return Document(
        kind=chosen,
        id=str(data["id"]),
        data=data,
        markets=markets_of(chosen, data),
        date=date,
        normalised=tuple(normalised),
    )


def markets_of(kind: str, data: dict[str, Any]) -> tuple[str, ...]:
    """The markets a document is screened for: a listing's markets, else its destination."""
    if kind == "listing":
        return tuple(dict.fromkeys(data.get("markets", [])))
    if kind == "order":
        country = (data.get("shipping_address") or {}).get("country")
        return (country,) if country else ()
    return (data["destination_country"],)
