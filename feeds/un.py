"""UN Security Council consolidated sanctions list -> ``rules/data/sanctions/un.json``.

Format: ``CONSOLIDATED_LIST`` with ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY``. An
individual has ``DATAID``, ``FIRST_NAME``..``FOURTH_NAME``, ``UN_LIST_TYPE`` (the regime),
``REFERENCE_NUMBER``, ``LISTED_ON``, ``NAME_ORIGINAL_SCRIPT``, ``COMMENTS1``,
``NATIONALITY/VALUE``, ``INDIVIDUAL_ALIAS`` (``QUALITY``, ``ALIAS_NAME``),
``INDIVIDUAL_ADDRESS`` (``STREET``, ``CITY``, ``STATE_PROVINCE``, ``ZIP_CODE``, ``COUNTRY``) and
``INDIVIDUAL_DATE_OF_BIRTH`` (``DATE``, ``YEAR`` or ``FROM_YEAR``/``TO_YEAR``). An entity's
name is in ``FIRST_NAME``; several names there are separated by `` ; ``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.lists import address_text, clean, list_doc, sanctions_entry
from clearance.feeds.safexml import local, parse_xml, text_of
from clearance.feeds.source import Payload, Source

_PAGE = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list"
_ADDRESS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")


def _addresses(item: Any, tag: str) -> list[str]:
    return [address_text([text_of(a, t) for t in _ADDRESS]) for a in item.iterfind(tag)]


class UnSource(Source):
    """UN Security Council consolidated list (XML)."""

    name = "un"
    title = "UN Security Council consolidated sanctions list"
    kind = "sanctions"
    target = "sanctions/un.json"
    url = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
    homepage = _PAGE
    cadence_days = 1.0
    format = "XML (CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL, ENTITIES/ENTITY)"
    parser_version = "2"
    description = (
        "Individuals and entities subject to UN Security Council sanctions (asset "
        "freeze, travel ban, arms embargo), all regimes."
    )
    max_bytes = 64 * 1024 * 1024

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse consolidated.xml into the sanctions list document."""
        root = parse_xml(payload.main, source=self.name, what="the UN consolidated list XML")
        if local(root.tag) != "CONSOLIDATED_LIST":
            raise ParseError(
                f"expected <CONSOLIDATED_LIST>, found <{local(root.tag)}>", source=self.name
            )
        drops: Counter[str] = Counter()
        entries = [self._individual(e, drops) for e in root.iterfind("INDIVIDUALS/INDIVIDUAL")]
        entries += [self._entity(e, drops) for e in root.iterfind("ENTITIES/ENTITY")]
        return list_doc(self, entries, drops)

    def _common(self, item: Any, drops: Counter[str]) -> dict[str, Any]:
        data_id = text_of(item, "DATAID")
        if not data_id:
            raise ParseError("an entry without DATAID", source=self.name)
        remarks = text_of(item, "COMMENTS1")
        return {
            "list_name": self.name,
            "entry_id": data_id,
            "programmes": [text_of(item, "UN_LIST_TYPE")],
            "remarks": remarks,
            "source_url": self.homepage,
            "reference": text_of(item, "REFERENCE_NUMBER"),
            "listed_on": text_of(item, "LISTED_ON"),
            "drops": drops,
        }

    def _individual(self, item: Any, drops: Counter[str]) -> dict[str, Any]:
        parts = [
            text_of(item, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
        ]
        names = [" ".join(p for p in parts if p)]
        names += [text_of(a, "ALIAS_NAME") for a in item.iterfind("INDIVIDUAL_ALIAS")]
        names.append(text_of(item, "NAME_ORIGINAL_SCRIPT"))
        countries = [clean(v.text) for v in item.iterfind("NATIONALITY/VALUE")]
        countries += [text_of(a, "COUNTRY") for a in item.iterfind("INDIVIDUAL_ADDRESS")]
        dobs: list[str] = []
        for dob in item.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
            date = text_of(dob, "DATE")[:10] or text_of(dob, "YEAR")
            if date:
                dobs.append(date)
            elif text_of(dob, "FROM_YEAR"):
                dobs.append(f"{text_of(dob, 'FROM_YEAR')}/{text_of(dob, 'TO_YEAR')}".rstrip("/"))
        return sanctions_entry(
            entry_type="individual",
            names=names,
            countries=countries,
            dates_of_birth=dobs,
            addresses=_addresses(item, "INDIVIDUAL_ADDRESS"),
            **self._common(item, drops),
        )

    def _entity(self, item: Any, drops: Counter[str]) -> dict[str, Any]:
        names = [n for n in text_of(item, "FIRST_NAME").split(" ; ")]
        names += [text_of(a, "ALIAS_NAME") for a in item.iterfind("ENTITY_ALIAS")]
        names.append(text_of(item, "NAME_ORIGINAL_SCRIPT"))
        countries = [text_of(a, "COUNTRY") for a in item.iterfind("ENTITY_ADDRESS")]
        return sanctions_entry(
            entry_type="entity",
            names=names,
            countries=countries,
            dates_of_birth=[],
            addresses=_addresses(item, "ENTITY_ADDRESS"),
            **self._common(item, drops),
        )


SOURCE = UnSource()
