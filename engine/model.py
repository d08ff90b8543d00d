"""Typed objects for loaded packs: Pack, Rule, Example, Reference."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from clearance.engine.conditions import Node
from clearance.engine.terms import TermList

Severity = Literal["block", "review", "warn", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warn": 2, "review": 3, "block": 4}


@dataclass(frozen=True)
class Reference:
    """A legal source or guidance page: title and URL."""

    title: str
    url: str


@dataclass(frozen=True)
class Example:
    """A document that must (``trigger``) or must not (``pass``) make its rule fire."""

    expect: Literal["trigger", "pass"]
    kind: str
    document: dict[str, Any]
    market: str | None
    as_of: dt.date | None
    name: str
    line: int | None
    lists: dict[str, Any] | None = None
    """The sanctions/recall entries and exchange rates it is screened with, not the live ones."""


@dataclass(frozen=True)
class Rule:
    """One rule of a pack, with its condition tree and where it was written."""

    id: str
    title: str
    description: str
    applies_to: tuple[str, ...]
    markets: tuple[str, ...]
    severity: Severity
    confidence: str | None
    effective_from: dt.date | None
    effective_until: dt.date | None
    when: Node
    message: str
    remediation: str
    references: tuple[Reference, ...]
    examples: tuple[Example, ...]
    pack_id: str
    file: str
    line: int | None
    term_scope: dict[str, str] = field(default_factory=dict, compare=False)
    implements: tuple[str, ...] = ()
    """Rows of the law catalogue (rules/law/rows.yaml) the rule implements."""
    implements_lines: tuple[int | None, ...] = field(default=(), compare=False)
    """The line of each ``implements`` entry, for errors."""
    if_not_evaluable: Severity = "review"
    """The decision a document gets at least when the rule cannot be evaluated for it."""

    def in_force(self, on: dt.date) -> bool:
        """True when ``on`` falls inside the rule's effective window."""
        if self.effective_from and on < self.effective_from:
            return False
        return not (self.effective_until and on >= self.effective_until)


@dataclass(frozen=True)
class TermUse:
    """A shared list a pack's term list includes (``use:``), with where it is written."""

    list_name: str
    ref: str
    languages: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Pack:
    """A rule pack: metadata, term lists, tables it reads, rules."""

    id: str
    title: str
    version: str
    jurisdiction: str
    owner: str
    description: str
    sources: tuple[Reference, ...]
    tables: tuple[str, ...]
    term_lists: dict[str, TermList]
    rules: tuple[Rule, ...]
    file: str
    sha256: str
    term_uses: tuple[TermUse, ...] = ()
    """The shared lists (``use:``) of the pack's own term lists."""
    term_libraries: tuple[dict[str, str], ...] = ()
    """Id, file and sha256 of each shared term library the pack uses (rules/terms/)."""
    term_sources: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    """For each term list a rule may name, where its terms are written (``file:line``)."""

    def summary(self) -> dict[str, Any]:
        """Id, version and content hash, as recorded in every decision report.

        A pack that uses shared term libraries also lists them (``terms``: id, file, sha256):
        the pack file's hash alone does not cover the terms its rules search for.
        """
        out: dict[str, Any] = {"id": self.id, "version": self.version, "sha256": self.sha256}
        if self.term_libraries:
            out["terms"] = [dict(t) for t in self.term_libraries]
        return out
