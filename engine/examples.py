"""Run every rule's own examples: documents that must trigger it and documents that must not.

Examples are deterministic: an example of a rule that reads sanctions or recall lists, or
converts money between currencies, is screened against the list entries and exchange rates it
declares (``lists:`` in the example, or in the pack's ``fixtures``), never against the lists and
rates under ``rules/data`` that ``clearance feeds update`` replaces. Such an example that declares
none of what its rule reads fails, saying so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from clearance.engine.conditions import Compare, DeniedParty, Money, Recalled, TableRef, walk
from clearance.engine.model import Example, Rule
from clearance.engine.parties import PartyScreener
from clearance.engine.recalls import RecallIndex
from clearance.engine.screening import Screener
from clearance.engine.tables import FX_TABLE, DataTable, FxRates

LIST_KINDS = {DeniedParty: "sanctions", Recalled: "recalls"}


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example."""

    rule: Rule
    example: Example
    ok: bool
    detail: str
    skipped: bool = False


FIXTURE_DATE = "1999-01-04"
"""The date an example's own exchange rates are given for: before any example's date."""


def lists_read(rule: Rule, tables: dict[str, Any] | None = None) -> set[str]:
    """What feed-maintained data the rule reads: ``sanctions``, ``recalls``, ``fx_rates``.

    A rule converts money when it compares with a money amount or with a table column whose
    table has a ``currency`` column (``tables`` are the library's, to look that up).
    """
    found: set[str] = set()
    for node in walk(rule.when):
        found.update(kind for t, kind in LIST_KINDS.items() if isinstance(node, t))
        operand = node.operand if isinstance(node, Compare) else None
        if isinstance(operand, Money):
            found.add(FX_TABLE)
        if isinstance(operand, TableRef) and tables is not None:
            table = tables.get(operand.table)
            if isinstance(table, DataTable) and "currency" in table.columns:
                found.add(FX_TABLE)
    return found


def fixture_rates(rates: dict[str, float]) -> FxRates:
    """An exchange-rate table holding an example's own rates (units per EUR), for any date."""
    return FxRates(
        base="EUR",
        dates=(FIXTURE_DATE,),
        rates={FIXTURE_DATE: {code: float(v) for code, v in rates.items()}},
        provenance={"source": "rule example fixture"},
        file="<example fixture>",
        sha256=hashlib.sha256(json.dumps(rates, sort_keys=True).encode()).hexdigest(),
    )


class _FixtureScreeners:
    """One screener per distinct set of example lists, over the same packs and tables."""

    def __init__(self, base: Screener) -> None:
        self.base = base
        self._made: dict[str, Screener] = {}

    def get(self, lists: dict[str, Any]) -> Screener:
        key = json.dumps(lists, sort_keys=True, default=str)
        found = self._made.get(key)
        if found is None:
            sanctions, recalls = lists.get("sanctions"), lists.get("recalls")
            rates = lists.get(FX_TABLE)
            tables = dict(self.base.library.tables)
            if rates is not None:
                tables[FX_TABLE] = fixture_rates(rates)
            library = dataclasses.replace(
                self.base.library,
                tables=tables,
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
            needs = lists_read(rule, screener.library.tables)
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
    lists = [m for m in missing if m != FX_TABLE]
    if not lists:
        return (
            "the rule reads fx_rates but the example declares none: add the rates it converts "
            "with under `lists: {fx_rates: {USD: 1.08}}` (units per 1 EUR) in the example or in "
            "the pack's fixtures (examples never use rules/data/fx_rates.json, which the ECB "
            "feed replaces)"
        )
    kinds = " and ".join(lists)
    return (
        f"the rule reads {kinds} lists but the example declares no {kinds} entries: add them "
        f"under `lists: {{{lists[0]}: [...]}}` in the example or in the pack's fixtures "
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
