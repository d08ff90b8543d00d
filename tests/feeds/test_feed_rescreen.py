"""After a list update the parties of recent decisions are screened again: `clearance feeds
update` prints the new hits, and `clearance feeds rescreen [--since DAYS]` does it on demand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from clearance.api.decision_log import DecisionRecord, SQLiteStore, utc_now
from clearance.cli.feeds_cli import register


def decision(
    name: str, buyer: str, days_ago: float, known: list[str] | None = None
) -> DecisionRecord:
    return DecisionRecord(
        id=name,
        created_at=utc_now() - dt.timedelta(days=days_ago),
        caller="shop",
        kind="order",
        document_id=f"O-{name}",
        input_sha256="ab" * 32,
        decision="pass",
        markets=["CN"],
        as_of="2026-03-04",
        findings=[],
        packs=[],
        report={"kind": "order", "findings": []},
        parties=[{"field": "buyer", "names": [buyer], "country": "CN", "known": known or []}],
    )


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "decisions.db"
    store = SQLiteStore(path)
    store.append_many(
        [
            decision("yesterday", "ZTE Corporation", 1.5),
            decision("reported", "ZTE Corporation", 1, known=["ofac_cons:17293"]),
            decision("too-old", "ZTE Corporation", 45),
            decision("clean", "Huang Garden Tea Shop", 2),
        ]
    )
    store.close()
    monkeypatch.setenv("CLEARANCE_DB", str(path))
    monkeypatch.delenv("CLEARANCE_RESCREEN_DAYS", raising=False)
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    register(app)
    return CliRunner().invoke(app, list(args))


def test_update_prints_the_new_hits_of_recent_decisions(
    fixtures: Path, rules: Path, log: Path
) -> None:
    result = run(
        "feeds", "update", "ofac_cons", "--from", str(fixtures / "ofac_cons"), "--rules", str(rules)
    )
    assert result.exit_code == 0, result.output
    assert "re-screened 3 parties of 3 decisions" in result.output
    assert "1 new hit(s)" in result.output
    assert "O-yesterday" in result.output and "ofac_cons:17293" in result.output
    assert "O-reported" not in result.output  # its decision reported that entry already
    assert "O-too-old" not in result.output  # past the window


def test_rescreen_command_json_and_exit_code(fixtures: Path, rules: Path, log: Path) -> None:
    first = run(
        "feeds",
        "update",
        "ofac_cons",
        "--from",
        str(fixtures / "ofac_cons"),
        "--rules",
        str(rules),
        "--no-rescreen",
    )
    assert first.exit_code == 0 and "re-screened" not in first.output
    result = run("feeds", "rescreen", "--rules", str(rules), "--format", "json")
    assert result.exit_code == 3, result.output
    body = json.loads(result.stdout)
    assert [h["decision_id"] for h in body["new_hits"]] == ["yesterday"]
    assert body["new_hits"][0]["match"]["list"] == "ofac_cons"
    assert body["forgotten"] == 1  # the 45-day-old decision's parties were erased
    short = run("feeds", "rescreen", "--since", "1", "--rules", str(rules))
    assert short.exit_code == 0, short.output  # the decision is 1.5 days old
    assert "0 new hit(s)" in short.output


def test_rescreen_without_a_decision_log(
    rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "none.db"
    monkeypatch.setenv("CLEARANCE_DB", str(missing))
    result = run("feeds", "rescreen", "--rules", str(rules))
    assert result.exit_code == 1
    assert "no decision log" in result.output
    assert not missing.exists()  # not created
