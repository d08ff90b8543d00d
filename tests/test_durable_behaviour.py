"""Regression tests for durable_rules 2.0.28 behaviours the compiler is shaped around.

Each test pins one measured behaviour (see docs/engine.md). If an upgrade changes one, the
test says which design decision to revisit.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import textwrap
from typing import Any

import durable.engine as dre
import pytest

from clearance.engine import enginejson
from clearance.engine.evaluator import _QuietHost


def _fires(condition: dict[str, Any], fact: dict[str, Any], name: str) -> bool:
    host = _QuietHost()
    fired: list[int] = []
    host.register_rulesets(
        {name: {"r": {"all": [{"m": condition}], "run": lambda c: fired.append(1)}}}
    )
    with contextlib.suppress(dre.MessageNotHandledException):
        host.assert_fact(name, dict(fact, id=1))
    return bool(fired)


def test_neq_does_not_match_a_missing_field() -> None:
    # so `not equals` compiles to (absent or $neq), with presence as its own operand
    assert not _fires({"$neq": {"q": 1}}, {"other": 1}, "neq_missing")
    assert _fires({"$neq": {"q": 1}}, {"q": 2}, "neq_present")


def test_iall_is_false_on_an_empty_array() -> None:
    # so all_items compiles to (count == 0 or $iall)
    assert not _fires({"$iall": {"items": {"$gt": {"$i.x": 5}}}}, {"items": []}, "iall_empty")
    assert _fires({"$iall": {"items": {"$gt": {"$i.x": 5}}}}, {"items": [{"x": 6}]}, "iall_full")


def test_or_inside_item_conditions_is_unreliable() -> None:
    # so item conditions that need $or are evaluated outside the engine (facts.ConditionOp):
    # here the first branch holds for the only item, yet the rule does not fire
    fact = {"k2": 1, "k1": [{"k5": True, "k4": "CE", "k3": True}]}
    assert not _fires(
        {"$iany": {"k1": {"$or": [{"$i.k4": "CE"}, {"$i.k3": False}]}}}, fact, "or_in_item"
    )
    assert _fires(
        {"$iany": {"k1": {"$and": [{"$i.k4": "CE"}, {"$i.k3": True}]}}}, fact, "and_in_item"
    )
    assert _fires({"$or": [{"$iany": {"k1": {"$i.k4": "CE"}}}, {"x": 1}]}, fact, "or_outside")


def test_item_to_item_comparison_is_refused() -> None:
    # so comparisons between two fields are computed as boolean operands outside the engine
    host = _QuietHost()
    with pytest.raises(Exception, match="102"):
        host.register_rulesets(
            {
                "item_cmp": {
                    "r": {
                        "all": [{"m": {"$iany": {"items": {"$lt": {"$i.x": {"$i": "y"}}}}}}],
                        "run": lambda c: None,
                    }
                }
            }
        )


def test_events_fire_one_rule_facts_fire_all() -> None:
    host = _QuietHost()
    fired: list[str] = []
    rules = {
        f"r{i}": {
            "all": [{"m": {"$gte": {"v": i}}}],
            "run": (lambda n: lambda c: fired.append(n))(i),
        }
        for i in range(6)
    }
    host.register_rulesets({"evfact": rules})
    host.post("evfact", {"id": 1, "v": 10})
    events = len(fired)
    fired.clear()
    host.assert_fact("evfact", {"id": 2, "v": 10})
    assert events == 1
    assert len(fired) == 6


def test_nex_alone_hangs_the_process() -> None:
    # so the compiler never emits $nex: presence is a boolean operand instead
    script = textwrap.dedent("""
        from clearance.engine.evaluator import _QuietHost  # first: loads durable on 3.13
        h = _QuietHost()
        rule = {"all": [{"m": {"$nex": {"z": 1}}}], "run": lambda c: None}
        h.register_rulesets({"t": {"r": rule}})
        h.assert_fact("t", {"id": 1, "y": 1})
        print("returned")
    """)
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=4)


def test_a_condition_on_the_fact_id_alone_hangs_the_process() -> None:
    # so a rule that is always true compiles to {"t": true}, a key every fact carries
    # (engine/compiler.py TRUE), never to a test of the fact's id
    script = textwrap.dedent("""
        from clearance.engine.evaluator import _QuietHost  # first: loads durable on 3.13
        h = _QuietHost()
        rules = {"r0": {"all": [{"m": {"$gte": {"id": 0}}}], "run": lambda c: None},
                 "r1": {"all": [{"m": {"k": 1}}], "run": lambda c: None}}
        h.register_rulesets({"t": rules})
        h.assert_fact("t", {"id": 1, "k": 1})
        print("returned")
    """)
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=4)


def test_many_rules_in_one_ruleset_overflow_the_stack() -> None:
    # so rulesets are chunked (engine.compiler.CHUNK_RULES)
    host = _QuietHost()
    rules = {
        f"r{i}": {"all": [{"m": {"$and": [{"a": 1}, {"$gte": {"v": i}}]}}], "run": lambda c: None}
        for i in range(200)
    }
    host.register_rulesets({"big": rules})
    with pytest.raises(Exception, match="303"):
        host.assert_fact("big", {"id": 1, "a": 1, "v": 500})


def test_a_number_in_exponent_form_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Python writes 1e-07 and 1e+20 in exponent form; the C core's JSON reader refuses them
    # (error 204) when they have no fraction, so Clearance hands durable_rules its own writer
    # (engine/enginejson.py: 1.0e-07), and `clearance rules validate` still registers every
    # ruleset so that anything else the core refuses is reported with its file and line
    monkeypatch.setattr(dre, "json", json)
    for value in (0.0000001, 1e20):
        with pytest.raises(Exception, match="204"):
            _fires({"$lt": {"k1": value}}, {"k1": 0}, f"exp{value:g}")
    assert _fires({"$lt": {"k1": 0.001}}, {"k1": 0}, "plain_float")


def test_a_number_with_a_fraction_and_an_exponent_is_read() -> None:
    # what engine/enginejson.py relies on: 1.0e-07 is read as 1e-07, in facts and in rulesets
    assert dre.json is enginejson
    assert _fires({"$lt": {"k1": 0.0000001}}, {"k1": 0.00000001}, "frac_small")
    assert not _fires({"$lt": {"k1": 0.0000001}}, {"k1": 0.000001}, "frac_small_no")
    assert _fires({"$gt": {"k1": 1e20}}, {"k1": 1e21}, "frac_large")
    assert not _fires({"$gt": {"k1": 1e20}}, {"k1": 1e19}, "frac_large_no")
    assert _fires({"$gte": {"k1": 10**16}}, {"k1": float(10**16)}, "int_vs_float")


def test_an_always_true_rule_fires_beside_other_rules() -> None:
    # the compiled form of a condition that folds to true ({"t": true}) fires on every fact and
    # leaves the other rules of its ruleset working (in a subprocess: the old form hung)
    script = textwrap.dedent("""
        from clearance.engine.compiler import TRUE, CompiledChunk
        from clearance.engine.evaluator import Evaluator
        from clearance.engine.operands import Operands
        ev = Evaluator()
        definition = {"r0": {"all": [{"m": TRUE}], "run": ev.action(0)},
                      "r1": {"all": [{"m": {"k": 1}}], "run": ev.action(1)}}
        chunk = CompiledChunk("always#0", ["A", "B"], definition, Operands())
        ev.register(chunk)
        print(ev.run(chunk, {"k": 1}), ev.run(chunk, {"k": 2}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert done.stdout.decode().split("\n")[0] == "[0, 1] [0]", done.stderr.decode()
