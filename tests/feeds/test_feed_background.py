"""`clearance serve --refresh-feeds`: the background refresher runs, survives errors, stops."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from clearance.feeds.pipeline import UpdateResult
from clearance.feeds.scheduler import start_background


def test_refresher_runs_repeatedly_survives_errors_and_stops(tmp_path: Path) -> None:
    calls: list[Path] = []
    ran_twice = threading.Event()

    def refresh(rules_dir: Path) -> list[UpdateResult]:
        calls.append(rules_dir)
        if len(calls) == 1:
            raise RuntimeError("source exploded")
        ran_twice.set()
        return [UpdateResult("ecb", rules_dir / "data" / "fx_rates.json", "unchanged", "same")]

    stop = start_background(tmp_path, dt.timedelta(milliseconds=10), refresh=refresh)
    try:
        assert ran_twice.wait(5)
    finally:
        stop.set()
    assert calls[0] == tmp_path
