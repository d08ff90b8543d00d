"""The document schemas: what real listings, orders and shipments carry, bad values named by JSON
path, old documents unchanged, fields usable by rules, and docs/documents.md in step."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.documents import validate
from clearance.engine.errors import DocumentError, PackErrors
from clearance.engine.examples import run_examples
from clearance.engine.fields import SHARED_TYPES, deref, field_rows, field_type, markdown_table
from clearance.engine.library import load_library
from clearance.engine.schemas import errors_of, load_schema
from clearance.engine.screening import Screener

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = REPO_ROOT / "examples"


def _load(name: str) -> list[dict[str, Any]]:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    loaded = json.loads(text)
    return loaded if isinstance(loaded, list) else [loaded]


SHIPMENT: dict[str, Any] = {
    "kind": "shipment",
    "id": "S-1",
    "date": "2026-11-24",
    "origin_country": "CN",
    "destination_country": "DE",
    "mode": "express",
    "items": [
        {
            "sku": "PH-1",
            "description": "Smartphone",
            "hs_code": "8517130000",
            "quantity": 2,
            "value": {"amount": 300, "currency": "EUR"},
            "value_basis": "per_line",
            "net_weight_kg": 0.8,
            "gross_weight_kg": 1.0,
            "weight_basis": "per_line",
            "dangerous_goods": {
                "un_number": "UN3481",
                "proper_shipping_name": "Lithium ion batteries contained in equipment",
                "class": "9",
                "packing_instruction": "PI967",
                "section": "II",
                "packing": "in_equipment",
                "watt_hours": 18.5,
                "cell_watt_hours": 18.5,
                "batteries": 1,
                "cells": 0,
                "state_of_charge_percent": 30,
                "limited_quantity": False,
                "un38_3_test_summary": True,
                "lithium_battery_mark": False,
            },
        }
    ],
    "dangerous_goods": [
        {"line": 1, "un_number": "UN3480", "packing_instruction": "PI965", "section": "IB"},
        {"sku": "PH-1", "un_number": "UN3090", "lithium_grams": 0.3, "cell_lithium_grams": 0.3},
        {"line": 1, "un_number": "UN1950", "class": "2.1", "limited_quantity": True},
    ],
    "packages": [
        {
            "id": "CTN-1",
            "type": "carton",
            "count": 2,
            "dimensions": {"length": 40, "width": 30, "height": 20, "unit": "cm"},
            "gross_weight": {"value": 2.5, "unit": "kg"},
            "lines": [1],
        }
    ],
    "packing_list": {
        "total_quantity": 2,
        "packages": 2,
        "net_weight_kg": 0.8,
        "gross_weight_kg": 5,
        "lines": [
            {
                "line": 1,
                "sku": "PH-1",
                "description": "Smartphone",
                "quantity": 2,
                "unit": "pcs",
                "net_weight_kg": 0.8,
                "gross_weight_kg": 1.0,
                "weight_basis": "per_line",
                "packages": 2,
            }
        ],
    },
    "air_waybill": {
        "number": "176-12345675",
        "type": "master",
        "pieces": 2,
        "gross_weight": {"value": 11, "unit": "lb"},
        "chargeable_weight": {"value": 5, "unit": "kg"},
    },
    "origin_proofs": [
        {
            "type": "origin_declaration",
            "agreement": "EU GSP",
            "number": "SOO-1",
            "issuer": "Exporter Ltd",
            "issuing_country": "VN",
            "exporter_reference": "VNREX123456789",
            "date": "2026-11-20",
            "lines": [1],
        }
    ],
    "licences": [
        {
            "type": "export_licence",
            "number": "EL-1",
            "issuing_authority": "MOFCOM",
            "issuing_country": "CN",
            "valid_from": "2026-01-01",
            "valid_until": "2026-12-31",
        }
    ],
}

LISTING: dict[str, Any] = {
    "kind": "listing",
    "id": "L-1",
    "markets": ["FR", "XI"],
    "title": "Speaker",
    "language": "fr",
    "batteries": [
        {
            "chemistry": "li-ion",
            "packing": "in_equipment",
            "count": 1,
            "cells": 2,
            "watt_hours": 14.8,
            "lithium_grams": 0,
            "capacity_mah": 4000,
            "voltage_v": 3.7,
            "removable": False,
            "un_number": "UN3481",
        }
    ],
    "certifications": [
        {
            "type": "CE",
            "document": "declaration_of_conformity",
            "id": "DoC-1",
            "issued_by": "Maker Ltd",
            "date": "2026-01-01",
            "legislation": ["2014/53/EU", "2011/65/EU"],
            "standards": ["EN 18031-1:2024"],
            "notified_body": {"name": "NB GmbH", "number": "0123", "country": "DE"},
            "lab": {"name": "Lab Co", "number": "L-77", "country": "CN"},
            "valid_until": "2031-01-01",
            "url": "https://example.com/doc.pdf",
        },
        {"type": "UKNI"},
    ],
    "registrations": {
        "epr_fr": "FR000001_01AAAA",
        "idu_fr": [{"stream": "eee", "idu": "FR000001_05BBBB"}, {"stream": "toys", "idu": "X"}],
    },
    "warnings": ["Keep away from fire"],
    "warning_languages": ["en"],
    "warning_texts": [{"text": "Attention", "language": "fr"}, {"text": "No language given"}],
}

ORDER: dict[str, Any] = {
    "kind": "order",
    "id": "O-1",
    "items": [{"quantity": 1}],
    "shipping_address": {"country": "DE"},
    "marketplace_facilitates": True,
    "vat_collection": {
        "scheme": "ioss",
        "amount": {"amount": 3.8, "currency": "EUR"},
        "rate_percent": 19,
        "collected_by": "marketplace",
        "collected_at": "checkout",
        "deemed_supplier": True,
    },
    "consent": {"marketing": True, "pre_ticked": True},
    "consents": [
        {
            "purpose": "marketing_email",
            "given": True,
            "method": "checkbox_preticked",
            "given_at": "2026-11-21T10:00:00Z",
            "withdrawn_at": "2026-11-22",
            "text_version": "v3",
            "channel": "checkout",
            "bundled_with_order": False,
            "covers_several_purposes": False,
            "opt_out_offered": True,
            "source": "own_sale",
        }
    ],
    "personal_data": {
        "national_id": "110101199003074477",
        "national_id_type": "cn_ric",
        "passport_number": "E12345678",
        "date_of_birth": "1990-03-07",
        "gender": "f",
        "health": "prescription lenses -4.5",
        "special_categories": ["health"],
        "purposes": ["customs_clearance"],
        "retention_days": 90,
        "deleted_after_clearance": True,
        "processing_countries": ["CN", "DE"],
        "transfer_safeguard": "scc",
    },
    "privacy_signals": {
        "gpc": True,
        "do_not_track": False,
        "opt_out_of_sale": True,
        "shared_with": ["advertising", "affiliate"],
    },
}


@pytest.mark.parametrize("doc", [SHIPMENT, LISTING, ORDER], ids=lambda d: d["kind"])
def test_new_fields_validate_and_stay_as_written(doc: dict[str, Any]) -> None:
    assert errors_of(doc["kind"], doc) == []
    document = validate(copy.deepcopy(doc))
    # a shipment gains its computed figures (derived: volumetric weight and the like), no more
    data = {k: v for k, v in document.data.items() if k != "derived"}
    assert data == doc and document.normalised == ()


@pytest.mark.parametrize(
    ("kind", "change", "bad", "path"),
    [
        ("shipment", ("packages", 0, "dimensions", "unit"), "ft", "$.packages[0].dimensions.unit"),
        (
            "shipment",
            ("packages", 0, "gross_weight", "value"),
            -2,
            "$.packages[0].gross_weight.value",
        ),
        ("shipment", ("packages", 0, "count"), 0, "$.packages[0].count"),
        ("shipment", ("dangerous_goods", 0, "section"), "III", "$.dangerous_goods[0].section"),
        (
            "shipment",
            ("dangerous_goods", 1, "un_number"),
            "UN 34800",
            "$.dangerous_goods[1].un_number",
        ),
        ("shipment", ("dangerous_goods", 2, "line"), 0, "$.dangerous_goods[2].line"),
        (
            "shipment",
            ("items", 0, "dangerous_goods", "state_of_charge_percent"),
            "130%",
            "$.items[0].dangerous_goods.state_of_charge_percent",
        ),
        ("shipment", ("items", 0, "value_basis"), "each", "$.items[0].value_basis"),
        (
            "shipment",
            ("packing_list", "lines", 0, "quantity"),
            1.5,
            "$.packing_list.lines[0].quantity",
        ),
        ("shipment", ("air_waybill", "chargeable_weight"), 5, "$.air_waybill.chargeable_weight"),
        (
            "shipment",
            ("origin_proofs", 0, "type"),
            "certificate of origin",
            "$.origin_proofs[0].type",
        ),
        ("shipment", ("licences", 0, "valid_until"), "next tuesday", "$.licences[0].valid_until"),
        ("listing", ("batteries", 0, "chemistry"), "plutonium", "$.batteries[0].chemistry"),
        (
            "listing",
            ("certifications", 0, "legislation"),
            "2014/53/EU",
            "$.certifications[0].legislation",
        ),
        (
            "listing",
            ("certifications", 0, "notified_body", "country"),
            "Atlantis",
            "$.certifications[0].notified_body.country",
        ),
        (
            "listing",
            ("registrations", "idu_fr", 1, "stream"),
            "cars",
            "$.registrations.idu_fr[1].stream",
        ),
        ("listing", ("warning_texts", 0, "text"), 5, "$.warning_texts[0].text"),
        ("order", ("vat_collection", "collected_by"), "the moon", "$.vat_collection.collected_by"),
        ("order", ("vat_collection", "rate_percent"), "19", "$.vat_collection.rate_percent"),
        ("order", ("consents", 0, "method"), "telepathy", "$.consents[0].method"),
        ("order", ("consents", 0, "given_at"), "yesterday", "$.consents[0].given_at"),
        (
            "order",
            ("personal_data", "special_categories", 0),
            "shoe size",
            "$.personal_data.special_categories[0]",
        ),
        ("order", ("privacy_signals", "gpc"), "1", "$.privacy_signals.gpc"),
    ],
)
def test_a_bad_value_is_named_by_its_json_path(
    kind: str, change: tuple[str | int, ...], bad: Any, path: str
) -> None:
    doc = copy.deepcopy({"shipment": SHIPMENT, "listing": LISTING, "order": ORDER}[kind])
    node: Any = doc
    for part in change[:-1]:
        node = node[part]
    node[change[-1]] = bad
    with pytest.raises(DocumentError) as info:
        validate(doc)
    assert info.value.field == path
    assert path in {d["field"] for d in info.value.details}


def test_an_unknown_key_in_a_new_object_is_named_with_a_suggestion() -> None:
    doc = copy.deepcopy(SHIPMENT)
    doc["dangerous_goods"][0]["wat_hours"] = 12
    with pytest.raises(DocumentError) as info:
        validate(doc)
    assert info.value.field == "$.dangerous_goods[0].wat_hours"
    assert "did you mean 'watt_hours'?" in str(info.value)


def test_the_line_entry_and_the_declaration_entry_share_their_fields() -> None:
    defs = load_schema("common")["$defs"]
    line = defs["dangerous_goods"]["properties"]
    declared = defs["dangerous_goods_entry"]["properties"]
    assert set(declared) - set(line) == {"line", "sku"}
    for name, spec in line.items():
        assert declared[name] == spec, name


def test_every_field_is_described() -> None:
    missing = []
    for kind in ("listing", "order", "shipment", *SHARED_TYPES):
        for path, _label, text in field_rows(kind):
            if not text:
                missing.append(f"{kind}: {path}")
    assert missing == []


def test_docs_tables_are_generated_from_the_schemas() -> None:
    text = (REPO_ROOT / "docs" / "documents.md").read_text(encoding="utf-8")
    found = dict(re.findall(r"<!-- fields:(\w+) -->\n(.*?)\n<!-- /fields -->", text, re.S))
    assert set(found) == {"listing", "order", "shipment", *SHARED_TYPES}
    for kind, table in found.items():
        assert table == markdown_table(kind), (
            f"docs/documents.md is out of date for {kind}; paste:\n{markdown_table(kind)}"
        )


def test_old_examples_are_unchanged_by_validation() -> None:
    for name in ("listings.jsonl", "orders.json"):
        for doc in _load(name):
            document = validate(doc)
            # listings gain their computed figures (derived: title words, search-term bytes) and
            # nothing else; orders are left as they are
            same = {k: v for k, v in document.data.items() if k != "derived"} == doc
            assert document.data is doc or (doc["kind"] == "listing" and same), doc["id"]
            assert "derived" not in doc and document.normalised == ()


@pytest.mark.parametrize(
    ("kind", "path", "within", "type_"),
    [
        ("shipment", "packages", None, "array"),
        ("shipment", "dangerous_goods", None, "array"),
        ("shipment", "un_number", "dangerous_goods", "string"),
        ("shipment", "watt_hours", "dangerous_goods", "number"),
        ("shipment", "gross_weight.value", "packages", "number"),
        ("shipment", "dimensions.unit", "packages", "string"),
        ("shipment", "packing_list.lines", None, "array"),
        ("shipment", "net_weight_kg", "packing_list.lines", "number"),
        ("shipment", "air_waybill.chargeable_weight.value", None, "number"),
        ("shipment", "dangerous_goods.section", "items", "string"),
        ("listing", "registrations.idu_fr", None, "array"),
        ("listing", "notified_body.number", "certifications", "string"),
        ("listing", "legislation", "certifications", "array"),
        ("order", "vat_collection.amount", None, "money"),
        ("order", "vat_collection.deemed_supplier", None, "boolean"),
        ("order", "personal_data.date_of_birth", None, "string"),
        ("order", "method", "consents", "string"),
    ],
)
def test_new_fields_are_known_to_rules(
    kind: str, path: str, within: str | None, type_: str
) -> None:
    found = field_type(kind, path, within)
    assert found is not None and found.type == type_


PACK = """\
pack: test.documents
title: Rules over the new document fields
version: 1.0.0
jurisdiction: global
owner: tests
sources: [{title: Test law, url: "https://example.org/law"}]
fixtures:
  shipment:
    {id: S, destination_country: DE, mode: air, items: [{description: Phone, quantity: 1}]}
  order: {id: O, items: [{quantity: 1}], shipping_address: {country: DE}}
