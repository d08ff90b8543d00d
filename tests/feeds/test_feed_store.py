"""feeds.store: atomic writes that survive a crash, one previous version, rollback, stable JSON."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from clearance.feeds.errors import StoreError
from clearance.feeds.store import atomic_write, dumps, locked, prev_path, rollback, write_table


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    target.write_bytes(b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


def test_crash_between_temp_write_and_replace_leaves_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    target.write_bytes(b"old content")
    written: list[bytes] = []

    def crash(tmp: Path) -> None:
        written.append(tmp.read_bytes())  # the new content is fully on disk in the temp file
        raise KeyboardInterrupt("simulated crash")

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new content", before_replace=crash)
    assert written == [b"new content"]
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


def test_temp_files_never_look_like_tables(tmp_path: Path) -> None:
    names: list[str] = []
    atomic_write(tmp_path / "fx_rates.json", b"x", before_replace=lambda t: names.append(t.name))
    assert names[0].startswith(".fx_rates.json.") and names[0].endswith(".tmp")


def test_write_table_keeps_previous_and_rollback_swaps(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    write_table(target, b"v1")
    assert not prev_path(target).exists()
    write_table(target, b"v2")
    assert prev_path(target).read_bytes() == b"v1"
    assert rollback(target) == (b"v2", b"v1")
    assert target.read_bytes() == b"v1"
    assert prev_path(target).read_bytes() == b"v2"
    rollback(target)  # a second rollback undoes the first
    assert target.read_bytes() == b"v2"


def test_rollback_without_previous_version(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    target.write_bytes(b"v1")
    with pytest.raises(StoreError, match="no previous version"):
        rollback(target)
    assert target.read_bytes() == b"v1"


def test_dumps_one_record_per_line_and_round_trips() -> None:
    doc = {
        "table": "t",
        "provenance": {"source": "x"},
        "rows": [{"market": "DE", "a": 1}, {"market": "FR", "a": 2}],
        "rates": {"2026-03-02": {"USD": 1.08}, "2026-03-03": {"USD": 1.09}},
    }
    text = dumps(doc).decode()
    assert json.loads(text) == doc
    assert '    {"market": "DE", "a": 1},\n' in text
    assert '    "2026-03-03": {"USD": 1.09}\n' in text


def test_locked_serialises_updates(tmp_path: Path) -> None:
    order: list[str] = []

    def worker(name: str) -> None:
        with locked(tmp_path):
            order.append(f"{name}-in")
            time.sleep(0.05)
            order.append(f"{name}-out")

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert order[0][0] == order[1][0] and order[2][0] == order[3][0]
