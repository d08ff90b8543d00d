"""Tests for engine.regexguard: RE2 compilation and the catastrophic-pattern check."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearance.engine.regexguard import catastrophic_reason, compile_pattern, matches, search


def test_compile_and_search() -> None:
    compiled = compile_pattern(r"^IM\d{10}$")
    assert compiled.pattern == r"^IM\d{10}$"
    assert search(compiled, "IM3720000224") == (0, 12)
    assert search(compiled, "IM37200002") is None
    assert search(compile_pattern(r"\b(best|beste)\b"), "die beste Wahl") == (4, 9)


def test_search_offsets_are_characters_not_bytes() -> None:
    assert search(compile_pattern("最佳"), "这是最佳选择") == (2, 4)
    assert search(compile_pattern(r"(?i)größe"), "Die GRÖSSE, die Größe") == (16, 21)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a)\1", "backreferences are not supported"),
        (r"(?P<x>a)(?P=x)", "backreferences are not supported"),
        (r"(?P<x>a)\k<x>", "backreferences are not supported"),
        (r"foo(?=bar)", "lookahead is not supported"),
        (r"foo(?!bar)", "lookahead is not supported"),
        (r"(?<=foo)bar", "lookbehind is not supported"),
        (r"(?<!foo)bar", "lookbehind is not supported"),
        (r"(?>a+)b", "atomic groups are not supported"),
        (r"a++", "possessive quantifiers are not supported"),
        (r"end\Z", r"\\z"),
        (r"(abc", "missing \\)"),
        (r"[z-a]", "invalid character class range"),
        (r"a{2,1}", "invalid repetition size"),
        (r"*a", "no argument for repetition operator"),
    ],
)
def test_compile_errors(pattern: str, reason: str, capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match=reason) as info:
        compile_pattern(pattern)
    assert "invalid regular expression" in str(info.value)
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_non_string_pattern() -> None:
    with pytest.raises(ValueError, match="must be a string"):
        compile_pattern(None)  # type: ignore[arg-type]


def test_compile_pattern_does_not_judge_backtracking() -> None:
    # RE2 runs this in linear time; rejecting it is the validator's call.
    compiled = compile_pattern(r"(a+)+$")
    assert search(compiled, "a" * 5000 + "b") is None


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [
        (r"(a+)+", "nested quantifier"),
        (r"(a*)*", "nested quantifier"),
        (r"(a+)*b", "nested quantifier"),
        (r"(\w+\s?)*", "nested quantifier"),
        (r"(.*a){20}", "nested quantifier"),
        (r"(.*?,){11}P", "nested quantifier"),
        (r"^(\w+)*$", "nested quantifier"),
        (r"(x+x+)+y", "nested quantifier"),
        (r"((a+)b?)+", "nested quantifier"),
        (r"(?:\d+\.?)+$", "nested quantifier"),
        (r"([[:alpha:]]+)*", "nested quantifier"),  # RE2-only syntax is understood
        (r"(\pL+)+", "nested quantifier"),
        (r"(a|a)*", "overlapping alternation"),
        (r"(a|ab)*", "overlapping alternation"),
        (r"(?:\d|\w)+", "overlapping alternation"),
        (r"(?i)(A|a)+", "overlapping alternation"),
        (r"x(?: a | a )*y", "overlapping alternation"),
    ],
)
def test_catastrophic(pattern: str, kind: str) -> None:
    reason = catastrophic_reason(pattern)
    assert reason is not None
    assert reason.startswith(kind)


@pytest.mark.parametrize(
    "pattern",
    [
        r"^IM\d{10}$",
        r"\b(best|beste)\b",
        r"[A-Z]{2}\d+",
        r"(?i)\b(?:nr\.?\s*1|#1|number\s+one)\b",
        r"(,\d+)+",  # the separator makes every repetition unambiguous
        r"(\d+,)*",
        r"([a-z]+\.)+com",
        r"(?:cat|dog)s?",
        r"(?:a|b|c)+",
        r"(\d{3}-?)+",
        r"(a+){2}",  # only twice: at worst quadratic
        r"\d+\s*(?:ml|l|kg|g)\b",
        r"最佳|第一",
        r"(?:[^,]*,)+x",
        r"(a)\1",  # not RE2, but not this check's business
    ],
)
def test_safe(pattern: str) -> None:
    assert catastrophic_reason(pattern) is None


def test_unparseable_pattern_is_not_flagged() -> None:
    assert catastrophic_reason(r"(abc") is None


def test_stock_re_module_is_untouched() -> None:
    catastrophic_reason(r"(a|ab)*")
    # The stock parser still folds a|a into a character set.
    assert re.compile(r"(?:a|a)").match("a") is not None
    assert re.compile(r"(a|ab)(c|bcd)(d*)").fullmatch("abcd") is not None


def test_a_case_insensitive_range_with_a_character_whose_upper_case_is_two() -> None:
    # 'ß'.upper() is 'SS' (and 'ŉ'.upper() is 'ʼN'): the checker used to raise TypeError
    from clearance.engine.regexguard import catastrophic_reason

    assert catastrophic_reason("(?i)[a-z]+x") is None
    assert catastrophic_reason("(?i)(?:[a-z]+)+x") is not None


@given(
    pattern=st.sampled_from(
        [
            r"(?i)\bamazon\b",
            r"[!$?_{}^¬¦]",
            r"^\s*$",
            r"ü+",
            r"(?i)thc\D{0,20}[0-9]+",
            r"x|",
            "日本",
        ]
    ),
    text=st.text(alphabet=st.sampled_from(list("aAmzon thc12 üé日本!_\n")), max_size=40),
)
def test_matches_agrees_with_search(pattern: str, text: str) -> None:
    compiled = compile_pattern(pattern)
    assert matches(compiled, text) is (search(compiled, text) is not None)


def test_matches_without_re2_internals_uses_search() -> None:
    class Plain:
        pattern = "a"

        def search(self, text: str, pos: int | None = None, endpos: int | None = None) -> Any:
            return compile_pattern("a").search(text)

    assert matches(Plain(), "xa") and not matches(Plain(), "xy")  # type: ignore[arg-type]
