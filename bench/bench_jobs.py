"""Benchmark `clearance check --jobs`: one worker process against two, end to end, in one run.

Writes a synthetic catalogue (bench/catalogue.py: realistic titles and descriptions, about one
listing in six with a violation) as JSON Lines, then times `clearance check --format jsonl`
with --jobs 1 and --jobs N (default 2) as separate processes, with a warm library cache, and
prints wall time, listings per second, the speed-up, peak memory of each run (its own process
and its workers) and whether both runs wrote identical reports.

    python bench/bench_jobs.py [--n 20000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import catalogue

CLEARANCE = [sys.executable, "-m", "clearance.cli"]


def run(path: Path, jobs: int, env: dict[str, str]) -> tuple[float, str, int]:
    """Wall seconds, SHA-256 of the reports, and the largest RSS of any process so far (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [
            *CLEARANCE,
            "check",
            str(path),
            "--format",
            "jsonl",
            "--fail-on",
            "none",
            "--jobs",
            str(jobs),
        ],
        capture_output=True,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(
            f"clearance check failed ({proc.returncode}): {proc.stderr.decode()[:500]}"
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, hashlib.sha256(proc.stdout).hexdigest(), max(peak, before) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="listings (default 20,000)")
    parser.add_argument("--jobs", type=int, default=2, help="workers of the parallel run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalogue.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for doc in catalogue(args.n):
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
        env = {**os.environ, "CLEARANCE_CACHE_DIR": str(Path(tmp) / "cache")}
        # warm the library cache, as a CI job that ran before would have
        subprocess.run([*CLEARANCE, "rules", "list"], capture_output=True, env=env, check=False)
        one, one_hash, one_mb = run(path, 1, env)
        many, many_hash, many_mb = run(path, args.jobs, env)
    cores = os.cpu_count() or 1
    print(f"{args.n:,} listings, {cores} cores, Python {sys.version.split()[0]}")
    print("| run | wall s | listings/s | largest process RSS MB |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| --jobs 1 (reference) | {one:.2f} | {args.n / one:,.0f} | {one_mb} |")
    print(f"| --jobs {args.jobs} | {many:.2f} | {args.n / many:,.0f} | {many_mb} |")
    print(f"speed-up {one / many:.2f}x (target >= 1.8x on 2 cores)")
    print(f"identical reports: {'yes' if one_hash == many_hash else 'NO'}")


if __name__ == "__main__":
    main()
