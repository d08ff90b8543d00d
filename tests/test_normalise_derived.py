"""Derived figures of shipments (engine.normalise.derived_figures): volumetric and chargeable
weight for DOC.VOLUMETRIC, computed during normalisation."""

from __future__ import annotations

import copy

import pytest

from clearance.engine.documents import validate
from clearance.engine.normalise import derived_figures, normalise_document

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
