"""The documents of a JSON file (a top-level array, or one document) read item by item.

Each item of a top-level array is decoded with the standard library's decoder
(``JSONDecoder.raw_decode``, refusing NaN and Infinity as ``inputs`` does), so numbers and
strings come out exactly as a whole-file ``json.loads`` gives them, from a window of the file
that holds one item at a time: memory does not grow with the number of items. A file is
checked from end to end before its first item is given (a file that is not valid JSON must not
yield any document), and anything the item reader does not accept is left to the whole-file
reader, which gives today's message and line.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from clearance.engine.errors import ClearanceError

CHUNK_CHARS = 1 << 16
MAX_ITEM_CHARS = 16 * 1024 * 1024
"""Longest item read on its own; a file with a longer one is read whole (and so is bounded by
the whole-file limit, inputs.MAX_FILE_BYTES)."""
_WHITESPACE = " \t\n\r"


class NotStreamable(ClearanceError):
    """The file is not a well-formed top-level array of items that can be read one by one.

    Internal: the caller catches it and falls back to the whole-file reader, whose
    :class:`InputError` names the file and line."""


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _chunks(source: Path | BinaryIO) -> Iterator[str]:
    if isinstance(source, Path):
        with source.open("rb") as handle:
            yield from _chunks(handle)
        return
    source.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    while True:
        raw = source.read(CHUNK_CHARS)
        try:
            text = decoder.decode(raw, final=not raw)
        except UnicodeDecodeError:
            raise NotStreamable from None
        if text:
            yield text
        if not raw:
            return


def array_items(source: Path | BinaryIO) -> Iterator[Any]:
    """The items of a file (a path, or a seekable binary file read from its start) whose
    top-level value is an array with at least one item; raise NotStreamable as soon as the file
    is anything else (or not valid JSON, or has an item longer than MAX_ITEM_CHARS)."""
    chunks = _chunks(source)
    buffer, pos, eof = "", 0, False

    def more() -> bool:
        nonlocal buffer, pos, eof
        if eof:
            return False
        if len(buffer) - pos > MAX_ITEM_CHARS:  # the whole-file reader takes it from here
            raise NotStreamable
        try:
            buffer = buffer[pos:] + next(chunks)
        except StopIteration:
            eof = True
            buffer = buffer[pos:]
            pos = 0
            return False
        pos = 0
        return True

    def skip_ws() -> str:
        """The next character that is not whitespace ('' at the end of the file)."""
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos] in _WHITESPACE:
                pos += 1
            if pos < len(buffer):
                return buffer[pos]
            if not more():
                return ""

    if skip_ws() != "[":
        raise NotStreamable
    pos += 1
    if skip_ws() == "]":
        raise NotStreamable  # an empty array: the whole-file reader says so
    while True:
        skip_ws()
        while True:
            try:
                item, end = _DECODER.raw_decode(buffer, pos)
            except (ValueError, RecursionError):
                if more():
                    continue
                raise NotStreamable from None
            # a value that ends the window may go on in the next chunk (a number): read on
            # until a character follows it
            if end >= len(buffer) and more():
                continue
            break
        pos = end
        yield item
        following = skip_ws()
        pos += 1
        if following == "]":
            break
        if following != ",":
            raise NotStreamable
    if skip_ws() != "":
        raise NotStreamable


def is_streamable(source: Path | BinaryIO) -> bool:
    """True when the whole file reads as a top-level array of items (checked item by item,
    keeping none)."""
    try:
        for _ in array_items(source):
            pass
    except NotStreamable:
        return False
    return True
