"""The decision log: SQLite (always) and PostgreSQL (when a server is given), retention."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from api_support import ADMIN, SCREEN, TestClient, make_settings, start_server

from clearance.api import examples
from clearance.api.app import create_app
from clearance.api.decision_log import (
    ROWS_PER_INSERT,
    DecisionLog,
    DecisionLogError,
    DecisionRecord,
    DecisionStore,
    SQLiteStore,
    store_factory,
    utc_now,
)

PG_URL = os.environ.get("CLEARANCE_TEST_POSTGRES_URL")
PG_DIR = os.environ.get("CLEARANCE_TEST_POSTGRES_DIR")  # set by .ci/postgres: the server is ours
REPO_ROOT = Path(__file__).resolve().parents[2]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The test PostgreSQL database with no decision table yet (dropped before and after).

    Skipped when CLEARANCE_TEST_POSTGRES_URL is not set, except in CI (CI=true), where the
    PostgreSQL store must be tested: ``.ci/run`` starts a server with ``.ci/postgres start``.
    """
    if not PG_URL:
        if _in_ci():
            pytest.fail("CI=true but CLEARANCE_TEST_POSTGRES_URL is not set: use .ci/postgres")
        pytest.skip('set CLEARANCE_TEST_POSTGRES_URL (eval "$(.ci/postgres start)")')
    import psycopg

    def drop() -> None:
        with psycopg.connect(PG_URL, autocommit=True, connect_timeout=10) as conn:
            conn.execute("DROP TABLE IF EXISTS clearance_decisions")

    drop()
    yield PG_URL
    drop()


def record(i: int, created: dt.datetime | None = None, caller: str = "shop") -> DecisionRecord:
    """A small decision record."""
    report = {"kind": "listing", "id": f"L-{i}", "decision": "warn", "findings": []}
    return DecisionRecord(
        id=f"00000000-0000-4000-8000-{i:012d}",
        created_at=created or utc_now(),
        caller=caller,
        kind="listing",
        document_id=f"L-{i}",
        input_sha256="ab" * 32,
        decision="warn",
        markets=["DE"],
        as_of="2026-11-25",
        findings=[{"rule_id": "DE.UWG.SUPERLATIVE", "severity": "warn", "market": "DE"}],
        packs=[{"id": "de.uwg-claims", "version": "1.0.0", "sha256": "cd" * 32}],
        report=report,
    )


def exercise_store(store: DecisionStore, duplicate: type[Exception]) -> None:
    """What every store must do: append, get, count, purge."""
    old = utc_now() - dt.timedelta(days=40)
    store.append_many([record(1, old), record(2, old), record(3)])
    got = store.get(record(3).id)
    assert got is not None
    assert got.to_dict() == record(3, got.created_at).to_dict()
    assert abs((got.created_at - utc_now()).total_seconds()) < 60
    assert store.get("00000000-0000-4000-8000-999999999999") is None
    assert store.count() == 3
    assert store.purge(utc_now() - dt.timedelta(days=30)) == 2
    assert store.count() == 1 and store.get(record(1).id) is None
    many = [record(100 + i) for i in range(ROWS_PER_INSERT + 7)]  # several statements
    store.append_many(many)
    assert store.count() == 1 + len(many)
    with pytest.raises(duplicate):  # a duplicate id fails the whole group
        store.append_many([record(5000), record(100)])
    assert store.get(record(5000).id) is None


def test_sqlite_store(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "log.db")
    try:
        exercise_store(store, sqlite3.IntegrityError)
        mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
        sync = store._db.execute("PRAGMA synchronous").fetchone()[0]
        assert mode == "wal" and sync == 2  # FULL
    finally:
        store.close()


def test_sqlite_waits_for_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    store = SQLiteStore(path)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock for a while
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        store.append_many([record(1)])
        assert store.count() == 1
    finally:
        release.join()
        other.close()
        store.close()


def test_sqlite_opens_while_another_worker_creates_the_log(tmp_path: Path) -> None:
    """Two workers opening a new log at once: the second waits for the first's schema."""
    path = tmp_path / "log.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("BEGIN IMMEDIATE")  # the first worker is creating the schema
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        store = SQLiteStore(path)  # was: DecisionLogError "database is locked" at once
        store.append_many([record(1)])
        assert store.count() == 1
        store.close()
    finally:
        release.join()
        other.close()


