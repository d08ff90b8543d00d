"""What the sanctions and recall sources share: the list document and the entry builders.

A list file (``rules/data/sanctions/<source>.json``, ``rules/data/recalls/<source>.json``) is
``{list, kind, title, description, provenance, cadence_days, entries}``; its schema is in
:mod:`feeds.schemas`. A sanctions entry is ``{id, list, programmes, type, names, countries,
dates_of_birth, remarks, source_url}`` (plus ``reference`` and ``listed_on`` where known).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from clearance.feeds.countries import country_codes
from clearance.feeds.source import Source, add_dropped

ENTRY_TYPES = ("individual", "entity", "vessel", "aircraft")
MAX_REMARKS = 2000
"""Longest remarks kept per sanctions entry (longer ones are cut, and the cut is reported)."""
_SPACES = re.compile(r"\s+")

Drops = Counter
"""What a parser leaves out on purpose, counted by reason; :func:`list_doc` reports it."""


def clean(text: str | None) -> str:
    """Collapse whitespace; None becomes ''."""
    return _SPACES.sub(" ", text or "").strip()


def unique(values: list[str]) -> list[str]:
    """Cleaned non-empty values without duplicates (case-insensitive), first spelling kept."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        text = clean(value)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def sanctions_entry(
    *,
    list_name: str,
    entry_id: str,
    entry_type: str,
    names: list[str],
    programmes: list[str],
    countries: list[str],
    dates_of_birth: list[str],
    remarks: str,
    source_url: str,
    reference: str = "",
    listed_on: str = "",
    addresses: list[str] | None = None,
    drops: Counter[str] | None = None,
) -> dict[str, Any]:
    """One normalised sanctions entry (names deduplicated, countries as ISO codes).

    ``addresses`` are the entry's addresses as text (empty ones left out); ``drops`` counts
    what is cut on purpose (remarks longer than :data:`MAX_REMARKS`).
    """
    if entry_type not in ENTRY_TYPES:
        raise ValueError(f"unknown entry type {entry_type!r}")
    if not unique(names):
        raise ValueError(f"entry {entry_id!r} has no name")
    remarks_text = clean(remarks)
    if len(remarks_text) > MAX_REMARKS and drops is not None:
        drops[f"remarks cut to their first {MAX_REMARKS} characters"] += 1
    entry: dict[str, Any] = {
        "id": clean(entry_id),
        "list": list_name,
        "programmes": unique(programmes),
        "type": entry_type,
        "names": unique(names),
        "countries": country_codes(countries),
        "dates_of_birth": unique(dates_of_birth),
        "remarks": remarks_text[:MAX_REMARKS],
        "source_url": source_url,
        "addresses": unique(addresses or []),
    }
    if reference:
        entry["reference"] = clean(reference)
    if listed_on:
        entry["listed_on"] = clean(listed_on)
    return entry


def address_text(parts: list[str | None]) -> str:
    """An address as one line: its non-empty parts, cleaned, joined with commas."""
    return ", ".join(p for p in (clean(x) for x in parts) if p)


def list_doc(
    source: Source, entries: list[dict[str, Any]], drops: Counter[str] | None = None
) -> dict[str, Any]:
    """The list document of ``source`` (provenance is added by the pipeline).

    An empty list is returned as such: the empty-table gate refuses it unless forced. An entry
    repeating an id already read is left out (the first is kept); that, and whatever ``drops``
    counts, is reported under ``dropped`` (the pipeline moves it into the provenance).
    """
    dropped: Counter[str] = Counter(drops or {})
    ids: set[str] = set()
    merged: list[dict[str, Any]] = []
    for entry in entries:
        if entry["id"] in ids:
            dropped["entries repeating an id already read (the first is kept)"] += 1
            continue
        ids.add(entry["id"])
        merged.append(entry)
    doc: dict[str, Any] = {
        "list": source.name,
        "kind": source.kind,
        "title": source.title,
        "description": source.description,
        "entries": merged,
    }
    add_dropped(doc, dropped)
    return doc