rules:
  - id: TEST.DG.SECTION_II_OVER_100WH
    implements: [DG.LI.SECTION_II]
    title: Section II lithium-ion entry above 100 Wh
    applies_to: [shipment]
    markets: ["*"]
    severity: review
    when:
      any_item: dangerous_goods
      where:
        all:
          - {field: un_number, in: [UN3480, UN3481]}
          - {field: section, equals: II}
          - {field: watt_hours, gt: 100}
    message: A Section II battery is above 100 Wh.
    remediation: Ship it as Section I.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger:
        - document:
            dangerous_goods:
              - {line: 1, un_number: "UN 3481", section: "Section II", watt_hours: "120 Wh"}
      pass:
        - document: {dangerous_goods: [{line: 1, un_number: UN3481, section: II, watt_hours: 50}]}
  - id: TEST.PKG.SEVERAL_HEAVY
    implements: [DOC.VOLUMETRIC]
    title: Several packages, one over 30 kg
    applies_to: [shipment]
    markets: ["*"]
    severity: info
    when:
      all:
        - {field: packages, measure: count, gt: 1}
        - any_item: packages
          where: {field: gross_weight.value, gt: 30}
    message: Several packages, one heavier than 30 kg.
    remediation: Split the heavy package.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger:
        - document:
            packages:
              - {gross_weight: "31 kg"}
              - {dimensions: "40x30x20 cm", gross_weight: {value: 2, unit: kg}}
      pass:
        - document: {packages: [{gross_weight: "31 kg"}]}
  - id: TEST.GDPR.PRETICKED
    implements: [GDPR.CONSENT_PRETICKED]
    title: Marketing consent by a pre-ticked box
    applies_to: [order]
    markets: ["*"]
    severity: review
    when:
      any_item: consents
      where: {field: method, equals: checkbox_preticked}
    message: Consent was given by a pre-ticked box.
    remediation: Ask again with an unticked box.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger:
        - document: {consents: [{purpose: marketing_email, method: checkbox-preticked}]}
      pass:
        - document: {consents: [{purpose: marketing_email, method: Double Opt-In}]}
