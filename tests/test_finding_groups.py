"""Issue 9 §4: a listing screened for several markets shows a finding that is the same in each
market once, with its markets (the report keeps one finding per market for machines)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.report import group_findings
from clearance.engine.schemas import validator
from clearance.engine.screening import Screener

ON = dt.date(2026, 11, 25)
LISTING = {"kind": "listing", "id": "L-EU", "markets": ["DE", "FR", "IT"], "title": "Kettle"}


def test_the_same_finding_in_three_markets_is_one_group(screener: Screener) -> None:
    report = screener.screen(LISTING, as_of=ON)
    manufacturer = [f for f in report.findings if f.rule_id == "EU.GPSR.19A.MANUFACTURER"]
    assert [f.market for f in manufacturer] == ["DE", "FR", "IT"]  # one finding per market
    groups = [g for g in group_findings(report.findings) if g.rule_id == manufacturer[0].rule_id]
    assert len(groups) == 1 and groups[0].markets == ("DE", "FR", "IT")
    data = report.to_dict()
    assert not list(validator("report").iter_errors(data))
    listed = [g for g in data["finding_groups"] if g["rule_id"] == "EU.GPSR.19A.MANUFACTURER"]
    assert listed[0]["markets"] == ["DE", "FR", "IT"]
    assert {data["findings"][i]["market"] for i in listed[0]["findings"]} == {"DE", "FR", "IT"}
    # every finding is in exactly one group
    indexes = sorted(i for g in data["finding_groups"] for i in g["findings"])
    assert indexes == list(range(len(data["findings"])))


def test_findings_with_different_evidence_are_not_grouped(screener: Screener) -> None:
    report = screener.screen(
        {**LISTING, "markets": ["DE", "FR"], "title": "Die beste Flasche", "language": "de"},
        as_of=ON,
    )
    for group in group_findings(report.findings):
        evidence = {json.dumps(report.findings[i].evidence) for i in group.indexes}
        assert len(evidence) == 1


def test_text_output_shows_a_group_once(tmp_path: Path) -> None:
    path = tmp_path / "listing.jsonl"
    path.write_text(json.dumps(LISTING) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--as-of", "2026-11-25"])
    assert result.output.count("EU.GPSR.19A.MANUFACTURER") == 1, result.output
    assert "EU.GPSR.19A.MANUFACTURER [DE, FR, IT]" in result.output
    github = CliRunner().invoke(
        app, ["check", str(path), "--as-of", "2026-11-25", "--format", "github"]
    )
    assert github.output.count("EU.GPSR.19A.MANUFACTURER [DE, FR, IT]") == 1, github.output
