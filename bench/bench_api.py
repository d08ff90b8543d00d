"""Benchmark: the HTTP service on loopback, next to a trivial FastAPI endpoint in the same run.

Starts `clearance serve` (every bundled pack, the SQLite decision log, uvicorn with httptools
and uvloop) and a trivial FastAPI app (POST with a small pydantic body) on 127.0.0.1, then
loads each with single-listing requests from a small asyncio HTTP/1.1 client (keep-alive):

* open loop at fixed arrival rates (default 50, 100, 200, 400 requests/s): requests are sent on
  schedule whether or not earlier ones have answered, and latency is measured from the scheduled
  time (no coordinated omission);
* closed loop with 1, 8 and 32 connections, each sending its next request when the previous
  one has answered.

Prints throughput and p50/p95/p99/max latency per run for both servers, so the engine's share
(screening, decision log, auth, JSON) is the difference. Bounded in time (``--seconds`` per run)
and only ever talks to 127.0.0.1.

    python bench/bench_api.py                 # 2 workers, 5 s per run (about 90 s in all)
    python bench/bench_api.py --workers 1 --seconds 3 --rates 100,200 --connections 1,8
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

HOST = "127.0.0.1"
KEY = "bench-key-not-secret"
REPO = Path(__file__).resolve().parent.parent

LISTING: dict[str, Any] = {
    "kind": "listing",
    "id": "L-BENCH",
    "date": "2026-11-20",
    "markets": ["DE"],
    "marketplace": "amazon.de",
    "title": "Die BESTE Bluetooth Box – Nr. 1 in Deutschland",
    "description": "Testsieger! Wasserdicht nach IPX7.",
    "brand": "SoundMax",
    "model": "SM-200",
    "images": ["https://img.example.com/sm200.jpg"],
    "price": {"amount": 39.9, "currency": "EUR"},
    "attributes": {
        "radio": True,
        "wireless": ["bluetooth"],
        "battery": "li-ion",
        "battery_included": True,
    },
    "manufacturer": {
        "name": "Shenzhen SoundMax Technology Co., Ltd.",
        "address": "Bao'an District, Shenzhen, Guangdong",
        "email": "support@soundmax.example",
        "country": "CN",
    },
}


# -- the trivial comparison server ----------------------------------------------------------------


class Body(BaseModel):
    """The trivial endpoint's body: the same envelope as the real one."""

    document: dict[str, Any]
    markets: list[str] | None = None


def trivial_app() -> FastAPI:
    """A FastAPI app with one POST endpoint taking a small pydantic body (the baseline)."""
    app = FastAPI()

    @app.post("/v1/screen/listing")
    async def screen(body: Body) -> dict[str, Any]:
        return {"decision": "pass", "id": body.document.get("id"), "findings": []}

    return app


# -- a minimal keep-alive HTTP/1.1 client ----------------------------------------------------


class Connection:
    """One persistent HTTP/1.1 connection to the server."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(reader, writer)

    async def request(self, raw: bytes) -> int:
        """Send a prepared request; return the status once the whole body has arrived."""
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        if length:
            await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.writer.close()


def prepare(port: int, path: str, body: bytes, headers: dict[str, str]) -> bytes:
    """The bytes of one POST request."""
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {HOST}:{port}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
    ] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class Result:
    """One load run."""

    label: str
    sent: int
    ok: int
    errors: int
    seconds: float
    latencies: list[float]

    def row(self) -> str:
        lat = sorted(self.latencies) or [0.0]

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000

        return (
            f"{self.label:<22} {self.ok / self.seconds:>9.0f} {pct(0.50):>8.2f} "
            f"{pct(0.95):>8.2f} {pct(0.99):>8.2f} {lat[-1] * 1000:>8.2f} {self.errors:>6}"
        )


async def open_loop(port: int, raw: bytes, rate: float, seconds: float) -> Result:
    """Send at ``rate`` requests/s on schedule; latency counts from the scheduled time."""
    idle: list[Connection] = []
    latencies: list[float] = []
    errors = 0
    tasks: set[asyncio.Task[None]] = set()

    async def one(scheduled: float) -> None:
        nonlocal errors
        conn = idle.pop() if idle else await Connection.open(port)
        try:
            status = await conn.request(raw)
        except (OSError, asyncio.IncompleteReadError):
            errors += 1
            conn.close()
            return
        latencies.append(time.perf_counter() - scheduled)
        if status != 200:
            errors += 1
        idle.append(conn)

    start = time.perf_counter()
    count = int(rate * seconds)
    for i in range(count):
        scheduled = start + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(scheduled))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks, timeout=30)
    elapsed = time.perf_counter() - start
    for conn in idle:
        conn.close()
    return Result(f"open {rate:.0f}/s", count, len(latencies) - errors, errors, elapsed, latencies)


async def closed_loop(port: int, raw: bytes, connections: int, seconds: float) -> Result:
    """``connections`` clients, each sending its next request when the last one answered."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal errors
        conn = await Connection.open(port)
        try:
            while time.perf_counter() < deadline:
                t = time.perf_counter()
                status = await conn.request(raw)
                latencies.append(time.perf_counter() - t)
                if status != 200:
                    errors += 1
        finally:
            conn.close()

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(connections)))
    elapsed = time.perf_counter() - start
    return Result(
        f"closed {connections} conn",
        len(latencies),
        len(latencies) - errors,
        errors,
        elapsed,
        latencies,
    )


