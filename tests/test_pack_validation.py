"""`clearance rules validate` errors: schema and meaning, each with file, line and rule id."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from clearance.engine import templates
from clearance.engine.errors import PackError, PackErrors, TemplateError
from clearance.engine.library import Library, load_library

GOOD_RULE = """\
  - id: TEST.RULE.ONE
    title: A test rule
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when:
      missing: brand
    message: "No brand for {market}"
    remediation: Add a brand.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {}}]
      pass: [{document: {brand: Acme}}]
    implements: [DE.UWG.SUPERLATIVE]
"""

HEADER = """\
pack: test.pack
title: Test pack
version: 1.0.0
jurisdiction: DE
owner: tests
sources: [{title: Test law, url: "https://example.org/law"}]
tables: [low_value_threshold]
terms:
  claims: {languages: {en: [best]}}
fixtures:
  listing: {id: X, markets: [DE], title: Bottle}
rules:
"""

MakeRules = Callable[[dict[str, str]], Path]


def _errors(make: MakeRules, rule: str, extra: dict[str, str] | None = None) -> list[PackError]:
    root = make({"de/test.yaml": HEADER + rule, **(extra or {})})
    with pytest.raises(PackErrors) as info:
        load_library(root)
    return info.value.errors


def _one(errors: list[PackError], needle: str) -> PackError:
    found = [e for e in errors if needle in e.message]
    assert found, [str(e) for e in errors]
    return found[0]


def test_good_pack_loads(minimal_rules: MakeRules) -> None:
    library = load_library(minimal_rules({"de/test.yaml": HEADER + GOOD_RULE}))
    assert "TEST.RULE.ONE" in library.rules


@pytest.mark.parametrize(
    ("old", "new", "needle", "line"),
    [
        ("    severity: warn\n", "    severity: fatal\n", "is not one of", 17),
        (
            "    title: A test rule\n",
            "    title: A test rule\n    colour: red\n",
            "unknown key 'colour'",
            15,
        ),
        (
            "      missing: brand\n",
            "      field: brand\n      equal: Acme\n",
            "unknown key 'equal'; did you mean 'equals'?",
            20,
        ),
        ("    markets: [DE]\n", "    markets: DE\n", "is not of type 'array'", 16),
    ],
)
def test_schema_errors_name_file_line_and_rule(
    minimal_rules: MakeRules, old: str, new: str, needle: str, line: int
) -> None:
    err = _one(_errors(minimal_rules, GOOD_RULE.replace(old, new)), needle)
    assert err.file.endswith("de/test.yaml")
    assert err.line == line
    assert err.rule_id == "TEST.RULE.ONE"


def test_same_rule_id_in_two_packs(minimal_rules: MakeRules) -> None:
    other = HEADER.replace("test.pack", "test.other") + GOOD_RULE
    err = _one(_errors(minimal_rules, GOOD_RULE, {"de/other.yaml": other}), "already defined")
    assert err.rule_id == "TEST.RULE.ONE"
    assert "de/" in err.message


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        (
            "      missing: brand\n",
            "      missing: brnd\n",
            "field 'brnd' does not exist on a listing",
        ),
        ("      missing: brand\n", "      present: items\n", "field 'items' does not exist"),
        (
            "      missing: brand\n",
            "      terms: claimz\n      in: [title]\n",
            "unknown term list 'claimz'",
        ),
        (
            "      missing: brand\n",
            "      field: price\n      lte: {table: nope, column: amount}\n",
            "unknown data table 'nope'",
        ),
        (
            "      missing: brand\n",
            "      field: price\n      lte: {table: low_value_threshold, column: amt}\n",
            "has no column 'amt'",
        ),
        (
            "    severity: warn\n",
            "    severity: warn\n    effective: {from: '2026-01-01', until: '2025-01-01'}\n",
            "effective dates out of order",
        ),
        (
            '    message: "No brand for {market}"\n',
            '    message: "No brand for {colour}"\n',
            "placeholder {colour} is filled by nothing",
        ),
        (
            '    message: "No brand for {market}"\n',
            '    message: "Saw {matched}"\n',
            "{matched} needs a terms, matches or denied_party condition",
        ),
        (
            "      missing: brand\n",
            "      field: title\n      matches: '(a'\n",
            "regex does not compile",
        ),
        (
            "      missing: brand\n",
            "      field: title\n      matches: '(a+)+$'\n",
            "backtrack catastrophically",
        ),
        (
            "      missing: brand\n",
            "      field: gtin\n      valid: isbn99\n",
            "unknown identifier scheme",
        ),
        (
            "      missing: brand\n",
            "      field: price\n      lte: 150\n",
            "is money; give amount and currency",
        ),
        ("      missing: brand\n", "      field: title\n      gt: 3\n", "gt needs a number"),
        ("    markets: [DE]\n", "    markets: [EUROPE]\n", "unknown market 'EUROPE'"),
    ],
)
def test_meaning_errors(minimal_rules: MakeRules, old: str, new: str, needle: str) -> None:
    assert old in GOOD_RULE
    err = _one(_errors(minimal_rules, GOOD_RULE.replace(old, new)), needle)
    assert err.file.endswith("de/test.yaml")
    assert err.line is not None and err.line >= 12
    assert err.rule_id == "TEST.RULE.ONE"
    assert err.hint is None or len(err.hint) > 3


def test_unknown_field_suggests_the_right_one(minimal_rules: MakeRules) -> None:
    err = _one(
        _errors(minimal_rules, GOOD_RULE.replace("missing: brand", "missing: manufacturer.nmae")),
        "does not exist",
    )
    assert err.hint is not None and "manufacturer.name" in err.hint


def test_yaml_alias_bomb_is_refused(minimal_rules: MakeRules) -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 10)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True)
    )
    errors = _errors(minimal_rules, GOOD_RULE, {"de/bomb.yaml": bomb})
    err = _one(errors, "expand to more than")
    assert err.file.endswith("de/bomb.yaml")


def test_duplicate_yaml_key_and_syntax_error(minimal_rules: MakeRules) -> None:
    dup = HEADER + GOOD_RULE.replace(
        "    severity: warn\n", "    severity: warn\n    severity: block\n"
    )
    err = _one(
        _errors(minimal_rules, GOOD_RULE, {"de/dup.yaml": dup.replace("test.pack", "t.dup")}),
        "duplicate key 'severity'",
    )
    assert err.line == 18
    err = _one(
        _errors(minimal_rules, GOOD_RULE, {"de/bad.yaml": "pack: [unclosed\n"}), "invalid YAML"
    )
    assert err.file.endswith("de/bad.yaml")


def test_example_that_is_not_a_valid_document_is_reported(minimal_rules: MakeRules) -> None:
    from clearance.engine.examples import run_examples
    from clearance.engine.screening import Screener

    rule = GOOD_RULE.replace("pass: [{document: {brand: Acme}}]", "pass: [{document: {brand: 12}}]")
    library = load_library(minimal_rules({"de/test.yaml": HEADER + rule}))
    results = run_examples(Screener(library))
    bad = [r for r in results if not r.ok]
    assert len(bad) == 1 and "$.brand" in bad[0].detail


def test_every_error_is_reported_at_once(minimal_rules: MakeRules) -> None:
    rule = GOOD_RULE.replace("missing: brand", "missing: brnd").replace("{market}", "{colour}")
    errors = _errors(minimal_rules, rule)
    assert len(errors) >= 2


@pytest.mark.parametrize(
    ("template", "needle"),
    [
        ("No brand for {market!r}", "placeholder {market!r} at column 14 is not a name"),
        ("Costs {price:.2f}", "placeholder {price:.2f} at column 7 is not a name"),
        ("Item {items[0]}", "placeholder {items[0]} at column 6 is not a name"),
        ("Empty {}", "empty placeholder {} at column 7"),
        ("Open { brace", "single '{' at column 6"),
        ("Close } brace", "single '}' at column 7"),
    ],
)
def test_an_ill_formed_placeholder_is_a_pack_error_with_file_and_line(
    minimal_rules: MakeRules, template: str, needle: str
) -> None:
    # `{market!r}` used to pass validation (str.format reads it as `market`) and then print
    # literally; the checker and the renderer now share one parser
    rule = GOOD_RULE.replace('"No brand for {market}"', json.dumps(template))
    err = _one(_errors(minimal_rules, rule), needle)
    assert err.file.endswith("de/test.yaml") and err.rule_id == "TEST.RULE.ONE"
    lines = (HEADER + rule).splitlines()
    assert err.line == 1 + next(i for i, t in enumerate(lines) if t.startswith("    message:"))
    assert err.message.startswith("message template is malformed")
    assert err.hint is not None and "{{" in err.hint


def test_a_placeholder_naming_a_missing_table_column_is_a_pack_error(
    minimal_rules: MakeRules,
) -> None:
    rule = GOOD_RULE.replace(
        "      missing: brand\n",
        "      field: price\n      lte: {table: low_value_threshold, column: amount}\n",
    ).replace("{market}", "{low_value_threshold.amout}")
    err = _one(_errors(minimal_rules, rule), "has no column 'amout'")
    assert err.file.endswith("de/test.yaml") and err.line is not None


def test_the_checker_and_the_renderer_read_placeholders_alike(library: Library) -> None:
    for rule in library.rules.values():
        for text in (rule.message, rule.remediation):
            pieces = templates.parse(text)
            rendered = templates.render(
                text, {p.name: "<v>" for p in pieces if not isinstance(p, str)}
            )
            assert "{" not in rendered.replace("{{", "") or "{{" in text, (rule.id, text)
    assert templates.render("{{market}} {market} {{{market}}}", {"market": "DE"}) == (
        "{market} DE {DE}"
    )
    with pytest.raises(TemplateError):
        templates.render("{market!r}", {"market": "DE"})


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("150", "150 is greater than the maximum of 100"),
        ("-1", "-1 is less than the minimum of 0"),
        ("high", "'high' is not of type 'number'"),
        ("true", "True is not of type 'number'"),
    ],
)
def test_a_bad_denied_party_threshold_is_a_pack_error_with_its_line(
    minimal_rules: MakeRules, value: str, needle: str
) -> None:
    rule = GOOD_RULE.replace(
        "      missing: brand\n", f"      denied_party: [seller]\n      threshold: {value}\n"
    )
    err = _one(_errors(minimal_rules, rule), needle)
    assert err.file.endswith("de/test.yaml") and err.line == 20
    assert err.rule_id == "TEST.RULE.ONE"


@pytest.mark.parametrize("value", ["0", "1", "1.5", "100"])
def test_any_denied_party_threshold_from_0_to_100_loads(
    minimal_rules: MakeRules, value: str
) -> None:
    rule = GOOD_RULE.replace(
        "      missing: brand\n", f"      denied_party: [seller]\n      threshold: {value}\n"
    ).replace("{market}", "{matched}")
    library = load_library(minimal_rules({"de/test.yaml": HEADER + rule}))
    assert library.rules["TEST.RULE.ONE"].when.threshold == float(value)  # type: ignore[union-attr]
