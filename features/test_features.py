"""Step definitions for the Gherkin specifications in features/ (one feature file per pack).

Documents start from a complete, compliant base per kind; a step's YAML doc string is merged
onto it the way a pack example is merged onto its fixture (mappings merge, ``null`` deletes a
key, anything else replaces). Every scenario states the exact set of findings it expects with
``the findings are exactly:`` (one row per finding: rule, severity, market and the fields of its
evidence, comma-separated) or ``there are no findings``.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_bdd import given, parsers, scenarios, then, when
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.library import load_library
from clearance.engine.packs import merge
from clearance.engine.report import Finding, Report
from clearance.engine.screening import Screener

# The packs' feature files (features/*.feature); features/gate/ has its own steps.
scenarios(*sorted(p.name for p in Path(__file__).parent.glob("*.feature")))

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 25)
FINDINGS_HEADER = ["rule", "severity", "market", "field"]

MANUFACTURER = {
    "name": "Acme GmbH",
    "address": "Hauptstr. 1, 10115 Berlin",
    "email": "safety@acme.example",
    "country": "DE",
}


@pytest.fixture
def state() -> dict[str, Any]:
    return {}


def _patch(doc: dict[str, Any], docstring: str) -> dict[str, Any]:
    patch = yaml.safe_load(docstring) or {}
    assert isinstance(patch, dict), f"the doc string must be a YAML mapping, not {patch!r}"
    merged: dict[str, Any] = merge(doc, patch)
    return merged


# -- documents -----------------------------------------------------------------------------


@given(parsers.parse('a listing for market "{market}" titled "{title}"'))
def listing(state: dict[str, Any], market: str, title: str) -> None:
    state["doc"] = {
        "kind": "listing",
        "id": "L-1",
        "markets": [market],
        "title": title,
        "model": "M-1",
        "batch": "B-1",
        "images": ["https://img.example/1.jpg"],
        "manufacturer": dict(MANUFACTURER),
        # The harmonised legal-guarantee notice (EU, from 27 Sep 2026) is shown with the offer.
        "notices": {"legal_guarantee": True},
    }


@given(parsers.parse('a listing for market "{market}" titled "{title}" without a manufacturer'))
def listing_without_manufacturer(state: dict[str, Any], market: str, title: str) -> None:
    listing(state, market, title)
    del state["doc"]["manufacturer"]


@given(parsers.parse('a listing for market "{market}" titled "{title}" with:'))
def listing_with(state: dict[str, Any], market: str, title: str, docstring: str) -> None:
    listing(state, market, title)
    state["doc"] = _patch(state["doc"], docstring)


def _order(origin: str, dest: str, amount: float, currency: str) -> dict[str, Any]:
    return {
        "kind": "order",
        "id": "O-1",
        "buyer": {"type": "b2c", "country": dest},
        "ship_from_country": origin,
        "shipping_address": {"country": dest},
        "items": [{"quantity": 1, "title": "Tablet"}],
        "goods_value": {"amount": amount, "currency": currency},
    }


@given(
    parsers.parse(
        'an order from "{origin}" to "{dest}" worth {amount:g} "{currency}" without an IOSS number'
    )
)
def order_without_ioss(
    state: dict[str, Any], origin: str, dest: str, amount: float, currency: str
) -> None:
    state["doc"] = _order(origin, dest, amount, currency)


@given(
    parsers.parse(
        'an order from "{origin}" to "{dest}" worth {amount:g} "{currency}" '
        'with IOSS number "{ioss}"'
    )
)
def order_with_ioss(
    state: dict[str, Any], origin: str, dest: str, amount: float, currency: str, ioss: str
) -> None:
    state["doc"] = dict(_order(origin, dest, amount, currency), ioss_number=ioss, vat_charged=True)


@given(parsers.parse('an order from "{origin}" to "{dest}" with:'))
def order_with(state: dict[str, Any], origin: str, dest: str, docstring: str) -> None:
    base = _order(origin, dest, 40, "EUR")
    base["buyer"]["name"] = base["shipping_address"]["name"] = "Max Muster"
    state["doc"] = _patch(base, docstring)


@given(parsers.parse('a shipment to "{dest}" by "{mode}" of a "{un}" battery'))
def battery_shipment(state: dict[str, Any], dest: str, mode: str, un: str) -> None:
    state["doc"] = {
        "kind": "shipment",
        "id": "S-1",
        "origin_country": "CN",
        "destination_country": dest,
        "mode": mode,
        "items": [
            {
                "description": "Power bank",
                "hs_code": "8507600090",
                "quantity": 1,
                "dangerous_goods": {"un_number": un},
            }
        ],
    }


@given(parsers.parse('a shipment from "{origin}" to "{dest}" with:'))
def shipment_with(state: dict[str, Any], origin: str, dest: str, docstring: str) -> None:
    base = {
        "kind": "shipment",
        "id": "S-1",
        "origin_country": origin,
        "destination_country": dest,
        "mode": "express",
        "incoterm": "DAP",
        "consignee": {"name": "Jane Doe", "address": "1 Main St", "country": dest},
        "items": [
            {
                "description": "Stainless steel water bottle",
                "hs_code": "9617001000",
                "quantity": 10,
                "net_weight_kg": 3.5,
                "gross_weight_kg": 4.2,
                "origin_country": origin,
                "value": {"amount": 80, "currency": "USD"},
            }
        ],
        "invoice": {"number": "INV-1", "total_quantity": 10},
        "packing_list": {"total_quantity": 10, "net_weight_kg": 3.5, "gross_weight_kg": 4.2},
    }
    state["doc"] = _patch(copy.deepcopy(base), docstring)


@given("the recall list of the CPSC test feed is loaded")
def recall_list_loaded(state: dict[str, Any], tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    feed = REPO / "tests" / "fixtures" / "feeds" / "cpsc" / "recalls.json"
    args = ["feeds", "update", "cpsc", "--rules", str(rules), "--from", str(feed)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    state["screener"] = Screener(load_library(rules))


# -- screening -----------------------------------------------------------------------------


def _screener(state: dict[str, Any], default: Screener) -> Screener:
    found: Screener = state.get("screener", default)
    return found


@when("it is screened")
def screened(state: dict[str, Any], screener: Screener) -> None:
    state["report"] = _screener(state, screener).screen(state["doc"], today=TODAY)


@when(parsers.parse('it is screened as of "{day}"'))
def screened_as_of(state: dict[str, Any], screener: Screener, day: str) -> None:
    on = dt.date.fromisoformat(day)
    state["report"] = _screener(state, screener).screen(state["doc"], as_of=on)


# -- outcomes ------------------------------------------------------------------------------


def _report(state: dict[str, Any]) -> Report:
    report: Report = state["report"]
    assert not report.errors, report.errors
    return report


def _findings(state: dict[str, Any], rule_id: str) -> list[Finding]:
    return [f for f in _report(state).findings if f.rule_id == rule_id]


def _key(finding: Finding) -> tuple[str, str, str, frozenset[str]]:
    fields = frozenset(str(e["field"]) for e in finding.evidence) or frozenset({"-"})
    return finding.rule_id, finding.severity, finding.market, fields


def _row(key: tuple[str, str, str, frozenset[str]]) -> str:
    return f"| {key[0]} | {key[1]} | {key[2]} | {', '.join(sorted(key[3]))} |"


@then("the findings are exactly:")
def findings_are_exactly(state: dict[str, Any], datatable: list[list[str]]) -> None:
    header, *rows = datatable
    assert [h.strip() for h in header] == FINDINGS_HEADER, header
    expected = Counter(
        (rule, severity, market, frozenset(f.strip() for f in field.split(",") if f.strip()))
        for rule, severity, market, field in ([c.strip() for c in row] for row in rows)
    )
    actual = Counter(_key(f) for f in _report(state).findings)
    assert actual == expected, "the findings are:\n" + "\n".join(map(_row, actual))


@then("there are no findings")
def no_findings(state: dict[str, Any]) -> None:
    report = _report(state)
    assert report.findings == [], "\n".join(_row(_key(f)) for f in report.findings)


@then(parsers.parse('the decision is "{decision}"'))
def decision_is(state: dict[str, Any], decision: str) -> None:
    assert state["report"].decision == decision, [f.rule_id for f in state["report"].findings]


@then(parsers.parse('rule "{rule_id}" does not fire'))
def does_not_fire(state: dict[str, Any], rule_id: str) -> None:
    assert not _findings(state, rule_id)


@then(parsers.parse('rule "{rule_id}" fires for market "{market}"'))
def fires_for(state: dict[str, Any], rule_id: str, market: str) -> None:
    assert [f.market for f in _findings(state, rule_id)] == [market]


@then(parsers.parse('rule "{rule_id}" is not evaluated for market "{market}"'))
def not_evaluated(state: dict[str, Any], rule_id: str, market: str) -> None:
    skipped = [n for n in _report(state).not_evaluated if n.rule_id == rule_id]
    assert [n.market for n in skipped] == [market], _report(state).not_evaluated


@then(parsers.parse('rule "{rule_id}" reports the text "{text}" in field "{field}"'))
def reports_text(state: dict[str, Any], rule_id: str, text: str, field: str) -> None:
    (finding,) = _findings(state, rule_id)
    matches = [e for e in finding.evidence if e.get("text") == text and e["field"] == field]
    assert matches, finding.evidence
    original = state["doc"].get(field, "")
    assert original[matches[0]["start"] : matches[0]["end"]] == text


@then(parsers.parse('rule "{rule_id}" reports the value "{value}" in field "{field}"'))
def reports_value(state: dict[str, Any], rule_id: str, value: str, field: str) -> None:
    (finding,) = _findings(state, rule_id)
    assert {"field": field, "value": value} in finding.evidence, finding.evidence


@then(parsers.parse('the report shows a conversion from "{src}" to "{dst}"'))
def shows_conversion(state: dict[str, Any], src: str, dst: str) -> None:
    assert any(c["from"] == src and c["to"] == dst for c in state["report"].conversions)
