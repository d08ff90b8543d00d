"""Canonical forms of the values documents carry, read from the forms people write.

Each function takes one value and returns its canonical form, or the value itself when it cannot
read it (schema validation then names it). They are pure and cheap on values already canonical;
:mod:`clearance.engine.normalise` applies them across a document.

Weights and lengths are converted with exact factors (the international avoirdupois pound is
0.45359237 kg and the inch 2.54 cm by definition); a unit library would add a dependency for six
numbers. Country and language names are read with pycountry (ISO 3166 and ISO 639 data).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

__all__ = [
    "INCOTERMS",
    "MAX_TEXT",
    "SYNONYMS",
    "certification_scheme",
    "country_code",
    "dangerous_goods_class",
    "dg_section",
    "dimensions",
    "enum_value",
    "incoterm",
    "kilograms",
    "language_tag",
    "notified_body_number",
    "number_with_unit",
    "packing_group",
    "packing_instruction",
    "tariff_code",
    "tidy",
    "un_number",
    "weight",
]

MAX_TEXT = 200
"""Longer text is never read: every value read here is short, and the limit bounds the work."""


# -- reading numbers and units ------------------------------------------------------------------

_NUMBER = r"(\d+(?:[.,]\d+)?|\.\d+)"
_QUANTITY = re.compile(rf"^\s*{_NUMBER}\s*([^\d\s.,][^\d]*?)?\s*$")

KG_PER = {"kg": 1.0, "g": 0.001, "lb": 0.45359237, "oz": 0.028349523125}
"""Exact factors: the international avoirdupois pound is 0.45359237 kg by definition."""
CM_PER = {"cm": 1.0, "mm": 0.1, "m": 100.0, "in": 2.54}
_WEIGHT_UNITS = {
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilogramme": "kg", "kilogrammes": "kg",
    "g": "g", "gr": "g", "grs": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g",
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb",
    "oz": "oz", "ounce": "oz", "ounces": "oz",
}  # fmt: skip
_LENGTH_UNITS = {
    "cm": "cm", "cms": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm",
    "centimeters": "cm", "mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm",
    "millimeters": "mm", "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "in": "in", "inch": "in", "inches": "in", '"': "in", "''": "in",
}  # fmt: skip


def _decimal(text: str) -> float | None:
    """A decimal number with a point, or with one decimal comma (``2,5``); None when ambiguous.

    ``1,000`` could be a thousand or one, so a comma followed by exactly three digits is refused.
    """
    if "," in text:
        if "." in text or text.count(",") != 1 or len(text.split(",")[1]) == 3:
            return None
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _quantity(value: str) -> tuple[float, str] | None:
    """``"2.5 kg"`` -> ``(2.5, "kg")``; the unit is lower-cased and may be empty."""
    match = _QUANTITY.match(value)
    if not match:
        return None
    number = _decimal(match.group(1))
    if number is None:
        return None
    return number, (match.group(2) or "").strip().lower().rstrip(".")


def tidy(number: float) -> float | int | None:
    """Round away binary noise (0.35 * 10 = 3.5000000000000004) and keep whole numbers whole;
    None for a number too large to be a measurement."""
    try:
        rounded = round(float(number), 6)
    except OverflowError:
        return None
    if not math.isfinite(rounded) or abs(rounded) > 1e15:
        return None
    return int(rounded) if rounded.is_integer() else rounded


def number_with_unit(value: Any, units: tuple[str, ...]) -> Any:
    """A number written with its unit, as a number: ``"37 Wh"`` -> 37 when ``units`` is
    ``("wh",)``, ``"30%"`` -> 30 when it is ``("%",)``. A string without one of ``units`` (even
    ``"37"``) and anything else come back unchanged: plain numbers in quotes stay errors."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    read = _quantity(value)
    if read is None or read[1] not in units:
        return value
    number = tidy(read[0])
    return value if number is None else number


