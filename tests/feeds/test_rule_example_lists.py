"""Rule examples are deterministic: examples of list rules bring their own list entries.

After `clearance feeds update` replaced the sanctions and recall lists with other data, the
bundled packs' own examples still behave as declared; an example of a list rule that declares
no entries fails with a message saying what to add.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.errors import PackErrors
from clearance.engine.examples import run_examples
from clearance.engine.library import load_library
from clearance.engine.screening import Screener

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "feeds"
MakeRules = Callable[[dict[str, str]], Path]

# A newer UN list in its published format where the misspelt name of the possible-match
# example is itself listed (so it would now score as a full match) and Congomet is delisted.
OTHER_UN_LIST = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-03-04T00:00:00.000Z"><INDIVIDUALS/><ENTITIES>
<ENTITY><DATAID>7000001</DATAID><VERSIONNUM>1</VERSIONNUM>
<FIRST_NAME>KONGOMET TRADIN HOUS</FIRST_NAME><UN_LIST_TYPE>DRC</UN_LIST_TYPE>
<REFERENCE_NUMBER>CDe.901</REFERENCE_NUMBER><LISTED_ON>2026-03-01</LISTED_ON>
<ENTITY_ADDRESS><CITY>Butembo</CITY><COUNTRY>Congo (Democratic Republic)</COUNTRY></ENTITY_ADDRESS>
</ENTITY>
<ENTITY><DATAID>7000002</DATAID><VERSIONNUM>1</VERSIONNUM>
<FIRST_NAME>MAX MUSTER</FIRST_NAME><UN_LIST_TYPE>DRC</UN_LIST_TYPE>
<REFERENCE_NUMBER>CDe.902</REFERENCE_NUMBER><LISTED_ON>2026-03-01</LISTED_ON>
</ENTITY>
</ENTITIES></CONSOLIDATED_LIST>
"""

# A CPSC answer without the heater the recall examples are about
OTHER_RECALLS = [
    item
    for item in json.loads((FIXTURES / "cpsc" / "recalls.json").read_text(encoding="utf-8"))
    if item["RecallID"] != 9501
]


def _feed(rules: Path, source: str, path: Path) -> None:
    args = ["feeds", "update", source, "--rules", str(rules), "--from", str(path), "--force"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output


@pytest.fixture
def replaced_lists(tmp_path: Path) -> Path:
    """The bundled rules directory after feeds replaced its sanctions and recall lists."""
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules, ignore=shutil.ignore_patterns("*.prev", "*.state"))
    un_xml = tmp_path / "consolidated.xml"
    un_xml.write_text(OTHER_UN_LIST, encoding="utf-8")
    _feed(rules, "un", un_xml)
    _feed(rules, "ofac", FIXTURES / "ofac")
    recalls = tmp_path / "recalls.json"
    recalls.write_text(json.dumps(OTHER_RECALLS), encoding="utf-8")
    _feed(rules, "cpsc", recalls)
    return rules


def test_rules_test_passes_whatever_the_live_lists_hold(replaced_lists: Path) -> None:
    result = CliRunner().invoke(app, ["rules", "test", "--rules", str(replaced_lists)])
    assert result.exit_code == 0, result.output
    assert " 0 failed, 0 skipped " in result.stdout


def test_the_live_lists_really_differ(replaced_lists: Path) -> None:
    # the possible-match example would be a full match against the replaced list
    screener = Screener(load_library(replaced_lists))
    order = {
        "kind": "order",
        "id": "O-1",
        "date": "2026-11-25",
        "items": [{"quantity": 1}],
        "buyer": {"name": "Kongomet Tradin Hous", "country": "CD", "type": "b2b"},
        "shipping_address": {"name": "Hauptstr. 5", "country": "DE"},
    }
    fired = {f.rule_id for f in screener.screen(order).findings}
    assert "SANCTIONS.DENIED_PARTY.ORDER" in fired and "SANCTIONS.POSSIBLE_MATCH" not in fired


def test_list_rule_examples_run_against_their_fixtures(screener: Screener) -> None:
    results = run_examples(
        screener, ["SANCTIONS.POSSIBLE_MATCH", "RECALL.PRODUCT", "SANCTIONS.DENIED_PARTY.ORDER"]
    )
    assert results and all(r.ok and not r.skipped for r in results), [r.detail for r in results]
    assert all(r.example.lists for r in results)


HEADER = """pack: test.lists
title: Test pack for list fixtures
version: 1.0.0
jurisdiction: global
owner: test@example.com
sources: [{title: Test source, url: "https://example.com"}]
fixtures:
  order: {id: O-1, date: "2026-11-25", items: [{quantity: 1}], shipping_address: {country: DE}}
"""
RULE = """rules:
  - id: TEST.DENIED
    implements: [SCOPE.DENIED_PARTIES]
    title: Buyer matches a sanctions list entry
    applies_to: [order]
    markets: ["*"]
    severity: block
    when: {denied_party: [buyer], threshold: 92}
    message: "{matched} is listed"
    remediation: Hold the order.
    references: [{title: Test reference, url: "https://example.com/ref"}]
    examples:
      trigger:
        - document: {buyer: {name: Ivan Testovich, country: RU}}
          {trigger_lists}
      pass:
        - document: {buyer: {name: Jane Doe, country: DE}}
"""


def _pack(trigger_lists: str = "", pack_lists: str = "") -> str:
    return HEADER + pack_lists + RULE.replace("{trigger_lists}", trigger_lists)


def test_an_example_without_lists_for_a_list_rule_fails_saying_what_to_add(
    minimal_rules: MakeRules,
) -> None:
    library = load_library(minimal_rules({"global/test.yaml": _pack()}))
    results = run_examples(Screener(library))
    assert len(results) == 2 and not any(r.ok for r in results)
    assert "the rule reads sanctions lists but the example declares no sanctions entries" in (
        results[0].detail
    )
    assert "`lists: {sanctions: [...]}`" in results[0].detail


def test_example_lists_replace_the_packs_per_kind(minimal_rules: MakeRules) -> None:
    pack_lists = (
        "  lists:\n    sanctions:\n"
        "      - {id: 1, list: test, names: [IVAN TESTOVICH], countries: [RU]}\n"
    )
    # the trigger example uses the pack's entries; a pass example with an empty list of its own
    text = _pack(pack_lists=pack_lists).replace(
        "      pass:\n        - document: {buyer: {name: Jane Doe, country: DE}}\n",
        "      pass:\n        - document: {buyer: {name: Jane Doe, country: DE}}\n"
        "        - document: {buyer: {name: Ivan Testovich, country: RU}}\n"
        "          lists: {sanctions: []}\n",
    )
    library = load_library(minimal_rules({"global/test.yaml": text}))
    results = run_examples(Screener(library))
    assert [(r.example.expect, r.ok) for r in results] == [
        ("trigger", True),
        ("pass", True),
        ("pass", True),
    ], [r.detail for r in results]
    assert results[2].example.lists == {"sanctions": []}


def test_a_bad_list_fixture_is_a_schema_error_with_its_line(minimal_rules: MakeRules) -> None:
    text = _pack(trigger_lists="lists: {sanctions: [{id: 1, list: test}]}")
    with pytest.raises(PackErrors) as caught:
        load_library(minimal_rules({"global/test.yaml": text}))
    [error] = caught.value.errors
    assert "names" in error.message and "lists.sanctions[0]" in str(error.path)
    assert error.line is not None
