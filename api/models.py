"""Response models of the catalogue, decision, health and admin routes (for the OpenAPI schema).

The screening routes answer the decision report contract (``rules/schema/report.schema.json``),
published in the OpenAPI schema as ``DecisionReport``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class PackInfo(BaseModel):
    """A loaded rule pack."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "de.uwg-claims",
                    "version": "1.0.0",
                    "sha256": "3190a8c368b83263953a0425a49e275848b8f1e1be396fa1a3f2d15d125edcf7",
                    "title": "Germany - absolute and superlative advertising claims (UWG)",
                    "jurisdiction": "DE",
                    "owner": "compliance-de@clearance.example",
                    "file": "de/uwg-claims.yaml",
                    "rules": 3,
                    "tables": [],
                }
            ]
        }
    )

    id: str
    version: str
    sha256: str = Field(description="Content hash of the pack file")
    title: str
    jurisdiction: str
    owner: str
    file: str
    rules: int = Field(description="Number of rules in the pack")
    tables: list[str] = Field(description="Data tables the pack reads")


class PackList(BaseModel):
    """Every pack being served."""

    packs: list[PackInfo]
    fingerprint: str = Field(description="One hash over every pack and table hash")
    generation: int = Field(description="Increases with every reload swapped in (per process)")
    loaded_at: str


class Reference(BaseModel):
    """A legal source."""

    title: str
    url: str


class RuleSummary(BaseModel):
    """A rule in a list."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "DE.UWG.SUPERLATIVE",
                    "pack": "de.uwg-claims",
                    "pack_version": "1.0.0",
                    "title": (
                        "Superlative or leading-position claim without proof"
                        " (Alleinstellungswerbung)"
                    ),
                    "severity": "review",
                    "applies_to": ["listing"],
                    "markets": ["DE"],
                    "effective_from": None,
                    "effective_until": None,
                    "source": "de/uwg-claims.yaml:33",
                }
            ]
        }
    )

    id: str
    pack: str
    pack_version: str
    title: str
    severity: str
    applies_to: list[str]
    markets: list[str]
    effective_from: str | None
    effective_until: str | None
    source: str = Field(description="file:line where the rule is written")


class RuleList(BaseModel):
    """Rules matching the filters."""

    rules: list[RuleSummary]
    count: int


class RuleExample(BaseModel):
    """A document the rule must (trigger) or must not (pass) fire on."""

    expect: str
    name: str
    kind: str
    market: str | None
    as_of: str | None
    source: str = Field(description="file:line of the example")
    document: dict[str, Any]


class RuleDetail(RuleSummary):
    """One rule with its source, condition in words, law and examples."""

    description: str
    confidence: str | None
    file: str
    line: int | None
    checks: str = Field(description="The condition, in words")
    message: str
    remediation: str
    references: list[Reference]
    examples: list[RuleExample]
    pack_sha256: str


class Liveness(BaseModel):
    """The process answers."""

    status: str = "ok"


class Readiness(BaseModel):
    """Whether this process serves loaded packs, and whether they are the ones on disk."""

    ready: bool
    current: bool = Field(description="False when the last change on disk was refused")
    generation: int
    fingerprint: str
    packs: list[dict[str, Any]]
    loaded_at: str
    reload: dict[str, Any] = Field(description="The last reload: when, why, errors (file:line)")


class ReloadOutcome(BaseModel):
    """A reload that was swapped in."""

    reloaded: bool
    message: str
    generation: int
    fingerprint: str
    packs: list[dict[str, Any]]
    seconds: float
    warmed: int = Field(description="Rulesets compiled before the swap (kind x market)")


class PurgeOutcome(BaseModel):
    """What a retention run deleted."""

    deleted: int
    before: str


class RescreenHit(BaseModel):
    """A list entry a party of a recent decision matches now that the decision did not report."""

    decision_id: str
    decided_at: str
    kind: str
    document_id: str | None
    field: str = Field(description="The party field: buyer, shipping_address, consignee...")
    name: str = Field(description="The party's name (or alias) that matched.")
    level: str = Field(description="block or review, from the thresholds of the rules.")
    match: dict[str, Any] = Field(description="The match: list, entry, programmes, score, why.")


class RescreenOutcome(BaseModel):
    """What a re-screening of recent decisions found."""

    since: str
    decisions: int
    parties: int
    new_hits: list[RescreenHit]
    truncated: bool
    forgotten: int = Field(description="Decisions whose parties passed the window and were erased.")
    lists: dict[str, int] = Field(description="Entries per list screened against.")


class Status(BaseModel):
    """Everything about this worker process."""

    pid: int
    started_at: str
    rules_dir: str
    generation: int
    fingerprint: str
    packs: list[dict[str, Any]]
    rules: int
    reload: dict[str, Any]
    decision_log: dict[str, Any]
    limits: dict[str, Any]


class DecisionEntry(BaseModel):
    """A logged decision."""

    decision_id: str
    created_at: str
    caller: str
    kind: str
    document_id: str | None
    input_sha256: str = Field(description="sha256 of the document's canonical JSON")
    decision: str
    markets: list[str]
    as_of: str | None
    findings: list[dict[str, Any]]
    packs: list[dict[str, Any]]
    report: dict[str, Any]
