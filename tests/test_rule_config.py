"""Per-rule configuration: severities changed and rules switched off for a run or a service,
every change recorded in the report, problems refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.engine.errors import PackErrors
from clearance.engine.overrides import load_rule_config
from clearance.engine.report import Finding, Report
from clearance.engine.schemas import validator

RULES = {"DE.UWG.TESTSIEGER", "EU.GPSR.19A.MANUFACTURER", "TEST.FX"}


def _finding(rule: str, market: str = "DE", severity: str = "review") -> Finding:
    return Finding(
        rule_id=rule,
        pack="p",
        pack_version="1.0.0",
        severity=severity,
        market=market,
        title="t",
        message="m",
        remediation="r",
        evidence=[{"field": "title"}],
        references=[],
        confidence="high",
        source="rules/p.yaml:1",
    )


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clearance-rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


CONFIG = """rules:
  DE.UWG.TESTSIEGER:
    severity: block
    markets: [DE]
    reason: Our marketplace removes unverified test claims.
  EU.GPSR.19A.MANUFACTURER:
    enabled: false
    reason: Checked upstream in the PIM before export.
  TEST.FX:
    severity: info
    reason: Rates are refreshed nightly; do not hold listings for them.
"""


def test_overrides_change_severity_switch_off_and_are_recorded(tmp_path: Path) -> None:
    config = load_rule_config(_config(tmp_path, CONFIG), RULES)
    report = Report("listing", "L-1", "2026-12-02", "document", ["DE", "FR"])
    report.findings = [
        _finding("DE.UWG.TESTSIEGER"),
        _finding("DE.UWG.TESTSIEGER", market="FR"),
        _finding("EU.GPSR.19A.MANUFACTURER", severity="block"),
    ]
    report.not_evaluated_rule("TEST.FX", "DE", "no exchange rate")
    assert report.decision == "block"
    config.apply(report)
    assert [(f.rule_id, f.market, f.severity) for f in report.findings] == [
        ("DE.UWG.TESTSIEGER", "DE", "block"),
        ("DE.UWG.TESTSIEGER", "FR", "review"),
    ]
    assert [(n.rule_id, n.severity) for n in report.not_evaluated] == [("TEST.FX", "info")]
    assert [(o["rule_id"], o["market"], o["from"], o["to"]) for o in report.overrides] == [
        ("DE.UWG.TESTSIEGER", "DE", "review", "block"),
        ("EU.GPSR.19A.MANUFACTURER", "DE", "block", "off"),
        ("TEST.FX", "DE", "review", "info"),
    ]
    assert report.overrides[0]["config"].endswith("clearance-rules.yaml:2")
    data = report.to_dict()
    assert not list(validator("report").iter_errors(data))


def test_a_rule_switched_off_loses_its_not_evaluated_warning(tmp_path: Path) -> None:
    text = "rules:\n  TEST.FX:\n    enabled: false\n    reason: Not used by this shop.\n"
    config = load_rule_config(_config(tmp_path, text), RULES)
    report = Report("order", "O-1", "2026-12-02", "document", ["DE"])
    report.not_evaluated_rule("TEST.FX", "DE", "no exchange rate")
    config.apply(report)
    assert report.not_evaluated == [] and report.warnings == []
    assert report.decision == "pass"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("rules:\n  DE.UWG.TESTSIEGER:\n    severity: warn\n", 2, "reason"),
        ("rules:\n  DE.UWG.TESTSIEGER:\n    severity: loud\n    reason: because so\n", 3, ""),
        ("rules:\n  DE.UWG.NOPE:\n    enabled: false\n    reason: because so\n", 2, "does not"),
        ("rules:\n  DE.UWG.TESTSIEGER:\n    reason: nothing changes\n", 2, ""),
        ("rule:\n  DE.UWG.TESTSIEGER: {}\n", 1, "unknown key"),
    ],
)
def test_a_bad_configuration_is_refused_with_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    with pytest.raises(PackErrors) as caught:
        load_rule_config(_config(tmp_path, text), RULES)
    errors = caught.value.errors
    assert any(e.line == line and message in e.message for e in errors), [str(e) for e in errors]
    assert all(e.kind == "config" for e in errors)
