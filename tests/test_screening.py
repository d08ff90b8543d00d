"""The decision-report contract: fail closed, deterministic order, worst severity, hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest

from clearance.engine.errors import EngineError
from clearance.engine.evaluator import Evaluator
from clearance.engine.library import Library
from clearance.engine.screening import Screener

ON = dt.date(2026, 11, 25)
NOISY = {
    "kind": "listing",
    "id": "L-N",
    "markets": ["FR", "DE"],
    "title": "Die beste #1 Flasche",
    "description": "Testsieger",
}


def test_engine_error_fails_closed(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    screener = Screener(library)

    def broken(self: Evaluator, chunk: Any, fact: Any) -> list[int]:
        raise EngineError("error code: 303")

    monkeypatch.setattr(Evaluator, "run", broken)
    report = screener.screen(NOISY, as_of=ON)
    assert report.decision == "error"
    assert report.findings == []
    assert "303" in report.errors[0]["message"]


def test_unexpected_failure_fails_closed(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    screener = Screener(library)

    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise KeyError("boom")

    monkeypatch.setattr("clearance.engine.screening.build_fact", broken)
    report = screener.screen(NOISY, as_of=ON)
    assert report.decision == "error" and report.findings == []
    assert "internal error: KeyError" in report.errors[0]["message"]


def test_findings_are_per_market_in_a_stable_order(screener: Screener) -> None:
    first = screener.screen(NOISY, as_of=ON)
    again = screener.screen(dict(reversed(list(NOISY.items()))), as_of=ON)
    keys = [(f.severity, f.market, f.rule_id) for f in first.findings]
    assert keys == [(f.severity, f.market, f.rule_id) for f in again.findings]
    assert first.decision == "block"  # GPSR: no manufacturer, no images
    assert [k for k in keys if k[2] == "EU.GPSR.19A.MANUFACTURER"] == [
        ("block", "DE", "EU.GPSR.19A.MANUFACTURER"),
        ("block", "FR", "EU.GPSR.19A.MANUFACTURER"),
    ]
    severities = [f.severity for f in first.findings]
    rank = {"block": 4, "review": 3, "warn": 2, "info": 1}
    assert severities == sorted(severities, key=lambda s: -rank[s])
    assert ("review", "DE", "DE.UWG.SUPERLATIVE") in keys
    assert ("warn", "FR", "EU.UCPD.SUPERLATIVE") in keys
    assert not any(k[1] == "FR" and k[2].startswith("DE.") for k in keys)


def test_report_records_pack_hashes(screener: Screener, library: Library) -> None:
    report = screener.screen(NOISY, as_of=ON)
    packs = {p["id"]: p for p in report.packs}
    assert {"eu.gpsr", "de.uwg-claims", "eu.ucpd-claims"} <= set(packs)
    gpsr = library.pack("eu.gpsr")
    raw = (library.root / gpsr.file).read_bytes()
    assert packs["eu.gpsr"]["sha256"] == hashlib.sha256(raw).hexdigest()
    assert "cn.adlaw-extreme-words" not in packs  # no rule of it applies to DE or FR


def test_decision_is_the_worst_severity(screener: Screener) -> None:
    clean = {
        "kind": "listing",
        "id": "L-C",
        "markets": ["DE"],
        "title": "Flasche",
        "model": "M",
        "batch": "B-1",
        "images": ["https://x/y.jpg"],
        "manufacturer": {"name": "A", "address": "B", "email": "c@d.e", "country": "DE"},
    }
    assert screener.screen(clean, as_of=ON).decision == "pass"
    assert (
        screener.screen(dict(clean, title="#1 Flasche", markets=["FR"]), as_of=ON).decision
        == "warn"
    )
    assert screener.screen(dict(clean, title="Die beste Flasche"), as_of=ON).decision == "review"


def test_invalid_document_is_an_error_report_not_an_exception(screener: Screener) -> None:
    report = screener.screen({"kind": "listing", "id": 7}, as_of=ON)
    assert report.decision == "error"
    fields = {d["field"] for d in report.errors[0]["details"]}
    assert {"$.id", "$"} & fields
    assert screener.screen("not a document").decision == "error"
