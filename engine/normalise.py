"""Normalise the forms people really write, before a document is checked against its schema.

Sellers' exports print a UN number as ``UN 3480``, a tariff code as ``8517.62.00``, a country as
``germany``, a weight as ``"2.5 kg"``. Rather than reject them, :func:`normalise_document` turns
each into the schema's canonical form and records what it changed, so a report can show it::

    doc, changes = normalise_document("shipment", raw)
    changes[0].to_dict()  # {"field": "$.items[0].hs_code", "from": "8517.62.00", "to": "85176200"}

The document is walked together with its JSON Schema. Where the schema uses a shared type of
``common.schema.json`` (``un_number``, ``hs_code``, ``country``, ``kg``, ``weight``,
``dimensions``, ...) the matching function of :mod:`clearance.engine.canonical` reads the value;
enumerations match case, hyphens, spaces and accents loosely (``Li-Ion`` -> ``li-ion``) plus a
few synonyms per type; a few number fields read their unit (``"37 Wh"``, ``"30%"``). Plain
numbers in quotes are not read (``"quantity": "3"`` stays an error: a field's type is part of the
contract). A value that cannot be read is left as it was, so schema validation names it.

Four changes of structure are made too: a line's *list* of dangerous-goods entries moves to the
shipment's ``dangerous_goods`` list with the line's number; listing warnings given as
``{text, language}`` move to ``warning_texts``; declared chemicals that state a concentration
(``"cadmium 0.009 %"``) are read into ``attributes.substances``
(:mod:`clearance.engine.substances`); per-unit values and weights of shipment lines and
packing-list lines become per-line (multiplied by the quantity).

Last, a shipment or a listing gets its ``derived`` figures, for rules, which cannot do
arithmetic: a shipment's (:func:`derived_figures`) are the packages' volumetric weight (divisors
5000 and 6000), their gross weight and the air waybill's weights, all in kg (DOC.VOLUMETRIC), and
how far the air waybill's gross weight is from the packing list's, in percent (DOC.WEIGHT); a
listing's (:func:`listing_derived_figures`) are the title's most repeated word with its count
(MKT.AMAZON.TITLE), the search terms' length in UTF-8 bytes (MKT.AMAZON.SEARCH_TERMS) and the
declared entry 51 phthalates added up (EU.REACH.51_PHTHALATES). They
are computed, not read, so they are not recorded as changes; a ``derived`` given by the sender
is replaced.

Every function here is pure: the input is never modified, and a changed document is a copy that
shares the unchanged parts. The work is one pass over the document (whose size the schemas bound).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from clearance.engine.canonical import (
    CM_PER,
    KG_PER,
    SYNONYMS,
    certification_scheme,
    country_code,
    dangerous_goods_class,
    dg_section,
    dimensions,
    enum_value,
    incoterm,
    kilograms,
    language_tag,
    notified_body_number,
    number_with_unit,
    packing_group,
    packing_instruction,
    tariff_code,
    tidy,
    un_number,
    weight,
)
from clearance.engine.fields import deref, ref_name
from clearance.engine.schemas import load_schema
from clearance.engine.substances import derive_substances, entry51_phthalates_percent

__all__ = [
    "Normalisation",
    "derived_figures",
    "listing_derived_figures",
    "normalise_document",
    "source_path",
]


@dataclass(frozen=True)
class Normalisation:
    """One value changed by normalisation: where (JSON path), what it was and what it became."""

    field: str
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        """The form reports use: ``{"field", "from", "to"}``."""
        return {"field": self.field, "from": self.before, "to": self.after}


Fix = Callable[[Any], Any]

_BY_TYPE: dict[str, Fix] = {
    "country": country_code,
    "language": language_tag,
    "hs_code": tariff_code,
    "incoterm": incoterm,
    "un_number": un_number,
    "dg_class": dangerous_goods_class,
    "packing_group": packing_group,
    "packing_instruction": packing_instruction,
    "dg_section": dg_section,
    "kg": kilograms,
    "weight": weight,
    "dimensions": dimensions,
    "certification_scheme": certification_scheme,
    "body_number": notified_body_number,
}
"""Normaliser per shared type (a ``$defs`` name of common.schema.json)."""

_UNITS: dict[str, tuple[str, ...]] = {
    "watt_hours": ("wh",),
    "cell_watt_hours": ("wh",),
    "lithium_grams": ("g",),
    "cell_lithium_grams": ("g",),
    "capacity_mah": ("mah",),
    "voltage_v": ("v",),
    "state_of_charge_percent": ("%",),
    "rate_percent": ("%",),
    "laser_mw": ("mw",),
}
"""The unit a number field may be written with ('37 Wh'), by field name."""


@dataclass(frozen=True)
class _Plan:
    """What to do with a value at one place of the schema, and below it; places with nothing to
    do anywhere below have no plan, so the walk skips them."""

    fix: Fix | None
    props: Mapping[str, _Plan]
    items: _Plan | None
    leaf: bool
    """Only a fix, nothing below."""


def _fix_for(node: dict[str, Any], shared: str | None, name: str | None) -> Fix | None:
    if shared in _BY_TYPE:
        return _BY_TYPE[shared]
    if "enum" in node and all(isinstance(v, str) for v in node["enum"]):
        return partial(enum_value, allowed=tuple(node["enum"]), synonyms=SYNONYMS.get(shared or ""))
    if node.get("type") == "number" and name in _UNITS:
        return partial(number_with_unit, units=_UNITS[name])
    return None


def _plan_of(node: dict[str, Any], name: str | None) -> _Plan | None:
    shared = ref_name(node)
    node = deref(node)
    props = {}
    for key, sub in node.get("properties", {}).items():
        child = _plan_of(sub, key)
        if child is not None:
            props[key] = child
    items_node = node.get("items")
    items = _plan_of(items_node, None) if isinstance(items_node, dict) else None
    fix = _fix_for(node, shared, name)
    if fix is None and not props and items is None:
        return None
    return _Plan(fix, props, items, leaf=not props and items is None)


@cache
def _plan(kind: str) -> _Plan | None:
    return _plan_of(load_schema(kind), None)


def _changed(before: Any, after: Any) -> bool:
    return after is not before and (type(after) is not type(before) or after != before)


def _render(trail: list[str | int], last: str | int | None = None) -> str:
    parts = [*trail, last] if last is not None else trail
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _walk(plan: _Plan, value: Any, trail: list[str | int], out: list[Normalisation]) -> Any:
    """Normalise ``value`` by ``plan``; ``trail`` is its path (rendered only for a change).

    Leaf fields are fixed in their parent's loop rather than by a call per field: a document
    of 1,000 lines has thousands of them.
    """
    if plan.fix is not None:
        fixed = plan.fix(value)
        if fixed is not value and _changed(value, fixed):
            out.append(Normalisation(_render(trail), value, fixed))
            value = fixed
    if plan.props and isinstance(value, dict):
        copy: dict[str, Any] | None = None
        for key, child in plan.props.items():
            if key not in value:
                continue  # unknown keys are left for the schema to report
            sub = value[key]
            if child.leaf:
                new = child.fix(sub)  # type: ignore[misc]
                if new is sub or not _changed(sub, new):
                    continue
                out.append(Normalisation(_render(trail, key), sub, new))
            else:
                trail.append(key)
                new = _walk(child, sub, trail, out)
                trail.pop()
                if new is sub:
                    continue
            if copy is None:
                copy = dict(value)
            copy[key] = new
        return value if copy is None else copy
    if plan.items is not None and isinstance(value, list):
        items: list[Any] | None = None
        inner = plan.items
        for i, sub in enumerate(value):
            if inner.leaf:
                new = inner.fix(sub)  # type: ignore[misc]
                if new is sub or not _changed(sub, new):
                    continue
                out.append(Normalisation(_render(trail, i), sub, new))
            else:
                trail.append(i)
                new = _walk(inner, sub, trail, out)
                trail.pop()
                if new is sub:
                    continue
            if items is None:
                items = list(value)
            items[i] = new
        return value if items is None else items
    return value


# -- changes of structure -----------------------------------------------------------------------


def _lift_line_dangerous_goods(doc: dict[str, Any], out: list[Normalisation]) -> dict[str, Any]:
    """Move a line's *list* of dangerous-goods entries to the shipment's list, with line numbers."""
    items = doc.get("items")
    if not isinstance(items, list):
        return doc
    declared = doc.get("dangerous_goods")
    entries = list(declared) if isinstance(declared, list) else []
    new_items: list[Any] | None = None
    for i, item in enumerate(items):
        dg = item.get("dangerous_goods") if isinstance(item, dict) else None
        if not isinstance(dg, list) or not all(isinstance(e, dict) for e in dg):
            continue
        if declared is not None and not isinstance(declared, list):
            return doc  # the schema will report the shipment's dangerous_goods
        moved = []
        for entry in dg:
            moved.append(f"$.dangerous_goods[{len(entries)}]")
            entries.append({"line": i + 1, **entry} if "line" not in entry else dict(entry))
        out.append(Normalisation(f"$.items[{i}].dangerous_goods", dg, moved))
        if new_items is None:
            new_items = list(items)
        new_items[i] = {k: v for k, v in item.items() if k != "dangerous_goods"}
    if new_items is None:
        return doc
    return {**doc, "items": new_items, "dangerous_goods": entries}


def _lift_warning_texts(doc: dict[str, Any], out: list[Normalisation]) -> dict[str, Any]:
    """Move listing warnings given as ``{text, language}`` to ``warning_texts``."""
    warnings = doc.get("warnings")
    if not isinstance(warnings, list):
        return doc
    texts = doc.get("warning_texts", [])
    if not isinstance(texts, list):
        return doc
    kept: list[Any] = []
    moved: list[Any] = list(texts)
    for i, warning in enumerate(warnings):
        if (
            isinstance(warning, dict)
            and isinstance(warning.get("text"), str)
            and set(warning) <= {"text", "language"}
        ):
            out.append(Normalisation(f"$.warnings[{i}]", warning, f"$.warning_texts[{len(moved)}]"))
            moved.append(dict(warning))
        else:
            kept.append(warning)
    if len(moved) == len(texts):
        return doc
    new = {k: v for k, v in doc.items() if k != "warnings"}
    if kept:
        new["warnings"] = kept
    new["warning_texts"] = moved
    return new


def _per_line(
    line: dict[str, Any], path: str, basis: str, fields: tuple[str, ...], out: list[Normalisation]
) -> dict[str, Any]:
    """Multiply a per-unit line's ``fields`` by its quantity; the line becomes per_line."""
    quantity = line.get("quantity")
    if line.get(basis) != "per_unit" or not isinstance(quantity, int) or isinstance(quantity, bool):
        return line
    new = dict(line)
    for name in fields:
        value = line.get(name)
        if name == "value" and isinstance(value, dict):
            amount = value.get("amount")
            if isinstance(amount, int | float) and not isinstance(amount, bool):
                total = tidy(amount * quantity)
                if total is None:
                    continue
                out.append(Normalisation(f"{path}.value.amount", amount, total))
                new["value"] = {**value, "amount": total}
        elif isinstance(value, int | float) and not isinstance(value, bool):
            total = tidy(value * quantity)
            if total is None:
                continue
            out.append(Normalisation(f"{path}.{name}", value, total))
            new[name] = total
    out.append(Normalisation(f"{path}.{basis}", "per_unit", "per_line"))
    new[basis] = "per_line"
    return new


