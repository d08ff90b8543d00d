"""Tests against the real server: `clearance serve` (uvicorn) on a random loopback port."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from api_support import ADMIN, SCREEN, start_server

from clearance.api import examples

NEW_RULE = """
  - id: DE.UWG.HOTRELOAD
    implements: [DE.UWG.SUPERLATIVE]
    title: Marker rule added while the service runs
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when:
      field: title
      matches: "(?i)hotreload-marker"
    message: The title carries the hot reload marker.
    remediation: Remove the marker.
    references:
      - title: Hot reload test
        url: https://example.com/hotreload
    examples:
      trigger:
        - document: {title: "Flasche hotreload-marker"}
      pass:
        - document: {title: "Flasche"}
"""


def wait_for(check: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Poll ``check`` until it is true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def replace_file(path: Path, text: str, staging: Path) -> None:
    """Write ``text`` to ``path`` atomically (as editors and git do)."""
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)


def stream_as_it_goes(url: str, lines: int) -> list[dict[str, Any]]:
    """Send NDJSON one chunked line at a time; each report must come back before the next
    line is sent (the answer streams while the request body is still open)."""
    host, port = url.removeprefix("http://").split(":")
    reports: list[dict[str, Any]] = []
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/screen/stream?kind=listing HTTP/1.1\r\nHost: x\r\n"
            b"X-API-Key: " + SCREEN["X-API-Key"].encode() + b"\r\n"
            b"Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        received = b""
        for i in range(lines):
            line = json.dumps({"id": f"L-{i}", "markets": ["DE"], "title": "Die beste Flasche"})
            data = line.encode() + b"\n"
            sock.sendall(b"%x\r\n%s\r\n" % (len(data), data))
            while received.count(b'"report_version"') <= i:
                chunk = sock.recv(65536)
                assert chunk, "the server closed the stream"
                received += chunk
        sock.sendall(b"0\r\n\r\n")
        while not received.endswith(b"0\r\n\r\n"):
            received += sock.recv(65536)
    head, body = received.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 200") and b"application/x-ndjson" in head
    for piece in re.findall(rb"\{\"report_version\".*?\n", body):
        reports.append(json.loads(piece))
    return reports


def test_screens_over_http_with_two_workers(tmp_path: Path) -> None:
    server = start_server(tmp_path, workers=2, extra_env={"TMPDIR": str(tmp_path)})
    try:
        with httpx.Client(base_url=server.url, timeout=10) as http:
            decisions = 0
            for kind in ("listing", "order", "shipment") * 4:
                response = http.post(
                    f"/v1/screen/{kind}", headers=SCREEN, json={"document": examples.document(kind)}
                )
                assert response.status_code == 200, response.text
                assert response.json()["kind"] == kind
                decisions += 1
            got = http.get(response.headers["location"], headers=SCREEN)
            assert got.status_code == 200
            streamed = stream_as_it_goes(server.url, 3)
            assert [r["id"] for r in streamed] == ["L-0", "L-1", "L-2"]
            assert all(
                "DE.UWG.SUPERLATIVE" in {f["rule_id"] for f in r["findings"]} for r in streamed
            )
            decisions += 3
            assert_problem = http.post("/v1/screen/listing", headers=SCREEN, content=b"{")
            assert assert_problem.status_code == 400
            assert assert_problem.headers["content-type"] == "application/problem+json"
            # metrics are aggregated over both workers, whichever answers the scrape
            for _ in range(3):
                text = http.get("/metrics").text
                counted = sum(
                    float(v)
                    for v in re.findall(r"^clearance_decisions_total\{[^}]*\} (\S+)$", text, re.M)
                )
                assert counted == decisions
            # an admin reload reloads the worker that answers and, through the trigger file,
            # the other one: each worker reloads exactly once
            assert http.post("/v1/admin/reload", headers=ADMIN).status_code == 200

            def reloads() -> float:
                text = http.get("/metrics").text
                found = re.search(r"^clearance_pack_reloads_total (\S+)$", text, re.M)
                return float(found.group(1)) if found else 0.0

            wait_for(lambda: reloads() == 2.0, "both workers to reload")
            time.sleep(0.5)
            assert reloads() == 2.0
        assert "interactive docs  http://127.0.0.1:" in server.output()
    finally:
        server.stop()
    assert server.process.returncode == 0, server.output()


def test_pack_edit_under_load(tmp_path: Path, rules_copy: Path) -> None:
    server = start_server(tmp_path, rules=rules_copy, extra_env={"TMPDIR": str(tmp_path)})
    pack = rules_copy / "de" / "uwg-claims.yaml"
    original = pack.read_text(encoding="utf-8")
    good = original.rstrip("\n") + "\n" + NEW_RULE
    broken = good.replace(
        "severity: warn\n    when:\n      field: title",
        "severity: catastrophic\n    when:\n      field: title",
    )
    assert broken != good
    doc = dict(examples.document("listing"), title="Trinkflasche hotreload-marker")
    stop = threading.Event()
    failures: list[str] = []
    seen: list[list[tuple[bool, str]]] = []

    def load() -> None:
        mine: list[tuple[bool, str]] = []
        seen.append(mine)
        with httpx.Client(base_url=server.url, timeout=10) as http:
            while not stop.is_set():
                try:
                    r = http.post("/v1/screen/listing", json={"document": doc}, headers=SCREEN)
                except httpx.HTTPError as exc:
                    failures.append(repr(exc))
                    continue
                if r.status_code != 200:
                    failures.append(f"{r.status_code} {r.text[:200]}")
                    continue
                body = r.json()
                sha = next(p["sha256"] for p in body["packs"] if p["id"] == "de.uwg-claims")
                mine.append(
                    (any(f["rule_id"] == "DE.UWG.HOTRELOAD" for f in body["findings"]), sha)
                )

    def ready() -> dict[str, Any]:
        return dict(httpx.get(server.url + "/v1/health/ready", timeout=5).json())

    try:
        generation = ready()["generation"]
        with ThreadPoolExecutor(4) as pool:
            for _ in range(4):
                pool.submit(load)
            time.sleep(0.5)
            replace_file(pack, good, tmp_path / "staging.yaml")
            wait_for(
                lambda: ready()["generation"] > generation and ready()["current"],
                "the edited pack to be swapped in",
            )
            wait_for(lambda: any(s and s[-1][0] for s in seen), "the new rule to fire")
            time.sleep(0.5)
            replace_file(pack, broken, tmp_path / "staging.yaml")
            wait_for(lambda: not ready()["current"], "the broken edit to be refused")
            refused_at = sum(len(s) for s in seen)
            time.sleep(0.5)
            stop.set()
        assert not failures, failures[:5]
        good_sha = hashlib.sha256(good.encode()).hexdigest()
        old_sha = hashlib.sha256(original.encode()).hexdigest()
        total = sum(len(s) for s in seen)
        assert total - refused_at > 10, "requests were served after the broken edit"
        assert any(flags and not flags[0][0] for flags in seen), "requests ran on the old rules"
        for sequence in seen:  # per client: old rules, then the new rule, never back
            flags = [fired for fired, _ in sequence]
            first = flags.index(True) if True in flags else len(flags)
            assert all(flags[first:]), "the new rule stopped firing after the broken edit"
            assert not any(flags[:first])
            assert {sha for _, sha in sequence[:first]} <= {old_sha}
            assert {sha for _, sha in sequence[first:]} == {good_sha}
        assert any(len(s) > 0 and s[-1][0] for s in seen)
        status = ready()
        assert status["reload"]["failures"] >= 1 and not status["reload"]["last_ok"]
        locations = [e["location"] for e in status["reload"]["last_errors"]]
        assert any(re.match(r"de/uwg-claims\.yaml:\d+$", loc) for loc in locations), locations
        # the old (good) packs still serve, with their hashes in every decision
        r = httpx.post(server.url + "/v1/screen/listing", json={"document": doc}, headers=SCREEN)
        assert "DE.UWG.HOTRELOAD" in {f["rule_id"] for f in r.json()["findings"]}
        # an admin reload is refused the same way, with every error
        r = httpx.post(server.url + "/v1/admin/reload", headers=ADMIN, timeout=10)
        assert r.status_code == 422 and r.json()["errors"][0]["location"].startswith("de/")
        assert re.search(r"de/uwg-claims\.yaml:\d+: \[DE\.UWG\.HOTRELOAD\]", server.output())
    finally:
        stop.set()
        server.stop()


def test_acknowledged_decisions_survive_a_kill(tmp_path: Path) -> None:
    server = start_server(tmp_path, extra_env={"TMPDIR": str(tmp_path)})
    acknowledged: list[str] = []

    def screen(i: int) -> None:
        doc = dict(examples.document("shipment"), id=f"S-KILL-{i}")
        r = httpx.post(
            server.url + "/v1/screen/shipment", json={"document": doc}, headers=SCREEN, timeout=10
        )
        assert r.status_code == 200
        acknowledged.append(r.json()["decision_id"])

    try:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(screen, range(60)))
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=10)
    finally:
        server.stop()
    db = sqlite3.connect(server.db)
    try:
        stored = {row[0] for row in db.execute("SELECT id FROM decisions")}
    finally:
        db.close()
    assert len(acknowledged) == 60
    assert set(acknowledged) <= stored
