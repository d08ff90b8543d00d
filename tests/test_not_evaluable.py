"""Issue 8, items 11 and 12: money against money, and rules that cannot be evaluated.

* Money compared with money in the same currency needs no exchange rate (it was converted
  through EUR and failed when no rate existed).
* A rule whose outcome depends on a value that could not be computed (no exchange rate for the
  document's date) is never a pass: the report lists it under ``not_evaluated`` with the reason,
  and the decision is at least ``review`` unless the pack sets ``if_not_evaluable`` for the rule.
  A rule whose outcome does not depend on that value (another condition already decides it) is
  evaluated as usual.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.library import load_library
from clearance.engine.schemas import validator
from clearance.engine.screening import Screener

ON = dt.date(2026, 11, 25)

PACK = """
pack: test.money
title: Money tests
version: 1.0.0
jurisdiction: EU
owner: test@example.org
sources: [{title: Test law, url: "https://example.org/law"}]
tables: [low_value_threshold]
fixtures:
  lists:
    fx_rates: {USD: 1.05}
  order:
    id: O
    date: "2026-11-25"
    marketplace: own-shop
    seller: {name: Seller Ltd, country: CN}
    buyer: {type: b2c, country: DE}
    ship_from_country: CN
    shipping_address: {name: A B, address: Str. 1, city: Berlin, postal_code: "10115", country: DE}
    items:
      - sku: S
        title: Lamp
        quantity: 1
        unit_price: {amount: 10, currency: USD}
        hs_code: "9405110000"
    goods_value: {amount: 10, currency: USD}
    total: {amount: 15, currency: USD}
rules:
  - id: TEST.TOTAL_BELOW_GOODS
    implements: [DOC.VALUE]
    title: The total charged is less than the goods' value
    applies_to: [order]
    markets: [EU]
    severity: block
    when: {field: total, lt: {field: goods_value}}
    message: The total is below the goods value for {market}.
    remediation: Correct the total.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger:
        - {document: {total: {amount: 5, currency: USD}}}
        - {document: {total: {amount: 9.99, currency: USD}}}
      pass:
        - {document: {}}
        - {document: {total: {amount: 10, currency: USD}}}
  - id: TEST.OVER_LIMIT
    implements: [EU.VAT.IOSS_LIMIT]
    title: Goods over the low-value limit
    applies_to: [order]
    markets: [EU]
    severity: warn
    when:
      all:
        - {field: buyer.type, equals: b2c}
        - {field: goods_value, gt: {table: low_value_threshold, column: amount}}
    message: Over the limit for {market}.
    remediation: Declare it in full.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger:
        - {document: {goods_value: {amount: 200, currency: USD}}}
        - {document: {goods_value: {amount: 151, currency: EUR}}}
      pass:
        - {document: {}}
        - {document: {goods_value: {amount: 150, currency: EUR}}}
  - id: TEST.INFO_ONLY
    implements: [EU.VAT.IOSS_LIMIT]
    title: Goods under the limit (informational)
    applies_to: [order]
    markets: [EU]
    severity: info
    if_not_evaluable: info
    when: {field: goods_value, lte: {table: low_value_threshold, column: amount}}
    message: Under the limit for {market}.
    remediation: Nothing to do.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger:
        - {document: {}}
        - {document: {goods_value: {amount: 150, currency: EUR}}}
      pass:
        - {document: {goods_value: {amount: 151, currency: EUR}}}
        - {document: {goods_value: {amount: 500, currency: USD}}}
