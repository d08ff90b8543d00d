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
import threading
from collections.abc import Callable
from typing import Any

from clearance.engine.compiler import CompiledChunk
from clearance.engine.durable_loader import prepare_durable
from clearance.engine.errors import EngineError
from clearance.engine.facts import DocContext, Root
from clearance.engine.interpret import item_holds
from clearance.engine.operands import ArrayOperand, ConditionOp, Operands

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
        self._fired: list[int] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._registered: set[str] = set()

    def action(self, index: int) -> Callable[[Any], None]:
        """The callable run when rule ``index`` fires: it only records the index."""
        fired = self._fired

        def run(_closure: Any) -> None:
            fired.append(index)

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
        """Assert ``fact`` into the chunk, return the indexes of the rules that fired."""
        with self._lock:
            fact["id"] = next(self._ids)
            fact["t"] = True  # what compiler.TRUE, the always-true condition, reads
            self._fired.clear()
            try:
                self._host.assert_fact(chunk.name, fact)
            except dre.MessageNotHandledException:
                pass
            except Exception as exc:
                raise EngineError(f"durable_rules failed on {chunk.name}: {exc}") from exc
            fired = sorted(set(self._fired))
            try:
                self._host.retract_fact(chunk.name, fact)
            except dre.MessageNotHandledException:
                pass
            except Exception as exc:
                raise EngineError(
                    f"durable_rules failed to retract on {chunk.name}: {exc}"
                ) from exc
            return fired


def build_fact(ops: Operands, ctx: DocContext, root: Root) -> dict[str, Any]:
    """Compute the fact (or array item) holding every operand the chunk reads."""
    fact: dict[str, Any] = {}
    for spec, (vkey, pkey) in ops.values.items():
        present, value = ctx.value(root, spec)
        fact[pkey] = present
        if present:
            fact[vkey] = value
    for bspec, key in ops.bools.items():
        if isinstance(bspec, ConditionOp):
            fact[key] = item_holds(ctx, bspec, root)
        else:
            fact[key] = ctx.boolean(root, bspec)
    for arr in ops.arrays.values():
        _add_array(fact, arr, ctx, root)
    return fact


def _add_array(fact: dict[str, Any], arr: ArrayOperand, ctx: DocContext, root: Root) -> None:
    raw = ctx.resolve(root, arr.path)
    items = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
    fact[arr.count_key] = len(items)
    if items:
        fact[arr.key] = [build_fact(arr.items, ctx, item) for item in items]
