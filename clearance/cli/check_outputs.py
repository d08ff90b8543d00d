"""The outputs of `clearance check`: the formats, and the whole run rendered in one of them
(the formats written when the run ends, and any format written to a file with --output)."""

from __future__ import annotations

import io
import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from clearance.cli.baseline import Baseline, baseline_counts
from clearance.cli.junit import junit_xml
from clearance.cli.markdown import markdown_report
from clearance.cli.output import github_annotations, json_dump, summary, text_report
from clearance.cli.sarif import sarif_log
from clearance.engine.errors import InputError
from clearance.engine.report import Report
from clearance.engine.report import summary as summarize

if TYPE_CHECKING:
    from clearance.engine.screening import Screener


class OutFormat(StrEnum):
    """Output formats of `clearance check`."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"


WHOLE_RUN = (OutFormat.json, OutFormat.sarif, OutFormat.junit, OutFormat.markdown)
"""Formats written once the run ends (the others are written document by document)."""


def output_spec(spec: str) -> tuple[OutFormat, Path]:
    """Parse one --output FORMAT=PATH."""
    name, sep, path = spec.partition("=")
    if not sep or not path.strip():
        raise typer.BadParameter(f"{spec!r}: use FORMAT=PATH", param_hint="--output")
    try:
        return OutFormat(name.strip()), Path(path.strip())
    except ValueError:
        names = ", ".join(f.value for f in OutFormat)
        raise typer.BadParameter(
            f"unknown format {name!r}; use one of {names}", param_hint="--output"
        ) from None


def baseline_line(source: str, in_baseline: int, new: int) -> str:
    """The text line that counts a run's findings against its baseline."""
    return f"baseline {source}: {in_baseline} finding(s) in the baseline (not failing), {new} new"


def render_run(
    fmt: OutFormat,
    reports: list[Report],
    unreadable: list[InputError],
    screener: Screener,
    fail_on: str,
    known: Baseline | None = None,
) -> str:
    """The whole run in one format, as text."""
    if fmt is OutFormat.json:
        summary_data = summarize(reports, unreadable)
        if known is not None:
            summary_data["baseline"] = {"file": known.source, **baseline_counts(reports, known)}
        data = {"summary": summary_data, "reports": [r.to_dict() for r in reports]}
        return json_dump(data) + "\n"
    if fmt is OutFormat.sarif:
        return json_dump(sarif_log(reports, unreadable, screener.library.rules, known)) + "\n"
    if fmt is OutFormat.junit:
        return junit_xml(reports, unreadable, fail_on, known).decode("utf-8")
    if fmt is OutFormat.markdown:
        return markdown_report(reports)
    if fmt is OutFormat.jsonl:
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in reports)
    buffer = io.StringIO()
    if fmt is OutFormat.github:
        for report in reports:
            github_annotations(report, buffer)
        return buffer.getvalue()
    for report in reports:
        for line, _style in text_report(report):
            buffer.write(line + "\n")
    buffer.write(summary(reports) + "\n")
    if known is not None:
        counts = baseline_counts(reports, known)
        buffer.write(baseline_line(known.source, counts["known"], counts["new"]) + "\n")
    return buffer.getvalue()
