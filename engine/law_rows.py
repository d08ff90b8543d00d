"""The law catalogue (``rules/law/rows.yaml``): every row of the law briefs, as typed data.

Rules name the rows they implement (``implements:``); ``clearance rules validate`` checks those
ids against this catalogue and ``clearance rules coverage`` reports which rows no rule covers
yet, with the reason a row cannot be decided from document data. The file is checked against
``rules/schema/rows.schema.json`` first, then for meaning: unique ids, known market groups, an
``applies_to`` that matches the brief's apply code, and ``refines`` / ``related`` ids that exist.

Limits: the file may be at most :data:`MAX_BYTES` bytes and hold at most 5,000 rows (the
schema's ``maxItems``); YAML aliases are capped by :mod:`clearance.engine.yamlsafe`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError
from clearance.engine.markets import ALL, Markets
from clearance.engine.schemas import errors_of, json_path, load_schema
from clearance.engine.yamlsafe import LoadedYaml, load_yaml

__all__ = [
    "APPLY_CODES",
    "MAX_BYTES",
    "ROWS_FILE",
    "Row",
    "load_rows",
    "read_rows",
    "row_errors",
    "rows_file",
    "topics",
]

ROWS_FILE = Path("law") / "rows.yaml"
"""Where the catalogue sits inside a rules directory."""

MAX_BYTES = 2_000_000
"""Largest catalogue file read, in bytes."""

APPLY_CODES = {"L": "listing", "O": "order", "S": "shipment", "P": "seller-profile"}
"""The briefs' apply codes and the ``applies_to`` value each stands for."""


@dataclass(frozen=True)
class Row:
    """One row of a law brief (or one product-brief scope item), with where it is defined."""

    id: str
    brief: str
    section: str
    markets: tuple[str, ...]
    topic: str
    applies_to: tuple[str, ...]
    summary: str
    sources: tuple[str, ...]
    decidable: str
    file: str
    line: int | None
    confidence: str | None = None
    confidence_note: str | None = None
    quote: str | None = None
    apply: str | None = None
    citation: str | None = None
    dates: str | None = None
    reason: str | None = None
    refines: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


def rows_file(rules_dir: Path) -> Path:
    """The catalogue file of ``rules_dir``."""
    return rules_dir / ROWS_FILE


def topics() -> tuple[str, ...]:
    """The topic vocabulary, as the schema defines it."""
    return tuple(load_schema("rows")["$defs"]["topic"]["enum"])


def load_rows(rules_dir: Path) -> dict[str, Row]:
    """Load and check ``rules_dir/law/rows.yaml``; raise the first problem as a PackError.

    Use :func:`row_errors` to get every problem at once.
    """
    rows, errors = _read(rules_dir)
    if errors:
        raise errors[0]
    return rows


def read_rows(rules_dir: Path) -> tuple[dict[str, Row], list[PackError]]:
    """The rows of the catalogue of ``rules_dir`` and every problem found, read once."""
    return _read(rules_dir)


def row_errors(rules_dir: Path) -> list[PackError]:
    """Every problem in the catalogue of ``rules_dir``, in file order (empty when it is good)."""
    return _read(rules_dir)[1]


def _read(rules_dir: Path) -> tuple[dict[str, Row], list[PackError]]:
    path = rows_file(rules_dir)
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PackError(
                f"the law catalogue is {size} bytes, more than the limit of {MAX_BYTES}", file=file
            )
        loaded = load_yaml(path.read_text(encoding="utf-8"), file)
    except FileNotFoundError:
        return {}, [PackError("the law catalogue does not exist", file=file)]
    except PackError as exc:
        return {}, [exc]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [PackError(f"cannot read the law catalogue: {exc}", file=file)]
    schema_problems = errors_of("rows", loaded.data)
    if schema_problems:
        return {}, [_schema_error(loaded, where, message) for where, message in schema_problems]
    try:
        markets = Markets.load(rules_dir / "markets.yaml")
    except PackError as exc:
        return {}, [exc]
    return _check(loaded, markets)


