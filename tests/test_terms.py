"""Tests for engine.terms: the Aho-Corasick term matcher over normalised text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.engine.terms import Hit, TermList, TermMatcher
from clearance.engine.textnorm import normalize

SUPERLATIVES = TermList(
    name="superlatives",
    terms={
        "de": ("beste", "Nr. 1"),
        "en": ("best", "#1", "number one", "bestseller*"),
        "zh": ("最佳", "第一"),
    },
    allow=("第一次", "best before"),
)
PREFIXES = TermList(name="prefixes", terms={"en": ("best*",), "de": ("*seller",)})


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher([SUPERLATIVES])


def texts(hits: list[Hit]) -> list[str]:
    return [h.text for h in hits]


def assert_offsets(original: str, hits: list[Hit]) -> None:
    for hit in hits:
        assert original[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    ("original", "matched", "term"),
    [
        ("Die ＢＥＳＴＥ Wahl", "ＢＥＳＴＥ", "beste"),
        ("Die be\u200bste Wahl", "be\u200bste", "beste"),
        ("Die bеstе Wahl", "bеstе", "beste"),  # Cyrillic е
        ("Die B E S T E Wahl", "B E S T E", "beste"),
        ("Die b.e.s.t.e Wahl", "b.e.s.t.e", "beste"),
        ("Die b-e-s-t-e Wahl", "b-e-s-t-e", "beste"),
        ("BESTE!", "BESTE", "beste"),
        ("the best!", "best", "best"),
        ("BEST, really", "BEST", "best"),
        ("这是最佳选择", "最佳", "最佳"),
        ("销量第一", "第一", "第一"),
        ("Nr. 1 in Deutschland", "Nr. 1", "Nr. 1"),
        ("Die NR.   1!", "NR.   1", "Nr. 1"),
        ("#1 seller", "#1", "#1"),
        ("our #1 pick", "#1", "#1"),
        ("the Number  One choice", "Number  One", "number one"),
        ("Bestsellers 2024", "Bestsellers", "bestseller*"),
    ],
)
def test_single_hit(matcher: TermMatcher, original: str, matched: str, term: str) -> None:
    hits = matcher.find(original)
    assert texts(hits) == [matched]
    assert hits[0].term == term
    assert hits[0].list_name == "superlatives"
    assert_offsets(original, hits)


@pytest.mark.parametrize(
    "original",
    [
        "Jetzt bestellen",  # beste/best inside a longer word
        "Bestseller",  # "best" is not a whole word here
        "#12 im Ranking",  # '#1' followed by a digit
        "nr. 12",
        "第一次使用",  # allow-listed phrase
        "best before 2025",  # allow-listed phrase
        "asbestos",
        "",
    ],
)
def test_no_hit(original: str) -> None:
    m = TermMatcher(
        [
            TermList(
                "l",
                {"en": ("best", "beste", "#1", "nr. 1", "第一")},
                allow=("第一次", "best before"),
            )
        ]
    )
    assert m.find(original) == []


def test_prefix_and_suffix_terms() -> None:
    prefix = TermMatcher([TermList("p", {"en": ("best*",)})])
    assert [(h.term, h.text) for h in prefix.find("Bestseller")] == [("best*", "Bestseller")]
    original = "Top-Bestsellers: the bestseller"
    hits = prefix.find(original)
    assert [(h.term, h.text) for h in hits] == [
        ("best*", "Bestsellers"),
        ("best*", "bestseller"),
    ]
    assert_offsets(original, hits)
    assert prefix.find("rebest") == []  # the left edge is still a word start
    suffix = TermMatcher([TermList("s", {"de": ("*seller",)})])
    hits = suffix.find("ein Topseller")
    assert [(h.term, h.text) for h in hits] == [("*seller", "Topseller")]
    assert_offsets("ein Topseller", hits)
    assert suffix.find("sellers") == []  # the right edge is still a word end


def test_allow_list_only_covers_the_phrase() -> None:
    m = TermMatcher([SUPERLATIVES])
    assert m.find("第一次使用") == []
    hits = m.find("第一次使用, 销量第一")
    assert texts(hits) == ["第一"]
    assert hits[0].start == len("第一次使用, 销量")
    assert texts(m.find("best before, the best")) == ["best"]


def test_allow_list_belongs_to_its_own_list() -> None:
    other = TermList("other", {"zh": ("第一",)})
    m = TermMatcher([SUPERLATIVES, other])
    hits = m.find("第一次使用")
    assert [(h.list_name, h.text) for h in hits] == [("other", "第一")]


def test_hits_sorted_and_one_per_list_per_position() -> None:
    lists = [
        TermList("b", {"en": ("best",)}),
        TermList("a", {"en": ("best", "best seller"), "de": ("best",)}),
    ]
    m = TermMatcher(lists)
    assert m.list_names == ("b", "a")
    original = "x best seller and best"
    hits = m.find(original)
    assert [(h.list_name, h.text) for h in hits] == [
        ("a", "best seller"),
        ("b", "best"),
        ("a", "best"),
        ("b", "best"),
    ]
    assert [h.start for h in hits] == [2, 2, 18, 18]
    assert_offsets(original, hits)


def test_exact_term_preferred_over_widened_prefix() -> None:
    m = TermMatcher([TermList("l", {"en": ("best*", "beste")})])
    hits = m.find("die BESTE")
    assert [(h.term, h.text) for h in hits] == [("beste", "BESTE")]


def test_hit_fields(matcher: TermMatcher) -> None:
    original = "Das ist die ＢＥＳＴＥ"
    (hit,) = matcher.find(original)
    assert hit == Hit("superlatives", "beste", "de", 12, 17, "ＢＥＳＴＥ")


def test_find_normalized_reuses_normalisation(matcher: TermMatcher) -> None:
    original = "Der b e s t e Preis"
    assert matcher.find_normalized(normalize(original), original) == matcher.find(original)


def test_multiple_lists_one_automaton() -> None:
    m = TermMatcher([SUPERLATIVES, PREFIXES])
    original = "BESTE Bestseller, 最佳"
    hits = m.find(original)
    assert [(h.list_name, h.term, h.text) for h in hits] == [
        ("prefixes", "best*", "BESTE"),
        ("superlatives", "beste", "BESTE"),
        ("prefixes", "*seller", "Bestseller"),
        ("superlatives", "bestseller*", "Bestseller"),
        ("superlatives", "最佳", "最佳"),
    ]
    assert_offsets(original, hits)


def test_thai_and_korean_terms_match_as_substrings() -> None:
    m = TermMatcher([TermList("l", {"th": ("ดีที่สุด",), "ko": ("최고",)})])
    original = "สินค้าดีที่สุดในไทย 최고의 제품"
    assert texts(m.find(original)) == ["ดีที่สุด", "최고"]


def test_empty_matcher() -> None:
    m = TermMatcher([])
    assert m.list_names == ()
    assert m.find("anything") == []


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ([TermList("", {"en": ("a",)})], "non-empty name"),
        ([TermList("x", {"en": ("a",)}), TermList("x", {"en": ("b",)})], "duplicate"),
        ([TermList("x", {"en": ("\u200b",)})], "empty after normalisation"),
        ([TermList("x", {"en": ("*",)})], "empty after normalisation"),
        ([TermList("x", {"en": ("ok",)}, allow=("  ",))], "allow phrase"),
        ([TermList("x", {"en": "best"})], "not one string"),  # type: ignore[dict-item]
    ],
)
def test_bad_lists(lists: list[TermList], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TermMatcher(lists)


PROPERTY_LIST = TermList(
    name="p",
    terms={
        "de": ("beste", "nr. 1"),
        "en": ("best", "#1", "best*", "*seller", "top ten"),
        "zh": ("最佳", "第一"),
        "ru": ("лучший",),
    },
    allow=("第一次", "best before"),
)
PROPERTY_MATCHER = TermMatcher([PROPERTY_LIST])
PIECES = [
    "best",
    "BEST",
    "beste",
    "Beste",
    "bestseller",
    "seller",
    "top",
    "ten",
    "nr.",
    "Nr",
    "1",
    "#",
    "#1",
    "12",
    "最佳",
    "第一",
    "第一次",
    "次",
    "лучший",
    "ЛУЧШИЙ",
    "bеstе",
    "ＢＥＳＴ",
    "b",
    "e",
    "s",
    "t",
    " ",
    "  ",
    ".",
    "-",
    "_",
    "*",
    "·",
    "\u200b",
    "\u00ad",
    "\u0301",
    "ß",
    "ö",
    "ﬁ",
    "\t",
    "x",
    "before",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
    | st.text(alphabet="bestBEST1#. -_*·\u200bе最佳第一次", max_size=30)
)
def test_property_hit_text_normalises_to_the_term(original: str) -> None:
    for hit in PROPERTY_MATCHER.find(original):
        assert original[hit.start : hit.end] == hit.text
        core = normalize(hit.term.strip("*")).text
        assert core in normalize(hit.text).text
