"""Write the labelled evaluation set (bench/eval/cases/*.yaml) from the law briefs.

    python bench/eval/build_cases.py

Every case is a compliant base document (bases.py) with at most one change. A `violation`
case breaks exactly one row of rules/law/rows.yaml; a `clean` case is a near miss of a row (a
value just under its threshold, the day before it applies, a plain word containing a banned
one, the required mark or number present, a factual phrase with a claim word). The `why` of
each case cites the brief's row and the law it names. Nothing here was written from the rule
packs or their feature files.
"""

from __future__ import annotations

import copy
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bases import (
    CONSIGNEE_ID,
    DELETE,
    IDU_FR,
    IOSS_SELLER,
    SELLER_DE,
    cn_ric,
    cpf,
    edit,
    listing,
    order,
    person,
    rut,
    shipment,
    tckn,
)

CASES: dict[str, list[dict[str, Any]]] = defaultdict(list)

# Rows whose brief entry states the severity (block / review / warn); for the others the
# minimum severity is not clear from the law and cases carry none.
STATED_SEVERITY = {
    "EU.CE.FAMILY_MAP",
    "EU.CE.ROHS",
    "AU.VAPE.PHARMACY",
    "JP.PSE.MARK",
    "JP.RADIO.GITEKI",
    "IN.BIS.CRS",
    "KR.KC.SAFETY",
    "AU.RCM.EESS",
    "SA.SABER",
    "DG.LI.STANDALONE",
    "US.FCC.COVERED_LIST",
    "UK.UKCA.CE_RECOGNITION",
    "EU.DRONE.CLASS",
    "LASER.DEST",
    "CBD.EU_UK",
    "US.OFAC.EMBARGO",
    "EU.REACH.79_PFHXA",
    "EU.REACH.27_NICKEL",
    "UK.KNIFE.PROHIBITED",
    "VAPE.DEST_BANS",
    "EU.REACH.63_LEAD_PVC",
}
_group = "misc"


def group(name: str) -> None:
    global _group
    _group = name


def _markets(doc: dict[str, Any]) -> list[str]:
    if doc["kind"] == "listing":
        return list(doc["markets"])
    if doc["kind"] == "order":
        return [doc["shipping_address"]["country"]]
    return [doc["destination_country"]]


def _strip(node: Any) -> Any:
    """The document without DELETE markers left inside values given whole."""
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if v is not DELETE}
    if isinstance(node, list):
        return [_strip(v) for v in node if v is not DELETE]
    return node


def _add(
    cid: str, doc: dict[str, Any], label: str, rows: list[str] | str, why: str, severity: str | None
) -> None:
    rows = [rows] if isinstance(rows, str) else rows
    doc = _strip(doc)
    doc["id"] = cid
    case: dict[str, Any] = {
        "id": cid,
        "kind": doc["kind"],
        "markets": _markets(doc),
        "as_of": doc["date"],
        "label": label,
        "rows": rows,
    }
    if severity and rows[0] in STATED_SEVERITY:
        case["min_severity"] = severity
    case["why"] = why
    case["document"] = doc
    CASES[_group].append(case)


def V(
    cid: str, doc: dict[str, Any], rows: list[str] | str, why: str, severity: str | None = None
) -> None:
    """A document that breaks exactly ``rows`` (one law row) and nothing else."""
    _add(cid, doc, "violation", rows, why, severity)


def C(cid: str, doc: dict[str, Any], rows: list[str] | str, why: str) -> None:
    """A clean document that is a near miss of ``rows``."""
    _add(cid, doc, "clean", rows, why, None)


def add_text(doc: dict[str, Any], text: str, field: str = "description") -> dict[str, Any]:
    out = edit(doc)
    out[field] = (out.get(field) or "") + " " + text
    return out


def title(doc: dict[str, Any], text: str) -> dict[str, Any]:
    return edit(doc, title=text)


EU_MARKETS = ["DE", "FR", "IT", "NL", "ES", "PL", "SE", "XI"]

# ============================================================================================
group("product-safety")
# GPSR Art. 19 (regulations.md section 1), from 13 Dec 2024.
for m in EU_MARKETS:
    base = listing("speaker", m)
    V(
        f"gpsr19a-no-manufacturer-email-{m}",
        edit(base, manufacturer__email=DELETE),
        "EU.GPSR.19A.MANUFACTURER",
        "GPSR Art. 19(a): the offer lacks the manufacturer's electronic address.",
        "review",
    )
    V(
        f"gpsr19b-no-rp-{m}",
        edit(base, eu_responsible_person=DELETE),
        "EU.GPSR.19B.EU_RP",
        "GPSR Art. 19(b): manufacturer in China and no EU responsible person named.",
        "review",
    )
    C(
        f"gpsr19b-eu-manufacturer-no-rp-{m}",
        listing("pot", m),
        "EU.GPSR.19B.EU_RP",
        "GPSR Art. 19(b) only needs an RP when the manufacturer is outside the EU; this one is in "
        "Germany.",
    )
for m in ["DE", "FR", "IT", "NL"]:
    base = listing("speaker", m)
    V(
        f"gpsr19a-no-manufacturer-address-{m}",
        edit(
            base,
            manufacturer__address=DELETE,
            manufacturer__city=DELETE,
            manufacturer__postal_code=DELETE,
        ),
        "EU.GPSR.19A.MANUFACTURER",
        "GPSR Art. 19(a): the manufacturer's postal address is missing (only name, country and "
        "email).",
        "review",
    )
    C(
        f"gpsr19a-trade-name-only-{m}",
        edit(base, manufacturer__name=DELETE),
        "EU.GPSR.19A.MANUFACTURER",
        "GPSR Art. 19(a) accepts the trade name or trademark ('Lumen') with postal and electronic "
        "address.",
    )
    V(
        f"gpsr19b-rp-outside-eu-{m}",
        edit(
            base,
            eu_responsible_person__country="GB",
            eu_responsible_person__city="London",
            eu_responsible_person__address="1 Fleet Street",
            eu_responsible_person__postal_code="EC4Y 1AA",
        ),
        "EU.GPSR.19B.EU_RP",
        "GPSR Art. 19(b)/16: the responsible person's address must be in the EU27; London is not.",
        "review",
    )
    C(
        f"gpsr19b-rp-in-ireland-{m}",
        edit(
            base,
            eu_responsible_person__country="IE",
            eu_responsible_person__city="Dublin",
            eu_responsible_person__address="2 Grand Canal Square",
            eu_responsible_person__postal_code="D02 A342",
        ),
        "EU.GPSR.19B.EU_RP",
        "GPSR Art. 16: Ireland is in the EU27, so an RP there is valid.",
    )
    V(
        f"gpsr19c-no-picture-{m}",
        edit(base, images=DELETE),
        "EU.GPSR.19C.PRODUCT_ID",
        "GPSR Art. 19(c): the offer has no picture of the product.",
        "review",
    )
    V(
        f"gpsr19c-no-model-{m}",
        edit(base, model=DELETE),
        "EU.GPSR.19C.PRODUCT_ID",
        "GPSR Art. 19(c): no type or model designation.",
        "review",
    )
    C(
        f"gpsr19c-batch-instead-of-gtin-{m}",
        edit(base, gtin=DELETE, batch="B2026-10-A"),
        "EU.GPSR.19C.PRODUCT_ID",
        "GPSR Art. 19(c): a batch number is an 'other identifier' just like a GTIN.",
    )
    V(
        f"gpsr19c-no-identifier-{m}",
        edit(base, gtin=DELETE),
        "EU.GPSR.19C.PRODUCT_ID",
        "GPSR Art. 19(c): no GTIN, batch or serial number besides the model.",
        "review",
    )
C(
    "gpsr-day-before-application-de",
    edit(listing("speaker", "DE", "2024-12-12"), manufacturer__email=DELETE),
    "EU.GPSR.19A.MANUFACTURER",
    "GPSR applies from 13 Dec 2024; the listing went live the day before.",
)
V(
    "gpsr-first-day-application-de",
    edit(listing("speaker", "DE", "2024-12-13"), manufacturer__email=DELETE),
    "EU.GPSR.19A.MANUFACTURER",
    "GPSR Art. 19(a) applies from 13 Dec 2024 with no transition.",
    "review",
)
C(
    "gpsr-gb-outside-scope",
    edit(listing("speaker", "GB"), eu_responsible_person=DELETE),
    "EU.GPSR.19B.EU_RP",
    "Great Britain is outside the GPSR (brief section 1): no EU RP needed.",
)
for m in ["DE", "FR", "IT"]:
    base = listing("toy", m)
    V(
        f"gpsr19d-warning-wrong-language-{m}",
        edit(
            base,
            warning_texts=[
                {
                    "text": "Warning: Not suitable for children under 36 months. "
                    "Small parts. Choking hazard.",
                    "language": "en",
                }
            ],
        ),
        "EU.GPSR.19D.WARNINGS",
        "GPSR Art. 19(d): the required toy warning is given only in English, not in a language "
        "of the destination country.",
        "review",
    )
    C(
        f"gpsr19d-warning-local-language-{m}",
        base,
        "EU.GPSR.19D.WARNINGS",
        "GPSR Art. 19(d): the toy warning is in the destination's language.",
    )

# Toys (regulations-2.md section 1, TSD Art. 11(2), Annex V)
for m in ["DE", "FR", "NL", "ES"]:
    base = listing("toy", m)
    V(
        f"toy-no-ce-{m}",
        edit(base, certifications=[]),
        "EU.CE.TOY_TSD",
        "TSD 2009/48/EC: a toy for children under 14 must carry CE with a DoC; none claimed.",
        "review",
    )
    V(
        f"toy-no-warnings-{m}",
        edit(base, warning_texts=DELETE),
        "EU.CE.TOY_TSD",
        "TSD Art. 11(2): warnings must be visible before an online purchase; the listing has none.",
        "review",
    )
    V(
        f"toy-36m-without-hazard-{m}",
        edit(
            base,
            warning_texts=[
                {
                    "text": {
                        "DE": "Achtung: Nicht für Kinder unter 36 Monaten geeignet.",
                        "FR": "Attention : ne convient pas aux enfants de moins de 36 mois.",
                        "NL": "Waarschuwing: niet geschikt voor kinderen jonger dan 36 maanden.",
                        "ES": "Advertencia: no apto para niños menores de 36 meses.",
                    }[m],
                    "language": base["language"],
                }
            ],
        ),
        "EU.CE.TOY_36M",
        "TSD Annex V: the 36-month warning must state the specific hazard "
        "(e.g. small parts); it does not.",
        "review",
    )
    C(
        f"toy-36m-with-hazard-{m}",
        base,
        "EU.CE.TOY_36M",
        "TSD Annex V: 36-month warning plus the hazard ('small parts').",
    )
V(
    "toy-36m-but-baby-claim-de",
    add_text(listing("toy", "DE"), "Ideal für Babys ab 12 Monaten (12m+)."),
    "EU.CE.TOY_36M",
    "TSD Annex V / Guidance 11: the listing claims suitability from 12 months while warning "
    "against use under 36 months.",
    "review",
)
C(
    "toy-adult-puzzle-not-a-toy-de",
    edit(
        listing("pot", "DE"),
        title="Puzzle 1000 Teile Alpenpanorama für Erwachsene",
        description="Puzzle mit 1000 Teilen für Erwachsene und Jugendliche ab 14 Jahren. "
        "Karton 70 x 50 cm.",
        attributes__min_age_years=14,
    ),
    "EU.CE.TOY_TSD",
    "TSD covers products for play by children under 14; this puzzle is for 14+.",
)
V(
    "toy-tsr-2030-no-dpp-de",
    listing("toy", "DE", "2030-08-02"),
    "EU.CE.TOY_TSR_2030",
    "Toy Safety Reg. (EU) 2025/2509 applies from 1 Aug 2030: a Digital Product Passport link "
    "replaces the DoC; the listing shows none.",
    "review",
)
C(
    "toy-tsr-2030-day-before-de",
    listing("toy", "DE", "2030-07-31"),
    "EU.CE.TOY_TSR_2030",
    "Reg. (EU) 2025/2509 applies from 1 Aug 2030; until then the TSD applies.",
)

# US CPSC (regulations.md section 5; regulations-2.md section 3)
us_toy = listing("toy", "US")
P65 = (
    "WARNING: Can expose you to {}, a carcinogen and reproductive toxicant. See "
    "www.P65Warnings.ca.gov."
)


def p65(doc: dict[str, Any], chem: str) -> dict[str, Any]:
    """Add the Prop 65 short-form warning naming ``chem`` (27 CCR 25603, US.CA.PROP65_TEXT)."""
    out = edit(doc)
    out.setdefault("warning_texts", []).append({"text": P65.format(chem), "language": "en"})
    return out


