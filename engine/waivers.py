"""Waivers: findings a team has accepted for a while, each with an owner, a reason and an expiry.

A waiver file (YAML, ``rules/schema/waivers.schema.json``) lists waivers for one rule each,
optionally narrowed to documents (ids or shell-style patterns), markets, fields of the
evidence and API callers. Applied to a report, a waiver moves the findings it matches from
``findings`` to ``waived``: they no longer count in the decision or the exit code, and every
output lists them as waived with the waiver's owner, reason and expiry. Waivers that expired, or
that matched nothing in a run, are reported (and fail the run with ``--strict-waivers``).
Waivers never touch a rule that could not be evaluated.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.engine.configfiles import config_problem, read_config_file
from clearance.engine.errors import PackError, PackErrors
from clearance.engine.report import Finding, Report
from clearance.engine.schemas import json_path

DEFAULT_MAX_DAYS = 90
"""How far ahead a waiver may expire unless the caller allows more (``--waiver-max-days``)."""


@dataclass(frozen=True)
class Waiver:
    """One waiver of a waiver file, with where it is written."""

    id: str
    rule: str
    owner: str
    reason: str
    expires: dt.date
    documents: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    callers: tuple[str, ...] = ()
    file: str = ""
    line: int | None = None

    def active(self, today: dt.date) -> bool:
        """True up to and including its expiry day."""
        return today <= self.expires

    def matches(self, report: Report, finding: Finding, caller: str | None) -> bool:
        """True when the waiver covers ``finding`` of ``report`` for ``caller`` (None: the
        command line)."""
        if finding.rule_id != self.rule:
            return False
        if self.callers and caller not in self.callers:
            return False
        if self.markets and finding.market not in self.markets:
            return False
        if self.documents:
            doc_id = report.id or ""
            if not any(fnmatch.fnmatchcase(doc_id, pattern) for pattern in self.documents):
                return False
        if self.fields:
            named = {str(ev.get("field", "")) for ev in finding.evidence}
            if not named & set(self.fields):
                return False
        return True

    def to_dict(self) -> dict[str, Any]:
        """The waiver as it is shown with a waived finding."""
        return {
            "id": self.id,
            "owner": self.owner,
            "reason": self.reason,
            "expires": self.expires.isoformat(),
            "file": self.file,
            "line": self.line,
        }


@dataclass
class WaiverSet:
    """The waivers of one file, and which of them matched something in this process."""

    waivers: tuple[Waiver, ...]
    source: str
    used: set[str] = field(default_factory=set)

    def apply(self, report: Report, today: dt.date, caller: str | None = None) -> None:
        """Move the findings of ``report`` that an active waiver covers to ``report.waived``."""
        if not self.waivers or not report.findings:
            return
        kept: list[Finding] = []
        for finding in report.findings:
            waiver = next(
                (w for w in self.waivers if w.active(today) and w.matches(report, finding, caller)),
                None,
            )
            if waiver is None:
                kept.append(finding)
            else:
                self.used.add(waiver.id)
                report.waived.append((finding, waiver.to_dict()))
        report.findings[:] = kept

    def expired(self, today: dt.date) -> list[Waiver]:
        """Waivers past their expiry."""
        return [w for w in self.waivers if not w.active(today)]

    def unused(self, today: dt.date) -> list[Waiver]:
        """Active waivers that matched no finding so far."""
        return [w for w in self.waivers if w.active(today) and w.id not in self.used]


def load_waivers(
    path: Path,
    today: dt.date,
    max_days: int = DEFAULT_MAX_DAYS,
    known_rules: Iterable[str] | None = None,
) -> WaiverSet:
    """Read and check a waiver file. Raises PackErrors (kind ``waivers``) naming the file and
    line of each problem: not the schema, a rule that does not exist in ``known_rules``, an
    expiry more than ``max_days`` after ``today``, two waivers with one id."""
    name = str(path)
    loaded = read_config_file(path, "waivers", "waivers", "waiver file")
    data = loaded.data
    rules = set(known_rules) if known_rules is not None else None
    latest = today + dt.timedelta(days=max_days)
    problems: list[PackError] = []
    waivers: list[Waiver] = []
    seen: set[str] = set()
    for i, item in enumerate(data["waivers"]):
        line = loaded.line_of(("waivers", i))
        waiver_id = item.get("id") or f"{name}:{line}"
        expires = dt.date.fromisoformat(item["expires"])
        where = ("waivers", i)
        if waiver_id in seen:
            problems.append(
                config_problem("waivers", f"two waivers have the id {waiver_id!r}", name, line)
            )
        seen.add(waiver_id)
        if rules is not None and item["rule"] not in rules:
            problems.append(
                config_problem(
                    "waivers",
                    f"rule {item['rule']!r} does not exist in the loaded library",
                    name,
                    loaded.line_of((*where, "rule")),
                    json_path((*where, "rule")),
                )
            )
        if expires > latest:
            problems.append(
                config_problem(
                    "waivers",
                    f"expires {expires.isoformat()} is more than {max_days} days ahead "
                    f"(latest allowed {latest.isoformat()})",
                    name,
                    loaded.line_of((*where, "expires")),
                    json_path((*where, "expires")),
                )
            )
        waivers.append(
            Waiver(
                id=waiver_id,
                rule=item["rule"],
                owner=item["owner"],
                reason=" ".join(str(item["reason"]).split()),
                expires=expires,
                documents=tuple(item.get("documents", ())),
                markets=tuple(item.get("markets", ())),
                fields=tuple(item.get("fields", ())),
                callers=tuple(item.get("callers", ())),
                file=name,
                line=line,
            )
        )
    if problems:
        raise PackErrors(problems)
    return WaiverSet(tuple(waivers), name)
