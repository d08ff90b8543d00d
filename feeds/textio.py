"""Decoding text payloads (CSV, JSON) strictly, with a clear message when they are not text."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.safexml import refuse_html


def decode_text(data: bytes, *, source: str, what: str, fallback: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (a leading BOM is dropped); refuse other encodings.

    ``fallback`` names a single-byte encoding a source is known to use besides UTF-8 (OFAC's
    legacy files); it is tried only when the bytes hold no NUL (UTF-16 and binaries are refused).
    """
    if not data.strip():
        raise ParseError(f"empty payload where {what} was expected", source=source)
    refuse_html(data, what, source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise ParseError(
            f"wrong encoding: {what} must be UTF-8, this looks like UTF-16 or binary", source=source
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback is not None:
            return data.decode(fallback, errors="strict")
        raise ParseError(
            f"wrong encoding: {what} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start})",
            source=source,
        ) from None


def read_csv(text: str, *, source: str) -> list[list[str]]:
    """Parse CSV text into rows; a malformed file (an unterminated quote) is a ParseError."""
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise ParseError(f"malformed or truncated CSV: {exc}", source=source) from None


def read_json(data: bytes, *, source: str, what: str = "JSON") -> Any:
    """Parse a JSON payload; truncated or non-JSON content is a ParseError."""
    text = decode_text(data, source=source, what=what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"truncated or malformed JSON at line {exc.lineno}: {exc.msg}", source=source
        ) from None