V(
    "us-cpc-missing",
    edit(us_toy, certifications=[]),
    "US.CPSC.CPC",
    "CPSIA / 15 USC 2063: a product for children 12 and under needs a Children's Product "
    "Certificate from a CPSC-accepted lab.",
    "review",
)
C(
    "us-cpc-adult-puzzle",
    edit(
        listing("pot", "US"),
        title="1000 Piece Jigsaw Puzzle for Adults",
        description="1000-piece jigsaw puzzle, for ages 14 and up.",
        attributes__min_age_years=14,
        attributes__children_product=False,
    ),
    "US.CPSC.CPC",
    "A CPC is needed only for products designed primarily for children 12 and "
    "under; this is for 14+.",
)
V(
    "us-choking-missing",
    edit(us_toy, warning_texts=DELETE),
    "US.CPSC.CHOKING_AD",
    "16 CFR 1500.20: toys for ages 3-6 with small parts need the choking warning in the "
    "internet advertisement.",
    "block",
)
C(
    "us-choking-age-8",
    edit(
        us_toy,
        warning_texts=DELETE,
        attributes__min_age_years=8,
        title="Little Oak 3D Wooden Puzzle, 120 Pieces, Ages 8+",
        description="Beech-wood 3D puzzle with 120 pieces. Ages 8 and up.",
    ),
    "US.CPSC.CHOKING_AD",
    "16 CFR 1500.20 concerns toys for children 3 to 6; this one is for 8+.",
)
C(
    "us-choking-present",
    us_toy,
    "US.CPSC.CHOKING_AD",
    "16 CFR 1500.19/1500.20: the listing shows the prescribed choking-hazard warning.",
)
V(
    "us-lead-content-120ppm",
    p65(edit(us_toy, attributes__chemicals=["lead 120 ppm (paint substrate)"]), "lead"),
    "US.CPSC.LEAD_PHTHALATES",
    "15 USC 1278a: total lead over 100 ppm in an accessible part of a children's product.",
    "block",
)
C(
    "us-lead-content-90ppm",
    p65(edit(us_toy, attributes__chemicals=["lead 90 ppm (paint substrate)"]), "lead"),
    "US.CPSC.LEAD_PHTHALATES",
    "15 USC 1278a: 90 ppm is under the 100 ppm total-lead limit.",
)
V(
    "us-phthalate-dinp-0.15",
    p65(
        edit(
            us_toy,
            attributes__min_age_years=1,
            attributes__small_parts=False,
            warning_texts=DELETE,
            title="Little Oak Soft Teether Ring, 6 Months+",
            description="Soft PVC teething ring for babies from 6 months.",
            attributes__chemicals=["DINP 0.15 %"],
        ),
        "DINP",
    ),
    "US.CPSC.LEAD_PHTHALATES",
    "16 CFR 1307: DINP above 0.1 % in a child care article for teething.",
    "block",
)
C(
    "us-phthalate-dinp-0.08",
    p65(
        edit(
            us_toy,
            attributes__min_age_years=1,
            attributes__small_parts=False,
            warning_texts=DELETE,
            title="Little Oak Soft Teether Ring, 6 Months+",
            description="Soft PVC teething ring for babies from 6 months.",
            attributes__chemicals=["DINP 0.08 %"],
        ),
        "DINP",
    ),
    "US.CPSC.LEAD_PHTHALATES",
    "16 CFR 1307: 0.08 % is under the 0.1 % limit per phthalate.",
)
us_pot = listing("pot", "US")
V(
    "us-button-battery-no-1263",
    edit(
        us_pot,
        title="LED Tea Light Candles, 12 Pack, CR2032 Coin Cell Included",
        description="Flameless LED tea lights, each powered by one CR2032 coin cell (included).",
        attributes__electrical=True,
        attributes__battery="li-metal",
        attributes__battery_included=True,
    ),
    "US.CPSC.BUTTON_BATTERY",
    "Reese's Law / 16 CFR 1263: a product with coin cells needs "
    "UL 4200A-2023 compliance; no certificate cites 16 CFR 1263.",
    "review",
)
C(
    "us-button-battery-with-1263",
    edit(
        us_pot,
        title="LED Tea Light Candles, 12 Pack, CR2032 Coin Cell Included",
        description="Flameless LED tea lights, each powered by one CR2032 coin cell (included). "
        "Screw-secured battery compartment.",
        attributes__electrical=True,
        attributes__battery="li-metal",
        attributes__battery_included=True,
        certifications=[
            {
                "type": "GCC",
                "document": "certificate",
                "id": "GCC-TL12-2026",
                "legislation": ["16 CFR 1263"],
                "standards": ["UL 4200A-2023"],
            }
        ],
    ),
    "US.CPSC.BUTTON_BATTERY",
    "16 CFR 1263: the General Certificate of Conformity cites 16 CFR 1263 / UL 4200A-2023.",
)
C(
    "us-button-battery-zinc-air",
    edit(
        us_pot,
        title="Hearing Aid Batteries Size 312, Zinc-Air, 60 Pack",
        description="Zinc-air button cells size 312 for hearing aids.",
        attributes__battery="other",
    ),
    "US.CPSC.BUTTON_BATTERY",
    "Reese's Law exempts zinc-air cells from the product rule.",
)
V(
    "us-magnets-flux-60",
    edit(
        us_pot,
        title="Magnetic Desk Balls Set, 216 x 5 mm Neodymium Spheres",
        description="Stress-relief desk toy of 216 loose 5 mm magnetic balls. Flux index 60 "
        "kG²mm².",
    ),
    "US.CPSC.MAGNETS",
    "16 CFR 1262: loose magnets in a subject magnet product must have a flux "
    "index under 50 kG²mm²; this set has 60.",
    "block",
)
C(
    "us-magnets-flux-40",
    edit(
        us_pot,
        title="Magnetic Desk Balls Set, 216 x 5 mm Neodymium Spheres",
        description="Stress-relief desk toy of 216 loose 5 mm magnetic balls. Flux index 40 "
        "kG²mm². General Certificate of Conformity to 16 CFR 1262.",
        certifications=[
            {
                "type": "GCC",
                "document": "certificate",
                "id": "GCC-MB216-2026",
                "legislation": ["16 CFR 1262"],
            }
        ],
    ),
    "US.CPSC.MAGNETS",
    "16 CFR 1262: a flux index of 40 is under the 50 kG²mm² limit.",
)
V(
    "us-sturdy-dresser-no-cert",
    edit(
        us_pot,
        title="6-Drawer Dresser, Oak Finish, 48 in Tall",
        description="Free-standing 6-drawer chest of drawers, 48 in tall, made 2026.",
        category="Furniture > Bedroom > Dressers",
    ),
    "US.CPSC.STURDY",
    "STURDY Act / 16 CFR 1261: clothing storage units made after 1 Sep 2023 "
    "need a certificate to ASTM F2057-23; none is cited.",
    "review",
)
C(
    "us-sturdy-dresser-cert",
    edit(
        us_pot,
        title="6-Drawer Dresser, Oak Finish, 48 in Tall",
        description="Free-standing 6-drawer chest of drawers, 48 in tall, made 2026. Tip-over "
        "tested to ASTM F2057-23 (16 CFR 1261); tip restraint included.",
        category="Furniture > Bedroom > Dressers",
        certifications=[
            {
                "type": "GCC",
                "document": "certificate",
                "id": "GCC-DR6-2026",
                "legislation": ["16 CFR 1261"],
                "standards": ["ASTM F2057-23"],
            }
        ],
    ),
    "US.CPSC.STURDY",
    "16 CFR 1261: the certificate cites ASTM F2057-23.",
)
V(
    "us-laser-50mw",
    edit(
        us_pot,
        title="Green Laser Pointer 50 mW",
        description="Green laser pointer, 532 nm.",
        attributes__laser_mw=50,
        attributes__electrical=True,
    ),
    "US.LASER",
    "21 CFR 1040.10/.11: a laser pointer above the 5 mW Class IIIa limit.",
    "block",
)
C(
    "us-laser-4.9mw",
    edit(
        us_pot,
        title="Red Laser Pointer 4.9 mW, Class IIIa",
        description="Red laser pointer, 650 nm, under 5 mW.",
        attributes__laser_mw=4.9,
        attributes__electrical=True,
    ),
    "US.LASER",
    "21 CFR 1040: 4.9 mW is within the 5 mW Class IIIa limit.",
)

# ============================================================================================
group("market-access")
for m in ["DE", "FR", "IT", "NL", "ES", "PL"]:
    base = listing("speaker", m)
    V(
        f"ce-missing-on-radio-{m}",
        edit(base, certifications=[]),
        "EU.CE.FAMILY_MAP",
        "Reg. 765/2008 Art. 30 and RED: a Bluetooth product needs CE; the listing claims none "
        "(review).",
        "review",
    )
    V(
        f"ce-red-cites-lvd-emc-{m}",
        edit(
            base,
            certifications__0__legislation=[
                "2014/35/EU",
                "2014/30/EU",
                "2011/65/EU",
                "(EU) 2023/1542",
            ],
        ),
        "EU.CE.RED",
        "RED 2014/53/EU: radio equipment's DoC cites RED, not LVD/EMC.",
        "review",
    )
    C(f"ce-red-ok-{m}", base, "EU.CE.RED", "RED 2014/53/EU and RoHS cited for a Bluetooth speaker.")
    V(
        f"ce-on-tshirt-{m}",
        edit(listing("tshirt", m), certifications=[{"type": "CE", "document": "other"}]),
        "EU.CE.FAMILY_MAP",
        "Reg. 765/2008 Art. 30: clothing falls under no CE act and must not claim CE (warn).",
        "warn",
    )
    C(
        f"tshirt-without-ce-{m}",
        listing("tshirt", m),
        "EU.CE.FAMILY_MAP",
        "Clothing needs no CE; none is claimed.",
    )
lamp_de = edit(
    listing("pot", "DE"),
    title="LED-Schreibtischlampe 230 V, dimmbar",
    description="LED-Schreibtischlampe für 230 V Netzbetrieb, 8 W, dimmbar.",
    hs_code="940520",
    attributes__electrical=True,
    registrations=dict(listing("speaker", "DE")["registrations"]),
    certifications=[
        {
            "type": "CE",
            "document": "declaration_of_conformity",
            "legislation": ["2014/35/EU", "2014/30/EU", "2011/65/EU", "(EU) 2019/2020"],
            "standards": ["EN 60598-1:2021", "EN IEC 55015:2019"],
        }
    ],
    warning_texts=[{"text": "Warnung: Vor dem Reinigen Netzstecker ziehen.", "language": "de"}],
)
C(
    "ce-lamp-lvd-ok-de",
    lamp_de,
    "EU.CE.LVD",
    "LVD 2014/35/EU: a 230 V lamp cites LVD, EMC and RoHS.",
)
V(
    "ce-lamp-missing-lvd-de",
    edit(lamp_de, certifications__0__legislation=["2014/30/EU", "2011/65/EU"]),
    "EU.CE.LVD",
    "LVD 2014/35/EU: equipment rated 230 V AC (50-1000 V) needs LVD; the DoC cites "
    "only EMC and RoHS.",
    "review",
)
C(
    "ce-5v-lamp-no-lvd-de",
    edit(
        lamp_de,
        title="LED-Leselampe 5 V USB, akkubetrieben",
        description="Akku-Leselampe, 5 V USB-Eingang, 2 W.",
        certifications__0__legislation=["2014/30/EU", "2011/65/EU", "(EU) 2023/1542"],
    ),
    "EU.CE.LVD",
    "LVD applies from 50 V AC / 75 V DC rated input; a 5 V USB lamp is below it.",
)
V(
    "ce-5v-lamp-no-emc-de",
    edit(
        lamp_de,
        title="LED-Leselampe 5 V USB, akkubetrieben",
        description="Akku-Leselampe, 5 V USB-Eingang, 2 W.",
        certifications__0__legislation=["2011/65/EU", "(EU) 2023/1542"],
    ),
    "EU.CE.EMC",
    "EMC 2014/30/EU covers battery devices below the LVD range; the DoC lacks it.",
    "review",
)
plug = edit(
    listing("speaker", "NL"),
    title="Lumen SP-1 slimme wifi-stekker met app",
    description="Slimme wifi-stekker 230 V, bediening via app en internet.",
    model="SP-1",
    attributes__wireless=["wifi"],
    attributes__battery="none",
    attributes__battery_included=False,
    batteries=DELETE,
    certifications__0__legislation=["2014/53/EU", "2011/65/EU"],
    certifications__0__standards=["EN 300 328 V2.2.2", "EN 62368-1:2020"],
)
V(
    "red-cyber-missing-nl",
    edit(plug, date="2025-08-01"),
    "EU.CE.RED_CYBER",
    "Del. Reg. (EU) 2022/30 from 1 Aug 2025: an internet-connected radio product must cite it "
    "or EN 18031.",
    "review",
)
C(
    "red-cyber-day-before-nl",
    edit(plug, date="2025-07-31"),
    "EU.CE.RED_CYBER",
    "Del. Reg. (EU) 2022/30 applies from 1 Aug 2025; the day before it does not.",
)
C(
    "red-cyber-cited-nl",
    edit(plug, certifications__0__standards=["EN 300 328 V2.2.2", "EN 18031-1:2024"]),
    "EU.CE.RED_CYBER",
    "EN 18031-1 is cited for the connected plug.",
)
head = edit(
    listing("speaker", "FR"),
    title="Lumen HP-3 casque Bluetooth",
    description="Casque Bluetooth sans fil, charge par port micro-USB.",
    model="HP-3",
)
V(
    "usbc-micro-usb-headphones-fr",
    head,
    "EU.CE.RED_USBC",
    "Dir. (EU) 2022/2380: wired-rechargeable headphones need a USB-C receptacle since 28 Dec 2024.",
    "review",
)
C(
    "usbc-headphones-ok-fr",
    edit(
        head,
        description="Casque Bluetooth sans fil, charge par "
        "USB-C (5-10 W, sans USB PD) ; chargeur non inclus "
        "(pictogramme).",
    ),
    "EU.CE.RED_USBC",
    "USB-C receptacle with the pictogram and power label.",
)
laptop = edit(
    listing("speaker", "DE"),
    title="Lumen Book 14 Laptop, 14 Zoll",
    description="14-Zoll-Laptop mit Hohlstecker-Netzteil (19 V).",
    model="LB-14",
    attributes__wireless=["wifi", "bluetooth"],
)
C(
    "usbc-laptop-day-before-de",
    edit(laptop, date="2026-04-27"),
    "EU.CE.RED_USBC",
    "Laptops need USB-C from 28 Apr 2026; this listing is dated 27 Apr 2026.",
)
V(
    "usbc-laptop-after-de",
    edit(laptop, date="2026-04-28"),
    "EU.CE.RED_USBC",
    "Dir. (EU) 2022/2380: laptops placed on the market from 28 Apr 2026 need USB-C.",
    "review",
)
hedge = edit(
    listing("pot", "DE"),
    title="Akku-Heckenschere 18 V, 50 cm",
    description="Akku-Heckenschere 18 V mit 50-cm-Schwert.",
    model="HS-50",
    attributes__electrical=True,
    attributes__battery="li-ion",
    attributes__battery_included=True,
    registrations=dict(listing("speaker", "DE")["registrations"]),
    warning_texts=[{"text": "Warnung: Schutzbrille und Handschuhe tragen.", "language": "de"}],
    certifications=[
        {
            "type": "CE",
            "document": "declaration_of_conformity",
            "legislation": ["2006/42/EC", "2014/30/EU", "2011/65/EU", "(EU) 2023/1542"],
            "standards": ["EN 62841-4-2:2019"],
        }
    ],
)
V(
    "machinery-2027-old-directive-de",
    edit(hedge, date="2027-02-01"),
    "EU.CE.MACHINERY_2027",
    "Reg. (EU) 2023/1230 applies from 20 Jan 2027; the DoC still cites Dir. 2006/42/EC.",
    "review",
)
C(
    "machinery-2027-day-before-de",
    edit(hedge, date="2027-01-19"),
    "EU.CE.MACHINERY_2027",
    "Until 19 Jan 2027 the Machinery Directive 2006/42/EC is the right act.",
)
helmet = edit(
    listing("pot", "IT"),
    title="Casco da bici urbano, taglia M",
    description="Casco da ciclismo urbano con luce posteriore, taglia M (55-59 cm).",
    model="CH-M",
    certifications=[
        {
            "type": "CE",
            "document": "certificate",
            "legislation": ["(EU) 2016/425"],
            "standards": ["EN 1078:2012+A1:2012"],
            "notified_body": {"name": "Ente Certificazione", "number": "0426"},
        }
    ],
    warning_texts=[
        {"text": "Avvertenza: il casco non protegge da tutti gli urti.", "language": "it"}
    ],
)
C(
    "ppe-helmet-ok-it",
    helmet,
    "EU.CE.PPE",
    "PPE Reg. 2016/425: helmet with CE and EU type-examination by a notified body.",
)
V(
    "ppe-helmet-no-ce-it",
    edit(helmet, certifications=[]),
    "EU.CE.PPE",
    "PPE Reg. (EU) 2016/425: a cycling helmet is PPE and needs CE.",
    "review",
)
sp = listing("speaker", "ES")
V(
    "batt-reg-not-cited-es",
    edit(sp, date="2025-09-01", certifications__0__legislation=["2014/53/EU", "2011/65/EU"]),
    "EU.CE.BATT",
    "Batteries Reg. (EU) 2023/1542: CE/DoC for built-in batteries since 18 Aug 2024; not cited.",
    "review",
)
C(
    "batt-reg-day-before-es",
    edit(sp, date="2024-08-17", certifications__0__legislation=["2014/53/EU", "2011/65/EU"]),
    "EU.CE.BATT",
    "The Batteries Reg. CE duty applies from 18 Aug 2024.",
)
tv = edit(
    listing("speaker", "DE"),
    title="Lumen 43 Zoll 4K Smart-TV",
    description="43-Zoll-4K-Fernseher mit WLAN.",
    model="TV-43",
    attributes__wireless=["wifi", "bluetooth"],
    attributes__battery="none",
    attributes__battery_included=False,
    batteries=DELETE,
    category="Electronics > TV",
)
V(
    "energy-label-missing-de",
    tv,
    "EU.ENERGY.LABEL_ONLINE",
    "Reg. 2017/1369: a TV offered online must show the energy class and label next to the price.",
    "review",
)
C(
    "energy-label-shown-de",
    add_text(
        tv,
        "Energieeffizienzklasse F (Skala A bis G), "
        "EPREL-Registriernummer 1234567, Datenblatt verlinkt.",
    ),
    "EU.ENERGY.LABEL_ONLINE",
    "Energy class with scale and EPREL number shown.",
)
gb_toy = listing("toy", "GB")
V(
    "gb-toy-no-ce-no-ukca",
    edit(gb_toy, certifications=[]),
    "UK.UKCA.CE_RECOGNITION",
    "GB accepts CE or UKCA for toys; the listing claims neither (review).",
    "review",
)
C(
    "gb-toy-ce-only",
    gb_toy,
    "UK.UKCA.CE_RECOGNITION",
    "CE is recognised indefinitely in GB for toys (Product Safety and Metrology Regs 2024).",
)
xi = listing("speaker", "XI")
V(
    "ni-ukca-only",
    edit(xi, certifications=[{"type": "UKCA", "document": "declaration_of_conformity"}]),
    "UK.NI.CE_UKNI",
    "Windsor Framework: UKCA alone is not valid in Northern Ireland; CE needed.",
    "review",
)
V(
    "ni-ukni-alone",
    edit(xi, certifications=[{"type": "UKNI"}]),
    "UK.NI.CE_UKNI",
    "UK(NI) is never used on its own; CE must accompany it.",
    "review",
)
C(
    "ni-ce-plus-ukni",
    edit(xi, certifications=[dict(xi["certifications"][0]), {"type": "UKNI"}]),
    "UK.NI.CE_UKNI",
    "CE with the UK(NI) indication beside it is valid in Northern Ireland.",
)
# US market access
us_sp = listing("speaker", "US")
V(
    "fcc-no-id",
    edit(us_sp, fcc_id=DELETE, certifications=[]),
    "US.FCC.RF_AUTH",
    "47 CFR 2.803: a Bluetooth device needs FCC equipment authorization; no FCC ID shown.",
    "review",
)
C("fcc-id-present", us_sp, "US.FCC.RF_AUTH", "FCC ID 2A4XY-BX20 is shown.")
C(
    "fcc-passive-case-mentions-bluetooth",
    edit(
        us_pot,
        title="Silicone Case for Bluetooth Earbuds",
        attributes__radio=False,
        description="Protective silicone cover for Bluetooth earbud charging cases. No "
        "electronics.",
    ),
    "US.FCC.RF_AUTH",
    "A passive silicone case has no radio; 'Bluetooth' only names what it fits.",
)
V(
    "fcc-covered-hikvision",
    edit(
        us_sp,
        brand="Hikvision",
        title="Hikvision 4MP Wi-Fi Security Camera",
        description="4MP Wi-Fi IP camera.",
        attributes__wireless=["wifi"],
    ),
    "US.FCC.COVERED_LIST",
    "FCC Covered List: Hikvision equipment cannot be authorised or marketed.",
    "block",
)
C(
    "fcc-covered-name-contains-hik",
    edit(us_sp, brand="Hikari Lumen", title="Hikari Lumen Bluetooth Speaker"),
    "US.FCC.COVERED_LIST",
    "'Hikari' is not a Covered List brand.",
)
drone = edit(
    us_sp,
    brand="DJI",
    title="DJI Mini Camera Drone 4K",
    model="MINI-X",
    description="Foldable camera drone, 249 g.",
    attributes__wireless=["wifi"],
)
V(
    "fcc-covered-dji-after",
    edit(drone, date="2025-12-23"),
    "US.FCC.COVERED_LIST",
    "Since 22 Dec 2025 DJI is on the Covered List.",
    "block",
)
C(
    "fcc-covered-dji-day-before",
    edit(drone, date="2025-12-21"),
    "US.FCC.COVERED_LIST",
    "DJI was added on 22 Dec 2025; the day before it was not covered.",
)
V(
    "faa-drone-300g-no-remote-id",
    edit(
        us_sp,
        brand="Skylark",
        title="Skylark 300 g Camera Drone",
        description="Camera drone, takeoff weight 300 g.",
        model="SK-300",
    ),
    "US.FAA.DRONE",
    "14 CFR 48/89: drones over 250 g need FAA registration and Remote ID; the "
    "listing says nothing of Remote ID.",
    "review",
)
C(
    "faa-drone-240g",
    edit(
        us_sp,
        brand="Skylark",
        title="Skylark 240 g Mini Drone",
        description="Recreational mini drone, takeoff weight 240 g.",
        model="SK-240",
    ),
    "US.FAA.DRONE",
    "Recreational drones under 250 g are exempt from FAA registration.",
)
eu_drone = edit(
    listing("speaker", "FR"),
    brand="Skylark",
    title="Drone caméra Skylark 600 g",
    description="Drone caméra, masse au décollage 600 g.",
    model="SK-600",
)
V(
    "eu-drone-no-class",
    eu_drone,
    "EU.DRONE.CLASS",
    "Del. Reg. 2019/945: a 600 g drone without a C0-C4 class label may fly only in A3 (warn).",
    "warn",
)
C(
    "eu-drone-249g",
    edit(
        eu_drone,
        title="Mini drone Skylark 249 g",
        description="Mini drone, masse au décollage 249 g.",
        model="SK-249",
    ),
    "EU.DRONE.CLASS",
    "Drones under 250 g may still fly in A1 without a class label.",
)
gb_drone = edit(
    listing("speaker", "GB"),
    brand="Skylark",
    title="Skylark 150 g Camera Drone",
    description="Camera drone with 1080p camera, 150 g.",
    model="SK-150",
)
V(
    "uk-drone-2026-no-notice",
    edit(gb_drone, date="2026-01-02"),
    "UK.DRONE.2026",
    "CAA from 1 Jan 2026: camera drones of 100 g+ need Flyer and Operator ID; no notice.",
    "warn",
)
C(
    "uk-drone-2026-day-before",
    edit(gb_drone, date="2025-12-31"),
    "UK.DRONE.2026",
    "The 100 g threshold applies from 1 Jan 2026.",
)
jp = listing("speaker", "JP")
V(
    "jp-giteki-missing",
    edit(jp, certifications=[jp["certifications"][1]]),
    "JP.RADIO.GITEKI",
    "Radio Act: a Bluetooth device for Japan needs the 技適 mark.",
    "block",
)
C("jp-giteki-present", jp, "JP.RADIO.GITEKI", "TELEC (技適) certification number shown.")
pb = edit(
    jp,
    title="Lumen 10000mAh モバイルバッテリー",
    description="10000mAhリチウムイオンモバイルバッテリー。",
    model="PB-10",
    attributes__radio=False,
    attributes__wireless=[],
    certifications=[{"type": "PSE", "id": "PSE-LB-2026-0789"}],
)
C(
    "jp-pse-powerbank-ok",
    pb,
    "JP.PSE.MARK",
    "A Li-ion power bank (non-specified DENAN item) with the round PSE.",
)
V(
    "jp-pse-powerbank-missing",
    edit(pb, certifications=[]),
    "JP.PSE.MARK",
    "DENAN: a Li-ion power bank for Japan needs PSE.",
    "block",
)
ind = listing("speaker", "IN")
pb_in = edit(
    ind,
    title="Lumen 10000 mAh Power Bank",
    description="10000 mAh Li-ion power bank.",
    model="PB-10",
    attributes__radio=False,
    attributes__wireless=[],
)
C("in-bis-powerbank-ok", pb_in, "IN.BIS.CRS", "BIS R-number shown for a CRS power bank.")
V(
    "in-bis-powerbank-missing",
    edit(pb_in, certifications=[]),
    "IN.BIS.CRS",
    "Compulsory Registration Order: power banks need BIS registration and an R-number.",
    "block",
)
au = listing("speaker", "AU")
V(
    "au-rcm-missing",
    edit(au, certifications=[]),
    "AU.RCM.EESS",
    "EESS / ACMA: radio equipment for Australia carries the RCM.",
    "review",
)
C("au-rcm-present", au, "AU.RCM.EESS", "RCM with a registered supplier shown.")
kr = listing("speaker", "KR")
V(
    "kr-kc-missing-korean-stock",
    # Korean stock is stated where the schema carries it (ships_from_country), not only in text
    add_text(
        edit(kr, certifications=[], ships_from_country="KR"),
        "서울 물류센터에서 출고 (Korean stock).",
    ),
    "KR.KC.SAFETY",
    "Radio Waves Act: radio equipment sold from Korean stock needs KC.",
    "block",
)
C("kr-kc-present", kr, "KR.KC.SAFETY", "KC registration shown.")

