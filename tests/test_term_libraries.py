"""Shared term libraries (rules/terms/): loading, use by packs, errors with file and line."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clearance.engine.errors import PackError, PackErrors
from clearance.engine.library import Library, load_library, pack_files
from clearance.engine.screening import Screener
from clearance.engine.term_libraries import load_term_libraries
from clearance.engine.yamlsafe import load_yaml

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
MakeRules = Callable[[dict[str, str]], Path]

PACK = """\
pack: test.claims
title: Test claims
version: 1.0.0
jurisdiction: DE
owner: tests
sources: [{title: Test law, url: "https://example.org/law"}]
terms:
  claims:
    use:
      - {list: words.claims, languages: [en]}
    languages:
      de: [spitze]
fixtures:
  listing: {id: X, markets: [DE], title: Bottle}
rules:
  - id: DE.TEST.CLAIM
    implements: [DE.UWG.SUPERLATIVE]
    title: A claim
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when: {terms: claims, in: [title]}
    message: Claim "{matched}" in {market}.
    remediation: Remove it.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {title: "The top bottle"}}, {document: {title: "Spitze Flasche"}}]
      pass: [{document: {title: "A top-up bottle"}}, {document: {title: "Gipfel"}}]
"""

LIBRARY = """\
library: words
title: Test words
owner: tests
lists:
  claims:
    languages:
      en: [top]
      fr: [sommet]
    allow:
      en: [top-up]
      fr: [sommet du mont]
"""

RULE_WITH_SHARED_CONDITION = """\
  - id: DE.TEST.DIRECT
    implements: [DE.UWG.SUPERLATIVE]
    title: A claim named in the condition
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when: {terms: {list: words.claims, languages: [fr]}, in: [title]}
    message: Claim "{matched}" in {market}.
    remediation: Remove it.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {title: "Le sommet"}}]
      pass: [{document: {title: "The top bottle"}}]