"""


def test_a_pack_can_use_the_new_nested_fields(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    library = load_library(minimal_rules({"global/documents.yaml": PACK}))
    results = run_examples(Screener(library))
    assert len(results) == 6
    assert all(r.ok for r in results), [(r.rule.id, r.detail) for r in results if not r.ok]


def test_a_misspelt_nested_field_is_caught_by_rules_validate(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    broken = PACK.replace("{field: watt_hours, gt: 100}", "{field: wat_hours, gt: 100}")
    with pytest.raises(PackErrors) as info:
        load_library(minimal_rules({"global/documents.yaml": broken}))
    assert "did you mean watt_hours" in str(info.value)


def test_a_realistic_shipment_round_trips_through_clearance_check(tmp_path: Path) -> None:
    """The detailed example shipments, as a seller's system exports them (UN 3481, 8517.13.00,
    '40 x 30 x 15 cm', per-unit values), screen without error; the power bank shipped alone by
    express is blocked through the shipment's dangerous-goods list."""
    path = tmp_path / "shipments.json"
    path.write_text((EXAMPLES / "detailed-shipments.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, ["check", str(path), "--format", "jsonl"])
    reports = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 1  # a blocking finding
    first, second = reports
    assert first["id"] == "S-4001" and first["errors"] == []
    assert first["decision"] == "block"
    # and its Form E, an ACFTA certificate, claims no preference from China into Germany
    assert sorted(f["rule_id"] for f in first["findings"]) == [
        "DG.LI.STANDALONE",
        "DOC.ORIGIN_CERT.FORM_E",
    ]
    assert second["id"] == "S-4002" and second["decision"] == "pass" and second["errors"] == []


def test_the_detailed_examples_are_valid_after_normalisation() -> None:
    expected = {
        "detailed-shipments.json": "shipment",
        "detailed-listings.jsonl": "listing",
        "detailed-orders.json": "order",
    }
    for name, kind in expected.items():
        for doc in _load(name):
            document = validate(doc)
            assert document.kind == kind
            assert document.normalised  # they show the forms people write
    first = validate(_load("detailed-shipments.json")[0])
    assert first.data["items"][0]["value"] == {"amount": 298, "currency": "EUR"}
    assert first.data["packages"][0]["dimensions"] == {
        "length": 40,
        "width": 30,
        "height": 15,
        "unit": "cm",
    }
    assert [e["un_number"] for e in first.data["dangerous_goods"]] == ["UN3481", "UN3480"]


def test_shared_types_resolve() -> None:
    assert deref({"$ref": "common.schema.json#/$defs/weight"})["required"] == ["value", "unit"]
