"""US CPSC recalls, from the saferproducts.gov REST API -> ``rules/data/recalls/cpsc.json``.

``https://www.saferproducts.gov/RestWebServices/Recall?format=json`` answers a JSON array of
recalls: ``RecallID``, ``RecallNumber``, ``RecallDate`` (``2024-05-02T00:00:00``), ``Title``,
``URL``, ``Products[]`` (``Name``, ``Model``, ``Type``...), ``Manufacturers[]``,
``Importers[]``, ``Distributors[]``, ``Retailers[]`` (``Name``), ``ProductUPCs[]`` (``UPC``),
``Hazards[]`` (``Name``), ``Remedies[]`` (``Name``), ``ManufacturerCountries[]``
(``Country``).

Quirk: on a bad query or an internal error the API answers HTTP 200 with a fake row whose
``RecallID`` is 0; such a payload is refused. Retailers are not brands; manufacturers,
importers and distributors are kept as brands (the recall's title and product names are also
searched for the brand by the matcher).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from clearance.engine.recalls import split_models
from clearance.feeds.errors import ParseError
from clearance.feeds.lists import iso_date, list_doc, recall_entry
from clearance.feeds.source import Payload, Source
from clearance.feeds.textio import read_json


def _names(item: dict[str, Any], key: str, field: str = "Name") -> list[str]:
    values = item.get(key) or []
    if not isinstance(values, list):
        return []
    return [str(v.get(field) or "") for v in values if isinstance(v, dict)]


class CpscSource(Source):
    """US Consumer Product Safety Commission recalls (REST API, JSON)."""

    name = "cpsc"
    title = "US CPSC product recalls"
    kind = "recalls"
    target = "recalls/cpsc.json"
    url = "https://www.saferproducts.gov/RestWebServices/Recall?format=json"
    homepage = "https://www.cpsc.gov/Recalls"
    cadence_days = 7.0
    format = "JSON (REST API: Recall?format=json)"
    parser_version = "1"
    description = "Consumer product recalls announced by the US Consumer Product Safety Commission."
    max_bytes = 512 * 1024 * 1024

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse the API's JSON array; refuse the fake error row (RecallID 0)."""
        data = read_json(payload.main, source=self.name, what="the CPSC recalls JSON")
        if isinstance(data, dict):
            message = data.get("Message") or data.get("message") or data.get("error")
            raise ParseError(
                "expected a JSON array of recalls, got an object"
                + (f": {message}" if message else ""),
                source=self.name,
            )
        if not isinstance(data, list):
            raise ParseError("expected a JSON array of recalls", source=self.name)
        entries = []
        drops: Counter[str] = Counter()
        for i, item in enumerate(data):
            if not isinstance(item, dict):
                raise ParseError(f"row {i} is not an object", source=self.name)
            recall_id = item.get("RecallID")
            if recall_id in (0, "0", None):
                said = item.get("Title") or item.get("Description") or ""
                raise ParseError(
                    "the API answered HTTP 200 with a fake error row (RecallID "
                    f"{recall_id}){': ' + str(said)[:120] if said else ''}",
                    source=self.name,
                )
            entries.append(self._entry(item, drops))
        return list_doc(self, entries, drops)

    def _entry(self, item: dict[str, Any], drops: Counter[str]) -> dict[str, Any]:
        number = str(item.get("RecallNumber") or "").strip()
        products = item.get("Products") or []
        models: list[str] = []
        for product in products if isinstance(products, list) else []:
            if isinstance(product, dict):
                models.extend(split_models(str(product.get("Model") or "")))
        return recall_entry(
            list_name=self.name,
            entry_id=str(item["RecallID"]),
            reference=number or str(item["RecallID"]),
            title=str(item.get("Title") or ""),
            date=iso_date(str(item.get("RecallDate") or "")),
            url=str(item.get("URL") or ""),
            gtins=_names(item, "ProductUPCs", "UPC"),
            brands=_names(item, "Manufacturers")
            + _names(item, "Importers")
            + _names(item, "Distributors"),
            models=models,
            products=_names(item, "Products"),
            hazard="; ".join(_names(item, "Hazards")),
            remedy="; ".join(_names(item, "Remedies")),
            countries=_names(item, "ManufacturerCountries", "Country"),
            drops=drops,
        )


SOURCE = CpscSource()
