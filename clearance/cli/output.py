"""Render decision reports and pack errors for people (text), machines (json) and CI (github)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from clearance.engine.report import Report, group_findings
from clearance.engine.report import summary as summarize

COLOURS = {
    "block": "red",
    "review": "yellow",
    "warn": "magenta",
    "info": "cyan",
    "pass": "green",
    "error": "red",
}


def _evidence_text(ev: dict[str, Any]) -> str:
    party = ev.get("party_match")
    if isinstance(party, dict):
        programmes = ", ".join(party.get("programmes") or []) or "no programme given"
        return (
            f'{ev["field"]} "{ev.get("text")}" matches {party.get("key")} ({programmes}) '
            f"{party.get('matched_name')!r}, score {party.get('score')}: {party.get('reason')}"
        )
    if "start" in ev:
        return f'{ev["field"]}[{ev["start"]}:{ev["end"]}] "{ev["text"]}"'
    value = ev.get("value")
    parts = [f"{ev['field']} (missing)" if value is None else f"{ev['field']} = {value!r}"]
    for key in ("length", "digits", "count", "converted", "compared_with"):
        if ev.get(key) is not None:
            parts.append(f"{key} {ev[key]}")
    return ", ".join(parts)


def where(report: Report) -> str:
    """Where the document came from: file:line or file[index]."""
    src = report.source or {}
    if not src:
        return ""
    if src.get("line") is not None:
        return f"{src['file']}:{src['line']}"
    return f"{src['file']}[{src.get('index', 0)}]"


def text_report(report: Report) -> list[tuple[str, str | None]]:
    """Lines (text, rich style) describing one report in plain language."""
    lines: list[tuple[str, str | None]] = []
    head = f"{where(report)}  " if report.source else ""
    markets = ", ".join(report.markets) or "-"
    lines.append(
        (
            f"{head}{report.kind} {report.id or '?'}: {report.decision.upper()}"
            f"  (as of {report.as_of or '-'}, markets {markets})",
            f"bold {COLOURS[report.decision]}",
        )
    )
    for err in report.errors:
        field = err.get("field")
        lines.append((f"  error: {field + ': ' if field else ''}{err.get('message')}", "red"))
        for detail in err.get("details", [])[1:]:
            lines.append((f"         {detail['field']}: {detail['message']}", "red"))
    for group in group_findings(report.findings):  # one entry for the markets it is the same in
        f = report.findings[group.indexes[0]]
        in_markets = ", ".join(group.markets)
        lines.append(
            (f"  {f.severity:<6} {f.rule_id} [{in_markets}] {f.title}", COLOURS[f.severity])
        )
        lines.append((f"         {f.message}", None))
        for ev in f.evidence[:5]:
            lines.append((f"         evidence: {_evidence_text(ev)}", "dim"))
        lines.append((f"         fix: {f.remediation}", None))
        for ref in f.references:
            lines.append((f"         law: {ref['title']} <{ref['url']}>", "dim"))
    shown = set()
    not_evaluated: dict[tuple[str, str, str], list[str]] = {}
    for n in report.not_evaluated:
        not_evaluated.setdefault((n.rule_id, n.severity, n.reason), []).append(n.market)
        shown.add(f"{n.rule_id} not evaluated for {n.market} as of {report.as_of}: {n.reason}")
    for (rule_id, severity, reason), missed in not_evaluated.items():
        in_markets = ", ".join(missed)
        line = f"  {severity:<6} {rule_id} [{in_markets}] not evaluated"
        lines.append((line, COLOURS.get(severity)))
        lines.append((f"         why: {reason}", None))
    for hit in report.cleared_hits:
        match, cleared = hit["match"], hit["cleared"]
        lines.append(
            (
                f"  cleared {hit['field']} {hit['name']!r} ~ {match['key']} {match['name']!r} "
                f"(score {match['score']:g}) by {cleared['by']} on {cleared['date']} until "
                f"{cleared['until']}: {cleared['reason']}",
                "dim",
            )
        )
    for o in report.overrides:
        lines.append(
            (
                f"  config {o['rule_id']} [{o['market']}] {o['from']} -> {o['to']}: {o['reason']}",
                "dim",
            )
        )
    for f, waiver in report.waived:
        lines.append((f"  waived {f.rule_id} [{f.market}] {f.title}", "dim"))
        lines.append(
            (
                f"         waiver {waiver['id']} by {waiver['owner']} until {waiver['expires']}: "
                f"{waiver['reason']}",
                "dim",
            )
        )
    for w in report.warnings:
        if w not in shown:
            lines.append((f"  warning: {w}", "yellow"))
    return lines


def summary(reports: list[Report] | dict[str, Any]) -> str:
    """One line counting decisions: of ``reports``, or of counts shaped as
    :func:`clearance.engine.report.summary` gives them."""
    counts = reports if isinstance(reports, dict) else summarize(reports)
    parts = [f"{n} {d}" for d, n in counts["decisions"].items()]
    line = f"{counts['documents']} document(s): " + (", ".join(parts) if parts else "none")
    if counts.get("waived"):
        line += f"; {counts['waived']} finding(s) waived"
    return line


def github_annotations(report: Report, out: TextIO) -> None:
    """GitHub Actions workflow commands annotating the offending rows."""
    src = report.source or {}
    loc = f"file={src.get('file', '')}"
    if src.get("line"):
        loc += f",line={src['line']}"
    for err in report.errors:
        out.write(
            f"::error {loc}::{report.id or '?'}: {err.get('field', '')} {err.get('message')}\n"
        )
    level = {"block": "error", "review": "warning", "warn": "warning", "info": "notice"}
    for group in group_findings(report.findings):
        f = report.findings[group.indexes[0]]
        msg = f"{f.rule_id} [{', '.join(group.markets)}] {f.message}".replace("\n", " ")
        out.write(f"::{level[f.severity]} {loc},title={report.id}::{msg}\n")
    for n in report.not_evaluated:
        msg = f"{n.rule_id} [{n.market}] not evaluated: {n.reason}".replace("\n", " ")
        out.write(f"::{level[n.severity]} {loc},title={report.id}::{msg}\n")
    for f, waiver in report.waived:
        msg = f"{f.rule_id} [{f.market}] waived by {waiver['owner']} until {waiver['expires']}"
        out.write(f"::notice {loc},title={report.id}::{msg}\n")


def json_dump(data: Any) -> str:
    """Stable, readable JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
