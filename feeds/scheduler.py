"""Refresh the tables that are due, for the service's periodic job.

A source is due when its table is missing or at least ``cadence_days`` old (see
:mod:`feeds.staleness` for how age is counted; a table fetched recently whose newest data is old
is reported stale, not fetched again before its cadence). After a failed attempt (remembered in
this process's memory, :mod:`feeds.attempts`) the source is left alone for :data:`RETRY_AFTER`,
so that an unreachable source is not hammered. New tables are written atomically; the service's
file watcher then reloads them.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from clearance.feeds.attempts import last_failure
from clearance.feeds.fetch import Fetcher
from clearance.feeds.pipeline import UpdateResult, target_path, update
from clearance.feeds.registry import all_sources
from clearance.feeds.source import Source
from clearance.feeds.staleness import as_utc, table_age

RETRY_AFTER = dt.timedelta(hours=1)


def due_sources(
    rules_dir: Path, now: dt.datetime, sources: list[Source] | None = None
) -> list[tuple[Source, str]]:
    """The sources whose tables are due for a refresh as of ``now``, with why."""
    now = as_utc(now)
    out: list[tuple[Source, str]] = []
    for source in sources if sources is not None else all_sources():
        target = target_path(source, rules_dir)
        failed = last_failure(target)
        if failed is not None and now - as_utc(failed.at) < RETRY_AFTER:
            continue
        if not target.exists():
            out.append((source, "no table yet"))
            continue
        age = table_age(source.table_name(), target, now)
        cadence = age.cadence_days if age.cadence_days is not None else source.cadence_days
        if age.age_days is None:
            out.append((source, "never refreshed"))
        elif age.age_days >= cadence:
            out.append((source, f"{age.age_days:.1f} days old; cadence {cadence:g} day(s)"))
    return out


def refresh_due(
    rules_dir: Path,
    now: dt.datetime | None = None,
    fetch: bool = True,
    *,
    fetcher: Fetcher | None = None,
    sources: list[Source] | None = None,
) -> list[UpdateResult]:
    """Refresh every due source (``fetch=False``: only say which are due, no network).

    Returns one result per due source; a source that fails leaves its table in place and its
    result says why. Never raises for a feed problem.
    """
    now = as_utc(now) if now else dt.datetime.now(dt.UTC)
    due = due_sources(rules_dir, now, sources)
    if not fetch:
        return [UpdateResult(s.name, target_path(s, rules_dir), "due", why) for s, why in due]
    own = fetcher is None and bool(due)
    active = fetcher or (Fetcher() if due else None)
    try:
        return [update(source, rules_dir, fetcher=active, now=now) for source, _ in due]
    finally:
        if own and active is not None:
            active.close()


def start_background(
    rules_dir: Path,
    interval: dt.timedelta,
    log: logging.Logger | None = None,
    refresh: Callable[[Path], list[UpdateResult]] | None = None,
) -> threading.Event:
    """Run :func:`refresh_due` every ``interval`` on a daemon thread; set the event to stop.

    Used by ``clearance serve --refresh-feeds``: the service's watcher hot-reloads what it writes.
    """
    logger = log or logging.getLogger("clearance.feeds")
    run = refresh or refresh_due
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                for result in run(rules_dir):
                    logger.info("feed %s: %s", result.source, result.status)
            except Exception:  # a feed problem must never take the service down
                logger.exception("scheduled feed refresh failed")
            stop.wait(interval.total_seconds())

    threading.Thread(target=loop, name="clearance-feeds", daemon=True).start()
    return stop
