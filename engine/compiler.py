"""Compile condition trees into durable_rules ruleset definitions (plain JSON data, no code).

One of the two modules that know durable_rules (the other is :mod:`clearance.engine.evaluator`).

Shape, decided by the engine's limits (see ``docs/engine.md``):

* Rules are compiled per document kind, market and *epoch* (a span of dates over which the same
  rules and table rows are in force), so table constants are inlined as literals.
* A ruleset holds at most :data:`CHUNK_RULES` rules and reads at most :data:`CHUNK_KEYS` fact
  keys; bigger sets are split into chunks, each asserted separately.
* ``not`` is pushed down to the leaves: the engine has no negation, ``$neq`` never matches a
  missing field and ``$nex`` can hang the process, so presence is a boolean operand.
* Array quantifiers use ``$iany`` / ``$iall``, with an item count for the empty case
  (``$iall`` is false on an empty array).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from clearance.engine.conditions import (
    All,
    Any_,
    Compare,
    DeniedParty,
    FieldRef,
    InSet,
    Literal_,
    Matches,
    Money,
    Node,
    Not,
    Present,
    Quantified,
    Recalled,
    TableRef,
    Terms,
    Valid,
)
from clearance.engine.errors import NoRowInForce
from clearance.engine.model import Rule
from clearance.engine.operands import (
    ArrayOperand,
    BoolOp,
    ConditionOp,
    FieldCmpOp,
    InOp,
    MatchOp,
    Operands,
    PartyOp,
    PresentOp,
    RecallOp,
    TermsOp,
    ValidOp,
    ValueOp,
)

CHUNK_RULES = 40
"""Rules per ruleset: the C core's alpha-node stack (64) overflows near 60 (error 303)."""
CHUNK_KEYS = 200
"""Fact keys per ruleset: the C core allows 255 properties per object."""

TRUE: dict[str, Any] = {"t": True}
"""A condition every fact meets: the evaluator gives every fact ``t: true``. (A test of the
fact's ``id`` alone hangs durable_rules beside other rules; see docs/engine.md.)"""

Cond = dict[str, Any] | bool
TableResolver = Callable[[TableRef], tuple[Any, str | None] | None]


_FLIP = {"eq": "ne", "ne": "eq", "lt": "gte", "lte": "gt", "gt": "lte", "gte": "lt"}
_DURABLE = {"lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte", "ne": "$neq"}


@dataclass
class CompiledChunk:
    """One durable_rules ruleset: its definition and how to build the fact it reads."""

    name: str
    rule_ids: list[str]
    definition: dict[str, Any]
    operands: Operands


@dataclass
class Compiled:
    """Every chunk for one (kind, market, epoch), and the rules that could not be compiled."""

    chunks: list[CompiledChunk]
    skipped: dict[str, str]
    packs: set[str] = field(default_factory=set)
    """Packs with a rule in force (recorded in reports with their hashes)."""
    lists: set[str] = field(default_factory=set)
    """Sanctions and recall lists read by the rules in force."""


def _and(parts: list[Cond]) -> Cond:
    if any(p is False for p in parts):
        return False
    kept = [p for p in parts if p is not True]
    if not kept:
        return True
    return kept[0] if len(kept) == 1 else {"$and": kept}


def _or(parts: list[Cond]) -> Cond:
    if any(p is True for p in parts):
        return True
    kept = [p for p in parts if p is not False]
    if not kept:
        return False
    return kept[0] if len(kept) == 1 else {"$or": kept}


class _RuleCompiler:
    """Compiles one rule's condition, allocating operand keys in ``ops``."""

    def __init__(self, ops: Operands, resolve: TableResolver, scope: dict[str, str]) -> None:
        self.ops = ops
        self.resolve = resolve
        self.scope = scope

    def cond(self, node: Node, positive: bool = True) -> Cond:
        """The durable condition for ``node`` (or its negation), folded when constant."""
        if isinstance(node, All):
            parts = [self.cond(c, positive) for c in node.children]
            return _and(parts) if positive else _or(parts)
        if isinstance(node, Any_):
            parts = [self.cond(c, positive) for c in node.children]
            return _or(parts) if positive else _and(parts)
        if isinstance(node, Not):
            return self.cond(node.child, not positive)
        if isinstance(node, Quantified):
            return self._quantified(node, positive)
        if isinstance(node, Compare):
            return self._compare(node, positive)
        if isinstance(node, Terms):
            return {self.ops.boolean(TermsOp(self.scope[node.list_name], node.paths)): positive}
        return {self.ops.boolean(_bool_spec(node)): positive}

    def _quantified(self, node: Quantified, positive: bool) -> Cond:
        # any(P) = some item P; not any(P) = every item not P (or none);
        # all(P) = every item P (or none); not all(P) = some item not P.
        items = Operands(prefix="$i.", counter=self.ops.counter)
        arr = ArrayOperand(node.path, self.ops.new_key(), self.ops.new_key(), items)
        some = (node.quantifier == "any") == positive
        inner = _RuleCompiler(items, self.resolve, self.scope).cond(node.where, positive)
        if _has_or(inner):
            # durable_rules never matches $or inside $iany/$iall: evaluate the item outside
            items = Operands(prefix="$i.", counter=self.ops.counter)
            arr.items = items
            where = _inline_tables(node.where, self.resolve)
            spec = ConditionOp(where, tuple(sorted(self.scope.items())))
            inner = {items.boolean(spec): positive}
        if inner is True:
            result: Cond = {"$gt": {arr.count_key: 0}} if some else True
        elif inner is False:
            result = False if some else {arr.count_key: 0}
        elif some:
            result = {"$iany": {arr.key: inner}}
        else:
            result = _or([{arr.count_key: 0}, {"$iall": {arr.key: inner}}])
        if not isinstance(result, bool):
            self.ops.arrays[(node.path, len(self.ops.arrays))] = arr
        return result

    def _compare(self, node: Compare, positive: bool) -> Cond:
        operand = node.operand
        if isinstance(operand, FieldRef):
            key = self.ops.boolean(FieldCmpOp(node.path, node.op, operand.path, node.measure))
            return {key: positive}
        currency = None
        if isinstance(operand, TableRef):
            constant, currency = _resolved(operand, self.resolve)
        elif isinstance(operand, Money):
            constant, currency = operand.amount, operand.currency
        else:
            assert isinstance(operand, Literal_)
            constant = operand.value
        vkey, pkey = self.ops.value(ValueOp(node.path, node.measure, currency))
        op = node.op if positive else _FLIP[node.op]
        test: Cond = {vkey: constant} if op == "eq" else {_DURABLE[op]: {vkey: constant}}
        if positive:
            return test
        # negated: true when the field is absent, or when the flipped comparison holds
        return _or([{pkey: False}, test])


