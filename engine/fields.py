"""What fields each document kind has, read from its JSON Schema, for checking rule conditions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from clearance.engine.schemas import load_schema

VIRTUAL_FIELDS = {"market": "string"}
"""Fields every document has while it is screened: the market being evaluated."""


@dataclass(frozen=True)
class FieldType:
    """The type of a field path: string, number, integer, boolean, money, array or object."""

    type: str
    schema: dict[str, Any]

    @property
    def item(self) -> FieldType | None:
        """For an array, the type of its items."""
        if self.type != "array":
            return None
        return _type_of(deref(self.schema.get("items", {})))


def ref_name(node: dict[str, Any]) -> str | None:
    """The shared type a schema node refers to: ``"country"`` for ``...#/$defs/country``."""
    ref = node.get("$ref")
    if not isinstance(ref, str) or "#/$defs/" not in ref:
        return None
    return ref.rsplit("/", 1)[-1]


def deref(node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its ``$ref`` resolved; keys beside the ``$ref`` (a description) win.

    Documents only refer to common.schema.json, and it only to itself.
    """
    ref = node.get("$ref")
    if not ref:
        return node
    _file, _, pointer = ref.partition("#")
    doc = load_schema("common")
    target: Any = doc
    for part in pointer.strip("/").split("/"):
        target = target[part]
    merged = dict(target)
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return deref(merged)


def _type_of(node: dict[str, Any]) -> FieldType:
    if "enum" in node:
        kinds = {type(v).__name__ for v in node["enum"]}
        return FieldType("boolean" if kinds == {"bool"} else "string", node)
    if "const" in node:
        return FieldType("string", node)
    kind = node.get("type", "object")
    props = node.get("properties", {})
    if kind == "object" and set(props) == {"amount", "currency"}:
        return FieldType("money", node)
    return FieldType(str(kind), node)


@cache
def field_type(kind: str, path: str, within: str | None = None) -> FieldType | None:
    """Type of ``path`` in documents of ``kind``; ``within`` names an array for item paths."""
    if within is None and path in VIRTUAL_FIELDS:
        return FieldType(VIRTUAL_FIELDS[path], {})
    node: dict[str, Any] = load_schema(kind)
    if within is not None:
        parent = field_type(kind, within)
        if parent is None or parent.type != "array":
            return None
        node = deref(parent.schema.get("items", {}))
    for part in path.split("."):
        node = deref(node)
        props = node.get("properties")
        if not isinstance(props, dict) or part not in props:
            return None
        node = props[part]
    return _type_of(deref(node))


def known_fields(kind: str, within: str | None = None) -> list[str]:
    """All leaf and object field paths of a kind (for suggestions in error messages)."""
    root: dict[str, Any] = load_schema(kind)
    if within is not None:
        parent = field_type(kind, within)
        if parent is None:
            return []
        root = deref(parent.schema.get("items", {}))
    out: list[str] = []

    def visit(node: dict[str, Any], prefix: str) -> None:
        node = deref(node)
        for name, sub in node.get("properties", {}).items():
            path = f"{prefix}{name}"
            out.append(path)
            sub_d = deref(sub)
            if sub_d.get("type") == "object" and "properties" in sub_d:
                visit(sub_d, path + ".")

    visit(root, "")
    return out


SHARED_TYPES = (
    "party",
    "money",
    "weight",
    "dimensions",
    "body",
    "dangerous_goods",
    "dangerous_goods_entry",
)
"""Shared object types that docs/documents.md describes once, not under every field using them."""


def _label(node: dict[str, Any]) -> str:
    shared = ref_name(node)
    node = deref(node)
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    if shared in SHARED_TYPES:
        return f"[{shared}](#{shared})"
    if shared is not None and shared not in ("short_text", "text") and node.get("type") != "array":
        return shared
    kind = str(node.get("type", "object"))
    if kind == "array":
        items = node.get("items")
        return "list of " + (_label(items) if isinstance(items, dict) else "values")
    return kind


def field_rows(kind: str) -> list[tuple[str, str, str]]:
    """(path, type, description) of every field of a document kind or shared type, in schema
    order; objects defined inline are expanded (``items[].sku``), shared types are not."""
    root = load_schema(kind) if kind in ("listing", "order", "shipment") else None
    if root is None:
        root = load_schema("common")["$defs"][kind]
    rows: list[tuple[str, str, str]] = []

    def visit(node: dict[str, Any], prefix: str) -> None:
        for name, sub in deref(node).get("properties", {}).items():
            path = f"{prefix}{name}"
            resolved = deref(sub)
            text = " ".join(str(resolved.get("description", "")).split())
            rows.append((path, _label(sub), text))
            if ref_name(sub) in SHARED_TYPES:
                continue
            if "properties" in resolved:
                visit(resolved, path + ".")
            items = resolved.get("items")
            if (
                isinstance(items, dict)
                and ref_name(items) not in SHARED_TYPES
                and "properties" in deref(items)
            ):
                visit(deref(items), path + "[].")

    visit(root, "")
    return rows


def markdown_table(kind: str) -> str:
    """The fields of a kind or shared type as a Markdown table (docs/documents.md holds them)."""
    lines = ["| field | type | meaning |", "| --- | --- | --- |"]
    for path, label, text in field_rows(kind):
        cell = text.replace("|", "\\|")
        lines.append(f"| `{path}` | {label.replace('|', '/')} | {cell} |")
    return "\n".join(lines)