"""

ORDER: dict[str, Any] = {
    "kind": "order",
    "id": "O-1",
    "date": "2026-11-25",
    "marketplace": "own-shop",
    "seller": {"name": "Seller Ltd", "country": "CN"},
    "buyer": {"type": "b2c", "country": "DE"},
    "ship_from_country": "CN",
    "shipping_address": {
        "name": "A B",
        "address": "Str. 1",
        "city": "Berlin",
        "postal_code": "10115",
        "country": "DE",
    },
    "items": [
        {
            "sku": "S",
            "title": "Lamp",
            "quantity": 1,
            "unit_price": {"amount": 10, "currency": "XAF"},
            "hs_code": "9405110000",
        }
    ],
}


def _order(goods: tuple[float, str], total: tuple[float, str]) -> dict[str, Any]:
    doc = copy.deepcopy(ORDER)
    doc["goods_value"] = {"amount": goods[0], "currency": goods[1]}
    doc["total"] = {"amount": total[0], "currency": total[1]}
    return doc


def _screener(minimal_rules: Callable[[dict[str, str]], Path]) -> Screener:
    return Screener(load_library(minimal_rules({"eu/money.yaml": PACK})))


def test_money_against_money_in_one_currency_needs_no_rate(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    # XAF has no exchange rate: before the fix both values went through EUR and the comparison
    # failed; 900 XAF is below 1,000 XAF whatever the rate
    screener = _screener(minimal_rules)
    report = screener.screen(_order((1000, "XAF"), (900, "XAF")), as_of=ON)
    rules = {f.rule_id for f in report.findings}
    assert "TEST.TOTAL_BELOW_GOODS" in rules
    assert "TEST.TOTAL_BELOW_GOODS" not in {n.rule_id for n in report.not_evaluated}
    same = screener.screen(_order((1000, "XAF"), (1000, "XAF")), as_of=ON)
    assert "TEST.TOTAL_BELOW_GOODS" not in {f.rule_id for f in same.findings}
    assert "TEST.TOTAL_BELOW_GOODS" not in {n.rule_id for n in same.not_evaluated}


def test_money_in_two_currencies_is_compared_in_euro(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    screener = _screener(minimal_rules)
    report = screener.screen(_order((100, "EUR"), (100, "USD")), as_of=ON)
    # 100 USD is less than 100 EUR at any rate the bundled table holds
    assert "TEST.TOTAL_BELOW_GOODS" in {f.rule_id for f in report.findings}


def test_a_threshold_that_cannot_be_converted_is_not_a_pass(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    screener = _screener(minimal_rules)
    report = screener.screen(_order((100000, "XAF"), (100000, "XAF")), as_of=ON)
    entries = {n.rule_id: n for n in report.not_evaluated}
    assert set(entries) == {"TEST.OVER_LIMIT", "TEST.INFO_ONLY"}
    over = entries["TEST.OVER_LIMIT"]
    assert over.market == "DE" and over.severity == "review"
    assert "XAF" in over.reason and "no exchange rate" in over.reason
    assert entries["TEST.INFO_ONLY"].severity == "info"
    assert report.findings == []
    assert report.decision == "review"
    data = report.to_dict()
    assert data["report_version"] == "1.3"
    assert not list(validator("report").iter_errors(data))
    assert {
        "rule_id": "TEST.OVER_LIMIT",
        "market": "DE",
        "reason": over.reason,
        "severity": "review",
    } in data["not_evaluated"]


def test_a_rule_decided_by_another_condition_is_evaluated(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    # a B2B order: TEST.OVER_LIMIT is false whatever the value, so it is not "not evaluated"
    screener = _screener(minimal_rules)
    doc = _order((100000, "XAF"), (100000, "XAF"))
    doc["buyer"]["type"] = "b2b"
    report = screener.screen(doc, as_of=ON)
    assert "TEST.OVER_LIMIT" not in {n.rule_id for n in report.not_evaluated}
    assert {n.rule_id for n in report.not_evaluated} == {"TEST.INFO_ONLY"}
    assert report.decision == "pass"  # the info-only rule does not raise the decision


def test_a_negated_comparison_does_not_fire_on_an_unknown_value(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    # "not (goods_value <= limit)" is true when the value is absent, but an unconvertible value
    # is not absent: the rule is not evaluated, not fired
    negated = PACK.replace(
        "        - {field: goods_value, gt: {table: low_value_threshold, column: amount}}",
        "        - not: {field: goods_value, lte: {table: low_value_threshold, column: amount}}",
    )
    screener = Screener(load_library(minimal_rules({"eu/money.yaml": negated})))
    report = screener.screen(_order((100000, "XAF"), (100000, "XAF")), as_of=ON)
    assert "TEST.OVER_LIMIT" not in {f.rule_id for f in report.findings}
    assert "TEST.OVER_LIMIT" in {n.rule_id for n in report.not_evaluated}
    converted = screener.screen(_order((200, "USD"), (200, "USD")), as_of=ON)
    assert "TEST.OVER_LIMIT" in {f.rule_id for f in converted.findings}


def test_the_cli_shows_and_fails_on_a_rule_not_evaluated(
    minimal_rules: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    root = minimal_rules({"eu/money.yaml": PACK})
    path = tmp_path / "order.json"
    path.write_text(json.dumps(_order((100000, "XAF"), (100000, "XAF"))), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(path), "--rules", str(root), "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.output  # --fail-on block: review does not fail
    assert "TEST.OVER_LIMIT [DE] not evaluated" in result.output
    assert "why: could not convert goods_value from XAF to EUR" in result.output
    result = runner.invoke(
        app,
        ["check", str(path), "--rules", str(root), "--as-of", "2026-11-25", "--fail-on", "review"],
    )
    assert result.exit_code == 1, result.output


def test_the_packs_examples_pass(minimal_rules: Callable[[dict[str, str]], Path]) -> None:
    root = minimal_rules({"eu/money.yaml": PACK})
    result = CliRunner().invoke(app, ["rules", "test", "--rules", str(root)])
    assert result.exit_code == 0, result.output


def test_a_rule_without_its_list_is_not_evaluated_only_where_it_could_match(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    # no recall lists in this rules directory: a listing with a GTIN (or brand and model) could
    # match a recall, so the rule is not evaluated and the listing is at least review; a listing
    # with nothing to match on cannot match any recall, so the rule is evaluated (false)
    pack = (Path(__file__).parents[1] / "rules" / "global" / "recalls.yaml").read_text("utf-8")
    screener = Screener(load_library(minimal_rules({"global/recalls.yaml": pack})))
    base = {"kind": "listing", "id": "L", "markets": ["US"], "title": "Kettle"}
    with_gtin = screener.screen({**base, "gtin": "4006381333931"}, as_of=ON)
    assert [(n.rule_id, n.severity) for n in with_gtin.not_evaluated] == [
        ("RECALL.PRODUCT", "review")
    ]
    assert "no recall lists are loaded" in with_gtin.not_evaluated[0].reason
    assert with_gtin.decision == "review"
    brand_model = screener.screen({**base, "brand": "Acme", "model": "K-1"}, as_of=ON)
    assert [n.rule_id for n in brand_model.not_evaluated] == ["RECALL.PRODUCT"]
    nothing = screener.screen({**base, "brand": "Acme"}, as_of=ON)
    assert nothing.not_evaluated == [] and nothing.decision == "pass"
