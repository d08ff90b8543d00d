"""EU VAT rates from the Commission's Taxes in Europe Database (TEDB) -> ``vat_rates.json``.

TEDB's VAT retrieval service is SOAP: a ``retrieveVatRatesReqMsg`` naming member states and a
``situationOn`` date (or a ``from``/``to`` range) answers ``vatRateResults`` each with a
``memberState``, a ``type`` (STANDARD or REDUCED), a ``rate`` (``type`` DEFAULT, REDUCED_RATE,
SUPER_REDUCED_RATE, PARKING_RATE, EXEMPTED...; ``value``) and a ``situationOn`` that is the start
of the record's period and carries a time zone (``2024-01-01+01:00``).

Quirks handled: Greece is ``EL`` (the table's market key is ``GR``, the TEDB code is kept in
the ``tedb_code`` column); Northern Ireland is ``XI``; Spain reports a second STANDARD rate for
the Canary Islands (the highest is the mainland rate; the others are left out and reported);
regional reduced rates (Austria's 19% for Jungholz and Mittelberg) appear as plain reduced
rates. A zero rate is a rate: TEDB sends it as a REDUCED result whose rate type is EXEMPTED
(or REDUCED_RATE) with the value 0 (Austria's 0% on solar panels), and it is kept among the
reduced rates (``reduced`` ``0,10,13``, ``reduced_min`` 0). Results without a value (EXEMPTED,
OUT_OF_SCOPE or NOT_APPLICABLE supplies) are not rates; they are left out and reported.

Each refresh asks for the situation on the day; a rate that differs from the row in force closes
that row (``until``) and opens a new one, so the table keeps its history.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from clearance.feeds.errors import FetchError, ParseError
from clearance.feeds.fetch import Fetcher
from clearance.feeds.safexml import local, parse_xml, text_of
from clearance.feeds.source import Payload, Source, add_dropped
from clearance.feeds.state import FeedState

NS_MSG = "urn:ec.europa.eu:taxud:tedb:services:v1:IVatRetrievalService"
NS_TYPES = NS_MSG + ":types"
SOAP_ACTION = "urn:ec.europa.eu:taxud:tedb:services:v1:VatRetrievalService/RetrieveVatRates"
MEMBER_STATES = (
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "EL",
    "ES",
    "FI",
    "FR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
    "XI",
)
TEDB_TO_MARKET = {"EL": "GR"}
VALUE_COLUMNS = ("standard", "reduced", "reduced_min", "reduced_max", "super_reduced", "parking")
COLUMNS = {
    "tedb_code": "string",
    "standard": "number",
    "reduced": "string",
    "reduced_min": "number",
    "reduced_max": "number",
    "super_reduced": "number",
    "parking": "number",
}
_DESCRIPTION = (
    "VAT rates per EU member state (and XI, Northern Ireland, for goods) from the "
    "Commission's TEDB: standard rate, reduced rates (comma-joined, with the lowest "
    "and highest), super-reduced and parking rates, with the dates they apply from "
    "and until. Percentages."
)


def request_body(on: dt.date, states: tuple[str, ...] = MEMBER_STATES) -> bytes:
    """The SOAP request for the situation of ``states`` on ``on``."""
    codes = "".join(f"<types:isoCode>{s}</types:isoCode>" for s in states)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
        f'xmlns:v1="{NS_MSG}" xmlns:types="{NS_TYPES}"><soapenv:Header/><soapenv:Body>'
        f"<v1:retrieveVatRatesReqMsg><types:memberStates>{codes}</types:memberStates>"
        f"<types:situationOn>{on.isoformat()}</types:situationOn>"
        "</v1:retrieveVatRatesReqMsg></soapenv:Body></soapenv:Envelope>"
    ).encode()


class TedbSource(Source):
    """European Commission TEDB VAT retrieval service (SOAP)."""

    name = "tedb"
    title = "EU VAT rates (European Commission TEDB)"
    kind = "table"
    target = "vat_rates.json"
    url = "https://ec.europa.eu/taxation_customs/tedb/ws/VatRetrievalService"
    homepage = "https://ec.europa.eu/taxation_customs/tedb/"
    cadence_days = 7.0
    format = "SOAP XML (retrieveVatRatesRespMsg/vatRateResults)"
    parser_version = "2"
    max_bytes = 64 * 1024 * 1024

    def fetch(self, fetcher: Fetcher, state: FeedState, now: dt.datetime) -> Payload | None:
        """POST the retrieveVatRates request for today's situation (SOAP is never conditional)."""
        answer = fetcher.get(
            self.url,
            source=self.name,
            method="POST",
            body=request_body(now.date()),
            max_bytes=self.max_bytes,
            headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": SOAP_ACTION},
        )
        if answer.not_modified:  # pragma: no cover - a POST is never answered 304
            raise FetchError("unexpected HTTP 304 to a SOAP request", source=self.name)
        return Payload({"main": answer.content}, self.url)

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse a retrieveVatRates response into a vat_rates table."""
        root = parse_xml(payload.main, source=self.name, what="a TEDB SOAP response")
        fault = root.find(".//{*}Fault")
        if fault is not None:
            reason = text_of(fault, "{*}faultstring") or text_of(fault, ".//{*}Text")
            raise ParseError(
                f"TEDB answered a SOAP fault: {reason or 'no reason given'}", source=self.name
            )
        if local(root.tag) != "Envelope" or root.find(".//{*}retrieveVatRatesRespMsg") is None:
            raise ParseError(
                f"expected a SOAP envelope with retrieveVatRatesRespMsg, found <{local(root.tag)}>",
                source=self.name,
            )
        groups: dict[tuple[str, str], dict[str, set[float]]] = {}
        drops: Counter[str] = Counter()
        for result in root.iter("{*}vatRateResults"):
            code = text_of(result, "{*}memberState").upper()
            kind = text_of(result, "{*}type").upper()
            rate_type = text_of(result, "{*}rate/{*}type").upper()
            value_text = text_of(result, "{*}rate/{*}value")
            situation = text_of(result, "{*}situationOn")[:10]
            if not code or not situation:
                raise ParseError(
                    "a vatRateResults without memberState or situationOn", source=self.name
                )
            dt.date.fromisoformat(situation)
            bucket = groups.setdefault(
                (code, situation),
                {"standard": set(), "reduced": set(), "super_reduced": set(), "parking": set()},
            )
            if not value_text:
                drops[
                    f"results of rate type {rate_type or '(none)'} without a value (not a rate)"
                ] += 1
                continue
            value = float(value_text)
            if value < 0:
                raise ParseError(
                    f"{code} {situation}: negative rate {value_text}", source=self.name
                )
            column = _column(kind, rate_type)
            if column == "reduced" and rate_type == "EXEMPTED" and value != 0:
                column = None
            if column is None:
                drops[f"results of type {kind} with rate type {rate_type} (not read)"] += 1
                continue
            bucket[column].add(value)
        rows = _rows(groups, drops)
        doc = {"table": "vat_rates", "description": _DESCRIPTION, "columns": COLUMNS, "rows": rows}
        add_dropped(doc, drops)
        return doc

    def merge(
        self, old: dict[str, Any] | None, new: dict[str, Any], now: dt.datetime
    ) -> dict[str, Any]:
        """Keep the history in the current table; close a row whose rates changed."""
        old_rows = old.get("rows", []) if old and old.get("table") == "vat_rates" else []
        by_market: dict[str, list[dict[str, Any]]] = {}
        for row in old_rows:
            if isinstance(row, dict) and isinstance(row.get("market"), str):
                by_market.setdefault(row["market"], []).append(dict(row))
        fresh: dict[str, list[dict[str, Any]]] = {}
        for row in new["rows"]:
            fresh.setdefault(row["market"], []).append(dict(row))
        out: list[dict[str, Any]] = []
        for market in sorted(set(by_market) | set(fresh)):
            old_list = sorted(by_market.get(market, []), key=lambda r: str(r.get("from", "")))
            new_list = fresh.get(market)
            if not new_list:
                out.extend(old_list)
                continue
            first = new_list[0]
            kept = [r for r in old_list if str(r.get("from", "")) < first["from"]]
            if kept and _values(kept[-1]) == _values(first):
                first["from"] = kept.pop()["from"]
            elif kept and (not kept[-1].get("until") or kept[-1]["until"] > first["from"]):
                kept[-1]["until"] = first["from"]
            out.extend(kept + new_list)
        return {**new, "rows": out}

    def records(self, doc: dict[str, Any] | None) -> dict[str, Any]:
        """One record per market and start date."""
        rows = doc.get("rows") if doc else None
        if not isinstance(rows, list):
            return {}
        return {
            f"{r.get('market')} from {r.get('from', '-')}": r for r in rows if isinstance(r, dict)
        }

    def label(self, key: str, record: Any) -> str:
        """Market, start date and standard rate."""
        standard = record.get("standard") if isinstance(record, dict) else None
        return f"{key} (standard {standard}%)" if standard is not None else key


def _column(kind: str, rate_type: str) -> str | None:
    """The column a TEDB result with a value goes to; None for one this table does not read."""
    if kind == "STANDARD":
        return "standard" if rate_type == "DEFAULT" else None
    return {
        "REDUCED_RATE": "reduced",
        "EXEMPTED": "reduced",  # TEDB's zero rate: REDUCED, rate type EXEMPTED, value 0
        "SUPER_REDUCED_RATE": "super_reduced",
        "PARKING_RATE": "parking",
    }.get(rate_type)


def _values(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(c) for c in VALUE_COLUMNS)


def _fmt(value: float) -> str:
    return f"{value:g}"


def _rows(
    groups: dict[tuple[str, str], dict[str, set[float]]], drops: Counter[str]
) -> list[dict[str, Any]]:
    by_code: dict[str, list[str]] = {}
    for code, situation in groups:
        by_code.setdefault(code, []).append(situation)
    rows: list[dict[str, Any]] = []
    for code in sorted(by_code):
        dates = sorted(set(by_code[code]))
        previous_standard: float | None = None
        for i, day in enumerate(dates):
            bucket = groups[(code, day)]
            standard = max(bucket["standard"]) if bucket["standard"] else previous_standard
            if len(bucket["standard"]) > 1:
                drops[
                    "STANDARD rates below the highest of their member state and date (Spain's "
                    "second is the Canary Islands'; the highest is kept)"
                ] += len(bucket["standard"]) - 1
            previous_standard = standard
            reduced = sorted(bucket["reduced"])
            row: dict[str, Any] = {"market": TEDB_TO_MARKET.get(code, code), "from": day}
            if i + 1 < len(dates):
                row["until"] = dates[i + 1]
            row["tedb_code"] = code
            row["standard"] = standard
            row["reduced"] = ",".join(_fmt(r) for r in reduced)
            row["reduced_min"] = reduced[0] if reduced else None
            row["reduced_max"] = reduced[-1] if reduced else None
            row["super_reduced"] = min(bucket["super_reduced"]) if bucket["super_reduced"] else None
            row["parking"] = min(bucket["parking"]) if bucket["parking"] else None
            row["source"] = f"TEDB, situation on {day}"
            rows.append(row)
    return rows


SOURCE = TedbSource()