def kilograms(value: Any) -> Any:
    """A weight in kg: ``"3.5 kg"`` -> 3.5, ``"7.7 lb"`` -> 3.492661, ``"500 g"`` -> 0.5.
    Numbers, strings without a unit and unreadable values come back unchanged."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    read = _quantity(value)
    if read is None:
        return value
    number, unit = read
    canonical = _WEIGHT_UNITS.get(unit)
    kg = tidy(number * KG_PER[canonical]) if canonical else None
    return value if kg is None else kg


def _figure(value: Any) -> float | None:
    """A JSON number as a float, or None (not a number, a boolean, or too large to measure)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    number = tidy(value)
    return None if number is None else float(number)


def weight(value: Any) -> Any:
    """A weight as ``{value, unit}`` with unit kg or lb: ``"5.5 lbs"`` -> ``{5.5, lb}``; grams
    become kg and ounces lb. A bare number (no unit) comes back unchanged."""
    number: float | None
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        read = _quantity(value)
        if read is None or not read[1]:
            return value
        number, unit = read
    elif isinstance(value, dict) and set(value) == {"value", "unit"}:
        number = _figure(value["value"])
        unit = value["unit"].strip().lower() if isinstance(value["unit"], str) else ""
    else:
        return value
    canonical = _WEIGHT_UNITS.get(unit)
    if canonical is None or number is None:
        return value
    if canonical == "g":
        number, canonical = number / 1000, "kg"
    elif canonical == "oz":
        number, canonical = number / 16, "lb"
    figure = tidy(number)
    if figure is None:
        return value
    out = {"value": figure, "unit": canonical}
    return value if out == value else out


_DIMENSIONS = re.compile(
    rf"^\s*{_NUMBER}\s*(?:[a-z]+\s*)?[x×*]\s*{_NUMBER}\s*(?:[a-z]+\s*)?[x×*]\s*{_NUMBER}\s*"
    r"([a-z\"']*)\.?\s*$",
    re.IGNORECASE,
)


def dimensions(value: Any) -> Any:
    """Dimensions as ``{length, width, height, unit}`` with unit cm or in: ``"40 x 30 x 20 cm"``,
    ``"40×30×20cm"``, ``"16*12*8 in"``; millimetres and metres become cm."""
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        match = _DIMENSIONS.match(value)
        if not match:
            return value
        numbers = [_decimal(match.group(i)) for i in (1, 2, 3)]
        unit = match.group(4).lower()
    elif isinstance(value, dict) and set(value) == {"length", "width", "height", "unit"}:
        numbers = [_figure(value[k]) for k in ("length", "width", "height")]
        unit = value["unit"].strip().lower() if isinstance(value["unit"], str) else ""
    else:
        return value
    canonical = _LENGTH_UNITS.get(unit)
    if canonical is None:
        return value
    factor = 1.0
    if canonical in ("mm", "m"):
        factor, canonical = CM_PER[canonical], "cm"
    sides = [tidy(n * factor) if n is not None else None for n in numbers]
    if None in sides:
        return value
    out = {"length": sides[0], "width": sides[1], "height": sides[2], "unit": canonical}
    return value if out == value else out


# -- identifiers and codes ----------------------------------------------------------------------

_UN = re.compile(r"^\s*(?:UN)?[\s\-.:#]*(\d{4})\s*$", re.IGNORECASE)


def un_number(value: Any) -> Any:
    """``"UN 3480"``, ``"un3480"``, ``"UN-3480"``, ``"3480"`` and ``3480`` -> ``"UN3480"``.

    North American ``NA`` numbers are not UN numbers and are left alone.
    """
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 9999:
        return f"UN{value:04d}"
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    match = _UN.match(value)
    return f"UN{match.group(1)}" if match else value


_TARIFF = re.compile(r"^\s*\d[\d.\s\-]*\d\s*$")
_NON_DIGITS = re.compile(r"\D")


