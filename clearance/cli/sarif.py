"""SARIF 2.1.0 output of `clearance check`, for code scanning (GitHub, GitLab, Azure DevOps).

One ``reportingDescriptor`` per rule that a result refers to (id, title, description, the
remediation as help, the first legal reference as help URI, the rule's severity as default
level); one result per finding group (a rule saying the same thing in several markets is one
result listing them), located at the document's file and line (or row) and, logically, at the
document's id and the JSON path of each field of the evidence. A rule that could not be
evaluated is a result of kind ``open`` (never a pass). Documents that could not be read or
validated are tool execution notifications, so the run is marked as not successful. The log is
indented, with each result and each notification on one line of its own.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from clearance import __version__
from clearance.cli.baseline import Baseline
from clearance.cli.fingerprints import finding_fingerprint
from clearance.cli.spool import JsonArray, indented_json
from clearance.engine.errors import InputError
from clearance.engine.model import Rule
from clearance.engine.report import Finding, Report, group_findings

if TYPE_CHECKING:
    from clearance.cli.parallel import RunTally

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"block": "error", "review": "warning", "warn": "warning", "info": "note"}
"""Clearance severities as SARIF levels (SARIF has no level between warning and error)."""


def _uri(file: str) -> tuple[str, str | None]:
    """The artifact URI of an input file: relative to the working directory (uriBaseId
    SRCROOT) when it is inside it, else an absolute file URI."""
    return _uri_from(os.getcwd(), file)


@functools.lru_cache(maxsize=4096)
def _uri_from(cwd: str, file: str) -> tuple[str, str | None]:
    """:func:`_uri` for one working directory (resolved once per file, not per result)."""
    path = Path(cwd, file)
    try:
        rel = path.resolve().relative_to(Path(cwd).resolve())
    except ValueError:
        return path.resolve().as_uri(), None
    return rel.as_posix(), "SRCROOT"


def _physical(file: str, line: int | None) -> dict[str, Any]:
    """A SARIF physical location: the file, and its line when known."""
    uri, base = _uri(file)
    artifact: dict[str, Any] = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if line:
        physical["region"] = {"startLine": int(line)}
    return physical


def _location(report: Report, fields: list[str]) -> dict[str, Any]:
    src = report.source or {}
    physical = _physical(str(src["file"]), src.get("line")) if src.get("file") else {}
    doc = report.id or f"[{src.get('index', 0)}]"
    logical = [
        {"fullyQualifiedName": f"{doc}/{field}" if field else doc, "kind": "member"}
        for field in (fields or [""])
    ]
    location: dict[str, Any] = {"logicalLocations": logical}
    if physical:
        location["physicalLocation"] = physical
    return location


def _descriptor(rule_id: str, rule: Rule | None, remediation: str | None) -> dict[str, Any]:
    """The rule's descriptor; ``remediation`` is the first finding's (rendered, where the pack's
    text has placeholders such as {market})."""
    if rule is None:  # a rule id in a report that the loaded library does not have
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description or rule.title},
        "help": {"text": remediation or rule.title},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": [rule.pack_id, *rule.markets],
            "clearance-severity": rule.severity,
            "implements": list(rule.implements),
        },
    }
    if rule.references:
        descriptor["helpUri"] = rule.references[0].url
        lines = [f"- [{ref.title}]({ref.url})" for ref in rule.references]
        descriptor["help"]["markdown"] = descriptor["help"]["text"] + "\n\n" + "\n".join(lines)
    return descriptor


def _result(report: Report, f: Finding, index: int, markets: list[str]) -> dict[str, Any]:
    """The result of one finding (or finding group, shown for ``markets``)."""
    fields = sorted({str(ev["field"]) for ev in f.evidence if ev.get("field")})
    return {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "kind": "fail",
        "level": LEVELS[f.severity],
        "message": {"text": f"{f.message} Fix: {f.remediation}"},
        "locations": [_location(report, fields)],
        "partialFingerprints": {"clearanceFinding/v1": finding_fingerprint(report, f)},
        "properties": {
            "severity": f.severity,
            "markets": markets,
            "document": report.id,
            "kind": report.kind,
            "decision": report.decision,
            "evidence": f.evidence,
        },
    }


def _unreadable(exc: InputError) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": "error", "message": {"text": exc.message}}
    if exc.source:
        notification["locations"] = [{"physicalLocation": _physical(exc.source, exc.line)}]
    return notification


class SarifWriter:
    """The SARIF log of one `clearance check` run, written as reports come (results and
    notifications are spooled, rule descriptors kept: one per rule that appears). Files that
    could not be read and documents that could not be validated are notifications, and make
    the run not successful. With a baseline, each result's ``baselineState`` says whether it is
    new or unchanged."""

    def __init__(self, rules: dict[str, Rule], baseline: Baseline | None = None) -> None:
        self.rules = rules
        self.baseline = baseline
        self.indexes: dict[str, int] = {}
        self.descriptors: list[dict[str, Any]] = []
        # the log's items sit at depth 5: log > runs > run > invocations > invocation > list;
        # each result and notification is written on one line (a log is read by tools)
        self.notifications = JsonArray(5, compact=True)
        self.results = JsonArray(3, compact=True)

    def _rule_index(self, rule_id: str, remediation: str | None = None) -> int:
        if rule_id not in self.indexes:
            self.indexes[rule_id] = len(self.descriptors)
            self.descriptors.append(_descriptor(rule_id, self.rules.get(rule_id), remediation))
        return self.indexes[rule_id]

    def add(self, report: Report) -> None:
        """Add one report's notifications and results."""
        for err in report.errors:
            field = err.get("field")
            self.notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{field + ': ' if field else ''}{err.get('message')}"},
                    "locations": [_location(report, [field] if field else [])],
                }
            )
        for group in group_findings(report.findings):
            f = report.findings[group.indexes[0]]
            index = self._rule_index(f.rule_id, f.remediation)
            result = _result(report, f, index, list(group.markets))
            if self.baseline is not None:
                known = result["partialFingerprints"]["clearanceFinding/v1"] in self.baseline
                result["baselineState"] = "unchanged" if known else "new"
            self.results.append(result)
        for f, waiver in report.waived:
            result = _result(report, f, self._rule_index(f.rule_id, f.remediation), [f.market])
            result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": waiver["reason"],
                    "properties": waiver,
                }
            ]
            self.results.append(result)
        for n in report.not_evaluated:
            self.results.append(
                {
                    "ruleId": n.rule_id,
                    "ruleIndex": self._rule_index(n.rule_id),
                    "kind": "open",
                    "level": LEVELS[n.severity],
                    "message": {"text": f"Not evaluated for {n.market}: {n.reason}"},
                    "locations": [_location(report, [])],
                    "properties": {"severity": n.severity, "markets": [n.market]},
                }
            )

    def finish(self, out: IO[bytes], unreadable: list[InputError], tally: RunTally) -> None:
        """Write the log (the files that could not be read are the first notifications)."""
        del tally  # the log counts nothing
        first = [_unreadable(exc) for exc in unreadable]
        successful = not first and not self.notifications.count
        tool = {"driver": {"name": "Clearance", "version": __version__, "rules": self.descriptors}}
        bases = {"SRCROOT": {"uri": Path.cwd().resolve().as_uri() + "/"}}
        head = (
            f'{{\n  "$schema": {json.dumps(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n'
            f'    {{\n      "tool": {indented_json(tool, 3)},\n'
            f'      "originalUriBaseIds": {indented_json(bases, 3)},\n'
            f'      "invocations": [\n        {{\n'
            f'          "executionSuccessful": {json.dumps(successful)},\n'
            f'          "toolExecutionNotifications": '
        )
        out.write(head.encode("utf-8"))
        self.notifications.write_to(out, first)
        out.write(b'\n        }\n      ],\n      "results": ')
        self.results.write_to(out)
        out.write(b"\n    }\n  ]\n}\n")
