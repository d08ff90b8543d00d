"""Message templates: ``{name}`` placeholders, parsed one way for checking and for rendering.

A rule's ``message`` and ``remediation`` are text with placeholders: ``{market}``, a document
field ``{manufacturer.country}``, a table column ``{low_value_threshold.amount}``. ``{{`` and
``}}`` are literal braces. Nothing else is a placeholder: a conversion or format
(``{market!r}``, ``{amount:.2f}``), an empty ``{}`` or a lone brace is a :class:`TemplateError`,
which the meaning checks (:mod:`clearance.engine.semantics`) report as a pack error with file and
line, and which the renderer (:mod:`clearance.engine.report`) never meets for a loaded pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from clearance.engine.errors import TemplateError

BUILTIN_PLACEHOLDERS = frozenset({"market", "id", "kind", "as_of", "matched", "rule_id"})
"""Placeholders filled by the report itself rather than by a document field or table column."""

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\Z")
FIX = "write {name} with a field, table.column or built-in name; {{ and }} for literal braces"


@dataclass(frozen=True)
class Placeholder:
    """One ``{name}`` in a template, with its 0-based column."""

    name: str
    column: int


Piece = str | Placeholder


@lru_cache(maxsize=4096)
def parse(text: str) -> tuple[Piece, ...]:
    """Split a template into literal text and placeholders; raise TemplateError when ill-formed.

    Templates are few and fixed (one per rule message), so the parse is cached.
    """
    pieces: list[Piece] = []
    literal: list[str] = []
    at = 0
    for match in _TOKEN.finditer(text):
        literal.append(text[at : match.start()])
        at = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal.append(token[0])
            continue
        inner = match.group(1)
        column = match.start()
        if inner is None:
            raise TemplateError(f"single {token!r} at column {column + 1}", column)
        if not inner:
            raise TemplateError(f"empty placeholder {{}} at column {column + 1}", column)
        if not _NAME.match(inner):
            raise TemplateError(
                f"placeholder {token} at column {column + 1} is not a name "
                "(no !conversion, :format, spaces or indexes)",
                column,
            )
        if literal:
            pieces.append("".join(literal))
            literal = []
        pieces.append(Placeholder(inner, column))
    literal.append(text[at:])
    if "".join(literal):
        pieces.append("".join(literal))
    return tuple(pieces)


def names(text: str) -> list[str]:
    """The placeholder names of a template, in order (raise TemplateError when ill-formed)."""
    return [p.name for p in parse(text) if isinstance(p, Placeholder)]


def shown(value: Any) -> str:
    """A placeholder's value as printed: money as ``79.8 USD``, lists joined, absent noted."""
    if value is None:
        return "(not given)"
    if isinstance(value, dict) and "amount" in value and "currency" in value:
        return f"{value['amount']:g} {value['currency']}"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def render(text: str, values: dict[str, Any]) -> str:
    """Fill a template's placeholders from ``values`` (raise TemplateError when ill-formed)."""
    return "".join(
        shown(values.get(p.name)) if isinstance(p, Placeholder) else p for p in parse(text)
    )
