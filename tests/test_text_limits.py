"""Limits on the normalised length of a document's texts (normalising U+FDFA makes 18 chars)."""

from __future__ import annotations

import pytest

from clearance.engine.documents import (
    MAX_DOCUMENT_CHARS,
    MAX_FIELD_CHARS,
    check_text_size,
    text_size,
    validate,
)
from clearance.engine.errors import DocumentError
from clearance.engine.library import load_library
from clearance.engine.paths import default_rules_dir
from clearance.engine.screening import Screener
from clearance.engine.textnorm import normalize, normalized_length

EXPANDING = "\ufdfa"  # ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 characters under NFKC


def listing(**fields: object) -> dict[str, object]:
    return {"kind": "listing", "id": "L-1", "markets": ["DE"], "title": "Flasche", **fields}


@pytest.mark.parametrize(
    "text",
    ["plain ascii", "Straße", "ﬁne", "e\u0301t\u00e9", "中文テキスト", "x\u200by", EXPANDING * 3],
)
def test_normalized_length_bounds_what_normalize_makes(text: str) -> None:
    assert normalized_length(text) >= len(normalize(text).text)


def test_normalized_length_counts_the_expansion_and_stops_early() -> None:
    text = EXPANDING * 200_000
    assert normalized_length(EXPANDING) == 18
    assert normalized_length(text) == 3_600_000
    early = normalized_length(text, stop_after=250_000)
    assert 250_000 < early < 400_000


def test_a_field_that_expands_past_the_limit_is_refused_naming_it() -> None:
    # 200,000 characters is within the schema's limit for a description
    with pytest.raises(DocumentError) as caught:
        validate(listing(description=EXPANDING * 200_000))
    assert caught.value.field == "$.description"
    assert f"{MAX_FIELD_CHARS:,}" in caught.value.message


def test_a_document_whose_texts_add_up_past_the_limit_is_refused_naming_where() -> None:
    one = listing(bullet_points=["short", EXPANDING * 5000])  # 90,000 once normalised: fine
    assert check_text_size(one) == text_size(one) > 90_000
    many = listing(description=EXPANDING * 13_000, bullet_points=[EXPANDING * 5000] * 50)
    with pytest.raises(DocumentError) as caught:
        validate(many)
    assert caught.value.field.startswith("$.bullet_points[")
    assert f"{MAX_DOCUMENT_CHARS:,}" in caught.value.message


def test_invisible_characters_count_as_sent() -> None:
    invisible = "\u200b"  # ZERO WIDTH SPACE: dropped by normalising, but read all the same
    assert normalized_length(invisible * 1000) == 0
    data = listing(description=invisible * 200_000, warnings=[invisible * 5000] * 50)
    data["bullet_points"] = [invisible * 5000] * 50
    with pytest.raises(DocumentError) as caught:
        validate(data)
    assert caught.value.field.startswith(("$.warnings[", "$.bullet_points["))


def test_ordinary_long_texts_are_within_the_limits() -> None:
    doc = validate(listing(description="Straße und Fähre " * 11_000, keywords=["ﬁne"] * 500))
    assert doc.id == "L-1"


def test_screening_reports_the_field_instead_of_working_on_it() -> None:
    screener = Screener(load_library(default_rules_dir()))
    report = screener.screen(listing(description=EXPANDING * 200_000))
    assert report.decision == "error"
    assert report.errors[0]["field"] == "$.description"


def test_no_character_counts_more_than_max_form_chars() -> None:
    """The bound that lets validation skip normalising usual documents: every code point."""
    from clearance.engine.textnorm import MAX_FORM_CHARS, normalized_length

    step = 4096
    for start in range(0, 0x110000, step):
        chars = "".join(chr(c) for c in range(start, start + step) if not 0xD800 <= c <= 0xDFFF)
        longest = max((normalized_length(ch) for ch in chars), default=0)
        assert longest <= MAX_FORM_CHARS, hex(start)
