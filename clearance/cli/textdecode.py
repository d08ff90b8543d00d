"""Which encoding and delimiter a seller's spreadsheet export uses.

Exports come as UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode text", with
a BOM), or Windows-1252 (older Excel and many shop systems on Windows). The rule is fixed, not
guessed from statistics: a byte-order mark decides; else text that holds valid UTF-8 multi-byte
sequences is UTF-8 (a few bad bytes then refuse only their rows); else text with bytes above
0x7F and no UTF-8 sequence is Windows-1252. The delimiter is the one of ``,`` ``;`` tab and
``|`` that occurs most often outside quotes in the header line.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read as (a label for people)."""

    text: str
    encoding: str


def decode_table(raw: bytes) -> Decoded:
    """Decode a CSV or tab-separated export held in memory, by the rule :func:`scan` applies
    to a file. Bytes that are not valid in the chosen encoding become lone surrogates, which the
    row reader refuses row by row."""
    how = scan(io.BytesIO(raw))
    return Decoded(raw[how.skip :].decode(how.codec, errors=how.errors), how.label)


def detect_delimiter(text: str) -> str:
    """The delimiter of the header line: the candidate seen most outside quotes (``,`` when
    none is seen)."""
    first = text.split("\n", 1)[0]
    outside = re.sub(r'"[^"]*"', "", first)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


SCAN_CHUNK = 1 << 20
_ASCII_SPACE = b" \t\r\n\x0b\x0c"


@dataclass(frozen=True)
class TableFile:
    """A spreadsheet export opened for reading line by line: the encoding it is read as (a
    label for people), its first line, and every line (the first included, endings kept, as
    ``csv.reader`` wants them)."""

    encoding: str
    first_line: str
    lines: Iterator[str]


@dataclass(frozen=True)
class Scan:
    """What one pass over a file's bytes tells: the codec to read it with, its label, how many
    bytes of byte-order mark to skip, whether it holds nothing but whitespace, and its first
    byte that is not whitespace."""

    codec: str
    errors: str
    label: str
    skip: int
    blank: bool
    first: bytes


def scan(handle: BinaryIO) -> Scan:
    """Decide the encoding of an export as :func:`decode_table` does for its bytes, in one
    pass over the file that keeps none of it (then back at the start)."""
    handle.seek(0)
    start = handle.read(4)
    handle.seek(0)
    boms = (
        (codecs.BOM_UTF8, "utf-8", "surrogateescape", "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "surrogatepass", "UTF-16 LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "surrogatepass", "UTF-16 BE"),
    )
    found = next((b for b in boms if start.startswith(b[0])), None)
    skip = len(found[0]) if found else 0
    valid, multibyte, blank, first = True, False, True, b""
    decoder = codecs.getincrementaldecoder("utf-8")()
    tail = b""
    handle.seek(skip)
    while True:
        chunk = handle.read(SCAN_CHUNK)
        if blank and chunk.strip(_ASCII_SPACE):
            blank, first = False, chunk.lstrip(_ASCII_SPACE)[:1]
        if found is None and valid:
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                valid = False
        if found is None and not multibyte:
            # three bytes carried over, so a sequence split between two chunks is seen
            multibyte = bool(_UTF8_MULTIBYTE.search(tail + chunk))
            tail = chunk[-3:]
        if not chunk or (found is not None and not blank):
            break
        if found is None and not valid and multibyte and not blank:
            break
    handle.seek(skip)
    if found is not None:
        return Scan(found[1], found[2], found[3], skip, blank, first)
    if valid or multibyte:
        return Scan("utf-8", "surrogateescape", "UTF-8", 0, blank, first)
    return Scan("cp1252", "surrogateescape", "Windows-1252", 0, blank, first)


def open_table(handle: BinaryIO, how: Scan) -> TableFile:
    """The lines of an export, decoded as ``how`` (from :func:`scan`) says and split as
    ``csv.reader`` wants them (``newline=""``: endings kept, split at ``\n``, ``\r\n`` and a lone
    ``\r`` only); bytes that are not valid in the encoding become lone surrogates, which the row
    reader refuses row by row."""
    handle.seek(how.skip)
    text = io.TextIOWrapper(handle, encoding=how.codec, errors=how.errors, newline="")
    first = text.readline()
    return TableFile(how.label, first, _owned(first, text))


def _owned(first: str, text: io.TextIOWrapper) -> Iterator[str]:
    """``first``, then the wrapper's lines; the wrapper is detached when they end (or are
    abandoned), so the file stays the caller's to close."""
    try:
        yield first
        yield from text
    finally:
        with contextlib.suppress(ValueError):  # the file was closed first: nothing to leave open
            text.detach()
