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

Three changes of structure are made too: a line's *list* of dangerous-goods entries moves to the
shipment's ``dangerous_goods`` list with the line's number; listing warnings given as
``{text, language}`` move to ``warning_texts``; per-unit values and weights of shipment lines and
packing-list lines become per-line (multiplied by the quantity).

Every function here is pure: the input is never modified, and a changed document is a copy that
shares the unchanged parts. The work is one pass over the document (whose size the schemas bound).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from clearance.engine.canonical import (
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

__all__ = ["Normalisation", "normalise_document", "source_path"]


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
    """What to do with a value at one place of the schema, and below it."""

    fix: Fix | None
    props: Mapping[str, _Plan]
    items: _Plan | None


def _fix_for(node: dict[str, Any], shared: str | None, name: str | None) -> Fix | None:
    if shared in _BY_TYPE:
        return _BY_TYPE[shared]
    if "enum" in node and all(isinstance(v, str) for v in node["enum"]):
        return partial(enum_value, allowed=tuple(node["enum"]), synonyms=SYNONYMS.get(shared or ""))
    if node.get("type") == "number" and name in _UNITS:
        return partial(number_with_unit, units=_UNITS[name])
    return None


def _plan_of(node: dict[str, Any], name: str | None) -> _Plan:
    shared = ref_name(node)
    node = deref(node)
    props = {k: _plan_of(v, k) for k, v in node.get("properties", {}).items()}
    items_node = node.get("items")
    items = _plan_of(items_node, None) if isinstance(items_node, dict) else None
    return _Plan(_fix_for(node, shared, name), props, items)


@cache
def _plan(kind: str) -> _Plan:
    return _plan_of(load_schema(kind), None)


def _changed(before: Any, after: Any) -> bool:
    return after is not before and (type(after) is not type(before) or after != before)


def _walk(plan: _Plan, value: Any, path: str, out: list[Normalisation]) -> Any:
    if plan.fix is not None:
        fixed = plan.fix(value)
        if _changed(value, fixed):
            out.append(Normalisation(path, value, fixed))
            value = fixed
    if isinstance(value, dict) and plan.props:
        copy: dict[str, Any] | None = None
        for key, sub in value.items():
            child = plan.props.get(key)
            if child is None:
                continue  # unknown keys are the schema's to report
            new = _walk(child, sub, f"{path}.{key}", out)
            if new is not sub:
                if copy is None:
                    copy = dict(value)
                copy[key] = new
        return value if copy is None else copy
    if isinstance(value, list) and plan.items is not None:
        items: list[Any] | None = None
        for i, sub in enumerate(value):
            new = _walk(plan.items, sub, f"{path}[{i}]", out)
            if new is not sub:
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
            if isinstance(item, dict):
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
    doc = _walk(_plan(kind), doc, "$", out)
    if kind == "shipment" and isinstance(doc, dict):
        doc = _lines_per_line(doc, out)
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
