"""Advertising wording (issue 9 section 4): numbered claims, CJK digits and separators, German
umlauts written out, and factual phrases allow-listed in the shared term libraries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.engine.library import Library
from clearance.engine.term_libraries import load_term_libraries
from clearance.engine.terms import TermList, TermMatcher
from clearance.engine.textnorm import canonical_claims, normalize, normalized_length

REPO = Path(__file__).resolve().parents[1]


def hits_of(library: Library, text: str, pack_list: str) -> list[str]:
    """The original texts matched by one pack list (``pack:list``) of the bundled library."""
    return [h.text for h in library.term_matcher().find(text) if h.list_name == pack_list]


UWG = "de.uwg-claims:superlatives"
UCPD = "eu.ucpd-claims:measurable_superlatives"
FTC = "us.ftc-claims:objective_claims"
CN = "cn.adlaw-extreme-words:extreme_words"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nr.1", "#1"),
        ("NR 1", "#1"),
        ("No.1", "#1"),
        ("no. 1", "#1"),
        ("no1", "#1"),
        ("N°1", "#1"),
        ("N° 1", "#1"),
        ("Nº 1", "#1"),
        ("n.º 1", "#1"),
        ("№1", "#1"),
        ("№ 1", "#1"),
        ("Nro. 1", "#1"),
        ("# 1", "#1"),
        ("#1", "#1"),
        ("ＮＯ．１", "#1"),
        ("1º", "1°"),
        ("1ª", "1°"),
        ("1.º", "1°"),
        ("1er", "1°"),
        ("1ère", "1°"),
        ("第1", "第一"),
        ("第１名", "第一名"),
        ("第 1", "第一"),
        ("最 好", "最好"),
        ("国 家 级", "国家级"),
        ("国-家-级", "国家级"),
        ("最・好", "最好"),
        ("grösste", "groesste"),
        ("Größte", "groesste"),
        ("Marktführer", "marktfuehrer"),
        ("best\u2011selling", "best-selling"),  # non-breaking hyphen
        ("best\u2013selling", "best-selling"),  # en dash
    ],
)
def test_claim_forms_normalise_to_one(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "no 1 size fits all",  # the English word "no", then a number
        "Art.-Nr. 12345",  # an article number: the digit run goes on
        "Kanr. 1",  # "nr" inside a word
        "11er Pack",  # not "1er"
        "第12页",  # not 第1
        "최 고 의",  # Korean separates words by spaces
        "a b",
    ],
)
def test_near_misses_keep_their_form(text: str) -> None:
    norm = normalize(text).text
    assert "#1" not in norm.replace("#12", "")
    assert "°" not in norm
    assert "第一" not in norm


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Die Nr.1 in Deutschland", "Nr.1"),
        ("Die № 1 in Deutschland", "№ 1"),
        ("Die groesste Auswahl", "groesste"),
        ("Die grösste Auswahl", "grösste"),
        ("Der Marktfuehrer", "Marktfuehrer"),
        ("G R Ö S S T E Auswahl", "G R Ö S S T E"),
    ],
)
def test_evidence_is_what_the_seller_wrote(library: Library, text: str, matched: str) -> None:
    found = library.term_matcher().find(text)
    uwg = [h for h in found if h.list_name == UWG]
    assert [h.text for h in uwg] == [matched]
    assert all(text[h.start : h.end] == h.text for h in found)


def test_a_latin_term_ends_at_a_chinese_neighbour(library: Library) -> None:
    assert hits_of(library, "NO.1保温杯", CN) == ["NO.1"]
    assert hits_of(library, "TOP1保温杯", CN) == ["TOP1"]
    assert hits_of(library, "ＮＯ．１保温杯", CN) == ["ＮＯ．１"]


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("销量第1", ["销量第1", "第1"]),  # 第一 inside 销量第一 is a hit of its own start
        ("销量第１，品质保证", ["销量第１", "第１"]),
        ("最 好的保温杯", ["最 好"]),
        ("国 家 级品质", ["国 家 级"]),
    ],
)
def test_chinese_claims_with_digits_or_separators(
    library: Library, text: str, matched: list[str]
) -> None:
    assert hits_of(library, text, CN) == matched


@pytest.mark.parametrize(
    ("pack_list", "text"),
    [
        (UWG, "Best before 12/2027"),
        (UWG, "best-before date 12/2027"),
        (UWG, "Größte Länge 30 cm"),
        (UWG, "Modell Nr. 1"),
        (UCPD, "Dehydration is the number 1 cause of headaches"),
        (UCPD, "The No. 1 cause of leaks is a worn seal"),
        (FTC, "Falls are the #1 cause of injury"),
        (FTC, "Best if used by 05/2027"),
        (FTC, "Bottle, model no. 1"),
        (CN, "第1次使用前请清洗"),
        (CN, "下单后第一时间发货"),
    ],
)
def test_factual_phrases_are_allowed(library: Library, pack_list: str, text: str) -> None:
    assert hits_of(library, text, pack_list) == []


@pytest.mark.parametrize(
    ("pack_list", "text", "matched"),
    [
        (UCPD, "Nº 1 en ventas", "Nº 1"),
        (UCPD, "La botella 1º en ventas", "1º en ventas"),
        (UCPD, "La gourde 1ère des ventes", "1ère des ventes"),
        (UCPD, "Il thermos più venduto, il più venduto", "il più venduto"),
        (UCPD, "The number 1 bottle", "number 1"),
        (FTC, "No.1 water bottle", "No.1"),
    ],
)
def test_claims_in_the_languages_of_the_packs(
    library: Library, pack_list: str, text: str, matched: str
) -> None:
    assert hits_of(library, text, pack_list) == [matched]


def test_the_hit_names_the_term_written_like_the_text() -> None:
    matcher = TermMatcher([TermList("claims", {"de": ("Nr. 1",), "en": ("#1", "no. 1")})])
    assert [h.term for h in matcher.find("NR.  1")] == ["Nr. 1"]
    assert [h.term for h in matcher.find("No. 1")] == ["no. 1"]
    assert [h.term for h in matcher.find("#1")] == ["#1"]


LIBRARY = """\
library: words
title: Test words
owner: tests
allow:
  en: [{phrases}]
