"""Tests for engine.textnorm: normalisation steps and the offset map."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.engine import textnorm
from clearance.engine.textnorm import Normalized, has_unspaced_script, normalize


def check_map(original: str, norm: Normalized) -> None:
    """The structural invariants of the offset map."""
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(original)
    assert norm.offsets == sorted(norm.offsets)
    if norm.ends is not None:
        assert len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        start, end = norm.span(i, i + 1)
        assert 0 <= start < end <= len(original)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("ＢＥＳＴＥ", "beste"),  # fullwidth
        ("be\u200bste", "beste"),  # zero-width space
        ("be\u00adst\u2060e\ufeff", "beste"),  # soft hyphen, word joiner, BOM
        ("b\u200c\u200de", "be"),  # ZWNJ, ZWJ
        ("bеstе", "beste"),  # Cyrillic е
        ("ВЕЅТ", "best"),  # Cyrillic capitals
        ("ΒΕΤΑ", "beta"),  # Greek capitals
        ("οрео", "opeo"),  # Greek omicron, Cyrillic р е о
        ("ﬁne", "fine"),  # ligature
        ("x²", "x2"),  # superscript
        ("𝐁𝐄𝐒𝐓", "best"),  # mathematical bold
        ("HeLLo", "hello"),
        ("Kopfhörer", "kopfhoerer"),  # umlaut spelled out
        ("Café", "café"),
        ("Straße", "strasse"),  # full case folding
        ("cafe\u0301", "café"),  # decomposed accent composes
        ("ｶﾞｲﾄﾞ", "ガイド"),  # halfwidth katakana with voiced marks
        ("这是最佳选择", "这是最佳选择"),  # CJK untouched
        ("a \t\n  b", "a b"),
        ("a\u00a0\u3000b", "a b"),  # no-break and ideographic space
        ("B E S T E", "beste"),
        ("b.e.s.t.e", "beste"),
        ("b-e-s-t-e", "beste"),
        ("b_e_s_t", "best"),
        ("b*e*s*t", "best"),
        ("b·e·s·t", "best"),
        ("B  E  S  T", "best"),  # whitespace collapses first
        ("Ｂ Ｅ Ｓ Ｔ", "best"),
        ("the b e s t deal", "the best deal"),
        ("a b testing", "a b testing"),  # only two single letters
        ("ab c d", "ab c d"),  # 'ab' is no single letter: only two remain
        ("x1 a b c", "x1 abc"),
        ("b e st", "b e st"),
        ("1 2 3", "1 2 3"),  # digits are not letters
        ("최 고 의", "최 고 의"),  # Korean separates words by spaces: kept
        ("最 佳 选", "最佳选"),  # Chinese puts none between words: dropped
        ("U.S.A. made", "usa. made"),
        ("", ""),
    ],
)
def test_normalize_text(original: str, expected: str) -> None:
    norm = normalize(original)
    assert norm.text == expected
    check_map(original, norm)


def test_german_letters_are_not_homoglyph_mapped() -> None:
    assert normalize("ÄÖÜäöüßéèêñçåøæ").text == "aeoeueaeoeuesséèêñçåøæ"


def test_cyrillic_words_normalise_alike_in_both_cases() -> None:
    assert normalize("НОВЫЙ").text == normalize("новый").text == normalize("Новый").text


def test_latin_letters_are_never_mapped() -> None:
    # 'l' and 'ı' have look-alikes in the confusables data, but they are Latin.
    assert normalize("lılı").text == "lılı"


@pytest.mark.parametrize(
    ("original", "sub", "expected"),
    [
        ("Das ist die ＢＥＳＴＥ Wahl", "beste", "ＢＥＳＴＥ"),
        ("be\u200bste Wahl", "beste", "be\u200bste"),
        ("Die B E S T E Wahl", "beste", "B E S T E"),
        ("x b.e.s.t.e x", "beste", "b.e.s.t.e"),
        ("ein cafe\u0301!", "café", "cafe\u0301"),
        ("Große Straße", "strasse", "Straße"),
        ("ﬁne", "f", "ﬁ"),
        ("a \t\n b", "a b", "a \t\n b"),
        ("ｶﾞｲﾄﾞ", "ガ", "ｶﾞ"),
    ],
)
def test_span_maps_back_to_original(original: str, sub: str, expected: str) -> None:
    norm = normalize(original)
    start = norm.text.index(sub)
    s, e = norm.span(start, start + len(sub))
    assert original[s:e] == expected


def test_span_formula_from_offsets() -> None:
    original = "The B-E-S-T one"
    norm = normalize(original)
    s = norm.text.index("best")
    e = s + 4
    assert original[norm.offsets[s] : norm.offsets[e - 1] + 1] == "B-E-S-T"
    assert norm.span(s, e) == (norm.offsets[s], norm.offsets[e - 1] + 1)


def test_span_rejects_out_of_range() -> None:
    norm = normalize("abc")
    with pytest.raises(ValueError, match="outside"):
        norm.span(2, 5)
    assert norm.span(1, 1) == (1, 1)


def test_normalized_is_frozen() -> None:
    norm = normalize("abc")
    with pytest.raises(AttributeError):
        norm.text = "x"  # type: ignore[misc]


def test_has_unspaced_script() -> None:
    assert has_unspaced_script("最佳")
    assert has_unspaced_script("ดีที่สุด")
    assert has_unspaced_script("최고")
    assert has_unspaced_script("ベスト")
    assert not has_unspaced_script("beste Kopfhörer")


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_offset_map_invariants(text: str) -> None:
    check_map(text, normalize(text))


@given(st.text(max_size=60))
def test_normalize_is_idempotent_on_ascii(text: str) -> None:
    if text.isascii():
        once = normalize(text).text
        assert normalize(once).text == once


# Steps 6-8 as one pass, the way they were written before the umlauts got their own step and
# the rewrites a hint: the two must give the same text and the same offset map.
_ONE_PASS = re.compile(textnorm._CANON_RE.pattern + r"|(?P<uml>[äöü])")


def _one_pass(text: str, offsets: list[int], ends: list[int] | None) -> tuple[Any, ...]:
    parts: list[str] = []
    new_offsets: list[int] = []
    new_ends: list[int] = []
    old_ends = ends
    pos = 0
    for m in _ONE_PASS.finditer(text):
        s, e = m.span()
        group = m.lastgroup or ""
        repl = (
            textnorm._UMLAUTS[m.group()] if group == "uml" else textnorm._CANON_REPLACEMENT[group]
        )
        if group == "num" and text[s] == "#" and e - s == 1:
            continue
        if old_ends is None:
            old_ends = [o + 1 for o in offsets[:-1]]
        parts.append(text[pos:s])
        new_offsets.extend(offsets[pos:s])
        new_ends.extend(old_ends[pos:s])
        if repl:
            parts.append(repl)
            new_offsets.extend([offsets[s]] * len(repl))
            new_ends.extend([old_ends[e - 1]] * len(repl))
        pos = e
    if old_ends is None:
        return text, offsets, ends
    parts.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    new_ends.extend(old_ends[pos:])
    return "".join(parts), new_offsets, new_ends


_CANON_PIECES = st.lists(
    st.sampled_from(
        [
            "n",
            "nr",
            "nro",
            "no",
            ".",
            " ",
            "°",
            "#",
            "1",
            "2",
            "er",
            "re",
            "ère",
            "第",
            "日本",
            "中",
            "・",
            "-",
            "ä",
            "ö",
            "ü",
            "Ü",
            "x",
            "é",
            "ß",
            "a",
            "\u00ba",
        ]
    ),
    max_size=14,
).map("".join)


@given(_CANON_PIECES)
def test_steps_6_to_8_equal_the_one_pass_rewrite(text: str) -> None:
    norm, offsets, ends = textnorm._normalize_general(text)
    expected = _one_pass(norm, offsets, ends)
    got = textnorm._canonical(norm, offsets, ends)
    assert got[:2] == expected[:2]
    assert _ends(got) == _ends(expected)


def _ends(result: tuple[Any, ...]) -> list[int]:
    """The end of every character's original span (``ends``, or offset + 1 when there is none)."""
    _, offsets, ends = result
    return list(ends) if ends is not None else [o + 1 for o in offsets[:-1]]


@given(_CANON_PIECES)
def test_the_hint_is_found_wherever_a_rewrite_is(text: str) -> None:
    norm = textnorm._normalize_general(text)[0]
    if textnorm._CANON_RE.search(norm) is not None:
        assert textnorm._CANON_HINT_RE.search(norm) is not None
