"""CSV rows with the line each starts on, and one error per bad row instead of a crash.

Shared by Clearance's own CSV and Shopify exports. A row is refused (the others are still read)
when it is malformed, has more or fewer cells than the header, holds a cell longer than
``MAX_CELL_CHARS`` or bytes that are not UTF-8 (the text is decoded with ``surrogateescape``,
so such bytes reach here as lone surrogates and are named with their row and column).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clearance.engine.errors import InputError

if TYPE_CHECKING:
    from _csv import Reader

MAX_CELL_CHARS = 128 * 1024
"""Longest cell accepted, in characters (Python's own ``csv.field_size_limit`` default)."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_PARSE_LIMIT = 16 << 20
"""Longest cell the csv module holds: a longer one stops its row as malformed, so memory stays
bounded in a file of any size; cells up to it are read and refused by name (MAX_CELL_CHARS)."""


@dataclass
class CsvRow:
    """One data row: its first line and cells by header name, or the error that refused it.

    A refused row keeps the cells that could be read (so a Shopify row still names its Handle).
    """

    line: int
    cells: dict[str, str] = field(default_factory=dict)
    error: InputError | None = None


@contextmanager
def _wide_fields() -> Iterator[None]:
    """Let the csv module read a long cell whole, so it can be refused by name, not crash.

    ``csv.field_size_limit`` is process-wide; it is raised only around one ``next()`` call and
    put back straight after.
    """
    previous = csv.field_size_limit(_PARSE_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _problem(cells: list[str], header: list[str], encoding: str = "UTF-8") -> str | None:
    """What is wrong with a parsed row's cells, or None."""
    for number, cell in enumerate(cells, start=1):
        name = header[number - 1] if number <= len(header) else f"#{number}"
        where = f"column {name!r} (column {number})"
        if len(cell) > MAX_CELL_CHARS:
            return (
                f"{where}: cell has {len(cell)} characters, more than the limit of {MAX_CELL_CHARS}"
            )
        bad = _SURROGATE.search(cell)
        if bad:
            code = ord(bad.group())
            what = f"byte 0x{code - 0xDC00:02x}" if code >= 0xDC80 else f"code unit {code:#06x}"
            return f"{where}: not valid {encoding} ({what} at character {bad.start() + 1})"
    if len(cells) != len(header):
        more = "more" if len(cells) > len(header) else "fewer"
        return f"row has {more} cells ({len(cells)}) than the header ({len(header)})"
    return None


def csv_rows(
    text: str | Iterable[str],
    source: str,
    delimiter: str = ",",
    encoding: str = "UTF-8",
    skip_rows: int = 0,
) -> tuple[list[str], Iterator[CsvRow]]:
    """The header and an iterator of rows, from a text or its lines (endings kept, as
    textdecode.open_table gives them); raise InputError when the header cannot be read.

    ``encoding`` names what the text was decoded from, for the message of a row whose bytes
    were not valid in it; ``skip_rows`` rows before the header are passed over (an Amazon
    flat file's template and label rows)."""
    lines = io.StringIO(text, newline="") if isinstance(text, str) else text
    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    header: list[str] = []
    try:
        for _ in range(skip_rows):
            with _wide_fields():
                next(reader)
        while not header:
            with _wide_fields():
                header = next(reader)
    except StopIteration:
        raise InputError("CSV has no header row", source=source, line=1) from None
    except csv.Error as exc:
        raise InputError(
            f"malformed CSV header: {exc}", source=source, line=reader.line_num
        ) from None
    header_line = reader.line_num
    problem = _problem(header, header, encoding)
    if problem:
        raise InputError(f"CSV header: {problem}", source=source, line=header_line)
    return header, _rows(reader, header, source, encoding)


def _rows(reader: Reader, header: list[str], source: str, encoding: str) -> Iterator[CsvRow]:
    names = [h.strip() for h in header]
    while True:
        start = reader.line_num + 1
        try:
            with _wide_fields():
                cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield CsvRow(
                start, error=InputError(f"malformed CSV: {exc}", source=source, line=start)
            )
            continue
        if not cells:  # a blank line
            continue
        problem = _problem(cells, names, encoding)
        error = InputError(problem, source=source, line=start) if problem else None
        yield CsvRow(start, dict(zip(names, cells, strict=False)), error)
