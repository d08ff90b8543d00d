"""EU consolidated list of persons, groups and entities subject to financial sanctions (FSF)
-> ``rules/data/sanctions/eu.json``.

Built from the published XML format (version 1.1, ``xmlFullSanctionsList_1_1``): an ``export``
root (namespace ``http://eu.europa.ec/fpi/fsd/export``) holding ``sanctionEntity`` elements
with attributes ``logicalId``, ``euReferenceNumber``, ``unitedNationId``; children
``regulation[@programme]``, ``subjectType[@code]`` (``person`` or ``enterprise``),
``nameAlias[@wholeName, @firstName, @lastName, @strong]``, ``citizenship[@countryIso2Code]``,
``birthdate[@birthdate | @year]``, ``address[@street, @poBox, @zipCode, @city, @region,
@place, @countryIso2Code, @countryDescription]`` and
``remark``. Elements are matched by local name, so a namespace change does not break it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.lists import address_text, clean, list_doc, sanctions_entry
from clearance.feeds.safexml import local, parse_xml
from clearance.feeds.source import Payload, Source

_UNKNOWN_COUNTRY = {"", "00", "UNKNOWN"}
_TYPES = {
    "person": "individual",
    "enterprise": "entity",
    "vessel": "vessel",
    "aircraft": "aircraft",
}


class EuSanctionsSource(Source):
    """EU Financial Sanctions Files (FSF), consolidated list, XML 1.1."""

    name = "eu"
    title = "EU consolidated financial sanctions list"
    kind = "sanctions"
    target = "sanctions/eu.json"
    url = (
        "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/"
        "content?token=dG9rZW4tMjAxNw"
    )
    homepage = (
        "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-"
        "entities-subject-to-eu-financial-sanctions"
    )
    cadence_days = 1.0
    format = "XML 1.1 (export/sanctionEntity/nameAlias)"
    parser_version = "2"
    description = (
        "Persons, groups and entities subject to EU financial sanctions (asset "
        "freeze, prohibition to make funds available), all regimes."
    )
    max_bytes = 128 * 1024 * 1024

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse the FSF XML into the sanctions list document."""
        root = parse_xml(payload.main, source=self.name, what="the EU FSF XML")
        if local(root.tag) != "export":
            raise ParseError(f"expected <export>, found <{local(root.tag)}>", source=self.name)
        drops: Counter[str] = Counter()
        entries = [self._entry(item, drops) for item in root.iterfind("{*}sanctionEntity")]
        return list_doc(self, entries, drops)

    def _entry(self, item: Any, drops: Counter[str]) -> dict[str, Any]:
        logical_id = item.get("logicalId") or ""
        if not logical_id:
            raise ParseError("a sanctionEntity without logicalId", source=self.name)
        subject = item.find("{*}subjectType")
        code = (subject.get("code") if subject is not None else "") or ""
        names = []
        for alias in item.iterfind("{*}nameAlias"):
            whole = alias.get("wholeName") or " ".join(
                p
                for p in (alias.get("firstName"), alias.get("middleName"), alias.get("lastName"))
                if p
            )
            names.append(whole or "")
        countries: list[str] = []
        for tag in ("citizenship", "address", "birthdate"):
            for element in item.iterfind("{*}" + tag):
                iso = (element.get("countryIso2Code") or "").upper()
                if iso not in _UNKNOWN_COUNTRY:
                    countries.append("GR" if iso == "EL" else iso)
                elif tag != "birthdate" and element.get("countryDescription"):
                    description = element.get("countryDescription") or ""
                    if description.upper() not in _UNKNOWN_COUNTRY:
                        countries.append(description)
        addresses = [_address(a) for a in item.iterfind("{*}address")]
        dobs = [b.get("birthdate") or b.get("year") or "" for b in item.iterfind("{*}birthdate")]
        programmes = [r.get("programme") or "" for r in item.iterfind("{*}regulation")]
        remarks = " ".join(clean(r.text) for r in item.iterfind("{*}remark") if r.text)
        return sanctions_entry(
            list_name=self.name,
            entry_id=logical_id,
            entry_type=_TYPES.get(code.lower(), "entity"),
            names=names,
            programmes=programmes,
            countries=countries,
            dates_of_birth=dobs,
            remarks=remarks,
            source_url=self.homepage,
            reference=item.get("euReferenceNumber") or "",
            listed_on=_listed_on(item),
            addresses=addresses,
            drops=drops,
        )


def _address(element: Any) -> str:
    country = element.get("countryDescription") or ""
    parts = [element.get(a) for a in ("street", "poBox", "zipCode", "city", "region", "place")]
    return address_text([*parts, "" if country.upper() in _UNKNOWN_COUNTRY else country])


def _listed_on(item: Any) -> str:
    dates = [r.get("publicationDate") or "" for r in item.iterfind("{*}regulation")]
    dates = [d[:10] for d in dates if d]
    return min(dates) if dates else ""


SOURCE = EuSanctionsSource()
