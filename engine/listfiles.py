"""Feed-maintained list files (sanctions, recalls): JSON with ``entries`` and provenance."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError


@dataclass(frozen=True)
class ListFile:
    """One list file: its entries, content hash and provenance (with ``cadence_days``)."""

    entries: list[Mapping[str, Any]]
    sha256: str
    meta: dict[str, Any]


def read_list_file(path: Path, valid: Callable[[Mapping[str, Any]], bool], needs: str) -> ListFile:
    """Read and check a list file; an entry failing ``valid`` raises PackError saying ``needs``."""
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackError(f"not a readable JSON list: {exc}", file=str(path)) from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise PackError("expected an object with 'entries'", file=str(path), line=1)
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not valid(entry):
            raise PackError(f"entries[{i}] needs {needs}", file=str(path))
    meta = {"provenance": data.get("provenance") or {}, "cadence_days": data.get("cadence_days")}
    return ListFile(entries, sha256(raw).hexdigest(), meta)


@dataclass(frozen=True)
class ListSet:
    """Every list file of a folder, merged: entries, hashes and provenance by file name."""

    entries: list[Mapping[str, Any]]
    hashes: dict[str, str]
    meta: dict[str, dict[str, Any]]


def stamp(files: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Name, mtime and size of each file: changes when any file does (for caches)."""
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def read_list_files(
    files: list[Path], valid: Callable[[Mapping[str, Any]], bool], needs: str
) -> ListSet:
    """Read and merge several list files (see :func:`read_list_file`)."""
    merged = ListSet([], {}, {})
    for path in files:
        found = read_list_file(path, valid, needs)
        merged.hashes[path.name], merged.meta[path.name] = found.sha256, found.meta
        merged.entries.extend(found.entries)
    return merged