_WEIGHTS = ("net_weight_kg", "gross_weight_kg")


def _lines_per_line(doc: dict[str, Any], out: list[Normalisation]) -> dict[str, Any]:
    """Shipment lines and packing-list lines with per-unit values or weights become per-line."""
    new = doc
    items = doc.get("items")
    if isinstance(items, list):
        converted = []
        for i, item in enumerate(items):
            if isinstance(item, dict) and "per_unit" in (
                item.get("value_basis"),
                item.get("weight_basis"),
            ):
                item = _per_line(item, f"$.items[{i}]", "value_basis", ("value",), out)
                item = _per_line(item, f"$.items[{i}]", "weight_basis", _WEIGHTS, out)
            converted.append(item)
        if any(a is not b for a, b in zip(converted, items, strict=True)):
            new = {**new, "items": converted}
    packing = doc.get("packing_list")
    lines = packing.get("lines") if isinstance(packing, dict) else None
    if isinstance(packing, dict) and isinstance(lines, list):
        done = [
            _per_line(line, f"$.packing_list.lines[{i}]", "weight_basis", _WEIGHTS, out)
            if isinstance(line, dict)
            else line
            for i, line in enumerate(lines)
        ]
        if any(a is not b for a, b in zip(done, lines, strict=True)):
            new = {**new, "packing_list": {**packing, "lines": done}}
    return new


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    return None


