"""Run compiled rulesets on durable_rules: build the fact, assert it, collect fired rules, retract.

One of the two modules that know durable_rules (the other is
:mod:`clearance.engine.compiler`). The engine is not thread-safe, so every call holds one
lock; a process screens one document at a time.

:func:`build_fact` lays the operands a chunk reads (:mod:`clearance.engine.operands`) out under
their fact keys: leaf operands from :class:`~clearance.engine.facts.DocContext`, item conditions
from :func:`clearance.engine.interpret.item_holds`.
"""

from __future__ import annotations

import copy
import itertools
import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from clearance.engine.compiler import CompiledChunk
from clearance.engine.durable_loader import prepare_durable
from clearance.engine.errors import EngineError
from clearance.engine.facts import DocContext, Root, leaf_function, reads_market, slot_of
from clearance.engine.interpret import item_holds
from clearance.engine.operands import ConditionOp, Operands, TermsOp, ValueOp

prepare_durable()  # first: on Python 3.13+ durable_rules' C extension needs a symbol restored

import durable.engine as dre  # noqa: E402
import durable_rules_engine  # noqa: E402

from clearance.engine import enginejson  # noqa: E402

# durable_rules' C core refuses numbers such as 1e-05 that Python's json module writes: every
# fact, retraction and ruleset definition goes through the writer that adds their fraction.
dre.json = enginejson


class _QuietHost(dre.Host):  # type: ignore[misc]
    """A durable_rules host without the background dispatch threads (no timers are used)."""

    def _run(self) -> None:
        return None


class Evaluator:
    """Owns one durable_rules host and evaluates facts against registered chunks."""

    def __init__(self) -> None:
        self._host = _QuietHost()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._registered: set[str] = set()

    def action(self, index: int) -> Callable[[Any], None]:
        """The callable ``durable.engine`` wants for rule ``index`` when the ruleset is
        registered. It does nothing and is never run: the evaluator takes the actions of its
        assertions and retractions itself (:func:`_take_actions` records which rules fired)."""

        def run(_closure: Any) -> None:
            return None

        return run

    def close(self) -> None:
        """Delete every ruleset this evaluator registered from the durable_rules C core.

        The core holds at most 131,071 rulesets per process; a service that reloads packs
        closes the old evaluator so reloads do not exhaust it.
        """
        with self._lock:
            for ruleset in self._host._ruleset_list:
                durable_rules_engine.delete_ruleset(ruleset._handle)
            self._host._ruleset_list.clear()
            self._host._ruleset_directory.clear()
            self._registered.clear()

    def register(self, chunk: CompiledChunk) -> None:
        """Register a chunk's ruleset with the engine (once)."""
        with self._lock:
            if chunk.name in self._registered:
                return
            definition = {name: dict(rule) for name, rule in chunk.definition.items()}
            try:
                self._host.register_rulesets({chunk.name: copy.deepcopy(definition)})
            except Exception as exc:  # durable raises bare Exception with an error code
                raise EngineError(f"durable_rules refused ruleset {chunk.name}: {exc}") from exc
            self._registered.add(chunk.name)

    def run(self, chunk: CompiledChunk, fact: dict[str, Any]) -> list[int]:
        """Assert ``fact`` into the chunk, return the indexes of the rules that fired, and
        retract it."""
        with self._lock:
            fact["id"] = next(self._ids)
            fact["t"] = True  # what compiler.TRUE, the always-true condition, reads
            handle = self._host.get_ruleset(chunk.name)._handle
            text = enginejson.dumps(fact)
            try:
                fired = _take_actions(handle, durable_rules_engine.assert_fact(handle, text))
            except EngineError:
                raise
            except Exception as exc:
                raise EngineError(f"durable_rules failed on {chunk.name}: {exc}") from exc
            try:
                _take_actions(handle, durable_rules_engine.retract_fact(handle, text))
            except Exception as exc:
                raise EngineError(
                    f"durable_rules failed to retract on {chunk.name}: {exc}"
                ) from exc
            return fired


_ACTION = re.compile(r'\{\s*"r([0-9]+)"')
"""The start of an action's message, ``{"r12": ...}``: the name of the rule that fired
(compiler.compile_rules names the rules of a chunk r0, r1...)."""


