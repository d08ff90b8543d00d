"""Text written while a run goes on and copied into an output when it ends, so that outputs
written as a whole (JSON, SARIF, JUnit, Markdown) keep nothing per document in memory.

A spool is an anonymous temporary file (``tempfile.TemporaryFile``, in ``$TMPDIR``): it has no
name on disk, so it is gone when it is closed or the process ends, however it ends.
"""

from __future__ import annotations

import json
import tempfile
from typing import IO, Any

COPY_CHUNK = 1 << 20


class Spool:
    """Bytes appended now and copied out later, whole or by range."""

    def __init__(self) -> None:
        # closed by close() (or by the process ending): a spool outlives any one block
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="clearance-spool-")  # noqa: SIM115
        self._size = 0

    def write(self, text: str | bytes) -> None:
        """Append ``text`` (a string as UTF-8)."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        self._file.write(data)
        self._size += len(data)

    def tell(self) -> int:
        """How many bytes have been written (the start of what is written next)."""
        return self._size

    def copy_to(self, out: IO[bytes], start: int = 0, end: int | None = None) -> None:
        """Copy bytes ``start`` to ``end`` (default: all) to ``out``; writing may go on after."""
        end = self._size if end is None else end
        self._file.flush()
        self._file.seek(start)
        left = end - start
        while left > 0:
            chunk = self._file.read(min(COPY_CHUNK, left))
            if not chunk:
                break
            out.write(chunk)
            left -= len(chunk)
        self._file.seek(0, 2)

    def close(self) -> None:
        """Remove the spool."""
        self._file.close()


def indented_json(value: Any, level: int) -> str:
    """``value`` as :func:`json.dumps` with ``indent=2`` writes it at nesting ``level`` of a
    larger document (its first line not indented; JSON text has no raw newline, so every
    line break is one the indentation made)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level)


class JsonArray:
    """A JSON array whose items are spooled as they come, written at nesting ``level`` so that
    the whole document reads exactly as ``json.dumps(..., indent=2)`` would write it; or, when
    ``compact``, with each item on one line of its own (JSON's C encoder writes those several
    times faster than the indenting one)."""

    def __init__(self, level: int, compact: bool = False) -> None:
        self.level = level
        self.compact = compact
        self.count = 0
        self._spool = Spool()

    def append(self, value: Any) -> None:
        """Add one item."""
        pad = "  " * (self.level + 1)
        self._spool.write(("," if self.count else "") + "\n" + pad + self._text(value))
        self.count += 1

    def _text(self, value: Any) -> str:
        if self.compact:
            return json.dumps(value, ensure_ascii=False)
        return indented_json(value, self.level + 1)

    def write_to(self, out: IO[bytes], first: list[Any] | None = None) -> None:
        """Write the array (``first`` items before the spooled ones) and close the spool."""
        pad = "  " * (self.level + 1)
        items = [self._text(v) for v in first or []]
        if not items and not self.count:
            out.write(b"[]")
            self._spool.close()
            return
        out.write(b"[")
        if items:
            out.write(("\n" + pad + (",\n" + pad).join(items)).encode("utf-8"))
            if self.count:
                out.write(b",")
        if self.count:
            self._spool.copy_to(out)
        out.write(("\n" + "  " * self.level + "]").encode("utf-8"))
        self._spool.close()