# ============================================================================================
group("advertising")
de_pot = listing("pot", "DE")
for i, (txt, why) in enumerate(
    [
        ("Der beste Pflanztopf auf dem Markt.", "'der beste' without proof of a lasting lead"),
        ("Testsieger!", "'Testsieger' without the test, its date and source"),
        ("Vom Marktführer für Keramik.", "'Marktführer' without evidence"),
        ("Vom Marktfuehrer fuer Keramik.", "'Marktfuehrer' (ue for ü) is the same claim"),
        ("Nr. 1 bei Pflanztöpfen.", "'Nr. 1' superlative"),
        ("Nr.1 bei Pflanztöpfen.", "'Nr.1' (no space) superlative"),
        ("Die Nummer 1 unter den Pflanztöpfen.", "'Nummer 1' superlative"),
        ("Der bestе Pflanztopf.", "homoglyph: Cyrillic е inside 'beste'"),
        ("Der b e s t e Pflanztopf.", "spacing trick inside 'beste'"),
        ("Der Be\u200bste Pflanztopf.", "zero-width space inside 'Beste'"),
    ]
):
    V(
        f"uwg-superlative-{i}-de",
        add_text(de_pot, txt),
        "DE.UWG.SUPERLATIVE",
        f"UWG §5: {why}.",
        "review",
    )
for i, (txt, why) in enumerate(
    [
        ("Jetzt bestellen und Pflanzen umtopfen.", "'bestellen' merely contains 'beste'"),
        ("Bestens geeignet für Kräuter.", "'bestens geeignet' is no comparative claim"),
        ("Ersatzuntersetzer Nr. 12 passend.", "'Nr. 12' is an article number"),
        (
            "Testsieger bei Stiftung Warentest, Heft 05/2026, Test Pflanzgefäße (Note 1,8).",
            "'Testsieger' citing the test, its date and source",
        ),
        ("Bestandteil der Serie Alpina.", "'Bestandteil' merely contains 'best'"),
        ("Größe Nr. 3 von 5 der Serie.", "'Nr. 3' is a size"),
    ]
):
    C(f"uwg-near-miss-{i}-de", add_text(de_pot, txt), "DE.UWG.SUPERLATIVE", f"UWG §5: {why}.")
for i, txt in enumerate(
    ["Klimaneutral hergestellt.", "Klima-neutral hergestellt.", "KLIMANEUTRAL."]
):
    V(
        f"uwg-klimaneutral-{i}-de",
        add_text(edit(de_pot, date="2026-06-01", description=de_pot["description"]), txt),
        "DE.UWG.KLIMANEUTRAL",
        "BGH I ZR 98/23: 'klimaneutral' without an explanation in the ad itself.",
        "review",
    )
C(
    "uwg-klimaneutral-explained-de",
    add_text(
        edit(de_pot, date="2026-06-01"),
        "Klimaneutral hergestellt: Unser Brennofen läuft zu 100 % mit Ökostrom aus eigener "
        "Photovoltaik (Nachweis TÜV-Bericht 2026-114); es wird nichts kompensiert.",
    ),
    "DE.UWG.KLIMANEUTRAL",
    "BGH I ZR 98/23 allows the term when explained in the ad itself "
    "(before the ECGT applies on 27 Sep 2026).",
)
C(
    "uwg-klima-word-de",
    add_text(de_pot, "Für jedes Klima im Innenraum geeignet; pH-neutral glasiert."),
    "DE.UWG.KLIMANEUTRAL",
    "'Klima' and 'pH-neutral' are factual, not a climate claim.",
)
# ECGT (applies 27 Sep 2026)
for n, (m, txt) in enumerate(
    [
        ("DE", "Umweltfreundlicher Pflanztopf."),
        ("DE", "Ökologisch und nachhaltig."),
        ("DE", "Oekologischer Pflanztopf."),
        ("FR", "Pot écologique."),
        ("IT", "Vaso eco-friendly."),
        ("NL", "Milieuvriendelijke bloempot, eco-friendly."),
        ("ES", "Maceta eco-friendly y respetuosa."),
        ("SE", "Environmentally friendly pot."),
        ("PL", "Doniczka eco-friendly."),
        ("DE", "Eco‐friendly (green) Topf."),
    ]
):
    V(
        f"ecgt-generic-{n}-{m}",
        add_text(listing("pot", m), txt),
        "EU.ECGT.GENERIC_CLAIM",
        "Dir. (EU) 2024/825 from 27 Sep 2026: generic environmental "
        "claim with no specification and no recognised label.",
        "review",
    )
C(
    "ecgt-generic-day-before-de",
    add_text(listing("pot", "DE", "2026-09-26"), "Umweltfreundlicher Pflanztopf."),
    "EU.ECGT.GENERIC_CLAIM",
    "Dir. (EU) 2024/825 applies from 27 Sep 2026; dated the day before.",
)
C(
    "ecgt-evergreen-de",
    add_text(listing("pot", "DE"), "Ideal für Evergreen-Pflanzen wie Efeu."),
    "EU.ECGT.GENERIC_CLAIM",
    "'Evergreen' merely contains 'green'.",
)
C(
    "ecgt-green-colour-fr",
    add_text(listing("pot", "FR"), "Couleur : vert sauge (green)."),
    "EU.ECGT.GENERIC_CLAIM",
    "'green' names the colour, not an environmental claim.",
)
C(
    "ecgt-ecolabel-de",
    edit(
        add_text(
            listing("pot", "DE"),
            "Umweltfreundlich: mit EU Ecolabel ausgezeichnet (Lizenz DE/038/00123).",
        ),
        certifications=[{"type": "EU Ecolabel", "id": "DE/038/00123"}],
    ),
    "EU.ECGT.GENERIC_CLAIM",
    "Dir. 2024/825 allows the claim with an EU Ecolabel.",
)
C(
    "ecgt-factual-ecology-book-de",
    add_text(
        listing("pot", "DE"),
        "Mit Anleitung: Pflanzenpflege und Ökologie der Zimmerpflanzen (Broschüre).",
    ),
    "EU.ECGT.GENERIC_CLAIM",
    "'Ökologie' as a subject name is factual, not a claim.",
)
for n, (m, txt) in enumerate(
    [
        ("DE", "Klimaneutral durch CO2-Kompensation."),
        ("FR", "Produit neutre en carbone grâce à la compensation."),
        ("NL", "CO2-neutraal door compensatie."),
        ("IT", "Prodotto a impatto climatico zero grazie alla compensazione."),
        ("DE", "Klimapositiv dank Ausgleichsprojekten."),
    ]
):
    V(
        f"ecgt-offset-{n}-{m}",
        add_text(listing("pot", m), txt),
        "EU.ECGT.OFFSET_NEUTRAL",
        "Dir. (EU) 2024/825: climate-neutral claims based on "
        "offsetting are banned outright from 27 Sep 2026.",
        "block",
    )
C(
    "ecgt-offset-carbon-fibre-de",
    add_text(listing("pot", "DE"), "Ständer aus Carbonfaser, pH-neutral reinigen."),
    "EU.ECGT.OFFSET_NEUTRAL",
    "'Carbon' fibre and 'pH-neutral' are no climate claims.",
)
C(
    "ecgt-offset-day-before-nl",
    add_text(listing("pot", "NL", "2026-09-26"), "CO2-neutraal door compensatie."),
    "EU.ECGT.OFFSET_NEUTRAL",
    "The outright ban applies from 27 Sep 2026.",
)
V(
    "ecgt-future-netzero-de",
    add_text(listing("pot", "DE"), "Netto-Null bis 2030!"),
    "EU.ECGT.FUTURE",
    "Dir. 2024/825: a future performance claim with no verified plan.",
    "review",
)
C(
    "ecgt-future-zero-gravity-de",
    add_text(listing("pot", "DE"), "Passend zum Zero-Gravity-Gartenstuhl (Modell 2030)."),
    "EU.ECGT.FUTURE",
    "'Modell 2030' and 'Zero' are product names, no future claim.",
)
V(
    "ecgt-sust-label-de",
    edit(
        add_text(listing("pot", "DE"), "Mit unserem GreenLeaf-Siegel."),
        certifications=[
            {"type": "GreenLeaf Seal", "document": "other", "issued_by": "Gartenliebe Handels GmbH"}
        ],
    ),
    "EU.ECGT.SUST_LABEL",
    "Dir. 2024/825: a self-made sustainability label, not a certification "
    "scheme or public authority.",
    "review",
)
V(
    "crd-guarantee-missing-de",
    edit(listing("pot", "DE"), description=listing("pot", "DE", "2026-09-01")["description"]),
    "EU.CRD.GUARANTEE_NOTICE",
    "Impl. Reg. (EU) 2025/1960: from 27 Sep 2026 the harmonised "
    "legal-guarantee notice must be shown.",
    "review",
)
V(
    "crd-guarantee-missing-fr",
    edit(listing("pot", "FR"), description=listing("pot", "FR", "2026-09-01")["description"]),
    "EU.CRD.GUARANTEE_NOTICE",
    "Impl. Reg. (EU) 2025/1960: notice missing from 27 Sep 2026.",
    "review",
)
C(
    "crd-guarantee-day-before-de",
    listing("pot", "DE", "2026-09-26"),
    "EU.CRD.GUARANTEE_NOTICE",
    "The notice is required from 27 Sep 2026; dated the day before.",
)
# UCPD
for m, txt in [
    ("FR", "Le pot n°1 des ventes en France."),
    ("IT", "Il vaso #1 più venduto."),
    ("NL", "De #1 bestseller bloempot."),
    ("ES", "La maceta nº 1 en ventas."),
    ("PL", "Doniczka #1 bestseller."),
]:
    V(
        f"ucpd-number-one-{m}",
        add_text(listing("pot", m), txt),
        "EU.UCPD.SUPERLATIVE",
        "UCPD Art. 6: a measurable '#1 best-selling' claim without substantiation.",
        "review",
    )
