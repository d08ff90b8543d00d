"""UK Sanctions List (FCDO), XML format -> ``rules/data/sanctions/uk.json``.

Since 28 January 2026 the UK Sanctions List is the single UK list (OFSI's consolidated list was
closed), so this reads the UK Sanctions List XML: ``Designation`` elements with ``UniqueID``,
``OFSIGroupID``, ``UNReferenceNumber``, ``DateDesignated`` (``dd/mm/yyyy``), ``RegimeName``,
``IndividualEntityShip`` (``Individual``, ``Entity``, ``Ship``), ``Names/Name`` (``Name1`` ..
``Name5`` given names, ``Name6`` the family or entity name, ``NameType`` ``Primary Name`` /
``Alias`` / ``Primary Name Variation``), ``NonLatinNames/NonLatinName/NameNonLatinScript``,
``Addresses/Address`` (``AddressLine1``.. ``AddressLine6``, ``AddressPostalCode``,
``AddressCountry``), ``IndividualDetails/Individual`` (``DOBs/DOB``,
``Nationalities/Nationality``), ``ShipDetails/Ship/CurrentBelievedFlagOfShips`` and
``OtherInformation``. Elements are matched by local name under any root.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.lists import (
    address_text,
    clean,
    list_doc,
    parse_loose_date,
    sanctions_entry,
)
from clearance.feeds.safexml import parse_xml, text_of
from clearance.feeds.source import Payload, Source

_TYPES = {"individual": "individual", "entity": "entity", "ship": "vessel"}


class UkSanctionsSource(Source):
    """UK Sanctions List published by the FCDO (XML)."""

    name = "uk"
    title = "UK Sanctions List (FCDO)"
    kind = "sanctions"
    target = "sanctions/uk.json"
    url = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
    homepage = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
    cadence_days = 1.0
    format = "UK Sanctions List XML (Designation/Names/Name)"
    parser_version = "2"
    description = (
        "Persons, entities and ships designated under UK sanctions regulations made "
        "under the Sanctions and Anti-Money Laundering Act 2018."
    )
    max_bytes = 128 * 1024 * 1024

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse the UK Sanctions List XML into the sanctions list document."""
        root = parse_xml(payload.main, source=self.name, what="the UK Sanctions List XML")
        designations = list(root.iter("{*}Designation"))
        if not designations:
            raise ParseError(
                "no <Designation> elements: not the UK Sanctions List XML", source=self.name
            )
        drops: Counter[str] = Counter()
        return list_doc(self, [self._entry(d, drops) for d in designations], drops)

    def _entry(self, item: Any, drops: Counter[str]) -> dict[str, Any]:
        unique_id = text_of(item, "{*}UniqueID")
        if not unique_id:
            raise ParseError("a Designation without UniqueID", source=self.name)
        kind = text_of(item, "{*}IndividualEntityShip").lower()
        names: list[str] = []
        for name in item.iterfind(".//{*}Names/{*}Name"):
            given = [text_of(name, f"{{*}}Name{i}") for i in range(1, 6)]
            family = text_of(name, "{*}Name6")
            full = " ".join(p for p in [*given, family] if p) or text_of(name, "{*}Name")
            if text_of(name, "{*}NameType").lower().startswith("primary name") and not text_of(
                name, "{*}NameType"
            ).lower().endswith("variation"):
                names.insert(0, full)
            else:
                names.append(full)
        names += [clean(n.text) for n in item.iter("{*}NameNonLatinScript") if n.text]
        addresses = [
            address_text([child.text for child in address if isinstance(child.tag, str)])
            for address in item.iterfind(".//{*}Addresses/{*}Address")
        ]
        countries = [clean(c.text) for c in item.iter("{*}AddressCountry") if c.text]
        countries += [clean(c.text) for c in item.iter("{*}Nationality") if c.text]
        countries += [clean(c.text) for c in item.iter("{*}CurrentBelievedFlagOfShip") if c.text]
        dobs = [parse_loose_date(d.text or "") or clean(d.text) for d in item.iter("{*}DOB")]
        designated = parse_loose_date(text_of(item, "{*}DateDesignated"))
        return sanctions_entry(
            list_name=self.name,
            entry_id=unique_id,
            entry_type=_TYPES.get(kind, "entity"),
            names=names,
            programmes=[text_of(item, "{*}RegimeName")],
            countries=countries,
            dates_of_birth=[d for d in dobs if d],
            remarks=text_of(item, "{*}OtherInformation"),
            source_url=self.homepage,
            reference=text_of(item, "{*}OFSIGroupID"),
            listed_on=designated,
            addresses=addresses,
            drops=drops,
        )


SOURCE = UkSanctionsSource()
