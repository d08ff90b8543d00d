"""Concentrations written into a listing's declared chemicals, read as numbers.

Sellers declare substances as text: ``"cadmium 0.009 %"``, ``"lead 90 ppm (paint substrate)"``,
``"chromium VI 2 mg/kg"``, ``"DEHP < 0.1%"``. A limit in law is a number (REACH Annex XVII
entry 23: cadmium below 0.01 % by weight), so a rule needs the number. :func:`derive_substances`
reads each entry of ``attributes.chemicals`` into ``attributes.substances`` as ``{name, percent,
ppm, declared}``, when at least one of them states a concentration (``percent`` and ``ppm`` are
the same amount by weight in both units; ``bound: below`` when the seller wrote ``<`` or "less
than"). An entry with no concentration by weight, or one in another measure (nickel release in
µg/cm²/week), becomes ``{name, declared}`` with no number, so that a rule asking for every
substance to be under a limit sees it as unknown. Rules compare the numbers (``any_item`` /
``all_items: attributes.substances``).

Entries the seller gave in ``attributes.substances`` are kept; a derived entry is added only
for a chemical not already there under the same name.

Some limits are for several substances together: REACH Annex XVII entry 51 limits DEHP, DBP, BBP
and DIBP to less than 0.1 % *combined*. :func:`entry51_phthalates_percent` adds up what the
substances declare of those four, for the listing's ``derived`` figures.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["derive_substances", "entry51_phthalates_percent"]

_AMOUNT = re.compile(
    r"(?P<bound><|≤|less than|below|under|max\.?|maximum|unter|weniger als|moins de|inférieur à)?"
    r"\s*(?P<number>\d{1,7}(?:[.,]\d{1,7})?)\s*(?P<unit>%|ppm|ppb|mg\s*/\s*kg|µg\s*/\s*g|ug\s*/\s*g)"
    r"(?![\w/])",
    re.IGNORECASE,
)
_PPM_PER_UNIT = {"%": 10_000.0, "ppm": 1.0, "mg/kg": 1.0, "µg/g": 1.0, "ug/g": 1.0, "ppb": 0.001}
_NAME_END = re.compile(r"[\s:=,;(\-–]+$")


def _read(text: str) -> dict[str, Any] | None:
    match = _AMOUNT.search(text)
    name = _NAME_END.sub("", text[: match.start()]).strip() if match else ""
    if match is None or not name:
        plain = text.strip()
        return {"name": plain, "declared": text} if plain else None
    unit = re.sub(r"\s+", "", match["unit"].lower())
    number = float(match["number"].replace(",", "."))
    ppm = number * _PPM_PER_UNIT[unit]
    entry: dict[str, Any] = {
        "name": name,
        "percent": round(ppm / 10_000.0, 9),
        "ppm": round(ppm, 6),
        "declared": text,
    }
    if match["bound"]:
        entry["bound"] = "below"
    return entry


def derive_substances(
    doc: dict[str, Any],
) -> tuple[dict[str, Any], list[tuple[str, str, dict[str, Any]]]]:
    """``doc`` with ``attributes.substances`` read from ``attributes.chemicals`` (a copy when
    anything is added, else ``doc`` itself), and ``(field, text, entry)`` for each entry whose
    concentration was read, for the report's list of normalisations."""
    attributes = doc.get("attributes")
    if not isinstance(attributes, dict):
        return doc, []
    chemicals = attributes.get("chemicals")
    given = attributes.get("substances", [])
    if not isinstance(chemicals, list) or not isinstance(given, list):
        return doc, []
    names = {str(s.get("name", "")).casefold() for s in given if isinstance(s, dict)}
    added: list[dict[str, Any]] = []
    read: list[tuple[str, str, dict[str, Any]]] = []
    for text in chemicals:
        entry = _read(text) if isinstance(text, str) else None
        if entry is None or entry["name"].casefold() in names:
            continue
        names.add(entry["name"].casefold())
        if "percent" in entry:  # a concentration was read: say so in the report
            read.append((f"$.attributes.substances[{len(given) + len(added)}]", text, entry))
        added.append(entry)
    if not read:
        return doc, []  # nothing to compare: the chemicals stay text only
    return {**doc, "attributes": {**attributes, "substances": [*given, *added]}}, read


_ENTRY51 = (
    # REACH Annex XVII entry 51: name, abbreviation and CAS number of each of the four
    ("dehp", "bis(2-ethylhexyl) phthalate", "di(2-ethylhexyl) phthalate", "117-81-7"),
    ("dbp", "dibutyl phthalate", "di-n-butyl phthalate", "84-74-2"),
    ("bbp", "benzyl butyl phthalate", "butyl benzyl phthalate", "85-68-7"),
    ("dibp", "diisobutyl phthalate", "di-isobutyl phthalate", "84-69-5"),
)
_WORDS = re.compile(r"[a-z0-9]+(?:[-(),][a-z0-9]+)*")


def _entry51_index(name: str) -> int | None:
    """Which of the four entry 51 phthalates ``name`` names (0-3), or None."""
    text = " ".join(name.casefold().split())
    words = set(_WORDS.findall(text))
    for index, aliases in enumerate(_ENTRY51):
        abbreviation, *long_names = aliases
        if abbreviation in words or any(alias in text for alias in long_names):
            return index
    return None


def entry51_phthalates_percent(substances: Any) -> float | None:
    """The four entry 51 phthalates declared in ``substances`` (``attributes.substances``),
    added up in percent by weight, each counted once (its highest figure), rounded to 9
    decimals; None when none of them is declared with a concentration. A figure written as a
    bound ("< 0.05 %") counts at its bound, so a sum of bounds is itself a bound."""
    if not isinstance(substances, list):
        return None
    found: dict[int, float] = {}
    for entry in substances:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        percent = entry.get("percent")
        if not isinstance(percent, int | float) or isinstance(percent, bool) or percent < 0:
            continue
        index = _entry51_index(entry["name"])
        if index is not None:
            found[index] = max(found.get(index, 0.0), float(percent))
    if not found:
        return None
    return round(sum(found.values()), 9)
