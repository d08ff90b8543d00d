"""The Gherkin scenarios (``features/*.feature``) that name a rule by tag (``@EU.GPSR.19A.X``).

A small reader of the Gherkin subset the specifications use: tags on the lines before a
``Feature:``, ``Rule:`` or ``Scenario:`` (``Scenario Outline:``, ``Example:``) apply to it, a
feature's tags to each of its scenarios; tags before ``Examples:`` and text inside doc strings
are ignored. ``clearance rules explain`` lists a rule's scenarios with it; the tests check that
every bundled rule has one. Limits: feature files larger than :data:`MAX_FEATURE_BYTES` are
skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MAX_FEATURE_BYTES",
    "Scenario",
    "features_dir",
    "read_scenarios",
    "rules_without_scenarios",
    "scenarios_in",
]

MAX_FEATURE_BYTES = 1_000_000
"""Largest feature file read, in bytes."""

SCENARIO_KEYWORDS = ("Scenario Outline:", "Scenario Template:", "Scenario:", "Example:")


@dataclass(frozen=True)
class Scenario:
    """One scenario: where it is written, its name and its tags (without ``@``)."""

    file: Path
    line: int
    name: str
    tags: tuple[str, ...]


def features_dir(rules_dir: Path) -> Path | None:
    """Where the specifications are: next to the rules directory, else ./features."""
    env = os.environ.get("CLEARANCE_FEATURES")
    for candidate in (Path(env) if env else None, rules_dir.parent / "features"):
        if candidate is not None and candidate.is_dir():
            return candidate
    cwd = Path.cwd() / "features"
    return cwd if cwd.is_dir() else None


def read_scenarios(path: Path) -> list[Scenario]:
    """Every scenario of one feature file, with the tags that apply to it."""
    if path.stat().st_size > MAX_FEATURE_BYTES:
        return []
    found: list[Scenario] = []
    pending: list[str] = []
    feature_tags: list[str] = []
    rule_tags: list[str] = []
    fence: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if fence is not None:
            if line.startswith(fence):
                fence = None
            continue
        if line.startswith(('"""', "```")):
            fence = line[:3]
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            for token in line.split():
                if token.startswith("#"):
                    break
                if token.startswith("@") and len(token) > 1:
                    pending.append(token[1:])
            continue
        if line.startswith("Feature:"):
            feature_tags, rule_tags, pending = pending, [], []
        elif line.startswith("Rule:"):
            rule_tags, pending = pending, []
        elif line.startswith(SCENARIO_KEYWORDS):
            keyword = next(k for k in SCENARIO_KEYWORDS if line.startswith(k))
            tags = tuple(dict.fromkeys([*feature_tags, *rule_tags, *pending]))
            found.append(Scenario(path, number, line[len(keyword) :].strip(), tags))
            pending = []
        elif line.startswith(("Examples:", "Scenarios:", "Background:")):
            pending = []
    return found


def scenarios_in(folder: Path) -> list[Scenario]:
    """Every scenario of every ``*.feature`` file under ``folder``, files in name order."""
    return [s for path in sorted(folder.rglob("*.feature")) for s in read_scenarios(path)]


def rules_without_scenarios(rule_ids: Iterable[str], found: Iterable[Scenario]) -> list[str]:
    """The rule ids that no scenario is tagged with, sorted."""
    tagged = {tag for s in found for tag in s.tags}
    return sorted(set(rule_ids) - tagged)
