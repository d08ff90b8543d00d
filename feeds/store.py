"""Writing tables: atomic replace, one previous version for rollback, a lock, stable JSON.

A table file is replaced by writing a temporary file in the same directory, flushing and
fsync-ing it, then ``os.replace`` onto the target and fsync-ing the directory: a reader (or the
service's file watcher) sees the old file or the new one, never half of one. Before the
replace, the current file is copied to ``<name>.prev`` (a suffix the rules loader ignores),
which ``rollback`` swaps back in. Temporary files end in ``.tmp`` for the same reason.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from clearance.feeds.errors import StoreError

PREV_SUFFIX = ".prev"
STATE_SUFFIX = ".state"
LIST_KEYS = ("rows", "entries")


def prev_path(target: Path) -> Path:
    """Where the previous version of ``target`` is kept (``<name>.prev``)."""
    return target.with_name(target.name + PREV_SUFFIX)


def state_path(target: Path) -> Path:
    """Where the fetch state of ``target`` is kept (``<name>.state``)."""
    return target.with_name(target.name + STATE_SUFFIX)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_stream(
    path: Path, before_replace: Callable[[Path], None] | None = None
) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, atomically: it is a temporary file in the same
    directory, flushed, fsync-ed and renamed onto ``path`` when the block ends without an
    error. On any error (or interruption) the temporary file is removed and ``path`` is left
    exactly as it was. ``before_replace`` is called with the temporary file's path just before
    the replace; tests use it to simulate a crash at the worst moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        if before_replace is not None:
            before_replace(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def atomic_write(
    path: Path, data: bytes, before_replace: Callable[[Path], None] | None = None
) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_stream`)."""
    with atomic_stream(path, before_replace) as handle:
        handle.write(data)


def write_table(
    path: Path,
    data: bytes,
    *,
    keep_previous: bool = True,
    before_replace: Callable[[Path], None] | None = None,
) -> None:
    """Replace the table at ``path`` with ``data``, first keeping the current one as ``.prev``.

    When the table cannot be replaced, ``.prev`` is put back as it was (or removed if it did
    not exist), so a failed write leaves the directory exactly as it found it.
    """
    previous = prev_path(path)
    try:
        old_prev = previous.read_bytes() if previous.exists() else None
        kept = keep_previous and path.exists()
        if kept:
            atomic_write(previous, path.read_bytes())
        try:
            atomic_write(path, data, before_replace)
        except BaseException:
            if kept:
                if old_prev is None:
                    previous.unlink(missing_ok=True)
                else:
                    atomic_write(previous, old_prev)
            raise
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc}") from None


def rollback(path: Path) -> tuple[bytes | None, bytes]:
    """Swap ``path`` and its ``.prev`` (so a second rollback undoes the first).

    Returns (the bytes that were current, the bytes now current). Raises StoreError when there
    is no previous version.
    """
    previous = prev_path(path)
    if not previous.exists():
        raise StoreError(
            f"no previous version of {path.name} to roll back to ({previous.name} does not exist)"
        )
    try:
        restored = previous.read_bytes()
        current = path.read_bytes() if path.exists() else None
        atomic_write(path, restored)
        if current is None:
            previous.unlink()
        else:
            atomic_write(previous, current)
    except OSError as exc:
        raise StoreError(f"cannot roll back {path}: {exc}") from None
    return current, restored


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``directory`` (POSIX flock) while updating in it.

    Two updates of tables in the same directory (the CLI and the service's scheduler) then run
    one after the other. Where flock is not available this is a no-op. The directory must
    exist (it is never created: a failed update leaves no new directory behind); StoreError
    otherwise.
    """
    if not directory.is_dir():
        raise StoreError(f"{directory} is not a directory")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def read_doc(path: Path) -> dict[str, Any] | None:
    """The JSON document at ``path``, or None when it does not exist or is not a JSON object."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def dumps(doc: dict[str, Any]) -> bytes:
    """Serialise a table document as stable, diff-friendly JSON: one record per line."""
    parts: list[str] = []
    for key, value in doc.items():
        name = json.dumps(key)
        if key in LIST_KEYS and isinstance(value, list) and value:
            inner = ",\n".join("    " + _compact(item) for item in value)
            parts.append(f"  {name}: [\n{inner}\n  ]")
        elif key == "rates" and isinstance(value, dict) and value:
            inner = ",\n".join(
                f"    {json.dumps(day)}: {_compact(per)}" for day, per in value.items()
            )
            parts.append(f"  {name}: {{\n{inner}\n  }}")
        else:
            parts.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
