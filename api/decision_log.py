"""The decision log: every decision appended durably before the answer is sent.

Storage sits behind :class:`DecisionStore`. SQLite is the embedded default (:class:`SQLiteStore`);
PostgreSQL is :class:`api.decision_log_postgres.PostgresStore`. A :class:`DecisionLog` owns one
thread that does all storage work, so a store is only ever used from one thread; concurrent
appends are grouped into one transaction (group commit) and each caller is released only when
the transaction holding its decisions has committed.

SQLite runs in WAL mode with ``synchronous=FULL``: every commit waits for the WAL to reach the
disk, so an acknowledged decision survives the process being killed and the machine losing
power. (``NORMAL`` with WAL survives a killed process too, because committed pages are already
in the OS, but may lose the last commits on power loss; set ``CLEARANCE_DB_SYNCHRONOUS=NORMAL``
to trade that for speed.)

Growth is bounded by a :class:`RateGuard`: a process logs at most so many decisions in any 60
seconds (``CLEARANCE_MAX_DECISIONS_PER_MINUTE``). Past it an append is refused whole with
:class:`LogLimitError` before anything is written, so the request is answered 429 and none of
its decisions is answered unlogged.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import datetime as dt
import json
import math
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from clearance.api.rescreen import PartyRow
from clearance.engine.errors import ClearanceError

T = TypeVar("T")

MAX_GROUP = 2000
"""Most decisions written in one transaction."""
ROWS_PER_INSERT = 500
"""Rows per INSERT statement (13 parameters each; SQLite allows 32766 per statement)."""
BUSY_TIMEOUT_S = 30.0
"""How long a write waits for another process holding the SQLite write lock."""


class DecisionLogError(ClearanceError):
    """The decision log cannot be opened or written (the service answers 503)."""

    kind = "decision-log"


class LogLimitError(DecisionLogError):
    """Logging these decisions now would pass the decision log's growth limit (answered 429)."""

    kind = "decision-log-limit"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateGuard:
    """At most ``per_minute`` decisions in any 60 seconds, counted in one-second buckets."""

    WINDOW_S = 60

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._buckets: collections.deque[list[int]] = collections.deque()  # [second, count]
        self._total = 0
        self._lock = threading.Lock()

    def take(self, count: int) -> None:
        """Count ``count`` decisions now, or raise LogLimitError (counting none of them)."""
        with self._lock:
            now = self._clock()
            second = math.floor(now)
            while self._buckets and self._buckets[0][0] <= second - self.WINDOW_S:
                self._total -= self._buckets.popleft()[1]
            if self._total + count > self.per_minute:
                raise LogLimitError(
                    f"the decision log took {self._total:,} decisions in the last minute; "
                    f"{count:,} more would pass its limit of {self.per_minute:,} a minute "
                    "(CLEARANCE_MAX_DECISIONS_PER_MINUTE)",
                    self._retry_after(count, now),
                )
            if self._buckets and self._buckets[-1][0] == second:
                self._buckets[-1][1] += count
            else:
                self._buckets.append([second, count])
            self._total += count

    def _retry_after(self, count: int, now: float) -> int:
        """Whole seconds until ``count`` more would fit (the window if they never fit)."""
        if count > self.per_minute:
            return self.WINDOW_S
        left = self._total
        for second, n in self._buckets:
            left -= n
            if left + count <= self.per_minute:
                return max(1, math.ceil(second + self.WINDOW_S - now))
        return self.WINDOW_S


def utc_now() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)


