"""Decision reports: every report and summary Clearance gives is built here.

The contract is ``rules/schema/report.schema.json``. This module builds

* findings (:func:`make_finding`: the rule's message and remediation rendered, evidence),
* rules not evaluated (:meth:`Report.not_evaluated_rule`: the typed ``not_evaluated`` entry and
  its warning line),
* error reports (:func:`error_report`: a document that could not be read or validated, from the
  CLI, the engine and the HTTP service alike; :meth:`Report.fail` for one that could not be
  screened),
* batch summaries (:func:`summary`),

so that the CLI and the service answer the same shapes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from clearance.engine.errors import ClearanceError
from clearance.engine.model import SEVERITY_RANK, Rule
from clearance.engine.templates import BUILTIN_PLACEHOLDERS, names, render

REPORT_VERSION = "1.3"
"""1.1 added ``not_evaluated``; 1.2 gave each of its entries the ``severity`` it counts with in
the decision (a rule that could not be evaluated is never a pass) and added ``finding_groups``
(the findings of one rule that differ only by market, listed once)."""
DECISIONS = ("block", "review", "warn", "pass", "error")
"""Every decision, worst first (the order of summaries)."""


@dataclass
class Finding:
    """One rule that fired for a document in one market."""

    rule_id: str
    pack: str
    pack_version: str
    severity: str
    market: str
    title: str
    message: str
    remediation: str
    evidence: list[dict[str, Any]]
    references: list[dict[str, str]]
    confidence: str | None
    source: str

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data."""
        return {
            "rule_id": self.rule_id,
            "pack": self.pack,
            "pack_version": self.pack_version,
            "severity": self.severity,
            "market": self.market,
            "title": self.title,
            "message": self.message,
            "remediation": self.remediation,
            "evidence": self.evidence,
            "references": self.references,
            "confidence": self.confidence,
            "source": self.source,
        }


@dataclass(frozen=True)
class NotEvaluated:
    """A rule in force that could not be evaluated for a market, and why (no exchange rate for
    the date, no table row in force, no list loaded). ``severity`` is what it counts as in the
    decision: the rule's ``if_not_evaluable`` (review unless the pack says otherwise)."""

    rule_id: str
    market: str
    reason: str
    severity: str = "review"

    def to_dict(self) -> dict[str, str]:
        """The entry as JSON data."""
        return {
            "rule_id": self.rule_id,
            "market": self.market,
            "reason": self.reason,
            "severity": self.severity,
        }


