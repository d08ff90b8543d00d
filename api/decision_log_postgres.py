"""The decision log in PostgreSQL (``CLEARANCE_DB=postgresql://...``), through psycopg 3.

psycopg is optional: install it with ``pip install 'psycopg[binary]'``. A commit returns once
PostgreSQL has flushed its WAL (``synchronous_commit`` is set on for the session when the
server or the URL turns it off), so an acknowledged decision is durable.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence
from typing import Any

from clearance.api.decision_log import DecisionLogError, DecisionRecord
from clearance.api.rescreen import PartyRow


def _driver() -> Any:
    """The psycopg module, or None when it is not installed (it is optional)."""
    try:
        return importlib.import_module("psycopg")
    except ImportError:
        return None


_SCHEMA = """
CREATE TABLE IF NOT EXISTS clearance_decisions (
    id TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    caller TEXT NOT NULL,
    kind TEXT NOT NULL,
    document_id TEXT,
    input_sha256 TEXT NOT NULL,
    decision TEXT NOT NULL,
    markets JSONB NOT NULL,
    as_of TEXT,
    findings JSONB NOT NULL,
    packs JSONB NOT NULL,
    report JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS clearance_decisions_created_at ON clearance_decisions (created_at);
CREATE INDEX IF NOT EXISTS clearance_decisions_document
    ON clearance_decisions (kind, document_id);
ALTER TABLE clearance_decisions ADD COLUMN IF NOT EXISTS parties JSONB;
"""

_COLUMNS = (
    "id, created_at, caller, kind, document_id, input_sha256, decision, markets, as_of, "
    "findings, packs, report"
)


class PostgresStore:
    """Decisions in the ``clearance_decisions`` table of a PostgreSQL database."""

    backend = "postgresql"

    def __init__(self, url: str) -> None:
        self._pg = _driver()
        if self._pg is None:
            raise DecisionLogError(
                "CLEARANCE_DB is a PostgreSQL URL but psycopg is not installed: "
                "pip install 'psycopg[binary]'"
            )
        self._jsonb = importlib.import_module("psycopg.types.json").Jsonb
        self._url = url
        self._conn = self._connect()
        with self._conn.transaction():
            self._conn.execute(_SCHEMA)

    def _connect(self) -> Any:
        try:
            conn = self._pg.connect(self._url, autocommit=True, connect_timeout=10)
            # A server (or the URL's options) may turn synchronous_commit off, which loses
            # acknowledged decisions in a crash; any other setting flushes at least locally.
            row = conn.execute("SHOW synchronous_commit").fetchone()
            if row is None or row[0] == "off":
                conn.execute("SET synchronous_commit TO on")
            return conn
        except self._pg.Error as exc:
            raise DecisionLogError(f"cannot connect to the PostgreSQL decision log: {exc}") from exc

    def _ready(self) -> Any:
        if self._conn.closed or self._conn.broken:
            self._conn = self._connect()
        return self._conn

    def append_many(self, records: Sequence[DecisionRecord]) -> None:
        """Insert the records in one transaction."""
        jsonb = self._jsonb
        rows = [
            (
                r.id,
                r.created_at,
                r.caller,
                r.kind,
                r.document_id,
                r.input_sha256,
                r.decision,
                jsonb(r.markets),
                r.as_of,
                jsonb(r.findings),
                jsonb(r.packs),
                jsonb(r.report),
                jsonb(r.parties) if r.parties else None,
            )
            for r in records
        ]
        conn = self._ready()
        with conn.transaction(), conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO clearance_decisions ({_COLUMNS}, parties) "
                "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                rows,
            )

    def get(self, decision_id: str) -> DecisionRecord | None:
        """The record with this id, or None."""
        row = (
            self._ready()
            .execute(f"SELECT {_COLUMNS} FROM clearance_decisions WHERE id = %s", (decision_id,))
            .fetchone()
        )
        if row is None:
            return None
        return DecisionRecord(
            id=row[0],
            created_at=row[1].astimezone(dt.UTC),
            caller=row[2],
            kind=row[3],
            document_id=row[4],
            input_sha256=row[5],
            decision=row[6],
            markets=row[7],
            as_of=row[8],
            findings=row[9],
            packs=row[10],
            report=row[11],
        )

    def purge(self, before: dt.datetime) -> int:
        """Delete records created before ``before``."""
        total = 0
        conn = self._ready()
        while True:
            with conn.transaction():
                cur = conn.execute(
                    "DELETE FROM clearance_decisions WHERE id IN (SELECT id FROM "
                    "clearance_decisions WHERE created_at < %s LIMIT 5000)",
                    (before,),
                )
            deleted = int(cur.rowcount)
            total += deleted
            if deleted < 5000:
                return total

    def count(self) -> int:
        """How many records are kept."""
        row = self._ready().execute("SELECT count(*) FROM clearance_decisions").fetchone()
        return int(row[0]) if row else 0

    def recent_parties(self, since: dt.datetime, limit: int) -> list[PartyRow]:
        """The stored parties of decisions made since ``since``, newest first."""
        rows = (
            self._ready()
            .execute(
                "SELECT id, created_at, kind, document_id, parties FROM clearance_decisions "
                "WHERE created_at >= %s AND parties IS NOT NULL "
                "ORDER BY created_at DESC LIMIT %s",
                (since, limit),
            )
            .fetchall()
        )
        return [PartyRow(r[0], r[1].astimezone(dt.UTC), r[2], r[3], r[4]) for r in rows]

    def forget_parties(self, before: dt.datetime) -> int:
        """Erase the parties of decisions made before ``before``."""
        total = 0
        conn = self._ready()
        while True:
            with conn.transaction():
                cur = conn.execute(
                    "UPDATE clearance_decisions SET parties = NULL WHERE id IN (SELECT id FROM "
                    "clearance_decisions WHERE created_at < %s AND parties IS NOT NULL "
                    "LIMIT 5000)",
                    (before,),
                )
            changed = int(cur.rowcount)
            total += changed
            if changed < 5000:
                return total

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()
