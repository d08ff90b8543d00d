"""Derived figures of shipments (engine.normalise.derived_figures): volumetric and chargeable
weight for DOC.VOLUMETRIC, computed during normalisation."""

from __future__ import annotations

import copy

import pytest

from clearance.engine.documents import validate
from clearance.engine.normalise import derived_figures, listing_derived_figures, normalise_document

SHIPMENT = {
    "kind": "shipment",
    "id": "S-V",
    "destination_country": "DE",
    "mode": "express",
    "items": [{"description": "Ceramic mug", "hs_code": "691200", "quantity": 1}],
    "packages": [{"dimensions": "40 x 30 x 20 cm", "gross_weight": "2 kg"}],
    "air_waybill": {"gross_weight": "2 kg", "chargeable_weight": "5 kg"},
}


def test_volumetric_and_chargeable_weight_are_derived() -> None:
    doc, _ = normalise_document("shipment", SHIPMENT)
    assert doc["derived"] == {
        "volumetric_weight_kg_5000": 4.8,  # 40 x 30 x 20 / 5000
        "volumetric_weight_kg_6000": 4.0,
        "packages_gross_weight_kg": 2.0,
        "chargeable_weight_kg": 5.0,
        "awb_gross_weight_kg": 2.0,
    }
    validate(SHIPMENT)  # the schema accepts the derived figures


def test_counts_inches_and_pounds() -> None:
    doc = {
        "packages": [
            {
                "count": 2,
                "dimensions": {"length": 10, "width": 10, "height": 10, "unit": "in"},
                "gross_weight": {"value": 10, "unit": "lb"},
            },
            {
                "dimensions": {"length": 50, "width": 40, "height": 30, "unit": "cm"},
                "gross_weight": {"value": 3, "unit": "kg"},
            },
        ],
        "air_waybill": {"chargeable_weight": {"value": 20, "unit": "lb"}},
    }
    figures = derived_figures(doc)
    volume = 2 * (10 * 2.54) ** 3 + 50 * 40 * 30
    assert figures["volumetric_weight_kg_5000"] == round(volume / 5000, 3)
    assert figures["volumetric_weight_kg_6000"] == round(volume / 6000, 3)
    assert figures["packages_gross_weight_kg"] == round(2 * 10 * 0.45359237 + 3, 3)
    assert figures["chargeable_weight_kg"] == round(20 * 0.45359237, 3)
    assert "awb_gross_weight_kg" not in figures


@pytest.mark.parametrize(
    "packages",
    [
        [{"gross_weight": {"value": 2, "unit": "kg"}}],  # no dimensions
        [
            {"dimensions": {"length": 1, "width": 1, "height": 1, "unit": "cm"}},
            {"dimensions": "forty by thirty"},  # one package unreadable
        ],
        [],
    ],
)
def test_no_volumetric_weight_unless_every_package_has_dimensions(packages: list) -> None:
    figures = derived_figures({"packages": packages})
    assert "volumetric_weight_kg_5000" not in figures
    assert "volumetric_weight_kg_6000" not in figures


def test_nothing_to_derive_leaves_the_document_as_it_was() -> None:
    doc = {k: v for k, v in SHIPMENT.items() if k not in ("packages", "air_waybill")}
    out, changes = normalise_document("shipment", doc)
    assert out is doc and changes == []


def test_derived_once_then_stable() -> None:
    doc, _ = normalise_document("shipment", SHIPMENT)
    again, changes = normalise_document("shipment", doc)
    assert again is doc and changes == []


def test_figures_given_by_the_sender_are_replaced_and_recorded() -> None:
    raw = copy.deepcopy(SHIPMENT)
    raw["derived"] = {"volumetric_weight_kg_5000": 0.1}
    doc, changes = normalise_document("shipment", raw)
    assert doc["derived"]["volumetric_weight_kg_5000"] == 4.8
    assert [c.field for c in changes if c.field == "$.derived"] == ["$.derived"]
    stripped = {k: v for k, v in raw.items() if k not in ("packages", "air_waybill")}
    out, _ = normalise_document("shipment", stripped)
    assert "derived" not in out  # nothing to compute: the sender's figures are dropped
    assert raw["derived"] == {"volumetric_weight_kg_5000": 0.1}  # the input is not modified


# -- DOC.WEIGHT: the air waybill's gross weight against the packing list's ---------------------