@dataclass
class Report:
    """The decision for one document: worst severity found, findings, and what was used."""

    kind: str
    id: str | None
    as_of: str | None
    as_of_source: str | None
    markets: list[str]
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    not_evaluated: list[NotEvaluated] = field(default_factory=list)
    packs: list[dict[str, str]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    conversions: list[dict[str, Any]] = field(default_factory=list)
    source: dict[str, Any] | None = None
    waived: list[tuple[Finding, dict[str, Any]]] = field(default_factory=list)
    """Findings a waiver accepted, with the waiver (engine/waivers.py); not in the decision."""
    overrides: list[dict[str, Any]] = field(default_factory=list)
    """Severity changes and rules switched off by a rule configuration (engine/overrides.py)."""
    cleared_hits: list[dict[str, Any]] = field(default_factory=list)
    """Sanctions hits that a clearance (rules/data/sanctions/cleared.yaml) suppressed."""

    @property
    def decision(self) -> str:
        """``error`` if the document could not be screened, else the worst severity of its
        findings and of the rules that could not be evaluated, or pass."""
        if self.errors:
            return "error"
        worst = max(
            (
                *(SEVERITY_RANK[f.severity] for f in self.findings),
                *(SEVERITY_RANK[n.severity] for n in self.not_evaluated),
            ),
            default=0,
        )
        return {0: "pass", 1: "pass", 2: "warn", 3: "review", 4: "block"}[worst]

    def not_evaluated_rule(
        self, rule_id: str, market: str, reason: str, severity: str = "review"
    ) -> None:
        """Record that a rule in force could not be evaluated for ``market`` (and say so in
        warnings); it counts as ``severity`` in the decision."""
        self.not_evaluated.append(NotEvaluated(rule_id, market, reason, severity))
        self.warnings.append(f"{rule_id} not evaluated for {market} as of {self.as_of}: {reason}")

    def fail(self, error: ClearanceError) -> None:
        """The document could not be screened: no findings, the decision is ``error``."""
        self.findings.clear()
        self.errors.append(error.to_dict())

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data."""
        out: dict[str, Any] = {
            "report_version": REPORT_VERSION,
            "kind": self.kind,
            "id": self.id,
            "decision": self.decision,
            "as_of": self.as_of,
            "as_of_source": self.as_of_source,
            "markets": self.markets,
            "findings": [f.to_dict() for f in self.findings],
            "finding_groups": [g.to_dict() for g in group_findings(self.findings)],
            "warnings": self.warnings,
            "errors": self.errors,
            "not_evaluated": [n.to_dict() for n in self.not_evaluated],
            "packs": self.packs,
            "tables": self.tables,
            "conversions": self.conversions,
        }
        if self.waived:
            out["waived"] = [{**f.to_dict(), "waiver": w} for f, w in self.waived]
        if self.overrides:
            out["overrides"] = self.overrides
        if self.cleared_hits:
            out["cleared_hits"] = self.cleared_hits
        if self.source is not None:
            out["source"] = self.source
        return out


def error_report(
    errors: Sequence[ClearanceError],
    data: Any = None,
    kind: str | None = None,
    source: dict[str, Any] | None = None,
) -> Report:
    """The report of a document that could not be read or validated (decision ``error``).

    ``data`` is whatever was read (its ``kind`` and ``id`` are kept when it is a mapping);
    ``kind`` is the kind the caller asked for, which wins over the document's own.
    """
    doc_id = data.get("id") if isinstance(data, dict) else None
    declared = data.get("kind") if isinstance(data, dict) else None
    report = Report(
        kind=str(kind or declared or "unknown"),
        id=str(doc_id) if doc_id is not None else None,
        as_of=None,
        as_of_source=None,
        markets=[],
        source=source,
    )
    report.errors.extend(e.to_dict() for e in errors)
    return report


def placeholders(rule: Rule) -> set[str]:
    """The placeholder names a rule's message and remediation use."""
    return {*names(rule.message), *names(rule.remediation)}


def filled_by_document(rule: Rule) -> set[str]:
    """The placeholders of a rule the caller fills (document fields and table columns)."""
    return placeholders(rule) - BUILTIN_PLACEHOLDERS


def make_finding(
    rule: Rule,
    pack_version: str,
    market: str,
    document: tuple[str, str, dt.date],
    evidence: list[dict[str, Any]],
    values: Mapping[str, Any],
) -> Finding:
    """A finding for a rule that fired, its message and remediation filled.

    ``document`` is (kind, id, as of); ``values`` holds the value of each placeholder in
    :func:`filled_by_document`. ``{matched}`` is the first matched text of the evidence.
    """
    kind, doc_id, as_of = document
    filled: dict[str, Any] = dict(values)
    filled.update(
        market=market,
        id=doc_id,
        kind=kind,
        as_of=as_of.isoformat(),
        rule_id=rule.id,
        matched=next((e["text"] for e in evidence if "text" in e), None),
    )
    return Finding(
        rule_id=rule.id,
        pack=rule.pack_id,
        pack_version=pack_version,
        severity=rule.severity,
        market=market,
        title=rule.title,
        message=render(rule.message, filled),
        remediation=render(rule.remediation, filled),
        evidence=evidence,
        references=[{"title": r.title, "url": r.url} for r in rule.references],
        confidence=rule.confidence,
        source=f"{rule.file}:{rule.line}",
    )


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one rule that say the same thing in several markets: same rule,
    severity and evidence; only the market (and the market's name in the message) differs."""

    rule_id: str
    severity: str
    title: str
    markets: tuple[str, ...]
    indexes: tuple[int, ...]
    """Positions of the grouped findings in the report's ``findings``."""

    def to_dict(self) -> dict[str, Any]:
        """The group as JSON data."""
        return {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "title": self.title,
            "markets": list(self.markets),
            "findings": list(self.indexes),
        }


def group_findings(findings: Sequence[Finding]) -> list[FindingGroup]:
    """Group a report's findings that differ only by market, worst first (a listing screened
    for 27 EU markets shows a missing manufacturer once, for 27 markets)."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for index, f in enumerate(findings):
        key = (f.rule_id, f.severity, repr(f.evidence))
        groups.setdefault(key, []).append(index)
    out = [
        FindingGroup(
            findings[ix[0]].rule_id,
            findings[ix[0]].severity,
            findings[ix[0]].title,
            tuple(findings[i].market for i in ix),
            tuple(ix),
        )
        for ix in groups.values()
    ]
    return sorted(
        out,
        key=lambda g: (
            -SEVERITY_RANK[g.severity],
            findings[g.indexes[0]].pack,
            g.rule_id,
            g.indexes,
        ),
    )


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Deterministic order: worst severity first, then market, pack and rule id."""
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.market, f.pack, f.rule_id))


def summary(
    reports: Sequence[Report], unreadable: Sequence[ClearanceError] | None = None
) -> dict[str, Any]:
    """A batch's summary: how many documents, how many of each decision (worst first).

    ``unreadable`` (the CLI's files that could not be read at all) is listed when given.
    """
    counts = Counter(r.decision for r in reports)
    out: dict[str, Any] = {
        "documents": len(reports),
        "decisions": {d: counts[d] for d in DECISIONS if counts[d]},
    }
    waived = sum(len(r.waived) for r in reports)
    if waived:
        out["waived"] = waived
    if unreadable is not None:
        out["unreadable"] = [e.to_dict() for e in unreadable]
    return out
