"""Run every rule's own examples: documents that must trigger it and documents that must not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clearance.engine.model import Example, Rule
from clearance.engine.screening import Screener


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example."""

    rule: Rule
    example: Example
    ok: bool
    detail: str
    skipped: bool = False


def run_examples(
    screener: Screener, rule_ids: list[str] | None = None, today: dt.date | None = None
) -> list[ExampleResult]:
    """Screen every example of every rule (or of ``rule_ids``) and check the expectation."""
    results = []
    rules = screener.library.rules
    for rule_id in sorted(rule_ids or rules):
        rule = rules[rule_id]
        for ex in rule.examples:
            markets = [ex.market] if ex.market else None
            report = screener.screen(
                dict(ex.document, kind=ex.kind), markets=markets, as_of=ex.as_of, today=today
            )
            if report.errors:
                detail = "; ".join(
                    str(e.get("field", "")) + " " + str(e.get("message")) for e in report.errors
                )
                results.append(
                    ExampleResult(rule, ex, False, f"example is not a valid {ex.kind}: {detail}")
                )
                continue
            skipped = next((n for n in report.not_evaluated if n.rule_id == rule.id), None)
            if skipped is not None:
                detail = (
                    f"skipped: {rule.id} not evaluated for {skipped.market} "
                    f"as of {report.as_of}: {skipped.reason}"
                )
                results.append(ExampleResult(rule, ex, True, detail, skipped=True))
                continue
            fired = [f for f in report.findings if f.rule_id == rule.id]
            if ex.expect == "trigger":
                ok = bool(fired)
                detail = (
                    "fired"
                    if ok
                    else (
                        f"did not fire (markets {', '.join(report.markets)}, as of {report.as_of})"
                    )
                )
            else:
                ok = not fired
                detail = "did not fire" if ok else f"fired: {fired[0].message}"
            results.append(ExampleResult(rule, ex, ok, detail))
    return results
