"""ECB euro foreign exchange reference rates -> ``rules/data/fx_rates.json``.

Formats read:

* XML, daily or history (``eurofxref-daily.xml``, ``eurofxref-hist-90d.xml``,
  ``eurofxref-hist.xml``): a gesmes envelope holding ``Cube/Cube[@time]/Cube[@currency,@rate]``;
* CSV (``eurofxref.csv`` / ``eurofxref-hist.csv`` from the zip downloads): a ``Date`` column then
  one column per currency; rows end with a trailing comma, discontinued currencies read
  ``N/A``, dates are ``2024-01-05`` (history) or ``05 January 2024`` (daily), a UTF-8 BOM may
  lead.

New dates are merged into the history already in the table, which keeps every date it was
given (a full-history import keeps all of them). Rates the feed did not write (the hand seed
bundled with the project) are replaced, not merged, and that drop is reported. How fresh the
table is, is judged by its newest rate date (:mod:`feeds.staleness`, ``engine.tables``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.safexml import local, parse_xml
from clearance.feeds.source import Payload, Source, add_dropped
from clearance.feeds.textio import decode_text, read_csv

MIN_CURRENCIES = 5
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DESCRIPTION = (
    "Euro foreign exchange reference rates of the European Central Bank (units of "
    "currency per 1 EUR), by date. Documents are converted with the latest rate on or "
    "before their date."
)


class EcbSource(Source):
    """European Central Bank euro reference rates (published around 16:00 CET on TARGET days)."""

    name = "ecb"
    title = "ECB euro foreign exchange reference rates"
    kind = "fx"
    target = "fx_rates.json"
    url = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml"
    homepage = (
        "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/"
        "euro_reference_exchange_rates/html/index.en.html"
    )
    cadence_days = 1.0
    format = "XML (gesmes envelope, Cube/Cube[@time]/Cube[@currency,@rate]); CSV via --from"
    parser_version = "2"
    max_bytes = 64 * 1024 * 1024

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse ECB XML or CSV into an fx_rates document."""
        data = payload.main
        head = data[:512].lstrip(b"\xef\xbb\xbf").lstrip()
        rates = (
            _parse_csv(data, self.name)
            if head[:4].lower() == b"date"
            else _parse_xml(data, self.name)
        )
        if not rates:
            raise ParseError(
                "no exchange rates found (no Cube[@time] with rates)", source=self.name
            )
        for day, per in rates.items():
            if len(per) < MIN_CURRENCIES:
                raise ParseError(
                    f"{day} has only {len(per)} currencies; a truncated file?", source=self.name
                )
        return {
            "table": "fx_rates",
            "description": _DESCRIPTION,
            "base": "EUR",
            "rates": dict(sorted(rates.items())),
        }

    def merge(
        self, old: dict[str, Any] | None, new: dict[str, Any], now: dt.datetime
    ) -> dict[str, Any]:
        """Add the new dates to the history in the current table (every date is kept).

        The current table's rates are merged only when this feed wrote them (its provenance
        names ``ecb/`` as parser); others, such as the bundled hand seed of approximate rates,
        are replaced, and how many dates that drops is reported.
        """
        history: dict[str, dict[str, float]] = {}
        if old and isinstance(old.get("rates"), dict) and old.get("base", "EUR") == "EUR":
            old_dates = [
                d for d, per in old["rates"].items() if _is_date(d) and isinstance(per, dict)
            ]
            if _written_by_feed(old, self.name):
                history = {d: old["rates"][d] for d in old_dates}
            else:
                replaced = [d for d in old_dates if d not in new["rates"]]
                out = {**new}
                add_dropped(
                    out,
                    {
                        "dates of the current table that this feed did not write (the hand "
                        "seed), replaced by the ECB's rates": len(replaced)
                    },
                )
                new = out
        history.update(new["rates"])
        return {**new, "rates": {d: history[d] for d in sorted(history)}}

    def validate(self, doc: dict[str, Any]) -> list[str]:
        """The engine's loader, plus positive rates and three-letter currency codes."""
        errors = super().validate(doc)
        for day, per in doc.get("rates", {}).items():
            for currency, rate in per.items():
                if not _CURRENCY.match(currency):
                    errors.append(f"rates[{day}]: {currency!r} is not a currency code")
                if not isinstance(rate, int | float) or isinstance(rate, bool) or rate <= 0:
                    errors.append(f"rates[{day}][{currency}]: {rate!r} is not a positive rate")
        return errors

    def records(self, doc: dict[str, Any] | None) -> dict[str, Any]:
        """One record per date."""
        rates = doc.get("rates") if doc else None
        return dict(rates) if isinstance(rates, dict) else {}

    def label(self, key: str, record: Any) -> str:
        """A date and how many currencies it has."""
        return f"{key} ({len(record)} currencies)" if isinstance(record, dict) else key


def _written_by_feed(doc: dict[str, Any], name: str) -> bool:
    provenance = doc.get("provenance")
    version = provenance.get("parser_version") if isinstance(provenance, dict) else None
    return isinstance(version, str) and version.startswith(f"{name}/")


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _rate(value: str, where: str, source: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        raise ParseError(f"{where}: {value!r} is not a number", source=source) from None
    if rate <= 0:
        raise ParseError(f"{where}: rate {value} is not positive", source=source)
    return rate


def _parse_xml(data: bytes, source: str) -> dict[str, dict[str, float]]:
    root = parse_xml(data, source=source, what="ECB reference rates XML")
    if local(root.tag) != "Envelope":
        raise ParseError(f"expected a gesmes Envelope, found <{local(root.tag)}>", source=source)
    rates: dict[str, dict[str, float]] = {}
    for day_cube in root.iter("{*}Cube"):
        day = day_cube.get("time")
        if day is None:
            continue
        if not _is_date(day):
            raise ParseError(f"Cube time {day!r} is not a date", source=source)
        per: dict[str, float] = {}
        for cube in day_cube.iterfind("{*}Cube"):
            currency, value = cube.get("currency"), cube.get("rate")
            if currency is None or value is None:
                continue
            per[currency.strip().upper()] = _rate(value.strip(), f"{day} {currency}", source)
        rates[day] = per
    return rates


def _csv_date(value: str, source: str) -> str:
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ParseError(f"{text!r} is not a date", source=source)


def _parse_csv(data: bytes, source: str) -> dict[str, dict[str, float]]:
    rows = read_csv(decode_text(data, source=source, what="ECB reference rates CSV"), source=source)
    header = [h.strip() for h in rows[0]]
    if not header or header[0] != "Date":
        raise ParseError("the CSV does not start with a Date column", source=source)
    currencies = header[1:]
    rates: dict[str, dict[str, float]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) - 1:
            raise ParseError(
                f"line {number}: {len(row)} columns where the header has "
                f"{len(header)}; a truncated file?",
                source=source,
            )
        day = _csv_date(row[0], source)
        per: dict[str, float] = {}
        for currency, cell in zip(currencies, row[1:], strict=False):
            value = cell.strip()
            if not currency or not value or value.upper() == "N/A":
                continue
            per[currency.upper()] = _rate(value, f"line {number} {currency}", source)
        rates[day] = per
    return rates


SOURCE = EcbSource()
