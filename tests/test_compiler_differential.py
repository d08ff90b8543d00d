"""The compiled durable_rules rulesets decide exactly as the condition tree says.

Random condition trees (every leaf type, not, quantifiers, tables, money, field references)
are compiled and evaluated by durable_rules on random documents, and compared with the Python
reference interpretation in engine.interpret.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance.engine.compiler import compile_rules
from clearance.engine.conditions import (
    All,
    Any_,
    Compare,
    FieldRef,
    InSet,
    Literal_,
    Matches,
    Money,
    Node,
    Not,
    Present,
    Quantified,
    TableRef,
    Valid,
)
from clearance.engine.evaluator import Evaluator, build_fact
from clearance.engine.interpret import Interpreter
from clearance.engine.library import Library
from clearance.engine.model import Rule
from clearance.engine.screening import Screener

ON = dt.date(2026, 11, 25)
NUMERIC = ["attributes.min_age_years", "attributes.laser_mw"]
BOOLS = ["attributes.radio", "attributes.small_parts"]
STRINGS = ["brand", "fcc_id"]

numbers = st.sampled_from([0, 1, 3, 12, 14.5, 150, 200])
ops = st.sampled_from(["eq", "ne", "lt", "lte", "gt", "gte"])
brands = st.sampled_from(["Acme", "acme", "Zeta", "A", ""])

leaf = st.one_of(
    st.builds(Present, st.sampled_from(NUMERIC + BOOLS + STRINGS + ["price", "images", "gtin"])),
    st.builds(Compare, st.sampled_from(NUMERIC), ops, st.builds(Literal_, numbers)),
    st.builds(
        Compare,
        st.sampled_from(STRINGS),
        st.sampled_from(["eq", "ne"]),
        st.builds(Literal_, brands),
    ),
    st.builds(
        Compare,
        st.sampled_from(BOOLS),
        st.sampled_from(["eq", "ne"]),
        st.builds(Literal_, st.booleans()),
    ),
    st.builds(
        Compare,
        st.just("price"),
        ops,
        st.builds(Money, numbers.map(float), st.sampled_from(["EUR", "USD"])),
    ),
    st.builds(Compare, st.just("price"), ops, st.just(TableRef("low_value_threshold", "amount"))),
    st.builds(
        Compare, st.just("attributes.min_age_years"), ops, st.just(FieldRef("attributes.laser_mw"))
    ),
    st.builds(
        Compare,
        st.just("images"),
        ops,
        st.builds(Literal_, st.sampled_from([0, 1, 2])),
        st.just("count"),
    ),
    st.builds(
        Compare,
        st.just("brand"),
        ops,
        st.builds(Literal_, st.sampled_from([0, 1, 4])),
        st.just("length"),
    ),
    st.builds(InSet, st.sampled_from(STRINGS), st.lists(brands, min_size=1, max_size=3).map(tuple)),
    st.builds(Matches, st.just("brand"), st.sampled_from(["^A", "(?i)zeta", "e$"])),
    st.builds(Valid, st.just("gtin"), st.just("gtin")),
)

item_leaf = st.one_of(
    st.builds(Present, st.sampled_from(["type", "id"])),
    st.builds(
        Compare,
        st.just("type"),
        st.sampled_from(["eq", "ne"]),
        st.builds(Literal_, st.sampled_from(["CE", "FCC", "UKCA"])),
    ),
    st.builds(InSet, st.just("type"), st.just(("CE", "UKCA"))),
    st.builds(
        Compare,
        st.just("id"),
        ops,
        st.builds(Literal_, st.sampled_from([0, 3, 6])),
        st.just("length"),
    ),
    # a table inside an item condition: inlined as a constant when it becomes a ConditionOp
    st.builds(
        Compare,
        st.just("id"),
        ops,
        st.just(TableRef("low_value_threshold", "amount")),
        st.just("length"),
    ),
)


def _combine(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.builds(All, st.lists(children, min_size=1, max_size=3).map(tuple)),
        st.builds(Any_, st.lists(children, min_size=1, max_size=3).map(tuple)),
        st.builds(Not, children),
    )


item_tree = st.recursive(item_leaf, _combine, max_leaves=4)
tree = st.recursive(
    st.one_of(
        leaf,
        st.builds(
            Quantified, st.sampled_from(["any", "all"]), st.just("certifications"), item_tree
        ),
    ),
    _combine,
    max_leaves=8,
)

money = st.builds(
    lambda a, c: {"amount": a, "currency": c},
    st.sampled_from([0, 100, 127.99, 150, 175.5, 200]),
    st.sampled_from(["EUR", "USD", "XXX"]),
)
cert = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["CE", "FCC", "UKCA"]),
        "id": st.sampled_from(["", "AB", "ABCDEFG"]),
    },
)
document = st.fixed_dictionaries(
    {"id": st.just("D"), "markets": st.just(["DE"]), "title": st.just("t")},
    optional={
        "brand": brands,
        "fcc_id": brands,
        "gtin": st.sampled_from(["4006381333931", "4006381333932", ""]),
        "price": money,
        "images": st.lists(st.just("https://x/y.jpg"), max_size=2),
        "certifications": st.lists(cert, max_size=3),
        "attributes": st.fixed_dictionaries(
            {},
            optional={
                "min_age_years": numbers,
                "laser_mw": numbers,
                "radio": st.booleans(),
                "small_parts": st.booleans(),
            },
        ),
    },
)

_names = itertools.count()


def _rule(node: Node) -> Rule:
    return Rule(
        id="T.RULE",
        title="t",
        description="",
        applies_to=("listing",),
        markets=("*",),
        severity="block",
        confidence=None,
        effective_from=None,
        effective_until=None,
        when=node,
        message="m",
        remediation="r",
        references=(),
        examples=(),
        pack_id="test",
        file="test.yaml",
        line=1,
    )


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(node=tree, docs=st.lists(document, min_size=1, max_size=4))
def test_engine_agrees_with_reference(
    library: Library, node: Node, docs: list[dict[str, Any]]
) -> None:
    screener = Screener(library)
    evaluator = Evaluator()
    resolve = screener.resolver("DE", ON)
    compiled = compile_rules([_rule(node)], f"diff{next(_names)}", resolve, evaluator.action)
    for chunk in compiled.chunks:
        evaluator.register(chunk)
    for doc in docs:
        ctx = screener.context(doc, "listing", "D", ON, market="DE")
        expected = Interpreter(ctx, resolve, {}).holds(node)
        fired = any(
            evaluator.run(chunk, build_fact(chunk.operands, ctx, doc)) for chunk in compiled.chunks
        )
        assert fired == expected, f"{node!r:.2000} {doc!r}"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nodes=st.lists(tree, min_size=60, max_size=90), doc=document)
def test_chunked_rulesets_agree_with_reference(
    library: Library, nodes: list[Node], doc: dict[str, Any]
) -> None:
    screener = Screener(library)
    evaluator = Evaluator()
    resolve = screener.resolver("DE", ON)
    rules = [Rule(**{**_rule(n).__dict__, "id": f"T.R{i}"}) for i, n in enumerate(nodes)]
    compiled = compile_rules(rules, f"many{next(_names)}", resolve, evaluator.action)
    assert len(compiled.chunks) >= 2
    ctx = screener.context(doc, "listing", "D", ON, market="DE")
    fired: set[str] = set()
    for chunk in compiled.chunks:
        evaluator.register(chunk)
        fired.update(
            chunk.rule_ids[i] for i in evaluator.run(chunk, build_fact(chunk.operands, ctx, doc))
        )
    expected = {r.id for r in rules if Interpreter(ctx, resolve, {}).holds(r.when)}
    assert fired == expected, f"{sorted(fired ^ expected)} {doc!r}"
