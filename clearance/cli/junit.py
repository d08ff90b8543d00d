"""JUnit XML output of `clearance check`, for CI test reporters (GitLab, Jenkins, Azure,
GitHub test-report actions).

One test suite per input file, one test case per document (named by kind and id). A finding at
or above ``--fail-on`` is a ``<failure>`` (one per finding group), and so is a rule that could
not be evaluated at or above it; a document that could not be read or validated is an
``<error>``. Findings below the threshold are listed in the case's ``<system-out>``, so nothing
is hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clearance.cli.baseline import Baseline
from clearance.cli.fingerprints import finding_fingerprint
from clearance.engine.errors import InputError
from clearance.engine.model import SEVERITY_RANK
from clearance.engine.report import Report, group_findings

if TYPE_CHECKING:
    from lxml import etree


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


def junit_xml(
    reports: list[Report],
    unreadable: list[InputError],
    fail_on: str,
    baseline: Baseline | None = None,
) -> bytes:
    """The JUnit XML document of one run (UTF-8, with an XML declaration); a file that could
    not be read is a test case with an error in its own suite; a finding in the baseline is not
    a failure and is listed in ``<system-out>``."""
    from lxml import etree  # imported when JUnit is written, not with the command line

    root = etree.Element("testsuites", name="clearance")
    suites: dict[str, etree._Element] = {}
    counts: dict[str, list[int]] = {}
    for exc in unreadable:
        file = exc.source or "<input>"
        if file not in suites:
            suites[file] = etree.SubElement(root, "testsuite", name=file)
            counts[file] = [0, 0, 0]
        case = etree.SubElement(suites[file], "testcase", classname=file, name="read file")
        etree.SubElement(case, "error", message=str(exc), type="input-error").text = str(exc)
        c = counts[file]
        c[0], c[2] = c[0] + 1, c[2] + 1
    for report in reports:
        file = str((report.source or {}).get("file") or "documents")
        if file not in suites:
            suites[file] = etree.SubElement(root, "testsuite", name=file)
            counts[file] = [0, 0, 0]
        case, failures, errors = _case(report, file, fail_on, baseline)
        suites[file].append(case)
        c = counts[file]
        c[0], c[1], c[2] = c[0] + 1, c[1] + failures, c[2] + errors
    totals = [0, 0, 0]
    for file, suite in suites.items():
        tests, failures, errors = counts[file]
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        totals = [totals[0] + tests, totals[1] + failures, totals[2] + errors]
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
