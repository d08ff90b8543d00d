"""Benchmark: how long a 1,000-rule library takes to load, cold and from the library cache.

Builds a temporary copy of the bundled rule library with one extra pack of ``--rules``
synthetic rules for DE (four kinds of condition: a number comparison, a term list over two text
fields, a money comparison under ``all``, a measure over list items), then times, each in a
fresh Python process so that nothing is shared between runs:

* ``cold``: :func:`clearance.engine.library_cache.load_cached` with an empty cache directory
  (parse every YAML file, build the pack models and condition trees, write the cache);
* ``from cache``: the same call again, which reads the cache written by the cold run;
* ``first screen``: after the load from cache, the first screening of one DE listing, which
  compiles the DE listing rules into durable_rules rulesets (done once per worker, per kind and
  market).

The same three figures for the bundled library alone are printed beside them as the reference,
and so are the parse times of the synthetic pack alone with PyYAML's ``SafeLoader`` (what the
loader uses) and ``CSafeLoader`` (libyaml), so the share of the cold time that is YAML parsing
can be read off in the same run. Target (issue 12): a 1,000-rule library loaded in at most 2 s
from cache.

    python bench/bench_library_load.py [--rules 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"

PROBE = r"""
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from clearance.engine.library_cache import load_cached
from clearance.engine.screening import Screener
imported = time.perf_counter()
result = load_cached(Path(sys.argv[1]), Path(sys.argv[2]))
loaded = time.perf_counter()
screener = Screener(result.library)
report = screener.screen({"kind": "listing", "id": "P", "markets": ["DE"], "title": "alpha",
                          "brand": "B", "price": {"amount": 5, "currency": "EUR"}})
screened = time.perf_counter()
print(json.dumps({"import": imported - start, "load": loaded - imported,
                  "screen": screened - loaded, "hit": result.hit,
                  "rules": len(result.library.rules),
                  "errors": len(report.errors)}))
"""


def synthetic_pack(count: int, prefix: str = "BENCH", market: str = "DE") -> str:
    """A pack of ``count`` listing rules for ``market`` of four kinds, in the bundled packs'
    format.

    Rule ``i`` is ``{prefix}.R{i:04d}``; by ``i % 4`` it fires when ``attributes.min_age_years``
    is at least ``i % 100``, when ``alpha``, ``beta`` or ``gamma`` is in the title or
    description, when a brand is given and the price is at most ``i`` EUR, or when a
    certification id is at least ``i % 7`` characters long (tests/test_large_packs.py relies on
    exactly this).
    """
    lines = [
        f"pack: {prefix.lower()}.synthetic",
        f"title: {count} synthetic rules",
        "version: 1.0.0",
        f"jurisdiction: {market}",
        "owner: bench",
        "sources: [{title: synthetic, url: 'https://example.org'}]",
        "terms:",
        "  words: {languages: {en: [alpha, beta, gamma]}}",
        "fixtures:",
        f"  listing: {{id: X, markets: [{market}], title: plain}}",
        "rules:",
    ]
    for i in range(count):
        kind = i % 4
        if kind == 0:
            when = f"{{field: attributes.min_age_years, gte: {i % 100}}}"
        elif kind == 1:
            when = "{terms: words, in: [title, description]}"
        elif kind == 2:
            price = f"{{field: price, lte: {{amount: {i}, currency: EUR}}}}"
            when = f"{{all: [{{present: brand}}, {price}]}}"
        else:
            when = (
                f"{{any_item: certifications, where: {{field: id, measure: length, gte: {i % 7}}}}}"
            )
        lines += [
            f"  - id: {prefix}.R{i:04d}",
            "    implements: [SCOPE.KEYWORD_STUFFING]",
            f"    title: synthetic rule {i}",
            "    applies_to: [listing]",
            f"    markets: [{market}]",
            "    severity: warn",
            f"    when: {when}",
            "    message: synthetic finding",
            "    remediation: none",
            "    references: [{title: synthetic, url: 'https://example.org'}]",
            "    examples: {trigger: [{document: {}}], pass: [{document: {}}]}",
        ]
    return "\n".join(lines) + "\n"


def probe(root: Path, cache: Path) -> dict[str, float]:
    """Load ``root`` through the cache in ``cache`` in a fresh process; return its timings."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(root), str(cache)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    if figures["errors"]:
        raise SystemExit(f"the probe listing could not be screened under {root}")
    return figures


def measure(root: Path, runs: int) -> tuple[int, dict[str, list[float]]]:
    """The number of rules, and the cold load, load from cache and first screen times."""
    times: dict[str, list[float]] = {"cold": [], "from cache": [], "first screen": []}
    rules = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="clearance-bench-cache-") as cache:
            cold = probe(root, Path(cache))
            warm = probe(root, Path(cache))
        if cold["hit"] or not warm["hit"]:
            raise SystemExit("the library cache did not behave as expected (cold hit / warm miss)")
        times["cold"].append(cold["load"])
        times["from cache"].append(warm["load"])
        times["first screen"].append(warm["screen"])
        rules = int(warm["rules"])
    return rules, times


def parse_times(text: str, runs: int) -> tuple[float, float]:
    """Best parse time of ``text`` with SafeLoader and with CSafeLoader."""
    import yaml

    def best(loader: type) -> float:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            yaml.load(text, Loader=loader)  # SafeLoader / CSafeLoader only
            samples.append(time.perf_counter() - start)
        return min(samples)

    c_loader = getattr(yaml, "CSafeLoader", None)
    return best(yaml.SafeLoader), best(c_loader) if c_loader else float("nan")


def main() -> None:
    """Run the comparison and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="clearance-bench-rules-") as tmp:
        big = Path(tmp) / "rules"
        shutil.copytree(RULES, big, ignore=shutil.ignore_patterns("__pycache__"))
        text = synthetic_pack(args.rules)
        (big / "de" / "bench-synthetic.yaml").write_text(text, encoding="utf-8")
        rows = [("bundled library", *measure(RULES, args.runs))]
        rows.append((f"bundled + {args.rules} synthetic", *measure(big, args.runs)))
        safe, c_safe = parse_times(text, args.runs)
    print(f"{'library':<28} {'rules':>6} {'cold s':>8} {'from cache s':>13} {'first screen s':>15}")
    for name, rules, t in rows:
        print(
            f"{name:<28} {rules:>6} {min(t['cold']):>8.3f} "
            f"{min(t['from cache']):>13.3f} {min(t['first screen']):>15.3f}"
        )
    print("(best of", args.runs, "runs; medians:", end=" ")
    print(
        "; ".join(
            f"{name}: cold {statistics.median(t['cold']):.3f}, "
            f"cache {statistics.median(t['from cache']):.3f}"
            for name, _, t in rows
        )
        + ")"
    )
    print(
        f"parsing the synthetic pack alone: SafeLoader {safe:.3f} s, CSafeLoader {c_safe:.3f} s "
        f"({safe / c_safe:.1f}x)"
    )
    print("target: 1,000-rule library loaded in at most 2 s from cache")


if __name__ == "__main__":
    main()
