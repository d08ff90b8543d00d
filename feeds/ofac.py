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

* ``SDN_ADVANCED.XML`` (the advanced sanctions data model) and ``SDN_ENHANCED.XML`` (the
  Sanctions List Service's enhanced XML), read by :mod:`feeds.ofac_xml`.

Weak a.k.a.s (quoted in the remarks) are not screened, as OFAC advises.

:class:`OfacConsolidatedSource` (``ofac_cons``) reads OFAC's consolidated non-SDN list (SSI,
FSE, NS-MBS, NS-PLC, CAPTA, NS-CMIC...) in the same formats: the legacy CSV triple
``cons_prim.csv``, ``cons_alt.csv``, ``cons_add.csv`` (the layout of the SDN triple),
``CONSOLIDATED.XML`` (the ``sdnList`` layout), ``CONS_ADVANCED.XML`` and ``CONS_ENHANCED.XML``.

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
from clearance.feeds.ofac_xml import parse_structured
from clearance.feeds.safexml import local, parse_xml, text_of
from clearance.feeds.source import Payload, Source, read_bytes
from clearance.feeds.state import FeedState
from clearance.feeds.textio import decode_text, read_csv

BASE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
CSV_PARTS = {"sdn": BASE + "SDN.CSV", "alt": BASE + "ALT.CSV", "add": BASE + "ADD.CSV"}
COMPANIONS = {"alt": "aliases", "add": "addresses"}
CSV_FILES = {"sdn": "sdn.csv", "alt": "alt.csv", "add": "add.csv"}
XML_URLS = {
    "classic": BASE + "SDN.XML",
    "advanced": BASE + "SDN_ADVANCED.XML",
    "enhanced": BASE + "SDN_ENHANCED.XML",
}
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
    format = (
        "legacy CSV (sdn.csv + alt.csv + add.csv); SDN.XML, SDN_ADVANCED.XML or "
        "SDN_ENHANCED.XML through --from"
    )
    parser_version = "2"
    description = (
        "US Treasury OFAC SDN list: individuals, entities, vessels and aircraft whose "
        "property is blocked; US persons may not deal with them."
    )
    max_bytes = 256 * 1024 * 1024
    csv_parts = CSV_PARTS
    """Where the three legacy CSV files are fetched from, by part (sdn, alt, add)."""
    csv_files = CSV_FILES
    """The file name of each part, as OFAC names it (lower case)."""
    xml_urls = XML_URLS

    def fetch(self, fetcher: Fetcher, state: FeedState, now: dt.datetime) -> Payload | None:
        """Fetch sdn.csv, then alt.csv and add.csv (all three, unless sdn.csv is unchanged)."""
        parts: dict[str, bytes] = {}
        validators = {}
        for part, url in self.csv_parts.items():
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
        """A directory with the CSV triple, the path of the main CSV file, or an XML file
        (the classic XML, or the advanced or enhanced format)."""
        files = self.csv_files
        if path.is_dir():
            found = {p.name.lower(): p for p in path.iterdir()}
            if files["sdn"] not in found:
                raise ParseError(f"{path} holds no {files['sdn']}", source=self.name)
            parts = {
                name: read_bytes(found[files[name]], self.name)
                for name in files
                if files[name] in found
            }
            return Payload(parts, self.url, file=path.name)
        data = read_bytes(path, self.name)
        if path.suffix.lower() == ".xml" or data.lstrip()[:5] == b"<?xml":
            return Payload({"xml": data}, self.xml_url_for(data), file=path.name)
        parts = {"sdn": data}
        for name in ("alt", "add"):
            for candidate in (path.with_name(files[name]), path.with_name(files[name].upper())):
                if candidate.exists():
                    parts[name] = read_bytes(candidate, self.name)
                    break
        return Payload(parts, self.url, file=path.name)

    def xml_url_for(self, data: bytes) -> str:
        """The official URL of the XML format ``data`` is in (recorded as provenance)."""
        head = data[:4096]
        if b"ADVANCED_XML" in head or b"<Sanctions" in head:
            return self.xml_urls["advanced"]
        if b"ENHANCED_XML" in head or b"<sanctionsData" in head:
            return self.xml_urls["enhanced"]
        return self.xml_urls["classic"]

    def check_payload(self, payload: Payload) -> list[str]:
        """A CSV triple with a file missing, or a CSV file without its end-of-file marker."""
        if "xml" in payload.parts or "sdn" not in payload.parts:
            return []
        files = self.csv_files
        problems = []
        missing = [p for p in ("alt", "add") if p not in payload.parts]
        if missing:
            problems.append(
                f"{files['sdn']} came without "
                f"{' and '.join(f'{files[m]} (the {COMPANIONS[m]})' for m in missing)}: every "
                f"{' and '.join('alias' if m == 'alt' else 'address' for m in missing)}"
                " of the list would be lost"
            )
        for part in files:
            data = payload.parts.get(part)
            if data is not None and not data.rstrip(b"\r\n\t ").endswith(EOF_MARKER):
                problems.append(
                    f"{files[part]} does not end with OFAC's end-of-file marker (0x1A): the "
                    "file was cut short (a truncated download or a partial copy)"
                )
        return problems

    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse the CSV triple, or the classic, advanced or enhanced XML, into the list."""
        drops: Counter[str] = Counter()
        if "xml" in payload.parts:
            root = parse_xml(payload.parts["xml"], source=self.name, what="an OFAC XML file")
            structured = parse_structured(root, self.name, drops)
            if structured is not None:
                return list_doc(self, structured, drops)
            return list_doc(self, self._parse_xml(root, drops), drops)
        if "sdn" not in payload.parts:
            raise ParseError(f"no {self.csv_files['sdn']} in the payload", source=self.name)
        return list_doc(self, self._parse_csv(payload.parts, drops), drops)

    # -- legacy CSV ------------------------------------------------------------------------
    def _rows(self, data: bytes, part: str, columns: int) -> list[list[str]]:
        file = self.csv_files[part]
        text = decode_text(data, source=self.name, what=f"OFAC {file}", fallback="cp1252")
        rows: list[list[str]] = []
        for number, row in enumerate(read_csv(text, source=self.name), start=1):
            if not row or (len(row) == 1 and row[0].strip() in ("", "\x1a")):
                continue  # blank lines and the DOS end-of-file marker of the legacy files
            if len(row) != columns:
                raise ParseError(
                    f"{file} line {number}: {len(row)} fields where {columns} "
                    "were expected; a truncated or wrong file?",
                    source=self.name,
                )
            if not row[0].strip().isdigit():
                raise ParseError(
                    f"{file} line {number}: {row[0][:20]!r} is not an entity number",
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
                drops[f"{what} of entity numbers that are not in {self.csv_files['sdn']}"] += (
                    orphans
                )
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
    def _parse_xml(self, root: Any, drops: Counter[str]) -> list[dict[str, Any]]:
        if local(root.tag) != "sdnList":
            raise ParseError(
                f"expected <sdnList>, <Sanctions> (advanced) or <sanctionsData> (enhanced), "
                f"found <{local(root.tag)}>",
                source=self.name,
            )
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


CONS_PARTS = {
    "sdn": BASE + "CONS_PRIM.CSV",
    "alt": BASE + "CONS_ALT.CSV",
    "add": BASE + "CONS_ADD.CSV",
}
CONS_FILES = {"sdn": "cons_prim.csv", "alt": "cons_alt.csv", "add": "cons_add.csv"}
CONS_XML_URLS = {
    "classic": BASE + "CONSOLIDATED.XML",
    "advanced": BASE + "CONS_ADVANCED.XML",
    "enhanced": BASE + "CONS_ENHANCED.XML",
}


class OfacConsolidatedSource(OfacSource):
    """OFAC's consolidated non-SDN list (legacy CSV triple, or its XML formats through --from)."""

    name = "ofac_cons"
    title = "OFAC Consolidated Sanctions List (non-SDN lists)"
    target = "sanctions/ofac_cons.json"
    url = CONS_PARTS["sdn"]
    homepage = "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists"
    format = (
        "legacy CSV (cons_prim.csv + cons_alt.csv + cons_add.csv); CONSOLIDATED.XML, "
        "CONS_ADVANCED.XML or CONS_ENHANCED.XML through --from"
    )
    parser_version = "1"
    description = (
        "US Treasury OFAC's non-SDN lists (Sectoral Sanctions Identifications, Foreign "
        "Sanctions Evaders, Menu-Based, Palestinian Legislative Council, CAPTA, Chinese "
        "Military-Industrial Complex): restrictions short of blocking."
    )
    max_bytes = 128 * 1024 * 1024
    csv_parts = CONS_PARTS
    csv_files = CONS_FILES
    xml_urls = CONS_XML_URLS


SOURCE = OfacSource()
CONS_SOURCE = OfacConsolidatedSource()