def tariff_code(value: Any) -> Any:
    """``"8517.62.00"`` and ``"8517 62 00 00"`` -> digits only.

    A number is left alone (and fails the schema): a spreadsheet that stored ``0901.21`` as a
    number has already lost its leading zero, and guessing it back would be wrong.
    """
    if (
        not isinstance(value, str)
        or len(value) > MAX_TEXT
        or value.isdigit()
        or not _TARIFF.match(value)
    ):
        return value
    digits = _NON_DIGITS.sub("", value)
    return digits if 2 <= len(digits) <= 14 else value


_ALPHA2 = re.compile(r"^[A-Z]{2}$")
_EXTRA_COUNTRIES = frozenset({"XI", "EL"})
"""Codes that are not ISO 3166-1 but that VAT and customs use: Northern Ireland, Greece (VAT)."""
_COUNTRY_NAMES = {
    "turkey": "TR", "russia": "RU", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "XI", "south korea": "KR", "republic of korea": "KR",
    "north korea": "KP", "vietnam": "VN", "iran": "IR", "syria": "SY", "laos": "LA",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "holland": "NL",
    "czech republic": "CZ", "ivory coast": "CI", "macedonia": "MK", "the netherlands": "NL",
    "uae": "AE", "usa": "US", "u.s.a.": "US", "u.s.": "US", "america": "US", "prc": "CN",
    "mainland china": "CN", "hong kong sar": "HK", "macau": "MO",
}  # fmt: skip
"""Names people use that ISO does not (ISO has "Türkiye", "Korea, Republic of"). "UK" is not
here: it may mean Great Britain (GB) or include Northern Ireland (XI), which rules treat apart."""


@cache
def _iso_alpha2() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


@lru_cache(maxsize=1024)
def _country_lookup(text: str) -> str | None:
    import pycountry

    lowered = text.lower()
    if lowered in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[lowered]
    if len(text) == 3 and text.isalpha():
        found = pycountry.countries.get(alpha_3=text.upper())
        return str(found.alpha_2) if found else None
    if not 4 <= len(text) <= 60 or not re.search(r"[A-Za-z]", text):
        return None  # numeric codes, stray letters and long text are not guessed
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


def country_code(value: Any) -> Any:
    """An ISO 3166-1 alpha-2 code: ``"de"`` -> ``"DE"``, ``"DEU"`` -> ``"DE"``, ``"Germany"`` ->
    ``"DE"``, ``"Northern Ireland"`` -> ``"XI"``. Unknown or ambiguous text is left alone."""
    if not isinstance(value, str) or len(value) > MAX_TEXT or _ALPHA2.match(value):
        return value
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        upper = text.upper()
        return upper if upper in _iso_alpha2() or upper in _EXTRA_COUNTRIES else value
    found = _country_lookup(text)
    return found if found else value


_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2}|-[A-Z][a-z]{3}|-\d{3})?$")
_SHORTEST_LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Z]{2}|-[A-Z][a-z]{3}|-\d{3})?$")


@lru_cache(maxsize=1024)
def _language_lookup(text: str) -> str | None:
    import pycountry

    if len(text) == 3:
        found = pycountry.languages.get(alpha_3=text.lower())
        return str(found.alpha_2) if found is not None and hasattr(found, "alpha_2") else None
    if not 4 <= len(text) <= 60:
        return None
    try:
        found = pycountry.languages.lookup(text)
    except LookupError:
        return None
    return str(found.alpha_2) if hasattr(found, "alpha_2") else None


