"""Peak memory (RSS) and documents/s of `clearance check` per input and output format.

Generates N listings (realistic ones from bench/catalogue.py, or tiny ones) in JSON Lines, a
JSON array, Clearance CSV, a Shopify export, a Merchant Center RSS feed and a Merchant Center
text feed, runs `clearance check` on each as a subprocess with each output format asked for,
and prints the child's peak RSS (resource.getrusage RUSAGE_CHILDREN, measured per case in a
fresh process) and documents/s (wall clock) next to the reference of the same run: a plain
Python read of the same file (json.loads per line, json.load of the array, csv.DictReader,
lxml iterparse), in its own process. With several sizes (--n 2000,20000) each case is run at
each size, so the figures show whether memory grows with the input.

    python bench/bench_memory.py --n 2000,20000 [--jobs 1] [--listings catalogue|tiny] \
        [--inputs jsonl,json,csv,shopify,xml,tsv] [--outputs jsonl,json,sarif,junit,markdown]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue import catalogue

CSV_READ = "import csv,sys\nn=sum(1 for _ in csv.DictReader(open(sys.argv[1],newline='')))"
REFERENCE = {
    "jsonl": "import json,sys\nn=sum(1 for l in open(sys.argv[1],'rb') if json.loads(l))",
    "json": "import json,sys\nn=len(json.load(open(sys.argv[1],'rb')))",
    "csv": CSV_READ,
    "shopify": CSV_READ,
    "tsv": CSV_READ.replace("newline='')", "newline=''),delimiter='\\t'"),
    "xml": "import sys\nfrom lxml import etree\n"
    "n=sum(1 for _,e in etree.iterparse(sys.argv[1],tag='item') if not e.clear())",
}
EXTRA = {"shopify": ["--currency", "EUR", "--market", "DE"], "xml": ["--market", "DE"]}
"""Options a format needs (a Shopify export names no currency or market)."""
G = "http://base.google.com/ns/1.0"
MEASURE = (
    "import resource,subprocess,sys\n"
    "rc=subprocess.call(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n"
    "print(rc,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def tiny(n: int) -> Iterator[dict[str, Any]]:
    """Tiny listings; one in ten has a claim that a rule flags."""
    for i in range(n):
        title = "Kids toy car" if i % 10 else "Lead-free miracle cure that treats cancer"
        yield {"kind": "listing", "id": f"L{i}", "title": title, "markets": ["DE"]}


def write_inputs(
    directory: Path, n: int, inputs: list[str], kind: str = "catalogue"
) -> dict[str, Path]:
    """The same N listings in each input format: realistic ones (bench/catalogue.py: 60-200
    character titles, 300-2,000 character descriptions, several markets, about one in six
    breaking a rule) or tiny ones. The table formats carry the title, the description and the
    first market."""

    def listings() -> Iterator[tuple[int, dict[str, Any]]]:
        return enumerate(catalogue(n) if kind == "catalogue" else tiny(n))

    paths: dict[str, Path] = {}
    if "jsonl" in inputs:
        paths["jsonl"] = directory / "docs.jsonl"
        with paths["jsonl"].open("w", encoding="utf-8") as handle:
            for _, d in listings():
                handle.write(json.dumps(d) + "\n")
    if "json" in inputs:
        paths["json"] = directory / "docs.json"
        with paths["json"].open("w", encoding="utf-8") as handle:
            handle.write("[\n")
            for i, d in listings():
                handle.write(("," if i else "") + json.dumps(d) + "\n")
            handle.write("]\n")
    if "csv" in inputs:
        paths["csv"] = directory / "docs.csv"
        with paths["csv"].open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "id", "title", "description", "markets"])
            for _, d in listings():
                writer.writerow([d["kind"], d["id"], d["title"], d.get("description", ""), "DE"])
    if "shopify" in inputs:
        paths["shopify"] = directory / "products.csv"
        with paths["shopify"].open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Handle", "Title", "Body (HTML)", "Variant SKU", "Variant Price"])
            for i, d in listings():
                body = f"<p>{html.escape(str(d.get('description', 'Toy')))}</p>"
                writer.writerow([d["id"], d["title"], body, f"S{i}", "12.00"])
    if "xml" in inputs:
        paths["xml"] = directory / "feed.xml"
        with paths["xml"].open("w", encoding="utf-8") as handle:
            handle.write(f'<?xml version="1.0"?>\n<rss xmlns:g="{G}"><channel>\n')
            for _, d in listings():
                text = html.escape(str(d.get("description", "")))
                handle.write(
                    f"<item><g:id>{d['id']}</g:id><title>{html.escape(str(d['title']))}</title>"
                    f"<description>{text}</description><g:price>12.00 EUR</g:price></item>\n"
                )
            handle.write("</channel></rss>\n")
    if "tsv" in inputs:
        paths["tsv"] = directory / "feed.tsv"
        with paths["tsv"].open("w", encoding="utf-8", newline="") as handle:
            handle.write("id\ttitle\tdescription\tprice\tcondition\tavailability\tlink\tshipping\n")
            for i, d in listings():
                text = d.get("description", "")
                handle.write(
                    f"{d['id']}\t{d['title']}\t{text}\t12.00 EUR\tnew\tin stock\thttps://x/{i}\tDE\n"
                )
    return paths


def run(argv: list[str]) -> tuple[int, float, float]:
    """Exit code, peak RSS in MB and seconds of one command in a fresh measuring process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    rc, kb = done.stdout.split()
    return int(rc), int(kb) / 1024, seconds


