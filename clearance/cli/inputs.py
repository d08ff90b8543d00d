"""Read documents from JSON, JSON Lines and CSV files in Clearance's own schema.

Every record comes back with where it came from (file, line or row); a record that cannot be
parsed comes back as an error, and the rest of the file is still read.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from clearance.cli.catalogue_formats import Item, is_shopify_header, shopify
from clearance.cli.column_map import ColumnMap, load_column_map, mapped_items, scalar
from clearance.cli.csv_rows import csv_rows
from clearance.cli.google_merchant import google_merchant, is_merchant_tsv_header, merchant_tsv
from clearance.cli.json_stream import array_items, is_streamable
from clearance.cli.textdecode import (
    DELIMITER_NAMES,
    TableFile,
    detect_delimiter,
    open_table,
    scan,
)
from clearance.engine.errors import DocumentError, InputError
from clearance.engine.fields import field_type

FORMATS = ("json", "jsonl", "csv", "shopify", "google-merchant", "amazon")
EXTENSIONS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "google-merchant",
}
NAMED_ONLY = {".txt": "csv"}
"""Extensions read when a file is named, not when a directory is searched (Merchant Center
and Amazon text feeds are often .txt)."""
TABLES = ("csv", "shopify", "amazon")
AMAZON_MAP = "amazon-inventory"
MAX_FILE_BYTES = 512 * 1024 * 1024
"""Largest JSON file read whole (one document, not an array) and largest standard input that is
not JSON Lines; the other formats are read record by record and have no file limit."""
MAX_LINE_BYTES = 64 * 1024 * 1024
"""Longest JSON Lines line; a longer one refuses only itself."""
STDIN = "-"
"""The file name that means standard input."""
STDIN_NAME = "<stdin>"
LIST_SEPARATOR = "|"
BOM = b"\xef\xbb\xbf"


@dataclass
class Record:
    """One document read from a file, or the error that stopped it being read."""

    file: str
    line: int | None
    index: int
    data: Any = None
    error: DocumentError | InputError | None = None


def expand(paths: list[Path]) -> list[Path]:
    """Files named, with directories expanded to the JSON, JSONL and CSV files inside."""
    out: list[Path] = []
    for path in paths:
        if str(path) == STDIN:
            out.append(path)
        elif path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in EXTENSIONS and p.is_file()))
        else:
            out.append(path)
    return out


def format_of(path: Path, override: str | None) -> str:
    """The input format: the override, else the file extension."""
    if override:
        return override
    fmt = EXTENSIONS.get(path.suffix.lower()) or NAMED_ONLY.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"cannot tell the format from the extension {path.suffix!r}; "
            f"use --input-format {'|'.join(FORMATS)}",
            source=str(path),
        )
    return fmt


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte {exc.start})", source=source, line=line) from None


@dataclass(frozen=True)
class TableOptions:
    """How spreadsheet exports are read: a column map (``--map``), the currency of prices that
    name none (``--currency``), and where to say which encoding and delimiter a file has."""

    column_map: ColumnMap | None = None
    currency: str | None = None
    notes: Callable[[str], None] | None = None


def read(
    path: Path,
    fmt: str | None = None,
    kind: str | None = None,
    markets: list[str] | None = None,
    tables: TableOptions | None = None,
) -> Iterator[Record]:
    """Yield the records of one file as they are read; raise InputError if the file cannot be
    read at all.

    Every format is read record by record, so memory does not grow with the file: JSON Lines
    line by line, a JSON array item by item, CSV and tab-separated exports row by row (after one
    pass that decides their encoding), XML feeds item by item (after one pass that checks the
    whole feed is well-formed). Only a JSON file that is one document is read whole.

    ``markets`` fills the markets of listings that have none (catalogue exports never do).
    Invalid UTF-8 refuses only the JSON Lines line or CSV row that holds it; a JSON document
    must be valid UTF-8 throughout, an XML feed is decoded by its own prolog, and a CSV or
    tab-separated export may also be UTF-16 or Windows-1252 (see textdecode.py).
    """
    if str(path) == STDIN:
        yield from _read_stdin(fmt, kind, markets, tables)
        return
    source = str(path)
    try:
        chosen = "csv" if tables and tables.column_map and not fmt else format_of(path, fmt)
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=source) from None
    with handle:
        yield from _read_handle(handle, source, chosen, kind, markets, tables or TableOptions())


def file_lines(handle: BinaryIO, head: Iterable[bytes] = ()) -> Iterator[bytes]:
    """The lines of a binary file (after the lines ``head`` already read from it) split at
    b"\n" only, without it, the first one without a UTF-8 byte-order mark. A line longer than
    :data:`MAX_LINE_BYTES` is not kept: it comes as an empty :class:`LongLine`."""
    first = True
    for line in itertools.chain(head, iter(lambda: handle.readline(MAX_LINE_BYTES + 1), b"")):
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):  # more than the limit
            while line and not line.endswith(b"\n"):  # pass over the rest, keeping none of it
                line = handle.readline(MAX_LINE_BYTES)
            yield LongLine()
            first = False
            continue
        if first:
            line, first = line.removeprefix(BOM), False
        yield line[:-1] if line.endswith(b"\n") else line


class LongLine(bytes):
    """A JSON Lines line longer than :data:`MAX_LINE_BYTES` (its bytes are not kept)."""


def _read_stdin(
    fmt: str | None, kind: str | None, markets: list[str] | None, tables: TableOptions | None
) -> Iterator[Record]:
    """Standard input (``-``); the format is --input-format, else JSON when the first
    character is ``[`` or a single document follows, else JSON Lines. JSON Lines is read line
    by line as it comes; any other format is first copied to an anonymous temporary file (at
    most MAX_FILE_BYTES), then read from there as a file is."""
    stream = sys.stdin.buffer
    head: list[bytes] = []
    while sum(1 for line in head if line.strip()) < 2:  # enough to tell JSON from JSON Lines
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            break
        head.append(line)
        if len(line) > MAX_LINE_BYTES or line.lstrip(BOM + b" \t\r\n")[:1] == b"[":
            break
    chosen = fmt or ("csv" if tables and tables.column_map else _sniff(b"".join(head)))
    if chosen == "jsonl":
        yield from _jsonl(file_lines(stream, head), STDIN_NAME, markets)
        return
    with tempfile.TemporaryFile(prefix="clearance-stdin-") as spool:
        spool.writelines(head)
        size = sum(map(len, head))
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise InputError(
                    f"standard input is larger than {MAX_FILE_BYTES} bytes", source=STDIN_NAME
                )
            spool.write(chunk)
        spool.seek(0)
        yield from _read_handle(spool, STDIN_NAME, chosen, kind, markets, tables or TableOptions())


def _sniff(raw: bytes) -> str:
    """json or jsonl for standard input without --input-format."""
    text = raw.removeprefix(BOM).lstrip()
    if text.startswith(b"["):
        return "json"
    lines = [line for line in text.splitlines() if line.strip()]
    return "jsonl" if len(lines) > 1 and lines[0].rstrip().endswith(b"}") else "json"


def _read_handle(
    handle: BinaryIO,
    source: str,
    chosen: str,
    kind: str | None,
    markets: list[str] | None,
    tables: TableOptions,
) -> Iterator[Record]:
    """The records of an open file (seekable) in the format ``chosen``."""
    if chosen == "jsonl":
        yield from _jsonl(file_lines(handle), source, markets)
        return
    if chosen == "json":
        if is_streamable(handle):  # an array, read item by item
            for index, item in enumerate(array_items(handle)):
                yield Record(source, None, index, with_markets(item, markets))
            return
        if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
            raise InputError(f"file is larger than {MAX_FILE_BYTES} bytes", source=source)
        handle.seek(0)
        raw = handle.read()
        if not raw.removeprefix(BOM).strip():
            raise InputError("file is empty", source=source, line=1)
        yield from _json(_decode(raw, source), source, markets)
        return
    how = scan(handle)
    if how.blank:
        raise InputError("file is empty", source=source, line=1)
    if chosen == "google-merchant" and how.skip in (0, len(BOM)) and how.first == b"<":
        yield from _catalogue(google_merchant(handle, source, markets or []), source)
    else:
        yield from _table(open_table(handle, how), source, chosen, kind, markets or [], tables)


def _table(
    table: TableFile,
    source: str,
    chosen: str,
    kind: str | None,
    markets: list[str],
    tables: TableOptions,
) -> Iterator[Record]:
    """A CSV or tab-separated export: Clearance's own columns, a Shopify or Merchant Center
    export, an Amazon inventory file, or any export through a column map."""
    first = table.first_line
    delimiter = detect_delimiter(first)
    header = first.rstrip("\r\n").split(delimiter)
    cmap = tables.column_map
    if cmap is None and (chosen == "amazon" or first.startswith("TemplateType=")):
        cmap = load_column_map(AMAZON_MAP)
    lines, encoding = table.lines, table.encoding
    if cmap is not None:
        what = f"through the map {Path(cmap.source).name}"
        items = mapped_items(lines, first, source, cmap, encoding, markets, tables.currency)
    elif chosen == "shopify" or (delimiter == "," and is_shopify_header(header)):
        what, items = (
            "as a Shopify export",
            shopify(lines, source, markets, tables.currency, encoding),
        )
    elif chosen == "google-merchant" or (delimiter == "\t" and is_merchant_tsv_header(header)):
        what = "as a Merchant Center text feed"
        items = merchant_tsv(lines, source, markets, encoding)
    else:
        what, items = "as Clearance CSV", None
    used = cmap.delimiter if cmap and cmap.delimiter else delimiter
    plain = items is None and encoding == "UTF-8" and used == ","
    if tables.notes is not None and not plain:  # anything but plain UTF-8 Clearance CSV
        sep = DELIMITER_NAMES[used]
        tables.notes(f"{source}: read {what}, {encoding}, {sep}-separated")
    if items is not None:
        yield from _catalogue(items, source)
    else:
        yield from _csv(lines, source, kind, delimiter, encoding, markets)


def _catalogue(items: Iterator[Item], source: str) -> Iterator[Record]:
    for index, item in enumerate(items):
        if item.error is not None:
            item.error.source = source
        yield Record(source, item.line, index, item.doc, item.error)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON (JSON has no NaN or Infinity)")


def _loads(text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise ValueError("JSON is nested too deeply") from None


def with_markets(data: Any, markets: list[str] | None, kind: str | None = None) -> Any:
    """A listing that names no markets gets ``markets`` (``--market``); anything else is kept."""
    if (
        markets
        and isinstance(data, dict)
        and (kind or data.get("kind")) == "listing"
        and not data.get("markets")
    ):
        return {**data, "markets": list(markets)}
    return data


def _json(text: str, source: str, markets: list[str] | None = None) -> Iterator[Record]:
    try:
        data = _loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"malformed JSON: {exc.msg} (column {exc.colno})", source=source, line=exc.lineno
        ) from None
    except ValueError as exc:
        raise InputError(str(exc), source=source) from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise InputError("the JSON array is empty: no documents", source=source, line=1)
    for i, item in enumerate(items):
        line = 1 if not isinstance(data, list) else None
        yield Record(source, line, i, with_markets(item, markets))


def _jsonl(
    chunks: Iterable[bytes], source: str, markets: list[str] | None = None
) -> Iterator[Record]:
    """One record per line; a line that is not UTF-8 or not JSON is an error, the rest are
    read. A file with no line that is not blank is an InputError ("file is empty")."""
    for number, index, line in jsonl_lines(chunks, source):
        yield jsonl_record(line, source, number, index, markets)


def jsonl_lines(chunks: Iterable[bytes], source: str) -> Iterator[tuple[int, int, str | BadLine]]:
    """The non-blank lines of a JSON Lines file (as :func:`file_lines` splits them), each with
    its line number and its index among them, decoded (:func:`decode_line`; a line that is not
    UTF-8 counts). InputError ("file is empty") when there is none. The one numbering of
    ``check`` and the batch runners."""
    index = 0
    for number, chunk in enumerate(chunks, start=1):
        line = decode_line(chunk)
        if not isinstance(line, BadLine) and not line.strip():
            continue
        yield number, index, line
        index += 1
    if index == 0:
        raise InputError("file is empty", source=source, line=1)


class BadLine(str):
    """Why a JSON Lines line could not be decoded (a message, not the line's text)."""


def decode_line(chunk: bytes) -> str | BadLine:
    """A JSON Lines line as text, or why it is not UTF-8 (or too long)."""
    if isinstance(chunk, LongLine):
        return BadLine(f"line is longer than the limit of {MAX_LINE_BYTES} bytes")
    try:
        return chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadLine(f"not valid UTF-8 (byte 0x{chunk[exc.start]:02x} at column {exc.start + 1})")


def jsonl_record(
    line: str | BadLine, source: str, number: int | None, index: int, markets: list[str] | None
) -> Record:
    """The record of one non-blank JSON Lines line (as :func:`decode_line` gives it): its
    document, or the error that stopped it being read. Shared by ``check`` and the batch
    runners (clearance.cli.batch_records), so both read a line the same way."""
    if isinstance(line, BadLine):
        return Record(source, number, index, error=InputError(str(line), source, number))
    try:
        return Record(source, number, index, with_markets(_loads(line), markets))
    except json.JSONDecodeError as exc:
        message = f"malformed JSON: {exc.msg} (column {exc.colno})"
        return Record(source, number, index, error=InputError(message, source, number))
    except ValueError as exc:
        return Record(source, number, index, error=InputError(str(exc), source, number))


def _csv(
    lines: Iterable[str],
    source: str,
    kind: str | None,
    delimiter: str = ",",
    encoding: str = "UTF-8",
    markets: list[str] | None = None,
) -> Iterator[Record]:
    _, rows = csv_rows(lines, source, delimiter, encoding)
    for index, row in enumerate(rows):
        if row.error is not None:
            yield Record(source, row.line, index, error=row.error)
            continue
        row_kind = kind or row.cells.get("kind") or None
        try:
            doc = with_markets(_unflatten(row.cells, row_kind), markets, row_kind)
            yield Record(source, row.line, index, doc)
        except DocumentError as exc:
            exc.source, exc.line = source, row.line
            yield Record(source, row.line, index, error=exc)


def _unflatten(row: dict[str, str], kind: str | None) -> dict[str, Any]:
    """Turn dotted CSV columns into a nested document, typed by the kind's schema.

    ``price.amount`` fills an object; a number segment fills a list: ``items.0.hs_code``.
    """
    doc: dict[str, Any] = {}
    for column, cell in row.items():
        if cell is None or not cell.strip():
            continue
        name = column.strip()
        parts = name.split(".")
        value: Any = _coerce(kind, parts, cell.strip()) if kind else cell.strip()
        node: Any = doc
        for part, following in itertools.pairwise(parts):
            container: Any = [] if following.isdigit() else {}
            node = _child(node, part, container, name)
        _set(node, parts[-1], value, name)
    compacted: dict[str, Any] = _compact(doc)
    return compacted


def _child(node: Any, part: str, container: Any, column: str) -> Any:
    if isinstance(node, list):
        index = int(part)
        if index > 999:
            raise DocumentError(
                f"column {column!r}: index {index} is too large", field=f"$.{column}"
            )
        while len(node) <= index:
            node.append(None)
        if node[index] is None:
            node[index] = container
        return node[index]
    existing = node.setdefault(part, container)
    if type(existing) is not type(container):
        raise DocumentError(f"column {column!r} conflicts with another column", field=f"$.{column}")
    return existing


def _set(node: Any, part: str, value: Any, column: str) -> None:
    if isinstance(node, list):
        _child(node, part, None, column)
        node[int(part)] = value
    else:
        node[part] = value


def _compact(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_compact(v) for v in value if v is not None]
    return value


def _coerce(kind: str, parts: list[str], cell: str) -> Any:
    within = None
    path = parts
    digits = [i for i, p in enumerate(parts) if p.isdigit()]
    if digits:
        i = digits[0]
        within, path = ".".join(parts[:i]), [p for p in parts[i + 1 :] if not p.isdigit()]
    if not path:
        return cell
    ftype = field_type(kind, ".".join(path), within)
    if ftype is None:
        return cell
    if ftype.type == "array":
        items = [c.strip() for c in cell.split(LIST_SEPARATOR) if c.strip()]
        inner = ftype.item
        return [scalar(inner.type if inner else "string", c, ".".join(parts)) for c in items]
    return scalar(ftype.type, cell, ".".join(parts))
