"""Benchmark: request latency while the service hot-reloads a rules directory that grows by a
1,000-rule pack, next to the latency of the same run before the reload.

Copies the bundled rules to a temporary directory, starts `clearance serve` on it (watching
the directory, 2 workers, the SQLite decision log), and sends single-listing requests at a
fixed rate (open loop: latency from the scheduled send time, as bench/bench_api.py). After
``--before`` seconds it writes a pack of 1,000 synthetic DE listing rules
(bench/bench_library_load.py) into the directory; each worker sees the change, loads and warms
the new library off the request path, and swaps it in. The script prints latency percentiles
per window of ``--window`` seconds (the windows before the change are the reference), when
readiness (on four probe connections, so on each worker) first reports the new pack, and the
errors. Only talks to
127.0.0.1.

    python bench/bench_reload.py                    # 100 requests/s, 60 s, change at 10 s
    python bench/bench_reload.py --rate 200 --seconds 45 --before 10
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import HOST, KEY, LISTING, Connection, free_port, prepare, start, stop
from bench_library_load import synthetic_pack

from clearance.engine.paths import default_rules_dir

RULES_ADDED = 1000


async def drive(
    port: int, rate: float, seconds: float, before: float, rules: Path
) -> tuple[list[tuple[float, float, int]], float, list[tuple[float, int, int]]]:
    """Send the load; write the pack at ``before`` s. Returns (scheduled offset, latency,
    status) per request, the offset of the write, and (offset, probe, pack count) whenever the
    pack count that readiness reports on one of four probe connections changes."""
    raw = prepare(
        port,
        "/v1/screen/listing",
        json.dumps({"document": LISTING}).encode(),
        {"Authorization": f"Bearer {KEY}"},
    )
    idle: list[Connection] = []
    samples: list[tuple[float, float, int]] = []
    tasks: set[asyncio.Task[None]] = set()
    start_at = time.perf_counter()

    async def one(scheduled: float) -> None:
        conn = idle.pop() if idle else await Connection.open(port)
        try:
            status = await conn.request(raw)
        except (OSError, asyncio.IncompleteReadError):
            conn.close()
            samples.append((scheduled - start_at, time.perf_counter() - scheduled, 0))
            return
        samples.append((scheduled - start_at, time.perf_counter() - scheduled, status))
        idle.append(conn)

    counts: list[tuple[float, int, int]] = []

    async def watch_packs(probe_id: int) -> None:
        """Readiness on one keep-alive connection (one worker): when its pack count changes."""
        probe = await Connection.open(port)
        get = f"GET /v1/health/ready HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode()
        last = None
        while time.perf_counter() - start_at < seconds:
            probe.writer.write(get)
            head = await probe.reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line[15:])
                for line in head.split(b"\r\n")
                if line[:15].lower() == b"content-length:"
            )
            body = json.loads(await probe.reader.readexactly(length))
            packs = len(body.get("packs") or [])
            if packs != last:
                counts.append((time.perf_counter() - start_at, probe_id, packs))
                last = packs
            await asyncio.sleep(0.25)
        probe.close()

    watchers = [asyncio.create_task(watch_packs(i)) for i in range(4)]
    written = -1.0
    for i in range(int(rate * seconds)):
        scheduled = start_at + i / rate
        if written < 0 and scheduled - start_at >= before:
            pack = rules / "de" / "bench-synthetic.yaml"
            pack.write_text(synthetic_pack(RULES_ADDED), encoding="utf-8")
            written = time.perf_counter() - start_at
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(scheduled))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks, timeout=60)
    await asyncio.gather(*watchers)
    for conn in idle:
        conn.close()
    return samples, written, counts


def percentile(values: list[float], p: float) -> float:
    """The ``p`` quantile of ``values`` (sorted by the caller), in ms."""
    return values[min(len(values) - 1, int(p * len(values)))] * 1000 if values else 0.0


def main() -> None:
    """Run the load with one reload in it and print the latency per window."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--before", type=float, default=10.0, help="seconds before the change")
    parser.add_argument("--window", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="clearance-reload-bench-") as tmp:
        rules = Path(tmp) / "rules"
        shutil.copytree(default_rules_dir(), rules)
        env = dict(
            os.environ,
            CLEARANCE_API_KEYS=f"bench:screen:{hashlib.sha256(KEY.encode()).hexdigest()}",
            CLEARANCE_CACHE_DIR=str(Path(tmp) / "cache"),
            TMPDIR=tmp,
        )
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)
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
                "--rules",
                str(rules),
                "--no-access-log",
                "--log-level",
                "warning",
                "--db",
                str(Path(tmp) / "decisions.db"),
            ],
            env,
            port,
            "/v1/health/ready",
        )
        try:
            samples, written, counts = asyncio.run(
                drive(port, args.rate, args.seconds, args.before, rules)
            )
        finally:
            stop(proc)
    print(
        f"\n{args.rate:g} requests/s for {args.seconds:g} s on {args.workers} workers; "
        f"{RULES_ADDED} rules written at {written:.1f} s; latency in ms from the scheduled time"
    )
    print(
        "packs reported by readiness (probe connection: count at time): "
        + ", ".join(f"#{i}: {n} at {t:.1f} s" for t, i, n in counts)
    )
    print(f"{'window':<14} {'sent':>6} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>9} {'errors':>6}")
    start_w = 0.0
    while start_w < args.seconds:
        part = [(lat, st) for t, lat, st in samples if start_w <= t < start_w + args.window]
        lats = sorted(lat for lat, _ in part)
        failed = Counter(st for _, st in part if st != 200)
        errors = ", ".join(f"{n}x {st or 'no answer'}" for st, n in sorted(failed.items()))
        mark = " (reference)" if start_w + args.window <= written else ""
        print(
            f"{start_w:5.0f}-{start_w + args.window:<5.0f}s {len(part):>6} "
            f"{percentile(lats, 0.5):>8.2f} {percentile(lats, 0.95):>8.2f} "
            f"{percentile(lats, 0.99):>8.2f} {percentile(lats, 1.0):>9.2f} {errors or '0':>6}{mark}"
        )
        start_w += args.window


if __name__ == "__main__":
    main()