def main() -> None:
    """Run every case at every size and print one line each."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", default="2000,20000", help="sizes, comma-separated")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--listings", choices=("catalogue", "tiny"), default="catalogue")
    parser.add_argument("--inputs", default="jsonl,json,csv,shopify,xml,tsv")
    parser.add_argument("--outputs", default="jsonl,json,sarif,junit,markdown")
    parser.add_argument(
        "--cross",
        action="store_true",
        help="every input with every output (default: each "
        "input to jsonl, and JSON Lines to each output)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.n.split(",")]
    inputs, outputs = args.inputs.split(","), args.outputs.split(",")
    cases = [(i, o) for i in inputs for o in outputs if args.cross or o == "jsonl" or i == "jsonl"]
    print(
        f"{args.listings} listings, --jobs {args.jobs}; peak RSS of the child (MB), "
        "wall docs/s, per size"
    )
    print(f"{'case':<34}" + "".join(f"{f'n={n}':>24}" for n in sizes))
    with tempfile.TemporaryDirectory() as tmp:
        folders = {n: Path(tmp) / str(n) for n in sizes}
        paths = {}
        for n, folder in folders.items():
            folder.mkdir()
            paths[n] = write_inputs(folder, n, inputs, args.listings)
        rows: dict[str, list[str]] = {}
        for fmt in inputs:
            rows[f"{fmt} reference (plain read)"] = [
                _cell(n, run([sys.executable, "-c", REFERENCE[fmt], str(paths[n][fmt])]))
                for n in sizes
            ]
            for i, o in cases:
                if i != fmt:
                    continue
                cells = []
                for n in sizes:
                    cmd = [sys.executable, "-m", "clearance", "check", str(paths[n][i])]
                    cmd += ["--format", o, "--fail-on", "none", "--jobs", str(args.jobs)]
                    cells.append(_cell(n, run(cmd + EXTRA.get(i, []))))
                rows[f"{i} -> {o}"] = cells
            for name in [k for k in rows if k.startswith(f"{fmt} ")]:
                print(f"{name:<34}" + "".join(f"{c:>24}" for c in rows.pop(name)))


def _cell(n: int, result: tuple[int, float, float]) -> str:
    rc, mb, seconds = result
    return f"{mb:6.1f} MB {n / seconds:7.0f}/s" + ("" if rc in (0, 1) else f" rc{rc}")


if __name__ == "__main__":
    main()