def language_tag(value: Any) -> Any:
    """A BCP 47 tag: ``"DE"`` -> ``"de"``, ``"de_at"`` -> ``"de-AT"``, ``"German"`` and
    ``"deu"`` -> ``"de"``."""
    if not isinstance(value, str) or len(value) > MAX_TEXT or _SHORTEST_LANGUAGE.match(value):
        return value
    parts = value.strip().replace("_", "-").split("-")
    primary = parts[0]
    if len(primary) == 2 and primary.isalpha():
        primary = primary.lower()
    elif len(primary) == 3 and primary.isalpha():  # ISO 639-2/3: the 2-letter code if there is one
        primary = _language_lookup(primary) or primary.lower()
    else:
        found = _language_lookup(primary) if len(parts) == 1 else None
        if found is None:
            return value
        primary = found
    rest = []
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            rest.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            rest.append(part.title())
        else:
            rest.append(part)
    tag = "-".join([primary, *rest])
    return tag if _LANGUAGE.match(tag) else value


_PI = re.compile(r"^(?:PI|P\.I\.|P\.I|PACKING INSTRUCTION)?[\s\-.:#]*(\d{3})$", re.IGNORECASE)
_OTHER_PI = re.compile(r"^[A-Z]{1,3}\d{3}[A-Z]?$")


def packing_instruction(value: Any) -> Any:
    """``"965"``, ``965``, ``"PI 965"``, ``"P.I. 965"`` -> ``"PI965"``; ``"p 903"`` -> ``P903``."""
    if isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 999:
        return f"PI{value}"
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    text = value.strip()
    match = _PI.match(text)
    if match:
        return f"PI{match.group(1)}"
    compact = re.sub(r"[\s.\-]", "", text).upper()
    return compact if _OTHER_PI.match(compact) and compact != value else value


_ROMAN = {"1": "I", "2": "II", "3": "III", "I": "I", "II": "II", "III": "III"}


def dg_section(value: Any) -> Any:
    """Section of a lithium-battery packing instruction: ``"1A"``, ``"Section IA"`` -> ``"IA"``;
    ``"section 2"``, ``2`` -> ``"II"``."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    text = re.sub(r"^\s*(section|sect\.?|sec\.?)\s*", "", value, flags=re.IGNORECASE)
    text = re.sub(r"[\s\-]", "", text).upper()
    match = re.match(r"^(1|I)([AB])?$|^(2|II)$", text)
    if not match:
        return value
    if match.group(3):
        return "II"
    return "I" + (match.group(2) or "")


def packing_group(value: Any) -> Any:
    """UN packing group: ``"PG II"``, ``"2"``, ``2``, ``"ii"`` -> ``"II"``."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    text = re.sub(r"^\s*(pg|p\.g\.|packing group)\s*", "", value, flags=re.IGNORECASE)
    return _ROMAN.get(text.strip().upper(), value)


_DG_CLASS = re.compile(
    r"^\s*(?:class|cl\.?|division|div\.?)?\s*(\d(?:\.\d[A-G]?)?)\s*$", re.IGNORECASE
)


def dangerous_goods_class(value: Any) -> Any:
    """Hazard class or division as text: ``9`` -> ``"9"``, ``2.1`` -> ``"2.1"``,
    ``"Class 9"`` -> ``"9"``, ``"Division 4.3"`` -> ``"4.3"``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    match = _DG_CLASS.match(value)
    return match.group(1).upper() if match else value


INCOTERMS = frozenset(
    {"EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF", "DAT", "DDU"}
)
"""Incoterms 2020 rules, plus DAT and DDU from earlier editions that documents still show."""


def incoterm(value: Any) -> Any:
    """``"dap"`` -> ``"DAP"``; ``"DAP Berlin"`` (with the named place) -> ``"DAP"``."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    match = re.match(r"^\s*([A-Za-z]{3})\b", value)
    if not match or match.group(1).upper() not in INCOTERMS:
        return value
    return match.group(1).upper()


