"""Which rows of the law catalogue the rules implement, per market and topic, and why not.

A row is covered when a rule names it in ``implements:``. An uncovered row carries the reason:
the catalogue's own ``reason`` when it says the row is only partly or not decidable from
document data, else "no rule yet". A row is listed under each market it names; subdivisions
count as their country (``US-CA`` is listed under ``US``), groups (``EU``, ``EU_GOODS``) and
``*`` (every market) are markets of their own.

The catalogue is the rules directory's ``law/rows.yaml``, or the bundled one when the
directory has none (an officer's rules directory need not copy it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError
from clearance.engine.law_rows import Row, read_rows, rows_file, topics
from clearance.engine.markets import ALL
from clearance.engine.model import Rule
from clearance.engine.paths import bundled_rules_dir

__all__ = ["Coverage", "Entry", "catalogue_dir", "coverage", "load_catalogue", "market_keys"]

NO_RULE_YET = "no rule yet"


def catalogue_dir(rules_dir: Path) -> Path:
    """The rules directory whose catalogue applies: ``rules_dir`` if it has one, else bundled."""
    return rules_dir if rows_file(rules_dir).exists() else bundled_rules_dir()


def load_catalogue(rules_dir: Path) -> tuple[dict[str, Row], list[PackError]]:
    """The catalogue rows for ``rules_dir`` and every problem in the catalogue file."""
    return read_rows(catalogue_dir(rules_dir))


def market_keys(row: Row) -> list[str]:
    """The markets a row is listed under: its markets, subdivisions folded into the country."""
    return list(dict.fromkeys(code.split("-", 1)[0] for code in row.markets))


@dataclass(frozen=True)
class Entry:
    """One catalogue row and the rules that implement it."""

    row: Row
    rules: tuple[str, ...]

    @property
    def covered(self) -> bool:
        """True when at least one rule implements the row."""
        return bool(self.rules)

    @property
    def why_not(self) -> str | None:
        """Why the row is not covered (None when it is)."""
        if self.covered:
            return None
        return NO_RULE_YET if self.row.decidable == "yes" else self.decidability

    @property
    def decidability(self) -> str:
        """The catalogue's verdict in words: decidable, or partly / not decidable and why."""
        if self.row.decidable == "yes":
            return "decidable"
        word = "partly decidable" if self.row.decidable == "partly" else "not decidable"
        return f"{word}: {self.row.reason}" if self.row.reason else word

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON data."""
        return {
            "id": self.row.id,
            "summary": self.row.summary,
            "markets": list(self.row.markets),
            "decidable": self.row.decidable,
            "reason": self.row.reason,
            "covered_by": list(self.rules),
            "covered": self.covered,
            "why_not": self.why_not,
        }


@dataclass(frozen=True)
class Coverage:
    """Entries by market, then topic (markets sorted, ``*`` last; topics in catalogue order)."""

    markets: dict[str, dict[str, list[Entry]]]
    entries: dict[str, Entry]

    @property
    def covered(self) -> int:
        """Rows covered by at least one rule."""
        return sum(e.covered for e in self.entries.values())

    def to_dict(self) -> dict[str, Any]:
        """The coverage as JSON data."""
        return {
            "rows": len(self.entries),
            "covered": self.covered,
            "markets": [
                {
                    "market": market,
                    "rows": sum(len(v) for v in by_topic.values()),
                    "covered": sum(e.covered for v in by_topic.values() for e in v),
                    "topics": [
                        {"topic": topic, "rows": [e.to_dict() for e in entries]}
                        for topic, entries in by_topic.items()
                    ],
                }
                for market, by_topic in self.markets.items()
            ],
        }


def coverage(rules: Iterable[Rule], rows: dict[str, Row], market: str | None = None) -> Coverage:
    """Coverage of ``rows`` by ``rules`` (only ``market`` when given)."""
    implementing: dict[str, list[str]] = {}
    for rule in sorted(rules, key=lambda r: r.id):
        for row_id in rule.implements:
            implementing.setdefault(row_id, []).append(rule.id)
    entries = {
        rid: Entry(row, tuple(implementing.get(rid, ()))) for rid, row in sorted(rows.items())
    }
    order = {topic: i for i, topic in enumerate(topics())}
    grouped: dict[str, dict[str, list[Entry]]] = {}
    for entry in entries.values():
        for key in market_keys(entry.row):
            if market is None or key == market:
                grouped.setdefault(key, {}).setdefault(entry.row.topic, []).append(entry)
    markets = {
        key: {t: grouped[key][t] for t in sorted(grouped[key], key=lambda t: order.get(t, 99))}
        for key in sorted(grouped, key=lambda k: (k == ALL, k))
    }
    return Coverage(markets=markets, entries=entries)
