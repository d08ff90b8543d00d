"""Markdown output of `clearance check`: a summary table and the findings of each document,
fit for a GitHub job summary (``$GITHUB_STEP_SUMMARY``) or a pull-request comment."""

from __future__ import annotations

from clearance.cli.output import where
from clearance.engine.report import Report, group_findings
from clearance.engine.report import summary as summarize

ICONS = {"block": "⛔", "review": "🟡", "warn": "🟠", "info": "ℹ️", "pass": "✅", "error": "❌"}


def _cell(text: object) -> str:
    """Text safe in a table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown_report(reports: list[Report]) -> str:
    """The whole run as Markdown."""
    counts = summarize(reports)
    lines = ["## Clearance check", ""]
    lines.append("| decision | documents |")
    lines.append("| --- | ---: |")
    for decision, n in counts["decisions"].items():
        lines.append(f"| {ICONS.get(decision, '')} {decision} | {n} |")
    lines.append(f"| **total** | **{counts['documents']}** |")
    flagged = [r for r in reports if r.findings or r.errors or r.not_evaluated or r.waived]
    if not flagged:
        lines += ["", "No findings."]
        return "\n".join(lines) + "\n"
    lines += ["", "| document | where | decision | severity | rule | markets | message |"]
    lines.append("| --- | --- | --- | --- | --- | --- | --- |")
    for r in flagged:
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
    lines += ["", "<details><summary>How to fix</summary>", ""]
    seen: set[str] = set()
    for r in flagged:
        for group in group_findings(r.findings):
            f = r.findings[group.indexes[0]]
            if f.rule_id in seen:
                continue
            seen.add(f.rule_id)
            lines.append(f"- **{f.rule_id}** {_cell(f.title)}: {_cell(f.remediation)}")
    lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