def _take_actions(handle: int, result: tuple[int, int]) -> list[int]:
    """Take every action the core started for an assertion or retraction (``result``, what
    its ``assert_fact`` or ``retract_fact`` returned), in the order it starts them; the
    indexes of the rules they belong to.

    What ``durable.engine`` does for a fact (``Ruleset._handle_result``, ``do_actions``,
    ``_flush_actions``) made direct: Clearance's actions only record that a rule fired and
    never change the state, so there is no closure to build, no state to write back
    (``update_state``) and no message to decode but the rule's name. Any other result of the
    core is an error, as it is there. (What fires on a retraction is not a finding: the
    caller ignores it, as the actions durable.engine would run for it do nothing.)
    """
    code = result[0]
    if code == 1:  # no rule's condition reads this fact: nothing fires
        return []
    if code == 2:
        raise EngineError("durable_rules reported the fact as observed only")
    state = 0 if code == 3 else result[1]
    started = durable_rules_engine.start_action_for_state(handle, state)
    message = started[1] if started else None
    fired: set[int] = set()
    try:
        while message:
            match = _ACTION.match(message)
            if match is None:
                raise EngineError(f"durable_rules started an unknown action: {message[:80]}")
            fired.add(int(match.group(1)))
            message = durable_rules_engine.complete_and_start_action(handle, state)
    except BaseException:
        durable_rules_engine.abandon_action(handle, state)
        raise
    return sorted(fired)


@dataclass(frozen=True)
class _Plan:
    """How to build the fact of one scope (document or array item), worked out once per
    :class:`Operands`: each operand with its memo slot (-1 when it reads the market, so it is
    computed for each market) and the function that computes it."""

    values: tuple[tuple[int, ValueOp, str, str], ...]
    terms: tuple[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], ...]
    """Term operands grouped by the fields they search: (paths, ((list name, key), ...))."""
    bools: tuple[tuple[int, Callable[[DocContext, Root], bool], str], ...]
    arrays: tuple[tuple[int, str, str, str, _Plan], ...]


_PLANS: dict[int, tuple[weakref.ref[Operands], _Plan]] = {}


def _plan_of(ops: Operands) -> _Plan:
    key = id(ops)
    found = _PLANS.get(key)
    if found is not None and found[0]() is ops:
        return found[1]
    plan = _make_plan(ops)
    _PLANS[key] = (weakref.ref(ops, lambda _ref: _PLANS.pop(key, None)), plan)
    return plan


def _make_plan(ops: Operands) -> _Plan:
    values = tuple(
        (-1 if reads_market(spec) else slot_of(spec), spec, vkey, pkey)
        for spec, (vkey, pkey) in ops.values.items()
    )
    bools: list[tuple[int, Callable[[DocContext, Root], bool], str]] = []
    terms: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for bspec, key in ops.bools.items():
        if isinstance(bspec, TermsOp):
            terms.setdefault(bspec.paths, []).append((bspec.list_name, key))
        elif isinstance(bspec, ConditionOp):
            bools.append((slot_of(bspec), partial(_item_condition, bspec), key))
        else:
            slot = -1 if reads_market(bspec) else slot_of(bspec)
            bools.append((slot, leaf_function(bspec), key))
    arrays = tuple(
        (
            -1 if arr.path == "market" else slot_of(("items", arr.path)),
            arr.path,
            arr.key,
            arr.count_key,
            _plan_of(arr.items),
        )
        for arr in ops.arrays.values()
    )
    grouped = tuple((paths, tuple(keys)) for paths, keys in terms.items())
    return _Plan(values, grouped, tuple(bools), arrays)


def _item_condition(spec: ConditionOp, ctx: DocContext, root: Root) -> bool:
    return item_holds(ctx, spec, root)


def build_fact(ops: Operands, ctx: DocContext, root: Root) -> dict[str, Any]:
    """Compute the fact (or array item) holding every operand the chunk reads.

    Operands that do not read the market are computed once per document (or item) and shared
    by every chunk and market that reads them (:meth:`DocContext.memo`).
    """
    return _build(_plan_of(ops), ctx, root)


def _build(plan: _Plan, ctx: DocContext, root: Root) -> dict[str, Any]:
    memo = ctx.memo(root)
    fact: dict[str, Any] = {}
    for slot, spec, vkey, pkey in plan.values:
        found = memo.get(slot) if slot >= 0 else None
        if found is None:
            found = ctx.value(root, spec)
            if slot >= 0:
                memo[slot] = found
        present, value = found
        fact[pkey] = present
        if present:
            fact[vkey] = value
    for paths, keys in plan.terms:
        found_lists = ctx.lists_in(root, paths)
        for name, key in keys:
            fact[key] = name in found_lists
    for slot, compute, key in plan.bools:
        if slot < 0:
            fact[key] = compute(ctx, root)
            continue
        truth = memo.get(slot)
        if truth is None:
            truth = memo[slot] = compute(ctx, root)
        fact[key] = truth
    for slot, path, key, count_key, items_plan in plan.arrays:
        items = memo.get(slot) if slot >= 0 else None
        if items is None:
            raw = ctx.resolve(root, path)
            items = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
            if slot >= 0:
                memo[slot] = items
        fact[count_key] = len(items)
        if items:
            fact[key] = [_build(items_plan, ctx, item) for item in items]
    return fact
