"""The JSON Schemas under rules/schema: loaded once, validators cached.

The same files serve editors (``# yaml-language-server: $schema=...``), the loader and the
published contracts (report, errors).
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from clearance.engine.paths import schema_dir

if TYPE_CHECKING:
    # python-jsonschema only explains data the compiled validator rejected; it is imported
    # then, not with this module (it takes longer to import than the rest of the engine).
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

SCHEMA_FILES = {
    "common": "common.schema.json",
    "listing": "listing.schema.json",
    "order": "order.schema.json",
    "shipment": "shipment.schema.json",
    "pack": "pack.schema.json",
    "table": "table.schema.json",
    "report": "report.schema.json",
    "errors": "errors.schema.json",
    "rows": "rows.schema.json",
    "terms": "terms.schema.json",
    "waivers": "waivers.schema.json",
    "rule-config": "rule-config.schema.json",
    "column-map": "column-map.schema.json",
}

DOCUMENT_KINDS = ("listing", "order", "shipment")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the parsed schema ``name`` (a key of :data:`SCHEMA_FILES`)."""
    path = schema_dir() / SCHEMA_FILES[name]
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _registry() -> Registry:
    from referencing import Registry, Resource

    resources = []
    for name, file in SCHEMA_FILES.items():
        if (schema_dir() / file).exists():
            schema = load_schema(name)
            resources.append((file, Resource.from_contents(schema)))
            resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """Return a cached validator for the schema ``name``, with $refs between files resolved."""
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(
        load_schema(name), registry=_registry(), format_checker=FormatChecker()
    )


def json_path(path: Any) -> str:
    """Render a jsonschema error path as ``$.items[2].hs_code``."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    """Descend into oneOf/anyOf failures to the most specific messages."""
    if not error.context:
        return [error]
    deepest = max(len(e.absolute_path) for e in error.context)
    if deepest <= len(error.absolute_path):
        return [error]
    best = [e for e in error.context if len(e.absolute_path) == deepest]
    out: list[ValidationError] = []
    for e in best:
        out.extend(_leaf_errors(e))
    return out


@cache
def fast_validator(name: str) -> Any:
    """A compiled (Rust) validator for the hot path; offline, formats checked."""
    common = load_schema("common")
    registry = jsonschema_rs.Registry([(common["$id"], common)])
    return jsonschema_rs.validator_for(
        load_schema(name), registry=registry, validate_formats=True, offline=True
    )


def errors_of(name: str, data: Any, limit: int = 50) -> list[tuple[tuple[str | int, ...], str]]:
    """Validate ``data`` against schema ``name``; return (path, message) pairs, sorted.

    Valid data is recognised by the compiled validator; only invalid data is walked again by
    python-jsonschema to explain each error.
    """
    if fast_validator(name).is_valid(data):
        return []
    found: list[tuple[tuple[str | int, ...], str]] = []
    for error in validator(name).iter_errors(data):
        for leaf in _leaf_errors(error):
            path = tuple(leaf.absolute_path)
            unknown = _unknown_key(leaf)
            if unknown is not None:
                key, message = unknown
                found.append(((*path, key), message))
            else:
                found.append((path, _message(leaf)))
        if len(found) >= limit:
            break
    unique = sorted(set(found), key=lambda pm: ([str(p) for p in pm[0]], pm[1]))
    return unique[:limit]


def _branch_keys(schema: dict[str, Any]) -> set[str]:
    keys = set(schema.get("properties", {}))
    for branch in schema.get("oneOf", []) + schema.get("anyOf", []):
        if isinstance(branch, dict):
            keys |= _branch_keys(branch)
    return keys


def _unknown_key(error: ValidationError) -> tuple[str, str] | None:
    """For a mapping with a key no schema branch knows: (key, message with a suggestion)."""
    if error.validator not in ("additionalProperties", "oneOf") or not isinstance(
        error.instance, dict
    ):
        return None
    known = _branch_keys(error.schema)
    if not known:
        return None
    extra = sorted(k for k in error.instance if k not in known)
    if not extra:
        return None
    close = difflib.get_close_matches(extra[0], sorted(known), n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(sorted(known))}"
    return extra[0], f"unknown key {extra[0]!r}; {hint}"


def _message(error: ValidationError) -> str:
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        if extra:
            known = ", ".join(sorted(error.schema.get("properties", {})))
            return f"unknown key {extra[0]!r}; known keys: {known}"
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "oneOf" and isinstance(error.instance, dict):
        return f"not a valid form here (keys: {', '.join(map(str, error.instance))})"
    if error.validator == "maxLength":
        return f"text is longer than the limit of {error.validator_value} characters"
    message = str(error.message)
    if len(message) > 300:
        message = message[:300] + "..."
    return message