def _weight_kg(value: Any) -> float | None:
    """A canonical ``{value, unit}`` weight in kg, or None."""
    if not isinstance(value, dict):
        return None
    figure = _number(value.get("value"))
    unit = value.get("unit")
    if figure is None or unit not in ("kg", "lb"):
        return None
    return figure * KG_PER[unit]


def _volume_cm3(value: Any) -> float | None:
    """The volume in cm3 of canonical ``{length, width, height, unit}`` dimensions, or None."""
    if not isinstance(value, dict) or value.get("unit") not in ("cm", "in"):
        return None
    sides = [_number(value.get(k)) for k in ("length", "width", "height")]
    if any(side is None or side <= 0 for side in sides):
        return None
    factor = CM_PER[value["unit"]]
    volume = 1.0
    for side in sides:
        volume *= float(side or 0) * factor
    return volume


def _count(package: dict[str, Any]) -> int | None:
    count = package.get("count", 1)
    if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
        return count
    return None


def derived_figures(doc: dict[str, Any]) -> dict[str, float]:
    """The figures a shipment's ``derived`` holds, from its packages, air waybill and packing list.

    Volumetric weight is the sum over packages of ``count x L x W x H / divisor`` in cm and kg
    (inches converted, 5000 for express carriers, 6000 for many postal lines and IATA air
    cargo), given only when every package has dimensions; the packages' gross weight likewise
    only when every package has one. ``awb_packing_list_gross_difference_percent`` is
    |AWB gross - packing-list gross| / packing-list gross x 100, when both are given and the
    packing list's is above 0. Rounded to 3 decimals.
    """
    out: dict[str, float] = {}
    packages = doc.get("packages")
    if isinstance(packages, list) and packages and all(isinstance(p, dict) for p in packages):
        volume = 0.0
        gross = 0.0
        volume_known = gross_known = True
        for package in packages:
            count = _count(package)
            cm3 = _volume_cm3(package.get("dimensions"))
            kg = _weight_kg(package.get("gross_weight"))
            if count is None or cm3 is None:
                volume_known = False
            else:
                volume += count * cm3
            if count is None or kg is None:
                gross_known = False
            else:
                gross += count * kg
        if volume_known:
            out["volumetric_weight_kg_5000"] = round(volume / 5000, 3)
            out["volumetric_weight_kg_6000"] = round(volume / 6000, 3)
        if gross_known:
            out["packages_gross_weight_kg"] = round(gross, 3)
    awb = doc.get("air_waybill")
    if isinstance(awb, dict):
        chargeable = _weight_kg(awb.get("chargeable_weight"))
        if chargeable is not None:
            out["chargeable_weight_kg"] = round(chargeable, 3)
        awb_gross = _weight_kg(awb.get("gross_weight"))
        if awb_gross is not None:
            out["awb_gross_weight_kg"] = round(awb_gross, 3)
            packing = doc.get("packing_list")
            listed = _number(packing.get("gross_weight_kg")) if isinstance(packing, dict) else None
            if listed is not None and listed > 0:
                out["awb_packing_list_gross_difference_percent"] = round(
                    abs(awb_gross - listed) / listed * 100, 3
                )
    return out


