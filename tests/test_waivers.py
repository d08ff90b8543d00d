"""Waiver files: checked at load with file and line, applied per rule, document pattern,
market, field and caller, expiry honoured, and waived findings kept in the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clearance.engine.errors import PackErrors
from clearance.engine.report import Finding, Report
from clearance.engine.schemas import validator
from clearance.engine.waivers import load_waivers

TODAY = dt.date(2026, 12, 2)
RULES = {"DE.UWG.TESTSIEGER", "EU.GPSR.19A.MANUFACTURER"}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _finding(rule: str = "DE.UWG.TESTSIEGER", market: str = "DE", field: str = "title") -> Finding:
    return Finding(
        rule_id=rule,
        pack="de.uwg-claims",
        pack_version="1.0.0",
        severity="review",
        market=market,
        title="t",
        message="m",
        remediation="r",
        evidence=[{"field": field, "text": "Testsieger", "start": 0, "end": 10}],
        references=[],
        confidence="high",
        source="rules/de/uwg-claims.yaml:10",
    )


def _report(doc_id: str, *findings: Finding) -> Report:
    return Report("listing", doc_id, "2026-12-02", "document", ["DE"], findings=list(findings))


WAIVER = """waivers:
  - id: w1
    rule: DE.UWG.TESTSIEGER
    documents: ["SKU-1*"]
    markets: [DE]
    fields: [title]
    owner: Jane Officer
    reason: The test is cited on the product image.
    expires: 2026-12-31
"""


def test_a_matching_finding_is_waived_and_kept_in_the_report(tmp_path: Path) -> None:
    waivers = load_waivers(_write(tmp_path, WAIVER), TODAY, known_rules=RULES)
    report = _report("SKU-12", _finding(), _finding("EU.GPSR.19A.MANUFACTURER"))
    waivers.apply(report, TODAY)
    assert [f.rule_id for f in report.findings] == ["EU.GPSR.19A.MANUFACTURER"]
    [(finding, waiver)] = report.waived
    assert finding.rule_id == "DE.UWG.TESTSIEGER"
    assert waiver == {
        "id": "w1",
        "owner": "Jane Officer",
        "reason": "The test is cited on the product image.",
        "expires": "2026-12-31",
        "file": str(tmp_path / "waivers.yaml"),
        "line": 2,
    }
    data = report.to_dict()
    assert data["waived"][0]["waiver"]["id"] == "w1"
    assert not list(validator("report").iter_errors(data))
    assert waivers.unused(TODAY) == []


@pytest.mark.parametrize(
    ("doc_id", "finding"),
    [
        ("L-1", _finding()),  # another document
        ("SKU-12", _finding(market="FR")),  # another market
        ("SKU-12", _finding(field="description")),  # another field
        ("SKU-12", _finding("EU.GPSR.19A.MANUFACTURER")),  # another rule
    ],
)
def test_a_waiver_covers_only_what_it_names(tmp_path: Path, doc_id: str, finding: Finding) -> None:
    waivers = load_waivers(_write(tmp_path, WAIVER), TODAY, known_rules=RULES)
    report = _report(doc_id, finding)
    waivers.apply(report, TODAY)
    assert report.findings == [finding] and report.waived == []
    assert [w.id for w in waivers.unused(TODAY)] == ["w1"]


def test_a_waiver_applies_up_to_its_expiry_day(tmp_path: Path) -> None:
    waivers = load_waivers(_write(tmp_path, WAIVER), TODAY, known_rules=RULES)
    last, after = dt.date(2026, 12, 31), dt.date(2027, 1, 1)
    report = _report("SKU-1", _finding())
    waivers.apply(report, last)
    assert report.findings == []
    report = _report("SKU-1", _finding())
    waivers.apply(report, after)
    assert len(report.findings) == 1 and report.waived == []
    assert [w.id for w in waivers.expired(after)] == ["w1"]


def test_callers_narrow_a_waiver_to_api_keys(tmp_path: Path) -> None:
    text = WAIVER.replace("    markets: [DE]\n", "    callers: [shop]\n")
    waivers = load_waivers(_write(tmp_path, text), TODAY, known_rules=RULES)
    for caller, waived in (("shop", True), ("other", False), (None, False)):
        report = _report("SKU-1", _finding())
        waivers.apply(report, TODAY, caller)
        assert bool(report.waived) is waived, caller


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (WAIVER.replace("    owner: Jane Officer\n", ""), 2, "owner"),
        (WAIVER.replace("    markets: [DE]\n", "    market: [DE]\n"), 5, "unknown key"),
        (WAIVER.replace("2026-12-31", "2027-12-31"), 9, "more than 90 days ahead"),
        (WAIVER.replace("2026-12-31", "31/12/2026"), 9, "date"),
        (WAIVER.replace("rule: DE.UWG.TESTSIEGER", "rule: DE.UWG.TESTSIGER"), 3, "does not exist"),
        (WAIVER + WAIVER.removeprefix("waivers:\n"), 10, "two waivers have the id 'w1'"),
        ("waivers:\n  - rule: [\n", 3, ""),
    ],
)
def test_a_bad_waiver_file_is_refused_with_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    with pytest.raises(PackErrors) as caught:
        load_waivers(_write(tmp_path, text), TODAY, known_rules=RULES)
    errors = caught.value.errors
    assert any(e.line == line and message in e.message for e in errors), [str(e) for e in errors]
    assert all(e.file == str(tmp_path / "waivers.yaml") for e in errors)


def test_the_allowed_span_is_configurable(tmp_path: Path) -> None:
    text = WAIVER.replace("2026-12-31", "2027-05-01")
    with pytest.raises(PackErrors):
        load_waivers(_write(tmp_path, text), TODAY)
    assert load_waivers(_write(tmp_path, text), TODAY, max_days=180).waivers[0].id == "w1"


def test_a_missing_waiver_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PackErrors, match="cannot read"):
        load_waivers(tmp_path / "nope.yaml", TODAY)
