"""The engine's stages, one place each: imports point down the pipeline, one interpreter.

durable_rules decides; :mod:`clearance.engine.interpret` is the only Python interpretation of
the condition tree (item operands and evidence), called directly by the fact builder and the
screener, never through a hook set on the document context.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from clearance.engine import conditions
from clearance.engine.compiler import compile_rules
from clearance.engine.evaluator import Evaluator, build_fact
from clearance.engine.facts import DocContext
from clearance.engine.interpret import Interpreter
from clearance.engine.library import Library
from clearance.engine.model import Rule
from clearance.engine.operands import ConditionOp
from clearance.engine.screening import Screener

ENGINE = Path(__file__).resolve().parents[1] / "engine"

PIPELINE = [
    "errors",
    "conditions",
    "templates",
    "model",
    "semantics",
    "operands",
    "compiler",
    "facts",
    "interpret",
    "evaluator",
    "report",
    "screening",
    "compilecheck",
    "examples",
]
"""The stages in order; a stage may import only the stages before it."""

COMBINATORS = {"All", "Any_", "Not", "Quantified"}


def _tree(name: str) -> ast.Module:
    return ast.parse((ENGINE / f"{name}.py").read_text(encoding="utf-8"))


def _engine_imports(name: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("clearance.engine."):
            found.add((node.module or "").split(".")[2])
    return found


@pytest.mark.parametrize("stage", PIPELINE)
def test_a_stage_imports_only_earlier_stages(stage: str) -> None:
    later = set(PIPELINE[PIPELINE.index(stage) + 1 :])
    assert not _engine_imports(stage) & later, sorted(_engine_imports(stage) & later)


def test_the_operand_contract_imports_no_stage() -> None:
    assert _engine_imports("operands") == set()
    assert {"operands"} <= _engine_imports("compiler") & _engine_imports("facts")
    assert "facts" not in _engine_imports("compiler")


def _isinstance_names(tree: ast.AST) -> set[str]:
    """Names tested with isinstance() anywhere in a module."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "isinstance":
            for sub in ast.walk(node.args[1]):
                if isinstance(sub, ast.Name):
                    names.add(sub.id)
    return names


def test_only_the_interpreter_evaluates_conditions() -> None:
    # A module that walks the condition tree's combinators *and* computes document values
    # (the fact context) is an evaluator of conditions; there is exactly one.
    evaluators = []
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        walks_tree = bool(_isinstance_names(tree) & COMBINATORS)
        reads_documents = "facts" in _engine_imports(path.stem)
        if walks_tree and reads_documents:
            evaluators.append(path.stem)
    assert evaluators == ["interpret"]
    assert not (ENGINE / "explain.py").exists()


def test_the_fact_context_knows_no_condition_tree_and_holds_no_hook() -> None:
    facts = _tree("facts")
    assert "conditions" not in _engine_imports("facts")
    assert not _isinstance_names(facts) & {
        n for n in dir(conditions) if isinstance(getattr(conditions, n), type)
    }
    assert "ConditionOp" not in ast.unparse(facts)
    fields = {f.name: f.type for f in dataclasses.fields(DocContext)}
    assert "condition" not in fields
    assert not [n for n, t in fields.items() if "Callable" in str(t) or "Hook" in str(t)]


def test_item_conditions_are_computed_by_the_fact_builder_calling_the_interpreter() -> None:
    evaluator = ast.unparse(_tree("evaluator"))
    assert "from clearance.engine.interpret import item_holds" in evaluator
    screening = ast.unparse(_tree("screening"))
    assert ".condition =" not in screening and "ConditionHook" not in screening


def _item_rule() -> Rule:
    where = conditions.Any_(
        (
            conditions.Compare("type", "eq", conditions.Literal_("CE")),
            conditions.Compare(
                "id", "gt", conditions.TableRef("low_value_threshold", "amount"), "length"
            ),
        )
    )
    return Rule(
        id="T.ITEMS",
        title="t",
        description="",
        applies_to=("listing",),
        markets=("*",),
        severity="block",
        confidence=None,
        effective_from=None,
        effective_until=None,
        when=conditions.Quantified("any", "certifications", where),
        message="m",
        remediation="r",
        references=(),
        examples=(),
        pack_id="test",
        file="test.yaml",
        line=1,
    )


@pytest.mark.parametrize(("market", "fires"), [("DE", False), ("US", True)])
def test_an_item_condition_operand_reads_the_table_row_in_force(
    library: Library, market: str, fires: bool
) -> None:
    # any_item with `any:` cannot be matched by durable_rules inside $iany: it becomes a
    # ConditionOp whose table reference the compiler replaced by the constant in force
    # (EU 150 EUR; US 0 USD since 2025-08-29), so the fact builder needs no table.
    on = dt.date(2026, 11, 25)
    rule = _item_rule()
    screener = Screener(library)
    evaluator = Evaluator()
    resolve = screener.resolver(market, on)
    compiled = compile_rules([rule], f"items{market}", resolve, evaluator.action)
    [chunk] = compiled.chunks
    [array] = chunk.operands.arrays.values()
    [spec] = array.items.bools
    assert isinstance(spec, ConditionOp)
    assert not [
        n
        for n in conditions.walk(spec.node)
        if isinstance(n, conditions.Compare) and isinstance(n.operand, conditions.TableRef)
    ]
    doc = {
        "id": "D",
        "markets": [market],
        "title": "t",
        "certifications": [{"type": "FCC", "id": "AB"}],
    }
    ctx = screener.context(doc, "listing", "D", on, market=market)
    evaluator.register(chunk)
    fired = bool(evaluator.run(chunk, build_fact(chunk.operands, ctx, doc)))
    assert fired is fires
    assert Interpreter(ctx, resolve, {}).holds(rule.when) is fires
    evaluator.close()
