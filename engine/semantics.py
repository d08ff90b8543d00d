"""Meaning checks on a schema-valid pack: ids, fields, term lists, tables, dates, messages, regexes.

Each problem becomes a :class:`PackError` with file, line, rule id and a hint; all of a pack's
problems are reported together. :func:`check_implements` (the ``implements`` rows against the
law catalogue) and :func:`lint_library` (rule id prefixes against pack jurisdictions) run in
``clearance rules validate``, not on every load: neither changes what a rule finds.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from clearance.engine.conditions import (
    Compare,
    DeniedParty,
    FieldRef,
    InSet,
    Matches,
    Money,
    Node,
    Present,
    Quantified,
    Recalled,
    TableRef,
    Terms,
    Valid,
    walk,
)
from clearance.engine.errors import PackError, TemplateError
from clearance.engine.fields import FieldType, field_type, known_fields
from clearance.engine.identifiers import SCHEMES
from clearance.engine.markets import ALL, Markets
from clearance.engine.model import Pack, Rule
from clearance.engine.regexguard import catastrophic_reason, compile_pattern
from clearance.engine.tables import DataTable, FxRates
from clearance.engine.templates import BUILTIN_PLACEHOLDERS, FIX, names
from clearance.engine.term_libraries import TermLibraries
from clearance.engine.yamlsafe import LoadedYaml


@dataclass
class Context:
    """What the checks need to know beyond one pack: other packs' ids, tables, markets, terms."""

    markets: Markets
    tables: dict[str, DataTable | FxRates]
    rule_ids: dict[str, str] = field(default_factory=dict)
    terms: TermLibraries = field(default_factory=TermLibraries)


def check_pack(pack: Pack, loaded: LoadedYaml, ctx: Context) -> list[PackError]:
    """Return every meaning error in ``pack`` (empty when it is sound)."""
    errors: list[PackError] = []
    for use in pack.term_uses:
        problem = ctx.terms.problem(use.ref, use.languages)
        if problem is not None:
            errors.append(
                PackError(
                    f"term list {use.list_name!r} uses {use.ref}: {problem[0]}",
                    file=pack.file,
                    line=use.line,
                    hint=problem[1],
                )
            )
    for name in pack.tables:
        if name not in ctx.tables:
            errors.append(
                PackError(
                    f"unknown data table {name!r}",
                    file=pack.file,
                    line=loaded.line_of(("tables",)),
                    hint=f"known tables: {', '.join(sorted(ctx.tables)) or 'none'}",
                )
            )
    for rule in pack.rules:
        errors.extend(_check_rule(rule, pack, loaded, ctx))
    return errors


def _err(
    rule: Rule, loaded: LoadedYaml, loc: tuple[str | int, ...], msg: str, hint: str = ""
) -> PackError:
    return PackError(
        msg,
        file=rule.file,
        line=loaded.line_of(loc) or rule.line,
        rule_id=rule.id,
        hint=hint or None,
    )


def _check_rule(rule: Rule, pack: Pack, loaded: LoadedYaml, ctx: Context) -> list[PackError]:
    errors: list[PackError] = []
    index = next(i for i, r in enumerate(pack.rules) if r is rule)
    loc = ("rules", index)
    where = f"{rule.file}:{rule.line}"
    if rule.id in ctx.rule_ids:
        errors.append(
            _err(
                rule,
                loaded,
                (*loc, "id"),
                f"rule id {rule.id} is already defined at {ctx.rule_ids[rule.id]}",
                "give each rule its own id",
            )
        )
    else:
        ctx.rule_ids[rule.id] = where
    for i, market in enumerate(rule.markets):
        if not ctx.markets.is_known(market):
            errors.append(
                _err(
                    rule,
                    loaded,
                    (*loc, "markets", i),
                    f"unknown market {market!r}",
                    f"use an ISO code or a group: {', '.join(sorted(ctx.markets.groups))}",
                )
            )
    if rule.effective_from and rule.effective_until and rule.effective_until <= rule.effective_from:
        errors.append(
            _err(
                rule,
                loaded,
                (*loc, "effective"),
                f"effective dates out of order: until {rule.effective_until} "
                f"is not after from {rule.effective_from}",
                "'until' is the first day the rule no longer applies",
            )
        )
    for kind in rule.applies_to:
        for node in walk(rule.when):
            errors.extend(_check_node(node, kind, None, rule, pack, loaded, ctx))
    errors.extend(_check_placeholders(rule, loaded, loc, ctx))
    for ex in rule.examples:
        if ex.kind not in rule.applies_to:
            errors.append(
                PackError(
                    f"example kind {ex.kind!r} is not in applies_to",
                    file=rule.file,
                    line=ex.line,
                    rule_id=rule.id,
                )
            )
    return _dedupe(errors)


