"""Tests for engine.identifiers: every scheme with valid and invalid examples."""

from __future__ import annotations

import pytest

from clearance.engine.identifiers import SCHEMES, describe, is_valid

VALID: dict[str, list[str]] = {
    "gtin": [
        "4006381333931",  # EAN-13
        "036000291452",  # UPC-A
        "96385074",  # EAN-8
        "10036000291459",  # GTIN-14
        " 4006381333931 ",
        "4006-3813-33931",
    ],
    "eu_vat": [
        "DE136695976",
        "de 136 695 976",
        "EL094259216",  # Greece uses EL
        "XI980780684",  # Northern Ireland
        "FR40303265045",
        "NL004495445B01",
        "ATU13585627",
        "BE0411905847",
        "IT00743110157",
        "ES54362315K",
    ],
    "gb_vat": ["GB980780684", "980780684", "GB 980 7806 84", "XI980780684"],
    "ioss": ["IM3720000224", "im 372 000 0224"],
    "br_cpf": ["390.533.447-05", "39053344705"],
    "br_cnpj": [
        "16.727.230/0001-97",
        "16727230000197",
        "12.ABC.345/01DE-35",  # alphanumeric format from July 2026
        "12ABC34501DE35",
    ],
    "cn_ric": ["360426199101010071", "11010519491231002X"],
    "cl_rut": ["76086428-5", "76.086.428-5", "12.531.909-2"],
    "tr_tckn": ["17291716060"],
    "in_pan": ["ACUPA7085R", "acupa7085r"],
    "in_aadhaar": ["234123412346", "2341 2341 2346", "499118665246"],
    "in_gstin": ["27AAPFU0939F1ZV", "27aapfu0939f1zv"],
    "au_abn": ["51824753556", "51 824 753 556", " 51824753556 "],
    "kr_pccc": ["P123456789012", " P123456789012 ", "p123456789012"],
    "us_ein": ["04-2103594", "042103594"],
}

INVALID: dict[str, list[str]] = {
    "gtin": [
        "4006381333932",  # check digit
        "3.65275E+11",  # Excel scientific notation
        "3.65275E11",
        "40063813339",  # 11 digits
        "abc",
    ],
    "eu_vat": [
        "DE136695977",  # check digit
        "GR094259216",  # Greece must be EL
        "GB980780684",  # not an EU VAT number
        "IM3720000224",  # IOSS, see the ioss scheme
        "US123456789",
        "DE13669597",
    ],
    "gb_vat": ["GB980780685", "GB12345", "DE136695976"],
    "ioss": [
        "IM9990000224",  # 999 is no member state
        "IM372000022",  # 9 digits
        "IN3720000224",  # intermediary number
        "EU372000041",  # OSS non-union number
        "IM37200002AB",
    ],
    "br_cpf": ["390.533.447-06", "111.111.111-11", "000.000.000-00", "3905334470"],
    "br_cnpj": [
        "16.727.230/0001-98",
        "12.ABC.345/01DE-36",
        "00.000.000/0000-00",
        "1672723000019",
    ],
    "cn_ric": ["360426199101010072", "360426199113010071", "36042619910101007"],
    "cl_rut": ["76086428-4", "76086428-K"],
    "tr_tckn": ["17291716061", "07291716060", "1729171606"],
    "in_pan": ["ACUPA0000R", "ACUQA7085R", "ACU1A7085R", "ACUPA7085"],
    # wrong Verhoeff digit, starts with 1, 11 digits
    "in_aadhaar": ["234123412347", "123412341234", "23412341234"],
    # wrong check character, too short, unknown state code 99
    "in_gstin": ["27AAPFU0939F1ZX", "27AAPFU0939F1Z", "99AAPFU0939F1ZV"],
    # check digits wrong, 10 digits, 12 digits
    "au_abn": ["51824753557", "5182475355", "518247535561"],
    "kr_pccc": ["P12345678901", "X123456789012", "P１２３456789012", "P1234567890123"],
    "us_ein": ["00-2103594", "04-210359", "04-21035944"],
}


def test_schemes() -> None:
    assert {
        "gtin",
        "eu_vat",
        "gb_vat",
        "ioss",
        "br_cpf",
        "br_cnpj",
        "cn_ric",
        "cl_rut",
        "tr_tckn",
        "in_pan",
        "in_aadhaar",
        "in_gstin",
        "au_abn",
        "kr_pccc",
        "us_ein",
    } == SCHEMES
    assert set(VALID) == set(INVALID) == SCHEMES


@pytest.mark.parametrize(
    ("scheme", "value"), [(s, v) for s, values in VALID.items() for v in values]
)
def test_valid(scheme: str, value: str) -> None:
    assert is_valid(scheme, value) is True


@pytest.mark.parametrize(
    ("scheme", "value"), [(s, v) for s, values in INVALID.items() for v in values]
)
def test_invalid(scheme: str, value: str) -> None:
    assert is_valid(scheme, value) is False


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("value", ["", "   ", "\x00", "ü" * 50, "-" * 20, "1" * 200])
def test_garbage_never_raises(scheme: str, value: str) -> None:
    assert is_valid(scheme, value) is False


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_non_string_value_is_invalid(scheme: str) -> None:
    assert is_valid(scheme, 4006381333931) is False  # type: ignore[arg-type]
    assert is_valid(scheme, None) is False  # type: ignore[arg-type]


def test_unknown_scheme() -> None:
    with pytest.raises(ValueError, match="unknown identifier scheme 'isbn'"):
        is_valid("isbn", "9780306406157")
    with pytest.raises(ValueError, match="unknown identifier scheme"):
        describe("isbn")


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_describe(scheme: str) -> None:
    text = describe(scheme)
    assert text
    assert "\n" not in text
