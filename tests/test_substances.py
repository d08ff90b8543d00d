"""Declared chemicals with a concentration are read as numbers (engine/substances.py), so that
rules compare them with the legal limits (issue 9 §1, §4: a declared concentration under the
limit is not a finding)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from clearance.engine.normalise import normalise_document
from clearance.engine.screening import Screener
from clearance.engine.substances import derive_substances, entry51_phthalates_percent


def _derived(*chemicals: str) -> list[dict[str, Any]]:
    doc, _ = derive_substances({"attributes": {"chemicals": list(chemicals)}})
    substances: list[dict[str, Any]] = doc["attributes"]["substances"]
    return substances


@pytest.mark.parametrize(
    ("text", "name", "percent", "ppm"),
    [
        ("cadmium 0.009 %", "cadmium", 0.009, 90.0),
        ("lead 90 ppm (paint substrate)", "lead", 0.009, 90.0),
        ("chromium VI 2 mg/kg", "chromium VI", 0.0002, 2.0),
        ("DINP 0,08 %", "DINP", 0.08, 800.0),
        ("Bisphenol A: 0.05%", "Bisphenol A", 0.05, 500.0),
        ("benzene 500 ppb", "benzene", 0.00005, 0.5),
    ],
)
def test_a_concentration_by_weight_is_read(
    text: str, name: str, percent: float, ppm: float
) -> None:
    [entry] = _derived(text)
    assert entry["name"] == name and entry["declared"] == text
    assert entry["percent"] == pytest.approx(percent) and entry["ppm"] == pytest.approx(ppm)


def test_a_bound_is_kept() -> None:
    [entry] = _derived("DEHP < 0.1 %")
    assert entry["bound"] == "below" and entry["percent"] == pytest.approx(0.1)


@pytest.mark.parametrize("text", ["lead", "nickel release 0.05 µg/cm²/week", "0.1 %"])
def test_no_concentration_by_weight_gives_no_number(text: str) -> None:
    # alone, such an entry adds nothing (the chemicals stay text only) ...
    doc = {"attributes": {"chemicals": [text]}}
    assert derive_substances(doc) == (doc, [])
    assert derive_substances(doc)[0] is doc
    # ... beside one with a number, it is listed without one, so "every substance under its
    # limit" is unknown for it
    entries = _derived("cadmium 0.001 %", text)
    assert all("percent" not in e and "ppm" not in e for e in entries[1:])


def test_substances_the_seller_gave_are_kept() -> None:
    doc = {
        "attributes": {
            "chemicals": ["cadmium 0.009 %", "lead 0.02 %"],
            "substances": [{"name": "Cadmium", "percent": 0.001}],
        }
    }
    out, _ = derive_substances(doc)
    assert out["attributes"]["substances"][0] == {"name": "Cadmium", "percent": 0.001}
    assert [s["name"] for s in out["attributes"]["substances"]] == ["Cadmium", "lead"]
    assert doc["attributes"]["substances"] == [{"name": "Cadmium", "percent": 0.001}]  # pure


def test_the_report_names_what_was_read() -> None:
    listing = {"kind": "listing", "id": "L", "markets": ["DE"], "title": "Ring"}
    listing["attributes"] = {"chemicals": ["cadmium 0.009 %", "nickel"]}
    _, changes = normalise_document("listing", listing)
    assert [(c.field, c.before) for c in changes] == [
        ("$.attributes.substances[0]", "cadmium 0.009 %")
    ]


@pytest.mark.parametrize(
    ("chemical", "fires"),
    [("cadmium 0.009 %", False), ("cadmium 0.01 %", True), ("cadmium", True)],
)
def test_reach_cadmium_follows_the_declared_concentration(
    screener: Screener, chemical: str, fires: bool
) -> None:
    listing = {
        "kind": "listing",
        "id": "L-CD",
        "markets": ["DE"],
        "title": "Silver ring",
        "attributes": {"chemicals": [chemical]},
    }
    report = screener.screen(listing, as_of=dt.date(2026, 11, 25))
    rules = {f.rule_id for f in report.findings}
    assert ("EU.REACH.23.CADMIUM_DECLARED" in rules) is fires


# -- REACH entry 51: the four phthalates together ------------------------------------------------


@pytest.mark.parametrize(
    ("chemicals", "total"),
    [
        (["DEHP 0.06 %", "DBP 0.05 %"], 0.11),
        (["bis(2-ethylhexyl) phthalate 0.04 %", "84-69-5 0.03 %", "BBP 200 ppm"], 0.09),
        (["DEHP 0.05 %", "DEHP (coating) 0.07 %"], 0.07),  # one substance, its highest figure
        (["DEHP < 0.05 %", "DBP < 0.05 %"], 0.1),  # bounds add up to a bound
        (["DIBP 0.1 %", "DINP 0.5 %"], 0.1),  # DINP is entry 52's
    ],
)
def test_entry51_phthalates_are_added_up(chemicals: list[str], total: float) -> None:
    listing = {"kind": "listing", "id": "L-P", "markets": ["DE"], "title": "PVC bath duck"}
    listing["attributes"] = {"chemicals": chemicals}
    doc, _ = normalise_document("listing", listing)
    assert doc["derived"]["reach51_phthalates_percent"] == pytest.approx(total)
    assert entry51_phthalates_percent(doc["attributes"]["substances"]) == pytest.approx(total)


@pytest.mark.parametrize(
    "substances",
    [
        None,
        "DEHP 0.2 %",
        [],
        [{"name": "DEHP", "declared": "DEHP"}],  # no concentration
        [{"name": "DINP", "percent": 0.5}],
        [{"name": "DEHP-free PVC", "percent": 0.2}],  # "DEHP-free" does not name DEHP
        [{"name": "DEHP", "percent": True}, {"name": 7, "percent": 0.2}, "DBP 0.1 %"],
    ],
)
def test_no_entry51_sum_without_a_declared_concentration(substances: Any) -> None:
    assert entry51_phthalates_percent(substances) is None


@pytest.mark.parametrize(
    ("chemicals", "fires"),
    [
        (["DEHP 0.06 %", "DBP 0.05 %"], True),  # 0.11 % together
        (["DEHP 0.05 %", "DBP 0.04 %"], False),  # 0.09 %
        (["DEHP 0.05 %", "DBP"], True),  # one without a concentration: the sum is unknown
        (["DIBP 0.1 %"], True),  # the limit is "less than 0.1 %"
    ],
)
def test_reach_entry51_follows_the_sum(
    screener: Screener, chemicals: list[str], fires: bool
) -> None:
    listing = {
        "kind": "listing",
        "id": "L-P",
        "markets": ["DE"],
        "title": "PVC bath duck",
        "attributes": {"chemicals": chemicals},
    }
    report = screener.screen(listing, as_of=dt.date(2026, 11, 25))
    rules = {f.rule_id for f in report.findings}
    assert ("EU.REACH.51.PHTHALATES_DECLARED" in rules) is fires
