"""Benchmark: what one finding costs, with the rules held constant.

Builds a temporary copy of the bundled library with one extra pack of ``--rules`` synthetic DE
listing rules (bench_library_load.synthetic_pack: a quarter fire on a minimum age, a quarter on
a term in the title, a quarter on a brand with a low price, a quarter on a certification id),
then screens, in one process on one core, DE listings that make 0, a quarter, half and all of
those rules fire. Every listing meets the same rules, so the difference in time per listing
against the 0-finding listing (the reference, measured in the same run), divided by the
difference in findings, is the cost of one finding: evidence, the report's finding and its
group, and turning the report into JSON as ``check --format jsonl`` does.

Target (issue 12): at most 50 µs per finding (a document with 100 findings then costs at most
5 ms more than a clean one).

    python bench/bench_findings.py [--rules 400] [--repeat 200]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_library_load import RULES, synthetic_pack

from clearance.engine.library import load_library
from clearance.engine.screening import Screener

PLAIN: dict[str, Any] = {"kind": "listing", "id": "P", "markets": ["DE"], "title": "plain mug"}
TRIGGERS: list[tuple[str, dict[str, Any]]] = [
    ("none", {}),
    ("terms", {"title": "alpha mug"}),
    ("terms + age", {"title": "alpha mug", "attributes": {"min_age_years": 99}}),
    (
        "all four kinds",
        {
            "title": "alpha mug",
            "attributes": {"min_age_years": 99},
            "brand": "B",
            "price": {"amount": 0, "currency": "EUR"},
            "certifications": [{"type": "CE", "id": "ABCDEFGH"}],
        },
    ),
]


def per_document(screener: Screener, doc: dict[str, Any], repeat: int) -> tuple[float, int]:
    """Median seconds to screen ``doc`` and write its report as JSON, and its synthetic
    findings."""
    report = screener.screen(doc)  # compile and warm up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        report = screener.screen(doc)
        json.dumps(report.to_dict(), ensure_ascii=False)
        samples.append(time.perf_counter() - start)
    synthetic = sum(1 for f in report.findings if f.rule_id.startswith("BENCH."))
    return statistics.median(samples), synthetic


def main() -> None:
    """Run the comparison and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory(prefix="clearance-bench-rules-") as tmp:
        root = Path(tmp) / "rules"
        shutil.copytree(RULES, root, ignore=shutil.ignore_patterns("__pycache__"))
        (root / "de" / "bench-synthetic.yaml").write_text(
            synthetic_pack(args.rules), encoding="utf-8"
        )
        screener = Screener(load_library(root, index_cache=False))
    rows = []
    for name, extra in TRIGGERS:
        seconds, findings = per_document(screener, {**PLAIN, **extra}, args.repeat)
        rows.append((name, seconds, findings))
    base_s, base_n = rows[0][1], rows[0][2]
    print(
        f"{args.rules} synthetic DE rules + the bundled library; one core; median of "
        f"{args.repeat} screenings each, report written as JSON"
    )
    print("| listing | synthetic findings | ms per listing | µs per finding vs 0 findings |")
    print("| --- | ---: | ---: | ---: |")
    for name, seconds, findings in rows:
        extra = findings - base_n
        cost = f"{(seconds - base_s) / extra * 1e6:,.1f}" if extra else "(reference)"
        print(f"| {name} | {findings} | {seconds * 1e3:.2f} | {cost} |")
    print("target: at most 50 µs per finding")


if __name__ == "__main__":
    main()
