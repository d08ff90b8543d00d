"""EU Safety Gate (formerly RAPEX) alerts on dangerous non-food products
-> ``rules/data/recalls/safety_gate.json``.

Built from the Commission's published weekly-report XML export (no authentication):

* the index ``.../api/download/weeklyReport/list/xml/en`` lists ``weeklyReport`` elements with
  ``reference`` (``Report-2024-12``), ``publicationDate`` and ``URL`` of each report;
* a report (``.../api/download/weeklyReport/detail/xml/<id>?language=en``) has a
  ``report_date`` (``dd/mm/yyyy``) and one ``notifications`` element per alert with
  ``caseNumber``, ``reference`` (the alert's web page), ``category``, ``product``, ``brand``,
  ``name``, ``type_numberOfModel``, ``batchNumber``, ``barcode``, ``riskType``, ``danger``,
  ``measures``, ``notifyingCountry``, ``countryOfOrigin``, ``level``.

A refresh reads the :data:`REPORTS_PER_RUN` newest reports and adds their alerts to those the
table already holds (alerts are published once and kept). ``--from`` takes one report XML or a
directory of them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from clearance.engine.recalls import split_models
from clearance.feeds.errors import ParseError
from clearance.feeds.fetch import Fetcher
from clearance.feeds.lists import barcodes, clean, iso_date, list_doc, recall_entry
from clearance.feeds.safexml import local, parse_xml, text_of
from clearance.feeds.source import Payload, Source, read_bytes
from clearance.feeds.state import FeedState

BASE = "https://ec.europa.eu/safety-gate-alerts/api/download/weeklyReport/"
INDEX_URL = BASE + "list/xml/en"
ALERT_PAGE = "https://ec.europa.eu/safety-gate-alerts/screen/webReport/alertDetail/"
REPORTS_PER_RUN = 4
NO_BRAND = {"unknown", "no brand", "n/a", "none", "-", "generic", "unbranded"}


class SafetyGateSource(Source):
    """EU Safety Gate weekly reports (XML)."""

    name = "safety_gate"
    title = "EU Safety Gate alerts (dangerous non-food products)"
    kind = "recalls"
    target = "recalls/safety_gate.json"
    url = INDEX_URL
    homepage = "https://ec.europa.eu/safety-gate-alerts/screen/webReport"
    cadence_days = 7.0
    format = "weekly report XML (weeklyReport list, then notifications per report)"
    parser_version = "1"
    description = (
        "Alerts on dangerous non-food products notified by EU/EEA authorities "
        "(withdrawals, recalls, import rejections)."
    )
    max_bytes = 64 * 1024 * 1024

    def fetch(self, fetcher: Fetcher, state: FeedState, now: dt.datetime) -> Payload | None:
        """Fetch the index (conditionally), then the newest reports it lists."""
        index = fetcher.get(
            INDEX_URL,
            source=self.name,
            max_bytes=self.max_bytes,
            validators=state.validators.get(INDEX_URL),
        )
        if index.not_modified:
            return None
        reports = parse_index(index.content, self.name)[:REPORTS_PER_RUN]
        if not reports:
            raise ParseError("the weekly report index lists no reports", source=self.name)
        parts = {}
        for reference, url in reports:
            parts[reference] = fetcher.get(url, source=self.name, max_bytes=self.max_bytes).content
        return Payload(parts, INDEX_URL, {INDEX_URL: index.validators})

    def read_local(self, path: Path) -> Payload:
        """One weekly report XML, or a directory of them."""
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".xml")
            if not files:
                raise ParseError(f"{path} holds no .xml report", source=self.name)
            return Payload(
                {p.name: read_bytes(p, self.name) for p in files}, INDEX_URL, file=path.name
            )
        return Payload({path.name: read_bytes(path, self.name)}, INDEX_URL, file=path.name)

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse every report in the payload into the recalls list document."""
        entries: list[dict[str, Any]] = []
        drops: Counter[str] = Counter()
        for name in sorted(payload.parts):
            entries.extend(self._report(payload.parts[name], name, drops))
        return list_doc(self, entries, drops)

    def merge(
        self, old: dict[str, Any] | None, new: dict[str, Any], now: dt.datetime
    ) -> dict[str, Any]:
        """Add the new alerts to those already held (a newer copy of an alert replaces it)."""
        kept: dict[str, dict[str, Any]] = {}
        if old and old.get("list") == self.name and isinstance(old.get("entries"), list):
            kept = {str(e["id"]): e for e in old["entries"] if isinstance(e, dict) and "id" in e}
        for entry in new["entries"]:
            kept[entry["id"]] = entry
        ordered = sorted(kept.values(), key=lambda e: (e.get("date", ""), e["id"]), reverse=True)
        return {**new, "entries": ordered}

    def _report(self, data: bytes, name: str, drops: Counter[str]) -> list[dict[str, Any]]:
        root = parse_xml(data, source=self.name, what=f"a Safety Gate weekly report ({name})")
        if root.find(".//{*}weeklyReport") is not None:
            raise ParseError(f"{name} is the weekly report index, not a report", source=self.name)
        report_date = iso_date(text_of(root, ".//{*}report_date"))
        alerts = [el for el in root.iter() if el.find("{*}caseNumber") is not None]
        if not alerts:
            raise ParseError(
                f"{name} holds no notifications (no caseNumber); not a Safety Gate weekly report",
                source=self.name,
            )
        return [self._alert(el, report_date, drops) for el in alerts]

    def _alert(self, el: Any, report_date: str, drops: Counter[str]) -> dict[str, Any]:
        def get(tag: str) -> str:
            return text_of(el, "{*}" + tag)

        case = get("caseNumber")
        brand = get("brand")
        product, name = get("product"), get("name")
        reference = get("reference")
        url = reference if reference.startswith("http") else ALERT_PAGE + case
        return recall_entry(
            list_name=self.name,
            entry_id=case,
            reference=case,
            title=" - ".join(p for p in (product, " ".join(x for x in (brand, name) if x)) if p),
            date=iso_date(get("publicationDate")) or report_date,
            url=url,
            gtins=barcodes(get("barcode")) + barcodes(get("batchNumber_barcode")),
            brands=[] if brand.lower() in NO_BRAND else [brand],
            models=split_models(get("type_numberOfModel")),
            products=[p for p in (product, name, get("category")) if p],
            hazard=": ".join(p for p in (get("riskType"), get("danger")) if p),
            remedy=get("measures"),
            countries=[c for c in (get("countryOfOrigin"),) if c and c.lower() != "unknown"],
            drops=drops,
        )


def parse_index(data: bytes, source: str) -> list[tuple[str, str]]:
    """(reference, URL) of each weekly report in the index, newest first."""
    root = parse_xml(data, source=source, what="the Safety Gate weekly report index")
    reports: list[tuple[int, str, str]] = []
    for el in root.iter():
        if local(el.tag) != "weeklyReport":
            continue
        reference = text_of(el, "{*}reference")
        url = clean(text_of(el, "{*}URL") or text_of(el, "{*}url")).rstrip(",")
        if not reference or not url.startswith("http"):
            continue
        digits = [int(p) for p in reference.replace("Report-", "").split("-") if p.isdigit()]
        order = digits[0] * 100 + digits[1] if len(digits) >= 2 else 0
        reports.append((order, reference, url))
    reports.sort(reverse=True)
    return [(ref, url) for _, ref, url in reports]


SOURCE = SafetyGateSource()
