"""Every bundled rule's own examples behave as declared (as `clearance rules test` checks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.engine.examples import run_examples
from clearance.engine.library import Library, load_library
from clearance.engine.screening import Screener

REPO_ROOT = Path(__file__).resolve().parents[1]

_LIBRARY = load_library(REPO_ROOT / "rules")


@pytest.mark.parametrize("rule_id", sorted(_LIBRARY.rules))
def test_rule_examples(screener: Screener, rule_id: str) -> None:
    results = run_examples(screener, [rule_id])
    assert any(r.example.expect == "trigger" for r in results)
    assert any(r.example.expect == "pass" for r in results)
    failed = [f"{r.example.name}: {r.detail}" for r in results if not r.ok]
    assert not failed


def test_every_rule_cites_its_source(library: Library) -> None:
    for rule in library.rules.values():
        assert rule.references and all(ref.url.startswith("https://") for ref in rule.references)
