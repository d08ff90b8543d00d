"""The Gherkin specifications: one feature file per bundled pack, every rule in a scenario
tagged with its id, every scenario stating the exact set of findings it expects."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd.parser import FeatureParser

from clearance.cli.scenarios import read_scenarios, rules_without_scenarios, scenarios_in
from clearance.engine.library import Library

REPO = Path(__file__).resolve().parents[1]
FEATURES = REPO / "features"
EXACT_STEPS = {"the findings are exactly:", "there are no findings"}


def _parsed(path: Path) -> dict[tuple[str, int], tuple[set[str], list[str]]]:
    feature = FeatureParser(str(path.parent), path.name).parse()
    return {
        (s.name, s.line_number): (s.tags | feature.tags, [step.name for step in s.steps])
        for s in feature.scenarios.values()
    }


def test_one_feature_file_per_pack(library: Library) -> None:
    files = {p.stem for p in FEATURES.glob("*.feature")}
    assert files == {p.id for p in library.packs}


def test_every_rule_has_a_scenario_tagged_with_its_id(library: Library) -> None:
    assert rules_without_scenarios(library.rules, scenarios_in(FEATURES)) == []
    for pack in library.packs:  # in its own pack's feature file
        found = read_scenarios(FEATURES / f"{pack.id}.feature")
        assert rules_without_scenarios([r.id for r in pack.rules], found) == [], pack.id


def test_every_tag_names_a_bundled_rule(library: Library) -> None:
    for scenario in scenarios_in(FEATURES):
        unknown = [t for t in scenario.tags if t not in library.rules]
        assert not unknown, f"{scenario.file.name}:{scenario.line}: unknown tags {unknown}"


@pytest.mark.parametrize("path", sorted(FEATURES.glob("*.feature")), ids=lambda p: p.name)
def test_every_scenario_states_its_exact_findings(path: Path) -> None:
    for (name, line), (_, steps) in _parsed(path).items():
        assert EXACT_STEPS & set(steps), f"{path.name}:{line} {name!r} states no exact findings"


@pytest.mark.parametrize("path", sorted(FEATURES.glob("*.feature")), ids=lambda p: p.name)
def test_the_scenario_reader_agrees_with_pytest_bdd(path: Path) -> None:
    ours = {(s.name, s.line): set(s.tags) for s in read_scenarios(path)}
    assert ours == {key: tags for key, (tags, _) in _parsed(path).items()}


def test_a_rule_without_a_scenario_is_found(tmp_path: Path) -> None:
    (tmp_path / "x.feature").write_text(
        "@A.ONE\nFeature: x\n\n  @B.TWO @C.THREE  # a comment\n  Scenario: s\n"
        '    Given a step with:\n      """\n      @D.FOUR\n      Scenario: not one\n      """\n\n'
        "  @E.FIVE\n  Scenario Outline: o\n    Given <x>\n\n    @F.SIX\n    Examples:\n"
        "      | x |\n      | 1 |\n",
        encoding="utf-8",
    )
    found = scenarios_in(tmp_path)
    assert [(s.name, s.line, s.tags) for s in found] == [
        ("s", 5, ("A.ONE", "B.TWO", "C.THREE")),
        ("o", 13, ("A.ONE", "E.FIVE")),
    ]
    assert rules_without_scenarios(["A.ONE", "D.FOUR", "F.SIX"], found) == ["D.FOUR", "F.SIX"]