_WORD = re.compile(r"[^\W\d_]+")
"""A word: a run of letters (numbers, signs and underscores end it)."""

_LONGEST_WORD = 100
"""Longer runs of letters are no words (the schema bounds the derived word to this length)."""

_FUNCTION_WORDS_BY_LANGUAGE = {
    "en": "an the and or nor but for of in on at to by with from into onto over under per as via",
    "de": "der die das den dem des ein eine einer eines einem einen und oder aber für mit von vom "
    "zu zum zur im am an auf aus bei nach über unter vor ohne durch gegen um bis",
    "fr": "le la les un une des du de et ou mais pour avec sans en dans sur sous par au aux chez",
    "it": "il lo la gli le un uno una ed ma per con senza di da in su al allo alla ai agli alle "
    "del dello della dei degli delle nel nella nei sul sulla",
    "es": "el la los las un una unos unas pero para por con sin de del en al sobre",
    "nl": "de het een en of maar voor met zonder van in op aan bij uit naar",
    "pl": "na do dla od oraz lub ze we bez po przez",
}
"""Articles, prepositions and conjunctions, which Amazon's title rule ("the same word no more
than twice") exempts; single letters are no words for the count in any language."""

_FUNCTION_WORDS = frozenset(
    word for words in _FUNCTION_WORDS_BY_LANGUAGE.values() for word in words.split()
)