for m, txt in [
    ("FR", "Lot n° 1 de 3 (livré séparément)."),
    ("IT", "Set #1 di 3 colori."),
    ("NL", "Model #1 uit de serie, zie ook #2."),
    ("ES", "Paso 1: llenar con tierra."),
]:
    C(
        f"ucpd-number-near-miss-{m}",
        add_text(listing("pot", m), txt),
        "EU.UCPD.SUPERLATIVE",
        "UCPD Art. 6: a lot/step/model number is not a ranking claim.",
    )
# China Art. 9
cn = listing("pot", "CN")
for i, txt in enumerate(
    [
        "最佳花盆",
        "全网最低价",
        "销量第一",
        "ＮＯ．１ 花盆",
        "TOP1 花盆",
        "国家级品质",
        "顶级工艺",
        "独一无二的设计",
        "ＴＯＰ１ 花盆",
        "No.1花盆",
        "最 好 的 花 盆",
    ]
):
    V(
        f"cn-art9-{i}",
        add_text(cn, txt),
        "CN.ADLAW.ART9_3",
        f"Advertising Law Art. 9(3): extreme word in '{txt}'.",
        "review",
    )
for i, txt in enumerate(
    [
        "最近更新：新增尺寸。",
        "第一步：打开包装，清洗花盆。",
        "第1次使用前请浸水。",
        "规格：第2款，共3款。",
        "适合最多3株多肉。",
    ]
):
    C(
        f"cn-art9-near-miss-{i}",
        add_text(cn, txt),
        "CN.ADLAW.ART9_3",
        "Advertising Law Art. 9(3): factual use (recently / step one / first use / at most), "
        "no superlative claim.",
    )
# US FTC / FDA
V(
    "ftc-number-one-rated",
    add_text(us_pot, "The #1 rated planter in America."),
    "US.FTC.SUPERLATIVE",
    "FTC Act §5: '#1' is an objective claim needing a reasonable basis.",
    "review",
)
V(
    "ftc-clinically-proven",
    add_text(us_pot, "Clinically proven to make plants grow faster."),
    "US.FTC.SUPERLATIVE",
    "FTC Substantiation Policy: 'clinically proven' without a basis.",
    "review",
)
C(
    "ftc-best-puffery",
    add_text(us_pot, "The best pot for your windowsill herbs."),
    "US.FTC.SUPERLATIVE",
    "Vague 'best' is puffery under the FTC policy.",
)
C(
    "ftc-model-number",
    add_text(us_pot, "Style #1 of our Alpine series, see also #2."),
    "US.FTC.SUPERLATIVE",
    "'#1' as a style number is not a ranking.",
)
cream = edit(
    us_pot,
    title="Cedar Bay Daily Moisturizing Face Cream, 50 ml",
    description="Fragrance-free face cream with ceramides and shea butter for dry "
    "skin. Questions or adverse reactions: call +1 503 555 0142 or visit "
    "cedarbaybotanicals.com.",
    brand="Cedar Bay",
    model="FC-50",
    category="Beauty > Skin Care",
    hs_code="330499",
    attributes__cosmetic=True,
    manufacturer=dict(__import__("bases").MFR_US_COSMETIC),
)
C("fda-cosmetic-ok", cream, "US.FDA.DISEASE_CLAIM", "Cosmetic claims only (moisturises dry skin).")
for i, (txt, why) in enumerate(
    [
        ("Treats eczema and psoriasis.", "names and treats a disease"),
        ("Antibacterial formula.", "'antibacterial' is a drug claim"),
        ("Helps prevent skin cancer.", "disease prevention claim"),
        ("Cures acne in 7 days.", "cure claim"),
        ("Heals dermatitis.", "heal claim"),
    ]
):
    V(
        f"fda-disease-claim-{i}",
        add_text(cream, txt),
        "US.FDA.DISEASE_CLAIM",
        f"21 USC 321(g): {why}.",
        "block",
    )
for i, (txt, why) in enumerate(
    [
        ("Anti-frizz and anti-shine finish.", "'anti-frizz' is cosmetic"),
        ("Free from parabens; dermatologist tested.", "factual"),
        (
            "Made in our Portland lab since 2012; curing time of the jar lid print is 24 h.",
            "'curing' merely contains 'cure'",
        ),
    ]
):
    C(f"fda-near-miss-{i}", add_text(cream, txt), "US.FDA.DISEASE_CLAIM", f"{why}.")
V(
    "fda-mocra-no-contact",
    edit(
        cream,
        description="Fragrance-free face cream with ceramides and shea butter for dry skin.",
        manufacturer__phone=DELETE,
        manufacturer__url=DELETE,
        manufacturer__country="CN",
        manufacturer__address="9 Baiyun Road",
        manufacturer__city="Guangzhou",
        manufacturer__postal_code="510000",
        manufacturer__email=DELETE,
        manufacturer__name="Guangzhou Beauty Co., Ltd.",
        seller__email=DELETE,
    ),
    "US.FDA.MOCRA",
    "MOCRA: the label needs a domestic address, a domestic phone number or electronic contact "
    "information for adverse-event reports; only foreign postal addresses are given.",
    "review",
)
C(
    "fda-mocra-foreign-email",
    edit(
        cream,
        description="Fragrance-free face cream with ceramides and shea butter for dry skin.",
        manufacturer__phone=DELETE,
        manufacturer__url=DELETE,
        manufacturer__country="CN",
        manufacturer__address="9 Baiyun Road",
        manufacturer__city="Guangzhou",
        manufacturer__postal_code="510000",
        manufacturer__email="info@gzbeauty.cn",
        manufacturer__name="Guangzhou Beauty Co., Ltd.",
    ),
    "US.FDA.MOCRA",
    "21 USC 364h(a): electronic contact information (an email, domestic or not) is enough.",
)
C("fda-mocra-contact", cream, "US.FDA.MOCRA", "US phone and web contact for adverse events.")
supp = edit(
    us_pot,
    title="Cedar Bay Glucosamine Joint Support, 90 Capsules",
    description="Glucosamine and chondroitin supplement. Supports healthy joints.* "
    "*This statement has not been evaluated by the Food and Drug Administration. This "
    "product is not intended to diagnose, treat, cure, or prevent any disease.",
    brand="Cedar Bay",
    model="GJ-90",
    category="Health > Supplements",
    hs_code="210690",
    attributes__supplement=True,
    manufacturer=dict(__import__("bases").MFR_US_COSMETIC),
)
C("fda-sf-disclaimer-present", supp, "US.FDA.SF_DISCLAIMER", "21 CFR 101.93 disclaimer verbatim.")
V(
    "fda-sf-disclaimer-missing",
    edit(supp, description="Glucosamine and chondroitin supplement. Supports healthy joints."),
    "US.FDA.SF_DISCLAIMER",
    "21 CFR 101.93: structure/function claim without the disclaimer.",
    "review",
)
V(
    "ftc-musa-contradiction",
    add_text(us_pot, "Made in USA. Imported from China."),
    "US.FTC.MUSA",
    "16 CFR 323: unqualified 'Made in USA' next to a foreign origin.",
    "review",
)
C(
    "ftc-musa-qualified",
    add_text(us_pot, "Made in USA with imported clay."),
    "US.FTC.MUSA",
    "A qualified claim ('with imported ...') is allowed.",
)
C(
    "ftc-assembled-in-usa",
    add_text(us_pot, "Assembled in USA from imported components."),
    "US.FTC.MUSA",
    "'Assembled in USA' is a qualified claim.",
)
V(
    "ftc-reviews-incentive",
    add_text(us_pot, "Leave a 5-star review and get a full refund!"),
    "US.FTC.REVIEWS",
    "16 CFR 465: incentives conditioned on positive sentiment.",
    "review",
)
C(
    "ftc-reviews-honest",
    add_text(us_pot, "We welcome your honest review, good or bad."),
    "US.FTC.REVIEWS",
    "16 CFR 465 allows neutral requests for reviews.",
)
us_ts = listing("tshirt", "US")
C("ftc-textile-ok", us_ts, "US.FTC.TEXTILE_WOOL", "Fibre content and 'Imported' shown.")
V(
    "ftc-textile-no-origin",
    edit(us_ts, description="T-shirt, 100% cotton, crew neck."),
    "US.FTC.TEXTILE_WOOL",
    "16 CFR 303.34: online textile offers must say Made in USA or imported.",
    "review",
)
V(
    "ftc-textile-no-fibre",
    edit(
        us_ts,
        title="Linen Garden Men's Crew Neck T-Shirt, Navy",
        description="T-shirt, crew neck, sizes S-XXL. Imported.",
    ),
    "US.FTC.TEXTILE_WOOL",
    "16 CFR 303: fibre content by generic name and % missing.",
    "review",
)
fur = edit(
    us_ts,
    title="Knit Beanie with Pom-Pom",
    description="Knit beanie, 100% acrylic knit, real fur pom-pom. Imported.",
)
V(
    "ftc-fur-no-animal-name",
    fur,
    "US.FTC.FUR",
    "16 CFR 301: real fur advertising must name the animal and the fur's country of origin.",
    "review",
)
C(
    "ftc-fur-faux",
    edit(
        fur, description="Knit beanie, 100% acrylic with 100% polyester faux fur pom-pom. Imported."
    ),
    "US.FTC.FUR",
    "Faux fur of polyester is not fur.",
)
V(
    "cbp-made-in-hong-kong",
    add_text(us_pot, "Made in Hong Kong."),
    "US.CBP.COO_MARKING",
    "19 USC 1304 / CBP 2020: goods from Hong Kong must be marked 'China'.",
    "review",
)
C(
    "cbp-made-in-china",
    add_text(us_pot, "Made in China."),
    "US.CBP.COO_MARKING",
    "'Made in China' is the correct marking.",
)
# Marketplace
amz = edit(listing("pot", "DE"), marketplace="amazon.de")
V(
    "amazon-title-201",
    title(amz, ("Pflanztopf aus Steinzeug mit Untersetzer salbeigrün " * 4)[:201]),
    "MKT.AMAZON.TITLE",
    "Amazon title rule: over 200 characters.",
    "warn",
)
C(
    "amazon-title-199",
    title(
        amz,
        (
            "Pflanztopf Steinzeug 15 cm Untersetzer Farbe Salbei "
            "Innen Balkon Garten Kräuter Sukkulenten Kakteen "
            "handgefertigt glasiert Abflussloch Geschenk Muttertag "
            "Einweihung Wohnung Dekoration modern Landhaus skandinavisch "
            "matt"
        )[:199],
    ),
    "MKT.AMAZON.TITLE",
    "199 characters is within the 200-character limit.",
)
V(
    "amazon-title-exclamation",
    title(amz, "Pflanztopf Steinzeug 15 cm!"),
    "MKT.AMAZON.TITLE",
    "Amazon title rule: '!' is not allowed.",
    "warn",
)
V(
    "amazon-title-repeat",
    title(amz, "Topf Topf Topf aus Steinzeug 15 cm"),
    "MKT.AMAZON.TITLE",
    "Amazon title rule: a word repeated more than twice.",
    "warn",
)
V(
    "amazon-title-free-shipping",
    title(amz, "Pflanztopf Steinzeug 15 cm free shipping"),
    "MKT.AMAZON.TITLE",
    "Amazon title rule: promotional phrase 'free shipping'.",
    "warn",
)
C(
    "amazon-title-two-repeats",
    title(amz, "Topf und Untersetzer, Topf aus Steinzeug 15 cm"),
    "MKT.AMAZON.TITLE",
    "A word twice is within the rule (more than twice is flagged).",
)
C(
    "amazon-title-style-hash",
    title(amz, "Pflanztopf Steinzeug 15 cm, Style #4301"),
    "MKT.AMAZON.TITLE_DETAIL",
    "'#' as an identifier is allowed.",
)
V(
    "amazon-title-decorative",
    title(amz, "<< Pflanztopf Steinzeug 15 cm >>"),
    "MKT.AMAZON.TITLE_DETAIL",
    "Amazon: '<' '>' used decoratively.",
    "warn",
)
V(
    "amazon-search-terms-best",
    edit(amz, keywords=["best", "planter", "stoneware"]),
    "MKT.AMAZON.SEARCH_TERMS",
    "Amazon search terms must not contain subjective words ('best').",
    "warn",
)
V(
    "amazon-search-terms-250-bytes",
    edit(amz, keywords=["ä" * 130]),
    "MKT.AMAZON.SEARCH_TERMS",
    "Amazon search terms must be under 250 bytes (ä = 2 bytes).",
    "warn",
)
C(
    "amazon-search-terms-ok",
    edit(amz, keywords=["übertopf", "blumentopf", "keramik"]),
    "MKT.AMAZON.SEARCH_TERMS",
    "Short, no subjective or temporary words.",
)
C(
    "amazon-search-terms-bestand",
    edit(amz, keywords=["bestandspflanzen", "kräutertopf"]),
    "MKT.AMAZON.SEARCH_TERMS",
    "'bestandspflanzen' merely contains 'best'.",
)

# ============================================================================================
group("epr")
de_sp = listing("speaker", "DE")
V(
    "de-weee-missing",
    edit(de_sp, registrations__weee_de=DELETE),
    "DE.ELEKTROG.WEEE",
    "ElektroG: EEE offers in Germany must show the WEEE-Reg.-Nr.",
    "review",
)
C("de-weee-present", de_sp, "DE.ELEKTROG.WEEE", "WEEE-Reg.-Nr. DE 12345678 shown.")
C("de-weee-not-eee", listing("pot", "DE"), "DE.ELEKTROG.WEEE", "A ceramic pot is not EEE.")
V(
    "de-lucid-missing",
    edit(listing("pot", "DE"), registrations=DELETE),
    "DE.VERPACKG.LUCID",
    "VerpackG §7(7): packaging to consumers needs a LUCID registration.",
    "review",
)
C("de-lucid-present", listing("pot", "DE"), "DE.VERPACKG.LUCID", "LUCID DE + 13 digits shown.")
V(
    "de-battdg-missing",
    edit(de_sp, registrations__battery_de=DELETE),
    "DE.BATTDG",
    "BattDG: products with batteries need a stiftung ear battery registration.",
    "review",
)
C(
    "de-battdg-no-battery",
    edit(lamp_de, registrations__battery_de=DELETE),
    "DE.BATTDG",
    "A mains lamp without batteries needs no battery registration.",
)
fr_sp = listing("speaker", "FR")
V(
    "fr-idu-missing-eee",
    edit(
        fr_sp,
        registrations__idu_fr=[
            fr_sp["registrations"]["idu_fr"][0],
            fr_sp["registrations"]["idu_fr"][2],
        ],
    ),
    "FR.AGEC.IDU",
    "AGEC L541-10-13: one IDU per EPR stream; the EEE IDU is missing.",
    "review",
)
V(
    "fr-idu-missing-all",
    edit(listing("pot", "FR"), registrations=DELETE),
    "FR.AGEC.IDU",
    "AGEC: packaging IDU missing.",
    "review",
)
V(
    "fr-idu-missing-toys",
    edit(
        listing("toy", "FR"),
        registrations__idu_fr=[{"stream": "packaging", "idu": "FR234567_01ABCD"}],
    ),
    "FR.AGEC.IDU",
    "AGEC: the toys stream IDU is missing.",
    "review",
)
C("fr-idu-all-streams", fr_sp, "FR.AGEC.IDU", "IDUs for packaging, EEE and batteries.")
C("fr-idu-textiles", listing("tshirt", "FR"), "FR.AGEC.IDU", "IDUs for packaging and textiles.")

