"""Screening a stream of records on one core or several, in input order, and the run's running
totals (so a run that writes document by document keeps no reports in memory).

``--jobs N`` starts N worker processes (spawned, not forked: durable_rules keeps C state that a
forked child must not share). Each loads the checked library from the on-disk library cache
once and keeps its own engine (durable_rules is not thread-safe); records go to the workers in
chunks and their reports come back in input order, identical to a run with ``--jobs 1``.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.cli.baseline import Baseline
from clearance.cli.fingerprints import finding_fingerprint
from clearance.cli.inputs import Record
from clearance.engine.library_cache import load_library_cached
from clearance.engine.model import SEVERITY_RANK
from clearance.engine.report import DECISIONS, Finding, Report, error_report
from clearance.engine.screening import Screener

CHUNK = 32
"""Records sent to a worker at a time: large enough to amortise the pickling round trip."""

_worker: Screener | None = None


@dataclass(frozen=True)
class ScreenOptions:
    """What every record is screened with."""

    kind: str | None
    markets: list[str] | None
    on: dt.date | None


def screen_record(screener: Screener, record: Record, options: ScreenOptions) -> Report:
    """The report of one record (an error report when it could not be read)."""
    source = {"file": record.file, "line": record.line, "index": record.index}
    if record.error is not None:
        report = error_report([record.error], record.data, options.kind)
    else:
        report = screener.screen(
            record.data, kind=options.kind, markets=options.markets, as_of=options.on
        )
    report.source = source
    return report


def _init(rules: str, cache: bool) -> None:
    global _worker
    _worker = Screener(load_library_cached(Path(rules), cache=cache))


def _work(job: tuple[Record, ScreenOptions]) -> Report:
    assert _worker is not None, "the worker was not initialised"
    return screen_record(_worker, *job)


def screen_records(
    records: Iterable[Record],
    screener: Screener,
    options: ScreenOptions,
    jobs: int = 1,
    cache: bool = True,
) -> Iterator[Report]:
    """Reports of ``records`` in their order: in this process (``jobs`` 1), else on ``jobs``
    worker processes that each load the library ``screener`` was built from."""
    if jobs <= 1:
        for record in records:
            yield screen_record(screener, record, options)
        return
    context = multiprocessing.get_context("spawn")
    rules = str(screener.library.root)
    with context.Pool(jobs, initializer=_init, initargs=(rules, cache)) as pool:
        yield from pool.imap(_work, ((r, options) for r in records), chunksize=CHUNK)


@dataclass
class RunTally:
    """A run's running totals: documents by decision, waived findings, the worst severity that
    counts for the exit code (findings in the baseline do not), findings in and not in the
    baseline, whether any document could not be screened."""

    fail_on: str
    known: Baseline | None = None
    """The run's baseline: findings in it do not count for the exit code."""
    documents: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    waived: int = 0
    worst: int = 0
    errors: int = 0
    in_baseline: int = 0
    new: int = 0

    def add(self, report: Report) -> None:
        """Count one report (its findings in the baseline do not count for the exit code)."""
        counted = counted_findings(report, self.known)
        self.in_baseline += len(report.findings) - len(counted)
        self.new += len(counted)
        self.add_counts(*report_counts(report, counted))

    def add_counts(self, decision: str, waived: int, errors: bool, worst: int) -> None:
        """Count one report from what the run needs of it (as :func:`report_counts` gives it
        when there is no baseline): the batch runners count reports that stay on the cluster."""
        self.documents += 1
        self.decisions[decision] += 1
        self.waived += waived
        if errors:
            self.errors += 1
        self.worst = max(self.worst, worst)

    def summary(self) -> dict[str, Any]:
        """The counts as engine.report.summary gives them for a list of reports."""
        out: dict[str, Any] = {
            "documents": self.documents,
            "decisions": {d: self.decisions[d] for d in DECISIONS if self.decisions[d]},
        }
        if self.waived:
            out["waived"] = self.waived
        return out

    def exit_code(self, unreadable: int) -> int:
        """2 when a file or document could not be read, 1 at or above --fail-on, else 0."""
        if unreadable or self.errors:
            return 2
        if self.fail_on == "none":
            return 0
        return 1 if self.worst >= SEVERITY_RANK[self.fail_on] else 0


def counted_findings(report: Report, known: Baseline | None) -> list[Finding]:
    """The findings of ``report`` that count for the exit code: those not in the baseline."""
    if known is None:
        return report.findings
    return [f for f in report.findings if finding_fingerprint(report, f) not in known]


def report_counts(
    report: Report, findings: list[Finding] | None = None
) -> tuple[str, int, bool, int]:
    """What :meth:`RunTally.add_counts` needs of a report: its decision, waived findings,
    whether it has errors, and the worst severity rank of its ``findings`` (default: all; the
    run's tally leaves out those in the baseline) and of the rules that could not be evaluated
    (these count with their severity, as in the decision)."""
    ranks = [SEVERITY_RANK[f.severity] for f in (report.findings if findings is None else findings)]
    ranks += [SEVERITY_RANK[n.severity] for n in report.not_evaluated]
    return report.decision, len(report.waived), bool(report.errors), max(ranks, default=0)
