"""Benchmark `clearance batch` on a local Ray instance with 2 actors against
`clearance check --jobs 2`, end to end, in one run.

Writes a synthetic catalogue (bench/catalogue.py) as JSON Lines, warms the library cache, then
runs each command as a separate process on one listing (its fixed cost: imports, the library,
starting the workers or Ray; best of two runs) and on the whole catalogue, and prints wall
time, listings per second with and without that fixed cost, and whether both wrote identical
reports.

    python bench/bench_ray.py [--n 20000] [--workers 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import catalogue

CLEARANCE = [sys.executable, "-m", "clearance.cli"]


def check(path: Path, workers: int, env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds of `clearance check --jobs N` and the SHA-256 of its reports."""
    args = ["check", str(path), "--format", "jsonl", "--fail-on", "none", "--jobs", str(workers)]
    start = time.perf_counter()
    proc = subprocess.run([*CLEARANCE, *args], capture_output=True, env=env, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"clearance check failed: {proc.stderr.decode()[-500:]}")
    return wall, hashlib.sha256(proc.stdout).hexdigest()


def batch(path: Path, workers: int, env: dict[str, str], out: Path) -> tuple[float, str]:
    """Wall seconds of `clearance batch --actors N` (local Ray) and the SHA-256 of its reports."""
    args = ["batch", str(path), "-o", str(out), "--fail-on", "none", "--actors", str(workers)]
    start = time.perf_counter()
    proc = subprocess.run([*CLEARANCE, *args], capture_output=True, env=env, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"clearance batch failed: {proc.stderr.decode()[-500:]}")
    return wall, hashlib.sha256(out.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="listings (default 20,000)")
    parser.add_argument("--workers", type=int, default=2, help="--jobs and --actors")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        one, many = base / "one.jsonl", base / "catalogue.jsonl"
        with many.open("w", encoding="utf-8") as handle:
            for doc in catalogue(args.n):
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
        one.write_text(many.read_text("utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
        env = {**os.environ, "CLEARANCE_CACHE_DIR": str(base / "cache")}
        subprocess.run([*CLEARANCE, "rules", "list"], capture_output=True, env=env, check=False)
        w = args.workers
        # the fixed cost is the best of two runs: starting Ray varies by seconds from run to run
        check_fixed = min(check(one, w, env)[0] for _ in range(2))
        check_wall, check_hash = check(many, w, env)
        ray_fixed = min(batch(one, w, env, base / "one-out.jsonl")[0] for _ in range(2))
        ray_wall, ray_hash = batch(many, w, env, base / "out.jsonl")
    n = args.n
    print(f"{n:,} listings, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| run | wall s | listings/s | fixed cost s (1 listing) | listings/s without it |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, wall, fixed in (
        (f"`check --jobs {w}` (reference)", check_wall, check_fixed),
        (f"`batch --actors {w}` (local Ray)", ray_wall, ray_fixed),
    ):
        steady = n / (wall - fixed) if wall > fixed else float("nan")
        print(f"| {name} | {wall:.2f} | {n / wall:,.0f} | {fixed:.2f} | {steady:,.0f} |")
    print(f"Ray against --jobs {w}: {check_wall / ray_wall:.2f}x the throughput end to end")
    print(f"identical reports: {check_hash == ray_hash}")


if __name__ == "__main__":
    main()
