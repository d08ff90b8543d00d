"""OFAC Specially Designated Nationals (SDN) list -> ``rules/data/sanctions/ofac.json``.

Two formats are read:

* the legacy CSV triple ``sdn.csv`` (entries), ``alt.csv`` (aliases) and ``add.csv`` (addresses):
  no header, every field quoted, ``-0-`` (with a trailing space) for null, programme lists
  written ``NPWMD] [IFSR``, rows keyed by entity number; ``sdn.csv`` columns are ent_num,
  name, type (``individual``/``vessel``/``aircraft``, null for an entity), programs, title,
  call sign, vessel type, tonnage, GRT, vessel flag, vessel owner, remarks; dates of birth and
  nationalities are read from the remarks (``DOB 28 Jul 1963``, ``nationality Russia``);
* ``SDN.XML`` (``sdnList/sdnEntry`` with ``uid``, ``firstName``, ``lastName``, ``sdnType``,
  ``programList/program``, ``akaList/aka``, ``addressList/address/country``,
  ``nationalityList``, ``citizenshipList``, ``dateOfBirthList``), matched by local name so
  that both the old ``http://tempuri.org/sdnList.xsd`` namespace and the Sanctions List
  Service's namespace are read.

Weak a.k.a.s (quoted in the remarks) are not screened, as OFAC advises.

The CSV triple is complete or refused (unless forced): ``sdn.csv`` without ``alt.csv`` and
``add.csv`` would lose every alias and address, and each file must end with OFAC's DOS
end-of-file marker (0x1A), without which it was cut short (at a line boundary it would
otherwise parse). Aliases and addresses of entity numbers missing from ``sdn.csv`` are left
out and reported, as are the weak a.k.a.s of SDN.XML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

from clearance.feeds.errors import ParseError
from clearance.feeds.fetch import Fetcher
from clearance.feeds.lists import (
    address_text,
    clean,
    list_doc,
    parse_loose_date,
    sanctions_entry,
)
from clearance.feeds.safexml import local, parse_xml, text_of
from clearance.feeds.source import Payload, Source, read_bytes
from clearance.feeds.state import FeedState
from clearance.feeds.textio import decode_text, read_csv

BASE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
CSV_PARTS = {"sdn": BASE + "SDN.CSV", "alt": BASE + "ALT.CSV", "add": BASE + "ADD.CSV"}
COMPANIONS = {"alt": "alt.csv (the aliases)", "add": "add.csv (the addresses)"}
EOF_MARKER = b"\x1a"
"""The DOS end-of-file byte OFAC ends each legacy CSV file with."""
NULL = "-0-"
_TYPES = {
    "individual": "individual",
    "vessel": "vessel",
    "aircraft": "aircraft",
    "entity": "entity",
    "": "entity",
}
_DOB = re.compile(
    r"\bDOB ((?:\d{1,2} )?(?:[A-Za-z]{3} )?\d{4})(?: to ((?:\d{1,2} )?"
    r"(?:[A-Za-z]{3} )?\d{4}))?"
)
_NATIONALITY = re.compile(r"\b(?:nationality|citizen) ([A-Z][A-Za-z .'-]+?)(?=;|\.|$)")
_ENTITY_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id="
_XML_ADDRESS = (
    "address1",
    "address2",
    "address3",
    "city",
    "stateOrProvince",
    "postalCode",
    "country",
)


def _field(value: str) -> str:
    text = value.strip()
    return "" if text == NULL else text


def programmes(text: str) -> list[str]:
    """``NPWMD] [IFSR`` -> ["NPWMD", "IFSR"]."""
    return [p.strip(" []") for p in text.split("] [") if p.strip(" []")]


class OfacSource(Source):
    """US Treasury OFAC SDN list (legacy CSV triple, or SDN.XML through --from)."""

    name = "ofac"
    title = "OFAC Specially Designated Nationals and Blocked Persons (SDN) list"
    kind = "sanctions"
    target = "sanctions/ofac.json"
    url = CSV_PARTS["sdn"]
    homepage = "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"
    cadence_days = 1.0
    format = "legacy CSV (sdn.csv + alt.csv + add.csv) or SDN.XML"
    parser_version = "2"
    description = (
        "US Treasury OFAC SDN list: individuals, entities, vessels and aircraft whose "
        "property is blocked; US persons may not deal with them."
    )
    max_bytes = 256 * 1024 * 1024

    def fetch(self, fetcher: Fetcher, state: FeedState, now: dt.datetime) -> Payload | None:
        """Fetch sdn.csv, then alt.csv and add.csv (all three, unless sdn.csv is unchanged)."""
        parts: dict[str, bytes] = {}
        validators = {}
        for part, url in CSV_PARTS.items():
            answer = fetcher.get(
                url,
                source=self.name,
                max_bytes=self.max_bytes,
                validators=state.validators.get(url) if part == "sdn" else None,
            )
            if answer.not_modified:
                return None
            parts[part] = answer.content
            validators[url] = answer.validators
        return Payload(parts, self.url, validators)

    def read_local(self, path: Path) -> Payload:
        """A directory with sdn.csv/alt.csv/add.csv, a path to sdn.csv, or an SDN.XML file."""
        if path.is_dir():
            files = {p.name.lower(): p for p in path.iterdir()}
            if "sdn.csv" not in files:
                raise ParseError(f"{path} holds no sdn.csv", source=self.name)
            parts = {
                name: read_bytes(files[f"{name}.csv"], self.name)
                for name in CSV_PARTS
                if f"{name}.csv" in files
            }
            return Payload(parts, self.url, file=path.name)
        data = read_bytes(path, self.name)
        if path.suffix.lower() == ".xml" or data.lstrip()[:5] == b"<?xml":
            return Payload({"xml": data}, BASE + "SDN.XML", file=path.name)
        parts = {"sdn": data}
        for name in ("alt", "add"):
            for candidate in (path.with_name(f"{name}.csv"), path.with_name(f"{name.upper()}.CSV")):
                if candidate.exists():
                    parts[name] = read_bytes(candidate, self.name)
                    break
        return Payload(parts, self.url, file=path.name)

    def check_payload(self, payload: Payload) -> list[str]:
        """A CSV triple with a file missing, or a CSV file without its end-of-file marker."""
        if "xml" in payload.parts or "sdn" not in payload.parts:
            return []
        problems = []
        missing = [COMPANIONS[p] for p in COMPANIONS if p not in payload.parts]
        if missing:
            problems.append(
                f"sdn.csv came without {' and '.join(missing)}: every "
                f"{' and '.join('alias' if m.startswith('alt') else 'address' for m in missing)}"
                " of the list would be lost"
            )
        for part in CSV_PARTS:
            data = payload.parts.get(part)
            if data is not None and not data.rstrip(b"\r\n\t ").endswith(EOF_MARKER):
                problems.append(
                    f"{part}.csv does not end with OFAC's end-of-file marker (0x1A): the file "
                    "was cut short (a truncated download or a partial copy)"
                )
        return problems

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse the CSV triple or SDN.XML into the sanctions list document."""
        drops: Counter[str] = Counter()
        if "xml" in payload.parts:
            return list_doc(self, self._parse_xml(payload.parts["xml"], drops), drops)
        if "sdn" not in payload.parts:
            raise ParseError("no sdn.csv in the payload", source=self.name)
        return list_doc(self, self._parse_csv(payload.parts, drops), drops)

    # -- legacy CSV ------------------------------------------------------------------------
    def _rows(self, data: bytes, part: str, columns: int) -> list[list[str]]:
        text = decode_text(data, source=self.name, what=f"OFAC {part}.csv", fallback="cp1252")
        rows: list[list[str]] = []
        for number, row in enumerate(read_csv(text, source=self.name), start=1):
            if not row or (len(row) == 1 and row[0].strip() in ("", "\x1a")):
                continue  # blank lines and the DOS end-of-file marker of the legacy files
            if len(row) != columns:
                raise ParseError(
                    f"{part}.csv line {number}: {len(row)} fields where {columns} "
                    "were expected; a truncated or wrong file?",
                    source=self.name,
                )
            if not row[0].strip().isdigit():
                raise ParseError(
                    f"{part}.csv line {number}: {row[0][:20]!r} is not an entity number",
                    source=self.name,
                )
            rows.append(row)
        return rows

    def _parse_csv(self, parts: dict[str, bytes], drops: Counter[str]) -> list[dict[str, Any]]:
        aliases: dict[str, list[str]] = {}
        for row in self._rows(parts["alt"], "alt", 5) if "alt" in parts else []:
            aliases.setdefault(row[0].strip(), []).append(_field(row[3]))
        countries: dict[str, list[str]] = {}
        addresses: dict[str, list[str]] = {}
        for row in self._rows(parts["add"], "add", 6) if "add" in parts else []:
            number = row[0].strip()
            countries.setdefault(number, []).append(_field(row[4]))
            addresses.setdefault(number, []).append(address_text([_field(c) for c in row[2:5]]))
        sdn_rows = self._rows(parts["sdn"], "sdn", 12)
        numbers = {row[0].strip() for row in sdn_rows}
        for what, rows in (("aliases", aliases), ("addresses", addresses)):
            orphans = sum(len(v) for k, v in rows.items() if k not in numbers)
            if orphans:
                drops[f"{what} of entity numbers that are not in sdn.csv"] += orphans
        entries = []
        for row in sdn_rows:
            number = row[0].strip()
            remarks = _field(row[11])
            dobs = [parse_loose_date(m.group(1)) or m.group(1) for m in _DOB.finditer(remarks)]
            nationalities = [m.group(1) for m in _NATIONALITY.finditer(remarks)]
            flag = _field(row[9])
            entries.append(
                sanctions_entry(
                    list_name=self.name,
                    entry_id=number,
                    entry_type=_TYPES.get(_field(row[2]).lower(), "entity"),
                    names=[_field(row[1]), *aliases.get(number, [])],
                    programmes=programmes(_field(row[3])),
                    countries=[*countries.get(number, []), *nationalities, flag],
                    dates_of_birth=dobs,
                    remarks=remarks,
                    source_url=_ENTITY_URL + number,
                    addresses=addresses.get(number, []),
                    drops=drops,
                )
            )
        return entries

    # -- SDN.XML ---------------------------------------------------------------------------
    def _parse_xml(self, data: bytes, drops: Counter[str]) -> list[dict[str, Any]]:
        root = parse_xml(data, source=self.name, what="OFAC SDN.XML")
        if local(root.tag) != "sdnList":
            raise ParseError(f"expected <sdnList>, found <{local(root.tag)}>", source=self.name)
        entries = []
        for item in root.iterfind("{*}sdnEntry"):
            uid = text_of(item, "{*}uid")
            if not uid:
                raise ParseError("an sdnEntry without uid", source=self.name)
            names = [_xml_name(item)]
            for aka in item.iterfind("{*}akaList/{*}aka"):
                if text_of(aka, "{*}category").lower() == "weak":
                    drops["weak a.k.a.s (not screened, as OFAC advises)"] += 1
                else:
                    names.append(_xml_name(aka))
            address_items = list(item.iterfind("{*}addressList/{*}address"))
            countries = [text_of(a, "{*}country") for a in address_items]
            addresses = [
                address_text([text_of(a, "{*}" + tag) for tag in _XML_ADDRESS])
                for a in address_items
            ]
            countries += [
                text_of(n, "{*}country") for n in item.iterfind("{*}nationalityList/{*}nationality")
            ]
            countries += [
                text_of(n, "{*}country") for n in item.iterfind("{*}citizenshipList/{*}citizenship")
            ]
            flag = text_of(item, "{*}vesselInfo/{*}vesselFlag")
            dobs = [
                text_of(d, "{*}dateOfBirth")
                for d in item.iterfind("{*}dateOfBirthList/{*}dateOfBirthItem")
            ]
            entries.append(
                sanctions_entry(
                    list_name=self.name,
                    entry_id=uid,
                    entry_type=_TYPES.get(text_of(item, "{*}sdnType").lower(), "entity"),
                    names=names,
                    programmes=[clean(p.text) for p in item.iterfind("{*}programList/{*}program")],
                    countries=[*countries, flag],
                    dates_of_birth=[parse_loose_date(d) or d for d in dobs if d],
                    remarks=text_of(item, "{*}remarks"),
                    source_url=_ENTITY_URL + uid,
                    addresses=addresses,
                    drops=drops,
                )
            )
        return entries


def _xml_name(element: Any) -> str:
    last = text_of(element, "{*}lastName")
    first = text_of(element, "{*}firstName")
    return f"{last}, {first}" if last and first else last or first


SOURCE = OfacSource()
