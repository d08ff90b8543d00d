"""The neutral condition tree: what a rule tests, independent of YAML and of durable_rules.

A pack's ``when:`` block is parsed into these nodes after the schema has checked its shape;
:mod:`clearance.engine.semantics` checks their meaning, :mod:`clearance.engine.compiler` turns
them into durable_rules definitions and :mod:`clearance.engine.interpret`, the one Python
interpreter of the tree, computes item conditions and evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Loc = tuple[str | int, ...]
CompareOp = Literal["eq", "ne", "lt", "lte", "gt", "gte"]
Measure = Literal["length", "digits", "count"]

COMPARE_KEYS: dict[str, CompareOp] = {
    "equals": "eq",
    "not_equals": "ne",
    "lt": "lt",
    "lte": "lte",
    "gt": "gt",
    "gte": "gte",
}


@dataclass(frozen=True)
class Literal_:
    """A constant in the rule: string, number or boolean."""

    value: str | int | float | bool


@dataclass(frozen=True)
class Money:
    """An amount in a currency; the document's money is converted to it as of the date."""

    amount: float
    currency: str


@dataclass(frozen=True)
class TableRef:
    """A column of the data-table row in force for the market and date."""

    table: str
    column: str


@dataclass(frozen=True)
class FieldRef:
    """Another field of the same document (or item)."""

    path: str


Operand = Literal_ | Money | TableRef | FieldRef


@dataclass(frozen=True)
class All:
    """True when every child is true."""

    children: tuple[Node, ...]
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Any_:
    """True when at least one child is true."""

    children: tuple[Node, ...]
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Not:
    """True when its child is false."""

    child: Node
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Present:
    """True when the field has a value: not absent, null, an empty string or an empty list."""

    path: str
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Compare:
    """The field's value (or its measure) compared with an operand; false when absent."""

    path: str
    op: CompareOp
    operand: Operand
    measure: Measure | None = None
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class InSet:
    """The field's value is one of the listed values; false when absent.

    ``groups`` names the market groups (``in_group: EU``) the values were expanded from when
    the pack was read; the test itself is plain membership in ``values``.
    """

    path: str
    values: tuple[str | int | float | bool, ...]
    measure: Measure | None = None
    loc: Loc = field(default=(), compare=False)
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Matches:
    """An RE2 regular expression is found in the field's text; false when absent."""

    path: str
    pattern: str
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Valid:
    """The field holds a valid identifier of the scheme (checksum included); false when absent."""

    path: str
    scheme: str
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Terms:
    """One of the fields contains a term of the term list, after normalisation.

    ``list_name`` is the name the rule uses: a list of its pack, or a shared list
    ``<library>.<list>``, with ``[lang,...]`` appended when the rule chooses ``languages``.
    """

    list_name: str
    paths: tuple[str, ...]
    loc: Loc = field(default=(), compare=False)
    languages: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """The list's name without the chosen languages."""
        return self.list_name.partition("[")[0]


DEFAULT_PARTY_THRESHOLD = 90.0
"""Default ``threshold`` of a ``denied_party`` condition: a match score on the 0-100 scale of
:mod:`clearance.engine.parties`."""


@dataclass(frozen=True)
class DeniedParty:
    """A party at one of ``paths`` matches a sanctions list entry at or above ``threshold``
    (0-100)."""

    paths: tuple[str, ...]
    threshold: float = DEFAULT_PARTY_THRESHOLD
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Recalled:
    """The product matches a recall by GTIN, or by brand and model (paths to those fields)."""

    gtin: str | None
    brand: str | None
    model: str | None
    loc: Loc = field(default=(), compare=False)


@dataclass(frozen=True)
class Quantified:
    """``any``: some item of the array satisfies ``where``; ``all``: every item does."""

    quantifier: Literal["any", "all"]
    path: str
    where: Node
    loc: Loc = field(default=(), compare=False)


Node = (
    All
    | Any_
    | Not
    | Present
    | Compare
    | InSet
    | Matches
    | Valid
    | Terms
    | DeniedParty
    | Recalled
    | Quantified
)


def _operand(raw: Any) -> Operand:
    if isinstance(raw, dict):
        if "table" in raw:
            return TableRef(str(raw["table"]), str(raw["column"]))
        if "field" in raw:
            return FieldRef(str(raw["field"]))
        return Money(float(raw["amount"]), str(raw["currency"]))
    return Literal_(raw)


Groups = Mapping[str, frozenset[str]]