def _schema_error(loaded: LoadedYaml, where: tuple[str | int, ...], message: str) -> PackError:
    hint = None
    value = _value_at(loaded.data, where)
    if isinstance(value, bool):
        hint = f'quote the word: {where[-1]}: "yes" (YAML reads a bare yes or no as true/false)'
    return PackError(
        f"{json_path(where)}: {message}",
        file=loaded.file,
        line=loaded.line_of(where),
        rule_id=_row_id(loaded.data, where),
        hint=hint,
        path=json_path(where),
    )


def _value_at(data: Any, where: tuple[str | int, ...]) -> Any:
    for part in where:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _row_id(data: Any, where: tuple[str | int, ...]) -> str | None:
    if len(where) >= 2 and where[0] == "rows" and isinstance(where[1], int):
        row = _value_at(data, where[:2])
        rid = row.get("id") if isinstance(row, dict) else None
        if isinstance(rid, str):
            return rid
    return None


def _check(loaded: LoadedYaml, markets: Markets) -> tuple[dict[str, Row], list[PackError]]:
    errors: list[PackError] = []
    rows: dict[str, Row] = {}

    def fail(i: int, key: str | None, message: str, rid: str, hint: str | None = None) -> None:
        where: tuple[str | int, ...] = ("rows", i) if key is None else ("rows", i, key)
        errors.append(
            PackError(
                message,
                file=loaded.file,
                line=loaded.line_of(where),
                rule_id=rid,
                hint=hint,
                path=json_path(where),
            )
        )

    raw_rows: list[dict[str, Any]] = loaded.data["rows"]
    for i, raw in enumerate(raw_rows):
        rid = raw["id"]
        if rid in rows:
            first = rows[rid].line
            fail(i, "id", f"duplicate row id {rid} (first at line {first})", rid)
            continue
        for code in raw["markets"]:
            if len(code) > 2 and "-" not in code and code != ALL and code not in markets.groups:
                fail(
                    i,
                    "markets",
                    f"unknown market group {code!r}",
                    rid,
                    hint="use an ISO code or a group of rules/markets.yaml",
                )
        if "apply" in raw:
            expected = {APPLY_CODES[c] for c in raw["apply"].split(",")}
            if set(raw["applies_to"]) != expected:
                fail(
                    i,
                    "applies_to",
                    f"applies_to {raw['applies_to']} does not match apply {raw['apply']!r}",
                    rid,
                    hint=f"write applies_to: [{', '.join(sorted(expected))}]",
                )
        rows[rid] = _row(raw, loaded.file, loaded.line_of(("rows", i)))
    for i, raw in enumerate(raw_rows):
        for key in ("refines", "related"):
            for target in raw.get(key, []):
                if target == raw["id"]:
                    fail(i, key, f"{key} names the row itself", raw["id"])
                elif target not in rows:
                    fail(i, key, f"{key} names unknown row {target}", raw["id"])
    errors.sort(key=lambda e: e.line or 0)
    return rows, errors


def _row(raw: dict[str, Any], file: str, line: int | None) -> Row:
    return Row(
        id=raw["id"],
        brief=raw["brief"],
        section=raw["section"],
        markets=tuple(raw["markets"]),
        topic=raw["topic"],
        applies_to=tuple(raw["applies_to"]),
        summary=raw["summary"],
        sources=tuple(raw["sources"]),
        decidable=raw["decidable"],
        file=file,
        line=line,
        confidence=raw.get("confidence"),
        confidence_note=raw.get("confidence_note"),
        quote=raw.get("quote"),
        apply=raw.get("apply"),
        citation=raw.get("citation"),
        dates=raw.get("dates"),
        reason=raw.get("reason"),
        refines=tuple(raw.get("refines", ())),
        related=tuple(raw.get("related", ())),
    )
