"""Reports are built in one place: findings, rules not evaluated, error reports, summaries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.errors import DocumentError, InputError
from clearance.engine.library import load_library
from clearance.engine.report import NotEvaluated, Report, error_report, summary
from clearance.engine.schemas import validator
from clearance.engine.screening import Screener

MakeRules = Callable[[dict[str, str]], Path]

TABLE_PACK = """\
pack: test.threshold
title: Threshold
version: 1.0.0
jurisdiction: JP
owner: tests
sources: [{title: Test law, url: "https://example.org/law"}]
tables: [low_value_threshold]
fixtures:
  listing: {id: X, markets: [JP], title: Bottle}
  lists: {fx_rates: {JPY: 160}}
rules:
  - id: TEST.CHEAP
    implements: [JP.CUS.SMALL_10000]
    title: Cheap goods
    applies_to: [listing]
    markets: [JP]
    severity: warn
    when: {field: price, lte: {table: low_value_threshold, column: amount}}
    message: At most {low_value_threshold.amount} in {market}.
    remediation: None.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {price: {amount: 1, currency: EUR}}}]
      pass: [{document: {price: {amount: 1000, currency: EUR}}}]
"""


def test_a_rule_not_evaluated_is_a_typed_entry(minimal_rules: MakeRules) -> None:
    # the low-value table has no row for JP: the rule is listed under not_evaluated with its
    # market, reason and severity (and still has its warning line, for people); it counts as
    # review in the decision (issue 8, item 12)
    library = load_library(minimal_rules({"jp/threshold.yaml": TABLE_PACK}))
    listing = {"kind": "listing", "id": "L", "markets": ["JP"], "title": "Bottle"}
    report = Screener(library).screen(listing, as_of=dt.date(2026, 11, 25))
    reason = "table low_value_threshold has no row in force"
    assert report.not_evaluated == [NotEvaluated("TEST.CHEAP", "JP", reason)]
    body = report.to_dict()
    assert body["not_evaluated"] == [
        {"rule_id": "TEST.CHEAP", "market": "JP", "reason": reason, "severity": "review"}
    ]
    assert body["report_version"] == "1.3"
    assert body["decision"] == "review"
    assert not list(validator("report").iter_errors(body))
    assert report.warnings == [f"TEST.CHEAP not evaluated for JP as of 2026-11-25: {reason}"]


def test_rule_examples_read_the_typed_entry_not_the_warning_text(
    minimal_rules: MakeRules,
) -> None:
    from clearance.engine.examples import run_examples

    library = load_library(minimal_rules({"jp/threshold.yaml": TABLE_PACK}))

    class Quiet(Screener):
        def screen(self, *args: object, **kwargs: object) -> Report:
            report = super().screen(*args, **kwargs)  # type: ignore[arg-type]
            report.warnings.clear()  # the warning text is for people only
            return report

    results = run_examples(Quiet(library), today=dt.date(2026, 11, 25))
    assert len(results) == 2
    for result in results:
        assert result.skipped and result.ok and "no row in force" in result.detail


def test_a_typed_entry_is_refused_by_the_schema_when_it_lacks_a_member() -> None:
    report = Report("listing", "L", "2026-11-25", "option", ["DE"])
    report.not_evaluated_rule("R", "DE", "why")
    body = report.to_dict()
    assert not list(validator("report").iter_errors(body))
    del body["not_evaluated"][0]["reason"]
    assert list(validator("report").iter_errors(body))


def test_an_error_report_keeps_the_kind_and_a_string_id() -> None:
    report = error_report([DocumentError("bad", field="$.id")], {"kind": "order", "id": 7})
    assert (report.kind, report.id, report.decision) == ("order", "7", "error")
    assert error_report([InputError("x")], None, "listing").kind == "listing"
    assert not list(validator("report").iter_errors(report.to_dict()))


def test_summaries_count_decisions_worst_first() -> None:
    def one(decision: str) -> Report:
        report = Report("listing", "L", None, None, [])
        if decision == "error":
            report.errors.append({"kind": "engine", "message": "x"})
        return report

    reports = [one("error"), one("pass"), one("error")]
    assert list(summary(reports).items()) == [
        ("documents", 3),
        ("decisions", {"pass": 1, "error": 2}),
    ]
    assert list(summary(reports)["decisions"]) == ["pass", "error"]
    assert summary([], [InputError("gone", source="a.json")])["unreadable"] == [
        {"kind": "input", "source": "a.json", "line": None, "message": "gone"}
    ]


def test_the_cli_reports_an_unreadable_record_through_the_one_builder(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("id,title,markets,price.amount\n7,Bottle,DE,not-a-number\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--kind", "listing", "--format", "json"])
    [report] = json.loads(result.output)["reports"]
    assert (report["decision"], report["kind"], report["id"]) == ("error", "listing", None)
    assert report["errors"][0]["field"] == "$.price.amount"
    assert report["source"] == {"file": str(path), "line": 2, "index": 0}
    assert not list(validator("report").iter_errors(report))
