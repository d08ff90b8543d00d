"""One engine per process, driven from the event loop, with packs swapped in atomically.

durable_rules is not thread-safe and the Screener's compile caches are plain dicts. Every call
into the engine (screening, compiling, warming, disposing) therefore runs on the event-loop
thread of the worker process - one thread, so calls never overlap - and additionally holds
:data:`ENGINE_LOCK`, a process-wide lock, so that even two apps in one process (tests) cannot
enter the engine at once. Screening is CPU-bound and short (about 0.3 ms per listing), so it
runs inline: a hop to another thread would cost more than it saves and makes the two threads
fight for the GIL. Batches are screened in slices with a yield to the loop between slices, so
single requests, health checks and metrics are answered meanwhile. The service scales with
worker processes (``clearance serve --workers N``), each with its own engine.

The packs in use are a :class:`Snapshot` (library + screener). A request leases the current
snapshot for its whole duration, so a reload that swaps in a new snapshot never changes the
packs under a request in flight; a retired snapshot is disposed once its last lease ends.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from clearance.engine.library import Library
from clearance.engine.report import Report
from clearance.engine.schemas import DOCUMENT_KINDS
from clearance.engine.screening import Screener

log = logging.getLogger("clearance.api.engine")

ENGINE_LOCK = threading.Lock()
"""Held around every call into the engine in this process."""

SLICE = 25
"""Documents (or compilations) per engine call before yielding to the event loop."""


@dataclass(frozen=True)
class ScreenJob:
    """One document to screen, with the caller's options."""

    data: Any
    kind: str | None = None
    markets: Sequence[str] | None = None
    as_of: dt.date | None = None


@dataclass(eq=False)
class Snapshot:
    """A loaded library and its screener: the packs one request is answered with."""

    generation: int
    library: Library
    screener: Screener
    fingerprint: str
    loaded_at: dt.datetime
    leases: int = 0
    retired: bool = False
    disposed: bool = False
    packs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rule_count(self) -> int:
        """How many rules are loaded."""
        return len(self.library.rules)


def dispose_screener(screener: Screener) -> None:
    """Free the durable_rules rulesets a screener registered (the C core holds at most 131071)."""
    screener.evaluator.close()


def rule_markets(library: Library) -> list[str]:
    """Every concrete market the rules name, with groups expanded (not ``*``)."""
    found: set[str] = set()
    for rule in library.rules.values():
        for market in rule.markets:
            found.update(library.markets.groups.get(market, {market}))
    found.discard("*")
    return sorted(m for m in found if len(m) == 2 and m.isalpha() and m.isupper())


class EngineHost:
    """Owns the current snapshot and every call into the engine of this process."""

    def __init__(self, library: Library, extra_warm_markets: Sequence[str] = ()) -> None:
        self._generation = 0
        self._seen: Counter[str] = Counter()
        self.extra_warm_markets = tuple(extra_warm_markets)
        self._closed = False
        self.current = self.build(library)

    def build(self, library: Library) -> Snapshot:
        """A new snapshot for ``library``; nothing is compiled yet, so no engine call is made
        and this may run on any thread (the reloader builds on a worker thread)."""
        self._generation += 1
        return Snapshot(
            generation=self._generation,
            library=library,
            screener=Screener(library),
            fingerprint=library.fingerprint(),
            loaded_at=dt.datetime.now(dt.UTC),
            packs=[p.summary() for p in library.packs],
        )

    def screen_now(
        self,
        jobs: Sequence[ScreenJob],
        snapshot: Snapshot | None = None,
    ) -> list[Report]:
        """Screen documents now (on the calling thread, under the engine lock)."""
        snap = snapshot or self.current
        reports = []
        with ENGINE_LOCK:
            for job in jobs:
                report = snap.screener.screen(
                    job.data, kind=job.kind, markets=job.markets, as_of=job.as_of
                )
                reports.append(report)
                if len(self._seen) < 1000:
                    self._seen.update(report.markets)
        return reports

    async def screen(self, snapshot: Snapshot, jobs: Sequence[ScreenJob]) -> list[Report]:
        """Screen documents with the snapshot's packs, yielding to the loop between slices."""
        if len(jobs) <= SLICE:
            return self.screen_now(jobs, snapshot)
        reports: list[Report] = []
        for start in range(0, len(jobs), SLICE):
            if start:
                await asyncio.sleep(0)
            reports.extend(self.screen_now(jobs[start : start + SLICE], snapshot))
        return reports

    def warm_markets(self, snapshot: Snapshot) -> list[str]:
        """Markets compiled before a snapshot is swapped in: named by rules, seen, configured."""
        seen = [m for m, _ in self._seen.most_common(50)]
        return sorted(
            set(rule_markets(snapshot.library)) | set(seen) | set(self.extra_warm_markets)
        )

    async def warm(self, snapshot: Snapshot, on: dt.date | None = None) -> int:
        """Compile every kind for the likely markets; raises EngineError if compiling fails."""
        day = on or dt.date.today()
        pairs = [(k, m) for k in DOCUMENT_KINDS for m in self.warm_markets(snapshot)]
        for start in range(0, len(pairs), SLICE):
            await asyncio.sleep(0)
            with ENGINE_LOCK:
                for kind, market in pairs[start : start + SLICE]:
                    snapshot.screener.compiled(kind, market, day)
        return len(pairs)

    @contextmanager
    def lease(self) -> Iterator[Snapshot]:
        """Hold the current snapshot for the duration of a request."""
        snapshot = self.current
        snapshot.leases += 1
        try:
            yield snapshot
        finally:
            snapshot.leases -= 1
            if snapshot.retired and snapshot.leases == 0:
                self._dispose(snapshot)

    def swap(self, snapshot: Snapshot) -> Snapshot:
        """Make ``snapshot`` current; the previous one is disposed when its last lease ends."""
        old, self.current = self.current, snapshot
        old.retired = True
        if old.leases == 0:
            self._dispose(old)
        return old

    def discard(self, snapshot: Snapshot) -> None:
        """Dispose a snapshot that was never made current (a refused reload)."""
        snapshot.retired = True
        self._dispose(snapshot)

    def _dispose(self, snapshot: Snapshot) -> None:
        if snapshot.disposed:
            return
        snapshot.disposed = True
        try:
            with ENGINE_LOCK:
                dispose_screener(snapshot.screener)
        except Exception:  # freeing memory must never break serving
            log.exception("could not free the rulesets of pack generation %d", snapshot.generation)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._closed

    def close(self) -> None:
        """Dispose the current snapshot."""
        if not self._closed:
            self._closed = True
            self._dispose(self.current)
