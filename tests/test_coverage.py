"""`clearance rules coverage` and docs/coverage.md: which catalogue rows the rules implement."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.coverage import NO_RULE_YET, coverage, load_catalogue, market_keys
from clearance.engine.library import Library, load_library

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_docs_coverage_md_is_the_command_output() -> None:
    code, out = _run("rules", "coverage", "--rules", str(RULES), "--format", "markdown")
    assert code == 0
    committed = (REPO / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert committed == out, (
        "docs/coverage.md is stale: run "
        "`clearance rules coverage --rules rules --format markdown > docs/coverage.md`"
    )


def test_every_bundled_rule_implements_catalogue_rows(library: Library) -> None:
    rows, problems = load_catalogue(RULES)
    assert problems == []
    for rule in library.rules.values():
        assert rule.implements and set(rule.implements) <= set(rows), rule.id


def test_covered_and_uncovered_rows_say_by_what_and_why(library: Library) -> None:
    rows, _ = load_catalogue(RULES)
    result = coverage(library.rules.values(), rows)
    entry = result.entries["EU.VAT.IOSS_LIMIT"]
    assert entry.rules == (
        "EU.VAT.IOSS_DOUBLE_CHARGE",
        "EU.VAT.IOSS_FORMAT",
        "EU.VAT.IOSS_MISSING",
        "EU.VAT.IOSS_ORIGIN_UNKNOWN",
        "EU.VAT.IOSS_OVER_LIMIT",
    )
    assert entry.why_not is None
    # A decidable row and a partly decidable one, each screened without the rules that implement
    # it (the bundled library may cover every decidable row).
    for decidable in ("yes", "partly"):
        row_id = next(e.row.id for e in result.entries.values() if e.row.decidable == decidable)
        without = [r for r in library.rules.values() if row_id not in r.implements]
        entry = coverage(without, rows).entries[row_id]
        assert entry.rules == ()
        if decidable == "yes":
            assert entry.why_not == NO_RULE_YET  # decidable, no rule
        else:
            assert entry.why_not == f"partly decidable: {rows[row_id].reason}"
    not_decidable = next(e for e in result.entries.values() if e.row.decidable == "no")
    assert (not_decidable.why_not or "").startswith("not decidable: ")
    covered = {rid for r in library.rules.values() for rid in r.implements}
    assert result.covered == len(covered) and len(result.entries) == len(rows)


def test_subdivisions_are_listed_under_their_country(library: Library) -> None:
    rows, _ = load_catalogue(RULES)
    assert market_keys(rows["US.STATE.PFAS_CATEGORIES"]) == ["US"]
    result = coverage(library.rules.values(), rows)
    assert not [m for m in result.markets if "-" in m]
    us_rows = {e.row.id for v in result.markets["US"].values() for e in v}
    assert {"US.CA.PROP65", "US.FCC.RF_AUTH"} <= us_rows
    assert list(result.markets)[-1] == "*"


def test_coverage_formats_and_market_filter() -> None:
    code, out = _run("rules", "coverage", "--rules", str(RULES), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["rows"] >= 196 and data["covered"] >= 19
    (de,) = [m for m in data["markets"] if m["market"] == "DE"]
    (advertising,) = [t for t in de["topics"] if t["topic"] == "advertising"]
    (uwg,) = [r for r in advertising["rows"] if r["id"] == "DE.UWG.SUPERLATIVE"]
    assert uwg["covered_by"] == ["DE.UWG.SUPERLATIVE", "DE.UWG.TESTSIEGER"]
    code, out = _run("rules", "coverage", "--rules", str(RULES), "--market", "de")
    assert code == 0 and out.startswith("DE: ")
    assert "✔ DE.UWG.SUPERLATIVE  by DE.UWG.SUPERLATIVE, DE.UWG.TESTSIEGER" in out
    assert "\nEU" not in out
    # An uncovered row is listed with its reason: JP.CT.LVG_REFORM_2028 is not enacted law
    # ("build nothing"), so it stays uncovered.
    code, out = _run("rules", "coverage", "--rules", str(RULES), "--market", "jp")
    assert code == 0 and out.startswith("JP: ")
    assert "– JP.CT.LVG_REFORM_2028  not covered: not decidable: " in out and "\nEU" not in out


def test_a_rules_directory_without_a_catalogue_uses_the_bundled_one(tmp_path: Path) -> None:
    root = tmp_path / "rules"
    shutil.copytree(RULES, root)
    shutil.rmtree(root / "law")
    code, out = _run("rules", "coverage", "--rules", str(root), "--format", "json")
    assert code == 0 and json.loads(out)["covered"] >= 19
    code, out = _run("rules", "validate", "--rules", str(root))
    assert code == 0, out
    assert load_library(root).rules
