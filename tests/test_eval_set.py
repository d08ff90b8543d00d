"""The evaluation set (bench/eval/cases) is well formed. Its figures are printed by
bench/eval_precision.py and never asserted."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from clearance.engine.documents import validate
from clearance.engine.law_rows import load_rows
from clearance.engine.paths import default_rules_dir

CASES_DIR = Path(__file__).resolve().parent.parent / "bench" / "eval" / "cases"


def _cases() -> list[dict]:
    out: list[dict] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        out.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return out


CASES = _cases()


def test_set_size_and_spread() -> None:
    labels = Counter(c["label"] for c in CASES)
    assert len(CASES) >= 400
    assert labels["clean"] >= 200
    assert set(labels) == {"clean", "violation"}
    assert {c["kind"] for c in CASES} == {"listing", "order", "shipment"}
    assert len({m for c in CASES for m in c["markets"]}) >= 10
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"


def test_labels_name_known_rows() -> None:
    rows = load_rows(default_rules_dir())
    for case in CASES:
        assert case["rows"], case["id"]
        for row in case["rows"]:
            assert row in rows, f"{case['id']}: unknown row {row}"
        assert case["why"].strip(), case["id"]
        if "min_severity" in case:
            assert case["min_severity"] in ("warn", "review", "block"), case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_document_validates(case: dict) -> None:
    doc = validate(case["document"], case["kind"])
    assert doc.id == case["id"]
    assert str(case["as_of"]) == str(case["document"]["date"])
    assert list(doc.markets) == case["markets"]