_SCHEMES = {
    "CE": "CE", "UKCA": "UKCA", "UKNI": "UKNI", "FCC": "FCC", "FCCID": "FCC", "FCCSDOC": "FCC",
    "CPC": "CPC", "KC": "KC", "KCC": "KC", "PSE": "PSE", "CCC": "CCC", "RCM": "RCM",
    "BIS": "BIS", "TELEC": "TELEC", "GITEKI": "TELEC", "SASO": "SASO", "ICES": "ICES",
    "ISED": "ISED", "UL": "UL", "ETL": "ETL", "EAC": "EAC", "NOM": "NOM", "INMETRO": "INMETRO",
}  # fmt: skip


def certification_scheme(value: Any) -> Any:
    """A certification scheme in its usual spelling: ``"ce"`` -> ``"CE"``, ``"UK(NI)"`` ->
    ``"UKNI"``, ``"FCC ID"`` -> ``"FCC"``. Unknown schemes are left alone."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    compact = re.sub(r"[\s().\-_/]", "", value).upper()
    return _SCHEMES.get(compact, value)


_NB = re.compile(r"^\s*(?:NB|N\.B\.|notified body)\s*(?:no\.?|number)?\s*(\d{4})\s*$", re.I)


def notified_body_number(value: Any) -> Any:
    """``"NB 0123"`` -> ``"0123"``; other numbers are left alone."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return value
    match = _NB.match(value)
    return match.group(1) if match else value


