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
import re
from dataclasses import dataclass

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
    """Decode a CSV or tab-separated export. Bytes that are not valid in the chosen encoding
    become lone surrogates (``surrogateescape``), which the row reader refuses row by row."""
    if raw.startswith(codecs.BOM_UTF8):
        return Decoded(raw[3:].decode("utf-8", errors="surrogateescape"), "UTF-8 with BOM")
    for bom, codec, label in (
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
    ):
        if raw.startswith(bom):
            body = raw[len(bom) :]
            return Decoded(body.decode(codec, errors="surrogatepass"), label)
    try:
        return Decoded(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(raw):
        return Decoded(raw.decode("utf-8", errors="surrogateescape"), "UTF-8")
    return Decoded(raw.decode("cp1252", errors="surrogateescape"), "Windows-1252")


def detect_delimiter(text: str) -> str:
    """The delimiter of the header line: the candidate seen most outside quotes (``,`` when
    none is seen)."""
    first = text.split("\n", 1)[0]
    outside = re.sub(r'"[^"]*"', "", first)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
