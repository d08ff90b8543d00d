"""engine.normalise and engine.canonical: the forms people write become the schema's, recorded."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.cli.inputs import read
from clearance.engine import canonical as c
from clearance.engine.documents import validate
from clearance.engine.errors import DocumentError
from clearance.engine.library import Library
from clearance.engine.normalise import Normalisation, normalise_document, source_path
from clearance.engine.schemas import load_schema

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _table(fn: Any, cases: list[tuple[Any, Any]]) -> None:
    for given_value, expected in cases:
        got = fn(given_value)
        assert got == expected and type(got) is type(expected), (given_value, got, expected)


def test_un_numbers() -> None:
    _table(
        c.un_number,
        [
            ("UN3480", "UN3480"),
            ("UN 3480", "UN3480"),
            ("un3480", "UN3480"),
            ("Un-3481", "UN3481"),
            ("3480", "UN3480"),
            (" 3090 ", "UN3090"),
            ("UN#1266", "UN1266"),
            (3480, "UN3480"),
            (1950, "UN1950"),
            ("NA1993", "NA1993"),  # a North American number is not a UN number
            ("UN 34800", "UN 34800"),
            ("348", "348"),
            (True, True),
            (0, 0),
            (None, None),
        ],
    )


def test_tariff_codes() -> None:
    _table(
        c.tariff_code,
        [
            ("8517.62.00", "85176200"),
            ("8517 62 00 00", "8517620000"),
            ("8517-62", "851762"),
            ("0901.21", "090121"),
            ("85176200", "85176200"),
            ("HS 8517.62", "HS 8517.62"),  # not only digits and separators: left for the schema
            ("8", "8"),
            (85176200, 85176200),  # a number may have lost its leading zero: not guessed
        ],
    )


def test_country_codes() -> None:
    _table(
        c.country_code,
        [
            ("DE", "DE"),
            ("de", "DE"),
            (" fr ", "FR"),
            ("DEU", "DE"),
            ("usa", "US"),
            ("Germany", "DE"),
            ("united states", "US"),
            ("South Korea", "KR"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("Northern Ireland", "XI"),
            ("xi", "XI"),
            ("el", "EL"),
            ("uk", "uk"),  # GB or Northern Ireland (XI)? ambiguous: left for the schema
            ("zz", "zz"),
            ("276", "276"),  # numeric codes are not guessed
            ("Atlantis", "Atlantis"),
            (49, 49),
        ],
    )


def test_language_tags() -> None:
    _table(
        c.language_tag,
        [
            ("de", "de"),
            ("DE", "de"),
            ("de_at", "de-AT"),
            ("en-gb", "en-GB"),
            ("zh-hant", "zh-Hant"),
            ("German", "de"),
            ("french", "fr"),
            ("deu", "de"),
            ("Klingon!", "Klingon!"),
        ],
    )


def test_weights_in_kilograms() -> None:
    _table(
        c.kilograms,
        [
            (3.5, 3.5),
            ("3.5 kg", 3.5),
            ("3,5kg", 3.5),
            ("2 KGS", 2),
            ("500 g", 0.5),
            ("7.7 lb", 3.492661),
            ("10 lbs", 4.535924),
            ("16 oz", 0.453592),
            ("3.5", "3.5"),  # a number in quotes stays an error
            ("1,000 kg", "1,000 kg"),  # a thousand or one? left alone
            ("3.5 stone", "3.5 stone"),
            ("-1 kg", "-1 kg"),
        ],
    )


def test_weights_with_their_unit() -> None:
    _table(
        c.weight,
        [
            ("2.5 kg", {"value": 2.5, "unit": "kg"}),
            ("5.5 lbs", {"value": 5.5, "unit": "lb"}),
            ("12 Pounds", {"value": 12, "unit": "lb"}),
            ("750 g", {"value": 0.75, "unit": "kg"}),
            ("8 oz", {"value": 0.5, "unit": "lb"}),
            ({"value": 2, "unit": "KG"}, {"value": 2, "unit": "kg"}),
            ({"value": 2, "unit": "kg"}, {"value": 2, "unit": "kg"}),
            (2.5, 2.5),  # no unit: the schema asks for one
            ("2.5", "2.5"),
            ({"value": "2", "unit": "kg"}, {"value": "2", "unit": "kg"}),
            ({"value": 10**400, "unit": "g"}, {"value": 10**400, "unit": "g"}),
        ],
    )


def test_dimensions() -> None:
    box = {"length": 40, "width": 30, "height": 20, "unit": "cm"}
    _table(
        c.dimensions,
        [
            ("40 x 30 x 20 cm", box),
            ("40x30x20cm", box),
            ("40 × 30 × 20 CM", box),
            ("40cm x 30cm x 20cm", box),
            ("400*300*200 mm", box),
            ("0.4 x 0.3 x 0.2 m", box),
            ("16 x 12 x 8 in", {"length": 16, "width": 12, "height": 8, "unit": "in"}),
            ('16x12x8"', {"length": 16, "width": 12, "height": 8, "unit": "in"}),
            ("15,5 x 10 x 2 cm", {"length": 15.5, "width": 10, "height": 2, "unit": "cm"}),
            ({"length": 40, "width": 30, "height": 20, "unit": "CM"}, box),
            ("40 x 30 x 20", "40 x 30 x 20"),  # no unit
            ("40 x 30 cm", "40 x 30 cm"),
        ],
    )


def test_dangerous_goods_codes() -> None:
    _table(
        c.packing_instruction,
        [
            ("PI965", "PI965"),
            ("965", "PI965"),
            (966, "PI966"),
            ("PI 967", "PI967"),
            ("P.I. 968", "PI968"),
            ("pi970", "PI970"),
            ("p 903", "P903"),
            ("Y963", "Y963"),
            ("see manual", "see manual"),
        ],
    )
    _table(
        c.dg_section,
        [
            ("II", "II"),
            ("Section II", "II"),
            ("section 2", "II"),
            (2, "II"),
            ("1A", "IA"),
            ("ia", "IA"),
            ("Section IB", "IB"),
            ("I", "I"),
            ("III", "III"),  # there is no section III: left for the schema
        ],
    )
    _table(c.packing_group, [("II", "II"), ("PG II", "II"), ("2", "II"), (3, "III"), ("ii", "II")])
    _table(
        c.dangerous_goods_class,
        [("9", "9"), (9, "9"), (2.1, "2.1"), ("Class 9", "9"), ("Division 4.3", "4.3"), ("x", "x")],
    )


def test_codes_and_schemes() -> None:
    _table(c.incoterm, [("DAP", "DAP"), ("dap", "DAP"), ("DDP Berlin", "DDP"), ("XYZ", "XYZ")])
    _table(
        c.certification_scheme,
        [
            ("CE", "CE"),
            ("ce", "CE"),
            ("UK(NI)", "UKNI"),
            ("UK NI", "UKNI"),
            ("ukca", "UKCA"),
            ("FCC ID", "FCC"),
            ("Giteki", "TELEC"),
            ("Acme Seal", "Acme Seal"),
        ],
    )
    _table(
        c.notified_body_number,
        [("NB 0123", "0123"), ("nb0197", "0197"), ("0123", "0123"), ("TÜV", "TÜV")],
    )
    _table(
        lambda v: c.number_with_unit(v, ("wh",)),
        [("99 Wh", 99), ("99.5wh", 99.5), ("99", "99"), ("99 kWh", "99 kWh"), (99, 99)],
    )


@pytest.mark.parametrize(
    ("definition", "written", "canonical"),
    [
        ("battery_chemistry", "Li-Ion", "li-ion"),
        ("battery_chemistry", "lithium ion", "li-ion"),
        ("battery_chemistry", "LiPo", "li-ion"),
        ("battery_chemistry", "Lithium Metal", "li-metal"),
        ("battery_packing", "packed with equipment", "with_equipment"),
        ("battery_packing", "Contained in equipment", "in_equipment"),
        ("origin_proof_type", "Form E", "form_e"),
        ("origin_proof_type", "EUR.1", "eur1"),
        ("origin_proof_type", "RCEP certificate of origin", "rcep"),
        ("origin_proof_type", "statement on origin", "origin_declaration"),
        ("origin_proof_type", "REX", "rex"),
        ("epr_stream", "Emballages", "packaging"),
        ("epr_stream", "DEEE", "eee"),
        ("epr_stream", "Piles et accumulateurs", "batteries"),
        ("epr_stream", "Engins de pêche", "fishing_gear"),
        ("vat_scheme", "IOSS", "ioss"),
        ("vat_scheme", "UK-VAT", "uk_vat"),
        ("vat_scheme", "import VAT at border", "import_vat"),
        ("vat_scheme", "DAP", "import_vat"),
        ("vat_collector", "marketplace as deemed supplier", "marketplace"),
        ("vat_collector", "carrier at delivery", "carrier"),
        ("vat_collector", "none", "nobody"),
        ("consent_method", "checkbox-preticked", "checkbox_preticked"),
        ("consent_method", "Double Opt-In", "double_opt_in"),
        ("consent_method", "soft-opt-in", "soft_opt_in"),
        ("consent_method", "terms-bundled", "terms_bundled"),
    ],
)
def test_enumerations(definition: str, written: str, canonical: str) -> None:
    allowed = tuple(load_schema("common")["$defs"][definition]["enum"])
    assert canonical in allowed
    assert c.enum_value(written, allowed, c.SYNONYMS.get(definition)) == canonical


def test_synonyms_only_name_members_of_their_type() -> None:
    defs = load_schema("common")["$defs"]
    for definition, synonyms in c.SYNONYMS.items():
        assert set(synonyms.values()) <= set(defs[definition]["enum"]), definition


def test_unknown_enum_values_are_left_for_the_schema() -> None:
    assert c.enum_value("telepathy", ("double_opt_in",)) == "telepathy"
    assert c.enum_value(3, ("a",)) == 3


def test_long_text_is_never_read() -> None:
    long = " " * c.MAX_TEXT + "3480"
    assert c.un_number(long) is long
    assert c.kilograms("1" + " " * 100_000 + "x") == "1" + " " * 100_000 + "x"


# -- documents -----------------------------------------------------------------------------------

RAW_SHIPMENT: dict[str, Any] = {
    "kind": "shipment",
    "id": "S-N",
    "origin_country": "china",
    "destination_country": "de",
    "mode": "Air",
    "incoterm": "dap",
    "items": [
        {
            "sku": "PH-1",
            "description": "Phone with spare power bank",
            "hs_code": "8517.13.00 00",
            "quantity": 2,
            "value": {"amount": 120.5, "currency": "EUR"},
            "value_basis": "per unit",
            "net_weight_kg": "350 g",
            "weight_basis": "per_unit",
            "dangerous_goods": [
                {"un_number": "un 3481", "packing": "contained in equipment", "section": "2"},
                {"un_number": "3480", "packing_instruction": "965", "section": "1B"},
            ],
        }
    ],
    "packages": [{"dimensions": "40x30x20 cm", "gross_weight": "2.5 kg"}],
    "air_waybill": {"number": "176-12345675", "gross_weight": "2.5 KGS"},
}


def test_a_document_is_normalised_and_every_change_recorded() -> None:
    before = copy.deepcopy(RAW_SHIPMENT)
    doc, changes = normalise_document("shipment", RAW_SHIPMENT)
    assert before == RAW_SHIPMENT  # pure: the input is not touched
    by_field = {ch.field: ch for ch in changes}
    assert by_field["$.destination_country"].to_dict() == {
        "field": "$.destination_country",
        "from": "de",
        "to": "DE",
    }
    assert by_field["$.origin_country"].after == "CN"
    assert by_field["$.items[0].hs_code"].after == "8517130000"
    assert by_field["$.mode"].after == "air"
    # per-unit value and weight become the line's: 2 x 120.5 EUR, 2 x 0.35 kg
    assert doc["items"][0]["value"] == {"amount": 241, "currency": "EUR"}
    assert by_field["$.items[0].net_weight_kg"].to_dict()["from"] == "350 g"
    assert doc["items"][0]["net_weight_kg"] == 0.7
    assert doc["items"][0]["value_basis"] == doc["items"][0]["weight_basis"] == "per_line"
    # the line's list of DG entries moved to the declaration, with the line's number
    assert "dangerous_goods" not in doc["items"][0]
    assert by_field["$.items[0].dangerous_goods"].after == [
        "$.dangerous_goods[0]",
        "$.dangerous_goods[1]",
    ]
    assert doc["dangerous_goods"] == [
        {"line": 1, "un_number": "UN3481", "packing": "in_equipment", "section": "II"},
        {"line": 1, "un_number": "UN3480", "packing_instruction": "PI965", "section": "IB"},
    ]
    assert doc["packages"][0] == {
        "dimensions": {"length": 40, "width": 30, "height": 20, "unit": "cm"},
        "gross_weight": {"value": 2.5, "unit": "kg"},
    }
    assert len(changes) == len(by_field)  # one record per field
    validate(doc)  # the normalised document is valid


def test_nothing_to_change_returns_the_same_object() -> None:
    doc, _ = normalise_document("shipment", RAW_SHIPMENT)
    again, changes = normalise_document("shipment", doc)
    assert again is doc and changes == []


def test_validate_carries_the_changes() -> None:
    document = validate(copy.deepcopy(RAW_SHIPMENT))
    assert document.markets == ("DE",)
    assert Normalisation("$.destination_country", "de", "DE") in document.normalised


def test_warnings_with_languages_move_to_warning_texts() -> None:
    raw = {
        "kind": "listing",
        "id": "L-W",
        "markets": ["fr"],
        "title": "Jouet",
        "warnings": [
            "Keep away from fire",
            {"text": "Attention. Petits éléments", "language": "FR"},
        ],
    }
    doc, changes = normalise_document("listing", raw)
    assert doc["warnings"] == ["Keep away from fire"]
    assert doc["warning_texts"] == [{"text": "Attention. Petits éléments", "language": "fr"}]
    assert [ch.field for ch in changes] == [
        "$.warnings[1]",
        "$.markets[0]",
        "$.warning_texts[0].language",
    ]
    validate(doc)


def test_error_paths_name_the_place_the_author_wrote() -> None:
    bad = copy.deepcopy(RAW_SHIPMENT)
    bad["items"][0]["dangerous_goods"][1]["section"] = "Section 3"
    with pytest.raises(DocumentError) as info:
        validate(bad)
    assert info.value.field == "$.items[0].dangerous_goods[1].section"
    changes = [Normalisation("$.items[2].dangerous_goods", [], ["$.dangerous_goods[4]"])]
    assert source_path("$.dangerous_goods[4].un_number", changes) == (
        "$.items[2].dangerous_goods[0].un_number"
    )
    assert source_path("$.dangerous_goods[40]", changes) == "$.dangerous_goods[40]"


def test_per_unit_lines_without_a_quantity_stay_per_unit() -> None:
    raw = {
        "kind": "shipment",
        "id": "S",
        "destination_country": "DE",
        "items": [{"value": {"amount": 5, "currency": "EUR"}, "value_basis": "per_unit"}],
        "packing_list": {
            "lines": [{"quantity": 3, "gross_weight_kg": 0.5, "weight_basis": "per_unit"}]
        },
    }
    doc, _ = normalise_document("shipment", raw)
    assert doc["items"][0] == raw["items"][0]
    assert doc["packing_list"]["lines"][0] == {
        "quantity": 3,
        "gross_weight_kg": 1.5,
        "weight_basis": "per_line",
    }


def _bundled_documents(library: Library) -> list[dict[str, Any]]:
    """The examples that existed before normalisation (the detailed-* ones show raw forms on
    purpose), the bundled packs' fixtures merged with every rule example."""
    docs: list[dict[str, Any]] = []
    for name in ("listings.jsonl", "orders.json", "shipments.csv"):
        docs.extend(record.data for record in read(EXAMPLES / name))
    for rule in library.rules.values():
        docs.extend(dict(ex.document, kind=ex.kind) for ex in rule.examples)
    return docs