def test_store_factory(tmp_path: Path) -> None:
    store = store_factory(f"sqlite:///{tmp_path / 'a' / 'x.db'}")()
    assert isinstance(store, SQLiteStore) and store.path == tmp_path / "a" / "x.db"
    store.close()
    with pytest.raises(DecisionLogError):
        store_factory(str(tmp_path))()  # a directory is not a database


def test_group_commit_and_isolation(tmp_path: Path) -> None:
    log = DecisionLog(store_factory(str(tmp_path / "log.db")))
    groups: list[int] = []
    write = log.store.append_many

    def counting(records: list[DecisionRecord]) -> None:
        groups.append(len(records))
        write(records)

    log.store.append_many = counting  # type: ignore[method-assign]

    async def run(records: list[DecisionRecord]) -> list[BaseException | None]:
        return await asyncio.gather(*(log.append([r]) for r in records), return_exceptions=True)

    try:
        assert asyncio.run(run([record(i) for i in range(300)])) == [None] * 300
        assert len(groups) < 300 and max(groups) > 1  # concurrent appends were grouped
        # a bad record (a duplicate id) fails alone; the others in its group are written
        results = asyncio.run(run([record(1000 + i) for i in range(20)] + [record(7)]))
        assert results[:20] == [None] * 20 and isinstance(results[20], DecisionLogError)
        assert log.submit(lambda store: store.count()).result() == 320
    finally:
        log.close()
    assert log.closed
    with pytest.raises(DecisionLogError):
        log.submit_append([record(1)]).result()


def test_an_append_whose_caller_gave_up_is_written_and_the_log_goes_on(tmp_path: Path) -> None:
    # a request cancelled while its decision waits (client gone, a gather that failed)
    # cancels the future; the storage thread used to die of InvalidStateError, and every
    # later request then waited for ever
    log = DecisionLog(store_factory(str(tmp_path / "log.db")))
    release = threading.Event()
    try:
        log.submit(lambda store: release.wait(10))  # hold the storage thread
        gone = log.submit_append([record(1)])
        assert gone.cancel()
        release.set()
        log.submit_append([record(2)]).result(timeout=10)
        assert log.submit(lambda store: store.count()).result(timeout=10) == 2
    finally:
        release.set()
        log.close()


def test_postgres_store(pg_url: str) -> None:
    import psycopg

    from clearance.api.decision_log_postgres import PostgresStore

    store = PostgresStore(pg_url)
    try:
        exercise_store(store, psycopg.IntegrityError)
        row = store._conn.execute("SHOW synchronous_commit").fetchone()
        assert row is not None and row[0] == "on"  # an acknowledged commit is flushed
    finally:
        store.close()


def test_postgres_commits_are_synchronous_even_when_the_url_turns_that_off(pg_url: str) -> None:
    from clearance.api.decision_log_postgres import PostgresStore

    sep = "&" if "?" in pg_url else "?"
    store = PostgresStore(f"{pg_url}{sep}options=-csynchronous_commit%3Doff")
    try:
        row = store._conn.execute("SHOW synchronous_commit").fetchone()
        assert row is not None and row[0] == "on"
        store.append_many([record(1)])
        store._conn.close()  # a new connection (after a server restart) is made the same way
        assert store.count() == 1
        row = store._conn.execute("SHOW synchronous_commit").fetchone()
        assert row is not None and row[0] == "on"
    finally:
        store.close()


def test_postgres_retention_and_purge(tmp_path: Path, pg_url: str) -> None:
    settings = make_settings(tmp_path, db=pg_url, retention_days=30)
    log = DecisionLog(store_factory(settings.db))
    log.submit_append([record(1, utc_now() - dt.timedelta(days=31)), record(2)]).result()
    log.close()
    with TestClient(create_app(settings)) as client:
        # retention ran at start-up: the 31-day-old decision is gone, the new one kept
        assert client.get(f"/v1/decisions/{record(1).id}", headers=ADMIN).status_code == 404
        assert client.get(f"/v1/decisions/{record(2).id}", headers=ADMIN).status_code == 200
        doc = {"document": examples.document("listing")}
        made = client.post("/v1/screen/listing", json=doc, headers=SCREEN).json()
        status = client.get("/v1/admin/status", headers=ADMIN).json()
        assert status["decision_log"] == {
            "backend": "postgresql",
            "decisions": 2,
            "retention_days": 30,
        }
        assert client.post("/v1/admin/decisions/purge", headers=ADMIN).json()["deleted"] == 0
        store = store_factory(pg_url)()
        try:  # another replica logged a decision 10 days ago
            store.append_many([record(3, utc_now() - dt.timedelta(days=10))])
        finally:
            store.close()
        purged = client.post(
            "/v1/admin/decisions/purge", params={"older_than_days": 5}, headers=ADMIN
        ).json()
        assert purged["deleted"] == 1
        assert client.get(f"/v1/decisions/{record(3).id}", headers=ADMIN).status_code == 404
        assert client.get(f"/v1/decisions/{made['decision_id']}", headers=ADMIN).status_code == 200


