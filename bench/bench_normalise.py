"""Cost of normalising documents before validation, next to the schema check, in the same run.

    python bench/bench_normalise.py [--n 20000]

Prints microseconds per document for: the schema check alone (the reference: what validation cost
before normalisation), normalisation alone, and both (``documents.validate``), for the synthetic
listing catalogue (bench/catalogue.py) and for a shipment of 1,000 lines, once already canonical
and once written with the raw forms of examples/detailed-shipments.json (UN 3481, 8517.13.00,
"40 x 30 x 15 cm", per-unit values).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import catalogue

from clearance.engine.documents import validate
from clearance.engine.normalise import normalise_document
from clearance.engine.schemas import errors_of

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "detailed-shipments.json"


def per_doc(fn: Callable[[Any], object], docs: list[Any]) -> float:
    """Microseconds per document, after a warm-up."""
    for doc in docs[:200]:
        fn(doc)
    start = time.perf_counter()
    for doc in docs:
        fn(doc)
    return (time.perf_counter() - start) / len(docs) * 1e6


def main() -> None:
    """Run the three measurements on each document set and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="number of listings")
    args = parser.parse_args()

    listings = list(catalogue(args.n))
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))[0]
    lines = 1000
    big_raw = dict(raw, items=[dict(raw["items"][0], sku=f"S{i}") for i in range(lines)])
    big = validate(copy.deepcopy(big_raw)).data
    sets = [  # label, kind, documents, the same documents in canonical form
        (f"listing ({args.n:,})", "listing", listings, listings),
        (f"shipment, {lines} lines, canonical (x200)", "shipment", [big] * 200, [big] * 200),
        (f"shipment, {lines} lines, raw forms (x200)", "shipment", [big_raw] * 200, [big] * 200),
    ]
    print(f"{'documents':44} {'schema µs':>10} {'normalise µs':>13} {'validate µs':>12}")
    print("(schema: the check alone on the canonical documents, what validation cost before)")
    for label, kind, docs, reference in sets:
        schema = per_doc(lambda d, k=kind: errors_of(k, d), reference)
        norm = per_doc(lambda d, k=kind: normalise_document(k, d), docs)
        both = per_doc(lambda d, k=kind: validate(d, k), docs)
        print(f"{label:44} {schema:10.1f} {norm:13.1f} {both:12.1f}")


if __name__ == "__main__":
    main()
