"""Limits that only a real server shows: the event loop stays free while the engine works, and
oversized headers are refused by the HTTP parser before anything else is done."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from api_support import SCREEN, Server, start_server

from clearance.api.settings import Settings

EXPANDING = "\ufdfa"  # one character, 18 once normalised
INVISIBLE = "\u200b"  # one character, none once normalised


def worst_listing(i: int) -> dict[str, Any]:
    """A listing just within the limits on text (per field and per document): every other one
    expands (U+FDFA, 18 characters once normalised), the others are invisible characters
    (read one by one, then dropped)."""
    if i % 2:
        return {
            "kind": "listing",
            "id": f"W-{i}",
            "markets": ["DE"],
            "title": INVISIBLE * 2000,
            "description": INVISIBLE * 200_000,
            "bullet_points": [INVISIBLE * 5000] * 50,
            "warnings": [INVISIBLE * 5000] * 9,
        }
    return {
        "kind": "listing",
        "id": f"W-{i}",
        "markets": ["DE"],
        "title": EXPANDING * 111,
        "description": EXPANDING * 13_888,
        "bullet_points": [EXPANDING * 4000] * 3,
    }


def worst_batch() -> bytes:
    """As many worst listings as the default batch body limit holds."""
    limit = Settings().max_batch_bytes - 100
    docs: list[dict[str, Any]] = []
    size = 0
    while True:
        doc = worst_listing(len(docs))
        size += len(json.dumps(doc, ensure_ascii=False).encode()) + 1
        if size > limit:
            break
        docs.append(doc)
    data = json.dumps({"documents": docs}, ensure_ascii=False).encode()
    assert len(data) <= Settings().max_batch_bytes
    return data


def test_liveness_answers_while_the_worst_batch_is_screened(tmp_path: Path) -> None:
    body = worst_batch()
    server = start_server(tmp_path)
    try:
        answer: dict[str, Any] = {}

        def post_batch() -> None:
            answer["response"] = httpx.post(
                server.url + "/v1/screen/batch",
                content=body,
                headers={**SCREEN, "Content-Type": "application/json"},
                timeout=300,
            )

        batch = threading.Thread(target=post_batch)
        batch.start()
        polls = 0
        slowest = 0.0
        while batch.is_alive():
            started = time.monotonic()
            live = httpx.get(server.url + "/v1/health/live", timeout=1.0)  # raises past 1 s
            slowest = max(slowest, time.monotonic() - started)
            assert live.status_code == 200
            polls += 1
            time.sleep(0.05)
        batch.join()
        assert polls >= 5, "the batch finished before liveness could be watched"
        response = answer["response"]
        assert response.status_code == 200, response.text
        reports = response.json()["reports"]
        screened = [r for r in reports if not r["errors"]]
        cut = [r for r in reports if r["errors"]]
        assert screened and cut, "the work budget should cut the worst batch"
        assert all(r["decision"] != "pass" for r in cut)
        assert all(r["decision"] == "error" and r["errors"][0]["kind"] == "limit" for r in cut)
        assert "budget" in cut[0]["errors"][0]["message"]
        # the screened ones come first, in order; everything after the cut is an error
        assert [r["id"] for r in reports] == [f"W-{i}" for i in range(len(reports))]
        assert reports.index(cut[0]) == len(screened)
        print(f"liveness polls: {polls}, slowest {slowest * 1000:.0f} ms")
    finally:
        server.stop()


def raw_request(server: Server, head: bytes, timeout: float = 30.0) -> bytes:
    """Send ``head`` (a request line and headers) as fast as the server takes it, reading the
    answer meanwhile (the server may answer, and close, before the whole head was sent)."""
    host, port = server.url.removeprefix("http://").split(":")
    received: list[bytes] = []
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:

        def read() -> None:
            with contextlib.suppress(OSError):
                while chunk := sock.recv(65536):
                    received.append(chunk)

        reader = threading.Thread(target=read)
        reader.start()
        with contextlib.suppress(OSError):
            sock.sendall(head)
        reader.join(timeout)
    return b"".join(received)


def test_an_oversized_header_is_refused_before_authentication(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:
        limit = Settings().max_header_bytes
        huge = b"Bearer " + b"x" * (64 * 1024 * 1024)
        head = (
            b"POST /v1/screen/listing HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
            b"Authorization: " + huge + b"\r\n\r\n{}"
        )
        answer = raw_request(server, head)
        assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
        assert str(limit).encode() in answer
        # just under the limit is still read, and answered by authentication
        fits = b"Bearer " + b"x" * (limit - 200)
        small = httpx.get(
            server.url + "/v1/packs", headers={"Authorization": fits.decode()}, timeout=10
        )
        assert small.status_code == 401
        assert httpx.get(server.url + "/v1/health/live", timeout=5).status_code == 200
        output = server.output()
        assert "Traceback" not in output
    finally:
        server.stop()
