"""Markdown output of `clearance check`: a summary table and the findings of each document,
fit for a GitHub job summary (``$GITHUB_STEP_SUMMARY``) or a pull-request comment."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from clearance.cli.output import where
from clearance.cli.spool import Spool
from clearance.engine.errors import InputError
from clearance.engine.report import Report, group_findings

if TYPE_CHECKING:
    from clearance.cli.parallel import RunTally

ICONS = {"block": "⛔", "review": "🟡", "warn": "🟠", "info": "ℹ️", "pass": "✅", "error": "❌"}


def _cell(text: object) -> str:
    """Text safe in a table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


class MarkdownWriter:
    """The whole run as Markdown, written as reports come: the rows of findings are spooled,
    the remediations kept once per rule."""

    def __init__(self) -> None:
        self.rows = Spool()
        self.fixes: dict[str, str] = {}  # rule id: its line under "How to fix", first seen first

    def add(self, r: Report) -> None:
        """Add the rows of one report (none when nothing was found)."""
        if not (r.findings or r.errors or r.not_evaluated or r.waived):
            return
        lines: list[str] = []
        doc = _cell(f"{r.kind} {r.id or '?'}")
        at = _cell(where(r))
        for err in r.errors:
            message = _cell(f"{err.get('field') or ''} {err.get('message')}".strip())
            lines.append(f"| {doc} | {at} | error | error | - | - | {message} |")
        for group in group_findings(r.findings):
            f = r.findings[group.indexes[0]]
            rule = f"[{f.rule_id}]({f.references[0]['url']})" if f.references else f.rule_id
            lines.append(
                f"| {doc} | {at} | {r.decision} | {ICONS[f.severity]} {f.severity} | {rule} "
                f"| {', '.join(group.markets)} | {_cell(f.message)} |"
            )
            if f.rule_id not in self.fixes:
                self.fixes[f.rule_id] = (
                    f"- **{f.rule_id}** {_cell(f.title)}: {_cell(f.remediation)}"
                )
        for f, waiver in r.waived:
            lines.append(
                f"| {doc} | {at} | {r.decision} | waived ({f.severity}) | {f.rule_id} "
                f"| {f.market} | {_cell(waiver['owner'])} until {waiver['expires']}: "
                f"{_cell(waiver['reason'])} |"
            )
        for n in r.not_evaluated:
            lines.append(
                f"| {doc} | {at} | {r.decision} | {n.severity} | {n.rule_id} | {n.market} "
                f"| not evaluated: {_cell(n.reason)} |"
            )
        self.rows.write("".join(line + "\n" for line in lines))

    def finish(self, out: IO[bytes], unreadable: list[InputError], tally: RunTally) -> None:
        """Write the document: the decisions, the findings, the remediations."""
        del unreadable  # named on standard error and in the other formats
        counts = tally.summary()
        lines = ["## Clearance check", ""]
        lines.append("| decision | documents |")
        lines.append("| --- | ---: |")
        for decision, n in counts["decisions"].items():
            lines.append(f"| {ICONS.get(decision, '')} {decision} | {n} |")
        lines.append(f"| **total** | **{counts['documents']}** |")
        if not self.rows.tell():
            lines += ["", "No findings."]
            out.write(("\n".join(lines) + "\n").encode("utf-8"))
            self.rows.close()
            return
        lines += ["", "| document | where | decision | severity | rule | markets | message |"]
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
        self.rows.copy_to(out)
        self.rows.close()
        tail = ["", "<details><summary>How to fix</summary>", "", *self.fixes.values()]
        tail += ["", "</details>"]
        out.write(("\n".join(tail) + "\n").encode("utf-8"))
