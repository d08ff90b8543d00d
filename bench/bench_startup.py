"""Benchmark: wall time of `clearance check` on one document, as a CI job pays it per call.

Runs the installed ``clearance`` command (the console script beside this Python) as a fresh
process on a one-listing JSON file, several times, and prints the best and median wall time for:

* the bundled rule library (the one a plain ``clearance check`` uses), and
* a copy of it whose ``data/sanctions/ofac.json`` is replaced by a synthetic list of the real
  OFAC SDN list's size (about 7,400 entries and 17,000 names with aliases, in the format
  ``clearance feeds update ofac`` writes),

each with a cold library cache (the cache directory emptied before every run) and a warm one.
In the same run it times ``python -c pass`` and ``python -c "import clearance.engine"`` as
references, so the figures can be compared on a busy machine; CPU time (user + system) is shown
beside wall time for the same reason.

    python bench/bench_startup.py [--runs 7] [--entries 7400] [--names 17000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bench_parties  # the synthetic name parts, shared with the party-screening bench

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"
DOCUMENT = {
    "kind": "listing",
    "id": "L-1001",
    "date": "2026-11-20",
    "markets": ["DE", "FR"],
    "marketplace": "amazon.de",
    "title": "Edelstahl Trinkflasche 750 ml, auslaufsicher",
    "description": "Doppelwandig isoliert, hält 12 Stunden kalt. Jetzt bestellen!",
    "brand": "Acme",
    "model": "WB-750",
    "gtin": "4006381333931",
    "images": ["https://img.example.com/wb750.jpg"],
    "price": {"amount": 24.9, "currency": "EUR"},
    "manufacturer": {
        "name": "Acme Bottles GmbH",
        "address": "Hauptstr. 1, 10115 Berlin",
        "email": "safety@acme-bottles.example",
        "country": "DE",
    },
}

# The name parts of bench_parties.py's synthetic list, and a few more for a list of SDN size.
SYLLABLES = [
    *bench_parties.SYLLABLES,
    "kha",
    "mad",
    "reza",
    "hos",
    "sein",
    "ab",
    "dul",
    "lah",
    "nik",
    "ol",
    "ai",
    "ser",
    "gei",
    "yev",
]
BUSINESS = [
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
    "BANK",
    "EXCHANGE",
]
FORMS = ("LTD", "LIMITED", "LLC", "GMBH", "S.A.", "CO., LTD.", "JSC", "OOO", "FZE", "INC.", "")
PROGRAMMES = [
    "SDGT",
    "IRAN",
    "IFSR",
    "NPWMD",
    "RUSSIA-EO14024",
    "UKRAINE-EO13662",
    "SDNTK",
    "CYBER2",
    "VENEZUELA-EO13850",
    "DPRK3",
    "SYRIA",
    "GLOMAG",
    "ILLICIT-DRUGS-EO14059",
    "CAATSA - RUSSIA",
]
COUNTRIES = ("RU", "IR", "KP", "SY", "CN", "AE", "TR", "BY", "VE", "CU", "IQ", "AF", "LB", "MX")
ENTITY_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id="
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).upper()


def synthetic_ofac(entries: int, names: int, rng: random.Random) -> dict[str, Any]:
    """A list document shaped like ``clearance feeds update ofac`` output, of the given size."""
    # spread the aliases unevenly over the entries: most have none or one, a few have many
    weights = [rng.expovariate(1.0) ** 2 for _ in range(entries)]
    extras = [0] * entries
    for i in rng.choices(range(entries), weights=weights, k=max(0, names - entries)):
        extras[i] += 1
    out: list[dict[str, Any]] = []
    for i, extra in enumerate(extras):
        roll = rng.random()
        if roll < 0.45:
            kind = "individual"
            first, last = _word(rng).title(), _word(rng)
            middle = f" {_word(rng).title()}" if rng.random() < 0.5 else ""
            primary = f"{last}, {first}{middle}"
            alias_names = [f"{_word(rng)}, {first}" for _ in range(extra)]
            dob = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(1940, 2000)}"
            remarks = (
                f"DOB {dob}; POB {_word(rng).title()}, {rng.choice(COUNTRIES)}; "
                f"nationality {rng.choice(COUNTRIES)}; Passport {rng.randint(10**7, 10**8)}; "
                f"Gender {'Male' if rng.random() < 0.8 else 'Female'}."
            )
            dates = [dob]
        else:
            kind = "entity" if roll < 0.93 else rng.choice(("vessel", "aircraft"))
            core = " ".join([_word(rng), *rng.sample(BUSINESS, rng.randint(1, 2))])
            primary = f"{core} {rng.choice(FORMS)}".strip()
            alias_names = [f"{_word(rng)} {rng.choice(BUSINESS)}" for _ in range(extra)]
            remarks = (
                f"Website www.{_word(rng).lower()}.com; Registration Number "
                f"{rng.randint(10**6, 10**9)} ({rng.choice(COUNTRIES)}); Linked To: "
                f"{_word(rng)} {rng.choice(BUSINESS)}."
            )
            dates = []
        out.append(
            {
                "id": str(10_000 + i),
                "list": "ofac",
                "programmes": rng.sample(PROGRAMMES, rng.randint(1, 3)),
                "type": kind,
                "names": [primary, *alias_names],
                "countries": rng.sample(COUNTRIES, rng.randint(0, 2)),
                "dates_of_birth": dates,
                "remarks": remarks,
                "source_url": f"{ENTITY_URL}{10_000 + i}",
            }
        )
    return {
        "list": "ofac",
        "kind": "sanctions",
        "title": "OFAC Specially Designated Nationals and Blocked Persons (SDN) list",
        "description": "Synthetic list of the real SDN list's size, for benchmarks.",
        "provenance": {
            "source": "synthetic (bench/bench_startup.py)",
            "fetched_at": "2026-11-25T00:00:00Z",
            "maintained_by": "bench/bench_startup.py",
            "parser_version": "ofac/1",
            "record_count": len(out),
            "file": "ofac",
        },
        "cadence_days": 1.0,
        "entries": out,
    }


def clearance_command() -> list[str]:
    """The installed console script beside this Python, else ``python -m clearance.cli``."""
    script = Path(sys.executable).parent / "clearance"
    return [str(script)] if script.exists() else [sys.executable, "-m", "clearance.cli"]


def timed_runs(
    argv: list[str], runs: int, env: dict[str, str], cwd: Path, before: Callable[[], None]
) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of ``runs`` fresh processes.

    ``before`` runs untimed ahead of each. CPU time is printed beside wall time because the
    machine is shared: other work delays a process's wall clock more than its CPU time.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return walls, cpus


def row(label: str, walls: list[float], cpus: list[float]) -> str:
    """One table row: best and median wall time, best CPU time, in seconds."""
    return f"| {label} | {min(walls):.3f} | {statistics.median(walls):.3f} | {min(cpus):.3f} |"


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--entries", type=int, default=7_400)
    parser.add_argument("--names", type=int, default=17_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="clearance-bench-") as tmp_name:
        tmp = Path(tmp_name)
        doc = tmp / "one.json"
        doc.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
        full = tmp / "rules-full-ofac"
        shutil.copytree(RULES, full, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        listing = synthetic_ofac(args.entries, args.names, random.Random(args.seed))
        list_file = full / "data" / "sanctions" / "ofac.json"
        list_file.write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")
        names = sum(len(e["names"]) for e in listing["entries"])

        cache = tmp / "cache"
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLEARANCE_")}
        env["CLEARANCE_CACHE_DIR"] = str(cache)

        def cold() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        def warm() -> None:
            pass

        cli = clearance_command()
        cases: list[tuple[str, list[str], Callable[[], None]]] = [
            ("`python -c pass` (reference)", [sys.executable, "-c", "pass"], warm),
            (
                '`python -c "import clearance.engine"` (reference)',
                [sys.executable, "-c", "import clearance.engine"],
                warm,
            ),
            ("check, bundled lists, cold cache", [*cli, "check", str(doc)], cold),
            ("check, bundled lists, warm cache", [*cli, "check", str(doc)], warm),
            (
                "check, full-size OFAC list, cold cache",
                [*cli, "check", "--rules", str(full), str(doc)],
                cold,
            ),
            (
                "check, full-size OFAC list, warm cache",
                [*cli, "check", "--rules", str(full), str(doc)],
                warm,
            ),
        ]
        print(
            f"synthetic OFAC list: {len(listing['entries'])} entries, {names} names, "
            f"{list_file.stat().st_size / 1e6:.1f} MB; {args.runs} runs each; "
            f"Python {sys.version.split()[0]}"
        )
        print("| command | wall, best s | wall, median s | CPU, best s |")
        print("| --- | ---: | ---: | ---: |")
        for label, argv, before in cases:
            if "warm" in label:  # fill the cache once, untimed
                subprocess.run(argv, env=env, cwd=tmp, capture_output=True, check=False)
            print(row(label, *timed_runs(argv, args.runs, env, tmp, before)), flush=True)


if __name__ == "__main__":
    main()