# ============================================================================================
group("chemicals")
jew = edit(
    listing("pot", "DE"),
    title="Ohrstecker Silber 925, Mondform",
    description="Ohrstecker aus 925er Sterlingsilber, nickelfrei.",
    model="ER-MOON",
    hs_code="711311",
    category="Schmuck > Ohrringe",
)
V(
    "reach-nickel-base-metal",
    edit(
        jew,
        description="Ohrstecker aus vernickeltem Unedelmetall.",
        attributes__chemicals=["nickel"],
    ),
    "EU.REACH.27_NICKEL",
    "REACH entry 27: nickel-plated post assemblies with no release test.",
    "review",
)
C("reach-nickel-free", jew, "EU.REACH.27_NICKEL", "Nickel-free sterling silver.")
C(
    "reach-nickel-tested",
    edit(
        jew,
        description="Ohrstecker aus Edelstahl 316L, Nickellässigkeit "
        "0,05 µg/cm²/Woche nach EN 1811.",
        attributes__chemicals=["nickel release 0.05 µg/cm²/week"],
        certifications=[
            {
                "type": "REACH",
                "document": "test_report",
                "id": "TR-ER316-2026",
                "legislation": ["(EC) 1907/2006 Annex XVII entry 27"],
                "standards": ["EN 1811:2023"],
            }
        ],
    ),
    "EU.REACH.27_NICKEL",
    "Release 0.05 is under the 0.2 µg/cm²/week post-assembly limit.",
)
V(
    "reach-cadmium-0.02",
    edit(jew, attributes__chemicals=["cadmium 0.02 %"]),
    "EU.REACH.23_CADMIUM",
    "REACH entry 23: Cd ≥ 0.01 % in a metal part of jewellery.",
    "block",
)
C(
    "reach-cadmium-0.009",
    edit(jew, attributes__chemicals=["cadmium 0.009 %"]),
    "EU.REACH.23_CADMIUM",
    "0.009 % is under the 0.01 % limit.",
)
V(
    "reach-lead-jewellery-0.06",
    edit(jew, attributes__chemicals=["lead 0.06 %"]),
    "EU.REACH.63_LEAD_JEWELLERY",
    "REACH entry 63: lead ≥ 0.05 % in jewellery.",
    "block",
)
C(
    "reach-lead-jewellery-0.04",
    edit(jew, attributes__chemicals=["lead 0.04 %"]),
    "EU.REACH.63_LEAD_JEWELLERY",
    "0.04 % is under the 0.05 % limit.",
)
eu_toy = listing("toy", "NL")
V(
    "reach-phthalates-toy-0.15",
    edit(eu_toy, attributes__chemicals=["DEHP 0.15 %"]),
    "EU.REACH.51_PHTHALATES",
    "REACH entry 51: DEHP ≥ 0.1 % in a toy.",
    "block",
)
C(
    "reach-phthalates-toy-0.08",
    edit(eu_toy, attributes__chemicals=["DEHP 0.08 %"]),
    "EU.REACH.51_PHTHALATES",
    "0.08 % is under the 0.1 % combined limit.",
)
jacket = edit(
    listing("tshirt", "DE"),
    title="Regenjacke Herren, wasserdicht",
    description="Regenjacke aus Polyester mit C6-DWR-Imprägnierung (fluorhaltig).",
    model="RJ-01",
)
V(
    "reach-pfhxa-after",
    edit(jacket, date="2026-10-12"),
    "EU.REACH.79_PFHXA",
    "REACH entry 79 from 10 Oct 2026: C6 DWR consumer clothing (review).",
    "review",
)
C(
    "reach-pfhxa-day-before",
    edit(jacket, date="2026-10-09", description=jacket["description"].split(" Gesetzliche")[0]),
    "EU.REACH.79_PFHXA",
    "Entry 79 applies from 10 Oct 2026; dated 9 Oct.",
)
C(
    "reach-pfhxa-pfc-free",
    edit(jacket, description="Regenjacke aus Polyester, PFC-freie Imprägnierung auf Wachsbasis."),
    "EU.REACH.79_PFHXA",
    "A fluorine-free finish is outside entry 79.",
)
glitter = edit(
    listing("pot", "FR"),
    title="Paillettes de bricolage en vrac, 100 g",
    description="Paillettes plastiques en vrac pour loisirs créatifs, 100 g.",
    model="GL-100",
)
V(
    "reach-microplastic-glitter",
    glitter,
    "EU.REACH.78_MICROPLASTICS",
    "REACH entry 78: loose plastic glitter is banned since 17 Oct 2023.",
    "block",
)
C(
    "reach-glitter-mica",
    edit(glitter, description="Paillettes minérales en mica naturel, 100 g."),
    "EU.REACH.78_MICROPLASTICS",
    "Inorganic (mineral) glitter is out of scope of entry 78.",
)
C(
    "reach-glitter-day-before",
    edit(glitter, date="2023-10-16", description="Paillettes plastiques en vrac, 100 g."),
    "EU.REACH.78_MICROPLASTICS",
    "The glitter ban applies from 17 Oct 2023.",
)
shelf = edit(
    listing("pot", "DE"),
    title="Bücherregal aus MDF, weiß, 5 Fächer",
    description="Bücherregal aus MDF, 5 Fächer.",
    model="BR-5",
    category="Möbel > Regale",
)
V(
    "reach-formaldehyde-no-test",
    edit(shelf, date="2026-08-10"),
    "EU.REACH.77_FORMALDEHYDE",
    "REACH entry 77 from 6 Aug 2026: MDF furniture with no emission test (review).",
    "review",
)
C(
    "reach-formaldehyde-day-before",
    edit(shelf, date="2026-08-05"),
    "EU.REACH.77_FORMALDEHYDE",
    "Entry 77 applies from 6 Aug 2026.",
)
C(
    "reach-formaldehyde-tested",
    add_text(
        edit(
            shelf,
            date="2026-08-10",
            certifications=[
                {
                    "type": "REACH",
                    "document": "test_report",
                    "id": "TR-BR5-HCHO",
                    "legislation": ["(EC) 1907/2006 Annex XVII entry 77"],
                    "standards": ["REACH Annex XVII Appendix 14 (EN 717-1)"],
                }
            ],
        ),
        "Formaldehydemission 0,03 mg/m³ nach REACH Anhang XVII Anlage 14 geprüft.",
    ),
    "EU.REACH.77_FORMALDEHYDE",
    "0.03 mg/m³ is under the 0.062 limit, tested by the Appendix 14 method.",
)
wallet = edit(
    listing("pot", "IT"),
    title="Portafoglio in pelle",
    description="Portafoglio in vera pelle conciata al cromo.",
    model="PW-1",
)
V(
    "reach-crvi-5",
    edit(wallet, attributes__chemicals=["chromium VI 5 mg/kg"]),
    "EU.REACH.47_CRVI",
    "REACH entry 47: Cr(VI) ≥ 3 mg/kg in leather in skin contact.",
    "block",
)
C(
    "reach-crvi-2",
    edit(wallet, attributes__chemicals=["chromium VI 2 mg/kg"]),
    "EU.REACH.47_CRVI",
    "2 mg/kg is under the 3 mg/kg limit.",
)
V(
    "reach-svhc-bpa",
    edit(listing("pot", "ES"), attributes__chemicals=["Bisphenol A 0.2 %"]),
    "EU.REACH.SVHC_ART33",
    "REACH Art. 33: a Candidate List SVHC above 0.1 % with no SVHC information.",
    "review",
)
C(
    "reach-svhc-bpa-0.05",
    edit(listing("pot", "ES"), attributes__chemicals=["Bisphenol A 0.05 %"]),
    "EU.REACH.SVHC_ART33",
    "0.05 % is under the 0.1 % w/w threshold.",
)
V(
    "rohs-lead-solder",
    edit(lamp_de, attributes__chemicals=["lead 0.2 % in solder"]),
    "EU.CE.ROHS",
    "RoHS Annex II: Pb above 0.1 % per homogeneous material, no exemption cited.",
    "block",
)
C(
    "rohs-lead-0.09",
    edit(lamp_de, attributes__chemicals=["lead 0.09 % in solder"]),
    "EU.CE.ROHS",
    "0.09 % is under the 0.1 % limit.",
)

# ============================================================================================
group("restricted-goods")
ELEC_CE = {
    "type": "CE",
    "document": "declaration_of_conformity",
    "legislation": ["2014/30/EU", "2011/65/EU", "(EU) 2023/1542"],
}
ELEC_UKCA = {
    "type": "UKCA",
    "document": "declaration_of_conformity",
    "legislation": ["Electromagnetic Compatibility Regulations 2016", "RoHS Regulations 2012"],
}
vape_gb = edit(
    listing("pot", "GB"),
    title="Disposable Vape 600 Puffs, Mint",
    description="Single-use pre-filled vape, 2 ml, 20 mg/ml nicotine.",
    model="DV-600",
    attributes__disposable_vape=True,
    attributes__electrical=True,
    attributes__battery="li-ion",
    manufacturer=dict(__import__("bases").MFR_CN_AUDIO),
    certifications=[ELEC_CE, ELEC_UKCA],
)
V(
    "uk-single-use-vape-after",
    edit(vape_gb, date="2025-06-02"),
    "UK.PROD.SINGLE_USE_VAPE",
    "UK ban on single-use vapes from 1 Jun 2025.",
    "block",
)
C(
    "uk-single-use-vape-day-before",
    edit(vape_gb, date="2025-05-31"),
    "UK.PROD.SINGLE_USE_VAPE",
    "The ban applies from 1 Jun 2025.",
)
C(
    "uk-refillable-vape",
    edit(
        vape_gb,
        date="2025-06-02",
        title="Refillable Pod Vape Kit",
        description="Refillable, rechargeable pod vape kit, 2 ml pod.",
        attributes__disposable_vape=False,
    ),
    "UK.PROD.SINGLE_USE_VAPE",
    "Refillable vapes are not single-use.",
)
vape_fr = edit(
    vape_gb,
    markets=["FR"],
    marketplace="own-shop",
    language="fr",
    title="Puff jetable 600 bouffées",
    description="Cigarette électronique jetable, 2 ml, 20 mg/ml.",
    eu_responsible_person=dict(__import__("bases").RP_DE),
    certifications=[ELEC_CE],
    # an electrical product with a battery: IDUs for packaging, EEE and batteries (AGEC)
    registrations={"idu_fr": copy.deepcopy(IDU_FR["speaker"])},
)
V(
    "fr-disposable-vape-after",
    edit(vape_fr, date="2025-02-27"),
    "EU.VAPE.DISPOSABLE_BANS",
    "France bans single-use vapes from 26 Feb 2025.",
    "block",
)
C(
    "fr-disposable-vape-before",
    edit(vape_fr, date="2025-02-24"),
    "EU.VAPE.DISPOSABLE_BANS",
    "The French ban starts 26 Feb 2025; dated 24 Feb.",
)
V(
    "be-disposable-vape-after",
    edit(vape_fr, markets=["BE"], date="2025-01-02"),
    "EU.VAPE.DISPOSABLE_BANS",
    "Belgium bans single-use vapes from 1 Jan 2025.",
    "block",
)
C(
    "be-disposable-vape-before",
    edit(vape_fr, markets=["BE"], date="2024-12-31"),
    "EU.VAPE.DISPOSABLE_BANS",
    "Belgium's ban starts 1 Jan 2025.",
)
liquid = edit(
    listing("pot", "DE"),
    title="E-Liquid Minze 10 ml",
    description="Nikotinhaltiges "
    "Liquid, 10 ml, 18 mg/ml, kindersicherer Verschluss, TPD-notifiziert.",
    model="EL-10",
)
C("tpd-liquid-18mg", liquid, "EU.TPD.ECIG", "18 mg/ml and 10 ml are within the TPD limits.")
V(
    "tpd-liquid-25mg",
    edit(liquid, description="Nikotinhaltiges Liquid, 10 ml, 25 mg/ml."),
    "EU.TPD.ECIG",
    "TPD Art. 20: nicotine over 20 mg/ml.",
    "block",
)
V(
    "tpd-liquid-30ml",
    edit(
        liquid,
        title="E-Liquid Minze 30 ml",
        description="Nikotinhaltiges Liquid, 30 ml Flasche, 12 mg/ml.",
    ),
    "EU.TPD.ECIG",
    "TPD Art. 20: refill containers over 10 ml.",
    "block",
)
au_pot = listing("pot", "AU")
V(
    "au-vape-listing",
    edit(
        au_pot,
        title="Nicotine Vape Pen, Mint",
        description="Rechargeable vape pen, 20 mg/mL nicotine.",
        attributes__electrical=True,
    ),
    "AU.VAPE.PHARMACY",
    "Since 1 Jul 2024 only pharmacies may supply vapes in Australia.",
    "block",
)
C(
    "au-vaporiser-humidifier",
    edit(
        au_pot,
        title="Ultrasonic Cool-Mist Humidifier",
        description="Room humidifier with vapour output control.",
    ),
    "AU.VAPE.PHARMACY",
    "A humidifier's 'vapour' is not a vape.",
)
sg_pot = listing("pot", "SG")
V(
    "sg-vape-ban",
    edit(sg_pot, title="E-cigarette Starter Kit", description="E-cigarette kit with 2 ml pods."),
    "VAPE.DEST_BANS",
    "Singapore bans the sale and import of e-cigarettes.",
    "block",
)
C(
    "sg-vapour-barrier",
    edit(
        sg_pot,
        title="Vapour Barrier Membrane 10 m²",
        description="Polyethylene vapour barrier for walls.",
    ),
    "VAPE.DEST_BANS",
    "'Vapour barrier' is building material, not a vape.",
)
knife_gb = edit(
    listing("pot", "GB"),
    title="Zombie Knife 12 inch Serrated",
    description="12-inch zombie-style knife with serrated edge and spikes.",
    attributes__blade=True,
    model="ZK-12",
)
V(
    "uk-zombie-knife",
    knife_gb,
    "UK.KNIFE.PROHIBITED",
    "Offensive Weapons Order as amended 24 Sep 2024: zombie-style knives are prohibited.",
    "block",
)
V(
    "uk-flick-knife",
    edit(knife_gb, title="Automatic Flick Knife", description="Spring-assisted flick knife."),
    "UK.KNIFE.PROHIBITED",
    "CJA 1988 s.141: flick knives are prohibited.",
    "block",
)
C(
    "uk-butterfly-hair-clip",
    edit(
        listing("pot", "GB"),
        title="Butterfly Hair Clips, 12 Pack",
        description="Butterfly-shaped acrylic hair clips.",
    ),
    "UK.KNIFE.PROHIBITED",
    "'Butterfly' names a hair clip, not a butterfly knife.",
)
C(
    "uk-flick-book",
    edit(
        listing("pot", "GB"),
        title="Flick Book Animation Kit",
        description="Make your own flick book, 60 blank pages.",
    ),
    "UK.KNIFE.PROHIBITED",
    "A flick book is not a flick knife.",
)
ninja = edit(knife_gb, title="Decorative Ninja Sword", description="Ninja sword, 60 cm blade.")
V(
    "uk-ninja-sword-after",
    edit(ninja, date="2025-08-02"),
    "UK.KNIFE.PROHIBITED",
    "Ninja swords are prohibited from 1 Aug 2025.",
    "block",
)
C(
    "uk-ninja-sword-before",
    edit(ninja, date="2025-07-30"),
    "UK.KNIFE.PROHIBITED",
    "The ninja-sword ban applies from 1 Aug 2025.",
)
ebay_knife = edit(
    listing("pot", "GB"),
    marketplace="ebay.co.uk",
    title="Folding Pocket Knife 7 cm",
    description="Lock-knife, 7 cm blade. Ships from Shenzhen, China.",
    attributes__blade=True,
)
V(
    "ebay-uk-blade-overseas-stock",
    ebay_knife,
    "MKT.EBAY.UK_BLADES",
    "eBay UK: bladed items only from UK stock with age-verified delivery.",
    "review",
)
V(
    "ebay-uk-laser-5mw",
    edit(
        listing("pot", "GB"),
        marketplace="ebay.co.uk",
        title="Laser Pointer 5 mW",
        description="Red laser pointer.",
        attributes__laser_mw=5,
        attributes__electrical=True,
        certifications=[ELEC_CE, ELEC_UKCA],
    ),
    "MKT.EBAY.UK_SAFETY",
    "eBay UK: laser pointers only ≤ 1 mW.",
    "block",
)
C(
    "ebay-uk-laser-1mw",
    edit(
        listing("pot", "GB"),
        marketplace="ebay.co.uk",
        title="Laser Pointer 1 mW Class 2",
        description="Red laser pointer, Class 2.",
        attributes__laser_mw=1,
        attributes__electrical=True,
        certifications=[ELEC_CE, ELEC_UKCA],
    ),
    "MKT.EBAY.UK_SAFETY",
    "1 mW Class 2 is allowed on eBay UK.",
)
V(
    "ebay-uk-18650-alone",
    edit(
        listing("pot", "GB"),
        marketplace="ebay.co.uk",
        title="18650 Li-ion Cell 3000 mAh, 2 Pack",
        description="Loose 18650 rechargeable cells.",
        attributes__battery="li-ion",
    ),
    "MKT.EBAY.UK_SAFETY",
    "eBay UK: 18650 cells are not sold on their own.",
    "block",
)
for m, mw, bad in [("AU", 5, True), ("AU", 0.9, False), ("NZ", 2, True), ("NZ", 1, False)]:
    d = edit(
        listing("pot", m),
        title=f"Laser Pointer {mw} mW",
        description="Laser pointer.",
        attributes__laser_mw=mw,
        attributes__electrical=True,
    )
    if bad:
        V(
            f"laser-dest-{m}-{mw}",
            d,
            "LASER.DEST",
            f"{m}: hand-held lasers over 1 mW are prohibited imports.",
            "block",
        )
    else:
        C(f"laser-dest-{m}-{mw}", d, "LASER.DEST", f"{m}: {mw} mW does not exceed 1 mW.")
