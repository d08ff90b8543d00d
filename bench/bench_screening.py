"""Benchmark: screen a synthetic catalogue with every starter pack, on one core.

Prints listings per second, per-document latency percentiles and peak memory for the engine
(durable_rules), next to a hand-written plain-Python evaluation of the same starter listing rules
on the same documents in the same run, so the engine's overhead is a ratio. Both sides use the
same document validation and the same term matcher (text matching is a derived fact, outside
the engine); the plain-Python side also cross-checks that both find the same rules.

    python bench/bench_screening.py            # 100,000 listings
    python bench/bench_screening.py --n 20000
    python bench/bench_screening.py --n 3000 --end-to-end 20000

The engine is timed twice: on exactly the rules the hand-written code implements
(:data:`HAND_WRITTEN_RULES`, the like-for-like comparison, whose findings must agree on every
listing) and on the full library (every rule of every pack, printed on its own line).
``--end-to-end N`` also runs ``clearance check FILE --format jsonl --jobs 1`` on N catalogue
listings in a subprocess and prints its listings/s (wall clock and the child's CPU time).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import catalogue

from clearance.engine.documents import validate
from clearance.engine.facts import is_present
from clearance.engine.identifiers import is_valid
from clearance.engine.library import Library, load_library
from clearance.engine.regexguard import compile_pattern, search
from clearance.engine.screening import Screener
from clearance.engine.terms import TermMatcher

REPO_ROOT = Path(__file__).resolve().parents[1]

EU_GOODS: set[str] = set()
GPSR_FROM = dt.date(2024, 12, 13)
TEST_CITED = compile_pattern(
    r"(?i)(stiftung warentest|ökotest|öko-test|chip|computerbild|test\s*\d{1,2}/\d{2,4})"
)


HAND_WRITTEN_RULES = frozenset(
    {
        "LISTING.GTIN_INVALID",
        "EU.GPSR.19A.MANUFACTURER",
        "EU.GPSR.19B.EU_RP",
        "EU.GPSR.19C.PRODUCT_ID",
        "EU.UCPD.SUPERLATIVE",
        "DE.UWG.SUPERLATIVE",
        "DE.UWG.TESTSIEGER",
        "CN.ADLAW.ART9_3",
        "US.FCC.RF_AUTH",
        "US.FCC.COVERED_LIST",
    }
)
"""The listing rules :func:`hand_written` implements (the starter listing rules)."""


def only_rules(library: Library, ids: frozenset[str]) -> Library:
    """A copy of ``library`` that screens with the rules ``ids`` alone (same packs, tables,
    lists and term matcher)."""
    missing = ids - set(library.rules)
    if missing:
        raise SystemExit(f"rules missing from the library: {', '.join(sorted(missing))}")
    subset = dataclasses.replace(library)
    subset.rules = {rid: rule for rid, rule in library.rules.items() if rid in ids}
    return subset


def end_to_end(n: int) -> tuple[float, float, float]:
    """Run ``clearance check --format jsonl --jobs 1`` on ``n`` catalogue listings; return
    (wall seconds, child CPU seconds, start-up CPU seconds of the same command on one listing)."""
    clearance = Path(sys.executable).with_name("clearance")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalogue.jsonl"
        one = Path(tmp) / "one.jsonl"
        with path.open("w") as out:
            for doc in catalogue(n, seed=3):
                out.write(json.dumps(doc) + "\n")
        one.write_text(json.dumps(next(catalogue(1, seed=3))) + "\n")
        timings = []
        for target in (one, path):
            cmd = [str(clearance), "check", str(target), "--format", "jsonl", "--jobs", "1"]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False, cwd=REPO_ROOT)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            timings.append((wall, cpu))
    return timings[1][0], timings[1][1], timings[0][1]


def hand_written(matcher: TermMatcher) -> Callable[[dict[str, Any]], set[tuple[str, str]]]:
    """The starter listing rules written directly in Python."""

    text_fields = ("title", "description", "bullet_points", "keywords", "brand")

    def screen(raw: dict[str, Any]) -> set[tuple[str, str]]:
        doc = validate(raw).data
        per_field: dict[str, set[str]] = {}
        for f in text_fields:  # each field is scanned once, as the engine's facts are
            value = doc.get(f)
            texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            per_field[f] = {h.list_name for text in texts for h in matcher.find(text)}

        def hits(_doc: dict[str, Any], fields: tuple[str, ...]) -> set[str]:
            return set().union(*(per_field[f] for f in fields))

        on = dt.date.fromisoformat(doc["date"])
        out: set[tuple[str, str]] = set()
        main = hits(doc, ("title", "description", "bullet_points", "keywords"))
        m = doc.get("manufacturer") or {}
        rp = doc.get("eu_responsible_person") or {}
        attrs = doc.get("attributes") or {}
        gtin = doc.get("gtin")
        for market in doc["markets"]:
            if is_present(gtin) and not is_valid("gtin", gtin):
                out.add(("LISTING.GTIN_INVALID", market))
            if market in EU_GOODS and on >= GPSR_FROM:
                if (
                    not is_present(m.get("name"))
                    or not is_present(m.get("address"))
                    or not (is_present(m.get("email")) or is_present(m.get("url")))
                ):
                    out.add(("EU.GPSR.19A.MANUFACTURER", market))
                if (
                    is_present(m.get("country"))
                    and m["country"] not in EU_GOODS
                    and (
                        not is_present(rp.get("name"))
                        or not is_present(rp.get("address"))
                        or not (is_present(rp.get("email")) or is_present(rp.get("url")))
                        or (is_present(rp.get("country")) and rp["country"] not in EU_GOODS)
                    )
                ):
                    out.add(("EU.GPSR.19B.EU_RP", market))
                if not is_present(doc.get("images")) or not any(
                    is_present(doc.get(k)) for k in ("model", "gtin", "batch", "serial", "mpn")
                ):
                    out.add(("EU.GPSR.19C.PRODUCT_ID", market))
                if "eu.ucpd-claims:measurable_superlatives" in hits(
                    doc, ("title", "description", "bullet_points")
                ):
                    out.add(("EU.UCPD.SUPERLATIVE", market))
            if market == "DE":
                if "de.uwg-claims:superlatives" in main:
                    out.add(("DE.UWG.SUPERLATIVE", market))
                tested = "de.uwg-claims:test_winner" in hits(
                    doc, ("title", "description", "bullet_points")
                )
                desc = doc.get("description")
                cited = isinstance(desc, str) and search(TEST_CITED, desc) is not None
                if tested and not cited:
                    out.add(("DE.UWG.TESTSIEGER", market))
            if market == "CN" and "cn.adlaw-extreme-words:extreme_words" in main:
                out.add(("CN.ADLAW.ART9_3", market))
            if market == "US":
                radio = (
                    attrs.get("radio") is True
                    or len(attrs.get("wireless") or []) > 0
                    or "us.fcc:radio_words" in hits(doc, ("title", "bullet_points"))
                )
                if radio and not is_present(doc.get("fcc_id")):
                    out.add(("US.FCC.RF_AUTH", market))
                if "us.fcc:covered_brands" in hits(doc, ("brand", "title")):
                    out.add(("US.FCC.COVERED_LIST", market))
        return out

    return screen


def percentiles(samples: list[int]) -> dict[str, float]:
    """p50/p95/p99/max of nanosecond samples, in microseconds."""
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": q[49] / 1e3, "p95": q[94] / 1e3, "p99": q[98] / 1e3, "max": max(samples) / 1e3}


def run(
    label: str, n: int, fn: Callable[[dict[str, Any]], Any]
) -> tuple[float, dict[str, float], list[Any]]:
    """Time ``fn`` on each synthetic listing; return throughput, latency and outputs."""
    samples: list[int] = []
    outputs: list[Any] = []
    gc.collect()
    clock = time.perf_counter_ns
    for doc in catalogue(n):
        start = clock()
        result = fn(doc)
        samples.append(clock() - start)
        outputs.append(result)
    total = sum(samples) / 1e9
    return n / total, percentiles(samples), outputs


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of listings")
    parser.add_argument(
        "--end-to-end",
        type=int,
        default=0,
        metavar="N",
        help="also time `clearance check --format jsonl --jobs 1` on N listings",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    library = load_library(REPO_ROOT / "rules")
    EU_GOODS.update(library.markets.groups["EU_GOODS"])
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    screener = Screener(only_rules(library, HAND_WRITTEN_RULES))
    full = Screener(library)
    for doc in catalogue(500, seed=1):  # warm the compile caches
        screener.screen(doc)
        full.screen(doc)
    engine_rate, engine_lat, reports = run("engine", args.n, screener.screen)
    full_rate, full_lat, full_reports = run("engine, full library", args.n, full.screen)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    plain = hand_written(screener.matcher)
    plain_rate, plain_lat, plain_out = run("plain", args.n, plain)
    agree = sum(
        {(f.rule_id, f.market) for f in r.findings} == p
        for r, p in zip(reports, plain_out, strict=True)
    )
    flagged = sum(1 for r in reports if r.findings)
    errors = sum(1 for r in reports if r.decision == "error")
    full_flagged = sum(1 for r in full_reports if r.findings)
    print(
        f"catalogue: {args.n} listings; {len(HAND_WRITTEN_RULES)} hand-written rules: "
        f"{flagged} with findings ({flagged / args.n:.1%}), {errors} errors; full library: "
        f"{len(library.rules)} rules in {len(library.packs)} packs, {full_flagged} with "
        f"findings; one core; per-document wall clock"
    )
    print(f"{'':34}{'listings/s':>12}{'p50 us':>10}{'p95 us':>10}{'p99 us':>10}{'max us':>10}")
    for name, rate, lat in (
        (f"engine, {len(HAND_WRITTEN_RULES)} rules (durable_rules)", engine_rate, engine_lat),
        (f"hand-written Python, {len(HAND_WRITTEN_RULES)} rules", plain_rate, plain_lat),
        (f"engine, full library ({len(library.rules)})", full_rate, full_lat),
    ):
        print(
            f"{name:34}{rate:12,.0f}{lat['p50']:10.1f}{lat['p95']:10.1f}{lat['p99']:10.1f}"
            f"{lat['max']:10.0f}"
        )
    print(
        f"engine / hand-written on the same rules: {engine_rate / plain_rate:.2f}x the "
        f"throughput ({plain_rate / engine_rate:.2f}x the time per listing)"
    )
    print(f"agreement: {agree}/{args.n} listings with identical findings")
    print(f"peak RSS: {peak_mb:.0f} MB (before the engine: {rss0 / 1024:.0f} MB)")
    if args.end_to_end:
        wall, cpu, startup = end_to_end(args.end_to_end)
        n = args.end_to_end
        print(
            f"end to end, clearance check --format jsonl --jobs 1, full library, {n} listings: "
            f"{n / wall:,.0f}/s wall ({wall:.1f} s), {n / cpu:,.0f}/s CPU ({cpu:.1f} s), "
            f"{n / max(cpu - startup, 1e-9):,.0f}/s CPU without start-up ({startup:.1f} s); "
            f"hand-written reference above: {plain_rate:,.0f}/s"
        )
    if agree != args.n:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
