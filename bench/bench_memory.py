"""Peak memory (RSS) and documents/s of `clearance check` per input and output format.

Generates N tiny listings in JSON Lines, a JSON array and Clearance CSV, runs
`clearance check` on each as a subprocess with each output format asked for, and prints the
child's peak RSS (resource.getrusage RUSAGE_CHILDREN, measured per case in a fresh process)
and documents/s (wall clock) next to the reference of the same run: a plain Python read of the
same file (json.loads per line / json.load of the array / csv.DictReader), in its own process.

    python bench/bench_memory.py --n 20000 [--jobs 1] [--inputs jsonl,json,csv] \
        [--outputs jsonl,sarif]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REFERENCE = {
    "jsonl": "import json,sys\nn=sum(1 for l in open(sys.argv[1],'rb') if json.loads(l))",
    "json": "import json,sys\nn=len(json.load(open(sys.argv[1],'rb')))",
    "csv": "import csv,sys\nn=sum(1 for _ in csv.DictReader(open(sys.argv[1],newline='')))",
}
MEASURE = (
    "import resource,subprocess,sys\n"
    "rc=subprocess.call(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n"
    "print(rc,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def listing(i: int) -> dict[str, object]:
    """A tiny listing; one in ten has a claim that a rule flags."""
    title = "Kids toy car" if i % 10 else "Lead-free miracle cure that treats cancer"
    return {"kind": "listing", "id": f"L{i}", "title": title, "markets": ["DE"]}


def write_inputs(directory: Path, n: int, inputs: list[str]) -> dict[str, Path]:
    """The same N listings in each input format."""
    paths: dict[str, Path] = {}
    if "jsonl" in inputs:
        paths["jsonl"] = directory / "docs.jsonl"
        with paths["jsonl"].open("w", encoding="utf-8") as handle:
            for i in range(n):
                handle.write(json.dumps(listing(i)) + "\n")
    if "json" in inputs:
        paths["json"] = directory / "docs.json"
        with paths["json"].open("w", encoding="utf-8") as handle:
            handle.write("[\n")
            for i in range(n):
                handle.write(("," if i else "") + json.dumps(listing(i)) + "\n")
            handle.write("]\n")
    if "csv" in inputs:
        paths["csv"] = directory / "docs.csv"
        with paths["csv"].open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "id", "title", "markets"])
            for i in range(n):
                d = listing(i)
                writer.writerow([d["kind"], d["id"], d["title"], "DE"])
    return paths


def run(argv: list[str]) -> tuple[int, float, float]:
    """Exit code, peak RSS in MB and seconds of one command in a fresh measuring process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    rc, kb = done.stdout.split()
    return int(rc), int(kb) / 1024, seconds


def main() -> None:
    """Run every case and print one line each."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--inputs", default="jsonl,json,csv")
    parser.add_argument("--outputs", default="jsonl,sarif")
    args = parser.parse_args()
    inputs, outputs = args.inputs.split(","), args.outputs.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_inputs(Path(tmp), args.n, inputs)
        print(f"{args.n} tiny listings, --jobs {args.jobs}; peak RSS of the child, wall docs/s")
        for fmt, path in paths.items():
            rc, mb, s = run([sys.executable, "-c", REFERENCE[fmt], str(path)])
            print(f"{fmt:>5} reference (plain Python read)   {mb:7.1f} MB {args.n / s:9.0f} docs/s")
            for out in outputs:
                cmd = [sys.executable, "-m", "clearance", "check", str(path)]
                cmd += ["--format", out, "--fail-on", "none", "--jobs", str(args.jobs)]
                rc, mb, s = run(cmd)
                print(f"{fmt:>5} -> {out:<8} exit {rc:<16} {mb:7.1f} MB {args.n / s:9.0f} docs/s")


if __name__ == "__main__":
    main()
