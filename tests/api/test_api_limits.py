"""Fail closed: key configuration, work budgets, stream and decision-log limits, header limit
(the middleware's check), offline interactive docs."""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from api_support import KEYS, SCREEN, TestClient, make_settings
from typer.testing import CliRunner

from clearance.api.app import create_app
from clearance.api.auth import KeyConfigError, KeyRing, hash_key
from clearance.api.decision_log import LogLimitError, RateGuard
from clearance.api.engine_host import Budget, EngineHost, ScreenJob
from clearance.api.settings import Settings
from clearance.cli.serve_cli import register
from clearance.engine.library import load_library
from clearance.engine.paths import default_rules_dir


def logged(client: TestClient) -> int:
    """How many decisions the app's log holds."""
    log = client.app.state.service.log  # type: ignore[attr-defined]
    return int(log.submit(lambda store: store.count()).result())


# -- keys: an explicitly configured source with no key refuses to start -----------------------


@pytest.fixture
def environ() -> Iterator[None]:
    """`clearance serve` sets os.environ for its workers: put it back afterwards."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """Test root."""

    register(app)
    return app


@pytest.mark.parametrize("text", ["keys: []\n", "keys:\n", ""])
def test_a_keys_file_without_keys_refuses_to_start(
    cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    keys = tmp_path / "keys.yaml"
    keys.write_text(text)
    monkeypatch.delenv("CLEARANCE_API_KEYS", raising=False)
    monkeypatch.delenv("CLEARANCE_API_KEYS_FILE", raising=False)
    with pytest.raises(KeyConfigError, match="keys"):
        KeyRing.from_config(None, keys)
    with pytest.raises(KeyConfigError):
        create_app(make_settings(tmp_path, api_keys=None, api_keys_file=keys))
    result = CliRunner().invoke(
        cli, ["serve", "--keys-file", str(keys), "--db", str(tmp_path / "d.db")]
    )
    assert result.exit_code == 2, result.output
    assert "keys.yaml" in result.output
    assert "DEVELOPMENT" not in result.output and "clr_" not in result.output


def test_inline_keys_set_but_empty_refuse_to_start() -> None:
    with pytest.raises(KeyConfigError, match="CLEARANCE_API_KEYS is set but holds no key"):
        KeyRing.from_config(" , ", None)
    assert len(KeyRing.from_config("", None)) == 0  # an empty variable counts as unset


def test_the_development_key_is_only_for_no_key_configuration(
    cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environ: None
) -> None:
    import uvicorn

    monkeypatch.delenv("CLEARANCE_API_KEYS", raising=False)
    monkeypatch.delenv("CLEARANCE_API_KEYS_FILE", raising=False)
    served: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: served.append(kw))  # do not serve
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0, result.output
    assert "No key configuration is given" in result.output
    key = re.search(r"^\s+(clr_\S+)$", result.output, re.MULTILINE)
    assert key is not None
    assert hash_key(key.group(1)) in os.environ["CLEARANCE_API_KEYS"]
    assert served and served[0]["http"].endswith("LimitedHttpToolsProtocol")


# -- text limits and work budgets ------------------------------------------------------------


def listing(i: int, text: str = "Flasche") -> dict[str, Any]:
    return {"kind": "listing", "id": f"L-{i}", "markets": ["DE"], "title": text}


def test_a_text_too_long_once_normalised_is_a_422_naming_the_field(client: TestClient) -> None:
    doc = listing(1) | {"description": "\ufdfa" * 200_000}  # within the schema's 200,000
    response = client.post("/v1/screen/listing", headers=SCREEN, json={"document": doc})
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == "$.description"
    assert "250,000 characters once normalised" in body["detail"]


def test_budget_cuts_a_batch_by_text_and_never_passes_the_rest(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, budget_chars=2_500)
    docs = [listing(i, "x" * 1000) for i in range(5)]
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/screen/batch", headers=SCREEN, json={"documents": docs})
    assert response.status_code == 200, response.text
    reports = response.json()["reports"]
    assert [r["decision"] != "error" for r in reports] == [True, True, False, False, False]
    for report in reports[2:]:
        [error] = report["errors"]
        assert error["kind"] == "limit" and report["decision"] == "error"
        assert "budget of 2,500 characters of text after 2 document(s)" in error["message"]
        assert report["decision_id"]  # logged like every decision
    assert response.json()["summary"]["decisions"]["error"] == 3


def test_budget_cuts_by_engine_time() -> None:
    host = EngineHost(load_library(default_rules_dir()))
    try:
        budget = Budget(chars=10**9, seconds=0)  # used up by the first document
        jobs = [ScreenJob(listing(i)) for i in range(3)]
        reports = asyncio.run(host.screen(host.current, jobs, budget))
    finally:
        host.close()
    assert reports[0].decision != "error"
    assert all(r.errors[0]["kind"] == "limit" for r in reports[1:])
    assert "time budget of 0 s after 1 document(s)" in reports[1].errors[0]["message"]


def test_a_batch_goes_to_the_engine_thread_in_slices() -> None:
    host = EngineHost(load_library(default_rules_dir()))
    seen: list[int] = []
    screen_now = host.screen_now

    def spy(jobs: Any, *args: Any) -> Any:
        import threading

        assert threading.current_thread().name.startswith("clearance-engine")
        seen.append(len(jobs))
        return screen_now(jobs, *args)

    host.screen_now = spy  # type: ignore[method-assign]
    try:
        reports = asyncio.run(host.screen(host.current, [ScreenJob(listing(i)) for i in range(60)]))
    finally:
        host.close()
    assert len(reports) == 60 and seen == [25, 25, 10]
    assert [r.id for r in reports] == [f"L-{i}" for i in range(60)]


# -- the NDJSON stream's document limit --------------------------------------------------------


def test_a_stream_stops_at_its_document_limit(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, stream_limit=50)
    body = b"{}\n" * 300  # 900 bytes that would each be an error decision
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/v1/screen/stream",
            headers={**SCREEN, "Content-Type": "application/x-ndjson"},
            content=body,
        )
        assert response.status_code == 200
        lines = [json.loads(x) for x in response.text.splitlines()]
        count = logged(client)
    assert len(lines) == 51
    assert all(x.get("decision_id") for x in lines[:50])
    last = lines[-1]
    assert "decision_id" not in last and last["decision"] == "error"
    assert "over the limit of 50 documents" in last["errors"][0]["message"]
    assert "line 51" in last["errors"][0]["message"]
    assert count == 50  # only the decisions answered were logged


def test_a_stream_stops_once_its_budget_is_used_up(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, stream_budget_chars=1_500)
    body = b"".join(json.dumps(listing(i, "y" * 1000)).encode() + b"\n" for i in range(4))
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/v1/screen/stream",
            headers={**SCREEN, "Content-Type": "application/x-ndjson"},
            content=body,
        )
    lines = [json.loads(x) for x in response.text.splitlines()]
    assert [x["decision"] == "error" for x in lines] == [False, True, True, True, True]
    assert lines[1]["errors"][0]["kind"] == "limit" and lines[1]["decision_id"]
    assert "nothing after line 4 was read" in lines[-1]["errors"][0]["message"]


# -- the decision log's growth guard -----------------------------------------------------------


def test_rate_guard_counts_a_sliding_minute() -> None:
    now = [1000.0]
    guard = RateGuard(10, clock=lambda: now[0])
    guard.take(6)
    now[0] += 30
    guard.take(4)
    with pytest.raises(LogLimitError) as caught:
        guard.take(1)
    assert caught.value.retry_after == 30  # when the first six leave the window
    now[0] += 30
    guard.take(6)
    with pytest.raises(LogLimitError):
        guard.take(11)  # more than ever fits


def test_requests_past_the_decision_limit_get_429_and_nothing_unlogged(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_decisions_per_minute=5)
    with TestClient(create_app(settings)) as client:
        for i in range(5):
            ok = client.post("/v1/screen/listing", headers=SCREEN, json={"document": listing(i)})
            assert ok.status_code == 200
        refused = client.post("/v1/screen/listing", headers=SCREEN, json={"document": listing(9)})
        batch = client.post(
            "/v1/screen/batch", headers=SCREEN, json={"documents": [listing(7), listing(8)]}
        )
        stream = client.post(
            "/v1/screen/stream",
            headers={**SCREEN, "Content-Type": "application/x-ndjson"},
            content=json.dumps(listing(10)).encode() + b"\n",
        )
        count = logged(client)
    assert refused.status_code == 429 and batch.status_code == 429
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert int(refused.headers["retry-after"]) >= 1
    assert "limit of 5 a minute" in refused.json()["detail"]
    [line] = [json.loads(x) for x in stream.text.splitlines()]
    assert "decision_id" not in line and "limit of 5 a minute" in line["errors"][0]["message"]
    assert count == 5


def test_limits_come_from_the_environment() -> None:
    s = Settings.from_env(
        {
            "CLEARANCE_STREAM_LIMIT": "10",
            "CLEARANCE_MAX_DECISIONS_PER_MINUTE": "20",
            "CLEARANCE_MAX_HEADER_BYTES": "4096",
            "CLEARANCE_BUDGET_CHARS": "30",
            "CLEARANCE_BUDGET_SECONDS": "40",
            "CLEARANCE_STREAM_BUDGET_CHARS": "50",
            "CLEARANCE_STREAM_BUDGET_SECONDS": "60",
        }
    )
    assert (s.stream_limit, s.max_decisions_per_minute, s.max_header_bytes) == (10, 20, 4096)
    assert (s.budget_chars, s.budget_seconds) == (30, 40)
    assert (s.stream_budget_chars, s.stream_budget_seconds) == (50, 60)
    d = Settings()
    assert (d.stream_limit, d.max_decisions_per_minute, d.max_header_bytes) == (
        100_000,
        120_000,
        32 * 1024,
    )


def test_serve_options_set_the_limits(
    cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environ: None
) -> None:
    import uvicorn

    monkeypatch.setenv("CLEARANCE_API_KEYS", KEYS)
    for name in ("STREAM_LIMIT", "MAX_DECISIONS_PER_MINUTE", "MAX_HEADER_BYTES"):
        monkeypatch.delenv(f"CLEARANCE_{name}", raising=False)
    served: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: served.append(kw))  # do not serve
    args = ["serve", "--db", str(tmp_path / "d.db"), "--stream-limit", "7"]
    args += ["--max-decisions-per-minute", "8", "--max-header-bytes", "9000"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    s = Settings.from_env(dict(os.environ))
    assert (s.stream_limit, s.max_decisions_per_minute, s.max_header_bytes) == (7, 8, 9000)
    assert served[0]["h11_max_incomplete_event_size"] == 9000


# -- header limit in the middleware (the parser's own limit is tested with a real server) ----


def test_oversized_headers_are_refused_before_authentication(client: TestClient) -> None:
    limit = Settings().max_header_bytes
    response = client.get("/v1/packs", headers={"Authorization": "Bearer " + "x" * limit})
    assert response.status_code == 431
    assert response.json()["type"].endswith("/headers-too-large")
    assert client.get("/v1/packs", headers={"Authorization": "Bearer nope"}).status_code == 401


# -- interactive docs work offline ---------------------------------------------------------------


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_interactive_docs_load_only_local_assets(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    html = response.text
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    urls += re.findall(r"""url:\s*['"]([^'"]+)['"]""", html)
    assert urls, html
    assert not re.search(r"https?://|//cdn|googleapis", html), html
    assert all(u.startswith("/") and not u.startswith("//") for u in urls), urls
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 100, url
