"""Run every rule's own examples: documents that must trigger it and documents that must not.

Examples are deterministic: an example of a rule that reads sanctions or recall lists is
screened against the list entries it declares (``lists:`` in the example, or in the pack's
``fixtures``), never against the lists under ``rules/data`` that ``clearance feeds update``
replaces. Such an example that declares no entries for a list its rule reads fails, saying so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from clearance.engine.conditions import DeniedParty, Recalled, walk
from clearance.engine.model import Example, Rule
from clearance.engine.parties import PartyScreener
from clearance.engine.recalls import RecallIndex
from clearance.engine.screening import Screener

LIST_KINDS = {DeniedParty: "sanctions", Recalled: "recalls"}


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example."""

    rule: Rule
    example: Example
    ok: bool
    detail: str
    skipped: bool = False


def lists_read(rule: Rule) -> set[str]:
    """The kinds of list (``sanctions``, ``recalls``) the rule's condition reads."""
    return {
        kind for node in walk(rule.when) for t, kind in LIST_KINDS.items() if isinstance(node, t)
    }


class _FixtureScreeners:
    """One screener per distinct set of example lists, over the same packs and tables."""

    def __init__(self, base: Screener) -> None:
        self.base = base
        self._made: dict[str, Screener] = {}

    def get(self, lists: dict[str, list[dict[str, Any]]]) -> Screener:
        key = json.dumps(lists, sort_keys=True, default=str)
        found = self._made.get(key)
        if found is None:
            sanctions, recalls = lists.get("sanctions"), lists.get("recalls")
            library = dataclasses.replace(
                self.base.library,
                parties=PartyScreener(sanctions) if sanctions is not None else None,
                recalls=RecallIndex(recalls) if recalls is not None else None,
            )
            found = self._made[key] = Screener(library)
        return found

    def close(self) -> None:
        for screener in self._made.values():
            screener.evaluator.close()


def run_examples(
    screener: Screener, rule_ids: list[str] | None = None, today: dt.date | None = None
) -> list[ExampleResult]:
    """Screen every example of every rule (or of ``rule_ids``) and check the expectation."""
    results = []
    rules = screener.library.rules
    fixtures = _FixtureScreeners(screener)
    try:
        for rule_id in sorted(rule_ids or rules):
            rule = rules[rule_id]
            needs = lists_read(rule)
            for ex in rule.examples:
                missing = sorted(needs - set(ex.lists or {}))
                if missing:
                    results.append(ExampleResult(rule, ex, False, _undeclared(missing)))
                    continue
                active = screener if ex.lists is None else fixtures.get(ex.lists)
                results.append(_run(active, rule, ex, today))
    finally:
        fixtures.close()
    return results


def _undeclared(missing: list[str]) -> str:
    kinds = " and ".join(missing)
    return (
        f"the rule reads {kinds} lists but the example declares no {kinds} entries: add them "
        f"under `lists: {{{missing[0]}: [...]}}` in the example or in the pack's fixtures "
        "(examples never use the lists under rules/data, which feeds replace)"
    )


def _run(screener: Screener, rule: Rule, ex: Example, today: dt.date | None) -> ExampleResult:
    markets = [ex.market] if ex.market else None
    report = screener.screen(
        dict(ex.document, kind=ex.kind), markets=markets, as_of=ex.as_of, today=today
    )
    if report.errors:
        detail = "; ".join(
            str(e.get("field", "")) + " " + str(e.get("message")) for e in report.errors
        )
        return ExampleResult(rule, ex, False, f"example is not a valid {ex.kind}: {detail}")
    skipped = next((n for n in report.not_evaluated if n.rule_id == rule.id), None)
    if skipped is not None:
        detail = (
            f"skipped: {rule.id} not evaluated for {skipped.market} "
            f"as of {report.as_of}: {skipped.reason}"
        )
        return ExampleResult(rule, ex, True, detail, skipped=True)
    fired = [f for f in report.findings if f.rule_id == rule.id]
    if ex.expect == "trigger":
        ok = bool(fired)
        detail = (
            "fired"
            if ok
            else f"did not fire (markets {', '.join(report.markets)}, as of {report.as_of})"
        )
    else:
        ok = not fired
        detail = "did not fire" if ok else f"fired: {fired[0].message}"
    return ExampleResult(rule, ex, ok, detail)
