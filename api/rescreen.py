"""Re-screening when a list changes: the parties of recent decisions against the lists now.

A party that was clean when its order was decided may be listed the next day. So that it is
found without waiting for its next order, the decision log keeps, beside each decision, the
screening input of its parties (:func:`parties_of`) for a limited window, and
:func:`rescreen` matches them again against the current lists, reporting every hit that the
decision did not report.

**Parties** are the party objects of each document kind (``common.schema.json#/$defs/party``):
an order's ``buyer``, ``shipping_address`` and ``seller``; a shipment's ``consignee`` and
``exporter``; a listing's ``seller``, ``manufacturer`` and ``eu_responsible_person``. Of each
only what screening reads is kept: ``name``, ``trade_name`` and ``aliases`` (at most
:data:`MAX_NAMES` names of at most :data:`MAX_NAME_CHARS` characters) and ``country``; never the
address, email, phone, tax or VAT ids. With them the list entries the decision already reported
(``known``: ``list:id`` keys from the findings' evidence), so that only new hits are reported.

**Window and retention**: parties are re-screened for ``CLEARANCE_RESCREEN_DAYS`` days (default
:data:`DEFAULT_DAYS`) after their decision; past that their names are erased from the log
(:meth:`forget_parties`), whatever the retention of the decisions themselves. At most
``CLEARANCE_RESCREEN_MAX_DECISIONS`` decisions (default :data:`DEFAULT_MAX_DECISIONS`, newest
first) are re-screened in one run.

**Thresholds**: a party is matched at the lowest ``denied_party`` threshold of the loaded rules
that screen its field for its kind (the review line), and a hit at or above the lowest
threshold of a ``block`` rule screening that field is marked ``block``. A field no rule screens
is matched at the lowest threshold of all ``denied_party`` rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from clearance.engine.conditions import DeniedParty, walk

PARTY_FIELDS: dict[str, tuple[str, ...]] = {
    "order": ("buyer", "shipping_address", "seller"),
    "shipment": ("consignee", "exporter"),
    "listing": ("seller", "manufacturer", "eu_responsible_person"),
}
"""The party fields of each document kind (from rules/schema/*.schema.json)."""
MAX_NAMES = 10
"""Most names (name, trade name, aliases) kept per party."""
MAX_NAME_CHARS = 200
"""Longest name kept (longer ones are cut)."""
DEFAULT_DAYS = 30
"""Default re-screening window and retention of the parties' names, in days."""
DEFAULT_MAX_DECISIONS = 100_000
"""Default for the most decisions re-screened in one run."""
FALLBACK_THRESHOLD = 88.0
"""Used only when no loaded rule has a ``denied_party`` condition."""


def _known_keys(report: Mapping[str, Any]) -> dict[str, set[str]]:
    """``{field: {list:id, ...}}`` of the party matches a report's findings carry."""
    known: dict[str, set[str]] = {}
    for finding in report.get("findings") or []:
        for item in finding.get("evidence") or [] if isinstance(finding, dict) else []:
            match = item.get("party_match") if isinstance(item, dict) else None
            if isinstance(match, dict) and match.get("key"):
                path = str(item.get("field") or "").split("[", 1)[0].split(".", 1)[0]
                known.setdefault(path, set()).add(str(match["key"]))
    return known


def parties_of(
    kind: str, document: Any, report: Mapping[str, Any] | None = None
) -> list[dict[str, Any]] | None:
    """What re-screening needs of a document's parties; None when it has no named party."""
    if not isinstance(document, dict):
        return None
    known = _known_keys(report or {})
    out: list[dict[str, Any]] = []
    for name in PARTY_FIELDS.get(kind, ()):
        party = document.get(name)
        if not isinstance(party, dict):
            continue
        raw = [party.get("name"), party.get("trade_name"), *(party.get("aliases") or [])]
        names: list[str] = []
        for value in raw:
            if isinstance(value, str) and value.strip():
                text = " ".join(value.split())[:MAX_NAME_CHARS]
                if text not in names:
                    names.append(text)
        if not names:
            continue
        country = party.get("country")
        out.append(
            {
                "field": name,
                "names": names[:MAX_NAMES],
                "country": country if isinstance(country, str) else None,
                "known": sorted(known.get(name, ())),
            }
        )
    return out or None


@dataclass(frozen=True)
class PartyRow:
    """The stored parties of one decision."""

    decision_id: str
    created_at: dt.datetime
    kind: str
    document_id: str | None
    parties: list[dict[str, Any]]


@dataclass(frozen=True)
class Thresholds:
    """Per (kind, field): the review line (lowest threshold) and the block line."""

    alert: dict[tuple[str, str], float]
    block: dict[tuple[str, str], float]
    default: float

    @classmethod
    def from_rules(cls, rules: Iterable[Any]) -> Thresholds:
        """Read them from the rules' ``denied_party`` conditions."""
        alert: dict[tuple[str, str], float] = {}
        block: dict[tuple[str, str], float] = {}
        lowest: float | None = None
        for rule in rules:
            for node in walk(rule.when):
                if not isinstance(node, DeniedParty):
                    continue
                lowest = node.threshold if lowest is None else min(lowest, node.threshold)
                for kind in rule.applies_to:
                    for path in node.paths:
                        key = (kind, path)
                        alert[key] = min(alert.get(key, node.threshold), node.threshold)
                        if rule.severity == "block":
                            block[key] = min(block.get(key, node.threshold), node.threshold)
        return cls(alert, block, lowest if lowest is not None else FALLBACK_THRESHOLD)

    def for_field(self, kind: str, name: str) -> tuple[float, float | None]:
        """(threshold to match at, block line or None)."""
        return self.alert.get((kind, name), self.default), self.block.get((kind, name))


@dataclass
class NewHit:
    """A list entry a party of a recent decision matches now, not reported by the decision."""

    decision_id: str
    decided_at: dt.datetime
    kind: str
    document_id: str | None
    field: str
    name: str
    level: str
    """``block`` (at or above the block line of the rules screening this field) or ``review``."""
    match: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (API answer, ``--format json``)."""
        return {
            "decision_id": self.decision_id,
            "decided_at": self.decided_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "kind": self.kind,
            "document_id": self.document_id,
            "field": self.field,
            "name": self.name,
            "level": self.level,
            "match": self.match,
        }

    def line(self) -> str:
        """One line for the CLI."""
        m = self.match
        return (
            f"{self.level.upper()}: {self.kind} {self.document_id or '-'} (decision "
            f"{self.decision_id}, {self.decided_at:%Y-%m-%d}): {self.field} {self.name!r} now "
            f"matches {m.get('key')} {m.get('name')!r} ({', '.join(m.get('programmes') or [])}) "
            f"score {m.get('score')}"
        )


@dataclass
class RescreenResult:
    """What one re-screening run found."""

    since: dt.datetime
    decisions: int = 0
    parties: int = 0
    hits: list[NewHit] = field(default_factory=list)
    truncated: bool = False
    forgotten: int = 0
    lists: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "since": self.since.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "decisions": self.decisions,
            "parties": self.parties,
            "new_hits": [h.to_dict() for h in self.hits],
            "truncated": self.truncated,
            "forgotten": self.forgotten,
            "lists": self.lists,
        }

    def summary(self) -> str:
        """One line for the CLI."""
        more = " (more decisions than the limit: the newest were re-screened)" * self.truncated
        return (
            f"re-screened {self.parties} parties of {self.decisions} decisions since "
            f"{self.since:%Y-%m-%d}{more}: {len(self.hits)} new hit(s)"
        )


def rescreen(
    rows: Sequence[PartyRow], screener: Any, thresholds: Thresholds, since: dt.datetime
) -> RescreenResult:
    """Match the stored parties against ``screener`` (an ``engine.parties.PartyScreener``)."""
    result = RescreenResult(since=since, decisions=len(rows))
    if screener is None:
        return result
    result.lists = dict(getattr(screener, "lists", {}) or {})
    for row in rows:
        for party in row.parties:
            name = str(party.get("field") or "")
            names = [n for n in party.get("names") or [] if isinstance(n, str)]
            if not names:
                continue
            result.parties += 1
            known = set(party.get("known") or [])
            threshold, block = thresholds.for_field(row.kind, name)
            seen: set[str] = set()
            for text in names:
                for match in screener.match(
                    text, party.get("country"), threshold, on=dt.date.today()
                ):
                    if match.key in known or match.key in seen:
                        continue
                    seen.add(match.key)
                    level = "block" if block is not None and match.score >= block else "review"
                    result.hits.append(
                        NewHit(
                            row.decision_id,
                            row.created_at,
                            row.kind,
                            row.document_id,
                            name,
                            text,
                            level,
                            match.to_dict(),
                        )
                    )
    result.hits.sort(key=lambda h: (h.level != "block", -float(h.match.get("score") or 0)))
    return result


def run(
    store: Any,
    screener: Any,
    rules: Iterable[Any],
    *,
    days: int,
    limit: int = DEFAULT_MAX_DECISIONS,
    now: dt.datetime | None = None,
) -> RescreenResult:
    """Erase parties older than the window, then re-screen those within it (on the store's
    thread: ``store`` is a :class:`api.decision_log.DecisionStore`)."""
    now = now or dt.datetime.now(dt.UTC)
    since = now - dt.timedelta(days=days)
    forgotten = store.forget_parties(since)
    rows = store.recent_parties(since, limit + 1)
    truncated = len(rows) > limit
    result = rescreen(rows[:limit], screener, Thresholds.from_rules(rules), since)
    result.truncated = truncated
    result.forgotten = forgotten
    return result
