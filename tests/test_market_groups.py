"""Market groups in conditions (in_group / not_in_group): expanded to plain membership tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from clearance.engine.conditions import InSet, Not, walk
from clearance.engine.errors import PackErrors
from clearance.engine.library import Library, load_library
from clearance.engine.operands import InOp
from clearance.engine.screening import Screener
from clearance.engine.yamlsafe import load_yaml

REPO = Path(__file__).resolve().parents[1]
MakeRules = Callable[[dict[str, str]], Path]

PACK = """\
pack: test.groups
title: Group conditions
version: 1.0.0
jurisdiction: global
owner: tests
sources: [{title: Test law, url: "https://example.org/law"}]
fixtures:
  listing: {id: X, markets: [DE], title: Bottle}
rules:
  - id: GLOBAL.IN_EU
    implements: [EU.GPSR.19A.MANUFACTURER]
    title: Screened for an EU market
    applies_to: [listing]
    markets: ["*"]
    severity: info
    when:
      all:
        - field: market
          in_group: EU
        - field: manufacturer.country
          not_in_group: [EU, UK]
    message: "{market} is in the EU."
    remediation: None.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {}}, {document: {manufacturer: {name: A, country: CN}}}]
      pass: [{document: {markets: [GB]}}, {document: {manufacturer: {name: A, country: GB}}}]
"""


def _members(library: Library, *groups: str) -> set[str]:
    return {m for g in groups for m in library.markets.groups[g]}


def test_groups_expand_to_plain_membership(minimal_rules: MakeRules) -> None:
    library = load_library(minimal_rules({"global/groups.yaml": PACK}))
    nodes = [n for n in walk(library.rules["GLOBAL.IN_EU"].when) if isinstance(n, InSet)]
    assert [n.groups for n in nodes] == [("EU",), ("EU", "UK")]
    assert set(nodes[0].values) == _members(library, "EU")
    assert set(nodes[1].values) == _members(library, "EU", "UK")
    screener = Screener(library)
    compiled = screener.compiled("listing", "DE", dt.date(2026, 11, 25))
    ops = {op for chunk in compiled.chunks for op in chunk.operands.bools}
    assert InOp("market", frozenset(_members(library, "EU"))) in ops


@pytest.mark.parametrize(
    ("market", "country", "fires"),
    [("DE", None, True), ("FR", "CN", True), ("GB", None, False), ("DE", "XI", False)],
)
def test_groups_decide_like_written_out_lists(
    minimal_rules: MakeRules, market: str, country: str | None, fires: bool
) -> None:
    screener = Screener(load_library(minimal_rules({"global/groups.yaml": PACK})))
    doc: dict[str, object] = {"kind": "listing", "id": "X", "markets": [market], "title": "B"}
    if country:
        doc["manufacturer"] = {"name": "A", "country": country}
    report = screener.screen(doc, today=dt.date(2026, 11, 25))
    assert bool(report.findings) is fires


def test_an_unknown_group_is_an_error_with_a_suggestion(minimal_rules: MakeRules) -> None:
    pack = PACK.replace("in_group: EU\n", "in_group: EUU\n")
    with pytest.raises(PackErrors) as info:
        load_library(minimal_rules({"global/groups.yaml": pack}))
    (err,) = info.value.errors
    assert "unknown market group 'EUU'" in err.message and err.hint == "did you mean EU?"
    assert err.file == "global/groups.yaml"
    assert err.line == 1 + pack.splitlines().index("        - field: market")


def test_no_bundled_pack_writes_out_a_group(library: Library) -> None:
    groups = {name: set(m) for name, m in library.markets.groups.items() if len(m) > 2}

    def lists(value: object) -> list[list[object]]:
        if isinstance(value, dict):
            return [x for v in value.values() for x in lists(v)]
        if isinstance(value, list):
            return [value, *[x for v in value for x in lists(v)]]
        return []

    for pack in library.packs:
        data = load_yaml((library.root / pack.file).read_text("utf-8"), pack.file).data
        for rule in data["rules"]:
            for values in lists(rule["when"]):
                for name, members in groups.items():
                    overlap = members & {v for v in values if isinstance(v, str)}
                    assert len(overlap) < 5, f"{rule['id']} writes out {name}; use in_group"


def test_bundled_rules_use_groups(library: Library) -> None:
    ioss = library.rules["EU.VAT.IOSS_MISSING"]
    (node,) = [n for n in walk(ioss.when) if isinstance(n, Not) and isinstance(n.child, InSet)]
    assert isinstance(node.child, InSet) and node.child.groups == ("EU",)
    gpsr = library.rules["EU.GPSR.19B.EU_RP"]
    assert [n.groups for n in walk(gpsr.when) if isinstance(n, InSet)] == [
        ("EU_GOODS",),
        ("EU_GOODS",),
    ]
