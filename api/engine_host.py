"""One engine per process, used from one thread, with packs swapped in atomically.

durable_rules is not thread-safe and the Screener's compile caches are plain dicts, so every
call into the engine (screening, compiling, warming, disposing) runs on one dedicated thread
(a single-thread executor): requests are serialised per process and the service scales with
worker processes. The event loop stays free for I/O, health checks and metrics meanwhile.

The packs in use are a :class:`Snapshot` (library + screener). A request leases the current
snapshot for its whole duration, so a reload that swaps in a new snapshot never changes the
packs under a request in flight; a retired snapshot is disposed once its last lease ends.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from engine.library import Library
from engine.report import Report
from engine.schemas import DOCUMENT_KINDS
from engine.screening import Screener

T = TypeVar("T")
log = logging.getLogger("clearance.api.engine")

WARM_SLICE = 12
"""Compilations per engine job while warming, so that screening interleaves with a warm-up."""


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
    packs: list[dict[str, str]] = field(default_factory=list)

    @property
    def rule_count(self) -> int:
        """How many rules are loaded."""
        return len(self.library.rules)


def dispose_screener(screener: Screener) -> None:
    """Free the durable_rules rulesets a screener registered (the C core holds at most 131071).

    Uses ``Evaluator.close()`` when the engine provides it; otherwise deletes the rulesets of the
    evaluator's durable host directly.
    """
    evaluator = screener.evaluator
    close = getattr(evaluator, "close", None)
    if callable(close):
        close()
        return
    host = getattr(evaluator, "_host", None)
    rulesets = getattr(host, "_ruleset_list", None)
    if not isinstance(rulesets, list):
        return
    import durable_rules_engine

    for ruleset in rulesets:
        handle = getattr(ruleset, "_handle", None)
        if handle is not None:
            durable_rules_engine.delete_ruleset(handle)
    rulesets.clear()
    directory = getattr(host, "_ruleset_directory", None)
    if isinstance(directory, dict):
        directory.clear()
    registered = getattr(evaluator, "_registered", None)
    if isinstance(registered, set):
        registered.clear()


def rule_markets(library: Library) -> list[str]:
    """Every concrete market the rules name, with groups expanded (not ``*``)."""
    found: set[str] = set()
    for rule in library.rules.values():
        for market in rule.markets:
            found.update(library.markets.groups.get(market, {market}))
    found.discard("*")
    return sorted(m for m in found if len(m) == 2 and m.isalpha() and m.isupper())


class EngineHost:
    """Owns the engine thread and the current snapshot."""

    def __init__(self, library: Library, extra_warm_markets: Sequence[str] = ()) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clearance-engine")
        self._generation = 0
        self._seen: Counter[str] = Counter()
        self.extra_warm_markets = tuple(extra_warm_markets)
        self.current = self._executor.submit(self.build, library).result()
        self._closed = False

    # -- engine-thread work ------------------------------------------------------------------

    def build(self, library: Library) -> Snapshot:
        """A new snapshot for ``library`` (call on the engine thread)."""
        self._generation += 1
        return Snapshot(generation=self._generation, library=library,
                        screener=Screener(library), fingerprint=library.fingerprint(),
                        loaded_at=dt.datetime.now(dt.UTC),
                        packs=[p.summary() for p in library.packs])

    def _screen_many(self, snapshot: Snapshot, jobs: Sequence[ScreenJob]) -> list[Report]:
        reports = []
        for job in jobs:
            report = snapshot.screener.screen(job.data, kind=job.kind, markets=job.markets,
                                              as_of=job.as_of)
            reports.append(report)
            if len(self._seen) < 1000:
                self._seen.update(report.markets)
        return reports

    def _compile(self, snapshot: Snapshot, pairs: Sequence[tuple[str, str]], on: dt.date) -> None:
        for kind, market in pairs:
            snapshot.screener.compiled(kind, market, on)

    def _dispose(self, snapshot: Snapshot) -> None:
        if snapshot.disposed:
            return
        snapshot.disposed = True
        try:
            dispose_screener(snapshot.screener)
        except Exception:  # freeing memory must never break serving
            log.exception("could not free the rulesets of pack generation %d",
                          snapshot.generation)

    # -- event-loop side -----------------------------------------------------------------------

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on the engine thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    async def screen(self, snapshot: Snapshot, jobs: Sequence[ScreenJob]) -> list[Report]:
        """Screen documents with the snapshot's packs, on the engine thread."""
        return await self.call(self._screen_many, snapshot, jobs)

    async def build_async(self, library: Library) -> Snapshot:
        """Build a snapshot on the engine thread."""
        return await self.call(self.build, library)

    def warm_markets(self, snapshot: Snapshot) -> list[str]:
        """Markets compiled before a snapshot is swapped in: named by rules, seen, configured."""
        seen = [m for m, _ in self._seen.most_common(50)]
        return sorted(set(rule_markets(snapshot.library)) | set(seen)
                      | set(self.extra_warm_markets))

    async def warm(self, snapshot: Snapshot, on: dt.date | None = None) -> int:
        """Compile every kind for the likely markets; raises EngineError if compiling fails."""
        day = on or dt.date.today()
        pairs = [(k, m) for k in DOCUMENT_KINDS for m in self.warm_markets(snapshot)]
        for start in range(0, len(pairs), WARM_SLICE):
            await self.call(self._compile, snapshot, pairs[start:start + WARM_SLICE], day)
        return len(pairs)

    @contextmanager
    def lease(self) -> Iterator[Snapshot]:
        """Hold the current snapshot for the duration of a request (call on the event loop)."""
        snapshot = self.current
        snapshot.leases += 1
        try:
            yield snapshot
        finally:
            snapshot.leases -= 1
            if snapshot.retired and snapshot.leases == 0:
                self._executor.submit(self._dispose, snapshot)

    def swap(self, snapshot: Snapshot) -> Snapshot:
        """Make ``snapshot`` current; the previous one is disposed when its last lease ends."""
        old, self.current = self.current, snapshot
        old.retired = True
        if old.leases == 0:
            self._executor.submit(self._dispose, old)
        return old

    def discard(self, snapshot: Snapshot) -> None:
        """Dispose a snapshot that was never made current (a refused reload)."""
        snapshot.retired = True
        self._executor.submit(self._dispose, snapshot)

    def close(self) -> None:
        """Dispose the current snapshot and stop the engine thread."""
        if self._closed:
            return
        self._closed = True
        self._executor.submit(self._dispose, self.current)
        self._executor.shutdown(wait=True)