def terms_key(spec: str | Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The list name and languages of a ``terms:`` value: a name, or ``{list, languages}``."""
    if isinstance(spec, str):
        return spec, ()
    languages = tuple(spec.get("languages") or ())
    name = str(spec["list"])
    return (f"{name}[{','.join(languages)}]" if languages else name), languages


def parse(raw: dict[str, Any], loc: Loc, groups: Groups | None = None) -> Node:
    """Parse a schema-valid ``when:`` mapping into the condition tree.

    ``groups`` (from rules/markets.yaml) expands ``in_group`` / ``not_in_group`` into plain
    membership tests; an unknown group expands to nothing (the meaning checks report it).
    """
    if "all" in raw:
        return All(tuple(parse(c, (*loc, "all", i), groups) for i, c in enumerate(raw["all"])), loc)
    if "any" in raw:
        return Any_(
            tuple(parse(c, (*loc, "any", i), groups) for i, c in enumerate(raw["any"])), loc
        )
    if "not" in raw:
        return Not(parse(raw["not"], (*loc, "not"), groups), loc)
    if "present" in raw:
        return Present(raw["present"], loc)
    if "missing" in raw:
        return Not(Present(raw["missing"], loc), loc)
    if "terms" in raw:
        name, languages = terms_key(raw["terms"])
        return Terms(name, tuple(raw["in"]), loc, languages)
    if "denied_party" in raw:
        return DeniedParty(
            tuple(raw["denied_party"]), float(raw.get("threshold", DEFAULT_PARTY_THRESHOLD)), loc
        )
    if "recalled" in raw:
        spec = raw["recalled"]
        return Recalled(spec.get("gtin"), spec.get("brand"), spec.get("model"), loc)
    if "any_item" in raw:
        where = parse(raw["where"], (*loc, "where"), groups)
        return Quantified("any", raw["any_item"], where, loc)
    if "all_items" in raw:
        where = parse(raw["where"], (*loc, "where"), groups)
        return Quantified("all", raw["all_items"], where, loc)
    path = raw["field"]
    measure = raw.get("measure")
    for key, op in COMPARE_KEYS.items():
        if key in raw:
            return Compare(path, op, _operand(raw[key]), measure, loc)
    if "in" in raw:
        return InSet(path, tuple(raw["in"]), measure, loc)
    if "not_in" in raw:
        return Not(InSet(path, tuple(raw["not_in"]), measure, loc), loc)
    for key in ("in_group", "not_in_group"):
        if key in raw:
            names = (raw[key],) if isinstance(raw[key], str) else tuple(raw[key])
            members = sorted({m for n in names for m in (groups or {}).get(n, ())})
            node: Node = InSet(path, tuple(members), measure, loc, names)
            return Not(node, loc) if key == "not_in_group" else node
    if "matches" in raw:
        return Matches(path, raw["matches"], loc)
    return Valid(path, raw["valid"], loc)


def walk(node: Node) -> Iterator[Node]:
    """Yield every node of the tree, depth first, parents before children."""
    yield node
    if isinstance(node, All | Any_):
        for child in node.children:
            yield from walk(child)
    elif isinstance(node, Not):
        yield from walk(node.child)
    elif isinstance(node, Quantified):
        yield from walk(node.where)


def describe(node: Node, indent: int = 0) -> str:
    """Render the condition in plain words, one line per node (for `rules explain`)."""
    pad = "  " * indent
    if isinstance(node, All):
        return f"{pad}all of:\n" + "\n".join(describe(c, indent + 1) for c in node.children)
    if isinstance(node, Any_):
        return f"{pad}any of:\n" + "\n".join(describe(c, indent + 1) for c in node.children)
    if isinstance(node, Not):
        if isinstance(node.child, Present):
            return f"{pad}{node.child.path} is missing or empty"
        if isinstance(node.child, InSet):
            return describe(node.child, indent).replace(" is one of ", " is not one of ", 1)
        return f"{pad}not:\n" + describe(node.child, indent + 1)
    if isinstance(node, Present):
        return f"{pad}{node.path} is given"
    if isinstance(node, Compare):
        subject = f"{node.measure} of {node.path}" if node.measure else node.path
        words = {"eq": "is", "ne": "is not", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}
        return f"{pad}{subject} {words[node.op]} {_operand_text(node.operand)}"
    if isinstance(node, InSet):
        subject = f"{node.measure} of {node.path}" if node.measure else node.path
        if node.groups:
            return (
                f"{pad}{subject} is one of the markets of {' + '.join(node.groups)} "
                f"({', '.join(map(str, node.values))})"
            )
        return f"{pad}{subject} is one of {', '.join(map(str, node.values))}"
    if isinstance(node, Matches):
        return f"{pad}{node.path} matches /{node.pattern}/"
    if isinstance(node, Valid):
        return f"{pad}{node.path} is a valid {node.scheme} identifier"
    if isinstance(node, Terms):
        return f"{pad}{', '.join(node.paths)} contain a term from '{node.list_name}'"
    if isinstance(node, DeniedParty):
        return (
            f"{pad}{', '.join(node.paths)} match a sanctions list entry "
            f"(score >= {node.threshold:g})"
        )
    if isinstance(node, Recalled):
        keys = ", ".join(
            f"{k} ({v})"
            for k, v in (("GTIN", node.gtin), ("brand", node.brand), ("model", node.model))
            if v
        )
        return f"{pad}the product matches a recall by {keys}"
    word = "some item" if node.quantifier == "any" else "every item"
    return f"{pad}{word} of {node.path} has:\n" + describe(node.where, indent + 1)


def _operand_text(operand: Operand) -> str:
    if isinstance(operand, Literal_):
        return repr(operand.value)
    if isinstance(operand, Money):
        return f"{operand.amount:g} {operand.currency}"
    if isinstance(operand, TableRef):
        return f"{operand.table}.{operand.column} (in force for the market and date)"
    return f"field {operand.path}"