def format_time(moment: dt.datetime) -> str:
    """Fixed-width ISO 8601 in UTC, so that text order is time order."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> dt.datetime:
    """Inverse of :func:`format_time`."""
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class DecisionRecord:
    """One logged decision."""

    id: str
    created_at: dt.datetime
    caller: str
    kind: str
    document_id: str | None
    input_sha256: str
    decision: str
    markets: list[str]
    as_of: str | None
    findings: list[dict[str, Any]]
    packs: list[dict[str, Any]]
    report: dict[str, Any] = field(repr=False)
    report_json: str | None = field(default=None, repr=False, compare=False)
    """The report already serialised (the HTTP answer's own bytes), to avoid doing it twice."""
    parties: list[dict[str, Any]] | None = field(default=None, repr=False, compare=False)
    """What re-screening needs of the document's parties (:func:`api.rescreen.parties_of`);
    kept for the re-screening window only, and not part of the record's answer."""

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON data (what GET /v1/decisions/{id} answers)."""
        return {
            "decision_id": self.id,
            "created_at": format_time(self.created_at),
            "caller": self.caller,
            "kind": self.kind,
            "document_id": self.document_id,
            "input_sha256": self.input_sha256,
            "decision": self.decision,
            "markets": self.markets,
            "as_of": self.as_of,
            "findings": self.findings,
            "packs": self.packs,
            "report": self.report,
        }


class DecisionStore(Protocol):
    """Where decisions are kept. Implementations are used from one thread only."""

    backend: str

    def append_many(self, records: Sequence[DecisionRecord]) -> None:
        """Write all records in one transaction; return only once it is durable."""

    def get(self, decision_id: str) -> DecisionRecord | None:
        """The record with this id, or None."""

    def purge(self, before: dt.datetime) -> int:
        """Delete records created before ``before``; return how many were deleted."""

    def count(self) -> int:
        """How many records are kept."""

    def recent_parties(self, since: dt.datetime, limit: int) -> list[PartyRow]:
        """The stored parties of decisions made since ``since``, newest first, at most
        ``limit``."""

    def forget_parties(self, before: dt.datetime) -> int:
        """Erase the parties of decisions made before ``before``; return how many."""

    def close(self) -> None:
        """Release the connection."""


_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    caller TEXT NOT NULL,
    kind TEXT NOT NULL,
    document_id TEXT,
    input_sha256 TEXT NOT NULL,
    decision TEXT NOT NULL,
    markets TEXT NOT NULL,
    as_of TEXT,
    findings TEXT NOT NULL,
    packs TEXT NOT NULL,
    report TEXT NOT NULL,
    parties TEXT
);
CREATE INDEX IF NOT EXISTS decisions_created_at ON decisions (created_at);
CREATE INDEX IF NOT EXISTS decisions_document ON decisions (kind, document_id);
"""

_COLUMNS = (
    "id, created_at, caller, kind, document_id, input_sha256, decision, markets, as_of, "
    "findings, packs, report"
)
_INSERT_COLUMNS = _COLUMNS + ", parties"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class SQLiteStore:
    """Decisions in one SQLite file (WAL, synchronous FULL by default)."""

    backend = "sqlite"

    def __init__(self, path: Path, synchronous: str = "FULL") -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
            mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise DecisionLogError(
                    f"{path}: cannot switch the decision log to WAL mode ({mode})"
                )
            self._db.execute(f"PRAGMA synchronous={synchronous}")
            # Creating the schema needs the write lock, which another worker opening the same
            # file at the same moment may hold: wait for it with the connection's timeout.
            self._db.executescript(_SQLITE_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(decisions)")}
            if "parties" not in columns:  # a log written before re-screening existed
                try:
                    self._db.execute("ALTER TABLE decisions ADD COLUMN parties TEXT")
                except sqlite3.OperationalError as exc:  # another worker added it first
                    if "duplicate column" not in str(exc):
                        raise
            self._db.execute("PRAGMA busy_timeout=0")  # from here on: see _retry_busy
        except sqlite3.Error as exc:
            raise DecisionLogError(f"{path}: cannot open the decision log: {exc}") from exc

    def append_many(self, records: Sequence[DecisionRecord]) -> None:
        """Insert the records in one transaction, as multi-row INSERT statements.

        A group that fits one statement is written in autocommit mode (one call into sqlite3
        rather than BEGIN / executemany / COMMIT), because every call gives up the GIL and has
        to win it back from the busy event-loop thread.
        """
        statements = []
        for start in range(0, len(records), ROWS_PER_INSERT):
            chunk = records[start : start + ROWS_PER_INSERT]
            params: list[Any] = []
            for r in chunk:
                params.extend(
                    (
                        r.id,
                        format_time(r.created_at),
                        r.caller,
                        r.kind,
                        r.document_id,
                        r.input_sha256,
                        r.decision,
                        _dumps(r.markets),
                        r.as_of,
                        _dumps(r.findings),
                        _dumps(r.packs),
                        r.report_json if r.report_json is not None else _dumps(r.report),
                        _dumps(r.parties) if r.parties else None,
                    )
                )
            values = ",".join(["(?,?,?,?,?,?,?,?,?,?,?,?,?)"] * len(chunk))
            statements.append(
                (f"INSERT INTO decisions ({_INSERT_COLUMNS}) VALUES {values}", params)
            )
        if len(statements) == 1:
            sql, params = statements[0]
            self._retry_busy(lambda: self._db.execute(sql, params))
            return
        self._begin()
        try:
            for sql, params in statements:
                self._db.execute(sql, params)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _begin(self) -> None:
        self._retry_busy(lambda: self._db.execute("BEGIN IMMEDIATE"))

    def _retry_busy(self, action: Callable[[], object]) -> None:
        """Run ``action``, retrying while another process holds the write lock.

        SQLite's own busy handler sleeps 1, 2, 5, 10, 15, 20, 25... ms between attempts, which
        makes the latency tail of several workers sharing one file far longer than the writes
        themselves (a commit takes about 0.2 ms). Short, slowly growing sleeps are used instead.
        """
        delay = 0.0002
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                action()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise DecisionLogError(
                        f"{self.path}: the decision log stayed locked for {BUSY_TIMEOUT_S:.0f} s"
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 1.5, 0.005)

    def get(self, decision_id: str) -> DecisionRecord | None:
        """The record with this id, or None."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM decisions WHERE id = ?", (decision_id,)
        ).fetchone()
        if row is None:
            return None
        return DecisionRecord(
            id=row[0],
            created_at=parse_time(row[1]),
            caller=row[2],
            kind=row[3],
            document_id=row[4],
            input_sha256=row[5],
            decision=row[6],
            markets=json.loads(row[7]),
            as_of=row[8],
            findings=json.loads(row[9]),
            packs=json.loads(row[10]),
            report=json.loads(row[11]),
        )

    def purge(self, before: dt.datetime) -> int:
        """Delete old records in slices, so writers are never held up for long."""
        total = 0
        cutoff = format_time(before)
        while True:
            self._begin()
            try:
                cur = self._db.execute(
                    "DELETE FROM decisions WHERE id IN "
                    "(SELECT id FROM decisions WHERE created_at < ? LIMIT 5000)",
                    (cutoff,),
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            total += cur.rowcount
            if cur.rowcount < 5000:
                return total

    def count(self) -> int:
        """How many records are kept."""
        return int(self._db.execute("SELECT count(*) FROM decisions").fetchone()[0])

    def recent_parties(self, since: dt.datetime, limit: int) -> list[PartyRow]:
        """The stored parties of decisions made since ``since``, newest first."""
        rows = self._db.execute(
            "SELECT id, created_at, kind, document_id, parties FROM decisions "
            "WHERE created_at >= ? AND parties IS NOT NULL ORDER BY created_at DESC LIMIT ?",
            (format_time(since), limit),
        ).fetchall()
        return [PartyRow(r[0], parse_time(r[1]), r[2], r[3], json.loads(r[4])) for r in rows]

    def forget_parties(self, before: dt.datetime) -> int:
        """Erase the parties of decisions made before ``before``."""
        total = 0
        cutoff = format_time(before)
        while True:
            self._begin()
            try:
                cur = self._db.execute(
                    "UPDATE decisions SET parties = NULL WHERE id IN (SELECT id FROM decisions "
                    "WHERE created_at < ? AND parties IS NOT NULL LIMIT 5000)",
                    (cutoff,),
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            total += cur.rowcount
            if cur.rowcount < 5000:
                return total

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


def store_factory(db: str, synchronous: str = "FULL") -> Callable[[], DecisionStore]:
    """A function opening the store named by CLEARANCE_DB (path, sqlite:/// or postgresql://)."""
    if db.startswith(("postgresql://", "postgres://")):
        from clearance.api.decision_log_postgres import PostgresStore

        return lambda: PostgresStore(db)
    path = Path(db.removeprefix("sqlite:///")) if db.startswith("sqlite:///") else Path(db)
    return lambda: SQLiteStore(path, synchronous)


def _settle(future: concurrent.futures.Future[None], outcome: BaseException | None) -> None:
    """Complete an append's future unless its waiter already gave up (a cancelled request):
    the records are written either way, and the storage thread must never die of it."""
    try:
        if outcome is None:
            future.set_result(None)
        else:
            future.set_exception(outcome)
    except concurrent.futures.InvalidStateError:
        pass


@dataclass
class _Append:
    records: Sequence[DecisionRecord]
    future: concurrent.futures.Future[None]


@dataclass
class _Call:
    fn: Callable[[DecisionStore], Any]
    future: concurrent.futures.Future[Any]


class DecisionLog:
    """Serialises all storage work on one thread, with group commit of concurrent appends."""

    def __init__(
        self, factory: Callable[[], DecisionStore], max_per_minute: int | None = None
    ) -> None:
        self.factory = factory
        self.max_per_minute = max_per_minute
        self.guard = RateGuard(max_per_minute) if max_per_minute else None
        self._jobs: queue.SimpleQueue[_Append | _Call | None] = queue.SimpleQueue()
        opened: concurrent.futures.Future[DecisionStore] = concurrent.futures.Future()
        self._thread = threading.Thread(
            target=self._run, args=(factory, opened), name="clearance-decision-log", daemon=True
        )
        self._thread.start()
        self.store = opened.result()  # re-raises DecisionLogError if the store cannot be opened
        self.backend = self.store.backend
        self._closed = False

    # -- the storage thread -----------------------------------------------------------------

    def _run(
        self, factory: Callable[[], DecisionStore], opened: concurrent.futures.Future[DecisionStore]
    ) -> None:
        try:
            store = factory()
        except BaseException as exc:
            opened.set_exception(exc)
            return
        opened.set_result(store)
        pending: _Call | None = None
        stop = False
        while not stop:
            job = pending if pending is not None else self._jobs.get()
            pending = None
            if job is None:
                break
            if isinstance(job, _Call):
                self._call(store, job)
                continue
            group = [job]
            size = len(job.records)
            while size < MAX_GROUP:  # group commit: take every append already waiting
                try:
                    nxt = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                if isinstance(nxt, _Call):
                    pending = nxt
                    break
                group.append(nxt)
                size += len(nxt.records)
            self._write(store, group)
        store.close()

    @staticmethod
    def _call(store: DecisionStore, job: _Call) -> None:
        if not job.future.set_running_or_notify_cancel():
            return
        try:
            job.future.set_result(job.fn(store))
        except BaseException as exc:
            job.future.set_exception(exc)

    @staticmethod
    def _write(store: DecisionStore, group: list[_Append]) -> None:
        try:
            store.append_many([r for job in group for r in job.records])
        except Exception:
            if len(group) == 1:
                _settle(group[0].future, DecisionLogError("the decision could not be recorded"))
                return
            for job in group:  # one bad group member must not fail the others
                try:
                    store.append_many(job.records)
                except Exception as exc:
                    _settle(
                        job.future, DecisionLogError(f"the decision could not be recorded: {exc}")
                    )
                else:
                    _settle(job.future, None)
            return
        for job in group:
            _settle(job.future, None)

    # -- callers ------------------------------------------------------------------------------

    def submit_append(self, records: Sequence[DecisionRecord]) -> concurrent.futures.Future[None]:
        """Queue records for writing; the future completes once they are durable (or fails
        with LogLimitError, nothing written, when they would pass the growth limit)."""
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        if not records:
            future.set_result(None)
            return future
        if self._closed:
            future.set_exception(DecisionLogError("the decision log is closed"))
            return future
        if self.guard is not None:
            try:
                self.guard.take(len(records))
            except LogLimitError as exc:
                future.set_exception(exc)
                return future
        self._jobs.put(_Append(records, future))
        return future

    async def append(self, records: Sequence[DecisionRecord]) -> None:
        """Write records durably (group-committed with concurrent callers)."""
        await asyncio.wrap_future(self.submit_append(records))

    def submit(self, fn: Callable[[DecisionStore], T]) -> concurrent.futures.Future[T]:
        """Run ``fn(store)`` on the storage thread."""
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        if self._closed:
            future.set_exception(DecisionLogError("the decision log is closed"))
            return future
        self._jobs.put(_Call(fn, future))
        return future

    async def get(self, decision_id: str) -> DecisionRecord | None:
        """The decision with this id, or None."""
        return await asyncio.wrap_future(self.submit(lambda s: s.get(decision_id)))

    async def purge(self, before: dt.datetime) -> int:
        """Delete decisions created before ``before``."""
        return await asyncio.wrap_future(self.submit(lambda s: s.purge(before)))

    async def count(self) -> int:
        """How many decisions are kept."""
        return await asyncio.wrap_future(self.submit(lambda s: s.count()))

    async def forget_parties(self, before: dt.datetime) -> int:
        """Erase the parties of decisions made before ``before`` (re-screening retention)."""
        return await asyncio.wrap_future(self.submit(lambda s: s.forget_parties(before)))

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._closed

    def close(self) -> None:
        """Finish queued work and close the store."""
        if self._closed:
            return
        self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout=30)
