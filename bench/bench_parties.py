"""Benchmark denied-party screening: latency per screened name against every list loaded.

Loads the real UN consolidated list from ../shared/samples when it is there (through the feed's
own parser) and adds synthetic entries - individuals and companies with legal forms, aliases and
countries - up to ``--entries`` (default 20,000, about the size of OFAC SDN, UN, EU and UK lists
together after de-duplication). Then screens ``--queries`` names, a realistic mix of clean
names that match nothing, exact listed names, and listed names with typos, reordered words,
other legal forms or accents, and prints load time, index size, p50/p95/p99 latency (wall clock
and the thread's CPU time: on a shared machine the wall clock also counts time the process
waited for a core), the time to build the index and write it to the disk cache, the time to
load it from there (``load_party_screener``, as the service and the command line do), and the
process's peak memory.

    python bench/bench_parties.py [--entries 20000] [--queries 5000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from clearance.engine import parties  # noqa: E402
from clearance.engine.parties import PartyScreener  # noqa: E402

SAMPLE = REPO.parent / "shared" / "samples" / "sanctions" / "un" / "consolidated.xml"
SYLLABLES = (
    "ka",
    "ri",
    "mo",
    "ha",
    "sa",
    "le",
    "vo",
    "na",
    "di",
    "ro",
    "tu",
    "pe",
    "ali",
    "bek",
    "zo",
    "mi",
    "an",
    "el",
    "or",
    "us",
    "ya",
    "shi",
    "ko",
    "ba",
    "der",
    "gu",
    "fa",
    "lo",
    "ne",
    "ti",
    "va",
    "zen",
    "qua",
    "ru",
    "sto",
    "vich",
    "ov",
    "ski",
    "ez",
    "ian",
    "berg",
    "son",
    "ma",
    "ta",
    "xi",
    "ng",
    "hu",
    "jo",
    "pa",
    "ur",
)
BUSINESS = (
    "TRADING",
    "SHIPPING",
    "INDUSTRIES",
    "HOLDING",
    "GROUP",
    "INTERNATIONAL",
    "GLOBAL",
    "LOGISTICS",
    "ENERGY",
    "PETROLEUM",
    "ENGINEERING",
    "TECHNOLOGIES",
    "MARINE",
    "CAPITAL",
    "INVESTMENTS",
    "METALS",
    "CHEMICALS",
    "AVIATION",
    "SUPPLY",
    "EXPORT",
    "IMPORT",
    "SERVICES",
    "DEVELOPMENT",
    "SYSTEMS",
    "ELECTRONICS",
    "MACHINERY",
)
FORMS = ("LTD", "LIMITED", "LLC", "GMBH", "SA", "CO LTD", "JSC", "OOO", "FZE", "INC", "BV", "")
COUNTRIES = ("RU", "IR", "KP", "SY", "CN", "AE", "TR", "BY", "VE", "CU", "IQ", "AF", "LB", "HK")


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).upper()


def synthetic(n: int, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        if rng.random() < 0.55:
            first, last = word(rng).title(), word(rng)
            middle = word(rng).title() if rng.random() < 0.5 else ""
            names = [f"{last}, {first} {middle}".strip()]
            names += [f"{last}, {word(rng).title()}" for _ in range(rng.randint(0, 3))]
            kind = "individual"
        else:
            core = " ".join([word(rng), *rng.sample(BUSINESS, rng.randint(1, 2))])
            names = [f"{core} {rng.choice(FORMS)}".strip()]
            names += [f"{word(rng)} {rng.choice(BUSINESS)}" for _ in range(rng.randint(0, 2))]
            kind = "entity"
        out.append(
            {
                "id": f"S{i}",
                "list": "synthetic",
                "programmes": ["TEST"],
                "type": kind,
                "names": names,
                "countries": rng.sample(COUNTRIES, rng.randint(0, 2)),
                "dates_of_birth": [],
                "remarks": "",
                "source_url": "",
            }
        )
    return out


def real_un() -> list[dict[str, Any]]:
    if not SAMPLE.exists():
        return []
    from clearance.feeds.un import SOURCE

    payload = SOURCE.read_local(SAMPLE)
    entries: list[dict[str, Any]] = SOURCE.parse(payload, dt.datetime.now(dt.UTC))["entries"]
    return entries


def typo(name: str, rng: random.Random) -> str:
    chars = list(name)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    if letters:
        i = rng.choice(letters)
        chars[i] = rng.choice("AEIOUYKLMNRST")
    return "".join(chars)


def queries(entries: list[dict[str, Any]], n: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(n):
        roll = rng.random()
        name = rng.choice(rng.choice(entries)["names"])
        if roll < 0.6:  # most screened parties are on no list
            out.append(
                f"{word(rng).title()} {word(rng).title()}"
                if rng.random() < 0.5
                else f"{word(rng)} {rng.choice(BUSINESS)} {rng.choice(FORMS)}"
            )
        elif roll < 0.75:
            out.append(name)
        elif roll < 0.85:
            out.append(typo(name, rng))
        elif roll < 0.95:
            out.append(" ".join(reversed(name.replace(",", "").split())).lower())
        else:
            out.append(name + " Limited")
    return out


def disk_cache(entries: list[dict[str, Any]]) -> tuple[float, float]:
    """Seconds to load the lists with no cached index (build and write it), then from it."""
    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "rules"
        folder = rules / "data" / "sanctions"
        folder.mkdir(parents=True)
        (folder / "bench.json").write_text(json.dumps({"entries": entries}), encoding="utf-8")
        cache = Path(tmp) / "cache"
        times = []
        for _ in range(2):
            parties._cache.clear()  # the in-memory cache; the disk one is what is measured
            start = time.perf_counter()
            loaded = parties.load_party_screener(rules, cache_dir=cache)
            assert loaded is not None
            loaded.match("warm up")
            times.append(time.perf_counter() - start)
        return times[0], times[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    real = real_un()
    entries = real + synthetic(max(0, args.entries - len(real)), rng)
    start = time.perf_counter()
    screener = PartyScreener(entries)
    load_s = time.perf_counter() - start
    names = queries(entries, args.queries, rng)

    for name in names[:200]:  # warm up
        screener.match(name)
    latencies: list[float] = []
    cpu: list[float] = []
    hits = 0
    for name in names:
        t0, c0 = time.perf_counter_ns(), time.thread_time_ns()
        found = screener.match(name, country=rng.choice((None, "RU", "DE")))
        latencies.append((time.perf_counter_ns() - t0) / 1e6)
        cpu.append((time.thread_time_ns() - c0) / 1e6)
        hits += bool(found)
    latencies.sort()
    cpu.sort()

    def pct(p: float, values: list[float] | None = None) -> float:
        values = latencies if values is None else values
        return values[min(len(values) - 1, int(p / 100 * len(values)))]

    build_s, load_s_cached = disk_cache(entries)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("denied-party screening benchmark")
    print(
        f"  entries            {len(entries):,} ({len(real):,} real UN, "
        f"{len(entries) - len(real):,} synthetic)"
    )
    print(f"  names indexed      {screener.name_count:,}")
    print(f"  load + index       {load_s * 1000:,.0f} ms")
    print(f"  queries            {len(names):,} ({hits:,} with at least one match)")
    print(f"  latency p50        {pct(50):.3f} ms   (CPU {pct(50, cpu):.3f} ms)")
    print(f"  latency p95        {pct(95):.3f} ms   (CPU {pct(95, cpu):.3f} ms)")
    print(f"  latency p99        {pct(99):.3f} ms   (CPU {pct(99, cpu):.3f} ms)")
    print(f"  latency max        {latencies[-1]:.3f} ms   (CPU {cpu[-1]:.3f} ms)")
    print(f"  index built, cached {build_s:.2f} s (load_party_screener, no cache yet)")
    print(f"  index from cache   {load_s_cached:.2f} s (load_party_screener, cache hit)")
    print(
        f"  mean               {statistics.fmean(latencies):.3f} ms "
        f"({1000 / statistics.fmean(latencies):,.0f} names/s)"
    )
    print(f"  peak RSS           {peak_mb:,.0f} MiB")


if __name__ == "__main__":
    main()
