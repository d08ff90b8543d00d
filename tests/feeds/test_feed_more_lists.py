"""OFAC's advanced and enhanced XML, OFAC's consolidated non-SDN list and the US Consolidated
Screening List: parsed from fixtures in their real formats, through the same gates, provenance,
safe XML and write-nothing-on-refusal as the other lists; the matcher reads them unchanged."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from clearance.engine.parties import load_party_screener
from clearance.feeds import ofac, us_csl
from clearance.feeds.fetch import Fetcher
from clearance.feeds.pipeline import finish, target_path, update
from clearance.feeds.source import Source

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
Snapshot = Callable[[Path], dict[str, bytes | None]]
ADVANCED_NS = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML"
)


def parse(source: Source, path: Path) -> dict[str, Any]:
    payload = source.read_local(path)
    doc = source.parse(payload, NOW)
    finished = finish(source, source.merge(None, doc, NOW), payload, NOW, len(source.records(doc)))
    assert source.validate(finished) == []
    return doc


def by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in doc["entries"]}


# -- OFAC advanced and enhanced XML ----------------------------------------------------------


@pytest.mark.parametrize("file", ["SDN_ADVANCED.XML", "SDN_ENHANCED.XML"])
def test_ofac_advanced_and_enhanced_xml(fixtures: Path, file: str) -> None:
    doc = parse(ofac.SOURCE, fixtures / "ofac" / file)
    entries = by_id(doc)
    assert set(entries) == {"100", "200", "300"}
    acme = entries["100"]
    assert acme["type"] == "entity"
    assert acme["names"] == ["ACME TRADING GMBH", "ACME TRADING COMPANY LIMITED"]  # weak aka out
    assert acme["programmes"] == ["IRAN", "NPWMD"]
    assert acme["countries"] == ["DE", "IR"]
    assert acme["addresses"] == ["Grosse Elbstrasse 10, Hamburg, Germany", "Tehran, Iran"]
    assert acme["listed_on"] == "2019-05-08"
    assert acme["source_url"].endswith("id=100")
    petrov = entries["200"]
    assert petrov["type"] == "individual"
    assert petrov["names"][0] == "PETROV, Ivan Sergeyevich"
    assert "ПЕТРОВ, Иван" in petrov["names"]  # the Cyrillic spelling is screened too
    assert "PETROFF, Iwan Sergejewitsch" in petrov["names"]
    assert petrov["dates_of_birth"][0] == "1972-10-12"
    assert petrov["countries"] == ["RU"]
    assert petrov["programmes"] == ["RUSSIA-EO14024"]
    vessel = entries["300"]
    assert (vessel["type"], vessel["countries"]) == ("vessel", ["PA"])
    assert doc["dropped"] == [
        {"reason": "weak a.k.a.s (not screened, as OFAC advises)", "count": 1}
    ]


def test_ofac_advanced_year_only_birth_date(fixtures: Path) -> None:
    """OFAC writes a year of birth as the period 1 January .. 31 December."""
    petrov = by_id(parse(ofac.SOURCE, fixtures / "ofac" / "SDN_ADVANCED.XML"))["200"]
    assert petrov["dates_of_birth"] == ["1972-10-12", "1973"]


@pytest.mark.parametrize(
    ("file", "url"),
    [
        ("SDN_ADVANCED.XML", ofac.BASE + "SDN_ADVANCED.XML"),
        ("SDN_ENHANCED.XML", ofac.BASE + "SDN_ENHANCED.XML"),
        ("sdn-sls.xml", ofac.BASE + "SDN.XML"),
    ],
)
def test_ofac_xml_provenance_names_the_format(
    fixtures: Path, rules: Path, file: str, url: str
) -> None:
    result = update(ofac.SOURCE, rules, from_path=fixtures / "ofac" / file, now=NOW)
    assert result.status == "written", result.message
    prov = json.loads(target_path(ofac.SOURCE, rules).read_text())["provenance"]
    assert prov["source"] == url
    assert prov["file"] == file
    assert prov["parser_version"] == "ofac/2"
    assert len(prov["sha256"]) == 64


def test_ofac_advanced_without_reference_values_is_refused(
    rules: Path, tmp_path: Path, snapshot: Snapshot
) -> None:
    bad = tmp_path / "SDN_ADVANCED.XML"
    bad.write_text(
        f'<?xml version="1.0"?><Sanctions xmlns="{ADVANCED_NS}"><DistinctParties/></Sanctions>'
    )
    before = snapshot(rules)
    result = update(ofac.SOURCE, rules, from_path=bad, now=NOW)
    assert result.status == "refused"
    assert "ReferenceValueSets" in result.message
    assert snapshot(rules) == before


def test_ofac_advanced_with_a_dtd_is_refused(
    fixtures: Path, rules: Path, tmp_path: Path, snapshot: Snapshot
) -> None:
    text = (fixtures / "ofac" / "SDN_ADVANCED.XML").read_text(encoding="utf-8")
    hostile = text.replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE Sanctions [<!ENTITY x SYSTEM '
        '"file:///etc/passwd">]>',
    ).replace("ACME TRADING GMBH", "&x;")
    path = tmp_path / "SDN_ADVANCED.XML"
    path.write_text(hostile, encoding="utf-8")
    before = snapshot(rules)
    result = update(ofac.SOURCE, rules, from_path=path, now=NOW)
    assert result.status == "refused"
    assert snapshot(rules) == before


def test_ofac_enhanced_cut_short_is_refused(
    fixtures: Path, rules: Path, tmp_path: Path, snapshot: Snapshot
) -> None:
    data = (fixtures / "ofac" / "SDN_ENHANCED.XML").read_bytes()
    path = tmp_path / "SDN_ENHANCED.XML"
    path.write_bytes(data[: len(data) // 2])
    before = snapshot(rules)
    result = update(ofac.SOURCE, rules, from_path=path, now=NOW)
    assert result.status == "refused"
    assert "truncated or malformed XML" in result.message
    assert snapshot(rules) == before


def test_ofac_xml_losing_aliases_is_refused_by_the_shrink_gate(
    fixtures: Path, rules: Path, tmp_path: Path
) -> None:
    assert update(ofac.SOURCE, rules, from_path=fixtures / "ofac" / "SDN_ENHANCED.XML", now=NOW).ok
    text = (fixtures / "ofac" / "SDN_ENHANCED.XML").read_text(encoding="utf-8")
    start = text.index('<name id="8101">')
    stripped = text[:start] + text[text.index("</name>", start) + len("</name>") :]
    path = tmp_path / "SDN_ENHANCED.XML"
    path.write_text(stripped, encoding="utf-8")
    result = update(ofac.SOURCE, rules, from_path=path, now=NOW)
    assert result.status == "refused"
    assert "aliases" in result.message and "names" in result.message


# -- OFAC consolidated (non-SDN) list --------------------------------------------------------


def test_ofac_consolidated_csv_triple(fixtures: Path) -> None:
    entries = by_id(parse(ofac.CONS_SOURCE, fixtures / "ofac_cons"))
    assert set(entries) == {"306", "9640", "17293"}
    zte = entries["17293"]
    assert zte["list"] == "ofac_cons"
    assert zte["names"] == ["ZHONGXING TELECOMMUNICATION EQUIPMENT CORPORATION", "ZTE CORPORATION"]
    assert zte["programmes"] == ["CMIC-EO13959"]
    assert zte["countries"] == ["CN"]
    assert entries["306"]["programmes"] == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    teir = entries["9640"]
    assert (teir["type"], teir["dates_of_birth"]) == ("individual", ["1951"])


def test_ofac_consolidated_main_file_path_picks_up_its_companions(fixtures: Path) -> None:
    payload = ofac.CONS_SOURCE.read_local(fixtures / "ofac_cons" / "cons_prim.csv")
    assert set(payload.parts) == {"sdn", "alt", "add"}


def test_ofac_consolidated_without_companions_is_refused(
    fixtures: Path, rules: Path, tmp_path: Path, snapshot: Snapshot
) -> None:
    shutil.copy(fixtures / "ofac_cons" / "cons_prim.csv", tmp_path / "cons_prim.csv")
    before = snapshot(rules)
    result = update(ofac.CONS_SOURCE, rules, from_path=tmp_path, now=NOW)
    assert result.status == "refused"
    assert (
        "cons_prim.csv came without cons_alt.csv (the aliases) and cons_add.csv (the addresses)"
        in result.message
    )
    assert snapshot(rules) == before


def test_ofac_consolidated_cut_short_is_refused(
    fixtures: Path, rules: Path, tmp_path: Path, snapshot: Snapshot
) -> None:
    for name in ("cons_prim.csv", "cons_alt.csv", "cons_add.csv"):
        shutil.copy(fixtures / "ofac_cons" / name, tmp_path / name)
    (tmp_path / "cons_alt.csv").write_bytes((tmp_path / "cons_alt.csv").read_bytes()[:-1])
    before = snapshot(rules)
    result = update(ofac.CONS_SOURCE, rules, from_path=tmp_path, now=NOW)
    assert result.status == "refused"
    assert "cons_alt.csv does not end with OFAC's end-of-file marker (0x1A)" in result.message
    assert snapshot(rules) == before


def test_ofac_consolidated_fetch_gets_all_three_parts(fixtures: Path, rules: Path) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        name = request.url.path.rsplit("/", 1)[-1]
        seen.append(name)
        return httpx.Response(200, content=(fixtures / "ofac_cons" / name.lower()).read_bytes())

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        result = update(ofac.CONS_SOURCE, rules, fetcher=fetcher, now=NOW)
    assert result.status == "written", result.message
    assert seen == ["CONS_PRIM.CSV", "CONS_ALT.CSV", "CONS_ADD.CSV"]
    doc = json.loads((rules / "data" / "sanctions" / "ofac_cons.json").read_text())
    assert doc["list"] == "ofac_cons"
    assert doc["provenance"]["source"] == ofac.BASE + "CONS_PRIM.CSV"
    assert doc["provenance"]["counts"] == {"entries": 3, "names": 7, "aliases": 4, "addresses": 3}


def test_ofac_consolidated_reads_the_advanced_format_too(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "CONS_ADVANCED.XML"
    path.write_bytes((fixtures / "ofac" / "SDN_ADVANCED.XML").read_bytes())
    payload = ofac.CONS_SOURCE.read_local(path)
    assert payload.url == ofac.BASE + "CONS_ADVANCED.XML"
    doc = ofac.CONS_SOURCE.parse(payload, NOW)
    assert {e["list"] for e in doc["entries"]} == {"ofac_cons"}


# -- US Consolidated Screening List ----------------------------------------------------------


def test_us_csl_csv(fixtures: Path) -> None:
    entries = list(parse(us_csl.SOURCE, fixtures / "us_csl" / "consolidated.csv")["entries"])
    assert len(entries) == 5
    el = entries[0]
    assert el["names"] == [
        "Beijing Advanced Photonics Co., Ltd.",
        "BAP Photonics",
        "Beijing Advanced Photonics Technology",
    ]
    assert el["type"] == "entity"  # the CSL leaves the type empty for Commerce entries
    assert el["programmes"] == ["EL"]
    assert el["countries"] == ["CN", "HK"]
    assert el["addresses"][0] == "No. 8 Kexueyuan South Road, Haidian District, Beijing, 100190, CN"
    assert el["listed_on"] == "2024-02-21"
    assert "License requirement: For all items subject to the EAR" in el["remarks"]
    sdn = entries[2]
    assert sdn["programmes"] == ["SDN", "RUSSIA-EO14024"]
    assert sdn["reference"] == "SDN 200"
    assert sdn["names"] == [
        "PETROV, Ivan Sergeyevich",
        "PETROV, Ivan",
        "PETROFF, Iwan Sergejewitsch",
    ]
    assert sdn["dates_of_birth"] == ["1972-10-12", "1973"]
    assert (entries[3]["type"], entries[3]["countries"]) == ("vessel", ["PA"])
    assert entries[4]["programmes"][0] == "ISN"


def test_us_csl_reordered_columns_are_read_by_name(fixtures: Path, tmp_path: Path) -> None:
    import csv
    import io

    rows = list(csv.reader(io.StringIO((fixtures / "us_csl" / "consolidated.csv").read_text())))
    order = list(reversed(range(len(rows[0]))))
    out = io.StringIO()
    csv.writer(out).writerows([[r[i] for i in order] for r in rows])
    path = tmp_path / "consolidated.csv"
    path.write_text(out.getvalue())
    assert (
        parse(us_csl.SOURCE, path)["entries"]
        == parse(us_csl.SOURCE, fixtures / "us_csl" / "consolidated.csv")["entries"]
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"entity_number,name\n1,ACME\n", "the header lacks source, alt_names"),
        (b"<html><title>Service Unavailable</title></html>", "HTML page"),
        (b"\xff\xfe_\x00i\x00d\x00", "wrong encoding"),
        (b'_id,source,name,alt_names\n1,"EL,ACME\n', "malformed or truncated CSV"),
    ],
)
def test_us_csl_bad_payloads_are_refused(
    rules: Path, tmp_path: Path, snapshot: Snapshot, content: bytes, message: str
) -> None:
    path = tmp_path / "consolidated.csv"
    path.write_bytes(content)
    before = snapshot(rules)
    result = update(us_csl.SOURCE, rules, from_path=path, now=NOW)
    assert result.status == "refused"
    assert message in result.message
    assert snapshot(rules) == before


def test_us_csl_header_only_is_refused_as_empty(rules: Path, tmp_path: Path) -> None:
    path = tmp_path / "consolidated.csv"
    path.write_text("_id,source,entity_number,type,programs,name,alt_names\n")
    result = update(us_csl.SOURCE, rules, from_path=path, now=NOW)
    assert result.status == "refused" and "empty" in result.message


def test_us_csl_size_limit_is_enforced_while_fetching(rules: Path, snapshot: Snapshot) -> None:
    big = b"_id,source,name,alt_names\n" + b"x" * 2048

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=big)

    source = us_csl.UsCslSource()
    source.max_bytes = 1024
    before = snapshot(rules)
    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        result = update(source, rules, fetcher=fetcher, now=NOW)
    assert result.status == "failed"
    assert snapshot(rules) == before


# -- the matcher reads the new lists unchanged -----------------------------------------------


def test_new_lists_are_screened_without_change(fixtures: Path, rules: Path) -> None:
    assert update(
        us_csl.SOURCE, rules, from_path=fixtures / "us_csl" / "consolidated.csv", now=NOW
    ).ok
    assert update(ofac.CONS_SOURCE, rules, from_path=fixtures / "ofac_cons", now=NOW).ok
    screener = load_party_screener(rules)
    assert screener is not None
    assert {"us_csl", "ofac_cons"} <= set(screener.lists)
    hits = screener.match("Beijing Advanced Photonics Co Ltd", "CN", 88)
    assert any(h.list == "us_csl" and h.programmes[0] == "EL" for h in hits)
    hits = screener.match("ZTE Corporation", "CN", 88)
    assert any(h.key == "ofac_cons:17293" for h in hits)
