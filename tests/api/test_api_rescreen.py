"""Re-screening: a buyer who was clean when the order was decided and is listed today is found,
through POST /v1/admin/rescreen and the metrics; the log keeps only the parties' screening input,
for the re-screening window only (SQLite always, PostgreSQL when a server is given)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from api_support import ADMIN, SCREEN, TestClient, make_settings
from test_api_decision_log import pg_url  # noqa: F401  (the PostgreSQL fixture)

from clearance.api import examples
from clearance.api.app import create_app
from clearance.api.decision_log import DecisionRecord, SQLiteStore, store_factory, utc_now
from clearance.api.rescreen import parties_of

REPO = Path(__file__).resolve().parents[2]
LISTED = {
    "id": "900001",
    "list": "ofac",
    "type": "entity",
    "programmes": ["RUSSIA-EO14024"],
    "names": ["VOLKOV INDUSTRIAL TRADING LLC", "VOLKOV INDUSTRIAL"],
    "countries": ["RU"],
    "dates_of_birth": [],
    "remarks": "",
    "source_url": "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=900001",
    "addresses": [],
}
OTHER = {**LISTED, "id": "900002", "names": ["OCEAN STAR"], "type": "vessel", "countries": []}


def write_list(rules: Path, entries: list[dict[str, Any]]) -> None:
    doc = {
        "list": "ofac",
        "kind": "sanctions",
        "title": "OFAC SDN (test)",
        "description": "test list",
        "provenance": {"source": "test", "fetched_at": "2026-03-04T12:00:00Z"},
        "cadence_days": 1.0,
        "entries": entries,
    }
    (rules / "data" / "sanctions" / "ofac.json").write_text(json.dumps(doc))


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(REPO / "rules", target, ignore=shutil.ignore_patterns("*.prev", "*.state"))
    for old in (target / "data" / "sanctions").glob("*.json"):
        old.unlink()
    write_list(target, [OTHER])
    return target


def order(buyer: str, number: int) -> dict[str, Any]:
    doc = examples.document("order")
    doc["id"] = f"O-RS-{number}"
    doc["buyer"] = {
        "name": buyer,
        "country": "TR",
        "email": "buyer@example.com",
        "address": "Istiklal Cd. 1",
    }
    return doc


def sanctions_findings(report: dict[str, Any]) -> list[str]:
    return [f["rule_id"] for f in report["findings"] if f["rule_id"].startswith("SANCTIONS.")]


def scenario(client: TestClient, rules: Path) -> tuple[str, str]:
    clean = client.post(
        "/v1/screen/order", json={"document": order("Volkov Industrial Trading", 1)}, headers=SCREEN
    ).json()
    assert sanctions_findings(clean) == []
    write_list(rules, [OTHER, LISTED])
    assert client.post("/v1/admin/reload", headers=ADMIN).status_code == 200
    listed = client.post(
        "/v1/screen/order", json={"document": order("Volkov Industrial Trading", 2)}, headers=SCREEN
    ).json()
    assert "SANCTIONS.DENIED_PARTY.ORDER" in sanctions_findings(listed)
    return clean["decision_id"], listed["decision_id"]


def test_a_buyer_listed_since_the_order_is_found(tmp_path: Path, rules: Path) -> None:
    settings = make_settings(tmp_path, rules_dir=rules)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        clean_id, listed_id = scenario(client, rules)
        response = client.post("/v1/admin/rescreen", headers=ADMIN)
        assert response.status_code == 200, response.text
        body = response.json()
        hits = body["new_hits"]
        # the decision made after the listing already reported it: only the clean one is new
        assert [h["decision_id"] for h in hits] == [clean_id]
        hit = hits[0]
        assert (hit["field"], hit["name"], hit["level"]) == (
            "buyer",
            "Volkov Industrial Trading",
            "block",
        )
        assert hit["match"]["key"] == "ofac:900001"
        assert hit["document_id"] == "O-RS-1"
        assert body["decisions"] == 2 and body["parties"] >= 2
        assert listed_id not in {h["decision_id"] for h in hits}
        metrics = client.get("/metrics").text
        assert 'clearance_rescreen_new_hits_total{level="block",list="ofac"} 1.0' in metrics
        assert "clearance_rescreens_total 1.0" in metrics
        assert client.post("/v1/admin/rescreen", headers=SCREEN).status_code == 403
        assert client.post("/v1/admin/rescreen").status_code == 401


def test_the_log_keeps_only_the_screening_input_of_parties(tmp_path: Path, rules: Path) -> None:
    settings = make_settings(tmp_path, rules_dir=rules)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        made = client.post(
            "/v1/screen/order", json={"document": order("Ayse Yilmaz", 1)}, headers=SCREEN
        ).json()
        stored = client.get(f"/v1/decisions/{made['decision_id']}", headers=ADMIN).json()
        assert "parties" not in stored
    db = sqlite3.connect(tmp_path / "decisions.db")
    [(raw,)] = db.execute("SELECT parties FROM decisions").fetchall()
    text = raw
    assert "Ayse Yilmaz" in text
    assert "buyer@example.com" not in text and "Istiklal" not in text
    fields = {p["field"] for p in json.loads(raw)}
    assert "buyer" in fields and "shipping_address" in fields


def test_parties_past_the_window_are_erased_and_not_rescreened(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "d.db")
    old = record("old", utc_now() - dt.timedelta(days=40))
    new = record("new", utc_now() - dt.timedelta(days=1))
    store.append_many([old, new])
    rows = store.recent_parties(utc_now() - dt.timedelta(days=30), 10)
    assert [r.decision_id for r in rows] == ["new"]
    assert store.forget_parties(utc_now() - dt.timedelta(days=30)) == 1
    assert store.get("old") is not None  # the decision itself stays (its own retention)
    assert [r.decision_id for r in store.recent_parties(utc_now() - dt.timedelta(days=90), 10)] == [
        "new"
    ]
    store.close()


def test_an_old_log_gains_the_parties_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE decisions (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, caller TEXT NOT "
        "NULL, kind TEXT NOT NULL, document_id TEXT, input_sha256 TEXT NOT NULL, decision TEXT "
        "NOT NULL, markets TEXT NOT NULL, as_of TEXT, findings TEXT NOT NULL, packs TEXT NOT "
        "NULL, report TEXT NOT NULL);"
    )
    db.close()
    store = SQLiteStore(path)
    store.append_many([record("x")])
    assert len(store.recent_parties(utc_now() - dt.timedelta(days=1), 10)) == 1
    store.close()


def test_parties_of_bounds_names_and_reads_known_hits() -> None:
    doc = {
        "buyer": {"name": "A" * 500, "aliases": [f"alias {i}" for i in range(30)], "country": "DE"},
        "seller": {"email": "x@example.com"},
    }
    report = {
        "findings": [
            {"evidence": [{"field": "buyer", "text": "A", "party_match": {"key": "un:1"}}]}
        ]
    }
    [buyer] = parties_of("order", doc, report) or []
    assert buyer["field"] == "buyer"
    assert len(buyer["names"]) == 10 and len(buyer["names"][0]) == 200
    assert buyer["known"] == ["un:1"]
    assert parties_of("order", {"seller": {"email": "x@example.com"}}) is None


def test_postgres_keeps_and_forgets_parties(pg_url: str) -> None:  # noqa: F811
    store = store_factory(pg_url)()
    try:
        store.append_many(
            [record("old", utc_now() - dt.timedelta(days=40)), record("new", utc_now())]
        )
        rows = store.recent_parties(utc_now() - dt.timedelta(days=30), 10)
        assert [r.decision_id for r in rows] == ["new"]
        assert rows[0].parties[0]["names"] == ["Volkov Industrial Trading"]
        assert store.forget_parties(utc_now() - dt.timedelta(days=30)) == 1
    finally:
        store.close()


def record(name: str, created: dt.datetime | None = None) -> DecisionRecord:
    return DecisionRecord(
        id=name,
        created_at=created or utc_now(),
        caller="shop",
        kind="order",
        document_id=f"O-{name}",
        input_sha256="ab" * 32,
        decision="pass",
        markets=["TR"],
        as_of="2026-03-04",
        findings=[],
        packs=[],
        report={"kind": "order", "findings": []},
        parties=[
            {"field": "buyer", "names": ["Volkov Industrial Trading"], "country": "TR", "known": []}
        ],
    )
