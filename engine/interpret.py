"""The one Python interpreter of the condition tree. durable_rules decides; this explains.

durable_rules decides which rules fire. This module interprets a condition tree in Python, on
the same leaf operands (:class:`clearance.engine.facts.DocContext`) that are handed to the
engine, for exactly two purposes:

* **item operands**: an array-item condition that durable_rules cannot match inside
  ``$iany`` / ``$iall`` (one that needs ``$or``) is compiled to a
  :class:`~clearance.engine.operands.ConditionOp`; :func:`item_holds` computes it for each item
  when the fact is built;
* **evidence**: for each rule the engine fired, :meth:`Interpreter.evidence` says *why*: the
  matched text with its position in the field, or the field values that made the rule true;
* **what could not be evaluated**: when a value the engine was given could not be computed
  (money with no exchange rate for the document's date), :meth:`Interpreter.truth` evaluates
  the rule in three-valued logic, so that a rule whose outcome depends on that value is reported
  as not evaluated rather than as a pass or a finding.

No other module of the engine evaluates conditions. The test suite also uses
:meth:`Interpreter.holds` as the reference that the compiled rulesets decide exactly as the tree
says (tests/test_compiler_differential.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from clearance.engine.facts import DocContext, Root, compare
from clearance.engine.operands import (
    ConditionOp,
    FieldCmpOp,
    InOp,
    MatchOp,
    PresentOp,
    RecallOp,
    ValidOp,
    ValueOp,
)
from clearance.engine.regexguard import compile_pattern, search

Evidence = dict[str, Any]
NO_SANCTIONS = "no sanctions lists are loaded (run `clearance feeds update`)"
NO_RECALLS = "no recall lists are loaded (run `clearance feeds update cpsc`)"
Resolver = Callable[[TableRef], tuple[Any, str | None] | None]


def no_tables(ref: TableRef) -> None:
    """A resolver for trees without table references: every table is out of force."""
    return None


def _label(prefix: str, path: str) -> str:
    return f"{prefix}{path}"


def _shown(value: Any) -> Any:
    if isinstance(value, dict) and "amount" in value and "currency" in value:
        return f"{value['amount']:g} {value['currency']}"
    return value


def _inside(inner: Evidence, outer: Evidence) -> bool:
    """True when ``inner`` is a text match strictly inside ``outer`` in the same field."""
    if "start" not in inner or "start" not in outer or inner["field"] != outer["field"]:
        return False
    if (inner["start"], inner["end"]) == (outer["start"], outer["end"]):
        return False
    return bool(outer["start"] <= inner["start"] and inner["end"] <= outer["end"])


class Interpreter:
    """Interprets condition trees in Python against one document context.

    ``resolve`` gives a table column's value in force (and its currency); a table with no row
    in force raises :class:`~clearance.engine.errors.NoRowInForce`. ``scope`` maps the pack's
    term-list names to their qualified names.
    """

    def __init__(self, ctx: DocContext, resolve: Resolver, scope: Mapping[str, str]) -> None:
        self.ctx = ctx
        self.resolve = resolve
        self.scope = scope

    def evidence(self, node: Node) -> list[Evidence]:
        """Evidence that ``node`` holds for the document: unique, longest matches only.

        Empty when a table the condition reads has no row in force.
        """
        try:
            return self._evidence(node)
        except NoRowInForce:
            return []

    def _evidence(self, node: Node) -> list[Evidence]:
        _, found = self.support(node, self.ctx.data, "", True)
        unique: list[Evidence] = []
        for ev in found:
            if ev in unique or any(_inside(ev, other) for other in found):
                continue
            unique.append(ev)
        return unique

    def holds(self, node: Node, root: Root | None = None) -> bool:
        """True when ``node`` holds for the document (or for the array item ``root``)."""
        return self.support(node, root if root is not None else self.ctx.data, "", True)[0]

    def truth(self, node: Node, root: Root | None = None) -> tuple[bool | None, list[str]]:
        """The three-valued truth of ``node`` (Kleene logic) and, when it is unknown, why.

        A comparison that reads money the context could not convert is unknown (None); ``all``
        is false when any part is false, else unknown when any part is unknown; ``any`` is true
        when any part is true, else unknown when any part is unknown; ``not`` keeps unknown.
        """
        why: list[str] = []
        try:
            value = self._truth(node, root if root is not None else self.ctx.data, why)
        except NoRowInForce as exc:
            return None, [str(exc)]
        return value, (list(dict.fromkeys(why)) if value is None else [])

    def _truth(self, node: Node, root: Root, why: list[str]) -> bool | None:
        if isinstance(node, Not):
            inner = self._truth(node.child, root, why)
            return None if inner is None else not inner
        if isinstance(node, All | Any_):
            return _kleene(
                [self._truth(c, root, why) for c in node.children], isinstance(node, All)
            )
        if isinstance(node, Quantified):
            raw = self.ctx.resolve(root, node.path)
            items = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
            values = [self._truth(node.where, item, why) for item in items]
            return _kleene(values, node.quantifier == "all")
        reason = self._unknown(node, root)
        if reason is not None:
            why.append(reason)
            return None
        return self._leaf(node, root, "")[0]

    def _unknown(self, node: Node, root: Root) -> str | None:
        """Why a leaf has no truth value for ``root``, or None when it has one: money that could
        not be converted, a table with no row in force, a sanctions or recall list that is not
        loaded while the document has what it would be matched on."""
        ctx = self.ctx
        if isinstance(node, Compare):
            return self._unknown_compare(node, root)
        if isinstance(node, Recalled) and ctx.recalls is None:
            gtin, brand, model = (
                _text(ctx.resolve(root, p)) if p else None
                for p in (node.gtin, node.brand, node.model)
            )
            return NO_RECALLS if gtin or (brand and model) else None
        if isinstance(node, DeniedParty) and ctx.parties is None:
            names = [ctx.resolve(root, p) for p in node.paths]
            named = any(isinstance(n, dict) and _text(n.get("name")) for n in names)
            return NO_SANCTIONS if named else None
        return None

    def _unknown_compare(self, node: Compare, root: Root) -> str | None:
        """Why a comparison has no truth value: its table has no row in force, or its money
        operand could not be converted; None when it has one.

        Every operand of the rule was computed when the engine's fact was built, so a failed
        conversion is already recorded in the context.
        """
        ctx = self.ctx
        raw = ctx.resolve(root, node.path)
        operand = node.operand
        if isinstance(operand, FieldRef):
            other = ctx.resolve(root, operand.path)
            if not (isinstance(raw, dict) and isinstance(other, dict)):
                return None
            same = raw.get("currency") == other.get("currency")
            target = str(raw.get("currency")) if same else "EUR"
            return ctx.unknown_money(raw, target) or ctx.unknown_money(other, target)
        currency = None
        if isinstance(operand, TableRef):
            found = self.resolve(operand)
            if found is None:
                return str(NoRowInForce(operand.table))
            currency = found[1]
        elif isinstance(operand, Money):
            currency = operand.currency
        return ctx.unknown_money(raw, currency) if currency else None

    def support(
        self, node: Node, root: Root, prefix: str, want: bool
    ) -> tuple[bool, list[Evidence]]:
        """Return (node evaluates to ``want``, evidence that it does)."""
        if isinstance(node, Not):
            return self.support(node.child, root, prefix, not want)
        if isinstance(node, All | Any_):
            results = [self.support(c, root, prefix, want) for c in node.children]
            conjunctive = isinstance(node, All) == want
            ok = all(r[0] for r in results) if conjunctive else any(r[0] for r in results)
            evidence = [e for r in results if r[0] for e in r[1]] if ok else []
            return ok, evidence
        if isinstance(node, Quantified):
            return self._quantified(node, root, prefix, want)
        value, evidence = self._leaf(node, root, prefix)
        return value == want, evidence

    def _quantified(
        self, node: Quantified, root: Root, prefix: str, want: bool
    ) -> tuple[bool, list[Evidence]]:
        raw = self.ctx.resolve(root, node.path)
        items = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
        labels = [f"{prefix}{node.path}[{i}]." for i in range(len(items))]
        pairs = zip(items, labels, strict=True)
        sat = [self.support(node.where, item, label, True) for item, label in pairs]
        evidence: list[Evidence] = []
        if node.quantifier == "any":
            truth = any(ok for ok, _ in sat)
            if truth:
                evidence = [e for ok, ev in sat if ok for e in ev]
        else:
            truth = all(ok for ok, _ in sat)
            if truth:
                evidence = [e for _, ev in sat for e in ev]
            else:  # the items that fail the condition
                for item, label, (ok, _) in zip(items, labels, sat, strict=True):
                    if not ok:
                        evidence.extend(self.support(node.where, item, label, False)[1])
        return (True, evidence) if truth == want else (False, [])

    def _leaf(self, node: Node, root: Root, prefix: str) -> tuple[bool, list[Evidence]]:
        ctx = self.ctx
        if isinstance(node, Terms):
            hits = [
                h
                for h in ctx.hits(root, node.paths)
                if h.hit.list_name == self.scope.get(node.list_name)
            ]
            return bool(hits), [
                {
                    "field": _label(prefix, h.field),
                    "text": h.hit.text,
                    "start": h.hit.start,
                    "end": h.hit.end,
                    "term": h.hit.term,
                    "list": node.list_name,
                    "language": h.hit.language,
                }
                for h in hits
            ]
        if isinstance(node, Matches):
            raw = ctx.resolve(root, node.path)
            truth = ctx.boolean(root, MatchOp(node.path, node.pattern))
            if truth and isinstance(raw, str):
                span = search(compile_pattern(node.pattern), raw)
                if span:
                    return True, [
                        {
                            "field": _label(prefix, node.path),
                            "text": raw[span[0] : span[1]],
                            "start": span[0],
                            "end": span[1],
                        }
                    ]
            return truth, [{"field": _label(prefix, node.path), "value": _shown(raw)}]
        if isinstance(node, DeniedParty):
            party_hits = ctx.party_hits(root, node.paths, node.threshold)
            return bool(party_hits), [
                {"field": _label(prefix, h.field), "text": h.name, "party_match": h.match.to_dict()}
                for h in party_hits
            ]
        if isinstance(node, Recalled):
            recalls = ctx.recall_hits(root, RecallOp(node.gtin, node.brand, node.model))
            field = node.gtin if recalls and recalls[0].matched_on == "gtin" else node.model
            return bool(recalls), [
                {
                    "field": _label(prefix, field or node.brand or ""),
                    "value": _shown(ctx.resolve(root, field or node.brand or "")),
                    "recall": r.to_dict(),
                }
                for r in recalls
            ]
        if isinstance(node, Present | InSet | Valid):
            spec = (
                PresentOp(node.path)
                if isinstance(node, Present)
                else InOp(node.path, frozenset(node.values), node.measure)
                if isinstance(node, InSet)
                else ValidOp(node.path, node.scheme)
            )
            raw = ctx.resolve(root, node.path)
            return ctx.boolean(root, spec), [
                {"field": _label(prefix, node.path), "value": _shown(raw)}
            ]
        assert isinstance(node, Compare)
        return self._compare(node, root, prefix)

    def _compare(self, node: Compare, root: Root, prefix: str) -> tuple[bool, list[Evidence]]:
        ctx = self.ctx
        operand = node.operand
        raw = ctx.resolve(root, node.path)
        evidence: Evidence = {"field": _label(prefix, node.path), "value": _shown(raw)}
        if isinstance(operand, FieldRef):
            truth = ctx.boolean(root, FieldCmpOp(node.path, node.op, operand.path, node.measure))
            other = ctx.resolve(root, operand.path)
            return truth, [
                evidence,
                {"field": _label(prefix, operand.path), "value": _shown(other)},
            ]
        currency = None
        if isinstance(operand, TableRef):
            found = self.resolve(operand)
            if found is None:
                raise NoRowInForce(operand.table)
            constant, currency = found
            evidence["compared_with"] = f"{operand.table}.{operand.column} = {constant}" + (
                f" {currency}" if currency else ""
            )
        elif isinstance(operand, Money):
            constant, currency = operand.amount, operand.currency
        else:
            assert isinstance(operand, Literal_)
            constant = operand.value
        present, value = ctx.value(
            root, ValueOp(node.path, node.measure, currency), _label(prefix, node.path)
        )
        if node.measure:
            evidence[node.measure] = value
        if currency and isinstance(raw, dict) and raw.get("currency") != currency and present:
            evidence["converted"] = f"{value:g} {currency}"
        if not present:
            return False, [evidence]
        return compare(node.op, value, constant), [evidence]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _kleene(values: list[bool | None], conjunctive: bool) -> bool | None:
    """Three-valued ``all`` (conjunctive) or ``any`` of ``values``."""
    decisive = not conjunctive  # all: one False decides; any: one True decides
    if any(v is decisive for v in values):
        return decisive
    if any(v is None for v in values):
        return None
    return conjunctive


def item_holds(ctx: DocContext, spec: ConditionOp, item: Root) -> bool:
    """The value of an item-condition operand for one array item.

    The compiler has replaced the table references of ``spec.node`` by the constants in force,
    so no table is read here.
    """
    return Interpreter(ctx, no_tables, dict(spec.scope)).holds(spec.node, item)
