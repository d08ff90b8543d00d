"""A synthetic catalogue of listings for benchmarks: realistic text lengths, several markets,
and a realistic share of violations (about one listing in six breaks a starter rule)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

MARKETS = [
    ["DE"],
    ["FR"],
    ["US"],
    ["DE", "FR"],
    ["NL"],
    ["CN"],
    ["GB"],
    ["IT"],
    ["ES"],
    ["US", "GB"],
]
NOUNS = [
    "Trinkflasche",
    "water bottle",
    "Bluetooth speaker",
    "phone case",
    "desk lamp",
    "backpack",
    "Kinderspielzeug",
    "yoga mat",
    "coffee grinder",
    "LED strip",
    "保温杯",
    "garden hose",
]
ADJECTIVES = [
    "stainless steel",
    "leak-proof",
    "lightweight",
    "ergonomic",
    "waterproof",
    "compact",
    "robust",
    "rechargeable",
    "foldable",
    "premium",
    "doppelwandig",
    "nachhaltig",
]
CLAIMS = ["Die beste", "Nr. 1", "the #1", "最佳", "Testsieger", "world's best", "销量第一"]
FILLER = (
    "Made from durable materials, easy to clean and designed for everyday use at home, "
    "in the office or outdoors. Geeignet für den täglichen Gebrauch, spülmaschinenfest. "
)


def listing(i: int, rng: random.Random) -> dict[str, Any]:
    """One synthetic listing."""
    noun = rng.choice(NOUNS)
    size = rng.randint(100, 999)
    title = f"{rng.choice(ADJECTIVES).title()} {noun} {size} ml, {rng.choice(ADJECTIVES)}"
    doc: dict[str, Any] = {
        "kind": "listing",
        "id": f"L-{i:07d}",
        "date": "2026-11-25",
        "markets": rng.choice(MARKETS),
        "title": title,
        "description": FILLER * rng.randint(2, 8),
        "bullet_points": [f"{rng.choice(ADJECTIVES)} design" for _ in range(rng.randint(2, 5))],
        "brand": rng.choice(["Acme", "Nordlicht", "SoundMax", "Holzwerk"]),
        "model": f"M-{i % 9973}",
        "gtin": "4006381333931",
        "images": ["https://img.example/p.jpg"],
        "price": {"amount": round(rng.uniform(5, 300), 2), "currency": rng.choice(["EUR", "USD"])},
        "manufacturer": {
            "name": "Acme GmbH",
            "address": "Hauptstr. 1, 10115 Berlin",
            "email": "safety@acme.example",
            "country": "DE",
        },
    }
    roll = rng.random()
    if roll < 0.05:
        doc["title"] = f"{rng.choice(CLAIMS)} {title}"
    elif roll < 0.09:
        del doc["manufacturer"]
    elif roll < 0.12:
        doc["manufacturer"] = dict(doc["manufacturer"], country="CN")
    elif roll < 0.16:
        doc["attributes"] = {"radio": True, "wireless": ["bluetooth"]}
    elif roll < 0.17:
        doc.pop("images")
    return doc


def catalogue(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` synthetic listings, deterministic for a seed."""
    rng = random.Random(seed)
    for i in range(n):
        yield listing(i, rng)
