"""Issue 8, item 10: documents with numbers Python writes in exponent form are screened.

durable_rules' JSON reader refuses ``1e-05`` and ``1e+16``; a valid document holding such a
number (or an integer of 10^16 or more, which becomes ``1e+16`` once converted to a float) came
back ``error``. The engine now writes every number so that the core reads it.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from typing import Any

import pytest

from clearance.engine import enginejson
from clearance.engine.screening import Screener

ON = dt.date(2026, 11, 25)
ORDER: dict[str, Any] = {
    "kind": "order",
    "id": "O-NUM",
    "date": "2026-11-21",
    "marketplace": "own-shop",
    "seller": {"name": "Shenzhen Gadgets Ltd", "country": "CN"},
    "buyer": {"type": "b2c", "country": "DE", "name": "Max Muster"},
    "ship_from_country": "CN",
    "shipping_address": {
        "name": "Max Muster",
        "address": "Hauptstr. 5",
        "city": "Berlin",
        "postal_code": "10115",
        "country": "DE",
    },
    "items": [
        {
            "sku": "SPK-1",
            "title": "Bluetooth speaker",
            "quantity": 1,
            "unit_price": {"amount": 39.9, "currency": "EUR"},
            "hs_code": "8518220000",
        }
    ],
    "goods_value": {"amount": 39.9, "currency": "EUR"},
    "ioss_number": "IM2760000001",
    "vat_charged": True,
}


def _order(amount: float | int, quantity: float | int = 1) -> dict[str, Any]:
    doc = copy.deepcopy(ORDER)
    doc["goods_value"]["amount"] = amount
    doc["items"][0]["unit_price"]["amount"] = amount
    doc["items"][0]["quantity"] = quantity
    return doc


@pytest.mark.parametrize(
    "amount", [1e-05, 2.5e-07, 1e16, 1e22, 10**16, 10**20, 12345678901234567890123]
)
def test_a_document_with_such_a_number_is_screened(screener: Screener, amount: float) -> None:
    quantity = amount if isinstance(amount, int) else 1
    report = screener.screen(_order(amount, quantity=quantity), as_of=ON)
    assert report.decision != "error", report.to_dict()["errors"]


def test_the_numbers_keep_their_meaning(screener: Screener) -> None:
    # EUR 0.00001 is within the EUR 150 IOSS limit, EUR 10^16 is far above it: an IOSS number
    # on the second is the over-limit block, on the first it is fine
    tiny = screener.screen(_order(1e-05), as_of=ON)
    huge = screener.screen(_order(1e16), as_of=ON)
    assert "EU.VAT.IOSS_OVER_LIMIT" not in {f.rule_id for f in tiny.findings}
    assert "EU.VAT.IOSS_OVER_LIMIT" in {f.rule_id for f in huge.findings}
    bigint = screener.screen(_order(10**20), as_of=ON)
    assert "EU.VAT.IOSS_OVER_LIMIT" in {f.rule_id for f in bigint.findings}


@pytest.mark.parametrize(
    "value",
    [
        {"a": 1e-05, "b": [1e16, 2.0, -3e-300], "c": "1e5 in a string", "d": 10**17},
        [0.1, 1.5e300, True, None, "x"],
        {"nested": {"k": [1e-7, {"z": 5e-324}]}, "ü": "é"},
    ],
)
def test_the_writer_reads_back_as_the_same_values(value: Any) -> None:
    text = enginejson.dumps(value)
    assert json.loads(text) == value


def test_every_exponent_has_a_fraction() -> None:
    assert enginejson.dumps(1e-05) == "1.0e-05"
    assert enginejson.dumps(1e16) == "1.0e+16"
    assert enginejson.dumps(1.5e-07) == "1.5e-07"
    assert enginejson.dumps({"t": "1e5"}) == '{"t": "1e5"}'


def test_infinity_has_no_json_form() -> None:
    with pytest.raises(ValueError):
        enginejson.dumps({"x": math.inf})


def test_a_number_that_is_not_finite_is_a_document_error(screener: Screener) -> None:
    doc = _order(math.nan)
    report = screener.screen(doc, as_of=ON)
    assert report.decision == "error"
    assert report.errors[0]["field"] == "$.items[0].unit_price.amount"
    assert "not a finite number" in report.errors[0]["message"]


def test_nan_in_a_json_lines_file_names_its_line(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from clearance.cli.main import app

    good = json.dumps(ORDER)
    path = tmp_path / "orders.jsonl"
    path.write_text(good + "\n" + good.replace("39.9", "NaN", 1) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--fail-on", "none", "--format", "jsonl"])
    assert result.exit_code == 2, result.output
    reports = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    errors = [r for r in reports if r.get("decision") == "error"]
    assert len(errors) == 1 and errors[0]["source"]["line"] == 2
    assert "NaN is not valid JSON" in errors[0]["errors"][0]["message"]
