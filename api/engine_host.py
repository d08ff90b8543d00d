"""One engine per process, driven from one engine thread, with packs swapped in atomically.

durable_rules is not thread-safe and the Screener's compile caches are plain dicts. Every call
into the engine (screening, compiling, warming, disposing) holds :data:`ENGINE_LOCK`, a
process-wide lock, so calls never overlap, even with two apps in one process (tests). The
event loop never runs the engine itself: screening and compiling are CPU-bound, and a document
may take a good part of a second (its texts are bounded by
:data:`clearance.engine.documents.MAX_DOCUMENT_CHARS`), so they run on
:data:`ENGINE_THREAD`, one worker thread per process, and the loop stays free to answer health
checks, metrics and the parsing of other requests meanwhile. A batch goes to the engine thread
in slices (:data:`SLICE` documents, or fewer once their text passes :data:`SLICE_CHARS`); the
thread takes slices first come, first served, so a single request waits at most about one
slice behind a large batch. Threads share the GIL, and by default a thread waiting for it
waits up to 5 ms each time, many times per request: :func:`favour_event_loop` shortens that,
so the loop's answers do not queue behind the engine thread. The service scales with worker
processes (``clearance serve --workers N``), each with its own engine.

Each batch or stream screens within a :class:`Budget`: a number of characters of text and of
seconds of engine time. Once a document would pass it, that document and every one after it get
an ``error`` report saying so (kind ``limit``); nothing is passed unscreened. The first
document of a request is always screened (it is bounded by the per-document limits).

The packs in use are a :class:`Snapshot` (library + screener). A request leases the current
snapshot for its whole duration, so a reload that swaps in a new snapshot never changes the
packs under a request in flight; a retired snapshot is disposed once its last lease ends.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from clearance.api.problems import LimitError
from clearance.engine.documents import text_size
from clearance.engine.library import Library
from clearance.engine.report import Report, error_report
from clearance.engine.schemas import DOCUMENT_KINDS
from clearance.engine.screening import Screener

log = logging.getLogger("clearance.api.engine")
T = TypeVar("T")

ENGINE_LOCK = threading.Lock()
"""Held around every call into the engine in this process."""


@dataclass(frozen=True)
class ScreenJob:
    """One document to screen, with the caller's options."""

    data: Any
    kind: str | None = None
    markets: Sequence[str] | None = None
    as_of: dt.date | None = None


ENGINE_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clearance-engine")
"""The thread that runs screening and compiling for the event loop of this process."""

SWITCH_INTERVAL_S = 0.0005
"""How long a thread may hold the GIL while another waits for it (Python's default: 5 ms)."""

SLICE = 25
"""Most documents (or compilations) handed to the engine thread at once."""
SLICE_CHARS = 500_000
"""A slice ends early once its documents' texts pass this many characters (text_size)."""


@dataclass
class Budget:
    """What one request may spend on screening: characters of text (each text counted as sent
    or once normalised, whichever is longer: :func:`clearance.engine.documents.text_size`) and
    seconds of the engine thread's CPU time (not wall time: a busy machine, or other requests
    waiting for the engine, do not use up a request's budget).

    ``what`` names the limits in messages (e.g. the settings that set them).
    """

    chars: int
    seconds: float
    what: str = "request"
    spent_chars: int = 0
    spent_seconds: float = 0.0
    screened: int = 0
    exhausted: str | None = None
    """Why the budget is used up (a sentence), once it is."""

    def admit(self, cost: int) -> bool:
        """Whether a document of ``cost`` characters may still be screened (the first always
        may); once not, :attr:`exhausted` says why and nothing more is admitted."""
        if self.exhausted is None and self.screened:
            if self.spent_seconds >= self.seconds:
                self.exhausted = (
                    f"the {self.what} used up its screening time budget of "
                    f"{self.seconds:g} s after {self.screened} document(s)"
                )
            elif self.spent_chars + cost > self.chars:
                self.exhausted = (
                    f"the {self.what} used up its budget of {self.chars:,} characters of "
                    f"text after {self.screened} document(s)"
                )
        return self.exhausted is None

    def spend(self, cost: int, seconds: float) -> None:
        """Count a screened document."""
        self.screened += 1
        self.spent_chars += cost
        self.spent_seconds += seconds


def over_budget_report(job: ScreenJob, reason: str) -> Report:
    """The ``error`` report of a document left unscreened because its request's budget ran out."""
    message = f"not screened: {reason}; send this document again in another request"
    return error_report([LimitError(message)], job.data, job.kind)


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


