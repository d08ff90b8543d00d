"""engine.recalls: GTIN-14 matching, brand + model matching, loading the recall lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearance.engine.errors import PackError
from clearance.engine.identifiers import is_valid
from clearance.engine.recalls import (
    RecallIndex,
    load_recall_index,
    normalize_brand,
    normalize_gtin,
    normalize_model,
    split_models,
)
from clearance.feeds import cpsc, safety_gate
from clearance.feeds.pipeline import update


def recall(rid: str, **fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": rid,
        "list": "cpsc",
        "reference": f"R{rid}",
        "title": f"Recall {rid}",
        "date": "2026-01-01",
        "url": f"https://example.test/{rid}",
        "gtins": [],
        "brands": [],
        "models": [],
    }
    base.update(fields)
    return base


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("012345678905", "00012345678905"),  # UPC-A
        ("4006381333931", "04006381333931"),  # EAN-13
        ("96385074", "00000096385074"),  # GTIN-8
        ("10012345678902", "10012345678902"),  # GTIN-14
        ("0 12345 67890 5", "00012345678905"),
        ("4006-381-333931", "04006381333931"),
        (4006381333931, "04006381333931"),
        ("3.65275E+11", None),  # Excel scientific notation: digits are lost
        ("12345", None),
        ("ABC123456789", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_gtin(raw: object, expected: str | None) -> None:
    assert normalize_gtin(raw) == expected  # type: ignore[arg-type]


def test_check_digit() -> None:
    assert is_valid("gtin", "04006381333931")
    assert not is_valid("gtin", "04006381333932")


def test_model_and_brand_normalisation() -> None:
    assert normalize_model("ab-123 x") == "AB123X"
    assert split_models("Models HW-1500, HW-1500B and HW 2000") == [
        "HW-1500",
        "HW-1500B",
        "HW 2000",
    ]
    assert split_models("Model number: TT-442; item # 77-1") == ["TT-442", "77-1"]
    assert normalize_brand("Heatwave Appliances, Inc.") == "HEATWAVE APPLIANCES"
    assert normalize_brand("Unknown") == "" and normalize_brand("No brand") == ""
    assert normalize_brand("Bäbü & Co") == "BABU"


@pytest.fixture
def index() -> RecallIndex:
    return RecallIndex(
        [
            recall(
                "1",
                gtins=["00012345678905"],
                brands=["Heatwave Appliances Inc."],
                models=["HW-1500", "HW 2000"],
                title="Heatwave Space Heaters Recalled",
                date="2026-02-12",
                hazard="Fire",
                remedy="Refund",
            ),
            recall(
                "2",
                list="safety_gate",
                brands=[],
                models=["QC-20"],
                title="USB charger - Fast charger 20W",
                products=["USB charger", "Voltix charger"],
            ),
            recall("3", gtins=["00012345678905"], date="2025-05-01"),
        ]
    )


def test_gtin_match_normalises_to_gtin14(index: RecallIndex) -> None:
    matches = index.match(gtin="0 12345 67890 5")
    assert [m.key for m in matches] == ["cpsc:1", "cpsc:3"]  # newest first
    first = matches[0]
    assert (first.matched_on, first.reference, first.date) == ("gtin", "R1", "2026-02-12")
    assert first.url == "https://example.test/1" and first.hazard == "Fire"
    assert first.reason == "GTIN 0 12345 67890 5 (GTIN-14 00012345678905) is listed in the recall"
    assert index.match(gtin="12345678905") == []  # 11 digits: not a GTIN
    assert index.match(gtin="3.65275E+11") == []


def test_brand_and_model_must_both_match(index: RecallIndex) -> None:
    [match] = index.match(brand="HEATWAVE APPLIANCES", model="hw1500")
    assert match.key == "cpsc:1" and match.matched_on == "brand+model"
    assert "brand 'HEATWAVE APPLIANCES' is the recall's brand" in match.reason
    assert index.match(brand="Other Brand", model="HW-1500") == []
    assert index.match(model="HW-1500") == []
    assert index.match(brand="Heatwave Appliances") == []


def test_brand_found_in_title_or_product_names(index: RecallIndex) -> None:
    [match] = index.match(brand="Voltix", model="QC 20")
    assert match.key == "safety_gate:2"
    assert "appears in the recall's title or product names" in match.reason
    assert index.match(brand="Volt", model="QC-20") == []  # whole words only


def test_gtin_and_brand_model_together_do_not_duplicate(index: RecallIndex) -> None:
    matches = index.match(gtin="012345678905", brand="Heatwave Appliances", model="HW 2000")
    assert [(m.key, m.matched_on) for m in matches] == [("cpsc:1", "gtin"), ("cpsc:3", "gtin")]


def test_load_recall_index_from_feed_files(rules: Path, fixtures: Path) -> None:
    assert load_recall_index(rules) is None
    update(cpsc.SOURCE, rules, from_path=fixtures / "cpsc" / "recalls.json")
    update(safety_gate.SOURCE, rules, from_path=fixtures / "safety_gate" / "report-2026-09.xml")
    index = load_recall_index(rules)
    assert index is not None
    assert index.lists == {"cpsc": 2, "safety_gate": 2}
    assert set(index.files) == {"cpsc.json", "safety_gate.json"}
    [by_upc] = index.match(gtin="012345678912")
    assert by_upc.reference == "26101" and by_upc.date == "2026-02-12"
    [by_model] = index.match(brand="Heatwave Appliances", model="HW1500B")
    assert by_model.url.startswith("https://www.cpsc.gov/Recalls/")
    [toy] = index.match(brand="fluffy friends", model="ff 2232")
    assert toy.reference == "SR/00901/26"
    [ean] = index.match(gtin="5901234123457")
    assert ean.list == "safety_gate"
    assert load_recall_index(rules) is index  # cached until a file changes


def test_broken_recall_file_is_a_pack_error(rules: Path) -> None:
    directory = rules / "data" / "recalls"
    directory.mkdir()
    (directory / "x.json").write_text(json.dumps({"entries": [{"title": "no id"}]}))
    with pytest.raises(PackError, match="needs id and list"):
        load_recall_index(rules)
