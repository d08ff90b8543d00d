"""engine.parties: normalisation, fuzzy matching, reasons, cleared false positives, loading."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.engine.errors import PackError
from clearance.engine.parties import (
    ClearedMatch,
    PartyScreener,
    load_cleared,
    load_party_screener,
    normalize_name,
    split_aliases,
)
from clearance.feeds import ofac, un
from clearance.feeds.pipeline import update


def entry(
    entry_id: str,
    *names: str,
    list_name: str = "ofac",
    countries: tuple[str, ...] = (),
    kind: str = "entity",
) -> dict[str, Any]:
    return {
        "id": entry_id,
        "list": list_name,
        "programmes": ["SDGT"],
        "type": kind,
        "names": list(names),
        "countries": list(countries),
        "dates_of_birth": [],
        "remarks": "",
        "source_url": "",
    }


@pytest.fixture(scope="module")
def screener() -> PartyScreener:
    return PartyScreener(
        [
            entry("1", "AIRCRAFT, AVIONICS, PARTS & SUPPORT LTD."),
            entry(
                "2",
                "KHOROSHEV, Dmitry Yuryevich",
                "KHOROSHEV, Dmitrii Yuryevich",
                kind="individual",
                countries=("RU",),
            ),
            entry("3", "SUEX OTC, S.R.O.", countries=("CZ", "RU")),
            entry(
                "4",
                "Сергей Иванович Волков",
                "Sergei Ivanovich Volkov",
                list_name="eu",
                kind="individual",
            ),
            entry("5", "JOSÉ MARÍA GÓMEZ", list_name="uk", kind="individual"),
            entry("6", "OPEN JOINT STOCK COMPANY ROSNEFT OIL COMPANY", countries=("RU",)),
            entry("7", "IRAN", list_name="un"),
            entry("8", "GLOBAL TRADING COMPANY", countries=("AE",)),
        ]
    )


def keys(matches: list[Any]) -> list[str]:
    return [m.key for m in matches]


def test_normalisation() -> None:
    n = normalize_name("AIRCRAFT, AVIONICS, PARTS & SUPPORT LTD.")
    assert n.strong == ("AIRCRAFT", "AVIONICS", "PARTS", "SUPPORT")
    assert n.weak == ("AND", "LTD")
    assert normalize_name("SUEX OTC, S.R.O.").weak == ("SRO",)
    assert normalize_name("D'S Supermarket").strong == ("DS", "SUPERMARKET")
    assert normalize_name("Open Joint Stock Company Rosneft").weak == ("OJSC",)
    assert normalize_name("Волков").strong == ("VOLKOV",)
    assert normalize_name("ＡＣＭＥ").strong == ("ACME",)  # full-width compatibility forms
    assert normalize_name("The Company").strong == ("CO",)  # only weak words: they identify it
    # cleanco's legal forms of other languages, at the end of the name only
    assert normalize_name("Kovac d.o.o.").weak == ("DOO",)
    assert normalize_name("Lopes Comercio Ltda").weak == ("LTDA",)
    assert normalize_name("Jensen ApS").weak == ("APS",)
    assert normalize_name("Ong Teo Da").strong == ("ONG", "TEO", "DA")  # names, not forms here


def test_aliases_joined_with_semicolons_and_short_forms_are_names_of_their_own() -> None:
    assert split_aliases(["Abu Ahmad; Abu Bakr ;", "GREAT LAKES BUSINESS COMPANY (GLBC)"]) == [
        "Abu Ahmad",
        "Abu Bakr",
        "GREAT LAKES BUSINESS COMPANY",
        "GLBC",
    ]
    assert split_aliases(["حسن غول (Hassan Ghul; Hasan Gul)"]) == [
        "حسن غول",
        "Hassan Ghul",
        "Hasan Gul",
    ]
    assert split_aliases(["Amir Khazmat (original script: Амир Хазмат)"]) == [
        "Amir Khazmat",
        "Амир Хазмат",
    ]
    # remarks in brackets are not names: "Kenya" must not be a listed name
    assert split_aliases(["AL-HARAMAYN FOUNDATION (KENYA)", "EL PARA (COMBAT NAME)"]) == [
        "AL-HARAMAYN FOUNDATION",
        "EL PARA",
    ]
    screener = PartyScreener([entry("1", "Ahmad Khan Zadran", "Haji Zainullah; Mullah Faizan")])
    [match] = screener.match("Mullah Faizan")
    assert match.score == 100 and match.matched_name == "Mullah Faizan"


def test_legal_form_words_are_ignored(screener: PartyScreener) -> None:
    [match] = screener.match("Aircraft Avionics Parts and Support Limited")
    assert match.key == "ofac:1" and match.score == 100
    assert match.reason == (
        "parts: AIRCRAFT=AIRCRAFT exact, AVIONICS=AVIONICS exact, PARTS=PARTS exact, "
        "SUPPORT=SUPPORT exact; legal form LTD ignored"
    )
    [match] = screener.match("Aircraft Avionics Parts & Support GmbH")
    assert match.score == 100 and "legal forms GMBH, LTD ignored" in match.reason


def test_word_order_and_case(screener: PartyScreener) -> None:
    [match] = screener.match("dmitry khoroshev yuryevich")
    assert match.key == "ofac:2" and match.score == 100
    assert match.reason.endswith("(word order differs)")
    assert match.matched_name == "KHOROSHEV, Dmitry Yuryevich"


def test_a_missing_middle_name_costs_a_few_points(screener: PartyScreener) -> None:
    [match] = screener.match("Dmitry Khoroshev")
    assert match.key == "ofac:2" and 92 <= match.score < 100
    assert "not in the screened name: YURYEVICH" in match.reason
    assert match.unmatched_listed == ("YURYEVICH",)


def test_spelling_variants(screener: PartyScreener) -> None:
    [match] = screener.match("Dmitry Khoroshew Yuryevich")
    assert match.key == "ofac:2" and 92 <= match.score < 100
    assert "KHOROSHEW=KHOROSHEV fuzzy 93%" in match.reason
    [part] = [p for p in match.parts if p.query == "KHOROSHEW"]
    assert (part.listed, part.how, round(part.similarity)) == ("KHOROSHEV", "fuzzy", 93)


def test_known_variants_and_phonetic_spellings() -> None:
    screener = PartyScreener(
        [
            entry("1", "YUSUF, Umar Muhammad", kind="individual"),
            entry("2", "Abdel Karim Nassereddine", kind="individual"),
            entry("3", "Other Person Entirely", kind="individual"),
        ]
    )
    for spelling in ("Youssef Omar Mohammed", "Yousef Umar Mohamad", "Omar Mohammed Yusuf"):
        [match] = screener.match(spelling)
        assert match.key == "ofac:1" and match.score >= 92, spelling
    [match] = screener.match("Youssef Omar Mohammed")
    assert {(p.query, p.listed, p.how) for p in match.parts} == {
        ("YOUSSEF", "YUSUF", "variant"),
        ("OMAR", "UMAR", "variant"),
        ("MOHAMMED", "MUHAMMAD", "variant"),
    }
    [match] = screener.match("Abdul Karim Nasereddine")
    assert match.key == "ofac:2" and match.score >= 92
    assert "ABDUL=ABDEL variant" in match.reason
    # Arabic script: the transliteration has no vowels; the consonant skeleton pairs it
    [match] = screener.match("يوسف عمر محمد")
    assert match.key == "ofac:1" and match.score >= 90
    assert "after transliteration" in match.reason


def test_transliteration_both_ways(screener: PartyScreener) -> None:
    [latin] = screener.match("Sergei Volkov")
    assert latin.key == "eu:4"
    [cyrillic] = screener.match("Сергей Иванович Волков")
    assert cyrillic.key == "eu:4" and cyrillic.score == 100
    assert "after transliteration" in cyrillic.reason


def test_accents(screener: PartyScreener) -> None:
    [match] = screener.match("Jose Maria Gomez")
    assert match.key == "uk:5" and match.score == 100
    assert match.reason.startswith("parts after removing accents: JOSE=JOSE exact")


def test_alias_is_named_in_reason(screener: PartyScreener) -> None:
    [match] = screener.match("Khoroshev Dmitrii Yuryevich")
    assert match.matched_name == "KHOROSHEV, Dmitrii Yuryevich"
    assert match.reason.startswith("matched alias 'KHOROSHEV, Dmitrii Yuryevich'")
    assert match.name == "KHOROSHEV, Dmitry Yuryevich"


def test_explanation_in_the_json_form(screener: PartyScreener) -> None:
    [match] = screener.match("Khoroshew Dmitry", country="RU")
    data = match.to_dict()
    assert data["key"] == "ofac:2" and data["list"] == "ofac" and data["programmes"] == ["SDGT"]
    assert data["matched_name"] == "KHOROSHEV, Dmitry Yuryevich"
    assert {p["how"] for p in data["parts"]} == {"exact", "fuzzy"}
    assert data["unmatched_listed"] == ["YURYEVICH"]
    assert data["evidence"] == ["country RU is on the listing (+2)"]
    assert data["score"] == round(data["name_score"] + 2, 1)
    assert match.explain().startswith("ofac:2 (SDGT) 'KHOROSHEV, Dmitry Yuryevich': score ")


def test_the_address_country_raises_a_score_and_never_lowers_it(screener: PartyScreener) -> None:
    [plain] = screener.match("SUEX OTC")
    [home] = screener.match("SUEX OTC", country="CZ")
    [third] = screener.match("SUEX OTC", country="DE")
    assert plain.score == third.score == 100 and home.score == 100
    assert "country CZ is on the listing" in home.reason
    assert "not held against the match" in third.reason
    [plain] = screener.match("Dmitry Khoroshev")
    [third] = screener.match("Dmitry Khoroshev", country="AE")
    [home] = screener.match("Dmitry Khoroshev", country="RU")
    assert third.score == plain.score and home.score == plain.score + 2


def test_date_of_birth_nationality_and_identifiers_as_evidence() -> None:
    listed = entry("9", "KARIMOV, Rustam Alievich", kind="individual", countries=("UZ",))
    listed["dates_of_birth"] = ["1971-05-03"]
    listed["remarks"] = "DOB 03 May 1971; Passport AB1234567 (Uzbekistan)."
    screener = PartyScreener([listed])
    [base] = screener.match("Rustam Karimov")
    [same_day] = screener.match("Rustam Karimov", date_of_birth="1971-05-03")
    [same_year] = screener.match("Rustam Karimov", date_of_birth="1971")
    assert same_day.score > same_year.score > base.score
    assert "date of birth 1971-05-03 is the listed one" in same_day.reason
    other = screener.match("Rustam Karimov", date_of_birth="1990-01-01", threshold=50)
    assert other[0].score == base.score - 12 and "is not the listed 1971-05-03" in other[0].reason
    assert screener.match("Rustam Karimov", date_of_birth="1972")[0].score == base.score  # near
    [nat] = screener.match("Rustam Karimov", nationality="UZ")
    assert nat.score == base.score + 3
    [other_nat] = screener.match("Rustam Karimov", nationality="FR", threshold=50)
    assert other_nat.score == base.score - 5
    [by_id] = screener.match("Rustam Karimov", identifiers=["ab 123 4567"])
    assert by_id.score == min(100, base.score + 10) and "identifier AB1234567" in by_id.reason
    # absence changes nothing
    assert screener.match("Rustam Karimov", nationality=None, date_of_birth="")[0] == base


def test_a_short_common_name_does_not_block_on_a_long_listed_name() -> None:
    entries = [
        entry(str(i), name, kind="individual")
        for i, name in enumerate(
            [
                "MOHAMMED ALI HASSAN AL-MAJID",
                "Mohammed Ali Abdullah Al-Harbi",
                "Ali Hassan Mohammed Karimi",
                "Mohammed Omar Ali Salem",
                "Ali Mohammed Rahimi",
                "KHOROSHEV, Dmitry Yuryevich",
                "Ivan Petrov",
                "Hassan Nasrallah",
                "Mohammed Hassan",
            ]
        )
    ]
    screener = PartyScreener(entries)
    assert all(m.score < 80 for m in screener.match("Mohammed Ali", threshold=0))
    assert [m.entry_id for m in screener.match("Mohammed Hassan")] == ["8"]  # equal names do
    assert [m.entry_id for m in screener.match("Dmitry Khoroshev")] == ["5"]
    [capped] = screener.match("Ali Hassan", threshold=0)[:1]
    assert "says too little on its own" in capped.reason


def test_generic_trade_words_never_carry_a_match(screener: PartyScreener) -> None:
    assert screener.match("Global Trading Group") == []
    assert screener.match("Sunrise Global Trading Company") == []
    assert all(m.score <= 60 for m in screener.match("Global Trading International", threshold=0))
    [exact] = screener.match("Global Trading Company")  # the listed name itself
    assert exact.key == "ofac:8"


def test_no_false_positives_on_single_common_tokens(screener: PartyScreener) -> None:
    assert screener.match("Iran Air") == []
    assert keys(screener.match("Iran")) == ["un:7"]
    assert screener.match("Trading") == []
    assert screener.match("Global Logistics Company") == []
    assert screener.match("LTD") == []
    assert screener.match("") == []


def test_threshold(screener: PartyScreener) -> None:
    assert screener.match("Khoroshev Dmitri", threshold=99) == []
    assert keys(screener.match("Khoroshev Dmitri", threshold=80)) == ["ofac:2"]
    for low in (0, 0.5, 1, 1.99):  # used to raise TypeError under 2
        assert "ofac:2" in keys(screener.match("Khoroshev Dmitri", threshold=low))
    for bad in (-1, 100.5, float("nan")):
        with pytest.raises(ValueError, match="threshold must be a number from 0 to 100"):
            screener.match("Khoroshev", threshold=bad)


def test_long_names_are_scored_on_few_candidates() -> None:
    parts = ["MUHAMMAD", "ALI", "HASSAN", "ABD", "AL", "RAHMAN", "BIN", "AHMAD", "IBN", "UMAR"]
    entries = [
        entry(str(i), " ".join(parts[j % len(parts)] for j in range(i, i + 6)), kind="individual")
        for i in range(3000)
    ]
    screener = PartyScreener(entries)
    query = "Muhammad bin Ali al-Hassan Abd al-Rahman ibn Ahmad al-Umar"
    screener.match(query)
    start = time.perf_counter()
    for _ in range(20):
        screener.match(query, threshold=80)
    assert (time.perf_counter() - start) / 20 < 0.05  # generous: the benchmark measures it


def test_cleared_false_positive_is_not_returned() -> None:
    entries = [entry("15102", "MORENO, Daniel", kind="individual")]
    assert keys(PartyScreener(entries).match("Daniel Moreno")) == ["ofac:15102"]
    cleared = [
        ClearedMatch(
            "daniel  MORENO", "ofac:15102", "different DOB", "j.doe", "2026-03-01", "2026-09-01"
        )
    ]
    screener = PartyScreener(entries, cleared=cleared)
    assert screener.match("Daniel Moreno") == []
    found, suppressed = screener.match_with_cleared("Daniel Moreno", on=dt.date(2026, 9, 1))
    assert found == [] and [(m.key, c.by) for m, c in suppressed] == [("ofac:15102", "j.doe")]
    later = screener.match("Daniel Moreno", on=dt.date(2026, 9, 2))  # the clearance expired
    assert keys(later) == ["ofac:15102"]
    assert screener.is_cleared("Moreno, Daniel", "ofac:15102") is not None
    assert keys(screener.match("Daniel Moreno Garcia", threshold=50)) == ["ofac:15102"]


def test_load_cleared_yaml(tmp_path: Path) -> None:
    path = tmp_path / "cleared.yaml"
    path.write_text(
        "cleared:\n  - name: Daniel Moreno\n    entry: ofac:15102\n"
        "    reason: customer born 1985, listed DOB 1972\n    by: j.doe\n"
        "    date: 2026-03-01\n    until: 2027-03-01\n"
    )
    [item] = load_cleared(path)
    assert (item.entry, item.by, item.date) == ("ofac:15102", "j.doe", "2026-03-01")
    assert item.until == "2027-03-01"
    path.write_text(
        "cleared:\n  - name: Daniel Moreno\n    entry: '15102'\n    reason: x\n"
        "    by: y\n    date: 2026-03-01\n    until: 2026-06-01\n"
    )
    with pytest.raises(PackError, match="must be list:id") as caught:
        load_cleared(path)
    assert caught.value.line == 3
    path.write_text("cleared:\n  - name: Daniel Moreno\n")
    with pytest.raises(PackError, match="missing entry, reason, by, date, until"):
        load_cleared(path)
    path.write_text(
        "cleared:\n  - name: Daniel Moreno\n    entry: ofac:15102\n    reason: x\n"
        "    by: y\n    date: 2026-03-01\n    until: 2026-02-01\n"
    )
    with pytest.raises(PackError, match="before its date") as caught:
        load_cleared(path)
    assert caught.value.line == 7


def test_load_party_screener_reads_every_list_and_the_allow_list(
    rules: Path, fixtures: Path
) -> None:
    assert load_party_screener(rules) is None
    update(ofac.SOURCE, rules, from_path=fixtures / "ofac")
    update(un.SOURCE, rules, from_path=fixtures / "un" / "consolidated.xml")
    screener = load_party_screener(rules)
    assert screener is not None
    assert screener.lists == {"ofac": 4, "un": 4}
    assert set(screener.files) == {"ofac.json", "un.json"}
    assert keys(screener.match("Acme Trading Company Ltd")) == ["ofac:100"]
    assert keys(screener.match("Kareem Abdel Rahman", country="SY")) == ["un:9000001"]
    assert load_party_screener(rules) is screener  # cached until a file changes
    (rules / "data" / "sanctions" / "cleared.yaml").write_text(
        "cleared:\n  - {name: Acme Trading Company Ltd, entry: 'ofac:100', reason: other firm,"
        " by: a.b, date: '2026-03-02', until: '2027-03-02'}\n"
    )
    reloaded = load_party_screener(rules)
    assert reloaded is not screener and reloaded is not None
    assert reloaded.match("Acme Trading Company Ltd") == []


def test_a_screened_name_with_a_short_form_in_brackets(screener: PartyScreener) -> None:
    [match] = screener.match("SUEX OTC (SX)")
    assert match.key == "ofac:3" and match.score == 100 and match.unmatched_query == ()


def test_the_index_is_kept_on_disk_under_the_lists_hash(
    rules: Path, fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearance.engine import parties

    cache = tmp_path / "index-cache"
    update(un.SOURCE, rules, from_path=fixtures / "un" / "consolidated.xml")
    built = load_party_screener(rules, cache_dir=cache)
    assert built is not None
    [stored] = cache.glob("*.msgpack")
    assert stored.read_bytes().startswith(b"clearance party index\n")
    assert cache.stat().st_mode & 0o777 == 0o700
    expected = [m.to_dict() for m in built.match("Kareem Abdel Rahman", country="SY")]

    def no_parsing(*_: Any, **__: Any) -> Any:
        raise AssertionError("the lists were parsed although the index was cached")

    parties._cache.clear()
    monkeypatch.setattr(parties, "read_list_files", no_parsing)
    loaded = load_party_screener(rules, cache_dir=cache)
    assert loaded is not None and loaded is not built
    assert [m.to_dict() for m in loaded.match("Kareem Abdel Rahman", country="SY")] == expected
    assert loaded.files == built.files and loaded.lists == built.lists
    monkeypatch.undo()

    # a damaged file is ignored and written again
    stored.write_bytes(stored.read_bytes()[:-10] + b"0123456789")
    parties._cache.clear()
    again = load_party_screener(rules, cache_dir=cache)
    assert again is not None and again.lists == built.lists
    assert parties._read_cached(stored, stored.stem) is not None

    # a changed list is another key: rebuilt, and the new entries found
    update(ofac.SOURCE, rules, from_path=fixtures / "ofac")
    parties._cache.clear()
    changed = load_party_screener(rules, cache_dir=cache)
    assert changed is not None and "ofac" in changed.lists
    assert len(list(cache.glob("*.msgpack"))) == 2

    # no cache: nothing read or written
    parties._cache.clear()
    off = tmp_path / "off"
    assert load_party_screener(rules, cache_dir=off, cache=False) is not None
    assert not off.exists()


def test_a_file_that_is_not_an_index_is_refused() -> None:
    from clearance.engine.parties import _Index

    for data in (b"", b"\x93\x01\x02\x03", _Index().dump()[:-1]):
        with pytest.raises(ValueError, match="not a party index"):
            _Index.load(data)


def test_load_party_screener_refuses_a_broken_list(rules: Path) -> None:
    directory = rules / "data" / "sanctions"
    directory.mkdir()
    (directory / "x.json").write_text(json.dumps({"entries": [{"id": "1"}]}))
    with pytest.raises(PackError, match="needs id, list and names"):
        load_party_screener(rules)


def test_real_un_list(rules: Path, samples: Path) -> None:
    update(un.SOURCE, rules, from_path=samples / "sanctions" / "un" / "consolidated.xml")
    screener = load_party_screener(rules)
    assert screener is not None
    [match] = screener.match("Badege Eric", country="CD")
    assert match.key == "un:6907993" and match.score == 100
    arabic = screener.match("صدام حسين التكريتي")
    assert arabic and arabic[0].score == 100
    start = time.perf_counter()
    for _ in range(200):
        screener.match("Mohammed Ali Hassan")
    assert time.perf_counter() - start < 5  # generous: speed is measured by the benchmark


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ACME", "NORTH", "STAR", "Ölçer", "Łódź", "Βήτα", "Иван"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    st.sampled_from(["", " LTD", " GmbH", " Limited", ", S.A."]),
)
def test_case_order_and_legal_form_do_not_change_the_score(words: list[str], form: str) -> None:
    screener = PartyScreener([entry("1", " ".join(words) + " LLC")])
    variant = " ".join(reversed(words)).lower() + form
    matches = screener.match(variant)
    assert matches and matches[0].score >= 98
