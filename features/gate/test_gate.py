"""Step definitions for the CI-gate specifications in features/gate/ (waivers, baselines,
per-rule configuration).

Each scenario runs `clearance check` as a CI job would, in a fresh folder, and reads the
findings from the SARIF it writes beside the text output: a suppressed result is ``waived``, a
result with a baseline state is ``baseline`` (unchanged) or ``new``, any other is ``open``.
Dates are written relative to the day the test runs (``<in 30 days>``, ``<1 day ago>``), since
waiver expiry is checked against the real date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when
from typer.testing import CliRunner

from clearance.cli.main import app

scenarios("gate")

MANUFACTURER = {
    "name": "Acme GmbH",
    "address": "Hauptstr. 1, 10115 Berlin",
    "email": "safety@acme.example",
    "country": "DE",
}
RELATIVE = re.compile(r"<(?:in (\d+) days?|(\d+) days? ago)>")


def _dates(text: str) -> str:
    """Replace ``<in N days>`` and ``<N days ago>`` with ISO dates relative to today."""

    def day(m: re.Match[str]) -> str:
        delta = int(m.group(1)) if m.group(1) else -int(m.group(2))
        return (dt.date.today() + dt.timedelta(days=delta)).isoformat()

    return RELATIVE.sub(day, text)


@pytest.fixture
def gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(tmp_path)
    return {"dir": tmp_path}


def _listings(rows: list[list[str]]) -> str:
    header, *body = rows
    lines = []
    for values in body:
        row = dict(zip(header, values, strict=True))
        doc = {
            "kind": "listing",
            "id": row["id"],
            "markets": [row["market"]],
            "title": row["title"],
            "model": "M-1",
            "batch": "B-1",
            "images": ["https://img.example/1.jpg"],
            "manufacturer": MANUFACTURER,
            "notices": {
                "legal_guarantee": True
            },  # the EU legal-guarantee notice (from 27 Sep 2026)
        }
        lines.append(json.dumps(doc, ensure_ascii=False) + "\n")
    return "".join(lines)


@given(parsers.parse('a catalogue file "{name}" with:'))
def catalogue(gate: dict[str, Any], name: str, datatable: list[list[str]]) -> None:
    (gate["dir"] / name).write_text(_listings(datatable), encoding="utf-8")
    gate["catalogue"] = name


@given(parsers.parse('the catalogue file "{name}" also has:'))
def catalogue_more(gate: dict[str, Any], name: str, datatable: list[list[str]]) -> None:
    with (gate["dir"] / name).open("a", encoding="utf-8") as handle:
        handle.write(_listings(datatable))


@given(parsers.parse('a waiver file "{name}":'))
@given(parsers.parse('a rule configuration "{name}":'))
def config_file(gate: dict[str, Any], name: str, docstring: str) -> None:
    (gate["dir"] / name).write_text(_dates(docstring) + "\n", encoding="utf-8")


def _run(gate: dict[str, Any], args: str) -> None:
    sarif = gate["dir"] / "run.sarif"
    sarif.unlink(missing_ok=True)
    argv = ["check", gate["catalogue"], *shlex.split(args), "--output", f"sarif={sarif.name}"]
    result = CliRunner().invoke(app, argv)
    gate["code"] = result.exit_code
    gate["output"] = result.output
    gate["sarif"] = json.loads(sarif.read_text("utf-8")) if sarif.exists() else None


@given(parsers.parse('the catalogue was checked with "{args}"'))
def checked_before(gate: dict[str, Any], args: str) -> None:
    _run(gate, args)


@when(parsers.parse('the catalogue is checked with "{args}"'))
def checked(gate: dict[str, Any], args: str) -> None:
    _run(gate, args)


def _status(result: dict[str, Any]) -> str:
    if result.get("suppressions"):
        return "waived"
    state = result.get("baselineState")
    if state is not None:
        return "baseline" if state == "unchanged" else str(state)
    return "open"


def _findings(gate: dict[str, Any]) -> list[list[str]]:
    if gate["sarif"] is None:
        return []
    rows = [
        [r["properties"]["document"], r["ruleId"], r["properties"]["severity"], _status(r)]
        for r in gate["sarif"]["runs"][0]["results"]
        if r["kind"] == "fail"
    ]
    return sorted(rows)


@then(parsers.parse("the exit code is {code:d}"))
def exit_code(gate: dict[str, Any], code: int) -> None:
    assert gate["code"] == code, gate["output"]


@then("the findings are exactly:")
def findings_exactly(gate: dict[str, Any], datatable: list[list[str]]) -> None:
    header, *rows = datatable
    assert header == ["document", "rule", "severity", "status"]
    assert _findings(gate) == sorted(rows), gate["output"]


@then("there are no findings")
def no_findings(gate: dict[str, Any]) -> None:
    assert _findings(gate) == [], gate["output"]


@then(parsers.parse('the output says "{text}"'))
def output_says(gate: dict[str, Any], text: str) -> None:
    assert _dates(text) in gate["output"], gate["output"]
