"""The operand contract between the compiler and the fact builder.

The compiler (:mod:`clearance.engine.compiler`) never lets durable_rules read a raw document.
It names the *operands* its conditions read (the specs below) and gives each a short fact key
(:class:`Operands`). The fact builder computes exactly those operands for each document:
:mod:`clearance.engine.facts` the leaf operands, :mod:`clearance.engine.interpret` the item
conditions, and :func:`clearance.engine.evaluator.build_fact` lays them out under their keys.
This module is plain data: it imports no stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ValueOp:
    """A field's value (or measure of it); money is converted into ``currency``."""

    path: str
    measure: str | None = None
    currency: str | None = None


@dataclass(frozen=True)
class PresentOp:
    """Whether a field is given (not absent, null, blank or empty)."""

    path: str


@dataclass(frozen=True)
class InOp:
    """Whether a field's value (or measure) is one of ``values``."""

    path: str
    values: frozenset[Any]
    measure: str | None = None


@dataclass(frozen=True)
class MatchOp:
    """Whether an RE2 pattern is found in a text field."""

    path: str
    pattern: str


@dataclass(frozen=True)
class ValidOp:
    """Whether a field holds a valid identifier of a scheme."""

    path: str
    scheme: str


@dataclass(frozen=True)
class TermsOp:
    """Whether any of the text fields contains a term of the (pack-qualified) list."""

    list_name: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class FieldCmpOp:
    """A comparison between two fields of the same document or item."""

    path: str
    op: str
    other: str
    measure: str | None = None


@dataclass(frozen=True)
class PartyOp:
    """Whether a party at one of ``paths`` matches a sanctions list entry."""

    paths: tuple[str, ...]
    threshold: float


@dataclass(frozen=True)
class RecallOp:
    """Whether the product matches a recall (paths to its GTIN, brand and model)."""

    gtin: str | None
    brand: str | None
    model: str | None


@dataclass(frozen=True)
class ConditionOp:
    """A whole array-item condition, evaluated outside the engine for each item.

    durable_rules never matches ``$or`` inside ``$iany`` / ``$iall`` (see
    tests/test_durable_behaviour.py), so item conditions that need one become this operand.
    ``node`` is a condition tree (:mod:`clearance.engine.conditions`) whose table references the
    compiler has already replaced by the constants in force, so computing it needs no tables;
    ``scope`` maps the pack's term-list names to their qualified names.
    """

    node: Any
    scope: tuple[tuple[str, str], ...]


LeafOp = PresentOp | InOp | MatchOp | ValidOp | TermsOp | FieldCmpOp | PartyOp | RecallOp
"""Boolean operands computed from the document alone (by :mod:`clearance.engine.facts`)."""
BoolOp = LeafOp | ConditionOp
"""Every boolean operand a fact can carry."""


@dataclass
class Operands:
    """The fact keys one scope (document or array item) needs, by operand."""

    prefix: str = ""
    values: dict[ValueOp, tuple[str, str]] = field(default_factory=dict)
    bools: dict[BoolOp, str] = field(default_factory=dict)
    arrays: dict[tuple[str, int], ArrayOperand] = field(default_factory=dict)
    counter: list[int] = field(default_factory=lambda: [0])

    def new_key(self) -> str:
        """A fresh fact key (shared counter across the scopes of one ruleset)."""
        self.counter[0] += 1
        return f"k{self.counter[0]}"

    def value(self, spec: ValueOp) -> tuple[str, str]:
        """Keys (value, present) for a value operand."""
        if spec not in self.values:
            self.values[spec] = (self.new_key(), self.new_key())
        v, p = self.values[spec]
        return self.prefix + v, self.prefix + p

    def boolean(self, spec: BoolOp) -> str:
        """Key for a boolean operand."""
        if spec not in self.bools:
            self.bools[spec] = self.new_key()
        return self.prefix + self.bools[spec]

    def size(self) -> int:
        """Number of keys at this scope."""
        return 2 * len(self.values) + len(self.bools) + 2 * len(self.arrays)

    def copy(self) -> Operands:
        """A copy whose key maps (and counter) can grow without touching this one."""
        return Operands(
            prefix=self.prefix,
            values=dict(self.values),
            bools=dict(self.bools),
            arrays=dict(self.arrays),
            counter=[self.counter[0]],
        )


@dataclass
class ArrayOperand:
    """An array the rules quantify over: item list key, count key, item operands."""

    path: str
    key: str
    count_key: str
    items: Operands
