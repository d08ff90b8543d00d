"""Recalled products: match a product's GTIN, or its brand and model, against recall lists.

The lists are the files the feeds write under ``rules/data/recalls/`` (US CPSC, EU Safety
Gate), entries ``{id, list, reference, title, date, url, gtins, brands, models, products,
hazard, remedy, countries}``.

* GTIN: exact, after both sides are normalised to GTIN-14 (digits only, left-padded with zeros
  from GTIN-8, UPC-A (12) or EAN-13). A value Excel turned into scientific notation
  (``3.65275E+11``) has lost digits and never matches.
* Brand and model: both are needed. The model must be equal after dropping case, spaces and
  punctuation (``AB-123 x`` is ``AB123X``); the brand must be equal after normalisation
  (legal-form words such as INC or GMBH dropped) to one of the recall's brands, or appear as
  whole words in its title or product names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unidecode import unidecode

from clearance.engine.lazyindex import LazyIndex
from clearance.engine.listfiles import read_list_files, stamp

GTIN_LENGTHS = (8, 12, 13, 14)
MIN_MODEL_LENGTH = 3
BRAND_NOISE = frozenset(
    {
        "INC",
        "INCORPORATED",
        "LLC",
        "LTD",
        "LIMITED",
        "CO",
        "COMPANY",
        "CORP",
        "CORPORATION",
        "GMBH",
        "AG",
        "SA",
        "SAS",
        "SARL",
        "SRL",
        "SPA",
        "BV",
        "NV",
        "PLC",
        "PTY",
        "PTE",
        "KG",
        "OY",
        "AB",
        "AS",
        "THE",
        "AND",
    }
)
NO_BRAND = frozenset(
    {
        "",
        "UNKNOWN",
        "NO BRAND",
        "NOBRAND",
        "N A",
        "NA",
        "NONE",
        "GENERIC",
        "UNBRANDED",
        "WITHOUT BRAND",
    }
)

_NON_DIGIT = re.compile(r"[\s\-.]")
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_MODEL_SPLIT = re.compile(r"[,;|\n]+|\s+(?:and|or|&)\s+", re.IGNORECASE)
_MODEL_PREFIX = re.compile(
    r"^(?:(?:model\s+(?:numbers?|nos?)|models?|type|ref(?:erence)?|item|art(?:icle)?|sku|nos?)"
    r"\b\.?|#)\s*[:#.]?\s*",
    re.IGNORECASE,
)


def normalize_gtin(value: str | int | None) -> str | None:
    """``value`` as a 14-digit GTIN, or None when it is not a GTIN-8/12/13/14."""
    if value is None:
        return None
    text = _NON_DIGIT.sub("", str(value).strip())
    if not text.isdigit() or len(text) not in GTIN_LENGTHS:
        return None
    return text.zfill(14)


def normalize_model(value: str | None) -> str:
    """A model number compared without case, spaces or punctuation (``AB-123 x`` -> AB123X)."""
    if not value:
        return ""
    return _NON_ALNUM.sub("", unidecode(value).upper())


def split_models(text: str | None) -> list[str]:
    """Split a free-text model field ("Models 1234, 5678 and 91-011") into model numbers."""
    out: list[str] = []
    for part in _MODEL_SPLIT.split(text or ""):
        cleaned = part.strip()
        while True:
            shorter = _MODEL_PREFIX.sub("", cleaned, count=1).strip(" .:#")
            if shorter == cleaned:
                break
            cleaned = shorter
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return out


def _brand_tokens(value: str | None) -> tuple[str, ...]:
    words = _NON_ALNUM.sub(" ", unidecode(value or "").upper().replace("&", " AND ")).split()
    return tuple(w for w in words if w not in BRAND_NOISE)


def normalize_brand(value: str | None) -> str:
    """A brand without case, accents, punctuation or legal-form words ('' for no brand)."""
    joined = " ".join(_brand_tokens(value))
    return "" if joined in NO_BRAND else joined


@dataclass(frozen=True)
class Recall:
    """One recall or alert."""

    id: str
    list: str
    reference: str
    title: str
    date: str
    url: str
    gtins: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    hazard: str = ""
    remedy: str = ""
    countries: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """``list:id``."""
        return f"{self.list}:{self.id}"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Recall:
        """Build a recall from its JSON form (as the feeds write it)."""

        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(v) for v in data.get(key, ()) if v)

        return cls(
            id=str(data["id"]),
            list=str(data["list"]),
            reference=str(data.get("reference") or data["id"]),
            title=str(data.get("title", "")),
            date=str(data.get("date", "")),
            url=str(data.get("url", "")),
            gtins=strings("gtins"),
            brands=strings("brands"),
            models=strings("models"),
            products=strings("products"),
            hazard=str(data.get("hazard", "")),
            remedy=str(data.get("remedy", "")),
            countries=strings("countries"),
        )


@dataclass(frozen=True)
class RecallMatch:
    """A recall that a product matches, and on what."""

    list: str
    id: str
    reference: str
    title: str
    date: str
    url: str
    matched_on: str
    """``gtin`` or ``brand+model``."""
    reason: str
    hazard: str = ""
    remedy: str = ""

    @property
    def key(self) -> str:
        """``list:id``."""
        return f"{self.list}:{self.id}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this match."""
        return {
            "list": self.list,
            "id": self.id,
            "key": self.key,
            "reference": self.reference,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "matched_on": self.matched_on,
            "reason": self.reason,
            "hazard": self.hazard,
            "remedy": self.remedy,
        }


