"""engine.parties: normalisation, fuzzy matching, reasons, cleared false positives, loading."""

from __future__ import annotations

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
    n = normalize_name("Aircraft, Avionics, Parts & Support Limited")
    assert n.strong == ("AIRCRAFT", "AVIONICS", "PARTS", "SUPPORT")
    assert n.weak == ("AND", "LTD")
    assert normalize_name("SUEX OTC, S.R.O.").weak == ("SRO",)
    assert normalize_name("D'S Supermarket").strong == ("DS", "SUPERMARKET")
    assert normalize_name("Open Joint Stock Company Rosneft").weak == ("OJSC",)
    assert normalize_name("Волков").strong == ("VOLKOV",)
    assert normalize_name("ＡＣＭＥ").strong == ("ACME",)  # full-width compatibility forms
    assert normalize_name("The Company").strong == ("CO",)  # only weak words: they identify it


def test_legal_form_words_are_weak(screener: PartyScreener) -> None:
    [match] = screener.match("Aircraft Avionics Parts and Support Limited")
    assert match.key == "ofac:1" and match.score == 100
    assert match.reason == "all tokens match; legal-form word LTD ignored"
    [match] = screener.match("AIRCRAFT AVIONICS PARTS SUPPORT GMBH")
    assert match.score == 98.0  # both carry a legal form and they differ
    assert "legal-form words GMBH, LTD ignored (they differ: -2)" in match.reason


def test_word_order_and_case(screener: PartyScreener) -> None:
    [match] = screener.match("dmitry khoroshev yuryevich")
    assert match.key == "ofac:2" and match.score == 100
    assert match.reason == "all tokens match (word order differs)"
    assert match.matched_name == "KHOROSHEV, Dmitry Yuryevich"


def test_subset_of_tokens_scores_high_with_a_penalty_per_extra_token(
    screener: PartyScreener,
) -> None:
    [match] = screener.match("Dmitry Khoroshev")
    assert match.score == 97.0
    assert "the listed name has 1 more (YURYEVICH)" in match.reason


def test_spelling_variants(screener: PartyScreener) -> None:
    [match] = screener.match("KHOROSHEW Dmitry Yurievich")
    assert match.key == "ofac:2" and 88 <= match.score < 100
    assert "spelling differs: KHOROSHEW ~ KHOROSHEV" in match.reason


def test_transliteration_both_ways(screener: PartyScreener) -> None:
    [latin] = screener.match("Sergei Volkov")
    assert latin.key == "eu:4"
    [cyrillic] = screener.match("Волков Сергей Иванович")
    assert cyrillic.key == "eu:4" and cyrillic.score == 100
    assert "after transliteration" in cyrillic.reason


def test_accents(screener: PartyScreener) -> None:
    [match] = screener.match("Jose Maria Gomez")
    assert match.key == "uk:5" and match.score == 100
    assert match.reason == "all tokens match after removing accents"


def test_alias_is_named_in_reason(screener: PartyScreener) -> None:
    [match] = screener.match("Dmitrii Yuryevich Khoroshev")
    assert match.matched_name == "KHOROSHEV, Dmitrii Yuryevich"
    assert match.reason.startswith("matched alias 'KHOROSHEV, Dmitrii Yuryevich'")
    assert match.name == "KHOROSHEV, Dmitry Yuryevich"


def test_country_adjusts_the_score(screener: PartyScreener) -> None:
    [match] = screener.match("Suex OTC", country="cz")
    assert match.score == 100 and "country CZ is on the listing" in match.reason
    [match] = screener.match("Suex OTC", country="DE")
    assert match.score == 96 and "listing names CZ, RU, not DE (-4)" in match.reason


def test_phrase_legal_forms(screener: PartyScreener) -> None:
    [match] = screener.match("Rosneft Oil Company OJSC")
    assert match.key == "ofac:6" and match.score == 100


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


def test_cleared_false_positive_is_not_returned() -> None:
    entries = [entry("15102", "MORENO, Daniel", kind="individual")]
    assert keys(PartyScreener(entries).match("Daniel Moreno")) == ["ofac:15102"]
    cleared = [ClearedMatch("daniel  MORENO", "ofac:15102", "different DOB", "j.doe", "2026-03-01")]
    screener = PartyScreener(entries, cleared=cleared)
    assert screener.match("Daniel Moreno") == []
    assert screener.is_cleared("Moreno, Daniel", "ofac:15102") is not None
    assert keys(screener.match("Daniel Moreno Garcia")) == ["ofac:15102"]  # another name


def test_load_cleared_yaml(tmp_path: Path) -> None:
    path = tmp_path / "cleared.yaml"
    path.write_text(
        "cleared:\n  - name: Daniel Moreno\n    entry: ofac:15102\n"
        "    reason: customer born 1985, listed DOB 1972\n    by: j.doe\n"
        "    date: 2026-03-01\n"
    )
    [item] = load_cleared(path)
    assert (item.entry, item.by, item.date) == ("ofac:15102", "j.doe", "2026-03-01")
    path.write_text(
        "cleared:\n  - name: Daniel Moreno\n    entry: '15102'\n    reason: x\n"
        "    by: y\n    date: 2026-03-01\n"
    )
    with pytest.raises(PackError, match="must be list:id") as caught:
        load_cleared(path)
    assert caught.value.line == 3
    path.write_text("cleared:\n  - name: Daniel Moreno\n")
    with pytest.raises(PackError, match="missing entry, reason, by, date"):
        load_cleared(path)


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
        " by: a.b, date: '2026-03-02'}\n"
    )
    reloaded = load_party_screener(rules)
    assert reloaded is not screener and reloaded is not None
    assert reloaded.match("Acme Trading Company Ltd") == []


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
