"""Format and check-digit validation of product, tax and customs identifiers.

Every scheme but ``kr_pccc`` is checked with python-stdnum. Values are
stripped of surrounding whitespace and the usual separators are left to each
stdnum module's ``compact()``. :func:`is_valid` never raises for a bad value,
only for an unknown scheme.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum import ean
from stdnum.au import abn
from stdnum.br import cnpj, cpf
from stdnum.cl import rut
from stdnum.cn import ric
from stdnum.eu import oss
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat
from stdnum.in_ import aadhaar, gstin, pan
from stdnum.tr import tckimlik
from stdnum.us import ein

__all__ = ["SCHEMES", "describe", "is_valid"]

_IOSS_RE = re.compile(r"IM[0-9]{10}")
_PCCC_RE = re.compile(r"P[0-9]{12}")
# Prefixes stdnum.eu.vat accepts that are not a member state's VAT prefix here:
# Greece's VAT numbers use EL (GR is the ISO code), and EU/IM are the OSS and
# IOSS schemes (IOSS has its own scheme, ``ioss``).
_EU_VAT_REJECTED_PREFIXES = ("GR", "IM")


def _eu_vat(value: str) -> bool:
    if value[:2].upper() in _EU_VAT_REJECTED_PREFIXES:
        return False
    return bool(eu_vat.is_valid(value))


def _ioss(value: str) -> bool:
    compact = oss.compact(value)
    return _IOSS_RE.fullmatch(compact) is not None and bool(oss.is_valid(compact))


def _br_cpf(value: str) -> bool:
    # The checksum accepts 111.111.111-11 and friends; the Receita Federal never
    # issues a CPF made of one repeated digit.
    return bool(cpf.is_valid(value)) and len(set(cpf.compact(value))) > 1


def _br_cnpj(value: str) -> bool:
    return bool(cnpj.is_valid(value)) and len(set(cnpj.compact(value))) > 1


def _kr_pccc(value: str) -> bool:
    return _PCCC_RE.fullmatch(value.upper()) is not None


_VALIDATORS: dict[str, tuple[Callable[[str], bool], str]] = {
    "gtin": (
        ean.is_valid,
        "GTIN/EAN/UPC (8, 12, 13 or 14 digits) with a valid GS1 check digit",
    ),
    "eu_vat": (
        _eu_vat,
        "EU VAT number: member-state prefix (EL for Greece, XI for Northern Ireland, "
        "EU for non-union OSS) plus that country's format and check digits",
    ),
    "gb_vat": (
        gb_vat.is_valid,
        "UK VAT number (GB or XI prefix optional): 9 or 12 digits with the HMRC "
        "check, or a GD/HA government or health-authority number",
    ),
    "ioss": (
        _ioss,
        "EU IOSS number: IM + 10 digits, the first 3 a member state's ISO 3166 code",
    ),
    "br_cpf": (
        _br_cpf,
        "Brazilian CPF (individual taxpayer): 11 digits, 2 check digits, not all one digit",
    ),
    "br_cnpj": (
        _br_cnpj,
        "Brazilian CNPJ (company): 14 characters, numeric or the alphanumeric format "
        "from July 2026, with 2 mod-11 check digits",
    ),
    "cn_ric": (
        ric.is_valid,
        "Chinese resident identity card number: 18 characters with birth date, "
        "region and ISO 7064 check character",
    ),
    "cl_rut": (rut.is_valid, "Chilean RUT/RUN: number plus mod-11 check digit (0-9 or K)"),
    "tr_tckn": (
        tckimlik.is_valid,
        "Turkish T.C. Kimlik No. (personal identification number): 11 digits, 2 check digits",
    ),
    "in_pan": (
        pan.is_valid,
        "Indian PAN (Permanent Account Number): 10 characters AAAAA9999A with a "
        "valid holder-type letter",
    ),
    "in_aadhaar": (
        aadhaar.is_valid,
        "Indian Aadhaar number: 12 digits, not starting with 0 or 1, with a Verhoeff check digit",
    ),
    "in_gstin": (
        gstin.is_valid,
        "Indian GSTIN (GST identification number): 15 characters, state code, the holder's "
        "PAN and a check character",
    ),
    "au_abn": (
        abn.is_valid,
        "Australian Business Number (ABN): 11 digits with the ATO modulus-89 check",
    ),
    "kr_pccc": (
        _kr_pccc,
        "Korean personal customs clearance code (PCCC): P followed by 12 digits "
        "(format only, no public check digit)",
    ),
    "us_ein": (
        ein.is_valid,
        "US Employer Identification Number: 9 digits with a known IRS campus prefix",
    ),
}

#: The identifier schemes :func:`is_valid` knows.
SCHEMES: frozenset[str] = frozenset(_VALIDATORS)


def _lookup(scheme: str) -> tuple[Callable[[str], bool], str]:
    try:
        return _VALIDATORS[scheme]
    except (KeyError, TypeError):
        known = ", ".join(sorted(SCHEMES))
        raise ValueError(f"unknown identifier scheme {scheme!r} (known: {known})") from None


def is_valid(scheme: str, value: str) -> bool:
    """Whether ``value`` is a well-formed identifier of ``scheme``, check digits included.

    Surrounding whitespace is ignored and separators are handled by the
    scheme's stdnum ``compact()``. Returns False for any bad value (including a
    non-string); raises ValueError only for an unknown scheme.
    """
    validator, _ = _lookup(scheme)
    if not isinstance(value, str):
        return False
    value = value.strip()
    if not value:
        return False
    try:
        return bool(validator(value))
    except Exception:
        return False


def describe(scheme: str) -> str:
    """One line saying what :func:`is_valid` checks for ``scheme``; ValueError if unknown."""
    _, description = _lookup(scheme)
    return description