def listing_derived_figures(doc: dict[str, Any]) -> dict[str, Any]:
    """The figures a listing's ``derived`` holds, from its title and keywords.

    ``title_most_repeated_word`` and ``_count``: the title's words (runs of letters, case-folded,
    of two to 100 letters) without the articles, prepositions and conjunctions of
    ``_FUNCTION_WORDS``, and the one used most often (the first on a tie). ``search_terms_bytes``:
    the UTF-8 length of the keywords, each trimmed, joined by single spaces, which is how
    Amazon's one search-terms field holds them. ``reach51_phthalates_percent``: DEHP, DBP, BBP
    and DIBP of ``attributes.substances`` added up (REACH entry 51 limits them combined;
    :func:`clearance.engine.substances.entry51_phthalates_percent`).
    """
    out: dict[str, Any] = {}
    title = doc.get("title")
    if isinstance(title, str):
        words = [w.casefold() for w in _WORD.findall(title)]
        counts = Counter(
            w for w in words if 1 < len(w) <= _LONGEST_WORD and w not in _FUNCTION_WORDS
        )
        if counts:
            word, count = max(counts.items(), key=lambda kv: kv[1])  # first on a tie
            out["title_most_repeated_word"] = word
            out["title_most_repeated_word_count"] = count
    keywords = doc.get("keywords")
    if isinstance(keywords, list) and keywords and all(isinstance(k, str) for k in keywords):
        joined = " ".join(k.strip() for k in keywords if k.strip())
        out["search_terms_bytes"] = len(joined.encode("utf-8"))
    attributes = doc.get("attributes")
    if isinstance(attributes, dict):
        phthalates = entry51_phthalates_percent(attributes.get("substances"))
        if phthalates is not None:
            out["reach51_phthalates_percent"] = phthalates
    return out


def _with_derived(doc: dict[str, Any], kind: str, out: list[Normalisation]) -> dict[str, Any]:
    """``doc`` with its ``derived`` figures; the same object when they are already there."""
    figures = derived_figures(doc) if kind == "shipment" else listing_derived_figures(doc)
    given = doc.get("derived")
    if given == figures or (not figures and given is None):
        return doc
    if given is not None:  # the sender wrote figures of its own: record that they were replaced
        out.append(Normalisation("$.derived", given, figures or None))
    new = {k: v for k, v in doc.items() if k != "derived"}
    if figures:
        new["derived"] = figures
    return new


def normalise_document(kind: str, data: Any) -> tuple[Any, list[Normalisation]]:
    """Return ``data`` in canonical form for ``kind``'s schema, and what was changed.

    ``data`` is never modified; when nothing changes the very same object comes back. Values
    that cannot be read are left for schema validation to report.
    """
    out: list[Normalisation] = []
    if not isinstance(data, dict):
        return data, out
    doc = data
    if kind == "shipment":
        doc = _lift_line_dangerous_goods(doc, out)
    elif kind == "listing":
        doc = _lift_warning_texts(doc, out)
        doc, read = derive_substances(doc)
        out.extend(Normalisation(field, text, entry) for field, text, entry in read)
    plan = _plan(kind)
    if plan is not None:
        doc = _walk(plan, doc, [], out)
    if kind == "shipment" and isinstance(doc, dict):
        doc = _lines_per_line(doc, out)
        doc = _with_derived(doc, kind, out)
    elif kind == "listing" and isinstance(doc, dict):
        doc = _with_derived(doc, kind, out)
    return doc, _merged(out)


def source_path(path: str, changes: list[Normalisation] | tuple[Normalisation, ...]) -> str:
    """Where a path of the normalised document came from in the document as given.

    An entry moved by normalisation (``$.dangerous_goods[0]`` from ``$.items[1].dangerous_goods``)
    is named where its author wrote it, so schema errors point at the right place.
    """
    for change in changes:
        moved = change.after if isinstance(change.after, list) else [change.after]
        for i, target in enumerate(moved):
            if not isinstance(target, str) or not target.startswith("$"):
                continue
            if path == target or path.startswith((target + ".", target + "[")):
                origin = f"{change.field}[{i}]" if isinstance(change.after, list) else change.field
                return origin + path[len(target) :]
    return path


def _merged(changes: list[Normalisation]) -> list[Normalisation]:
    """One record per field: a value read (``"12.5"`` -> 12.5) then converted (-> 25) shows
    as ``"12.5"`` -> 25."""
    first: dict[str, int] = {}
    out: list[Normalisation] = []
    for change in changes:
        at = first.get(change.field)
        if at is None:
            first[change.field] = len(out)
            out.append(change)
        else:
            out[at] = Normalisation(change.field, out[at].before, change.after)
    return out
