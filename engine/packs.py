"""Read one pack file: schema first (with file and line), then build the typed model."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.engine.conditions import Groups, Terms, parse, terms_key, walk
from clearance.engine.errors import PackError, PackErrors
from clearance.engine.model import Example, Pack, Reference, Rule, TermUse
from clearance.engine.schemas import errors_of, json_path
from clearance.engine.term_libraries import TermLibraries
from clearance.engine.terms import TermList
from clearance.engine.yamlsafe import LoadedYaml, load_yaml_bytes

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


def read_pack(
    path: Path,
    root: Path | None = None,
    *,
    terms: TermLibraries | None = None,
    groups: Groups | None = None,
) -> tuple[Pack, LoadedYaml]:
    """Load, schema-check and model one pack file.

    ``terms`` are the shared term libraries (rules/terms/) the pack may use, ``groups`` the
    market groups (rules/markets.yaml) that ``in_group`` conditions expand to. References that
    do not resolve are left out here and reported by :mod:`clearance.engine.semantics`.
    Raises PackError for a file that cannot be parsed, PackErrors for schema errors.
    """
    name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    raw = path.read_bytes()
    loaded = load_yaml_bytes(raw, name, MAX_PACK_BYTES, "pack")
    data = _stringify_dates(loaded.data)
    schema_errors = errors_of("pack", data)
    if schema_errors:
        raise _first_schema_error(schema_errors, loaded, name)
    sha = hashlib.sha256(raw).hexdigest()
    return _build(data, loaded, name, sha, terms or TermLibraries(), groups or {}), loaded


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
    if "'implements' is a required property" in message:
        return "add implements: [ROW.ID, ...], the rows of rules/law/rows.yaml the rule implements"
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


@dataclass
class _Terms:
    """A pack's term lists as they are built: own lists, shared ones, where each comes from."""

    lists: dict[str, TermList] = field(default_factory=dict)
    uses: list[TermUse] = field(default_factory=list)
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    libraries: set[str] = field(default_factory=set)


def _own_terms(
    data: dict[str, Any], loaded: LoadedYaml, name: str, libraries: TermLibraries
) -> _Terms:
    """The pack's ``terms:``: its own terms and allow phrases, plus the shared lists it uses."""
    pack_id = data["pack"]
    out = _Terms()
    for list_name, spec in (data.get("terms") or {}).items():
        words: dict[str, list[str]] = {
            lang: list(terms) for lang, terms in (spec.get("languages") or {}).items()
        }
        allow = list(spec.get("allow", ()))
        sources = [f"{name}:{loaded.line_of(('terms', list_name))}"]
        for j, raw_ref in enumerate(spec.get("use", ())):
            ref, languages = terms_key(raw_ref)
            ref = ref.partition("[")[0]
            line = loaded.line_of(("terms", list_name, "use", j))
            out.uses.append(TermUse(list_name, ref, languages, line))
            shared = libraries.get(ref)
            if shared is None or libraries.problem(ref, languages):
                continue
            picked, picked_allow = shared.select(languages)
            for lang, terms in picked.items():
                have = words.setdefault(lang, [])
                have.extend(t for t in terms if t not in have)
            allow.extend(p for p in picked_allow if p not in allow)
            chosen = f" [{', '.join(languages)}]" if languages else ""
            sources.append(f"{shared.file}:{shared.line} ({shared.ref}{chosen})")
            out.libraries.add(shared.library)
        out.lists[list_name] = TermList(
            name=f"{pack_id}:{list_name}",
            terms={lang: tuple(terms) for lang, terms in words.items()},
            allow=tuple(allow),
        )
        out.sources[list_name] = tuple(sources)
    return out


def _shared_terms(node: Terms, pack_id: str, libraries: TermLibraries, out: _Terms) -> None:
    """Add the shared list a condition names directly (``terms: superlatives.ranking``)."""
    if node.list_name in out.lists:
        return
    shared = libraries.get(node.ref)
    if shared is None or libraries.problem(node.ref, node.languages):
        return  # reported by the meaning checks
    picked, allow = shared.select(node.languages)
    out.lists[node.list_name] = TermList(
        name=f"{pack_id}:{node.list_name}", terms=picked, allow=allow
    )
    out.sources[node.list_name] = (f"{shared.file}:{shared.line} ({shared.ref})",)
    out.libraries.add(shared.library)


def _build(
    data: dict[str, Any],
    loaded: LoadedYaml,
    name: str,
    sha: str,
    libraries: TermLibraries,
    groups: Groups,
) -> Pack:
    pack_id = data["pack"]
    terms = _own_terms(data, loaded, name, libraries)
    own_names = set(terms.lists)
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
        when = parse(raw["when"], (*loc, "when"), groups)
        for node in walk(when):
            if isinstance(node, Terms) and node.list_name not in own_names:
                _shared_terms(node, pack_id, libraries, terms)
        rules.append(
            Rule(
                id=raw["id"],
                title=raw["title"],
                description=raw.get("description", ""),
                applies_to=tuple(raw["applies_to"]),
                markets=tuple(raw["markets"]),
                severity=raw["severity"],
                confidence=raw.get("confidence"),
                if_not_evaluable=raw.get("if_not_evaluable", "review"),
                effective_from=start,
                effective_until=until,
                when=when,
                message=raw["message"],
                remediation=raw["remediation"],
                references=tuple(Reference(r["title"], r["url"]) for r in raw["references"]),
                examples=tuple(examples),
                pack_id=pack_id,
                file=name,
                line=loaded.line_of(loc),
                term_scope={n: t.name for n, t in terms.lists.items()},
                implements=tuple(raw.get("implements", ())),
                implements_lines=tuple(
                    loaded.line_of((*loc, "implements", k))
                    for k in range(len(raw.get("implements", ())))
                ),
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
        term_lists=terms.lists,
        rules=tuple(rules),
        file=name,
        sha256=sha,
        term_uses=tuple(terms.uses),
        term_libraries=tuple(libraries.libraries[lib].summary() for lib in sorted(terms.libraries)),
        term_sources=terms.sources,
    )
