"""Load shedding: past the in-flight limit a request is answered 503 with Retry-After."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from api_support import TestClient, make_settings

from clearance.api.app import create_app
from clearance.api.load_shed import LoadShedMiddleware


def _run(mw: LoadShedMiddleware, path: str) -> tuple[list[dict[str, Any]], asyncio.Task[None]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "headers": [], "state": {}}
    return sent, asyncio.ensure_future(mw(scope, receive, send))


def test_second_request_is_shed_while_the_first_is_held() -> None:
    async def scenario() -> None:
        release = asyncio.Event()
        entered = asyncio.Event()

        async def slow_app(scope: Any, receive: Any, send: Any) -> None:
            entered.set()
            await release.wait()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})

        mw = LoadShedMiddleware(slow_app, max_in_flight=1)
        first, task1 = _run(mw, "/v1/screen/listing")
        await entered.wait()
        second, task2 = _run(mw, "/v1/screen/listing")
        await task2
        start = second[0]
        assert start["status"] == 503
        headers = {k.decode(): v.decode() for k, v in start["headers"]}
        assert headers["retry-after"] == "1"
        assert headers["content-type"].startswith("application/problem+json")
        body = json.loads(second[1]["body"])
        assert body["status"] == 503 and body["type"].endswith("overloaded")
        assert "CLEARANCE_MAX_IN_FLIGHT" in body["detail"]
        health, task3 = _run(mw, "/v1/health/live")  # exempt: reaches the app
        await entered.wait()
        assert mw.shed == 1
        release.set()
        await asyncio.gather(task1, task3)
        assert first[0]["status"] == 200 and health[0]["status"] == 200
        assert mw.in_flight == 0
        again, task4 = _run(mw, "/v1/screen/listing")  # the slot is free again
        await task4
        assert again[0]["status"] == 200

    asyncio.run(scenario())


def test_app_serves_under_the_limit(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert settings.max_in_flight > 0
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        assert c.get("/v1/health/live").status_code == 200