def _dedupe(errors: list[PackError]) -> list[PackError]:
    seen: set[tuple[int | None, str]] = set()
    out = []
    for e in errors:
        if (e.line, e.message) not in seen:
            seen.add((e.line, e.message))
            out.append(e)
    return out


def _path_type(
    kind: str,
    path: str,
    within: str | None,
    rule: Rule,
    loaded: LoadedYaml,
    loc: tuple[str | int, ...],
    errors: list[PackError],
) -> FieldType | None:
    ftype = field_type(kind, path, within)
    if ftype is None:
        options = known_fields(kind, within)
        close = difflib.get_close_matches(path, options, n=3)
        scope = f"items of {within} in a {kind}" if within else f"a {kind}"
        hint = f"did you mean {', '.join(close)}?" if close else "see rules/schema for the fields"
        errors.append(_err(rule, loaded, loc, f"field {path!r} does not exist on {scope}", hint))
    return ftype


def _check_node(
    node: Node,
    kind: str,
    within: str | None,
    rule: Rule,
    pack: Pack,
    loaded: LoadedYaml,
    ctx: Context,
) -> list[PackError]:
    errors: list[PackError] = []
    loc = node.loc
    if isinstance(node, Quantified):
        if within is not None:
            errors.append(
                _err(
                    rule,
                    loaded,
                    loc,
                    "any_item/all_items cannot be nested",
                    "test the inner array with a separate rule",
                )
            )
            return errors
        ftype = _path_type(kind, node.path, None, rule, loaded, loc, errors)
        if ftype is not None and (ftype.item is None or ftype.item.type != "object"):
            errors.append(
                _err(
                    rule,
                    loaded,
                    loc,
                    f"{node.path!r} is not a list of objects",
                    "any_item/all_items take an array such as items",
                )
            )
        elif ftype is not None:
            for inner in walk(node.where):
                errors.extend(_check_node(inner, kind, node.path, rule, pack, loaded, ctx))
        return errors
    if within is None and _inside_quantifier(node, rule.when):
        return errors  # checked with the item scope by the quantifier
    if isinstance(node, Present):
        _path_type(kind, node.path, within, rule, loaded, loc, errors)
    elif isinstance(node, Terms):
        if node.list_name not in rule.term_scope:
            errors.append(_unknown_terms(node, rule, pack, loaded, ctx))
        for path in node.paths:
            ftype = _path_type(kind, path, within, rule, loaded, loc, errors)
            if ftype and not (
                ftype.type == "string" or (ftype.item and ftype.item.type == "string")
            ):
                errors.append(
                    _err(rule, loaded, loc, f"{path!r} is not text", "search text fields")
                )
    elif isinstance(node, Matches):
        ftype = _path_type(kind, node.path, within, rule, loaded, loc, errors)
        if ftype and ftype.type != "string":
            errors.append(_err(rule, loaded, loc, f"{node.path!r} is not text; matches needs text"))
        try:
            compile_pattern(node.pattern)
        except ValueError as exc:
            errors.append(_err(rule, loaded, loc, f"regex does not compile: {exc}"))
        else:
            reason = catastrophic_reason(node.pattern)
            if reason:
                errors.append(
                    _err(
                        rule,
                        loaded,
                        loc,
                        f"regex can backtrack catastrophically: {reason}",
                        "remove nested or overlapping quantifiers",
                    )
                )
    elif isinstance(node, Valid):
        _path_type(kind, node.path, within, rule, loaded, loc, errors)
        if node.scheme not in SCHEMES:
            errors.append(
                _err(
                    rule,
                    loaded,
                    loc,
                    f"unknown identifier scheme {node.scheme!r}",
                    f"use one of {', '.join(sorted(SCHEMES))}",
                )
            )
    elif isinstance(node, InSet):
        _path_type(kind, node.path, within, rule, loaded, loc, errors)
        for group in node.groups:
            if group not in ctx.markets.groups:
                close = difflib.get_close_matches(group, list(ctx.markets.groups), n=1)
                known = ", ".join(sorted(ctx.markets.groups)) or "none"
                errors.append(
                    _err(
                        rule,
                        loaded,
                        loc,
                        f"unknown market group {group!r}",
                        f"did you mean {close[0]}?"
                        if close
                        else f"groups of rules/markets.yaml: {known}",
                    )
                )
    elif isinstance(node, DeniedParty):
        for path in node.paths:
            ftype = _path_type(kind, path, within, rule, loaded, loc, errors)
            if ftype and "name" not in ftype.schema.get("properties", {}):
                errors.append(
                    _err(
                        rule,
                        loaded,
                        loc,
                        f"{path!r} is not a party (it has no name)",
                        "name a party such as buyer, seller, consignee or exporter",
                    )
                )
    elif isinstance(node, Recalled):
        for given in (node.gtin, node.brand, node.model):
            if given is None:
                continue
            ftype = _path_type(kind, given, within, rule, loaded, loc, errors)
            if ftype and ftype.type != "string":
                errors.append(_err(rule, loaded, loc, f"{given!r} is not text"))
    elif isinstance(node, Compare):
        errors.extend(_check_compare(node, kind, within, rule, pack, loaded, ctx))
    return errors