# -- enumerations -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case, accents and punctuation off: ``"Li-Ion"`` -> ``"li_ion"``, ``"EUR.1"`` ->
    ``"eur_1"``, ``"Pêche"`` -> ``"peche"``."""
    stripped = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "_", stripped.lower()).strip("_")


SYNONYMS: dict[str, dict[str, str]] = {
    "battery_chemistry": {
        "lithium_ion": "li-ion", "liion": "li-ion", "lipo": "li-ion", "li_po": "li-ion",
        "li_polymer": "li-ion", "lithium_polymer": "li-ion", "lithium_ion_polymer": "li-ion",
        "lithium_metal": "li-metal", "limetal": "li-metal", "lithium": "li-metal",
        "sodium_ion": "na-ion", "ni_mh": "nimh", "nickel_metal_hydride": "nimh", "ni_cd": "nicd",
        "nickel_cadmium": "nicd", "lead": "lead-acid", "sla": "lead-acid",
    },
    "battery_packing": {
        "packed_with_equipment": "with_equipment", "with_device": "with_equipment",
        "contained_in_equipment": "in_equipment", "inside_equipment": "in_equipment",
        "in_device": "in_equipment", "installed": "in_equipment", "built_in": "in_equipment",
        "standalone": "alone", "stand_alone": "alone", "loose": "alone", "battery_only": "alone",
    },
    "origin_proof_type": {
        "certificate_of_origin_form_e": "form_e", "co_form_e": "form_e", "acfta": "form_e",
        "acfta_form_e": "form_e", "rcep_certificate": "rcep", "rcep_co": "rcep",
        "rcep_certificate_of_origin": "rcep", "form_rcep": "rcep", "gsp_form_a": "form_a",
        "eur_1": "eur1", "eur_1_certificate": "eur1", "movement_certificate_eur_1": "eur1",
        "eur_med": "eur_med", "statement_on_origin": "origin_declaration",
        "origin_statement": "origin_declaration", "invoice_declaration": "origin_declaration",
        "declaration_of_origin": "origin_declaration", "rex_statement": "rex",
        "statement_on_origin_rex": "rex", "rex_statement_on_origin": "rex",
        "approved_exporter_declaration": "approved_exporter", "usmca": "cusma", "t_mec": "cusma",
        "usmca_certification": "cusma", "cusma_certification": "cusma",
        "chamber_certificate": "non_preferential", "non_preferential_certificate_of_origin":
        "non_preferential", "non_preferential_origin": "non_preferential",
    },
    "epr_stream": {
        "emballages": "packaging", "emballages_menagers": "packaging", "emb": "packaging",
        "deee": "eee", "weee": "eee", "electrical": "eee", "equipements_electriques": "eee",
        "piles": "batteries", "piles_et_accumulateurs": "batteries", "pa": "batteries",
        "battery": "batteries", "ameublement": "furniture", "dea": "furniture",
        "elements_d_ameublement": "furniture", "tlc": "textiles", "textile": "textiles",
        "textiles_linge_chaussures": "textiles", "jouets": "toys", "toy": "toys",
        "jou": "toys", "asl": "sports_leisure", "articles_de_sport_et_de_loisirs":
        "sports_leisure", "sport": "sports_leisure", "abj": "diy_garden",
        "articles_de_bricolage_et_de_jardin": "diy_garden", "bricolage": "diy_garden",
        "pneumatiques": "tyres", "pneus": "tyres", "tires": "tyres", "papiers": "paper",
        "papiers_graphiques": "paper", "dds": "chemicals", "dasri": "medical_sharps",
        "vhu": "vehicles", "pmcb": "building", "tabac": "tobacco",
        "produits_du_tabac": "tobacco", "engins_de_peche": "fishing_gear", "huiles": "oils",
        "huiles_minerales": "oils",
    },
    "vat_scheme": {
        "import_one_stop_shop": "ioss", "one_stop_shop": "oss", "union_oss": "oss",
        "non_union_oss": "oss", "ukvat": "uk_vat", "uk_vat_at_sale": "uk_vat",
        "import_vat_at_border": "import_vat", "import_vat_at_the_border": "import_vat",
        "vat_at_border": "import_vat", "dap": "import_vat", "ddu": "import_vat",
        "vat_at_import": "import_vat", "reverse": "reverse_charge",
        "b2b_reverse_charge": "reverse_charge", "local_vat": "domestic", "no_vat": "none",
        "not_charged": "none", "marketplace_facilitator": "marketplace",
    },
    "vat_collector": {
        "deemed_supplier": "marketplace", "marketplace_as_deemed_supplier": "marketplace",
        "marketplace_deemed_supplier": "marketplace", "platform": "marketplace",
        "omp": "marketplace", "online_marketplace": "marketplace",
        "carrier_at_delivery": "carrier", "courier": "carrier", "postal_operator": "carrier",
        "customer": "buyer", "recipient": "buyer", "consignee": "buyer", "none": "nobody",
        "no_one": "nobody", "noone": "nobody", "not_collected": "nobody",
    },
    "consent_method": {
        "pre_ticked": "checkbox_preticked", "preticked": "checkbox_preticked",
        "checkbox_pre_ticked": "checkbox_preticked", "pre_ticked_checkbox": "checkbox_preticked",
        "prechecked": "checkbox_preticked", "pre_checked": "checkbox_preticked",
        "unticked": "checkbox_unticked", "checkbox_un_ticked": "checkbox_unticked",
        "opt_in_checkbox": "checkbox_unticked", "unchecked": "checkbox_unticked",
        "doi": "double_opt_in", "confirmed_opt_in": "double_opt_in",
        "double_optin": "double_opt_in", "soft_optin": "soft_opt_in",
        "softoptin": "soft_opt_in", "bundled": "terms_bundled",
        "terms": "terms_bundled", "terms_and_conditions": "terms_bundled",
        "bundled_with_terms": "terms_bundled",
    },
}  # fmt: skip
"""Synonyms per enumeration type of common.schema.json, by folded spelling."""


def enum_value(
    value: Any, allowed: tuple[str, ...], synonyms: Mapping[str, str] | None = None
) -> Any:
    """The member of ``allowed`` that ``value`` spells loosely (case, hyphens, spaces, accents),
    or that a synonym names; ``value`` unchanged when none does."""
    if not isinstance(value, str) or len(value) > MAX_TEXT or value in allowed:
        return value
    folded = _fold(value)
    for member in allowed:
        if _fold(member) == folded:
            return member
    found = (synonyms or {}).get(folded)
    return found if found in allowed else value
