"""Rules over feed-maintained lists: denied parties (sanctions) and recalled products."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.examples import run_examples
from clearance.engine.library import load_library
from clearance.engine.schemas import validator
from clearance.engine.screening import Screener

REPO_ROOT = Path(__file__).resolve().parents[1]

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "feeds"
ORDER = {
    "kind": "order",
    "id": "O-1",
    "date": "2026-11-25",
    "items": [{"quantity": 1}],
    "buyer": {"name": "Trading House Congomet Ltd.", "country": "CD", "type": "b2b"},
    "shipping_address": {"name": "Max Muster", "country": "DE"},
}


def test_denied_party_evidence_names_list_programme_score_and_reason(screener: Screener) -> None:
    report = screener.screen(ORDER)
    (finding,) = [f for f in report.findings if f.rule_id == "SANCTIONS.DENIED_PARTY.ORDER"]
    assert report.decision == "block"
    (evidence,) = finding.evidence
    match = evidence["party_match"]
    assert evidence["field"] == "buyer" and evidence["text"] == "Trading House Congomet Ltd."
    assert match["list"] == "un" and match["programmes"] == ["DRC"]
    assert match["score"] >= 92 and "LTD" in match["reason"]
    assert any(t["id"] == "sanctions/un" and len(t["sha256"]) == 64 for t in report.tables)


def test_the_text_report_explains_a_denied_party_match(screener: Screener) -> None:
    from clearance.cli.output import text_report

    lines = [text for text, _ in text_report(screener.screen(ORDER))]
    (line,) = [t for t in lines if 'evidence: buyer "' in t]
    assert 'buyer "Trading House Congomet Ltd." matches un:' in line
    assert "(DRC) 'CONGOMET TRADING HOUSE', score 100.0" in line
    assert "CONGOMET=CONGOMET exact" in line and "legal form LTD ignored" in line


def test_a_buyers_date_of_birth_and_nationality_are_evidence(screener: Screener) -> None:
    def sanctions(buyer: dict[str, str]) -> list[tuple[str, float]]:
        order = {**ORDER, "buyer": {"type": "b2c", **buyer}}
        return [
            (f.rule_id, f.evidence[0]["party_match"]["score"])
            for f in screener.screen(order).findings
            if f.rule_id.startswith("SANCTIONS.")
        ]

    listed = {"name": "Eric Badege", "country": "DE"}  # UN-listed, born 1971
    assert sanctions(listed) == [("SANCTIONS.DENIED_PARTY.ORDER", 100.0)]
    assert sanctions({**listed, "date_of_birth": "1971"}) == [("SANCTIONS.DENIED_PARTY.ORDER", 100)]
    # born twenty years later: another person of that name, for review only
    assert sanctions({**listed, "date_of_birth": "1991-04-02"}) == [
        ("SANCTIONS.POSSIBLE_MATCH", 88.0)
    ]
    assert sanctions({**listed, "nationality": "FR", "date_of_birth": "1991"}) == [
        ("SANCTIONS.POSSIBLE_MATCH", 83.0)  # the same name still asks for a look
    ]
    assert sanctions({**listed, "nationality": "CD"}) == [("SANCTIONS.DENIED_PARTY.ORDER", 100)]


def test_cleared_false_positive_stops_recurring(rules_copy: Path) -> None:
    screener = Screener(load_library(rules_copy))
    match = screener.screen(ORDER).findings[0].evidence[0]["party_match"]
    (rules_copy / "data" / "sanctions" / "cleared.yaml").write_text(
        "cleared:\n"
        f"  - name: Trading House Congomet Ltd.\n    entry: {match['key']}\n"
        "    reason: different company, registered in Kinshasa 2019 (checked registry)\n"
        "    by: a.officer@example.com\n    date: 2026-11-25\n    until: 2027-05-25\n",
        encoding="utf-8",
    )
    library = load_library(rules_copy)
    report = Screener(library).screen(ORDER)
    assert not [f for f in report.findings if f.rule_id.startswith("SANCTIONS.")]
    # the suppressed hit is shown with its clearance, and the allow-list's hash is in the report
    [hit] = report.cleared_hits
    assert hit["match"]["key"] == match["key"] and hit["cleared"]["until"] == "2027-05-25"
    assert hit["cleared"]["by"] == "a.officer@example.com"
    tables = {t["id"]: t["sha256"] for t in report.tables}
    assert tables["sanctions/cleared"] == library.parties.cleared_sha  # type: ignore[union-attr]
    assert not list(validator("report").iter_errors(report.to_dict()))
    # after its last day the clearance no longer holds: the hit is reported again
    later = Screener(library).screen(ORDER, as_of=dt.date(2027, 5, 26))
    assert [f for f in later.findings if f.rule_id.startswith("SANCTIONS.")]
    assert later.cleared_hits == []


def test_recall_rule_with_a_loaded_recall_list(rules_copy: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "feeds",
            "update",
            "cpsc",
            "--rules",
            str(rules_copy),
            "--from",
            str(FIXTURES / "cpsc" / "recalls.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    screener = Screener(load_library(rules_copy))
    results = run_examples(screener, ["RECALL.PRODUCT"])
    assert results and all(r.ok and not r.skipped for r in results), [r.detail for r in results]
    listing = {
        "kind": "listing",
        "id": "L-1",
        "markets": ["US"],
        "title": "Heater",
        "gtin": "012345678905",
        "images": ["https://x/y.jpg"],
    }
    report = screener.screen(listing)
    (finding,) = [f for f in report.findings if f.rule_id == "RECALL.PRODUCT"]
    recall = finding.evidence[0]["recall"]
    assert recall["matched_on"] == "gtin" and recall["url"].startswith("https://")
    assert any(t["id"] == "recalls/cpsc" for t in report.tables)


def test_without_recall_lists_reports_say_the_rule_was_not_evaluated(screener: Screener) -> None:
    listing = {
        "kind": "listing",
        "id": "L-1",
        "markets": ["US"],
        "title": "Heater",
        "gtin": "4006381333931",
    }
    report = screener.screen(listing)
    assert any(w.startswith("RECALL.PRODUCT not evaluated") for w in report.warnings)
    [skipped] = [n for n in report.not_evaluated if n.rule_id == "RECALL.PRODUCT"]
    assert skipped.market == "US" and "no recall lists are loaded" in skipped.reason
    assert skipped.severity == "review"
    # with nothing to match a recall on (no GTIN, no brand and model) the rule is decided
    del listing["gtin"]
    report = screener.screen(listing)
    assert not [n for n in report.not_evaluated if n.rule_id == "RECALL.PRODUCT"]