def favour_event_loop() -> None:
    """Let the event-loop thread take the GIL from the engine thread sooner (process-wide)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


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
        self._seen_lock = threading.Lock()  # updated on the engine thread, read on the loop
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
        budget: Budget | None = None,
        slice_chars: int | None = None,
    ) -> list[Report]:
        """Screen documents now (on the calling thread, under the engine lock), within
        ``budget`` when given. With ``slice_chars``, stop once the documents screened have
        passed that many characters of text: the reports are then of a prefix of ``jobs``.
        """
        snap = snapshot or self.current
        reports = []
        chars = 0
        with ENGINE_LOCK:
            for job in jobs:
                if slice_chars is not None and chars >= slice_chars:
                    break
                started = time.thread_time()
                cost = 0
                if budget is not None or slice_chars is not None:
                    if budget is not None and budget.exhausted is not None:
                        reports.append(over_budget_report(job, budget.exhausted))
                        continue
                    cost = text_size(job.data)
                    chars += cost
                    if budget is not None and not budget.admit(cost):
                        reports.append(over_budget_report(job, str(budget.exhausted)))
                        continue
                report = snap.screener.screen(
                    job.data, kind=job.kind, markets=job.markets, as_of=job.as_of
                )
                if budget is not None:
                    budget.spend(cost, time.thread_time() - started)
                reports.append(report)
                if len(self._seen) < 1000:
                    with self._seen_lock:
                        self._seen.update(report.markets)
        return reports

    async def screen(
        self, snapshot: Snapshot, jobs: Sequence[ScreenJob], budget: Budget | None = None
    ) -> list[Report]:
        """Screen documents with the snapshot's packs on the engine thread, a slice at a time
        (at most SLICE documents, ending early past SLICE_CHARS characters of text)."""
        reports: list[Report] = []
        while len(reports) < len(jobs):
            part = jobs[len(reports) : len(reports) + SLICE]
            done = await _on_engine_thread(self.screen_now, part, snapshot, budget, SLICE_CHARS)
            if not done:  # cannot happen: a slice always takes its first document
                raise RuntimeError("the engine screened nothing")
            reports.extend(done)
        return reports

    def warm_markets(self, snapshot: Snapshot) -> list[str]:
        """Markets compiled before a snapshot is swapped in: named by rules, seen, configured."""
        with self._seen_lock:
            seen = [m for m, _ in self._seen.most_common(50)]
        return sorted(
            set(rule_markets(snapshot.library)) | set(seen) | set(self.extra_warm_markets)
        )

    async def warm(self, snapshot: Snapshot, on: dt.date | None = None) -> int:
        """Compile every kind for the likely markets; raises EngineError if compiling fails."""
        day = on or dt.date.today()
        pairs = [(k, m) for k in DOCUMENT_KINDS for m in self.warm_markets(snapshot)]

        def compile_some(some: list[tuple[str, str]]) -> None:
            with ENGINE_LOCK:
                for kind, market in some:
                    snapshot.screener.compiled(kind, market, day)

        for start in range(0, len(pairs), SLICE):
            await _on_engine_thread(compile_some, pairs[start : start + SLICE])
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
        """Free a snapshot's rulesets now if the engine is idle, else on the engine thread
        after the work in hand (the event loop never waits for the engine)."""
        if snapshot.disposed:
            return
        snapshot.disposed = True
        if ENGINE_LOCK.acquire(blocking=False):
            try:
                _free(snapshot)
            finally:
                ENGINE_LOCK.release()
        else:
            ENGINE_THREAD.submit(_free_locked, snapshot)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._closed

    def close(self) -> None:
        """Dispose the current snapshot."""
        if not self._closed:
            self._closed = True
            self._dispose(self.current)


def _free(snapshot: Snapshot) -> None:
    try:
        dispose_screener(snapshot.screener)
    except Exception:  # freeing memory must never break serving
        log.exception("could not free the rulesets of pack generation %d", snapshot.generation)


def _free_locked(snapshot: Snapshot) -> None:
    with ENGINE_LOCK:
        _free(snapshot)


async def _on_engine_thread(fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(*args)`` on the engine thread and wait for it without blocking the loop."""
    return await asyncio.get_running_loop().run_in_executor(ENGINE_THREAD, fn, *args)
