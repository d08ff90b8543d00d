"""JUnit XML output of `clearance check`, for CI test reporters (GitLab, Jenkins, Azure,
GitHub test-report actions).

One test suite per input file, one test case per document (named by kind and id). A finding at
or above ``--fail-on`` is a ``<failure>`` (one per finding group), and so is a rule that could
not be evaluated at or above it; a document that could not be read or validated is an
``<error>``. Findings below the threshold are listed in the case's ``<system-out>``, so nothing
is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from clearance.cli.baseline import Baseline
from clearance.cli.fingerprints import finding_fingerprint
from clearance.cli.spool import Spool
from clearance.engine.errors import InputError
from clearance.engine.model import SEVERITY_RANK
from clearance.engine.report import Report, group_findings

if TYPE_CHECKING:
    from lxml import etree

    from clearance.cli.parallel import RunTally


def _fails(severity: str, fail_on: str) -> bool:
    return fail_on != "none" and SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on]


def _case(
    report: Report, suite_name: str, fail_on: str, baseline: Baseline | None
) -> tuple[etree._Element, int, int]:
    from lxml import etree

    name = f"{report.kind} {report.id or '?'}"
    src = report.source or {}
    if src.get("line"):
        name += f" (line {src['line']})"
    elif src:
        name += f" [{src.get('index', 0)}]"
    case = etree.Element("testcase", classname=suite_name, name=name)
    failures = errors = 0
    below: list[str] = []
    for err in report.errors:
        field = err.get("field")
        message = f"{field + ': ' if field else ''}{err.get('message')}"
        node = etree.SubElement(case, "error", message=message, type="document-error")
        node.text = message
        errors += 1
    for group in group_findings(report.findings):
        f = report.findings[group.indexes[0]]
        markets = ", ".join(group.markets)
        line = f"{f.severity} {f.rule_id} [{markets}] {f.message}"
        if baseline is not None and finding_fingerprint(report, f) in baseline:
            below.append(f"(in the baseline) {line}")
            continue
        if not _fails(f.severity, fail_on):
            below.append(line)
            continue
        node = etree.SubElement(case, "failure", message=f"{f.rule_id}: {f.title}", type=f.severity)
        refs = "\n".join(f"law: {r['title']} <{r['url']}>" for r in f.references)
        node.text = f"{line}\nfix: {f.remediation}\n{refs}".rstrip()
        failures += 1
    for n in report.not_evaluated:
        line = f"{n.severity} {n.rule_id} [{n.market}] not evaluated: {n.reason}"
        if not _fails(n.severity, fail_on):
            below.append(line)
            continue
        node = etree.SubElement(
            case, "failure", message=f"{n.rule_id}: not evaluated", type=n.severity
        )
        node.text = line
        failures += 1
    for f, waiver in report.waived:
        below.append(
            f"(waived by {waiver['owner']} until {waiver['expires']}) "
            f"{f.severity} {f.rule_id} [{f.market}] {f.message}"
        )
    if below:
        etree.SubElement(case, "system-out").text = "\n".join(below)
    return case, failures, errors


@dataclass
class _Suite:
    """One test suite: its counts (tests, failures, errors), the byte ranges of its cases in
    the spool, and the cases of its files that could not be read."""

    counts: list[int] = field(default_factory=lambda: [0, 0, 0])
    ranges: list[tuple[int, int]] = field(default_factory=list)
    unreadable: list[InputError] = field(default_factory=list)


def _open_tag(tag: str, **attributes: str) -> bytes:
    """``<tag a="...">`` with lxml's escaping of the attribute values."""
    from lxml import etree

    empty: bytes = etree.tostring(etree.Element(tag, **attributes))
    return empty[:-2] + b">"  # an empty element ends with "/>"


def _serialised(case: etree._Element, level: int) -> bytes:
    """One element as it appears at ``level`` in a pretty-printed document."""
    from lxml import etree

    etree.indent(case, space="  ", level=level)
    data: bytes = etree.tostring(case, encoding="UTF-8")
    return b"  " * level + data + b"\n"


class JunitWriter:
    """The JUnit XML document of one run (UTF-8, with an XML declaration), written as reports
    come: test cases are spooled, counts kept per suite. A file that could not be read is a
    test case with an error, first in its suite; a finding in the baseline is not a failure and
    is listed in ``<system-out>``."""

    def __init__(self, fail_on: str, baseline: Baseline | None = None) -> None:
        self.fail_on = fail_on
        self.baseline = baseline
        self.suites: dict[str, _Suite] = {}
        self.spool = Spool()

    def add(self, report: Report) -> None:
        """Add one report's test case to its file's suite."""
        file = str((report.source or {}).get("file") or "documents")
        suite = self.suites.setdefault(file, _Suite())
        case, failures, errors = _case(report, file, self.fail_on, self.baseline)
        start = self.spool.tell()
        self.spool.write(_serialised(case, 2))
        if suite.ranges and suite.ranges[-1][1] == start:  # the file's reports come together
            suite.ranges[-1] = (suite.ranges[-1][0], self.spool.tell())
        else:
            suite.ranges.append((start, self.spool.tell()))
        c = suite.counts
        c[0], c[1], c[2] = c[0] + 1, c[1] + failures, c[2] + errors

    def finish(self, out: IO[bytes], unreadable: list[InputError], tally: RunTally) -> None:
        """Write the document: the suites of unreadable files first, then the others in the
        order their first report came."""
        from lxml import etree

        del tally  # JUnit counts test cases, not decisions
        order: dict[str, _Suite] = {}
        for exc in unreadable:
            key = exc.source or "<input>"
            suite = order.setdefault(key, self.suites.get(key) or _Suite())
            suite.unreadable.append(exc)
            c = suite.counts
            c[0], c[2] = c[0] + 1, c[2] + 1
        for name, suite in self.suites.items():
            order.setdefault(name, suite)
        totals = [sum(s.counts[i] for s in order.values()) for i in range(3)]
        out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
        names = ("tests", "failures", "errors")
        out.write(
            _open_tag(
                "testsuites", name="clearance", **dict(zip(names, map(str, totals), strict=True))
            )
            + b"\n"
        )
        for name, suite in order.items():
            counts = dict(zip(names, map(str, suite.counts), strict=True))
            out.write(b"  " + _open_tag("testsuite", name=name, **counts) + b"\n")
            for exc in suite.unreadable:
                case = etree.Element("testcase", classname=name, name="read file")
                etree.SubElement(case, "error", message=str(exc), type="input-error").text = str(
                    exc
                )
                out.write(_serialised(case, 2))
            for start, end in suite.ranges:
                self.spool.copy_to(out, start, end)
            out.write(b"  </testsuite>\n")
        out.write(b"</testsuites>\n")
        self.spool.close()