def _unknown_terms(
    node: Terms, rule: Rule, pack: Pack, loaded: LoadedYaml, ctx: Context
) -> PackError:
    """The error for a ``terms:`` name that is neither a pack list nor a usable shared list."""
    own = sorted(pack.term_lists)
    if "." in node.ref or node.languages:
        problem = ctx.terms.problem(node.ref, node.languages)
        if problem is not None:
            return _err(rule, loaded, node.loc, problem[0], problem[1])
    close = difflib.get_close_matches(node.list_name, own + ctx.terms.refs(), n=1)
    known = ", ".join(own) or "none in this pack"
    hint = (
        f"did you mean {close[0]}?"
        if close
        else f"define it under terms: (known: {known}), or name a shared list <library>.<list>"
    )
    return _err(rule, loaded, node.loc, f"unknown term list {node.list_name!r}", hint)


def _inside_quantifier(node: Node, root: Node) -> bool:
    for candidate in walk(root):
        if isinstance(candidate, Quantified) and any(n is node for n in walk(candidate.where)):
            return True
    return False


def _check_compare(
    node: Compare,
    kind: str,
    within: str | None,
    rule: Rule,
    pack: Pack,
    loaded: LoadedYaml,
    ctx: Context,
) -> list[PackError]:
    errors: list[PackError] = []
    loc = node.loc
    ftype = _path_type(kind, node.path, within, rule, loaded, loc, errors)
    if ftype is None:
        return errors
    subject = "number" if node.measure else ftype.type
    if node.measure == "count" and ftype.type != "array":
        errors.append(
            _err(rule, loaded, loc, f"measure count needs a list; {node.path!r} is {ftype.type}")
        )
    if node.measure in ("length", "digits") and ftype.type != "string":
        errors.append(
            _err(
                rule,
                loaded,
                loc,
                f"measure {node.measure} needs text; {node.path!r} is {ftype.type}",
            )
        )
    if subject in ("object", "array"):
        errors.append(
            _err(
                rule,
                loaded,
                loc,
                f"{node.path!r} is an {subject}; compare one of its fields",
                f"fields: {', '.join(known_fields(kind)[:12])}",
            )
        )
        return errors
    ordered = node.op in ("lt", "lte", "gt", "gte")
    operand = node.operand
    if isinstance(operand, TableRef):
        table = ctx.tables.get(operand.table)
        if table is None or isinstance(table, FxRates):
            errors.append(
                _err(
                    rule,
                    loaded,
                    loc,
                    f"unknown data table {operand.table!r}",
                    f"known tables: {', '.join(sorted(ctx.tables))}",
                )
            )
        elif operand.column not in table.columns:
            errors.append(
                _err(
                    rule,
                    loaded,
                    loc,
                    f"table {operand.table!r} has no column {operand.column!r}",
                    f"columns: {', '.join(table.columns)}",
                )
            )
        else:
            if operand.table not in pack.tables:
                errors.append(
                    _err(
                        rule,
                        loaded,
                        loc,
                        f"table {operand.table!r} is not declared in the pack",
                        "list it under the pack's tables:",
                    )
                )
            col_type = table.columns[operand.column]
            if subject == "money" and "currency" not in table.columns:
                errors.append(
                    _err(
                        rule,
                        loaded,
                        loc,
                        f"{node.path!r} is money but table {operand.table!r} "
                        "has no currency column",
                    )
                )
            elif subject != "money" and not _compatible(subject, col_type):
                errors.append(
                    _err(
                        rule,
                        loaded,
                        loc,
                        f"cannot compare {subject} {node.path!r} "
                        f"with {col_type} column {operand.column!r}",
                    )
                )
    elif isinstance(operand, Money):
        if subject != "money":
            errors.append(
                _err(
                    rule, loaded, loc, f"{node.path!r} is not money; compare it with a plain value"
                )
            )
    elif isinstance(operand, FieldRef):
        other = _path_type(kind, operand.path, within, rule, loaded, loc, errors)
        if other is not None and not _compatible(subject, other.type):
            errors.append(
                _err(
                    rule,
                    loaded,
                    loc,
                    f"cannot compare {subject} {node.path!r} with {other.type} {operand.path!r}",
                )
            )
    else:
        value = operand.value
        if subject == "money":
            errors.append(
                _err(
                    rule,
                    loaded,
                    loc,
                    f"{node.path!r} is money; give amount and currency",
                    "write e.g. lte: {amount: 150, currency: EUR}",
                )
            )
        elif ordered and (isinstance(value, bool) or not isinstance(value, int | float)):
            errors.append(_err(rule, loaded, loc, f"{node.op} needs a number, got {value!r}"))
        elif not _literal_fits(subject, value):
            errors.append(
                _err(rule, loaded, loc, f"{node.path!r} is {subject}; {value!r} can never match")
            )
    if ordered and subject not in ("number", "integer", "money"):
        errors.append(
            _err(
                rule,
                loaded,
                loc,
                f"{node.op} needs a number; {node.path!r} is {subject}",
                "use equals, in or a measure",
            )
        )
    return errors


