"""A pack of 1,000 synthetic rules stays within the engine's limits and loses no finding."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from clearance.engine.library import load_library
from clearance.engine.screening import Screener

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_library_load import synthetic_pack

RULES = 1000


def _expected(doc: dict[str, object]) -> set[str]:
    age = doc["attributes"]["min_age_years"]  # type: ignore[index]
    price = doc["price"]["amount"]  # type: ignore[index]
    ids = [c["id"] for c in doc["certifications"]]  # type: ignore[attr-defined]
    out = set()
    for i in range(RULES):
        kind = i % 4
        hit = (
            (kind == 0 and age >= i % 100)
            or (kind == 1 and "alpha" in str(doc["title"]).lower())
            or (kind == 2 and price <= i)
            or (kind == 3 and any(len(x) >= i % 7 for x in ids))
        )
        if hit:
            out.add(f"SYN.R{i:04d}")
    return out


def test_thousand_rules_fire_hundreds_at_once(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    root = minimal_rules({"de/large.yaml": synthetic_pack(RULES, prefix="SYN")})
    screener = Screener(load_library(root))
    docs = [
        {
            "kind": "listing",
            "id": "A",
            "markets": ["DE"],
            "title": "Alpha bottle",
            "brand": "B",
            "price": {"amount": 400, "currency": "EUR"},
            "attributes": {"min_age_years": 60},
            "certifications": [{"type": "CE", "id": "ABCD"}],
        },
        {
            "kind": "listing",
            "id": "B",
            "markets": ["DE"],
            "title": "plain",
            "brand": "B",
            "price": {"amount": 10, "currency": "EUR"},
            "attributes": {"min_age_years": 99},
            "certifications": [{"type": "CE", "id": "ABCDEFG"}],
        },
    ]
    for doc in docs:
        report = screener.screen(doc)
        assert report.errors == []
        fired = {f.rule_id for f in report.findings}
        expected = _expected(doc)
        assert len(expected) > 300
        assert fired == expected
    compiled = screener.compiled("listing", "DE", dt.date.today())
    assert len(compiled.chunks) >= RULES // 40