us_cbd = edit(
    us_pot,
    title="Hemp Gummies, 30 Count",
    description="Hemp-derived gummies, 0.3 mg total THC per container.",
    category="Health",
)
C(
    "us-hemp-before",
    edit(
        us_cbd,
        date="2026-11-11",
        description="Hemp-derived gummies, 0.6 mg total THC per container.",
    ),
    "US.HEMP_2026",
    "The 0.4 mg per container limit applies from 12 Nov 2026.",
)
V(
    "us-hemp-after",
    edit(
        us_cbd,
        date="2026-11-13",
        description="Hemp-derived gummies, 0.6 mg total THC per container.",
    ),
    "US.HEMP_2026",
    "H.R. 5371 from 12 Nov 2026: over 0.4 mg total THC per container.",
    "block",
)
C(
    "us-hemp-0.3mg",
    edit(
        us_cbd,
        date="2026-11-13",
        description="Hemp-derived gummies, 0.3 mg total THC per container "
        "(0.01 % total THC), no synthetic cannabinoids.",
    ),
    "US.HEMP_2026",
    "0.3 mg is under 0.4 mg.",
)
cbd_de = edit(
    listing("pot", "DE"),
    title="CBD-Öl 10 %, 10 ml Tropfen",
    description="CBD-Öl zum Einnehmen, 10 ml.",
    category="Gesundheit",
)
V(
    "cbd-ingestible-de",
    cbd_de,
    "CBD.EU_UK",
    "CBD food is an unauthorised novel food in the EU.",
    "block",
)
C(
    "cbd-topical-de",
    edit(
        cbd_de,
        title="CBD-Hautbalsam 50 ml",
        description="Kosmetischer Balsam mit CBD zur äußeren Anwendung.",
    ),
    "CBD.EU_UK",
    "Cosmetics and topicals fall outside food law.",
)
cbd_jp = edit(
    listing("pot", "JP"), title="CBDオイル 10ml", description="CBDオイル、Δ9-THC 残留 12 ppm。"
)
V(
    "cbd-jp-12ppm",
    edit(cbd_jp, date="2024-12-13"),
    "CBD.JP_THC",
    "Japan from 12 Dec 2024: oils over 10 ppm Δ9-THC are narcotics.",
    "block",
)
C(
    "cbd-jp-9ppm",
    edit(cbd_jp, date="2024-12-13", description="CBDオイル、Δ9-THC 残留 9 ppm。"),
    "CBD.JP_THC",
    "9 ppm is under the 10 ppm oil limit.",
)
V(
    "us-ends-usps",
    edit(
        us_pot,
        title="Refillable Vape Kit",
        description="Refillable vape kit. Ships via USPS First-Class.",
    ),
    "US.ENDS",
    "PACT Act / 86 FR 58398: vapes cannot be mailed by USPS.",
    "block",
)

# ============================================================================================
group("tax")
for m in ["DE", "FR", "IT", "NL", "ES", "PL", "SE", "XI"]:
    C(
        f"ioss-150-exactly-{m}",
        order(m, 150.0),
        "EU.VAT.IOSS_LIMIT",
        "Art. 369l: IOSS covers consignments of at most €150; exactly €150 qualifies.",
    )
for m in ["DE", "FR", "IT", "NL"]:
    o = order(
        m,
        160.0,
        marketplace_facilitates=False,
        seller__ioss_number=IOSS_SELLER,
        ioss_number=IOSS_SELLER,
        vat_collection__collected_by="seller",
        vat_collection__deemed_supplier=False,
    )
    V(
        f"ioss-over-150-{m}",
        o,
        "EU.VAT.IOSS_LIMIT",
        "Art. 369l: IOSS cannot be used above €150; import VAT is due at the border.",
        "review",
    )
    V(
        f"ioss-bad-format-{m}",
        order(m, 45.0, ioss_number="IM27600001"),
        "EU.VAT.IOSS_LIMIT",
        "The IOSS ID format is IM + 10 digits; 'IM27600001' has 8.",
        "review",
    )
    V(
        f"deemed-supplier-seller-collects-{m}",
        order(
            m, 45.0, vat_collection__collected_by="seller", vat_collection__deemed_supplier=False
        ),
        "EU.VAT.DEEMED_SUPPLIER",
        "Art. 14a(1): the marketplace is the deemed supplier for imported consignments ≤ €150.",
        "review",
    )
    C(
        f"deemed-supplier-own-shop-{m}",
        order(
            m,
            45.0,
            marketplace_facilitates=False,
            marketplace="own-shop",
            ioss_number=IOSS_SELLER,
            seller__ioss_number=IOSS_SELLER,
            vat_collection__collected_by="seller",
            vat_collection__deemed_supplier=False,
        ),
        "EU.VAT.DEEMED_SUPPLIER",
        "Own-shop sale: no marketplace, the seller uses its own IOSS.",
    )
    V(
        f"deemed-supplier-eu-stock-{m}",
        order(
            m,
            400.0,
            ship_from_country="DE" if m != "DE" else "PL",
            ioss_number=DELETE,
            vat_collection={
                "scheme": "oss",
                "collected_by": "seller",
                "collected_at": "checkout",
                "deemed_supplier": False,
                "rate_percent": 20,
            },
        ),
        "EU.VAT.DEEMED_SUPPLIER",
        "Art. 14a(2): goods already in the EU sold by a non-EU seller "
        "via a marketplace: the marketplace is the deemed supplier at any value.",
        "review",
    )
b2b = order(
    "DE",
    300.0,
    buyer__type="b2b",
    buyer__name="Blumen Meyer GmbH",
    buyer__vat_id="DE811907980",
    ship_from_country="AT",
    ioss_number=DELETE,
    marketplace_facilitates=False,
    marketplace="own-shop",
    seller=dict(
        SELLER_DE,
        country="AT",
        vat_id="ATU12345675",
        established_in=["AT"],
        name="Keramik Austria GmbH",
        city="Wien",
        postal_code="1010",
        address="Ring 1",
    ),
    vat_charged=False,
    vat_collection={"scheme": "reverse_charge", "collected_by": "buyer", "collected_at": "later"},
)
C("b2b-vat-id-ok-de", b2b, "EU.VAT.B2B_ID", "DE + 9 digits matches the VIES format.")
V(
    "b2b-vat-id-8-digits-de",
    edit(b2b, buyer__vat_id="DE81190798"),
    "EU.VAT.B2B_ID",
    "DE VAT IDs are DE + 9 digits; this has 8.",
    "review",
)
V(
    "b2b-vat-id-missing-de",
    edit(b2b, buyer__vat_id=DELETE),
    "EU.VAT.B2B_ID",
    "Reverse charge without any buyer VAT ID.",
    "review",
)
for cc, good, bad in [
    ("FR", "FR11123456782", "FR123456782"),
    ("IT", "IT00743110157", "IT0074311015"),
    ("NL", "NL123456782B01", "NL123456782"),
    ("ES", "ESB12345674", "ES12345674"),
    ("PL", "PL5200000007", "PL520000000"),
    ("SE", "SE123456780601", "SE1234567806"),
]:
    bb = edit(b2b, shipping_address=person(cc), buyer__country=cc, buyer__vat_id=good)
    C(f"b2b-vat-id-ok-{cc}", bb, "EU.VAT.B2B_ID", f"{good} matches the {cc} VAT ID format.")
    V(
        f"b2b-vat-id-bad-{cc}",
        edit(bb, buyer__vat_id=bad),
        "EU.VAT.B2B_ID",
        f"{bad} does not match the {cc} format.",
        "review",
    )
V(
    "b2b-vat-id-gr-prefix",
    edit(b2b, shipping_address=person("ES"), buyer__country="GR", buyer__vat_id="GR123456783"),
    "EU.VAT.B2B_ID",
    "Greece uses the EL prefix in VIES, not GR.",
    "review",
)
C(
    "vat-2028-day-before",
    order(
        "DE",
        200.0,
        date="2028-06-30",
        ioss_number=DELETE,
        vat_charged=False,
        vat_collection={
            "scheme": "import_vat",
            "collected_by": "carrier",
            "collected_at": "delivery",
        },
    ),
    "EU.VAT.2028",
    "Customer-pays-at-the-door arrangements end on 1 Jul 2028; dated 30 Jun 2028.",
)
V(
    "vat-2028-after",
    order(
        "DE",
        200.0,
        date="2028-07-02",
        ioss_number=DELETE,
        vat_charged=False,
        vat_collection={
            "scheme": "import_vat",
            "collected_by": "carrier",
            "collected_at": "delivery",
        },
    ),
    "EU.VAT.2028",
    "Dir. (EU) 2025/1539 from 1 Jul 2028: the supplier or platform is liable for "
    "import VAT; collection from the customer at the door is repealed.",
    "review",
)
V(
    "vat-non-eu-seller-domestic-vat",
    order(
        "FR",
        60.0,
        ship_from_country="DE",
        ioss_number=DELETE,
        marketplace_facilitates=False,
        marketplace="own-shop",
        vat_collection={
            "scheme": "domestic",
            "collected_by": "seller",
            "collected_at": "checkout",
            "rate_percent": 19,
        },
    ),
    "EU.VAT.DIST_THRESHOLD",
    "Art. 59c: a non-EU seller has no €10,000 threshold; French VAT is "
    "due from the first euro (OSS), not German VAT.",
    "review",
)
C(
    "vat-non-eu-seller-oss",
    order(
        "FR",
        60.0,
        ship_from_country="DE",
        ioss_number=DELETE,
        marketplace_facilitates=False,
        marketplace="own-shop",
        vat_collection={
            "scheme": "oss",
            "collected_by": "seller",
            "collected_at": "checkout",
            "rate_percent": 20,
        },
    ),
    "EU.VAT.DIST_THRESHOLD",
    "French VAT at 20 % through the OSS.",
)
# UK
for v in (135.0, 120.0, 99.0):
    C(
        f"uk-vat-at-sale-{int(v)}",
        order("GB", v),
        "UK.VAT.LVG_135",
        "≤ £135: the OMP charges UK VAT at sale.",
    )
V(
    "uk-vat-over-135",
    order("GB", 140.0),
    "UK.VAT.LVG_135",
    "Above £135 import VAT applies at the border, not UK VAT at sale.",
    "review",
)
V(
    "uk-vat-not-charged-120",
    order(
        "GB",
        120.0,
        vat_charged=False,
        vat_collection={
            "scheme": "import_vat",
            "collected_by": "carrier",
            "collected_at": "delivery",
        },
    ),
    "UK.VAT.LVG_135",
    "≤ £135 via an OMP: UK VAT must be charged at sale.",
    "review",
)
C(
    "uk-vat-import-over-135",
    order(
        "GB",
        136.0,
        vat_charged=False,
        vat_collection={
            "scheme": "import_vat",
            "collected_by": "carrier",
            "collected_at": "border",
        },
    ),
    "UK.VAT.LVG_135",
    "Above £135: import VAT at the border is right.",
)
gbb = order(
    "GB",
    100.0,
    buyer__type="b2b",
    buyer__vat_id="GB980780684",
    buyer__name="Green Thumb Ltd",
    vat_charged=False,
    vat_collection={"scheme": "reverse_charge", "collected_by": "buyer", "collected_at": "later"},
)
C("uk-b2b-reverse-ok", gbb, "UK.VAT.B2B_REVERSE", "Valid GB VAT number, reverse charge.")
V(
    "uk-b2b-vat-charged",
    edit(gbb, vat_charged=True, vat_collection=order("GB", 100.0)["vat_collection"]),
    "UK.VAT.B2B_REVERSE",
    "≤ £135 with a UK VAT number: no VAT charged, buyer reverse-charges.",
    "review",
)
V(
    "uk-omp-uk-stock-seller",
    order(
        "GB",
        300.0,
        ship_from_country="GB",
        vat_collection__collected_by="seller",
        vat_collection__deemed_supplier=False,
    ),
    "UK.VAT.OMP_UK_STOCK",
    "Overseas seller with UK stock via an OMP: the OMP is liable at any value.",
    "review",
)
C(
    "uk-omp-uk-stock-omp",
    order("GB", 300.0, ship_from_country="GB"),
    "UK.VAT.OMP_UK_STOCK",
    "The OMP collected VAT.",
)
# US
V(
    "us-tax-double",
    order("US", 60.0, vat_collection__collected_by="seller"),
    "US.TAX.MARKETPLACE_FACILITATOR",
    "On facilitated sales the facilitator collects; the seller must not collect its own tax.",
    "review",
)
C(
    "us-tax-facilitator",
    order("US", 60.0),
    "US.TAX.MARKETPLACE_FACILITATOR",
    "The marketplace facilitator collected the tax.",
)
# Other low-value regimes (regulations-2.md section 4)
for m, under, over_, why in [
    ("AU", 999.0, 1001.0, "A$1,000"),
    ("NZ", 999.0, 1001.0, "NZ$1,000"),
    ("SG", 399.0, 401.0, "S$400"),
    ("NO", 2999.0, 3001.0, "NOK 3,000"),
    ("MY", 499.0, 501.0, "RM500"),
]:
    row = {
        "AU": "AU.GST.LVG_1000",
        "NZ": "NZ.GST.LVG_1000",
        "SG": "SG.GST.LVG_400",
        "NO": "NO.VAT.VOEC",
        "MY": "MY.SST.LVG_500",
    }[m]
    C(
        f"{m.lower()}-lvg-at-sale-under",
        order(m, under),
        row,
        f"≤ {why}: tax charged at sale by the marketplace.",
    )
    V(
        f"{m.lower()}-lvg-not-charged",
        order(
            m,
            under,
            vat_charged=False,
            vat_collection={
                "scheme": "import_vat",
                "collected_by": "carrier",
                "collected_at": "delivery",
            },
        ),
        row,
        f"≤ {why}: tax must be charged at sale by the seller or marketplace.",
        "review",
    )
    C(
        f"{m.lower()}-lvg-over-border",
        order(
            m,
            over_,
            vat_charged=False,
            vat_collection={
                "scheme": "import_vat",
                "collected_by": "carrier",
                "collected_at": "border",
            },
        ),
        row,
        f"Above {why}: tax at the border is right.",
    )
V(
    "au-gst-business-abn-charged",
    order("AU", 200.0, buyer__type="b2b", buyer__tax_id="51824753556", buyer__tax_id_type="au_abn"),
    "AU.GST.LVG_1000",
    "A buyer giving an ABN gets no GST at sale.",
    "review",
)
V(
    "ch-platform-2025-not-deemed",
    order(
        "CH",
        80.0,
        date="2025-01-02",
        vat_collection__collected_by="seller",
        vat_collection__deemed_supplier=False,
    ),
    "CH.VAT.PLATFORM_2025",
    "Art. 20a MWSTG from 1 Jan 2025: the platform is the deemed supplier.",
    "review",
)
C(
    "ch-platform-2024",
    order(
        "CH",
        80.0,
        date="2024-12-31",
        vat_collection__collected_by="seller",
        vat_collection__deemed_supplier=False,
    ),
    "CH.VAT.PLATFORM_2025",
    "The platform rule applies from 1 Jan 2025.",
)