def test_documents_valid_before_are_left_exactly_as_they_were(library: Library) -> None:
    """Every bundled example and rule example is already canonical: nothing changes, so every
    document valid before this module screens the same."""
    docs = _bundled_documents(library)
    assert len(docs) > 50
    for doc in docs:
        out, changes = normalise_document(doc["kind"], doc)
        # two additions, nothing else changes: concentrations written into declared chemicals
        # ("cadmium 0.009 %") are read into attributes.substances (engine/substances.py), and
        # shipments with packages or an air waybill, and listings with a title or keywords, gain
        # computed figures (derived)
        derived = [c for c in changes if c.field.startswith("$.attributes.substances[")]
        if derived:
            attributes = {k: v for k, v in out["attributes"].items() if k != "substances"}
            out = {**{k: v for k, v in out.items() if k != "derived"}, "attributes": attributes}
            assert out == doc and "substances" not in doc["attributes"], doc.get("id")
            assert "derived" not in doc, doc.get("id")
            continue
        same = {k: v for k, v in out.items() if k != "derived"} == doc and "derived" not in doc
        assert (out is doc or same) and changes == [], (doc.get("id"), changes)


def _property_names() -> list[str]:
    names: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for name in ("common", "listing", "order", "shipment"):
        visit(load_schema(name))
    return sorted(names)


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["UN 3480", "2.5 kg", "40x30x20 cm", "de", "per_unit", "Section II", "1,5"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_property_names()), inner, max_size=5)
    ),
    max_leaves=30,
)


@given(
    kind=st.sampled_from(["listing", "order", "shipment"]),
    doc=st.dictionaries(st.sampled_from(_property_names()), json_values, max_size=8),
)
def test_any_json_is_normalised_without_raising(kind: str, doc: dict[str, Any]) -> None:
    before = copy.deepcopy(doc)
    out, changes = normalise_document(kind, doc)
    assert doc == before
    json.dumps([out, [ch.to_dict() for ch in changes]])  # stays JSON
