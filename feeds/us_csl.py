"""US Consolidated Screening List (trade.gov) -> ``rules/data/sanctions/us_csl.json``.

The CSV the International Trade Administration publishes, combining the export screening lists
of Commerce (BIS: Entity List, Denied Persons, Unverified, Military End User), State (ITAR
debarred, nonproliferation sanctions) and Treasury (OFAC SDN and the non-SDN lists). One row per
entry, a header row with the columns ``_id, source, entity_number, type, programs, name, title,
addresses, federal_register_notice, start_date, end_date, standard_order, license_requirement,
license_policy, call_sign, vessel_type, gross_tonnage, gross_registered_tonnage, vessel_flag,
vessel_owner, remarks, source_list_url, alt_names, citizenships, dates_of_birth, nationalities,
places_of_birth, source_information_url, ids``; several values in one field are separated by
``; `` (an address is ``street, city, state, postal code, country`` with the country as an ISO
code). The type is empty for most Commerce and State entries (they are entities).

Columns are read by name, so a reordered or extended header still works; a header without
``source``, ``name`` and ``alt_names`` is refused as not this file. The list's own source (e.g.
``Entity List (EL) - Bureau of Industry and Security``) is kept as the entry's first programme,
by its short name (``EL``), so that a report says which of the combined lists matched. The CSL
repeats the OFAC SDN entries; they are kept (the report then names both lists).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.lists import clean, list_doc, parse_loose_date, sanctions_entry
from clearance.feeds.source import Payload, Source
from clearance.feeds.textio import decode_text, read_csv

REQUIRED = ("source", "name", "alt_names")
_TYPES = {
    "individual": "individual",
    "entity": "entity",
    "vessel": "vessel",
    "aircraft": "aircraft",
}
_SHORT = re.compile(r"\(([A-Z][A-Za-z0-9 .\-]{0,20})\)")
_HOMEPAGE = "https://www.trade.gov/consolidated-screening-list"


def split(value: str | None) -> list[str]:
    """``a; b;`` -> ["a", "b"]."""
    return [p for p in (clean(x) for x in (value or "").split(";")) if p]


def short_source(source: str) -> str:
    """``Entity List (EL) - Bureau of Industry and Security`` -> ``EL``."""
    match = _SHORT.search(source)
    return clean(match.group(1)) if match else clean(source.split(" - ")[0])


class UsCslSource(Source):
    """US Consolidated Screening List (trade.gov CSV)."""

    name = "us_csl"
    title = "US Consolidated Screening List (Commerce, State, Treasury)"
    kind = "sanctions"
    target = "sanctions/us_csl.json"
    url = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
    homepage = _HOMEPAGE
    cadence_days = 1.0
    format = "CSV with a header (source, entity_number, type, programs, name, ..., alt_names)"
    parser_version = "1"
    description = (
        "The US export screening lists combined: Commerce (Entity List, Denied Persons, "
        "Unverified, Military End User), State (ITAR debarred, nonproliferation) and "
        "Treasury (SDN and non-SDN lists)."
    )
    max_bytes = 128 * 1024 * 1024

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse the CSL CSV into the sanctions list document."""
        text = decode_text(
            payload.main, source=self.name, what="the Consolidated Screening List CSV"
        )
        rows = read_csv(text, source=self.name)
        rows = [r for r in rows if r and not (len(r) == 1 and not r[0].strip("\x1a \t"))]
        if not rows:
            raise ParseError("the CSV has no header row", source=self.name)
        header = [clean(h).lower().lstrip("\ufeff") for h in rows[0]]
        missing = [c for c in REQUIRED if c not in header]
        if missing or not ({"_id", "entity_number"} & set(header)):
            raise ParseError(
                "the header lacks "
                + ", ".join(missing or ["_id or entity_number"])
                + ": not the Consolidated Screening List CSV (or its columns were renamed)",
                source=self.name,
            )
        drops: Counter[str] = Counter()
        entries = []
        for number, row in enumerate(rows[1:], start=2):
            if len(row) > len(header):
                raise ParseError(
                    f"line {number}: {len(row)} fields where the header has {len(header)}; "
                    "a malformed or truncated file?",
                    source=self.name,
                )
            record = dict(zip(header, row, strict=False))
            entry = self._entry(record, number, drops)
            if entry is not None:
                entries.append(entry)
        return list_doc(self, entries, drops)

    def _entry(
        self, record: dict[str, str], number: int, drops: Counter[str]
    ) -> dict[str, Any] | None:
        source = clean(record.get("source"))
        short = short_source(source) if source else ""
        entity_number = clean(record.get("entity_number"))
        entry_id = clean(record.get("_id")) or (f"{short}:{entity_number}" if entity_number else "")
        if not entry_id:
            raise ParseError(
                f"line {number}: an entry without _id or entity_number", source=self.name
            )
        names = [clean(record.get("name")), *split(record.get("alt_names"))]
        if not any(names):
            drops["rows without a name (cannot be screened)"] += 1
            return None
        addresses = []
        countries = []
        for address in split(record.get("addresses")):
            parts = [p for p in (clean(x) for x in address.split(",")) if p]
            if parts:
                addresses.append(", ".join(parts))
                if len(parts) > 1:
                    countries.append(parts[-1])  # the country, as an ISO code
        for column in ("nationalities", "citizenships"):
            countries += split(record.get(column))
        countries.append(clean(record.get("vessel_flag")))
        dobs = [parse_loose_date(d) or d for d in split(record.get("dates_of_birth"))]
        remarks = clean(record.get("remarks"))
        license_requirement = clean(record.get("license_requirement"))
        if license_requirement:
            remarks = f"{remarks} License requirement: {license_requirement}".strip()
        return sanctions_entry(
            list_name=self.name,
            entry_id=entry_id,
            entry_type=_TYPES.get(clean(record.get("type")).lower(), "entity"),
            names=names,
            programmes=[short, *split(record.get("programs"))],
            countries=countries,
            dates_of_birth=dobs,
            remarks=remarks,
            source_url=clean(record.get("source_information_url"))
            or clean(record.get("source_list_url"))
            or _HOMEPAGE,
            reference=f"{short} {entity_number}".strip() if entity_number else "",
            listed_on=(parse_loose_date(clean(record.get("start_date"))) or "")[:10],
            addresses=addresses,
            drops=drops,
        )


SOURCE = UsCslSource()
