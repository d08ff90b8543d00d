"""Each source's parser against fixtures in its real format, and against the real samples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import pytest

from clearance.feeds import cpsc, ecb, eu_sanctions, ofac, safety_gate, tedb, uk_sanctions, un
from clearance.feeds.errors import ParseError
from clearance.feeds.fetch import Fetcher
from clearance.feeds.pipeline import finish, target_path, update
from clearance.feeds.registry import SOURCES, get_source
from clearance.feeds.source import Payload, Source

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


def parse(source: Source, path: Path) -> dict[str, Any]:
    doc = source.parse(source.read_local(path), NOW)
    payload = source.read_local(path)
    finished = finish(source, source.merge(None, doc, NOW), payload, NOW, len(source.records(doc)))
    assert source.validate(finished) == []
    return doc


def by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in doc["entries"]}


# -- registry ------------------------------------------------------------------------------


def test_registry_lists_every_source_with_url_cadence_and_target() -> None:
    assert list(SOURCES) == [
        "ecb",
        "tedb",
        "ofac",
        "ofac_cons",
        "un",
        "eu",
        "uk",
        "us_csl",
        "cpsc",
        "safety_gate",
    ]
    for source in SOURCES.values():
        assert source.url.startswith("https://")
        assert source.cadence_days > 0 and source.target and source.format
    assert get_source("Safety-Gate") is safety_gate.SOURCE
    with pytest.raises(Exception, match="known sources: ecb, tedb"):
        get_source("nope")


# -- ECB -----------------------------------------------------------------------------------


def test_ecb_daily_xml(fixtures: Path) -> None:
    doc = parse(ecb.SOURCE, fixtures / "ecb" / "eurofxref-daily.xml")
    assert doc["base"] == "EUR"
    assert doc["rates"] == {
        "2026-03-03": {
            "USD": 1.084,
            "JPY": 162.31,
            "GBP": 0.8512,
            "CHF": 0.9512,
            "PLN": 4.281,
            "CNY": 7.812,
        }
    }


def test_ecb_history_xml(fixtures: Path) -> None:
    doc = parse(ecb.SOURCE, fixtures / "ecb" / "eurofxref-hist.xml")
    assert list(doc["rates"]) == ["2026-02-26", "2026-02-27", "2026-03-02"]


def test_ecb_daily_csv_with_bom_trailing_comma_and_na(fixtures: Path) -> None:
    doc = parse(ecb.SOURCE, fixtures / "ecb" / "eurofxref.csv")
    assert doc["rates"]["2026-03-03"]["USD"] == 1.084
    assert "BGN" not in doc["rates"]["2026-03-03"]  # N/A: discontinued
    assert "" not in doc["rates"]["2026-03-03"]  # the trailing comma's empty column


def test_ecb_history_csv(fixtures: Path) -> None:
    doc = parse(ecb.SOURCE, fixtures / "ecb" / "eurofxref-hist.csv")
    assert doc["rates"]["2024-12-31"]["BGN"] == 1.9558
    assert "BGN" not in doc["rates"]["2026-03-02"]


def test_ecb_merge_keeps_the_whole_history_of_its_own_table() -> None:
    old = {
        "base": "EUR",
        "provenance": {"parser_version": "ecb/2"},
        "rates": {"2000-01-04": {"USD": 1.0}, "2020-01-02": {"USD": 1.1}},
    }
    merged = ecb.SOURCE.merge(old, {"base": "EUR", "rates": {"2026-03-03": {"USD": 1.3}}}, NOW)
    assert list(merged["rates"]) == ["2000-01-04", "2020-01-02", "2026-03-03"]
    assert "dropped" not in merged


def test_ecb_merge_replaces_rates_it_did_not_write_and_says_so() -> None:
    seed = {
        "base": "EUR",
        "provenance": {"fetched_at": None},
        "rates": {"2025-06-30": {"USD": 1.17}},
    }
    merged = ecb.SOURCE.merge(seed, {"base": "EUR", "rates": {"2026-03-03": {"USD": 1.3}}}, NOW)
    assert list(merged["rates"]) == ["2026-03-03"]
    [dropped] = merged["dropped"]
    assert dropped["count"] == 1 and "hand seed" in dropped["reason"]


def test_ecb_real_samples(samples: Path) -> None:
    daily = parse(ecb.SOURCE, samples / "ecb" / "eurofxref-daily.xml")
    assert daily["rates"]["2015-01-07"]["USD"] == 1.1831
    history = parse(ecb.SOURCE, samples / "ecb" / "eurofxref-hist-90d.xml")
    assert len(history["rates"]) > 50
    assert all(len(per) >= 30 for per in history["rates"].values())


# -- TEDB ----------------------------------------------------------------------------------


def test_tedb_rows_per_member_state(fixtures: Path) -> None:
    doc = parse(tedb.SOURCE, fixtures / "tedb" / "retrieveVatRates-response.xml")
    rows = {(r["market"], r["from"]): r for r in doc["rows"]}
    at = rows[("AT", "2024-01-01")]
    assert (at["standard"], at["reduced"], at["reduced_min"], at["reduced_max"]) == (
        20.0,
        "0,10,13",  # TEDB's zero rate: REDUCED, rate type EXEMPTED, value 0.0
        0.0,
        13.0,
    )
    gr = rows[("GR", "2024-01-01")]
    assert gr["tedb_code"] == "EL" and gr["super_reduced"] == 6.0
    assert rows[("ES", "2024-01-01")]["standard"] == 21.0  # not the Canary Islands' 7%
    assert rows[("XI", "2024-01-01")]["reduced"] == "5"
    lu_old, lu_new = rows[("LU", "2023-01-01")], rows[("LU", "2024-01-01")]
    assert (lu_old["standard"], lu_old["until"]) == (16.0, "2024-01-01")
    assert (lu_new["standard"], lu_new["parking"]) == (17.0, 14.0)
    assert "until" not in lu_new


def test_tedb_keeps_zero_rates_and_reports_what_it_leaves_out(fixtures: Path) -> None:
    doc = parse(tedb.SOURCE, fixtures / "tedb" / "retrieveVatRates-response.xml")
    ie = {r["market"]: r for r in doc["rows"]}["IE"]
    assert (ie["reduced"], ie["reduced_min"], ie["super_reduced"]) == ("0,13.5", 0.0, 4.8)
    assert doc["dropped"] == [
        {"reason": "results of rate type OUT_OF_SCOPE without a value (not a rate)", "count": 1},
        {
            "reason": "STANDARD rates below the highest of their member state and date (Spain's "
            "second is the Canary Islands'; the highest is kept)",
            "count": 1,
        },
    ]


def test_tedb_merge_closes_changed_rows_and_keeps_unchanged_ones() -> None:
    def row(market: str, start: str, standard: float) -> dict[str, Any]:
        return {
            "market": market,
            "from": start,
            "tedb_code": market,
            "standard": standard,
            "reduced": "",
            "reduced_min": None,
            "reduced_max": None,
            "super_reduced": None,
            "parking": None,
        }

    old = {
        "table": "vat_rates",
        "rows": [row("FI", "2024-01-01", 24.0), row("DE", "2024-01-01", 19.0)],
    }
    new = {
        "table": "vat_rates",
        "rows": [row("FI", "2024-09-01", 25.5), row("DE", "2025-01-01", 19.0)],
    }
    rows = tedb.SOURCE.merge(old, new, NOW)["rows"]
    assert [(r["market"], r["from"], r.get("until"), r["standard"]) for r in rows] == [
        ("DE", "2024-01-01", None, 19.0),
        ("FI", "2024-01-01", "2024-09-01", 24.0),
        ("FI", "2024-09-01", None, 25.5),
    ]


def test_tedb_soap_fault_is_refused(fixtures: Path) -> None:
    with pytest.raises(ParseError, match="SOAP fault: TEDB-100"):
        tedb.SOURCE.parse(tedb.SOURCE.read_local(fixtures / "tedb" / "soap-fault.xml"), NOW)


def test_tedb_fetch_posts_soap_request(fixtures: Path, rules: Path) -> None:
    body = (fixtures / "tedb" / "retrieveVatRates-response.xml").read_bytes()
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, content=body)

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        assert update(tedb.SOURCE, rules, fetcher=fetcher, now=NOW).status == "written"
    sent = requests[0].content.decode()
    assert requests[0].method == "POST" and requests[0].headers["SOAPAction"] == tedb.SOAP_ACTION
    assert "<types:situationOn>2026-03-04</types:situationOn>" in sent
    assert "<types:isoCode>EL</types:isoCode>" in sent
    assert "<types:isoCode>XI</types:isoCode>" in sent


def test_tedb_real_sample(samples: Path) -> None:
    doc = parse(tedb.SOURCE, samples / "vat" / "tedb-retrieveVatRates-response-AT.xml")
    [row] = doc["rows"]
    assert (row["market"], row["from"], row["standard"]) == ("AT", "2024-01-01", 20.0)
    assert row["reduced"] == "0,10,13,19"  # the zero rates (solar panels...) are kept
    assert row["reduced_min"] == 0.0
    assert "dropped" not in doc  # every result of the real response was read


# -- OFAC ----------------------------------------------------------------------------------


def test_ofac_legacy_csv_triple(fixtures: Path) -> None:
    doc = parse(ofac.SOURCE, fixtures / "ofac")
    entries = by_id(doc)
    assert set(entries) == {"100", "200", "300", "400"}
    acme = entries["100"]
    assert acme["type"] == "entity"
    assert acme["programmes"] == ["IRAN", "NPWMD"]
    assert acme["names"] == ["ACME TRADING GMBH", "ACME TRADING COMPANY LIMITED"]
    assert acme["countries"] == ["DE", "IR"]
    petrov = entries["200"]
    assert petrov["type"] == "individual"
    assert petrov["names"] == [
        "PETROV, Ivan Sergeyevich",
        "PETROV, Ivan",
        "PETROFF, Iwan Sergejewitsch",
    ]
    assert petrov["dates_of_birth"] == ["1972-10-12", "1973"]
    assert petrov["countries"] == ["RU"]
    assert (entries["300"]["type"], entries["300"]["countries"]) == ("vessel", ["PA"])
    assert entries["400"]["type"] == "aircraft"
    assert entries["100"]["source_url"].endswith("id=100")


def test_ofac_sdn_csv_path_picks_up_sibling_files(fixtures: Path) -> None:
    payload = ofac.SOURCE.read_local(fixtures / "ofac" / "sdn.csv")
    assert set(payload.parts) == {"sdn", "alt", "add"}


@pytest.mark.parametrize("file", ["sdn-tempuri.xml", "sdn-sls.xml"])
def test_ofac_sdn_xml_in_both_namespace_generations(fixtures: Path, file: str) -> None:
    entries = by_id(parse(ofac.SOURCE, fixtures / "ofac" / file))
    assert entries["100"]["names"] == ["ACME TRADING GMBH", "ACME TRADING COMPANY LIMITED"]
    assert entries["100"]["countries"] == ["DE"]
    assert entries["200"]["names"] == ["PETROV, Ivan Sergeyevich"]
    assert entries["200"]["dates_of_birth"] == ["1972-10-12"]
    assert entries["200"]["countries"] == ["RU"]


def test_ofac_fetch_gets_all_three_parts(fixtures: Path, rules: Path) -> None:
    files = {"SDN.CSV": "sdn.csv", "ALT.CSV": "alt.csv", "ADD.CSV": "add.csv"}

    def handler(request: httpx.Request) -> httpx.Response:
        name = files[request.url.path.rsplit("/", 1)[-1]]
        return httpx.Response(200, content=(fixtures / "ofac" / name).read_bytes())

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        result = update(ofac.SOURCE, rules, fetcher=fetcher, now=NOW)
    assert result.status == "written" and result.record_count == 4


def test_ofac_real_samples(samples: Path) -> None:
    entries = by_id(parse(ofac.SOURCE, samples / "sanctions" / "ofac"))
    assert len(entries) == 17
    hesa = entries["11195"]
    assert hesa["programmes"] == ["NPWMD", "IFSR", "IRAN-CON-ARMS-EO"]
    assert "HESA TRADE CENTER" in hesa["names"]
    assert hesa["countries"] == ["IR"]
    assert entries["48603"]["dates_of_birth"] == ["1993-04-17"]
    assert "RU" in entries["48603"]["countries"]
    assert entries["47371"]["type"] == "vessel"


# -- UN ------------------------------------------------------------------------------------


def test_un_fixture(fixtures: Path) -> None:
    entries = by_id(parse(un.SOURCE, fixtures / "un" / "consolidated.xml"))
    karim = entries["9000001"]
    assert karim["names"] == [
        "KARIM ABDUL RAHMAN",
        "Kareem Abdel Rahman",
        "Abu Karim",
        "كريم عبد الرحمن",
    ]
    assert karim["countries"] == ["SY", "IQ"]
    assert karim["dates_of_birth"] == ["1970-02-03", "1969/1971"]
    assert karim["programmes"] == ["Al-Qaida"] and karim["reference"] == "QDi.901"
    glcs = entries["9000101"]
    assert glcs["names"] == [
        "GREAT LAKES CARGO SERVICES (GLCS)",
        "LAKES AIR FREIGHT COMPANY",
        "GLCS LTD",
    ]
    assert glcs["countries"] == ["CD"] and glcs["type"] == "entity"
    assert entries["9000102"]["countries"] == ["RU"]


def test_un_real_sample(samples: Path) -> None:
    doc = parse(un.SOURCE, samples / "sanctions" / "un" / "consolidated.xml")
    entries = by_id(doc)
    assert len(entries) == 1003
    assert entries["6907993"]["names"][0] == "ERIC BADEGE"
    assert entries["6907993"]["countries"] == ["CD", "RW"]
    assert sum(e["type"] == "entity" for e in entries.values()) == 273


# -- EU ------------------------------------------------------------------------------------


def test_eu_fsf_xml(fixtures: Path) -> None:
    entries = by_id(parse(eu_sanctions.SOURCE, fixtures / "eu" / "sanctions.xml"))
    person = entries["1001"]
    assert person["type"] == "individual"
    assert person["names"] == ["Sergei Ivanovich Volkov", "Сергей Иванович Волков"]
    assert person["countries"] == ["RU"] and person["dates_of_birth"] == ["1961-04-12"]
    assert person["programmes"] == ["UKR"] and person["reference"] == "EU.1001.11"
    company = entries["1002"]
    assert company["type"] == "entity" and company["countries"] == ["RU"]
    assert company["programmes"] == ["RUS"] and company["listed_on"] == "2022-02-25"


# -- UK ------------------------------------------------------------------------------------


def test_uk_sanctions_list_xml(fixtures: Path) -> None:
    entries = by_id(parse(uk_sanctions.SOURCE, fixtures / "uk" / "UK-Sanctions-List.xml"))
    olga = entries["RUS0999"]
    assert olga["names"][0] == "Olga Nikolaevna SMIRNOVA"
    assert "Ольга Николаевна Смирнова" in olga["names"]
    assert olga["dates_of_birth"] == ["1975-07-05", "1976"]
    assert olga["countries"] == ["RU"] and olga["listed_on"] == "2022-03-21"
    ship = entries["RUS1999"]
    assert (ship["type"], ship["countries"]) == ("vessel", ["GA"])
    assert entries["CYB0999"]["countries"] == ["HK"]


# -- CPSC ----------------------------------------------------------------------------------


def test_cpsc_recalls(fixtures: Path) -> None:
    entries = by_id(parse(cpsc.SOURCE, fixtures / "cpsc" / "recalls.json"))
    heater = entries["9501"]
    assert heater["reference"] == "26101" and heater["date"] == "2026-02-12"
    assert heater["gtins"] == ["00012345678905", "00012345678912"]
    assert heater["models"] == ["HW-1500", "HW-1500B", "HW 2000"]
    assert heater["brands"] == ["Heatwave Appliances Inc."]  # retailers are not brands
    assert heater["countries"] == ["CN"]
    assert entries["9502"]["brands"] == ["Tiny Tots LLC"]


def test_cpsc_fake_error_row_is_refused(fixtures: Path) -> None:
    with pytest.raises(ParseError, match=r"fake error row \(RecallID 0\)"):
        cpsc.SOURCE.parse(cpsc.SOURCE.read_local(fixtures / "cpsc" / "error-row.json"), NOW)


# -- Safety Gate ---------------------------------------------------------------------------


def test_safety_gate_report(fixtures: Path) -> None:
    entries = by_id(parse(safety_gate.SOURCE, fixtures / "safety_gate" / "report-2026-09.xml"))
    toy = entries["SR/00901/26"]
    assert toy["date"] == "2026-02-27"
    assert toy["brands"] == ["Fluffy Friends"] and toy["models"] == ["FF-2231", "FF-2232"]
    assert toy["gtins"] == ["05901234123457"]
    assert toy["url"].endswith("/10009001") and toy["hazard"].startswith("Choking")
    charger = entries["SR/00902/26"]
    assert charger["brands"] == []  # "Unknown" is no brand
    assert charger["gtins"] == ["04006381333931"]  # the 11-digit code is not a GTIN
    assert charger["countries"] == []


def test_safety_gate_fetch_reads_index_then_reports(fixtures: Path, rules: Path) -> None:
    urls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        urls.append(str(request.url))
        if request.url.path.endswith("/list/xml/en"):
            index = (fixtures / "safety_gate" / "index.xml").read_bytes()
            return httpx.Response(200, content=index)
        return httpx.Response(
            200, content=(fixtures / "safety_gate" / "report-2026-09.xml").read_bytes()
        )

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        result = update(safety_gate.SOURCE, rules, fetcher=fetcher, now=NOW)
    assert result.status == "written" and result.record_count == 2
    assert urls[0] == safety_gate.INDEX_URL
    assert urls[1].startswith(safety_gate.BASE + "detail/xml/709")  # newest report first


def test_safety_gate_merge_accumulates_alerts(fixtures: Path, rules: Path, tmp_path: Path) -> None:
    report = (fixtures / "safety_gate" / "report-2026-09.xml").read_text()
    other = tmp_path / "report-2026-10.xml"
    other.write_text(
        report.replace("SR/00901/26", "SR/01001/26").replace("27/02/2026", "06/03/2026")
    )
    update(
        safety_gate.SOURCE,
        rules,
        from_path=fixtures / "safety_gate" / "report-2026-09.xml",
        now=NOW,
    )
    result = update(safety_gate.SOURCE, rules, from_path=other, now=NOW)
    assert result.status == "written" and result.record_count == 3
    assert result.diff is not None and len(result.diff.added) == 1


def test_payload_hash_covers_every_part() -> None:
    a = Payload({"sdn": b"1", "alt": b"2"}, "u")
    b = Payload({"sdn": b"1", "alt": b"3"}, "u")
    assert a.sha256 != b.sha256
    assert Payload({"main": b"x"}, "u").sha256 == Payload({"other": b"x"}, "u").sha256


def test_target_paths_are_outside_the_loaded_table_directory(rules: Path) -> None:
    for source in SOURCES.values():
        target = target_path(source, rules)
        if source.kind in ("sanctions", "recalls"):
            assert target.parent.name == source.kind
        else:
            assert target.parent == rules / "data"
