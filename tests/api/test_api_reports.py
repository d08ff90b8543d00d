"""The service and the CLI answer the same report shapes: one builder for both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from api_support import SCREEN, TestClient
from typer.testing import CliRunner

from clearance.api.decision_log import DecisionLogError
from clearance.api.problems import ServiceError, problem_for
from clearance.cli.main import app
from clearance.engine.errors import DocumentError, EngineError, PackError, PackErrors
from clearance.engine.schemas import validator

LINES = [
    "{broken",
    json.dumps({"kind": "listing", "id": 7, "markets": ["DE"]}),
    json.dumps({"kind": "listing", "id": "L-1", "markets": ["DE"], "title": "Die beste Flasche"}),
]
ERROR_MEMBER = validator("errors").schema["$defs"]["error"]


def _cli(tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_error_reports_from_the_cli_and_the_api_have_the_same_shape(
    client: TestClient, tmp_path: Path
) -> None:
    cli = _cli(tmp_path)["reports"]
    response = client.post(
        "/v1/screen/stream",
        content="\n".join(LINES).encode(),
        headers={**SCREEN, "Content-Type": "application/x-ndjson"},
    )
    api = [json.loads(line) for line in response.text.splitlines()]
    assert (
        [r["decision"] for r in cli]
        == [r["decision"] for r in api]
        == [
            "error",
            "error",
            "block",
        ]
    )
    for mine, theirs in zip(cli, api, strict=True):
        assert set(theirs) - {"decision_id"} == set(mine)
        assert (mine["kind"], mine["id"]) == (theirs["kind"], theirs["id"])
        assert [(e["kind"], sorted(e)) for e in mine["errors"]] == [
            (e["kind"], sorted(e)) for e in theirs["errors"]
        ]
        for report in (mine, theirs):
            assert not list(validator("report").iter_errors(report))
            for error in report["errors"]:
                assert set(ERROR_MEMBER["required"]) <= set(error)
                assert error["kind"] in ERROR_MEMBER["properties"]["kind"]["enum"]
    assert cli[0]["errors"][0]["kind"] == "input" and cli[1]["id"] == "7"


def test_batch_summaries_from_the_cli_and_the_api_are_the_same(
    client: TestClient, tmp_path: Path
) -> None:
    cli = _cli(tmp_path)["summary"]
    docs = [json.loads(line) for line in LINES[1:]]
    api = client.post("/v1/screen/batch", json={"documents": docs}, headers=SCREEN).json()
    assert api["summary"]["documents"] == 2
    assert list(api["summary"]["decisions"].items()) == [("block", 1), ("error", 1)]
    assert list(cli["decisions"].items()) == [("block", 1), ("error", 2)]
    assert set(cli) - {"unreadable"} == set(api["summary"])


def test_stream_service_errors_are_reports_built_like_the_others() -> None:
    from clearance.api.routes_screen import _service_error

    body = _service_error("the stream failed on the server")
    assert body["errors"] == [{"kind": "service", "message": "the stream failed on the server"}]
    assert not list(validator("report").iter_errors(body))
    assert body["errors"][0]["kind"] in ERROR_MEMBER["properties"]["kind"]["enum"]
    assert ServiceError("x").to_dict() == {"kind": "service", "message": "x"}


def test_clearance_errors_map_to_problems_in_one_place() -> None:
    assert problem_for(DecisionLogError("disk full")).status == 503
    assert problem_for(DecisionLogError("disk full")).headers == {"Retry-After": "5"}
    document = problem_for(DocumentError("not a string", field="$.title"))
    assert (document.status, document.kind) == (422, "invalid-document")
    assert document.errors == [
        {"path": "$.document.title", "field": "$.title", "message": "not a string"}
    ]
    packs = problem_for(PackErrors([PackError("bad", file="de/x.yaml", line=3)]))
    assert (packs.status, packs.kind) == (422, "packs-refused")
    assert packs.errors is not None and packs.errors[0]["location"] == "de/x.yaml:3"
    assert problem_for(EngineError("303")).kind == "engine-error"
    assert "303" not in problem_for(EngineError("303")).detail


def test_a_clearance_error_escaping_a_route_is_problem_json(
    client: TestClient, monkeypatch: Any
) -> None:
    from clearance.api.engine_host import EngineHost

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise EngineError("durable_rules failed: error code: 303")

    monkeypatch.setattr(EngineHost, "screen", broken)
    response = client.post(
        "/v1/screen/listing", json={"document": json.loads(LINES[2])}, headers=SCREEN
    )
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"].endswith("/engine-error")
    assert "303" not in response.text
