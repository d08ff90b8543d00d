"""The outputs of `clearance check`: the formats, and the writers of the whole run in one of
them (the formats written when the run ends, and any format written to a file with --output).
Each writer takes the reports as they come and keeps nothing per document in memory: what it
will write is spooled to an anonymous temporary file (clearance.cli.spool)."""

from __future__ import annotations

import io
import json
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

import typer

from clearance.cli.baseline import Baseline
from clearance.cli.junit import JunitWriter
from clearance.cli.markdown import MarkdownWriter
from clearance.cli.output import github_annotations, summary, text_report
from clearance.cli.sarif import SarifWriter
from clearance.cli.spool import JsonArray, Spool, indented_json
from clearance.engine.errors import InputError
from clearance.engine.report import Report

if TYPE_CHECKING:
    from clearance.cli.parallel import RunTally
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


class RunWriter(Protocol):
    """One output of a run: given each report as it comes, written when the run ends."""

    def add(self, report: Report) -> None:
        """Take one report."""

    def finish(self, out: IO[bytes], unreadable: list[InputError], tally: RunTally) -> None:
        """Write the output to ``out``, given the files that could not be read and the run's
        totals."""


class JsonWriter:
    """``{"summary": ..., "reports": [...]}`` with the reports spooled as they come."""

    def __init__(self, known: Baseline | None) -> None:
        self.known = known
        self.reports = JsonArray(1)

    def add(self, report: Report) -> None:
        """Add one report."""
        self.reports.append(report.to_dict())

    def finish(self, out: IO[bytes], unreadable: list[InputError], tally: RunTally) -> None:
        """Write the summary (counted by ``tally``), then the reports."""
        summary_data = tally.summary()
        summary_data["unreadable"] = [e.to_dict() for e in unreadable]
        if self.known is not None:
            counts = {"known": tally.in_baseline, "new": tally.new}
            summary_data["baseline"] = {"file": self.known.source, **counts}
        out.write(f'{{\n  "summary": {indented_json(summary_data, 1)},\n  "reports": '.encode())
        self.reports.write_to(out)
        out.write(b"\n}\n")


class LineWriter:
    """The formats written document by document (jsonl, github, text), spooled for a file: the
    text format ends with the run's summary line (and the baseline's)."""

    def __init__(self, fmt: OutFormat, known: Baseline | None) -> None:
        self.fmt = fmt
        self.known = known
        self.spool = Spool()

    def add(self, report: Report) -> None:
        """Add one report's lines."""
        if self.fmt is OutFormat.jsonl:
            self.spool.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt is OutFormat.github:
            buffer = io.StringIO()
            github_annotations(report, buffer)
            self.spool.write(buffer.getvalue())
        else:
            self.spool.write("".join(line + "\n" for line, _style in text_report(report)))

    def finish(self, out: IO[bytes], unreadable: list[InputError], tally: RunTally) -> None:
        """Write the lines (and the text format's summary)."""
        del unreadable  # named on standard error
        self.spool.copy_to(out)
        self.spool.close()
        if self.fmt is OutFormat.text:
            tail = summary(tally.summary()) + "\n"
            if self.known is not None:
                tail += baseline_line(self.known.source, tally.in_baseline, tally.new) + "\n"
            out.write(tail.encode("utf-8"))


def run_writer(
    fmt: OutFormat, screener: Screener, fail_on: str, known: Baseline | None = None
) -> RunWriter:
    """The writer of the whole run in ``fmt``."""
    if fmt is OutFormat.json:
        return JsonWriter(known)
    if fmt is OutFormat.sarif:
        return SarifWriter(screener.library.rules, known)
    if fmt is OutFormat.junit:
        return JunitWriter(fail_on, known)
    if fmt is OutFormat.markdown:
        return MarkdownWriter()
    return LineWriter(fmt, known)