"""


def _make(make: MakeRules, pack: str = PACK, library: str = LIBRARY) -> Path:
    return make({"de/claims.yaml": pack, "terms/words.yaml": library})


def _errors(root: Path) -> list[PackError]:
    with pytest.raises(PackErrors) as info:
        load_library(root)
    return info.value.errors


def _line(text: str, needle: str) -> int:
    return 1 + next(i for i, line in enumerate(text.splitlines()) if needle in line)


def test_the_bundled_superlatives_are_written_once(library: Library) -> None:
    loaded = load_yaml((RULES / "terms" / "superlatives.yaml").read_text("utf-8"), "x")
    assert set(loaded.data["lists"]) == {"ranking", "best", "unrivalled"}
    packs = {p.id: p for p in library.packs}
    shared = {
        (lang, term)
        for spec in loaded.data["lists"].values()
        for lang, terms in spec["languages"].items()
        for term in terms
    }
    for pack in library.packs:  # no pack writes a shared term out again
        data = load_yaml((RULES / pack.file).read_text("utf-8"), pack.file).data
        for spec in (data.get("terms") or {}).values():
            own = {(lang, t) for lang, terms in spec.get("languages", {}).items() for t in terms}
            assert not own & shared, (pack.file, own & shared)
    for pack_id in ("eu.ucpd-claims", "de.uwg-claims", "cn.adlaw-extreme-words"):
        assert packs[pack_id].term_libraries[0]["id"] == "superlatives"
    de = packs["de.uwg-claims"].term_lists["superlatives"]
    assert {"beste", "nr. 1", "marktführer"} <= set(de.terms["de"])
    assert {"#1", "best", "unbeatable"} <= set(de.terms["en"]) and set(de.terms) == {"de", "en"}
    assert "best before" in de.allow
    eu = packs["eu.ucpd-claims"].term_lists["measurable_superlatives"]
    assert "best" not in eu.terms["en"] and "le meilleur" in eu.terms["fr"]
    assert "clinically proven" in eu.terms["en"] and "de" not in eu.terms
    cn = packs["cn.adlaw-extreme-words"].term_lists["extreme_words"]
    assert {"最佳", "第一", "永久"} <= set(cn.terms["zh"])
    assert {"第一次", "唯一码"} <= set(cn.allow) and "best before" not in cn.allow


def test_terms_folder_is_not_a_pack_folder() -> None:
    assert not [p for p in pack_files(RULES) if p.relative_to(RULES).parts[0] == "terms"]


def test_a_pack_uses_chosen_languages_of_a_shared_list(minimal_rules: MakeRules) -> None:
    screener = Screener(load_library(_make(minimal_rules)))

    def found(title: str) -> list[str]:
        doc = {"kind": "listing", "id": "X", "markets": ["DE"], "title": title}
        report = screener.screen(doc, today=dt.date(2026, 11, 25))
        return [e["text"] for f in report.findings for e in f.evidence]

    assert found("The top bottle") == ["top"]
    assert found("Spitze Flasche") == ["Spitze"]  # the pack's own term
    assert found("A top-up bottle") == []  # allow phrase of the chosen language
    assert found("Le sommet") == []  # fr was not chosen


def test_a_condition_names_a_shared_list_directly(minimal_rules: MakeRules) -> None:
    root = _make(minimal_rules, PACK + RULE_WITH_SHARED_CONDITION)
    library = load_library(root)
    rule = library.rules["DE.TEST.DIRECT"]
    assert rule.term_scope["words.claims[fr]"] == "test.claims:words.claims[fr]"
    doc = {"kind": "listing", "id": "X", "markets": ["DE"], "title": "Le sommet du mont"}
    report = Screener(library).screen(doc, today=dt.date(2026, 11, 25))
    assert report.findings == []  # the fr allow phrase came along
    doc["title"] = "Le sommet"
    (finding,) = Screener(library).screen(doc, today=dt.date(2026, 11, 25)).findings
    assert finding.evidence[0]["list"] == "words.claims[fr]"
    assert finding.evidence[0]["language"] == "fr"


def test_a_pack_list_of_the_same_name_wins(minimal_rules: MakeRules) -> None:
    local = "  words.claims:\n    languages: {en: [gipfel]}\n  claims:\n"
    pack = PACK.replace("  claims:\n", local)
    rule = RULE_WITH_SHARED_CONDITION.replace(
        "{list: words.claims, languages: [fr]}", "words.claims"
    ).replace("Le sommet", "Gipfel")
    library = load_library(_make(minimal_rules, pack + rule))
    assert library.rules["DE.TEST.DIRECT"].term_scope["words.claims"] == "test.claims:words.claims"
    assert library.pack("test.claims").term_lists["words.claims"].terms == {"en": ("gipfel",)}


def test_reports_record_the_hash_of_each_term_library(screener: Screener) -> None:
    doc = {"kind": "listing", "id": "X", "markets": ["DE"], "title": "Die beste Flasche"}
    report = screener.screen(doc, today=dt.date(2026, 11, 25)).to_dict()
    sha = hashlib.sha256((RULES / "terms" / "superlatives.yaml").read_bytes()).hexdigest()
    (uwg,) = [p for p in report["packs"] if p["id"] == "de.uwg-claims"]
    expected = {"id": "superlatives", "file": "terms/superlatives.yaml", "sha256": sha}
    assert uwg["terms"] == [expected]
    gpsr = next(p for p in report["packs"] if p["id"] == "eu.gpsr")
    assert "terms" not in gpsr


def test_the_fingerprint_covers_term_libraries(rules_copy: Path) -> None:
    before = load_library(rules_copy).fingerprint()
    path = rules_copy / "terms" / "superlatives.yaml"
    path.write_text(path.read_text("utf-8").replace("[unbeatable]", "[unbeatable, peerless]"))
    assert load_library(rules_copy).fingerprint() != before


@pytest.mark.parametrize(
    ("old", "new", "needle", "hint"),
    [
        ("words.claims", "wrods.claims", "unknown term library 'wrods'", "did you mean words?"),
        ("words.claims", "words.claim", "has no list 'claim'", "did you mean words.claims?"),
        ("languages: [en]", "languages: [es]", "words.claims has no terms in es", "en, fr"),
    ],
)
def test_a_bad_use_is_an_error_at_its_line(
    minimal_rules: MakeRules, old: str, new: str, needle: str, hint: str
) -> None:
    pack = PACK.replace(old, new, 1)
    errors = _errors(_make(minimal_rules, pack))
    (err,) = [e for e in errors if needle in e.message]
    assert err.file == "de/claims.yaml" and err.line == _line(pack, "- {list: w")
    assert hint in (err.hint or "")


@pytest.mark.parametrize(
    ("old", "new", "needle", "hint"),
    [
        ("list: words.claims,", "list: words.clams,", "has no list 'clams'", "words.claims"),
        ("{terms: {list: words.claims, languages: [fr]}", "{terms: nope", "unknown term list", ""),
        ("{terms: {list: words.claims, languages: [fr]}", "{terms: claimz", "", "claims?"),
    ],
)
def test_a_bad_condition_reference_is_an_error_at_its_line(
    minimal_rules: MakeRules, old: str, new: str, needle: str, hint: str
) -> None:
    rule = RULE_WITH_SHARED_CONDITION.replace(old, new)
    errors = _errors(_make(minimal_rules, PACK + rule))
    (err,) = [e for e in errors if e.rule_id == "DE.TEST.DIRECT" and needle in e.message]
    assert err.file == "de/claims.yaml"
    assert err.line == len(PACK.splitlines()) + _line(rule, "    when: {terms:")
    assert hint in (err.hint or "")


@pytest.mark.parametrize(
    ("old", "new", "needle", "line"),
    [
        ("library: words", "library: other", "not named like its file", 1),
        ("    allow:\n", "    colour: red\n    allow:\n", "unknown key 'colour'", 9),
        ("      en: [top-up]", "      en: [top-up, bottom]", "'bottom' contains no en term", 10),
        ("      fr: [sommet du mont]", "      it: [cima]", "allow phrases for 'it'", 11),
        ("      fr: [sommet]", "      fr: ['*']", "empty after normalisation", 8),
        ("lists:\n", "lists: []\nx:\n", "is not of type 'object'", 4),
    ],
)
def test_library_errors_name_file_and_line(
    minimal_rules: MakeRules, old: str, new: str, needle: str, line: int
) -> None:
    library = LIBRARY.replace(old, new)
    assert library != LIBRARY
    errors = _errors(_make(minimal_rules, library=library))
    found = [e for e in errors if e.file == "terms/words.yaml" and needle in e.message]
    assert found, [str(e) for e in errors]
    assert found[0].line == line


def test_an_unreadable_library_is_an_error(minimal_rules: MakeRules) -> None:
    root = _make(minimal_rules)
    (root / "terms" / "words.yaml").write_bytes(b"library: words\ntitle: \xff\n")
    err = next(e for e in _errors(root) if e.file == "terms/words.yaml")
    assert "UTF-8" in err.message and err.line == 2


def test_loading_the_bundled_libraries_finds_no_problem() -> None:
    libraries, errors = load_term_libraries(RULES)
    assert errors == [] and "superlatives.ranking" in libraries.refs()


def test_a_rules_directory_without_terms_still_loads(tmp_path: Path) -> None:
    root = tmp_path / "rules"
    shutil.copytree(RULES, root)
    shutil.rmtree(root / "terms")
    for pack in ("de/uwg-claims.yaml", "eu/ucpd-claims.yaml", "cn/adlaw-extreme-words.yaml"):
        (root / pack).unlink()
    library = load_library(root)
    assert library.packs and not any(p.term_libraries for p in library.packs)