def test_postgres_acknowledged_decisions_survive_kill_9(tmp_path: Path, pg_url: str) -> None:
    """kill -9 PostgreSQL (a server from .ci/postgres) under the service, then the service."""
    import psycopg

    crashable = bool(PG_DIR)
    if not crashable and _in_ci():
        pytest.fail("CI=true but CLEARANCE_TEST_POSTGRES_DIR is not set: use .ci/postgres start")
    server = start_server(tmp_path, db_url=pg_url, extra_env={"TMPDIR": str(tmp_path)})
    acknowledged: list[str] = []
    refused = 0

    def screen(i: int) -> int:
        doc = dict(examples.document("shipment"), id=f"S-PGKILL-{i}")
        r = httpx.post(
            server.url + "/v1/screen/shipment", json={"document": doc}, headers=SCREEN, timeout=30
        )
        if r.status_code == 200:
            acknowledged.append(r.json()["decision_id"])
        else:
            assert "decision_id" not in r.text
        return r.status_code

    try:
        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(screen, range(60))) == {200}
        if crashable:  # commits acknowledged must come back from PostgreSQL's WAL
            subprocess.run([str(REPO_ROOT / ".ci" / "postgres"), "crash"], check=True, timeout=120)
            # the service notices the lost connection: 503 (nothing answered), then reconnects
            codes = [screen(100 + i) for i in range(5)]
            assert set(codes) <= {200, 503} and codes[-1] == 200, codes
            refused = codes.count(503)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=10)
    finally:
        server.stop()
    with psycopg.connect(pg_url, connect_timeout=10) as conn:
        stored = {row[0] for row in conn.execute("SELECT id FROM clearance_decisions")}
    assert len(acknowledged) == (65 - refused if crashable else 60)
    assert set(acknowledged) <= stored


def test_purge_endpoint_and_retention(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, retention_days=30)
    log = DecisionLog(store_factory(settings.db))
    log.submit_append([record(1, utc_now() - dt.timedelta(days=31))]).result()
    log.close()
    with TestClient(create_app(settings)) as client:
        # retention ran at start-up
        assert client.get(f"/v1/decisions/{record(1).id}", headers=ADMIN).status_code == 404
        doc = {"document": examples.document("listing")}
        made = client.post("/v1/screen/listing", json=doc, headers=SCREEN).json()
        purged = client.post("/v1/admin/decisions/purge", headers=ADMIN).json()
        assert purged["deleted"] == 0
        assert client.get(f"/v1/decisions/{made['decision_id']}", headers=ADMIN).status_code == 200
        status = client.get("/v1/admin/status", headers=ADMIN).json()
        assert status["decision_log"] == {"backend": "sqlite", "decisions": 1, "retention_days": 30}
        assert client.post("/v1/admin/decisions/purge", headers=SCREEN).status_code == 403


def test_purge_needs_a_retention(client: TestClient) -> None:
    response = client.post("/v1/admin/decisions/purge", headers=ADMIN)
    assert response.status_code == 422
    response = client.post(
        "/v1/admin/decisions/purge", params={"older_than_days": 1}, headers=ADMIN
    )
    assert response.status_code == 200


def test_log_failure_is_503_and_nothing_answered(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = client.app.state.service.log  # type: ignore[attr-defined]

    def broken(records: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(log.store, "append_many", broken)
    response = client.post(
        "/v1/screen/listing", headers=SCREEN, json={"document": examples.document("listing")}
    )
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert "decision_id" not in response.text