# ============================================================================================
group("data-protection")
for m in ["DE", "FR", "IT", "NL", "ES", "IE"]:
    V(
        f"gdpr-preticked-{m}",
        order(m, consents__0__method="checkbox_preticked"),
        "GDPR.CONSENT_PRETICKED",
        "Art. 4(11)/7, Planet49: a pre-ticked box is no consent.",
        "review",
    )
    C(
        f"gdpr-unticked-{m}",
        order(m),
        "GDPR.CONSENT_PRETICKED",
        "An unticked box the buyer ticked, with evidence.",
    )
for m in ["DE", "FR", "IT"]:
    V(
        f"gdpr-bundled-{m}",
        order(m, consents__0__bundled_with_order=True),
        "GDPR.CONSENT_BUNDLED",
        "Art. 7(4): the order depended on marketing consent.",
        "review",
    )
    V(
        f"gdpr-several-purposes-{m}",
        order(m, consents__0__covers_several_purposes=True),
        "GDPR.CONSENT_BUNDLED",
        "Art. 7: one box covered several purposes.",
        "review",
    )
    V(
        f"gdpr-no-proof-{m}",
        order(m, consents__0__given_at=DELETE, consents__0__text_version=DELETE),
        "GDPR.CONSENT_PROOF",
        "Art. 7(1): no timestamp or text version stored.",
        "review",
    )
    V(
        f"gdpr-minimisation-dob-{m}",
        order(
            m,
            personal_data={
                "date_of_birth": "1990-03-07",
                "gender": "female",
                "purposes": ["marketing"],
            },
        ),
        "GDPR.MINIMISATION",
        "Art. 5(1)(c): date of birth and gender not needed for an EU delivery.",
        "review",
    )
    V(
        f"gdpr-health-data-{m}",
        order(
            m,
            personal_data={
                "health": "diabetic, needs insulin cooler",
                "special_categories": ["health"],
            },
        ),
        "SCOPE.SPECIAL_CATEGORY_DATA",
        "Art. 9: special-category (health) data in an order for a ceramic mug.",
        "review",
    )
    V(
        f"eprivacy-third-party-{m}",
        order(m, consents__0__method="soft_opt_in", consents__0__source="third_party"),
        "EPRIV.SOFT_OPTIN",
        "Dir. 2002/58 Art. 13(2): soft opt-in only for the seller's own customers.",
        "review",
    )
    C(
        f"eprivacy-soft-optin-ok-{m}",
        order(
            m,
            consents__0__method="soft_opt_in",
            consents__0__source="own_sale",
            consents__0__opt_out_offered=True,
        ),
        "EPRIV.SOFT_OPTIN",
        "Existing customer, own sale, opt-out offered.",
    )
for m in ["KR", "BR", "TR"]:
    C(
        f"gdpr-minimisation-id-needed-{m}",
        order(m),
        "GDPR.MINIMISATION",
        f"{m} requires a national ID for customs; deleted after clearance.",
    )
V(
    "pecr-affiliate",
    order("GB", consents__0__method="soft_opt_in", consents__0__source="affiliate"),
    "UK.PECR.SOFT_OPTIN",
    "PECR reg. 22(3): soft opt-in needs details the sender obtained itself.",
    "review",
)
V(
    "pecr-no-opt-out",
    order(
        "GB",
        consents__0__method="soft_opt_in",
        consents__0__source="own_sale",
        consents__0__opt_out_offered=False,
    ),
    "UK.PECR.SOFT_OPTIN",
    "PECR reg. 22(3): no opt-out offered at collection.",
    "review",
)
C(
    "pecr-soft-optin-ok",
    order(
        "GB",
        consents__0__method="soft_opt_in",
        consents__0__source="own_sale",
        consents__0__opt_out_offered=True,
    ),
    "UK.PECR.SOFT_OPTIN",
    "Own sale, similar products, opt-out offered.",
)
ca_addr = person("US", city="San Francisco", postal_code="94105", address="1 Market Street")
V(
    "ccpa-gpc-shared-ads",
    order(
        "US",
        shipping_address=ca_addr,
        privacy_signals={"gpc": True, "shared_with": ["advertising", "carrier"]},
    ),
    "US.CA.CCPA_GPC",
    "11 CCR 7025: GPC is an opt-out of sale/sharing; data still goes to ad partners.",
    "review",
)
C(
    "ccpa-gpc-carrier-only",
    order(
        "US",
        shipping_address=ca_addr,
        privacy_signals={"gpc": True, "shared_with": ["carrier", "payment"]},
    ),
    "US.CA.CCPA_GPC",
    "GPC honoured: only carrier and payment processor receive data.",
)
V(
    "pipl-no-sensitive-consent",
    order("CN", consents=[order("CN")["consents"][0]]),
    "CN.PIPL.SENSITIVE_CONSENT",
    "PIPL Arts. 28-29, 39: ID number without separate consent.",
    "review",
)
C(
    "pipl-consents-ok",
    order("CN"),
    "CN.PIPL.SENSITIVE_CONSENT",
    "Separate consents for the ID and the transfer abroad.",
)
V(
    "lgpd-no-timestamp",
    order("BR", consents__0__given_at=DELETE, consents__0__text_version=DELETE),
    "BR.LGPD.CONSENT",
    "LGPD Art. 8: the controller must prove consent; no record.",
    "review",
)
V(
    "lgpd-bundled-terms",
    order("BR", consents__0__method="terms_bundled"),
    "BR.LGPD.CONSENT",
    "LGPD Art. 8: consent bundled into the terms is not specific.",
    "review",
)
C("lgpd-ok", order("BR"), "BR.LGPD.CONSENT", "Specific consent with time and text version.")
V(
    "listing-personal-data",
    add_text(
        listing("pot", "DE"),
        "Rückfragen an Anna Schmidt, Tel. +49 170 1234567, Geburtsdatum 07.03.1990.",
    ),
    "SCOPE.PERSONAL_DATA_IN_LISTINGS",
    "GDPR: personal data of a private person in listing text.",
    "review",
)

# ============================================================================================
group("sanctions")
for cc, why in [
    ("CU", "Cuba (31 CFR 515)"),
    ("IR", "Iran (31 CFR 560)"),
    ("KP", "North Korea (31 CFR 510)"),
]:
    V(
        f"ofac-embargo-order-{cc}",
        order(
            cc,
            ship_from_country="US",
            seller=dict(
                SELLER_DE,
                country="US",
                name="Garden Goods Inc.",
                city="Austin",
                address="1 Congress Ave",
                postal_code="78701",
                established_in=["US"],
                vat_id=DELETE,
            ),
        ),
        "US.OFAC.EMBARGO",
        f"OFAC embargo: {why}.",
        "block",
    )
    V(
        f"ofac-embargo-shipment-{cc}",
        shipment(cc, origin_country="US"),
        "US.OFAC.EMBARGO",
        f"OFAC embargo: {why}.",
        "block",
    )
C(
    "ofac-syria-after-2025-07-01",
    order("SY", date="2025-07-02", ship_from_country="US"),
    "US.OFAC.EMBARGO",
    "EO 14312 ended the Syria programme on 1 Jul 2025.",
)
V(
    "ofac-crimea",
    order(
        "UA",
        shipping_address=person("UA", city="Sevastopol", address="Lenina 1", postal_code="299011"),
        ship_from_country="US",
    ),
    "US.OFAC.EMBARGO",
    "EO 13685: Crimea region embargo.",
    "block",
)
C(
    "ofac-kyiv",
    order("UA", ship_from_country="US"),
    "US.OFAC.EMBARGO",
    "Kyiv is not in an embargoed region.",
)
lux = order(
    "RU",
    350.0,
    ship_from_country="DE",
    seller=dict(SELLER_DE),
    ioss_number=DELETE,
    items__0__title="Wristwatch, stainless steel",
    items__0__hs_code="910221",
    # a German seller prices in euro: the RU base's rouble prices made this a EUR 3.50 watch
    items__0__unit_price__currency="EUR",
    goods_value__currency="EUR",
    shipping_cost__currency="EUR",
    total__currency="EUR",
)
V(
    "eu-ru-luxury-watch-350",
    lux,
    "EU.SANCTIONS.RU_LUXURY_REGIONS",
    "Reg. 833/2014 Art. 3h: luxury goods over €300 per item to Russia.",
    "block",
)
C(
    "eu-ru-luxury-watch-290",
    edit(lux, items__0__unit_price__amount=290.0, goods_value__amount=290.0, total__amount=294.9),
    "EU.SANCTIONS.RU_LUXURY_REGIONS",
    "€290 is under the €300 per-item threshold.",
)
V(
    "eu-ru-luxury-shipment",
    shipment(
        "RU",
        origin_country="DE",
        exporter=dict(SELLER_DE),
        items__0__value__amount=400.0,
        items__0__value__currency="EUR",
        items__0__description="Eau de parfum 100 ml, luxury",
        items__0__hs_code="330300",
        packing_list__lines__0__description="Eau de parfum 100 ml, luxury",
        # perfume by express travels as declared dangerous goods (UN1266, limited quantity)
        dangerous_goods=[
            {
                "line": 1,
                "un_number": "UN1266",
                "proper_shipping_name": "Perfumery products",
                "class": "3",
                "packing_group": "II",
                "limited_quantity": True,
            }
        ],
        declared_value__amount=400.0,
        declared_value__currency="EUR",
        invoice__total_value__amount=400.0,
        invoice__total_value__currency="EUR",
        items__0__quantity=1,
        invoice__total_quantity=1,
        packing_list__total_quantity=1,
        packing_list__lines__0__quantity=1,
    ),
    "EU.SANCTIONS.RU_LUXURY_REGIONS",
    "Perfume at €400 per item to Russia (Annex XVIII).",
    "block",
)
V(
    "denied-party-order",
    order(
        "CZ",
        buyer__name="SUEX OTC, S.R.O.",
        buyer__type="b2b",
        shipping_address__name="SUEX OTC, S.R.O.",
        shipping_address__type="b2b",
        ioss_number=DELETE,
        vat_charged=False,
        vat_collection={"scheme": "import_vat", "collected_by": "buyer", "collected_at": "border"},
    ),
    "SCOPE.DENIED_PARTIES",
    "OFAC SDN: SUEX OTC is a blocked entity.",
    "block",
)
V(
    "denied-party-shipment",
    shipment("US", consignee=dict(person("US"), name="BEL-KAP-STEEL LLC", type="b2b")),
    "SCOPE.DENIED_PARTIES",
    "OFAC SDN: BEL-KAP-STEEL LLC is a blocked entity.",
    "block",
)
C(
    "denied-party-restaurant-tasca",
    shipment("IT", consignee=dict(person("IT"), name="Tasca Ristorante Srl", type="b2b")),
    "SCOPE.DENIED_PARTIES",
    "'TASCA' on the SDN list is a vessel; a Turin restaurant is not it.",
)
C(
    "denied-party-common-name",
    shipment("ES", consignee=dict(person("ES"), name="Daniela Moreno Ruiz")),
    "SCOPE.DENIED_PARTIES",
    "A common surname (Moreno) with another given name is no match.",
)
V(
    "ear-ru-phone",
    shipment(
        "RU",
        goods="speaker",
        items__0__hs_code="851762",
        origin_country="US",
        items__0__origin_country="US",
        exporter=dict(
            SELLER_DE,
            name="Garden Goods Inc.",
            country="US",
            city="Austin",
            address="1 Congress Ave",
            postal_code="78701",
            established_in=["US"],
            vat_id=DELETE,
        ),
    ),
    "US.EAR.RU_BY",
    "15 CFR 746.8: items in Supp. 4/7 by HS-6 need a licence to Russia.",
    "block",
)

# ============================================================================================
group("customs")
for d in ["US", "GB", "CN"]:
    s = shipment(d)
    V(
        f"hs-6-digits-{d}",
        edit(s, items__0__hs_code="691200"),
        "DOC.HS_LENGTH",
        f"{d} import declarations need 10 digits; 6 given.",
        "review",
    )
    C(f"hs-10-digits-{d}", s, "DOC.HS_LENGTH", f"10-digit code for {d}.")
for d in ["DE", "FR", "JP", "AU"]:
    V(
        f"hs-missing-{d}",
        edit(shipment(d), items__0__hs_code=DELETE),
        "SCOPE.HS_CODE_PRESENCE",
        "Customs lines need an HS code.",
        "review",
    )
    C(f"hs-present-{d}", shipment(d), "SCOPE.HS_CODE_PRESENCE", "HS code given.")
for d in ["DE", "GB", "US", "AU", "JP"]:
    s = shipment(d)
    V(
        f"qty-mismatch-{d}",
        edit(s, packing_list__total_quantity=3, packing_list__lines__0__quantity=3),
        "DOC.QTY_MATCH",
        "Invoice says 4 pcs, packing list 3.",
        "review",
    )
    V(
        f"net-over-gross-{d}",
        edit(
            s,
            items__0__net_weight_kg=2.2,
            invoice__net_weight_kg=2.2,
            packing_list__net_weight_kg=2.2,
            packing_list__lines__0__net_weight_kg=2.2,
        ),
        "DOC.WEIGHT",
        "Net weight 2.2 kg exceeds gross 2.0 kg.",
        "review",
    )
    V(
        f"awb-gross-5pct-{d}",
        edit(s, air_waybill__gross_weight__value=2.1),
        "DOC.WEIGHT",
        "AWB gross 2.1 kg vs packing list 2.0 kg: 5 % beyond a 3 % tolerance.",
        "review",
    )
    C(
        f"awb-gross-2pct-{d}",
        edit(s, air_waybill__gross_weight__value=2.04),
        "DOC.WEIGHT",
        "2 % difference is within a 3 % tolerance.",
    )
    V(
        f"chargeable-too-low-{d}",
        edit(s, packages__0__dimensions={"length": 40, "width": 30, "height": 20, "unit": "cm"}),
        "DOC.VOLUMETRIC",
        "Express: 40x30x20/5000 = 4.8 kg volumetric, AWB chargeable 2.0 kg.",
        "warn",
    )
    C(
        f"chargeable-ok-{d}",
        s,
        "DOC.VOLUMETRIC",
        "Chargeable 2.0 kg = max(2.0 actual, 1.5 volumetric).",
    )
    V(
        f"fob-on-air-{d}",
        edit(s, incoterm="FOB"),
        "DOC.INCOTERMS",
        "FOB is for sea and inland waterway only, not express air.",
        "warn",
    )
    C(f"fca-on-air-{d}", edit(s, incoterm="FCA"), "DOC.INCOTERMS", "FCA suits any mode.")
    V(
        f"value-mismatch-{d}",
        edit(s, declared_value__amount=20.0),
        "DOC.VALUE",
        "Declared value 20 differs from the invoice lines' 32.",
        "review",
    )
    V(
        f"vague-gift-{d}",
        edit(s, items__0__description="Gift", packing_list__lines__0__description="Gift"),
        "DOC.DESCRIPTION",
        "'Gift' is too vague for customs.",
        "warn",
    )
    C(
        f"gift-box-precise-{d}",
        edit(
            s,
            items__0__description="Ceramic coffee mugs, 350 ml, in gift box",
            packing_list__lines__0__description="Ceramic coffee mugs, 350 ml, in gift box",
        ),
        "DOC.DESCRIPTION",
        "Precise description; 'gift box' is packaging.",
    )
V(
    "ddp-eu-no-ioss",
    edit(shipment("DE"), ioss_number=DELETE),
    "DOC.INCOTERMS",
    "DDP puts VAT on the seller, which needs IOSS or VAT registration in the EU.",
    "review",
)
C(
    "dap-eu-no-ioss",
    edit(
        shipment("DE"),
        ioss_number=DELETE,
        incoterm="DAP",
        declared_value__amount=160.0,
        items__0__value__amount=160.0,
        invoice__total_value__amount=160.0,
    ),
    "DOC.INCOTERMS",
    "DAP above €150: buyer pays import VAT; no IOSS needed.",
)
V(
    "vague-parts",
    edit(
        shipment("FR"), items__0__description="Parts", packing_list__lines__0__description="Parts"
    ),
    "DOC.DESCRIPTION",
    "'Parts' is too vague.",
    "warn",
)
C(
    "brake-parts-precise",
    edit(
        shipment("FR"),
        items__0__description="Bicycle disc brake pads, resin, spare parts",
        packing_list__lines__0__description="Bicycle disc brake pads, resin, spare parts",
        items__0__hs_code="8714941000",
    ),
    "DOC.DESCRIPTION",
    "Precise description that contains 'parts'.",
)
for d, ok in [
    ("DE", False),
    ("GB", False),
    ("US", False),
    ("JP", False),
    ("MY", True),
    ("TH", True),
]:
    s = edit(
        shipment("MY" if d in ("MY", "TH") else d) if d != "TH" else shipment("MY"),
        origin_proofs=[
            {
                "type": "form_e",
                "agreement": "ACFTA",
                "issuing_country": "CN",
                "number": "E2601234567",
            }
        ],
    )
    if d == "TH":
        s = edit(
            s,
            destination_country="TH",
            consignee__country="TH",
            consignee__city="Bangkok",
            consignee__postal_code="10110",
        )
    if ok:
        C(
            f"form-e-acfta-{d}",
            s,
            "DOC.ORIGIN_CERT",
            "Form E is the ACFTA certificate (China-ASEAN).",
        )
    else:
        V(
            f"form-e-wrong-{d}",
            s,
            "DOC.ORIGIN_CERT",
            f"Form E is ACFTA only; {d} has no such "
            "agreement with China (RCEP uses its own certificate).",
            "review",
        )