async def load(
    port: int,
    path: str,
    headers: dict[str, str],
    rates: list[float],
    conns: list[int],
    seconds: float,
) -> list[Result]:
    """Warm up, then run every open-loop rate and closed-loop connection count."""
    raw = prepare(port, path, json.dumps({"document": LISTING}).encode(), headers)
    await closed_loop(port, raw, 4, 1.0)  # warm-up
    results = []
    for rate in rates:
        results.append(await open_loop(port, raw, rate, seconds))
    for n in conns:
        results.append(await closed_loop(port, raw, n, seconds))
    return results


# -- servers -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, proc: subprocess.Popen[bytes], path: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
            if s.recv(12).startswith(b"HTTP/1.1 200"):
                return
        time.sleep(0.1)
    raise SystemExit("server did not start")


def start(
    cmd: list[str],
    env: dict[str, str],
    port: int,
    ready_path: str,
) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_ready(port, proc, ready_path)
    return proc


def rss_mb(proc: subprocess.Popen[bytes]) -> float:
    """Resident memory of a server and its worker processes."""
    try:
        import psutil
    except ImportError:
        return float("nan")
    parent = psutil.Process(proc.pid)
    return sum(p.memory_info().rss for p in [parent, *parent.children(recursive=True)]) / 1e6


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each run")
    parser.add_argument("--rates", default="50,100,200,400")
    parser.add_argument("--connections", default="1,8,32")
    parser.add_argument("--serve-trivial", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_trivial:
        import uvicorn

        uvicorn.run(
            trivial_app(), host=HOST, port=args.serve_trivial, log_level="warning", access_log=False
        )
        return
    rates = [float(r) for r in args.rates.split(",") if r]
    conns = [int(c) for c in args.connections.split(",") if c]
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    with tempfile.TemporaryDirectory(prefix="clearance-bench-") as tmp:
        env = dict(
            os.environ,
            CLEARANCE_API_KEYS=f"bench:screen:{hashlib.sha256(KEY.encode()).hexdigest()}",
            TMPDIR=tmp,
        )
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)
        figures: dict[str, list[Result]] = {}
        sizes: dict[str, float] = {}
        port = free_port()
        proc = start(
            [sys.executable, __file__, "--serve-trivial", str(port)], env, port, "/openapi.json"
        )
        try:
            figures["trivial FastAPI endpoint (1 worker)"] = asyncio.run(
                load(port, "/v1/screen/listing", {}, rates, conns, args.seconds)
            )
            sizes["trivial"] = rss_mb(proc)
        finally:
            stop(proc)
        port = free_port()
        proc = start(
            [
                sys.executable,
                "-m",
                "clearance.cli.serve_cli",
                "serve",
                "--host",
                HOST,
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "--no-watch",
                "--no-access-log",
                "--log-level",
                "warning",
                "--db",
                str(Path(tmp) / "bench-decisions.db"),
            ],
            env,
            port,
            "/v1/health/ready",
        )
        try:
            figures[f"clearance serve ({args.workers} workers)"] = asyncio.run(
                load(
                    port,
                    "/v1/screen/listing",
                    {"Authorization": f"Bearer {KEY}"},
                    rates,
                    conns,
                    args.seconds,
                )
            )
            sizes["clearance"] = rss_mb(proc)
        finally:
            stop(proc)
    print(
        f"\nSingle-listing screening over HTTP on {HOST}, {os.cpu_count()} CPU(s), "
        f"{args.seconds:g} s per run; latency in ms (open loop: from the scheduled send time)"
    )
    for name, results in figures.items():
        print(f"\n{name}")
        print(f"{'run':<22} {'req/s':>9} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8} {'errors':>6}")
        for r in results:
            print(r.row())
    print(
        f"\nserver RSS: trivial {sizes.get('trivial', 0):.0f} MB, clearance "
        f"{sizes.get('clearance', 0):.0f} MB (all processes)"
    )
    engine = figures[f"clearance serve ({args.workers} workers)"]
    base = figures["trivial FastAPI endpoint (1 worker)"]
    for e, b in zip(engine, base, strict=True):
        if e.label.startswith("closed 1 "):
            share = statistics.median(e.latencies) - statistics.median(b.latencies)
            print(
                f"engine share of one request (closed loop, 1 connection, median): "
                f"{share * 1000:.2f} ms"
            )


if __name__ == "__main__":
    main()
