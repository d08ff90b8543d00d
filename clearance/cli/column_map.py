"""Sellers' own CSV and tab-separated exports, read through a column map (``--map``).

A map (YAML, ``rules/schema/column-map.schema.json``) says which column fills which document
field, with a transform per column (split a list, parse a price, take the text of HTML, refuse
an identifier a spreadsheet turned into a number) and constants every document gets. Ready
maps for common exports are bundled (``clearance/cli/maps/``) and named without the path:
``--map woocommerce``. A cell that cannot be read refuses its row with the column and line; the
other rows are still read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from clearance.cli.catalogue_formats import MANGLED_NUMBER, Item, parse_price, text_of_html
from clearance.cli.csv_rows import csv_rows
from clearance.cli.textdecode import detect_delimiter
from clearance.engine.configfiles import read_config_file
from clearance.engine.errors import DocumentError, InputError, PackErrors

TRUE_WORDS = frozenset({"true", "yes", "1", "y", "ja", "oui", "sí", "si", "x"})
FALSE_WORDS = frozenset({"false", "no", "0", "n", "nein", "non"})
"""The yes and no of spreadsheet exports (English, German, French, Spanish and Italian)."""


@dataclass(frozen=True)
class ColumnSpec:
    """How one column fills one field."""

    column: str
    field: str
    split: str | None = None
    append: bool = False
    parse: str = "text"
    currency_column: str | None = None


@dataclass(frozen=True)
class ColumnMap:
    """A checked column map."""

    kind: str
    columns: tuple[ColumnSpec, ...]
    constants: dict[str, Any]
    header_row: int = 1
    delimiter: str | None = None
    source: str = ""


def bundled_maps() -> list[str]:
    """The names of the ready maps."""
    folder = resources.files("clearance.cli").joinpath("maps")
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def load_column_map(name: str) -> ColumnMap:
    """A map from a file path, or a bundled map by name; InputError naming the file and line."""
    path = Path(name)
    if not path.suffix and name in bundled_maps():
        path = Path(str(resources.files("clearance.cli").joinpath("maps", f"{name}.yaml")))
    elif not path.exists():
        known = ", ".join(bundled_maps())
        raise InputError(f"no such map file (bundled maps: {known})", source=name)
    try:
        loaded = read_config_file(path, "column-map", "map", "column map")
    except PackErrors as exc:
        first = exc.errors[0]
        raise InputError(first.message, source=first.file, line=first.line) from None
    data = loaded.data
    columns = []
    for column, spec in data["columns"].items():
        if isinstance(spec, str):
            columns.append(ColumnSpec(column, spec))
        else:
            columns.append(
                ColumnSpec(
                    column,
                    spec["field"],
                    spec.get("split"),
                    bool(spec.get("append", False)),
                    spec.get("parse", "text"),
                    spec.get("currency_column"),
                )
            )
    return ColumnMap(
        kind=data["kind"],
        columns=tuple(columns),
        constants=dict(data.get("constants", {})),
        header_row=int(data.get("header_row", 1)),
        delimiter=data.get("delimiter"),
        source=str(path),
    )


def mapped_items(
    lines: Iterable[str],
    first_line: str,
    source: str,
    cmap: ColumnMap,
    encoding: str,
    markets: list[str],
    currency: str | None,
) -> Iterator[Item]:
    """The documents of a mapped export, one per data row (``lines`` as textdecode.open_table
    gives them; the delimiter, unless the map names it, is the first line's)."""
    delimiter = cmap.delimiter or detect_delimiter(first_line)
    header, rows = csv_rows(lines, source, delimiter, encoding, skip_rows=cmap.header_row - 1)
    names = {h.strip() for h in header}
    if not any(spec.column in names for spec in cmap.columns):
        raise InputError(
            f"no column of the map {cmap.source} is in the header "
            f"(read with delimiter {delimiter!r})",
            source=source,
            line=cmap.header_row,
        )
    for row in rows:
        if row.error is not None:
            yield Item(row.line, {"kind": cmap.kind}, row.error)
            continue
        try:
            doc = map_row(row.cells, cmap, markets, currency)
        except DocumentError as exc:
            exc.source, exc.line = source, row.line
            yield Item(row.line, {"kind": cmap.kind}, exc)
            continue
        if doc is not None:
            yield Item(row.line, doc)


def map_row(
    cells: dict[str, str], cmap: ColumnMap, markets: list[str], currency: str | None
) -> dict[str, Any] | None:
    """One row as a document (None for a row with no mapped value); DocumentError names the
    column of a cell that cannot be read."""
    doc: dict[str, Any] = {"kind": cmap.kind}
    filled = False
    for spec in cmap.columns:
        cell = (cells.get(spec.column) or "").strip()
        if not cell:
            continue
        value = _value(spec, cell, cells, currency)
        if value is None:
            continue
        filled = True
        place(doc, spec.field, value, spec.append)
    if not filled:
        return None
    for dotted, value in cmap.constants.items():
        if get(doc, dotted) is None:
            place(doc, dotted, value, False)
    if cmap.kind == "listing" and markets and not doc.get("markets"):
        doc["markets"] = list(markets)
    return doc


def _value(spec: ColumnSpec, cell: str, cells: dict[str, str], currency: str | None) -> Any:
    field = f"$.{spec.field}"
    where = f"column {spec.column!r}"
    if spec.split is not None:
        parts = [p.strip() for p in cell.split(spec.split) if p.strip()]
        return [_one(spec, p, cells, currency, where, field) for p in parts]
    return _one(spec, cell, cells, currency, where, field)


def _one(
    spec: ColumnSpec, cell: str, cells: dict[str, str], currency: str | None, where: str, field: str
) -> Any:
    parse = spec.parse
    if parse == "html":
        return text_of_html(cell)
    if parse == "upper":
        return cell.upper()
    if parse == "lower":
        return cell.lower()
    if parse == "identifier":
        if MANGLED_NUMBER.match(cell):
            raise DocumentError(
                f"{where}: {cell!r} is a number a spreadsheet rewrote, not an identifier "
                "(format the column as text before exporting)",
                field=field,
            )
        return cell
    if parse == "price":
        code = (cells.get(spec.currency_column or "") or "").strip() or currency
        text = cell if code is None or re.search(r"[A-Za-z€£¥₹₩$]", cell) else f"{cell} {code}"
        try:
            amount, found = parse_price(text)
        except DocumentError as exc:
            exc.message, exc.field = f"{where}: {exc.message}", field
            raise
        return {"amount": float(amount), "currency": found}
    if parse in ("number", "integer", "boolean"):
        try:
            return scalar(parse, cell, field.removeprefix("$."))
        except DocumentError as exc:
            exc.message = f"{where}: {exc.message}"
            raise
    return cell


def scalar(kind: str, cell: str, path: str) -> Any:
    """A cell as a JSON boolean or number of the field's type (``kind``), else the text."""
    if kind == "boolean":
        lowered = cell.lower()
        if lowered in TRUE_WORDS:
            return True
        if lowered in FALSE_WORDS:
            return False
        raise DocumentError(f"{cell!r} is not true or false", field=f"$.{path}")
    if kind in ("number", "integer"):
        try:
            number = float(cell)
        except ValueError:
            raise DocumentError(f"{cell!r} is not a number", field=f"$.{path}") from None
        return int(number) if kind == "integer" and number.is_integer() else number
    return cell


def get(doc: dict[str, Any], dotted: str) -> Any:
    """The value at a dotted field, or None."""
    node: Any = doc
    for part in dotted.split("."):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def place(doc: dict[str, Any], dotted: str, value: Any, append: bool) -> None:
    """Set (or with ``append``, extend the list at) a dotted field; a number segment is a list
    index (``items.0.hs_code``)."""
    parts = dotted.split(".")
    node: Any = doc
    for part, following in itertools.pairwise(parts):
        empty: Any = [] if following.isdigit() else {}
        if isinstance(node, list):
            index = int(part)
            while len(node) <= index:
                node.append(None)
            if node[index] is None:
                node[index] = empty
            node = node[index]
        else:
            if not isinstance(node.get(part), (dict, list)):
                node[part] = empty
            node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        index = int(last)
        while len(node) <= index:
            node.append(None)
        node[index] = value
    elif append:
        existing = node.setdefault(last, [])
        existing.extend(value if isinstance(value, list) else [value])
    else:
        node[last] = value