_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def parse_loose_date(text: str) -> str:
    """A date as the lists write it, as ISO (``1963-07-28``, ``1963-07``, ``1963``); '' if not.

    Reads ``28 Jul 1963``, ``Jul 1963``, ``1963``, ``1963-07-28``, ``28/07/1963``,
    ``00/00/1963`` (unknown day and month) and ``circa 1963``.
    """
    value = clean(text).lower().removeprefix("circa ").removeprefix("approximately ")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if re.fullmatch(r"\d{4}", value):
        return value
    m = re.fullmatch(r"(\d{1,2}) ([a-z]{3})[a-z]* (\d{4})", value)
    if m and m.group(2) in _MONTHS:
        return _iso(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    m = re.fullmatch(r"([a-z]{3})[a-z]* (\d{4})", value)
    if m and m.group(1) in _MONTHS:
        return f"{m.group(2)}-{_MONTHS[m.group(1)]:02d}"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if month == 0:
            return str(year)
        if day == 0:
            return f"{year}-{month:02d}"
        return _iso(year, month, day)
    return ""


def _iso(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


_BARCODE = re.compile(r"\d[\d \-]{6,22}\d")


def barcodes(text: str) -> list[str]:
    """GTIN-14s found in free text ("EAN 5 901234 123457; 4006381333931"), without duplicates."""
    from clearance.engine.recalls import normalize_gtin

    out: list[str] = []
    for match in _BARCODE.finditer(text or ""):
        gtin = normalize_gtin(match.group(0))
        if gtin is None:  # a run of several codes separated by spaces: try each part
            for part in match.group(0).split():
                part_gtin = normalize_gtin(part)
                if part_gtin and part_gtin not in out:
                    out.append(part_gtin)
        elif gtin not in out:
            out.append(gtin)
    return out


def recall_entry(
    *,
    list_name: str,
    entry_id: str,
    reference: str,
    title: str,
    date: str,
    url: str,
    gtins: list[str],
    brands: list[str],
    models: list[str],
    products: list[str],
    hazard: str,
    remedy: str,
    countries: list[str],
    drops: Counter[str] | None = None,
) -> dict[str, Any]:
    """One normalised recall entry (GTINs as GTIN-14, countries as ISO codes).

    A code that is not a valid GTIN cannot match a product and is left out; ``drops`` counts
    those, and texts cut to their limit.
    """
    from clearance.engine.recalls import normalize_gtin

    normal: list[str] = []
    for gtin in gtins:
        value = normalize_gtin(gtin)
        if value is None and clean(gtin) and drops is not None:
            drops["product codes that are not valid GTINs (wrong length or check digit)"] += 1
        if value and value not in normal:
            normal.append(value)
    if drops is not None:
        for what, text, limit in (("titles", title, 500), ("hazards", hazard, 1000)):
            if len(clean(text)) > limit:
                drops[f"{what} cut to their first {limit} characters"] += 1
        if len(clean(remedy)) > 1000:
            drops["remedies cut to their first 1000 characters"] += 1
    return {
        "id": clean(entry_id),
        "list": list_name,
        "reference": clean(reference) or clean(entry_id),
        "title": clean(title)[:500],
        "date": date,
        "url": clean(url),
        "gtins": normal,
        "brands": unique(brands),
        "models": unique(models),
        "products": unique(products),
        "hazard": clean(hazard)[:1000],
        "remedy": clean(remedy)[:1000],
        "countries": country_codes(countries),
    }


def iso_date(text: str | None) -> str:
    """A full date (``YYYY-MM-DD``) from ISO timestamps or ``dd/mm/yyyy``; '' when there is none."""
    value = clean(text)
    head = value[:10]
    try:
        return dt.date.fromisoformat(head).isoformat()
    except ValueError:
        pass
    loose = parse_loose_date(value)
    return loose if len(loose) == 10 else ""
