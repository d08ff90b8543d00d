"""Read one pack file: schema first (with file and line), then build the typed model."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from clearance.engine.conditions import parse
from clearance.engine.errors import PackError, PackErrors
from clearance.engine.model import Example, Pack, Reference, Rule
from clearance.engine.schemas import errors_of, json_path
from clearance.engine.terms import TermList
from clearance.engine.yamlsafe import LoadedYaml, load_yaml

MAX_PACK_BYTES = 5_000_000


def merge(base: Any, patch: Any) -> Any:
    """Deep-merge an example onto a base document: mappings merge, null deletes, rest replaces."""
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = copy.deepcopy(base)
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge(out.get(key), value)
    return out


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def read_pack(path: Path, root: Path | None = None) -> tuple[Pack, LoadedYaml]:
    """Load, schema-check and model one pack file.

    Raises PackError for a file that cannot be parsed, PackErrors for schema errors.
    """
    name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_PACK_BYTES:
        raise PackError(f"pack is larger than {MAX_PACK_BYTES} bytes", file=name, line=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PackError("file is not valid UTF-8", file=name, line=line) from None
    loaded = load_yaml(text, name)
    data = _stringify_dates(loaded.data)
    schema_errors = errors_of("pack", data)
    if schema_errors:
        raise _first_schema_error(schema_errors, loaded, name)
    return _build(data, loaded, name, hashlib.sha256(raw).hexdigest()), loaded


def _first_schema_error(
    found: list[tuple[tuple[str | int, ...], str]], loaded: LoadedYaml, name: str
) -> PackErrors:
    errors = []
    for where, message in found:
        errors.append(
            PackError(
                f"{json_path(where)}: {message}",
                file=name,
                line=loaded.line_of(where),
                rule_id=_rule_id_at(loaded.data, where),
                path=json_path(where),
                hint=_hint(message),
            )
        )
    return PackErrors(errors)


def _hint(message: str) -> str | None:
    if message.startswith("unknown key"):
        return "fix the spelling, or remove the key"
    if "is not one of" in message:
        return "use one of the listed values"
    if "is a required property" in message:
        return "add the missing key"
    return None


def _rule_id_at(data: Any, where: tuple[str | int, ...]) -> str | None:
    if len(where) >= 2 and where[0] == "rules" and isinstance(where[1], int):
        rules = data.get("rules") if isinstance(data, dict) else None
        if isinstance(rules, list) and where[1] < len(rules) and isinstance(rules[where[1]], dict):
            rid = rules[where[1]].get("id")
            return str(rid) if rid else None
    return None


def _stringify_dates(value: Any) -> Any:
    """YAML turns 2024-12-13 into a date; the schema and model want ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _stringify_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_dates(v) for v in value]
    return value


def _example_lists(
    pack: dict[str, Any] | None, own: dict[str, Any] | None
) -> dict[str, list[dict[str, Any]]] | None:
    """An example's list fixtures: the pack's, each kind replaced by the example's own."""
    if pack is None and own is None:
        return None
    return copy.deepcopy({**(pack or {}), **(own or {})})


def _build(data: dict[str, Any], loaded: LoadedYaml, name: str, sha: str) -> Pack:
    pack_id = data["pack"]
    term_lists = {
        list_name: TermList(
            name=f"{pack_id}:{list_name}",
            terms={lang: tuple(words) for lang, words in spec["languages"].items()},
            allow=tuple(spec.get("allow", ())),
        )
        for list_name, spec in (data.get("terms") or {}).items()
    }
    fixtures = data.get("fixtures") or {}
    rules = []
    for i, raw in enumerate(data["rules"]):
        loc = ("rules", i)
        try:
            start = _date(raw.get("effective", {}).get("from"))
            until = _date(raw.get("effective", {}).get("until"))
        except ValueError as exc:
            raise PackError(
                f"effective date is not a real date: {exc}",
                file=name,
                line=loaded.line_of((*loc, "effective")),
                rule_id=raw["id"],
            ) from None
        examples = []
        for expect in ("trigger", "pass"):
            for j, ex in enumerate(raw["examples"][expect]):
                kind = ex.get("kind") or raw["applies_to"][0]
                try:
                    as_of = _date(ex.get("as_of"))
                except ValueError as exc:
                    raise PackError(
                        f"example as_of is not a real date: {exc}",
                        file=name,
                        line=loaded.line_of((*loc, "examples", expect, j, "as_of")),
                        rule_id=raw["id"],
                    ) from None
                examples.append(
                    Example(
                        expect=expect,
                        kind=kind,
                        document=merge(fixtures.get(kind, {}), ex["document"]),
                        market=ex.get("market"),
                        as_of=as_of,
                        name=ex.get("name") or f"{expect} example {j + 1}",
                        line=loaded.line_of((*loc, "examples", expect, j)),
                        lists=_example_lists(fixtures.get("lists"), ex.get("lists")),
                    )
                )
        rules.append(
            Rule(
                id=raw["id"],
                title=raw["title"],
                description=raw.get("description", ""),
                applies_to=tuple(raw["applies_to"]),
                markets=tuple(raw["markets"]),
                severity=raw["severity"],
                confidence=raw.get("confidence"),
                effective_from=start,
                effective_until=until,
                when=parse(raw["when"], (*loc, "when")),
                message=raw["message"],
                remediation=raw["remediation"],
                references=tuple(Reference(r["title"], r["url"]) for r in raw["references"]),
                examples=tuple(examples),
                pack_id=pack_id,
                file=name,
                line=loaded.line_of(loc),
                term_scope={n: t.name for n, t in term_lists.items()},
            )
        )
    return Pack(
        id=pack_id,
        title=data["title"],
        version=data["version"],
        jurisdiction=data["jurisdiction"],
        owner=data["owner"],
        description=data.get("description", ""),
        sources=tuple(Reference(s["title"], s["url"]) for s in data["sources"]),
        tables=tuple(data.get("tables", ())),
        term_lists=term_lists,
        rules=tuple(rules),
        file=name,
        sha256=sha,
    )
