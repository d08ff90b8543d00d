"""`implements:` on rules, checked by `clearance rules validate`; the id-prefix lint; explain."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.errors import PackErrors
from clearance.engine.library import load_library
from clearance.engine.schemas import validator

REPO = Path(__file__).resolve().parents[1]
MakeRules = Callable[[dict[str, str]], Path]
runner = CliRunner()

PACK = """\
pack: test.pack
title: Test pack
version: 1.0.0
jurisdiction: {jurisdiction}
owner: tests
sources: [{{title: Test law, url: "https://example.org/law"}}]
fixtures:
  listing: {{id: X, markets: [DE], title: Bottle}}
rules:
  - id: {rule_id}
    implements: [{implements}]
    title: A test rule
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when: {{missing: brand}}
    message: "No brand for {{market}}"
    remediation: Add a brand.
    references: [{{title: Test law, url: "https://example.org/law"}}]
    examples:
      trigger: [{{document: {{}}}}]
      pass: [{{document: {{brand: Acme}}}}]
"""


def _pack(
    jurisdiction: str = "DE", rule_id: str = "DE.TEST.BRAND", implements: str = "DE.BATTDG"
) -> str:
    return PACK.format(jurisdiction=jurisdiction, rule_id=rule_id, implements=implements)


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_the_bundled_library_validates_strictly() -> None:
    code, out = _run("rules", "validate", "--rules", str(REPO / "rules"), "--strict")
    assert code == 0 and "warning" not in out, out
    assert "the rules implement 37 of 196 catalogue rows" in out


def test_an_unknown_row_is_an_error_at_its_line_with_a_suggestion(
    minimal_rules: MakeRules,
) -> None:
    text = _pack(implements="DE.BATTDG, DE.UWG.SUPERLATIV")
    root = minimal_rules({"de/test.yaml": text})
    load_library(root)  # loading does not read the catalogue: screening is unaffected
    code, out = _run("rules", "validate", "--rules", str(root), "--format", "json")
    data = json.loads(out)
    assert code == 1 and not list(validator("errors").iter_errors(data))
    (error,) = data["errors"]
    assert error["file"] == "de/test.yaml" and error["rule_id"] == "DE.TEST.BRAND"
    assert error["line"] == 1 + text.splitlines().index(
        "    implements: [DE.BATTDG, DE.UWG.SUPERLATIV]"
    )
    assert "DE.UWG.SUPERLATIV, which is not a row" in error["message"]
    assert error["hint"].startswith("did you mean DE.UWG.SUPERLATIVE")


def test_a_block_list_of_rows_gives_each_entry_its_line(minimal_rules: MakeRules) -> None:
    text = _pack().replace(
        "    implements: [DE.BATTDG]\n", "    implements:\n      - DE.BATTDG\n      - NO.SUCH_ROW\n"
    )
    root = minimal_rules({"de/test.yaml": text})
    code, out = _run("rules", "validate", "--rules", str(root))
    assert code == 1
    line = 1 + text.splitlines().index("      - NO.SUCH_ROW")
    assert f"de/test.yaml:{line}: [DE.TEST.BRAND] implements NO.SUCH_ROW" in out


def test_implements_is_required(minimal_rules: MakeRules) -> None:
    text = _pack().replace("    implements: [DE.BATTDG]\n", "")
    with pytest.raises(PackErrors) as info:
        load_library(minimal_rules({"de/test.yaml": text}))
    (error,) = info.value.errors
    assert "'implements' is a required property" in error.message
    assert error.hint and "rules/law/rows.yaml" in error.hint and error.rule_id == "DE.TEST.BRAND"


@pytest.mark.parametrize(
    ("jurisdiction", "rule_id", "warned"),
    [
        ("EU", "DE.TEST.BRAND", "does not start with the pack's jurisdiction EU"),
        ("DE", "EU.TEST.BRAND", "does not start with the pack's jurisdiction DE"),
        ("global", "EU.TEST.BRAND", "starts with the market EU but the pack is global"),
        ("global", "DE.TEST.BRAND", "starts with the market DE but the pack is global"),
        ("GB", "UK.TEST.BRAND", None),
        ("DE", "DE.TEST.BRAND", None),
        ("global", "ID.DE.BRAND", None),
        ("global", "GLOBAL.BRAND", None),
    ],
)
def test_rule_ids_start_with_their_pack_market(
    minimal_rules: MakeRules, jurisdiction: str, rule_id: str, warned: str | None
) -> None:
    packs = {"x/test.yaml": _pack(jurisdiction, rule_id)}
    if jurisdiction == "global":  # a market pack whose jurisdiction is DE
        other = _pack("DE", "DE.OTHER.BRAND").replace("test.pack", "test.de")
        packs["de/other.yaml"] = other
    root = minimal_rules(packs)
    code, out = _run("rules", "validate", "--rules", str(root))
    assert code == 0, out
    if warned is None:
        assert "warning" not in out
        return
    line = 1 + packs["x/test.yaml"].splitlines().index(f"  - id: {rule_id}")
    assert f"warning: x/test.yaml:{line}: [{rule_id}] rule id {rule_id} {warned}" in out
    code, out = _run("rules", "validate", "--rules", str(root), "--strict", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and warned in data["errors"][0]["message"]
    code, out = _run("rules", "validate", "--rules", str(root), "--format", "json")
    data = json.loads(out)
    assert code == 0 and warned in data["warnings"][0]["message"]
    assert not list(validator("errors").iter_errors(data))


def test_explain_shows_rows_terms_tables_and_scenarios(tmp_path: Path) -> None:
    rules = str(REPO / "rules")
    code, out = _run("rules", "explain", "DE.UWG.SUPERLATIVE", "--rules", rules)
    assert code == 0
    assert "implements   DE.UWG.SUPERLATIVE [advertising, DE]: Superlatives such as" in out
    assert "partly decidable: the claims are found by term lists" in out
    assert "term list    superlatives (de, en) from de/uwg-claims.yaml:" in out
    assert "terms/superlatives.yaml:" in out and "(superlatives.ranking [de, en])" in out
    assert "terms file   terms/superlatives.yaml (sha256 " in out
    assert "example (pass) bestellen is not beste  [de/uwg-claims.yaml:" in out
    assert "scenario     German superlatives are caught through disguises  [" in out
    assert "de.uwg-claims.feature:" in out and "law          UWG section 5" in out
    code, out = _run("rules", "explain", "EU.VAT.IOSS_MISSING", "--rules", rules)
    assert "table        low_value_threshold from " in out
    assert "ship_from_country is not one of the markets of EU (AT, BE," in out
    code, out = _run(
        "rules", "explain", "EU.VAT.IOSS_MISSING", "--rules", rules, "--features", str(tmp_path)
    )
    assert f"scenarios    none tagged @EU.VAT.IOSS_MISSING in {tmp_path}" in out
