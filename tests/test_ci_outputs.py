"""`clearance check` outputs for CI: SARIF 2.1.0 (valid against the OASIS schema), JUnit XML
(read by junitparser, as CI test reporters read it), Markdown, several outputs in one run, and
standard input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml
from typer.testing import CliRunner

from clearance.cli.main import app

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = REPO / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
MANUFACTURER = {
    "name": "Acme GmbH",
    "address": "Hauptstr. 1, 10115 Berlin",
    "email": "safety@acme.example",
    "country": "DE",
}


def _listing(doc_id: str, title: str) -> dict[str, Any]:
    return {
        "kind": "listing",
        "id": doc_id,
        "markets": ["DE"],
        "title": title,
        "model": "M-1",
        "batch": "B-1",
        "images": ["https://img.example/1.jpg"],
        "manufacturer": MANUFACTURER,
        "notices": {"legal_guarantee": True},  # the EU legal-guarantee notice (from 27 Sep 2026)
    }


@pytest.fixture
def listings(tmp_path: Path) -> Path:
    """Line 1: a test-winner claim without the test (review); line 2: clean."""
    path = tmp_path / "listings.jsonl"
    docs = [_listing("L-1", "Testsieger Kopfhörer"), _listing("L-2", "Keramiktasse")]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _check(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args], input=stdin)
    return result.exit_code, result.stdout


def test_sarif_is_valid_and_locates_each_finding(listings: Path) -> None:
    code, out = _check(str(listings), "--format", "sarif", "--fail-on", "review")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    [result] = [r for r in run["results"] if r["ruleId"] == "DE.UWG.TESTSIEGER"]
    assert result["level"] == "warning" and result["kind"] == "fail"
    assert rules["DE.UWG.TESTSIEGER"] == run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rules["DE.UWG.TESTSIEGER"]["helpUri"].startswith("https://")
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"].endswith("listings.jsonl")
    assert physical["region"] == {"startLine": 1}
    names = [loc["fullyQualifiedName"] for loc in result["locations"][0]["logicalLocations"]]
    assert "L-1/title" in names
    assert run["invocations"][0]["executionSuccessful"] is True
    assert all(
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] != "L-2"
        for r in run["results"]
    )


def test_sarif_fingerprints_do_not_depend_on_order(listings: Path, tmp_path: Path) -> None:
    lines = listings.read_text(encoding="utf-8").splitlines()
    swapped = tmp_path / "swapped.jsonl"
    swapped.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")

    def prints(path: Path) -> set[str]:
        log = json.loads(_check(str(path), "--format", "sarif")[1])
        return {r["partialFingerprints"]["clearanceFinding/v1"] for r in log["runs"][0]["results"]}

    assert prints(listings) == prints(swapped)


def test_sarif_reports_unreadable_files_as_not_successful(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"kind": "listing", ', encoding="utf-8")
    code, out = _check(str(bad), "--format", "sarif")
    assert code == 2
    log = json.loads(out)
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text("utf-8"))).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert "malformed JSON" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "broken.json"
    )


def test_junit_has_a_case_per_document_and_failures_at_fail_on(
    listings: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.xml"
    code, _ = _check(str(listings), "--fail-on", "review", "--output", f"junit={target}")
    assert code == 1
    xml = JUnitXml.fromfile(str(target))
    cases = [case for suite in xml for case in suite]
    assert [c.name for c in cases] == ["listing L-1 (line 1)", "listing L-2 (line 2)"]
    failures = [r for r in cases[0].result if isinstance(r, Failure)]
    assert [f.message.split(":")[0] for f in failures] == ["DE.UWG.TESTSIEGER"]
    assert cases[1].result == []


def test_junit_lists_findings_below_fail_on_without_failing(listings: Path) -> None:
    code, out = _check(str(listings), "--format", "junit", "--fail-on", "block")
    assert code == 0
    xml = JUnitXml.fromstring(out.encode("utf-8"))
    [case, _] = [case for suite in xml for case in suite]
    assert case.result == []
    assert "DE.UWG.TESTSIEGER" in (case.system_out or "")


def test_junit_reports_an_invalid_document_as_an_error(tmp_path: Path) -> None:
    path = tmp_path / "orders.jsonl"
    path.write_text('{"kind": "order", "id": "O-1", "items": "none"}\n', encoding="utf-8")
    code, out = _check(str(path), "--format", "junit")
    assert code == 2
    [case] = [case for suite in JUnitXml.fromstring(out.encode("utf-8")) for case in suite]
    assert [type(r) for r in case.result] == [Error]


def test_markdown_summarises_and_lists_findings(listings: Path) -> None:
    code, out = _check(str(listings), "--format", "markdown", "--fail-on", "none")
    assert code == 0
    assert out.startswith("## Clearance check\n")
    assert "| **total** | **2** |" in out
    row = next(line for line in out.splitlines() if "DE.UWG.TESTSIEGER](" in line)
    assert row.startswith("| listing L-1 |") and "review" in row


def test_several_outputs_in_one_run_beside_text(listings: Path, tmp_path: Path) -> None:
    sarif, junit, md = tmp_path / "r.sarif", tmp_path / "out" / "r.xml", tmp_path / "r.md"
    code, out = _check(
        str(listings),
        "--fail-on",
        "none",
        "--output",
        f"sarif={sarif}",
        "--output",
        f"junit={junit}",
        "--output",
        f"markdown={md}",
    )
    assert code == 0
    assert "DE.UWG.TESTSIEGER" in out and "2 document(s)" in out
    assert json.loads(sarif.read_text("utf-8"))["version"] == "2.1.0"
    assert JUnitXml.fromfile(str(junit)).tests == 2
    assert md.read_text("utf-8").startswith("## Clearance check")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "listings.jsonl",
        "out",
        "r.md",
        "r.sarif",
    ]


@pytest.mark.parametrize("spec", ["sarif", "sarif=", "pdf=out.pdf"])
def test_a_bad_output_spec_is_a_usage_error(listings: Path, spec: str) -> None:
    result = CliRunner().invoke(app, ["check", str(listings), "--output", spec])
    assert result.exit_code == 2
    assert "--output" in result.output


def test_standard_input_as_json_lines_and_json(listings: Path) -> None:
    text = listings.read_text(encoding="utf-8")
    code, out = _check("-", "--format", "jsonl", "--fail-on", "none", stdin=text)
    assert code == 0
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in reports] == ["L-1", "L-2"]
    assert reports[0]["source"] == {"file": "<stdin>", "line": 1, "index": 0}
    one = json.dumps(_listing("L-9", "Keramiktasse"), indent=2)
    code, out = _check("-", "--format", "jsonl", stdin=one)
    assert code == 0 and json.loads(out)["id"] == "L-9"
    code, out = _check("-", "--input-format", "json", "--format", "jsonl", stdin=f"[{one}]")
    assert code == 0 and json.loads(out)["id"] == "L-9"


def test_empty_standard_input_is_an_input_error() -> None:
    result = CliRunner().invoke(app, ["check", "-"], input="")
    assert result.exit_code == 2
    assert "<stdin>" in result.output and "empty" in result.output


def test_a_baseline_fails_only_on_new_findings(listings: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _ = _check(str(listings), "--fail-on", "review", "--write-baseline", str(baseline))
    assert code == 1
    recorded = json.loads(baseline.read_text("utf-8"))
    assert recorded["baseline_version"] == 1
    assert [e["rule_id"] for e in recorded["findings"]] == ["DE.UWG.TESTSIEGER"]
    # the same findings again: nothing new, the run passes but still shows them
    code, out = _check(str(listings), "--fail-on", "review", "--baseline", str(baseline))
    assert code == 0
    assert "DE.UWG.TESTSIEGER" in out
    assert "1 finding(s) in the baseline (not failing), 0 new" in out
    # a new document with the same claim is a new finding
    with listings.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(_listing("L-3", "Testsieger Lautsprecher")) + "\n")
    code, out = _check(
        str(listings), "--format", "sarif", "--fail-on", "review", "--baseline", str(baseline)
    )
    assert code == 1
    states = {
        r["properties"]["document"]: r["baselineState"]
        for r in json.loads(out)["runs"][0]["results"]
    }
    assert states == {"L-1": "unchanged", "L-3": "new"}


def test_a_bad_baseline_is_an_input_error(listings: Path, tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text('{"findings": []}', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(listings), "--baseline", str(bad)])
    assert result.exit_code == 2
    assert "not a Clearance baseline" in result.output


def test_markdown_parses_as_github_flavoured_tables(listings: Path) -> None:
    from markdown_it import MarkdownIt

    _, out = _check(str(listings), "--format", "markdown", "--fail-on", "none")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 2  # decisions, findings
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "listing L-1" in cells and any("DE.UWG.TESTSIEGER" in c for c in cells)