@dataclass
class RecallIndex(LazyIndex):
    """Recalls indexed by GTIN-14 and by normalised model number.

    Pickled (by the library cache), the index is one block of bytes rebuilt on first use.
    """

    PUBLIC = ("files", "meta")

    entries: Iterable[Mapping[str, Any] | Recall]
    files: dict[str, str] = field(default_factory=dict)
    """Recall files loaded, name -> sha256 (for decision reports)."""
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per file: its provenance and cadence_days (for staleness warnings)."""

    def __post_init__(self) -> None:
        self._recalls: list[Recall] = [
            e if isinstance(e, Recall) else Recall.from_dict(e) for e in self.entries
        ]
        self._by_gtin: dict[str, list[int]] = {}
        self._by_model: dict[str, list[int]] = {}
        self._brands: list[frozenset[str]] = []
        self._texts: list[str] = []
        for i, recall in enumerate(self._recalls):
            for gtin in recall.gtins:
                normal = normalize_gtin(gtin)
                if normal:
                    self._by_gtin.setdefault(normal, []).append(i)
            for model in recall.models:
                for part in split_models(model):
                    key = normalize_model(part)
                    if len(key) >= MIN_MODEL_LENGTH and i not in self._by_model.get(key, []):
                        self._by_model.setdefault(key, []).append(i)
            self._brands.append(frozenset(b for b in map(normalize_brand, recall.brands) if b))
            text = " ".join([recall.title, *recall.products, *recall.brands])
            self._texts.append(" " + " ".join(_brand_tokens(text)) + " ")
        self.entries = self._recalls  # the parsed entries, not the raw input kept twice

    def __len__(self) -> int:
        return len(self._recalls)

    @property
    def lists(self) -> dict[str, int]:
        """Recalls per list."""
        return dict(Counter(recall.list for recall in self._recalls))

    def match(
        self, gtin: str | None = None, brand: str | None = None, model: str | None = None
    ) -> list[RecallMatch]:
        """Recalls matching the product's GTIN, or its brand and model; newest first."""
        found: dict[int, RecallMatch] = {}
        normal = normalize_gtin(gtin)
        if normal:
            for i in self._by_gtin.get(normal, []):
                shown = f"{gtin} (GTIN-14 {normal})" if str(gtin).strip() != normal else normal
                found[i] = self._result(i, "gtin", f"GTIN {shown} is listed in the recall")
        brand_key = normalize_brand(brand)
        model_key = normalize_model(model)
        if brand_key and len(model_key) >= MIN_MODEL_LENGTH:
            for i in self._by_model.get(model_key, []):
                if i in found:
                    continue
                how = self._brand_match(i, brand_key)
                if how:
                    found[i] = self._result(
                        i,
                        "brand+model",
                        f"model {model!r} matches (compared without case, spaces and "
                        f"punctuation) and brand {brand!r} {how}",
                    )
        return sorted(found.values(), key=lambda m: (m.date, m.key), reverse=True)

    def _brand_match(self, i: int, brand_key: str) -> str:
        if brand_key in self._brands[i]:
            return "is the recall's brand"
        if f" {brand_key} " in self._texts[i]:
            return "appears in the recall's title or product names"
        return ""

    def _result(self, i: int, on: str, reason: str) -> RecallMatch:
        r = self._recalls[i]
        return RecallMatch(
            list=r.list,
            id=r.id,
            reference=r.reference,
            title=r.title,
            date=r.date,
            url=r.url,
            matched_on=on,
            reason=reason,
            hazard=r.hazard,
            remedy=r.remedy,
        )


_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], RecallIndex | None]] = {}


def recalls_dir(rules_dir: Path) -> Path:
    """Where the recall list files live under a rules directory."""
    return rules_dir / "data" / "recalls"


def load_recall_index(rules_dir: Path) -> RecallIndex | None:
    """An index over every ``rules/data/recalls/*.json`` (None when there is none).

    Cached until one of the files changes. A file that is not a valid list raises PackError.
    """
    directory = recalls_dir(rules_dir)
    if not directory.is_dir():
        return None
    files = sorted(p for p in directory.iterdir() if p.suffix == ".json")
    current = stamp(files)
    cached = _cache.get(directory)
    if cached is not None and cached[0] == current:
        return cached[1]
    lists = read_list_files(files, lambda e: bool(e.get("id") and e.get("list")), "id and list")
    index = None
    if lists.hashes:
        index = RecallIndex(lists.entries, files=lists.hashes, meta=lists.meta)
    _cache[directory] = (current, index)
    return index
