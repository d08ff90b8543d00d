"""The Indian identifier schemes added for courier KYC (ID.IN.KYC): Aadhaar and GSTIN."""

from __future__ import annotations

import pytest

from clearance.engine.identifiers import SCHEMES, describe, is_valid


def test_indian_schemes_are_known() -> None:
    assert {"in_pan", "in_aadhaar", "in_gstin"} <= SCHEMES
    assert "Verhoeff" in describe("in_aadhaar")
    assert "PAN" in describe("in_gstin")


@pytest.mark.parametrize("value", ["234123412346", "2341 2341 2346", "2341-2341-2346"])
def test_aadhaar_valid(value: str) -> None:
    assert is_valid("in_aadhaar", value)


@pytest.mark.parametrize(
    "value",
    [
        "234123412347",  # Verhoeff check digit wrong
        "034123412346",  # cannot start with 0
        "123412341234",  # cannot start with 1
        "2341234123",  # too short
        "ACUPA7085R",  # a PAN is not an Aadhaar number
    ],
)
def test_aadhaar_invalid(value: str) -> None:
    assert not is_valid("in_aadhaar", value)


def test_gstin_valid_and_invalid() -> None:
    assert is_valid("in_gstin", "27AAPFU0939F1ZV")
    assert not is_valid("in_gstin", "27AAPFU0939F1ZX")  # check character
    assert not is_valid("in_gstin", "ACUPA7085R")  # a PAN alone is not a GSTIN