C(
    "rcep-to-jp",
    edit(
        shipment("JP"),
        origin_proofs=[
            {"type": "rcep", "agreement": "RCEP", "issuing_country": "CN", "number": "R2601234"}
        ],
    ),
    "DOC.ORIGIN_CERT",
    "RCEP certificate for China to Japan.",
)
# Consignee IDs
for d in ["KR", "BR", "CN", "CL", "TR", "IN"]:
    s = shipment(d)
    C(
        f"consignee-id-ok-{d}",
        s,
        {
            "KR": "ID.KR.PCCC",
            "BR": "ID.BR.CPF_CNPJ",
            "CN": "ID.CN.CBEC",
            "CL": "ID.CL.RUT",
            "TR": "ID.TR.TCKN",
            "IN": "ID.IN.KYC",
        }[d],
        f"Valid {CONSIGNEE_ID[d][1]} for the consignee.",
    )
    V(
        f"consignee-id-missing-{d}",
        edit(s, consignee__tax_id=DELETE, consignee__tax_id_type=DELETE),
        {
            "KR": "ID.KR.PCCC",
            "BR": "ID.BR.CPF_CNPJ",
            "CN": "ID.CN.CBEC",
            "CL": "ID.CL.RUT",
            "TR": "ID.TR.TCKN",
            "IN": "ID.IN.KYC",
        }[d],
        f"{d} requires the consignee's ID.",
        "block" if d in ("KR", "BR") else "review",
    )
bad_ids = {
    "KR": "P12345678901",
    "BR": cpf("123456789")[:-1] + "0",
    "CN": cn_ric("31010419900307281")[:-1]
    + ("1" if cn_ric("31010419900307281")[-1] != "1" else "2"),
    "CL": "12345678-0" if rut("12345678")[-1] != "0" else "12345678-1",
    "TR": tckn("123456789")[:-1] + str((int(tckn("123456789")[-1]) + 1) % 10),
}
for d, bad in bad_ids.items():
    V(
        f"consignee-id-bad-check-{d}",
        edit(shipment(d), consignee__tax_id=bad),
        {
            "KR": "ID.KR.PCCC",
            "BR": "ID.BR.CPF_CNPJ",
            "CN": "ID.CN.CBEC",
            "CL": "ID.CL.RUT",
            "TR": "ID.TR.TCKN",
        }[d],
        f"{bad} fails the {d} format or check digit.",
        "block" if d in ("KR", "BR") else "review",
    )
C(
    "br-cnpj-alnum-2026",
    edit(
        shipment("BR", date="2026-07-15"),
        consignee__tax_id="12ABC34501DE35",
        consignee__tax_id_type="br_cnpj",
        consignee__type="b2b",
        consignee__name="Loja Verde Ltda",
    ),
    "ID.BR.CPF_CNPJ",
    "From Jul 2026 new CNPJs are alphanumeric.",
)
# US de minimis and CPSC eFiling
usp = edit(
    shipment("US"),
    mode="post",
    carrier="China Post",
    air_waybill=DELETE,
    items__0__value__amount=30.0,
    declared_value__amount=30.0,
    invoice__total_value__amount=30.0,
)
C(
    "us-deminimis-day-before",
    edit(usp, date="2025-08-28", items__0__origin_country=DELETE),
    "US.CUS.NO_DEMINIMIS",
    "§321 relief was suspended from 29 Aug 2025.",
)
V(
    "us-deminimis-no-origin",
    edit(usp, date="2025-09-01", items__0__origin_country=DELETE),
    "US.CUS.NO_DEMINIMIS",
    "EO 14324: postal items must declare origin and value.",
    "review",
)
C(
    "us-deminimis-origin",
    edit(usp, date="2025-09-01"),
    "US.CUS.NO_DEMINIMIS",
    "Origin and value declared.",
)
ust = shipment("US", goods="toy")
V(
    "us-cpsc-efiling-missing",
    edit(ust, date="2026-07-09"),
    "US.CPSC.EFILING",
    "16 CFR 1110 from 8 Jul 2026: certificate data eFiled for children's products.",
    "review",
)
C(
    "us-cpsc-efiling-before",
    edit(ust, date="2026-07-07"),
    "US.CPSC.EFILING",
    "eFiling applies from 8 Jul 2026.",
)
C(
    "us-cpsc-efiling-filed",
    edit(
        ust,
        date="2026-07-09",
        licences=[
            {
                "type": "cpsc_efiling",
                "number": "CPC-LO-SP12-2026",
                "issuing_authority": "CPSC",
                "issuing_country": "US",
            }
        ],
    ),
    "US.CPSC.EFILING",
    "CPC data eFiled.",
)
V(
    "us-uflpa-xinjiang",
    edit(
        shipment("US", goods="tshirt"),
        items__0__description="Men's knitted T-shirts, 100% Xinjiang cotton",
        packing_list__lines__0__description="Men's knitted T-shirts, 100% Xinjiang cotton",
    ),
    "US.CBP.UFLPA",
    "UFLPA: goods made wholly or partly in Xinjiang are presumed forced labour.",
    "block",
)
C(
    "us-hk-origin-code",
    edit(shipment("US"), items__0__origin_country="HK", origin_country="HK"),
    "US.CBP.COO_MARKING",
    "Entry documents keep the origin code HK (only the marking says China).",
)
V(
    "au-gst-docs-no-vendor-id",
    # the GST-paid indicator says GST was charged at sale; without it nothing is due on the docs
    edit(
        shipment("AU"),
        exporter__tax_id=DELETE,
        exporter__tax_id_type=DELETE,
        tax_paid_at_sale=True,
    ),
    "AU.GST.LVG_DOCS",
    "ATO: GST-charged imports must carry the vendor's ARN/ABN.",
    "review",
)
C(
    "au-gst-docs-ok",
    edit(shipment("AU"), tax_paid_at_sale=True, tax_registration_number="123456789012"),
    "AU.GST.LVG_DOCS",
    "12-digit ARN given in the ICS vendor ID.",
)
V(
    "sa-saber-missing",
    edit(shipment("SA"), licences=DELETE),
    "SA.SABER",
    "SASO: every import consignment needs a SABER SCoC.",
    "review",
)
C("sa-saber-ok", shipment("SA"), "SA.SABER", "SCoC number given.")
# Restricted goods in shipments
V(
    "au-flick-knife-shipment",
    edit(
        shipment("AU"),
        items__0__description="Automatic flick knife",
        packing_list__lines__0__description="Automatic flick knife",
        items__0__hs_code="821193",
    ),
    "AU.NZ.KNIFE.IMPORT",
    "Customs (Prohibited Imports) Regs Sch. 13: flick knives need a permit.",
    "block",
)
C(
    "nz-pocket-knife-8cm",
    edit(
        shipment("NZ"),
        items__0__description="Folding pocket knife, 8 cm blade",
        packing_list__lines__0__description="Folding pocket knife, 8 cm blade",
        items__0__hs_code="821193",
    ),
    "AU.NZ.KNIFE.IMPORT",
    "NZ allows folding pocket knives with blades under 10 cm.",
)
V(
    "gb-zombie-knife-shipment",
    edit(
        shipment("GB"),
        items__0__description="Zombie knife 12 inch",
        packing_list__lines__0__description="Zombie knife 12 inch",
        items__0__hs_code="8211930000",
    ),
    "UK.KNIFE.PROHIBITED",
    "Zombie-style knives are prohibited imports.",
    "block",
)
V(
    "us-vape-by-post",
    edit(
        usp,
        date="2026-11-02",
        items__0__description="Refillable vape kits",
        packing_list__lines__0__description="Refillable vape kits",
        items__0__hs_code="8543400000",
    ),
    "US.ENDS",
    "Vapes cannot be sent by USPS or in international mail.",
    "block",
)

# ============================================================================================
group("dangerous-goods")
for d in ["DE", "GB", "US", "FR", "JP"]:
    s = shipment(d, goods="speaker")
    C(
        f"li-in-equipment-ok-{d}",
        s,
        "DG.LI.SECTION_II",
        "UN3481 PI967 Section II, 7.4 Wh, one battery: no lithium mark needed.",
    )
    pb = edit(
        s,
        items__0__description="Power bank 10000 mAh, Li-ion",
        packing_list__lines__0__description="Power bank 10000 mAh, Li-ion",
        dangerous_goods__0__packing="alone",
        dangerous_goods__0__watt_hours=37.0,
    )
    V(
        f"powerbank-as-un3481-{d}",
        pb,
        "DG.LI.CLASSIFY",
        "A power bank is a battery alone: UN3480, not UN3481.",
        "block",
    )
    V(
        f"un3480-by-express-{d}",
        edit(
            pb,
            dangerous_goods__0__un_number="UN3480",
            dangerous_goods__0__packing_instruction="PI965",
            dangerous_goods__0__proper_shipping_name="Lithium ion batteries",
        ),
        "DG.LI.STANDALONE",
        "UN3480 alone: Section II removed, blocked in e-commerce air channels.",
        "block",
    )
    V(
        f"li-over-100wh-{d}",
        edit(s, dangerous_goods__0__watt_hours=120.0),
        "DG.LI.SECTION_II",
        "Section II: a battery over 100 Wh.",
        "block",
    )
    C(
        f"li-99wh-{d}",
        edit(s, dangerous_goods__0__watt_hours=99.0),
        "DG.LI.SECTION_II",
        "99 Wh is within the 100 Wh Section II limit.",
    )
    V(
        f"li-mark-missing-6-cells-{d}",
        edit(s, dangerous_goods__0__cells=6, dangerous_goods__0__batteries=DELETE),
        "DG.LI.SECTION_II",
        "PI967 with more than 4 cells needs the lithium battery mark.",
        "review",
    )
    with_eq = edit(
        s,
        dangerous_goods__0__packing="with_equipment",
        dangerous_goods__0__packing_instruction="PI966",
        dangerous_goods__0__proper_shipping_name="Lithium ion batteries packed with equipment",
        dangerous_goods__0__state_of_charge_percent=50,
        dangerous_goods__0__lithium_battery_mark=True,
    )
    V(
        f"soc-2026-packed-with-{d}",
        edit(with_eq, date="2026-01-02"),
        "DG.LI.SOC_2026",
        "From 1 Jan 2026 UN3481 packed with equipment > 2.7 Wh needs SoC ≤ 30 %.",
        "block",
    )
    C(
        f"soc-2025-packed-with-{d}",
        edit(with_eq, date="2025-12-31"),
        "DG.LI.SOC_2026",
        "The SoC rule applies from 1 Jan 2026.",
    )
    C(
        f"soc-small-battery-{d}",
        edit(with_eq, dangerous_goods__0__watt_hours=2.5),
        "DG.LI.SOC_2026",
        "2.5 Wh is at most 2.7 Wh.",
    )
for d in ["DE", "FR", "GB"]:
    perf = edit(
        shipment(d),
        mode="post",
        carrier="China Post",
        air_waybill=DELETE,
        items__0__description="Eau de parfum 50 ml",
        packing_list__lines__0__description="Eau de parfum 50 ml",
        items__0__hs_code="3303001000",
        dangerous_goods=[
            {
                "line": 1,
                "un_number": "UN1266",
                "class": "3",
                "packing_group": "II",
                "proper_shipping_name": "Perfumery products",
                "limited_quantity": True,
            }
        ],
    )
    V(
        f"perfume-by-post-{d}",
        perf,
        "DG.AEROSOL_PERFUME",
        "UPU: perfume UN1266 is not accepted in international mail.",
        "block",
    )
    C(
        f"perfume-by-road-lq-{d}",
        edit(perf, mode="road", carrier="DPD", origin_country="PL", items__0__origin_country="FR"),
        "DG.AEROSOL_PERFUME",
        "By road as limited quantity under ADR; the postal ban does not apply.",
    )
    V(
        f"aerosol-by-post-{d}",
        edit(
            perf,
            items__0__description="Hair spray aerosol 250 ml",
            packing_list__lines__0__description="Hair spray aerosol 250 ml",
            items__0__hs_code="3305300000",
            dangerous_goods__0__un_number="UN1950",
            dangerous_goods__0__class="2.1",
            dangerous_goods__0__packing_group=DELETE,
            dangerous_goods__0__proper_shipping_name="Aerosols",
        ),
        "DG.AEROSOL_PERFUME",
        "UPU: aerosols UN1950 are not accepted in international mail.",
        "block",
    )
V(
    "perfume-road-not-lq",
    edit(
        shipment("DE"),
        mode="road",
        carrier="DPD",
        origin_country="PL",
        items__0__description="Eau de parfum 50 ml",
        packing_list__lines__0__description="Eau de parfum 50 ml",
        items__0__hs_code="3303001000",
        air_waybill=DELETE,
        dangerous_goods=[
            {
                "line": 1,
                "un_number": "UN1266",
                "class": "3",
                "packing_group": "II",
                "limited_quantity": False,
            }
        ],
    ),
    "DG.PERFUME_AEROSOL_ROAD",
    "ADR 3.4: perfume by road parcel travels as limited quantity.",
    "review",
)

# ============================================================================================
group("baselines")
# Complete documents that carry what the law requires (the mark, the number, the identifier):
# near misses of the row whose required item they show.
for m in ["DE", "FR", "IT", "NL", "ES", "PL", "SE", "XI"]:
    C(
        f"base-speaker-listing-{m}",
        listing("speaker", m),
        "EU.GPSR.19A.MANUFACTURER",
        "Manufacturer with postal and electronic address, RP in the EU, picture, model, GTIN, "
        "warnings in the local language, CE under RED/RoHS/Batteries Reg.",
    )
    C(
        f"base-toy-listing-{m}",
        listing("toy", m),
        "EU.CE.TOY_TSD",
        "Toy with CE under the TSD and the Annex V warning in the local language.",
    )
for d in [
    "DE",
    "FR",
    "IT",
    "NL",
    "ES",
    "PL",
    "GB",
    "US",
    "CN",
    "JP",
    "AU",
    "NZ",
    "CA",
    "CH",
    "NO",
    "SG",
    "MY",
    "KR",
    "BR",
    "CL",
    "TR",
    "IN",
    "MX",
    "SA",
]:
    C(
        f"base-mug-shipment-{d}",
        shipment(d),
        "DOC.VALUE",
        "Declared value equals the invoice lines; quantities and weights agree across invoice, "
        "packing list and AWB.",
    )
for d in ["DE", "FR", "NL", "GB", "US", "AU", "CA", "CH"]:
    C(
        f"base-speaker-shipment-{d}",
        shipment(d, goods="speaker"),
        "DG.LI.CLASSIFY",
        "Li-ion battery contained in equipment declared as UN3481 PI967 Section II.",
    )


def main() -> None:
    out = Path(__file__).resolve().parent / "cases"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    seen: set[str] = set()
    for name, cases in CASES.items():
        for case in cases:
            assert case["id"] not in seen, case["id"]
            seen.add(case["id"])
        header = (
            "# Evaluation cases written from the law briefs (see ../README.md); generated by\n"
            "# bench/eval/build_cases.py - edit that script, not this file.\n"
        )
        text = yaml.safe_dump(cases, allow_unicode=True, sort_keys=False, width=100)
        (out / f"{name}.yaml").write_text(header + text, encoding="utf-8")
    total = sum(len(c) for c in CASES.values())
    clean = sum(1 for c in CASES.values() for x in c if x["label"] == "clean")
    print(f"{total} cases ({clean} clean) in {len(CASES)} files")


if __name__ == "__main__":
    main()