def _resolved(ref: TableRef, resolve: TableResolver) -> tuple[Any, str | None]:
    found = resolve(ref)
    if found is None:
        raise NoRowInForce(ref.table)
    return found


def _inline_tables(node: Node, resolve: TableResolver) -> Node:
    """``node`` with each table reference replaced by the constant in force (for ConditionOp)."""
    if isinstance(node, All | Any_):
        return replace(node, children=tuple(_inline_tables(c, resolve) for c in node.children))
    if isinstance(node, Not):
        return replace(node, child=_inline_tables(node.child, resolve))
    if isinstance(node, Quantified):
        return replace(node, where=_inline_tables(node.where, resolve))
    if isinstance(node, Compare) and isinstance(node.operand, TableRef):
        constant, currency = _resolved(node.operand, resolve)
        operand = Literal_(constant) if currency is None else Money(constant, currency)
        return replace(node, operand=operand)
    return node


def _has_or(cond: Cond) -> bool:
    if isinstance(cond, dict):
        return any(k == "$or" or _has_or(v) for k, v in cond.items())
    if isinstance(cond, list):
        return any(_has_or(c) for c in cond)
    return False


def _bool_spec(node: Node) -> BoolOp:
    if isinstance(node, Present):
        return PresentOp(node.path)
    if isinstance(node, InSet):
        return InOp(node.path, frozenset(node.values), node.measure)
    if isinstance(node, Matches):
        return MatchOp(node.path, node.pattern)
    if isinstance(node, Valid):
        return ValidOp(node.path, node.scheme)
    if isinstance(node, DeniedParty):
        return PartyOp(node.paths, node.threshold)
    if isinstance(node, Recalled):
        return RecallOp(node.gtin, node.brand, node.model)
    raise TypeError(f"not a leaf: {node!r}")


def compile_rules(
    rules: list[Rule],
    name: str,
    resolve: TableResolver,
    action: Callable[[int], Callable[[Any], None]],
    chunk_rules: int = CHUNK_RULES,
) -> Compiled:
    """Compile ``rules`` into chunked durable_rules rulesets named ``name#0``, ``name#1``...

    ``action(index)`` returns the callable durable_rules runs when rule ``index`` of a chunk
    fires (each chunk is asserted on its own, so the index is enough). Rules whose tables have
    no row in force are returned in ``skipped``.
    """
    chunks: list[CompiledChunk] = []
    skipped: dict[str, str] = {}
    current: CompiledChunk | None = None
    for rule in rules:
        if (
            current is None
            or len(current.rule_ids) >= chunk_rules
            or (current.operands.size() >= CHUNK_KEYS)
        ):
            current = CompiledChunk(f"{name}#{len(chunks)}", [], {}, Operands())
            chunks.append(current)
        trial = current.operands.copy()
        try:
            cond = _RuleCompiler(trial, resolve, rule.term_scope).cond(rule.when)
        except NoRowInForce as exc:
            skipped[rule.id] = str(exc)
            continue
        if cond is False:
            continue  # can never fire in this epoch
        if trial.size() > CHUNK_KEYS and current.rule_ids:
            current = CompiledChunk(f"{name}#{len(chunks)}", [], {}, Operands())
            chunks.append(current)
            trial = Operands()
            cond = _RuleCompiler(trial, resolve, rule.term_scope).cond(rule.when)
        current.operands = trial
        index = len(current.rule_ids)
        current.rule_ids.append(rule.id)
        current.definition[f"r{index}"] = {
            "all": [{"m": TRUE if cond is True else cond}],
            "run": action(index),
        }
    return Compiled([c for c in chunks if c.rule_ids], skipped)