lists:
  best:
    languages: {{en: [best], de: [beste]}}
  ranking:
    languages: {{en: ["#1", best seller]}}
"""


def write_library(tmp_path: Path, phrases: str) -> Path:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "words.yaml").write_text(
        LIBRARY.format(phrases=phrases), encoding="utf-8"
    )
    return tmp_path


def test_library_wide_allow_phrases_go_to_the_lists_they_fit(tmp_path: Path) -> None:
    libraries, errors = load_term_libraries(
        write_library(tmp_path, '"best before", "#1 cause of", "best seller ranks"')
    )
    assert errors == []
    best = libraries.get("words.best")
    ranking = libraries.get("words.ranking")
    assert best is not None and ranking is not None
    assert best.allow == {"en": ("best before", "best seller ranks")}
    assert ranking.allow == {"en": ("#1 cause of", "best seller ranks")}
    assert best.select(("de",)) == ({"de": ("beste",)}, ())


def test_a_library_wide_allow_phrase_that_fits_no_list_is_an_error(tmp_path: Path) -> None:
    _, errors = load_term_libraries(write_library(tmp_path, '"mindestens haltbar bis"'))
    assert len(errors) == 1
    assert "contains no en term of any list" in errors[0].message
    assert errors[0].file == "terms/words.yaml" and errors[0].line == 5


def test_the_bundled_library_spreads_its_date_marks(library: Library) -> None:
    libraries, errors = load_term_libraries(REPO / "rules")
    assert errors == []
    best = libraries.get("superlatives.best")
    assert best is not None and "best before" in best.allow["en"]
    ranking = libraries.get("superlatives.ranking")
    assert ranking is not None and "best before" not in ranking.allow.get("en", ())


@given(st.text(alphabet="Nnor.°º#№ 1234第一最好 äöüß-er", max_size=40))
def test_canonical_claims_map_back_and_are_bounded(text: str) -> None:
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets == sorted(norm.offsets)
    for i in range(len(norm.text)):
        s, e = norm.span(i, i + 1)
        assert 0 <= s < e <= len(text)
    assert normalized_length(text) >= len(norm.text)
    assert normalize(norm.text).text == norm.text


def test_canonical_claims_alone() -> None:
    # on text steps 1-5 already normalised (ß is ss by then)
    text = "die nr. 1, 第1, 1er, 最 好, grösste"
    assert canonical_claims(text) == "die #1, 第一, 1°, 最好, groesste"


def test_normalising_stays_linear() -> None:
    import time

    unit = "Nr.1 第1 最 好 grösste #1 1er "
    small, big = unit * 2_000, unit * 20_000
    start = time.perf_counter()
    normalize(small)
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    normalize(big)
    t_big = time.perf_counter() - start
    assert t_big < 30 * max(t_small, 1e-3)
