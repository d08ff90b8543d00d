"""Step definitions for the Gherkin specifications in features/."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from clearance.engine.report import Finding, Report
from clearance.engine.screening import Screener

scenarios(".")

MANUFACTURER = {
    "name": "Acme GmbH",
    "address": "Hauptstr. 1, 10115 Berlin",
    "email": "safety@acme.example",
    "country": "DE",
}


@pytest.fixture
def state() -> dict[str, Any]:
    return {}


@given(parsers.parse('a listing for market "{market}" titled "{title}"'))
def listing(state: dict[str, Any], market: str, title: str) -> None:
    state["doc"] = {
        "kind": "listing",
        "id": "L-1",
        "markets": [market],
        "title": title,
        "model": "M-1",
        "images": ["https://img.example/1.jpg"],
        "manufacturer": MANUFACTURER,
    }


@given(parsers.parse('a listing for market "{market}" titled "{title}" without a manufacturer'))
def listing_without_manufacturer(state: dict[str, Any], market: str, title: str) -> None:
    listing(state, market, title)
    del state["doc"]["manufacturer"]


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


@when("it is screened")
def screened(state: dict[str, Any], screener: Screener) -> None:
    state["report"] = screener.screen(state["doc"], today=dt.date(2026, 11, 25))


@when(parsers.parse('it is screened as of "{day}"'))
def screened_as_of(state: dict[str, Any], screener: Screener, day: str) -> None:
    state["report"] = screener.screen(state["doc"], as_of=dt.date.fromisoformat(day))


def _findings(state: dict[str, Any], rule_id: str) -> list[Finding]:
    report: Report = state["report"]
    assert not report.errors, report.errors
    return [f for f in report.findings if f.rule_id == rule_id]


@then(parsers.parse('the decision is "{decision}"'))
def decision_is(state: dict[str, Any], decision: str) -> None:
    assert state["report"].decision == decision, [f.rule_id for f in state["report"].findings]


@then(parsers.parse('rule "{rule_id}" does not fire'))
def does_not_fire(state: dict[str, Any], rule_id: str) -> None:
    assert not _findings(state, rule_id)


@then(parsers.parse('rule "{rule_id}" fires for market "{market}"'))
def fires_for(state: dict[str, Any], rule_id: str, market: str) -> None:
    assert [f.market for f in _findings(state, rule_id)] == [market]


@then(parsers.parse('rule "{rule_id}" reports the text "{text}" in field "{field}"'))
def reports_text(state: dict[str, Any], rule_id: str, text: str, field: str) -> None:
    (finding,) = _findings(state, rule_id)
    matches = [e for e in finding.evidence if e.get("text") == text and e["field"] == field]
    assert matches, finding.evidence
    title = state["doc"].get("title", "")
    assert title[matches[0]["start"] : matches[0]["end"]] == text


@then(parsers.parse('rule "{rule_id}" reports the value "{value}" in field "{field}"'))
def reports_value(state: dict[str, Any], rule_id: str, value: str, field: str) -> None:
    (finding,) = _findings(state, rule_id)
    assert {"field": field, "value": value} in finding.evidence, finding.evidence


@then(parsers.parse('the report shows a conversion from "{src}" to "{dst}"'))
def shows_conversion(state: dict[str, Any], src: str, dst: str) -> None:
    assert any(c["from"] == src and c["to"] == dst for c in state["report"].conversions)
