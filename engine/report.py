"""Decision reports: findings rendered for people and machines (rules/schema/report.schema.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from clearance.engine.model import SEVERITY_RANK, Rule

REPORT_VERSION = "1.0"
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_.]*)\}")


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
    packs: list[dict[str, str]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    conversions: list[dict[str, Any]] = field(default_factory=list)
    source: dict[str, Any] | None = None

    @property
    def decision(self) -> str:
        """``error`` if the document could not be screened, else the worst severity or pass."""
        if self.errors:
            return "error"
        worst = max((SEVERITY_RANK[f.severity] for f in self.findings), default=0)
        return {0: "pass", 1: "pass", 2: "warn", 3: "review", 4: "block"}[worst]

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
            "warnings": self.warnings,
            "errors": self.errors,
            "packs": self.packs,
            "tables": self.tables,
            "conversions": self.conversions,
        }
        if self.source is not None:
            out["source"] = self.source
        return out


def render(template: str, values: dict[str, Any]) -> str:
    """Fill ``{name}`` placeholders; ``{{`` and ``}}`` are literal braces."""

    def fill(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        value = values.get(match.group(1))
        if value is None:
            return "(not given)"
        if isinstance(value, dict) and "amount" in value and "currency" in value:
            return f"{value['amount']:g} {value['currency']}"
        if isinstance(value, float):
            return f"{value:g}"
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return str(value)

    return _PLACEHOLDER.sub(fill, template)


def placeholders(rule: Rule) -> set[str]:
    """The placeholder names a rule's message and remediation use."""
    names: set[str] = set()
    for text in (rule.message, rule.remediation):
        names.update(m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1))
    return names


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Deterministic order: worst severity first, then market, pack and rule id."""
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.market, f.pack, f.rule_id))
