"""Per-rule configuration: raise or lower a rule's severity, or switch it off, for a run or a
service, without copying the rule.

A rule configuration file (YAML, ``rules/schema/rule-config.schema.json``) maps rule ids to an
override with its reason, optionally limited to markets. Applied to a report, an override
changes the severity of the rule's findings and not-evaluated entries (so the decision follows)
or drops its findings, and records each change under the report's ``overrides``: a report
always says which overrides changed it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.engine.configfiles import config_problem, read_config_file
from clearance.engine.errors import PackError, PackErrors
from clearance.engine.report import Finding, NotEvaluated, Report


@dataclass(frozen=True)
class Override:
    """What the configuration says of one rule."""

    rule: str
    reason: str
    severity: str | None = None
    enabled: bool = True
    markets: tuple[str, ...] = ()
    line: int | None = None

    def covers(self, market: str) -> bool:
        """True when the override applies in ``market``."""
        return not self.markets or market in self.markets

    def change(self, severity: str) -> str:
        """The severity a finding of ``severity`` gets, or ``off``."""
        if not self.enabled:
            return "off"
        return self.severity or severity


@dataclass(frozen=True)
class RuleConfig:
    """The overrides of one configuration file, by rule id."""

    overrides: dict[str, Override]
    source: str

    def apply(self, report: Report) -> None:
        """Change or drop the findings and not-evaluated entries the overrides cover, and
        record each change in ``report.overrides``."""
        if not self.overrides:
            return
        findings: list[Finding] = []
        for f in report.findings:
            new = self._changed(report, f.rule_id, f.market, f.severity)
            if new == "off":
                continue
            findings.append(f if new == f.severity else dataclasses.replace(f, severity=new))
        report.findings[:] = findings
        entries: list[NotEvaluated] = []
        for n in report.not_evaluated:
            new = self._changed(report, n.rule_id, n.market, n.severity)
            if new == "off":  # its warning goes too: the rule is not part of this run
                note = f"{n.rule_id} not evaluated for {n.market} as of "
                report.warnings[:] = [w for w in report.warnings if not w.startswith(note)]
                continue
            entries.append(n if new == n.severity else dataclasses.replace(n, severity=new))
        report.not_evaluated[:] = entries

    def _changed(self, report: Report, rule_id: str, market: str, severity: str) -> str:
        override = self.overrides.get(rule_id)
        if override is None or not override.covers(market):
            return severity
        new = override.change(severity)
        if new != severity:
            report.overrides.append(
                {
                    "rule_id": rule_id,
                    "market": market,
                    "from": severity,
                    "to": new,
                    "reason": override.reason,
                    "config": f"{self.source}:{override.line}",
                }
            )
        return new


def load_rule_config(path: Path, known_rules: Iterable[str] | None = None) -> RuleConfig:
    """Read and check a rule configuration file. Raises PackErrors (kind ``config``) naming the
    file and line of each problem: not the schema, or a rule that the library does not have."""
    name = str(path)
    loaded = read_config_file(path, "rule-config", "config", "rule configuration")
    rules = set(known_rules) if known_rules is not None else None
    overrides: dict[str, Override] = {}
    problems: list[PackError] = []
    for rule_id, item in loaded.data["rules"].items():
        line = loaded.line_of(("rules", rule_id))
        if rules is not None and rule_id not in rules:
            problems.append(
                config_problem(
                    "config", f"rule {rule_id!r} does not exist in the loaded library", name, line
                )
            )
        overrides[rule_id] = _override(rule_id, item, line)
    if problems:
        raise PackErrors(problems)
    return RuleConfig(overrides, name)


def _override(rule_id: str, item: dict[str, Any], line: int | None) -> Override:
    return Override(
        rule=rule_id,
        reason=" ".join(str(item["reason"]).split()),
        severity=item.get("severity"),
        enabled=bool(item.get("enabled", True)),
        markets=tuple(item.get("markets", ())),
        line=line,
    )
