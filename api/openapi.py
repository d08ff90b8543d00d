"""The OpenAPI schema: the document and report JSON Schemas published as components, with
realistic examples, next to what FastAPI generates from the routes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from clearance.api import examples
from clearance.api.problems import PROBLEM_SCHEMA
from clearance.engine.schemas import load_schema

_COMMON_NAMES = {
    "country": "Country",
    "currency": "Currency",
    "date": "IsoDate",
    "short_text": "ShortText",
    "text": "LongText",
    "money": "Money",
    "party": "Party",
    "dangerous_goods": "DangerousGoods",
    "kg": "Kilograms",
    "body": "ConformityBody",
}
"""Component names of shared types; any other type of common.schema.json is its name in
CamelCase (``dangerous_goods_entry`` -> ``DangerousGoodsEntry``)."""
_REPORT_NAMES = {"finding": "Finding", "hashed": "PackHash"}

DESCRIPTION = """
Screens listings, orders and shipments against compliance rule packs and answers a decision
(`block`, `review`, `warn`, `pass`) with findings that say what is wrong, where, why (the law,
with a link) and how to fix it. Every decision is logged under a `decision_id`, with the content
hashes of the packs used.

**Authentication**: send an API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`.
Keys have the role `screen` (screening, packs, rules, own decisions) or `admin` (everything,
plus reload, status and retention).

**Errors** are RFC 9457 problem details (`application/problem+json`); a 422 lists every error
with its JSON path under `errors`.
"""


def _rewrite(node: Any, mapping: Callable[[str], str | None]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in ("$schema", "$id"):
                continue
            if key == "$ref" and isinstance(value, str):
                target = mapping(value)
                out[key] = f"#/components/schemas/{target}" if target else value
            elif key == "$defs":
                continue
            else:
                out[key] = _rewrite(value, mapping)
        return out
    if isinstance(node, list):
        return [_rewrite(v, mapping) for v in node]
    return node


def _common_name(name: str) -> str:
    return _COMMON_NAMES.get(name) or "".join(part.capitalize() for part in name.split("_"))


def _common_ref(ref: str) -> str | None:
    name = ref.rsplit("/", 1)[-1]
    if (
        "$defs/" in ref
        and name in load_schema("common")["$defs"]
        and (ref.startswith("common.schema.json") or ref.startswith("#/$defs/"))
    ):
        return _common_name(name)
    return None


def _report_ref(ref: str) -> str | None:
    name = ref.rsplit("/", 1)[-1]
    return _REPORT_NAMES.get(name) if ref.startswith("#/$defs/") else None


def schema_components(batch_limit: int) -> dict[str, Any]:
    """Components for the documents, the decision report, the envelopes and problems."""
    out: dict[str, Any] = {}
    common = load_schema("common")
    for name, definition in common["$defs"].items():
        out[_common_name(name)] = _rewrite(definition, _common_ref)
    for kind in ("listing", "order", "shipment"):
        title = kind.capitalize()
        doc = _rewrite(load_schema(kind), _common_ref)
        doc["examples"] = [examples.document(kind)]
        out[f"{title}Document"] = doc
        out[f"Screen{title}Request"] = {
            "type": "object",
            "description": f"A {kind} to screen, with optional markets and as-of date.",
            "required": ["document"],
            "additionalProperties": False,
            "properties": {
                "document": {"$ref": f"#/components/schemas/{title}Document"},
                "markets": {"$ref": "#/components/schemas/Markets"},
                "as_of": {
                    "type": "string",
                    "format": "date",
                    "description": "Evaluate as of this date (default: the document's "
                    "date, else today).",
                },
            },
        }
    report = load_schema("report")
    for name, target in _REPORT_NAMES.items():
        out[target] = _rewrite(report["$defs"][name], _report_ref)
    out["DecisionReport"] = _rewrite(report, _report_ref)
    out["Market"] = {
        "type": "string",
        "pattern": "^[A-Z]{2}$",
        "description": "ISO 3166-1 alpha-2 code (two upper-case letters).",
        "examples": ["DE"],
    }
    out["Markets"] = {
        "type": "array",
        "minItems": 1,
        "maxItems": 60,
        "items": {"$ref": "#/components/schemas/Market"},
        "description": "Screen for these markets instead of the document's own.",
    }
    out["BatchRequest"] = {
        "type": "object",
        "required": ["documents"],
        "additionalProperties": False,
        "properties": {
            "documents": {
                "type": "array",
                "minItems": 1,
                "maxItems": batch_limit,
                "items": {
                    "type": "object",
                    "description": "A listing, order or shipment; its `kind` "
                    "member says which unless `kind` is given.",
                },
            },
            "kind": {"enum": ["listing", "order", "shipment"]},
            "markets": {"$ref": "#/components/schemas/Markets"},
            "as_of": {"type": "string", "format": "date"},
        },
    }
    out["BatchResponse"] = {
        "type": "object",
        "required": ["summary", "reports"],
        "properties": {
            "summary": {
                "type": "object",
                "properties": {
                    "documents": {"type": "integer"},
                    "decisions": {"type": "object", "additionalProperties": {"type": "integer"}},
                },
            },
            "reports": {"type": "array", "items": {"$ref": "#/components/schemas/DecisionReport"}},
        },
    }
    out["Problem"] = PROBLEM_SCHEMA
    return out


def example_components(report_example: dict[str, Any] | None) -> dict[str, Any]:
    """Named examples: a request per kind, a batch and a real decision report."""
    out: dict[str, Any] = {
        "ScreenListing": {
            "summary": "A Bluetooth speaker listed on amazon.de",
            "value": {"document": examples.document("listing")},
        },
        "ScreenOrder": {
            "summary": "A B2C order shipped from China to Paris",
            "value": {"document": examples.document("order"), "as_of": "2026-11-21"},
        },
        "ScreenShipment": {
            "summary": "A power bank posted to Berlin",
            "value": {"document": examples.document("shipment"), "markets": ["DE"]},
        },
        "Batch": {
            "summary": "A listing and a shipment",
            "value": {"documents": [examples.document("listing"), examples.document("shipment")]},
        },
    }
    if report_example is not None:
        out["DecisionReport"] = {
            "summary": "The report for the Bluetooth speaker listing",
            "value": report_example,
        }
    return out


def install(app: FastAPI, batch_limit: int, report_example: dict[str, Any] | None) -> None:
    """Publish the JSON Schemas and examples in the app's OpenAPI schema."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = generate()
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {}).update(copy.deepcopy(schema_components(batch_limit)))
        components.setdefault("examples", {}).update(example_components(report_example))
        schema["info"]["description"] = DESCRIPTION
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
