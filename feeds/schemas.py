"""JSON Schemas of the list files the feeds write (sanctions and recalls), and their check.

Market-keyed tables and ``fx_rates.json`` are checked with the engine's own loader instead
(:func:`feeds.source.validate_with_engine`), so that what a feed writes is what the engine reads.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from clearance.engine.schemas import json_path

_STRINGS = {"type": "array", "items": {"type": "string"}}
_PROVENANCE = {
    "type": "object",
    "required": ["source", "fetched_at", "sha256", "parser_version", "record_count"],
    "properties": {
        "source": {"type": "string", "minLength": 1},
        "fetched_at": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T"},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "parser_version": {"type": "string"},
        "record_count": {"type": "integer", "minimum": 0},
    },
}

SANCTIONS_ENTRY: dict[str, Any] = {
    "type": "object",
    "required": [
        "id",
        "list",
        "programmes",
        "type",
        "names",
        "countries",
        "dates_of_birth",
        "remarks",
        "source_url",
    ],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "list": {"type": "string", "minLength": 1},
        "programmes": _STRINGS,
        "type": {"enum": ["individual", "entity", "vessel", "aircraft"]},
        "names": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "countries": _STRINGS,
        "dates_of_birth": _STRINGS,
        "remarks": {"type": "string"},
        "source_url": {"type": "string"},
        "reference": {"type": "string"},
        "listed_on": {"type": "string"},
        "addresses": _STRINGS,
    },
}

RECALL_ENTRY: dict[str, Any] = {
    "type": "object",
    "required": ["id", "list", "reference", "title", "date", "url", "gtins", "brands", "models"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "list": {"type": "string", "minLength": 1},
        "reference": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "date": {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2})?$"},
        "url": {"type": "string"},
        "gtins": {"type": "array", "items": {"type": "string", "pattern": r"^\d{14}$"}},
        "brands": _STRINGS,
        "models": _STRINGS,
        "products": _STRINGS,
        "hazard": {"type": "string"},
        "remedy": {"type": "string"},
        "countries": _STRINGS,
    },
}

LIST_FILE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Clearance feed list file (sanctions or recalls)",
    "type": "object",
    "required": ["list", "kind", "title", "description", "provenance", "cadence_days", "entries"],
    "additionalProperties": False,
    "properties": {
        "list": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
        "kind": {"enum": ["sanctions", "recalls"]},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "provenance": _PROVENANCE,
        "cadence_days": {"type": "number", "minimum": 0},
        "entries": {"type": "array"},
    },
}


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = {"list": LIST_FILE, "sanctions": SANCTIONS_ENTRY, "recalls": RECALL_ENTRY}[name]
    return Draft202012Validator(schema)


def list_errors(doc: Any, limit: int = 20) -> list[str]:
    """Every problem of a sanctions or recalls list document (at most ``limit``)."""
    errors = [
        f"{json_path(e.absolute_path)}: {e.message}" for e in _validator("list").iter_errors(doc)
    ]
    if errors or not isinstance(doc, dict):
        return errors[:limit]
    entry_validator = _validator(str(doc["kind"]))
    seen: set[str] = set()
    for i, entry in enumerate(doc["entries"]):
        for e in entry_validator.iter_errors(entry):
            errors.append(f"$.entries[{i}]{json_path(e.absolute_path)[1:]}: {e.message}")
        if isinstance(entry, dict):
            key = str(entry.get("id"))
            if key in seen:
                errors.append(f"$.entries[{i}].id: duplicate id {key!r}")
            seen.add(key)
            if entry.get("list") != doc["list"]:
                errors.append(f"$.entries[{i}].list: {entry.get('list')!r} is not {doc['list']!r}")
        if len(errors) >= limit:
            break
    return errors[:limit]
