"""Failed update attempts, remembered in this process's memory only.

A refused or failed update leaves the rules directory exactly as it was (officers keep it in
git), so its reason is not written beside the table: the command prints it and exits 1, the
service's refresher logs it, and :mod:`feeds.scheduler` reads this memory to leave a failing
source alone for a while.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Failure:
    """The last failed attempt to refresh one table."""

    at: dt.datetime
    error: str


_failures: dict[Path, Failure] = {}
_lock = threading.Lock()


def _key(target: Path) -> Path:
    return target.absolute()


def record_failure(target: Path, at: dt.datetime, error: str) -> None:
    """Remember that refreshing ``target`` failed at ``at`` because of ``error``."""
    with _lock:
        _failures[_key(target)] = Failure(at, error)


def clear_failure(target: Path) -> None:
    """Forget the failure of ``target`` (its table is current again)."""
    with _lock:
        _failures.pop(_key(target), None)


def last_failure(target: Path) -> Failure | None:
    """The last failed attempt on ``target`` since it was last current, if any."""
    with _lock:
        return _failures.get(_key(target))