@pytest.mark.parametrize(
    ("awb", "listed", "percent"),
    [
        ({"value": 2.1, "unit": "kg"}, 2.0, 5.0),
        ({"value": 1.9, "unit": "kg"}, 2.0, 5.0),  # lighter counts the same
        ({"value": 10, "unit": "lb"}, 4.2, round(abs(10 * 0.45359237 - 4.2) / 4.2 * 100, 3)),
        ({"value": 2.0, "unit": "kg"}, 2.0, 0.0),
    ],
)
def test_awb_against_packing_list_gross_weight(awb: dict, listed: float, percent: float) -> None:
    figures = derived_figures(
        {"air_waybill": {"gross_weight": awb}, "packing_list": {"gross_weight_kg": listed}}
    )
    assert figures["awb_packing_list_gross_difference_percent"] == percent


@pytest.mark.parametrize(
    "doc",
    [
        {"air_waybill": {"gross_weight": {"value": 2, "unit": "kg"}}},  # no packing list
        {"air_waybill": {"gross_weight": {"value": 2, "unit": "kg"}}, "packing_list": {}},
        {
            "air_waybill": {"gross_weight": {"value": 2, "unit": "kg"}},
            "packing_list": {"gross_weight_kg": 0},
        },
        {"air_waybill": {}, "packing_list": {"gross_weight_kg": 2}},  # no AWB weight
        {"packing_list": {"gross_weight_kg": 2}},
    ],
)
def test_no_weight_difference_without_both_weights(doc: dict) -> None:
    assert "awb_packing_list_gross_difference_percent" not in derived_figures(doc)


def test_weight_difference_reaches_the_normalised_shipment() -> None:
    raw = {**SHIPMENT, "packing_list": {"gross_weight_kg": 1.9}}
    doc, _ = normalise_document("shipment", raw)
    assert doc["derived"]["awb_packing_list_gross_difference_percent"] == round(0.1 / 1.9 * 100, 3)
    validate(raw)


# -- listings: Amazon's title and search-term figures ------------------------------------------

LISTING = {
    "kind": "listing",
    "id": "L-D",
    "markets": ["DE"],
    "title": "Topf Topf Topf aus Steinzeug",
}


@pytest.mark.parametrize(
    ("title", "word", "count"),
    [
        ("Topf Topf Topf aus Steinzeug 15 cm", "topf", 3),
        ("Water Bottle, water bottle, WATER bottle", "water", 3),  # case-folded; first on a tie
        ("Bottle for the gym, for the office and for the car", "bottle", 1),  # function words out
        ("Box 20 x 20 x 20 cm", "box", 1),  # numbers and single letters are not words
        ("Topf-Topf_Topf", "topf", 3),  # hyphen and underscore end a word
        ("Pflanztopf für Kräuter, Kräuter-Topf, Kräuter", "kräuter", 3),
    ],
)
def test_title_most_repeated_word(title: str, word: str, count: int) -> None:
    figures = listing_derived_figures({"title": title})
    assert (figures["title_most_repeated_word"], figures["title_most_repeated_word_count"]) == (
        word,
        count,
    )


@pytest.mark.parametrize("title", ["", "20 x 30", "a an the", 42, "t" * 3000])
def test_no_title_word(title: object) -> None:
    # a run of more than 100 letters is no word (and an over-long title stays the schema's error)
    assert "title_most_repeated_word" not in listing_derived_figures({"title": title})


@pytest.mark.parametrize(
    ("keywords", "size"),
    [
        (["ä" * 130], 260),  # 2 bytes each
        (["übertopf", "blumentopf"], len("übertopf blumentopf".encode())),
        ([" planter ", "pot"], len(b"planter pot")),  # trimmed, one space between
        (["花盆"], 6),  # 3 bytes each
        (["", "pot"], 3),  # empty keywords add nothing
    ],
)
def test_search_terms_bytes(keywords: list[str], size: int) -> None:
    assert listing_derived_figures({"keywords": keywords})["search_terms_bytes"] == size


@pytest.mark.parametrize("keywords", [[], None, "pot planter", ["pot", 3]])
def test_no_search_terms_bytes(keywords: object) -> None:
    assert "search_terms_bytes" not in listing_derived_figures({"keywords": keywords})


def test_listing_gains_derived_and_stays_valid() -> None:
    raw = {**LISTING, "keywords": ["ä" * 130], "derived": {"search_terms_bytes": 1}}
    doc, changes = normalise_document("listing", raw)
    assert doc["derived"] == {
        "title_most_repeated_word": "topf",
        "title_most_repeated_word_count": 3,
        "search_terms_bytes": 260,
    }
    assert [c.field for c in changes] == ["$.derived"]  # the sender's figure was replaced
    again, changes = normalise_document("listing", doc)
    assert again is doc and changes == []
    validate(raw)
    assert raw["derived"] == {"search_terms_bytes": 1}  # the input is not modified
