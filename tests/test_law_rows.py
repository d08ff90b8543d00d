"""The law catalogue (rules/law/rows.yaml): valid, complete against the briefs, precise errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clearance.engine.errors import PackError
from clearance.engine.law_rows import MAX_BYTES, ROWS_FILE, load_rows, row_errors

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"

GOOD_ROW = """\
  - id: EU.TEST.ROW
    brief: regulations.md
    section: 1. Test section
    markets: [EU_GOODS, US-CA]
    topic: advertising
    apply: L,P
    applies_to: [listing, seller-profile]
    confidence: H/M
    summary: A test row that says what the law wants.
    sources: [https://example.org/law]
    decidable: partly
    reason: the seller-profile part is not screened
"""


def _rules_dir(tmp_path: Path, rows_text: str) -> Path:
    root = tmp_path / "rules"
    (root / "law").mkdir(parents=True)
    shutil.copy(RULES / "markets.yaml", root / "markets.yaml")
    (root / ROWS_FILE).write_text(
        'catalogue: law-rows\ncompiled: "2026-11-25"\nrows:\n' + rows_text, encoding="utf-8"
    )
    return root


def _line_of(text: str, needle: str) -> int:
    """1-based line of the file (with its 3 header lines) where ``needle`` first occurs."""
    return 3 + next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _error(root: Path) -> PackError:
    with pytest.raises(PackError) as info:
        load_rows(root)
    return info.value


# --- errors name the file and the line ---------------------------------------------------


def test_a_good_row_loads_with_its_line(tmp_path: Path) -> None:
    rows = load_rows(_rules_dir(tmp_path, GOOD_ROW))
    row = rows["EU.TEST.ROW"]
    assert row.line == 4 and row.file.endswith("rows.yaml")
    assert row.markets == ("EU_GOODS", "US-CA") and row.applies_to == ("listing", "seller-profile")


def test_an_unknown_topic_names_the_file_and_line(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("topic: advertising", "topic: weather")
    err = _error(_rules_dir(tmp_path, text))
    assert err.file.endswith(str(ROWS_FILE))
    assert err.line == _line_of(text, "topic: weather")
    assert "topic" in err.message and "weather" in err.message
    assert err.rule_id == "EU.TEST.ROW"


def test_a_missing_field_names_the_row(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("    summary: A test row that says what the law wants.\n", "")
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == 4 and "summary" in err.message


def test_partly_or_no_needs_a_reason(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("    reason: the seller-profile part is not screened\n", "")
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == 4 and "reason" in err.message


def test_a_bare_yes_gets_a_hint_to_quote_it(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("decidable: partly", "decidable: yes").replace(
        "    reason: the seller-profile part is not screened\n", ""
    )
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == _line_of(text, "decidable: yes")
    assert err.hint and "quote" in err.hint


def test_an_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("    summary:", "    sumary:")
    errors = row_errors(_rules_dir(tmp_path, text))
    unknown = [e for e in errors if "did you mean 'summary'" in e.message]
    assert [e.line for e in unknown] == [_line_of(text, "sumary:")]


def test_a_duplicate_id_points_at_the_second_one(tmp_path: Path) -> None:
    text = GOOD_ROW + GOOD_ROW
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == 3 + GOOD_ROW.count("\n") + 1
    assert "duplicate row id EU.TEST.ROW (first at line 4)" in err.message


def test_applies_to_must_match_the_apply_code(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("applies_to: [listing, seller-profile]", "applies_to: [listing]")
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == _line_of(text, "applies_to:")
    assert "does not match apply 'L,P'" in err.message


def test_unknown_market_groups_and_rows_are_refused(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("[EU_GOODS, US-CA]", "[EUROPE]") + "    related: [NO.SUCH_ROW]\n"
    errors = row_errors(_rules_dir(tmp_path, text))
    assert [e.message for e in errors] == [
        "unknown market group 'EUROPE'",
        "related names unknown row NO.SUCH_ROW",
    ]
    assert errors[0].line == _line_of(text, "markets:")
    assert errors[1].line == _line_of(text, "related:")


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("topic: advertising", "topic: [advertising")
    err = _error(_rules_dir(tmp_path, text))
    assert err.file.endswith("rows.yaml") and err.line is not None
    assert "invalid YAML" in err.message


def test_a_missing_or_oversized_catalogue_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _rules_dir(tmp_path, GOOD_ROW)
    monkeypatch.setattr("clearance.engine.law_rows.MAX_BYTES", 100)
    assert "more than the limit of 100" in _error(root).message
    monkeypatch.setattr("clearance.engine.law_rows.MAX_BYTES", MAX_BYTES)
    (root / ROWS_FILE).unlink()
    assert "does not exist" in _error(root).message
