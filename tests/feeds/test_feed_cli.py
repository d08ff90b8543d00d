"""`clearance feeds list | update | status | rollback`, through typer's test runner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner

import clearance.feeds.pipeline
from clearance.cli.feeds_cli import register
from clearance.feeds.fetch import Fetcher

Snapshot = Callable[[Path], dict[str, bytes | None]]


@pytest.fixture
def cli() -> Callable[..., object]:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    register(app)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args))

    return invoke


def test_list(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("feeds", "list", "--format", "json")
    assert result.exit_code == 0
    names = [s["name"] for s in json.loads(result.stdout)]
    assert names == [
        "ecb",
        "tedb",
        "ofac",
        "ofac_cons",
        "un",
        "eu",
        "uk",
        "us_csl",
        "cpsc",
        "safety_gate",
    ]
    text = cli("feeds", "list")
    assert text.exit_code == 0 and "safety_gate" in text.stdout


def test_update_from_file_prints_diff(cli, rules: Path, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "feeds",
        "update",
        "un",
        "--from",
        str(fixtures / "un" / "consolidated.xml"),
        "--rules",
        str(rules),
    )
    assert result.exit_code == 0, result.output
    assert "un: written" in result.stdout
    assert "0 → 4 records: 4 added, 0 removed, 0 changed" in result.stdout
    assert "+ 9000001 KARIM ABDUL RAHMAN" in result.stdout
    assert (rules / "data" / "sanctions" / "un.json").exists()


def test_update_refused_exits_1_and_keeps_table(cli, rules: Path, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    table = (rules / "data" / "fx_rates.json").read_bytes()
    result = cli(
        "feeds",
        "update",
        "ecb",
        "--from",
        str(fixtures / "bad" / "billion-laughs.xml"),
        "--rules",
        str(rules),
    )
    assert result.exit_code == 1
    assert "ecb: refused" in result.stderr and "left in place" in result.stderr
    assert (rules / "data" / "fx_rates.json").read_bytes() == table


def test_dry_run_writes_nothing(cli, rules: Path, fixtures: Path, snapshot: Snapshot) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(rules)
    result = cli(
        "feeds",
        "update",
        "ecb",
        "--from",
        str(fixtures / "ecb" / "eurofxref-hist.xml"),
        "--dry-run",
        "--rules",
        str(rules),
    )
    assert result.exit_code == 0
    assert "dry run: nothing was written" in result.stdout
    assert "+ 2026-03-02 (6 currencies)" in result.stdout
    assert snapshot(rules) == before


def test_force_and_max_shrink(cli, rules: Path, fixtures: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli(
        "feeds",
        "update",
        "un",
        "--from",
        str(fixtures / "un" / "consolidated.xml"),
        "--rules",
        str(rules),
    )
    empty = str(fixtures / "un" / "empty.xml")
    refused = cli("feeds", "update", "un", "--from", empty, "--rules", str(rules))
    assert refused.exit_code == 1 and "use --force" in refused.stderr
    forced = cli("feeds", "update", "un", "--from", empty, "--force", "--rules", str(rules))
    assert forced.exit_code == 0 and "accepted because of --force" in forced.stdout
    bad = cli("feeds", "update", "un", "--from", empty, "--max-shrink", "2", "--rules", str(rules))
    assert bad.exit_code == 2


def test_usage_errors_exit_2(cli, rules: Path, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("feeds", "update", "nope", "--rules", str(rules)).exit_code == 2
    no_source = cli("feeds", "update", "--from", str(fixtures / "un" / "consolidated.xml"))
    assert no_source.exit_code == 2
    missing = cli("feeds", "update", "un", "--from", str(fixtures / "missing.xml"))
    assert missing.exit_code == 2


def test_unreachable_source_exits_1(cli, rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("network is unreachable", request=request)

    monkeypatch.setattr(
        clearance.feeds.pipeline,
        "Fetcher",
        lambda: Fetcher(transport=httpx.MockTransport(handler), retries=0),
    )
    table = (rules / "data" / "fx_rates.json").read_bytes()
    result = cli("feeds", "update", "ecb", "--rules", str(rules))
    assert result.exit_code == 1
    assert "cannot reach https://www.ecb.europa.eu" in result.stderr
    assert (rules / "data" / "fx_rates.json").read_bytes() == table


def test_status_shows_age_against_cadence(cli, rules: Path, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    cli(
        "feeds",
        "update",
        "un",
        "--from",
        str(fixtures / "un" / "consolidated.xml"),
        "--rules",
        str(rules),
    )
    result = cli("feeds", "status", "--format", "json", "--rules", str(rules))
    assert result.exit_code == 0
    rows = {r["source"]: r for r in json.loads(result.stdout)}
    assert rows["un"]["stale"] is False and rows["un"]["record_count"] == 4
    assert rows["ecb"]["stale"] is True and "never refreshed" in rows["ecb"]["reason"]
    assert rows["cpsc"]["reason"] == "no table yet"
    text = cli("feeds", "status", "--rules", str(rules))
    assert text.exit_code == 0 and "stale" in text.stdout


def test_rollback(cli, rules: Path, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("feeds", "rollback", "un", "--rules", str(rules)).exit_code == 1
    cli(
        "feeds",
        "update",
        "ecb",
        "--from",
        str(fixtures / "ecb" / "eurofxref-hist.xml"),
        "--rules",
        str(rules),
    )
    result = cli("feeds", "rollback", "ecb", "--rules", str(rules))
    assert result.exit_code == 0
    assert "restored the previous version of fx_rates.json" in result.stdout
    assert "3 → 1 records" in result.stdout
