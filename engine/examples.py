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
            not_evaluated = f"{rule.id} not evaluated"
            reason = next((w for w in report.warnings if w.startswith(not_evaluated)), None)
            if reason is not None:
                results.append(ExampleResult(rule, ex, True, f"skipped: {reason}", skipped=True))
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
