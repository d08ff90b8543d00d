"""Documents to screen: kind detection, schema validation with field paths, markets, date.

Besides the schema's limits on raw length, every text is limited by its *normalised* length
(:func:`clearance.engine.textnorm.normalized_length`): normalising can turn one character into
18 (U+FDFA), and the work of screening grows with the normalised text as well as with the text
as sent (invisible characters cost work and normalise to nothing). A text counts as its length
as sent or once normalised, whichever is longer. A field longer than :data:`MAX_FIELD_CHARS`, or
a document whose texts add up to more than :data:`MAX_DOCUMENT_CHARS`, is refused with an error
naming the field.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from clearance.engine.errors import DocumentError
from clearance.engine.normalise import Normalisation, normalise_document, source_path
from clearance.engine.schemas import DOCUMENT_KINDS, errors_of, json_path
from clearance.engine.textnorm import MAX_FORM_CHARS, normalized_length

MAX_FIELD_CHARS = 250_000
"""Most characters one text field of a document may have once normalised."""
MAX_DOCUMENT_CHARS = 500_000
"""Most characters all the texts of one document may have together (each counted as sent or
once normalised, whichever is longer)."""


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
    if not _surely_within_limits(data):
        check_text_size(data)
    check_numbers(data)
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


def _leaves(
    data: Any, kinds: type | tuple[type, ...], root: str = "$"
) -> Iterator[tuple[str, Any]]:
    """Every value of type ``kinds`` in ``data`` with its JSON path, in document order (keys
    are not values)."""
    stack: list[tuple[str, Any]] = [(root, data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, kinds):
            yield path, node
        elif isinstance(node, dict):
            stack.extend((f"{path}.{k}", v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(node))))


def _texts(data: Any, root: str = "$") -> Iterator[tuple[str, str]]:
    """Every string in ``data`` with its JSON path, in document order."""
    return _leaves(data, str, root)


def check_numbers(data: Any) -> None:
    """Raise DocumentError naming the field of a number that is not finite (NaN, infinity:
    JSON has no such numbers, but Python callers can pass them)."""
    for path, number in _leaves(data, float):
        if not math.isfinite(number):
            raise DocumentError(f"{number!r} is not a finite number", field=path)


def text_size(data: Any) -> int:
    """The size of all the texts of a document (each as sent or once normalised, whichever is
    longer), counted up to just past :data:`MAX_DOCUMENT_CHARS`: a measure of the work of
    screening it."""
    total = 0
    for _, text in _texts(data, "$"):
        total += _size(text, MAX_DOCUMENT_CHARS - total)
        if total > MAX_DOCUMENT_CHARS:
            break
    return total


def check_text_size(data: Any) -> int:
    """Raise DocumentError naming the field when a text is too long (see the module
    docstring); return the size of the document's texts."""
    total = 0
    for path, text in _texts(data, "$"):
        size = _size(text, MAX_FIELD_CHARS)
        if size > MAX_FIELD_CHARS:
            raise DocumentError(
                f"the text is longer than {MAX_FIELD_CHARS:,} characters once normalised "
                f"for screening ({len(text):,} characters as sent; compatibility characters "
                "such as U+FDFA expand to many)",
                field=path,
            )
        total += size
        if total > MAX_DOCUMENT_CHARS:
            raise DocumentError(
                f"the document's texts are longer than {MAX_DOCUMENT_CHARS:,} characters "
                "together (each counted as sent or once normalised for screening, whichever "
                f"is longer; the limit was passed at {path}); shorten the texts",
                field=path,
            )
    return total


def _surely_within_limits(data: Any) -> bool:
    """True when no text of ``data`` could pass the limits even if every character took its
    longest normalised form (:data:`MAX_FORM_CHARS`; an ASCII character stays one), so that
    :func:`check_text_size` need not normalise anything: the usual document."""
    total = 0
    for _, text in _texts(data, "$"):
        bound = len(text) if text.isascii() else len(text) * MAX_FORM_CHARS
        total += bound
        if bound > MAX_FIELD_CHARS or total > MAX_DOCUMENT_CHARS:
            return False
    return True


def _size(text: str, stop_after: int) -> int:
    return max(len(text), normalized_length(text, stop_after))