def _compatible(a: str, b: str) -> bool:
    numeric = {"number", "integer"}
    return a == b or (a in numeric and b in numeric) or (a == "money" and b == "money")


def _literal_fits(subject: str, value: object) -> bool:
    if subject == "boolean":
        return isinstance(value, bool)
    if subject in ("number", "integer"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if subject == "string":
        return isinstance(value, str)
    return True


def _check_placeholders(
    rule: Rule, loaded: LoadedYaml, loc: tuple[str | int, ...], ctx: Context
) -> list[PackError]:
    errors = []
    tables = {
        n.operand.table: n.operand
        for n in walk(rule.when)
        if isinstance(n, Compare) and isinstance(n.operand, TableRef)
    }
    has_match = any(isinstance(n, Terms | Matches | DeniedParty) for n in walk(rule.when))
    for key in ("message", "remediation"):
        text = getattr(rule, key)
        try:
            found = names(text)
        except TemplateError as exc:
            errors.append(
                _err(rule, loaded, (*loc, key), f"{key} template is malformed: {exc}", FIX)
            )
            continue
        for name in found:
            if name == "matched" and not has_match:
                errors.append(
                    _err(
                        rule,
                        loaded,
                        (*loc, key),
                        "{matched} needs a terms, matches or denied_party condition to fill it",
                    )
                )
            elif name in BUILTIN_PLACEHOLDERS:
                continue
            elif "." in name and name.split(".", 1)[0] in tables:
                head, _, column = name.partition(".")
                table = ctx.tables.get(head)
                if isinstance(table, DataTable) and column not in table.columns:
                    errors.append(
                        _err(
                            rule,
                            loaded,
                            (*loc, key),
                            f"placeholder {{{name}}}: table {head!r} has no column {column!r}",
                            f"columns: {', '.join(table.columns)}",
                        )
                    )
            elif not any(field_type(kind, name) for kind in rule.applies_to):
                errors.append(
                    _err(
                        rule,
                        loaded,
                        (*loc, key),
                        f"placeholder {{{name}}} is filled by nothing",
                        "use a document field, a table column of the rule "
                        f"(table.column), or one of {', '.join(sorted(BUILTIN_PLACEHOLDERS))}",
                    )
                )
    return errors


def check_implements(packs: Iterable[Pack], row_ids: Collection[str]) -> list[PackError]:
    """Every ``implements`` entry that names no row of the law catalogue, with a suggestion."""
    errors = []
    known = sorted(row_ids)
    for pack in packs:
        for rule in pack.rules:
            for i, row_id in enumerate(rule.implements):
                if row_id in row_ids:
                    continue
                close = difflib.get_close_matches(row_id, known, n=3, cutoff=0.7)
                line = rule.implements_lines[i] if i < len(rule.implements_lines) else None
                errors.append(
                    PackError(
                        f"implements {row_id}, which is not a row of the law catalogue",
                        file=rule.file,
                        line=line or rule.line,
                        rule_id=rule.id,
                        hint=f"did you mean {', '.join(close)}?"
                        if close
                        else "name a row of rules/law/rows.yaml, or add the row there first",
                    )
                )
    return errors


SAME_MARKET = {"UK": "GB", "GB": "UK"}
"""Prefixes that name the same market: the law catalogue writes UK. for Great Britain's law."""


def lint_library(packs: Iterable[Pack], markets: Markets) -> list[PackError]:
    """Warnings: rule ids whose market prefix does not match their pack's jurisdiction.

    In a pack for a market (``jurisdiction: EU``) every rule id starts with that market
    (``EU.``; ``UK.`` and ``GB.`` count as one). In a ``global`` pack no rule id starts with a
    market group of rules/markets.yaml or with the jurisdiction of a market pack of the library
    (``DE.`` belongs in the DE pack); global prefixes such as ``DG.``, ``DOC.`` or ``ID.`` pass.
    """
    packs = list(packs)
    jurisdictions = {
        p.jurisdiction.upper() for p in packs if p.jurisdiction.lower() != "global"
    } | set(markets.groups)
    warnings = []
    for pack in packs:
        own = pack.jurisdiction.upper()
        for rule in pack.rules:
            prefix = rule.id.split(".", 1)[0]
            if own == "GLOBAL":
                if prefix in jurisdictions and prefix != ALL:
                    warnings.append(
                        PackError(
                            f"rule id {rule.id} starts with the market {prefix} "
                            "but the pack is global",
                            file=rule.file,
                            line=rule.line,
                            rule_id=rule.id,
                            hint=f"move the rule to a pack with jurisdiction {prefix}, "
                            "or give it a global prefix (DG., DOC., ID., ...)",
                        )
                    )
            elif prefix != own and SAME_MARKET.get(prefix) != own:
                warnings.append(
                    PackError(
                        f"rule id {rule.id} does not start with the pack's jurisdiction {own}",
                        file=rule.file,
                        line=rule.line,
                        rule_id=rule.id,
                        hint=f"name it {own}.{rule.id.split('.', 1)[-1]}, or move it to a "
                        f"pack with jurisdiction {prefix}",
                    )
                )
    return warnings
