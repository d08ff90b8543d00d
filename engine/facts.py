"""Derived facts: the operand values of one document, computed once, outside the engine.

Rules never see the raw document. The compiler names the *operands* its conditions read
(:mod:`clearance.engine.operands`: a field's value, converted to a threshold's currency;
whether a field is given; whether it holds a valid identifier; whether it contains a term of a
list; ...) and :class:`DocContext` computes each leaf operand. Conditions over a whole array
item are computed by :mod:`clearance.engine.interpret` from these leaves. Expensive work
(normalisation, term search, sanctions matching) is cached per document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from clearance.engine.identifiers import is_valid
from clearance.engine.operands import (
    FieldCmpOp,
    InOp,
    LeafOp,
    MatchOp,
    PartyOp,
    PresentOp,
    RecallOp,
    TermsOp,
    ValidOp,
    ValueOp,
)
from clearance.engine.parties import PartyMatch, PartyScreener
from clearance.engine.recalls import RecallIndex, RecallMatch
from clearance.engine.regexguard import compile_pattern, matches
from clearance.engine.tables import Conversion, FxRates
from clearance.engine.terms import Hit, TermMatcher

Root = dict[str, Any]


@dataclass(frozen=True)
class PartyHit:
    """A sanctions match for the party at ``field``."""

    field: str
    name: str
    match: PartyMatch


@dataclass(frozen=True)
class TextHit:
    """A term found in a field: the field's JSON path and the hit with original offsets."""

    field: str
    hit: Hit


def _walk(root: Root, parts: Sequence[str]) -> Any:
    """The value at the given path parts of a mapping, or None when any part is absent."""
    node: Any = root
    for part in parts:
        if not isinstance(node, dict):
            return None
        node = node.get(part)
        if node is None:
            return None
    return node


def get(root: Root, path: str) -> Any:
    """Return the value at a dotted path, or None when any part is absent."""
    return _walk(root, path.split("."))


Getter = Callable[[Root], Any]


def path_getter(path: str) -> Getter:
    """A function returning the value at a dotted path of a mapping (like :func:`get`), with
    the path split once rather than on every call."""
    parts = tuple(path.split("."))
    if len(parts) == 1:
        (only,) = parts

        def one(root: Root) -> Any:
            return root.get(only)

        return one

    def many(root: Root) -> Any:
        return _walk(root, parts)

    return many


_SLOTS: dict[Any, int] = {}


def slot_of(spec: Any) -> int:
    """A small integer naming an operand spec: the key of its value in a document's memo.

    Equal specs get the same slot, so every chunk and market that reads an operand shares the
    value computed for it once per document (or array item).
    """
    found = _SLOTS.get(spec)
    if found is None:
        found = _SLOTS.setdefault(spec, len(_SLOTS))
    return found


def reads_market(spec: Any) -> bool:
    """Whether an operand reads the virtual field ``market``: its value then differs by market
    and is not shared across markets."""
    return "market" in (getattr(spec, "path", None), getattr(spec, "other", None))


def is_present(value: Any) -> bool:
    """True for a value that is given: not None, not blank text, not an empty list or mapping."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def measure_of(value: Any, measure: str | None) -> Any:
    """Apply a measure (length, digits, count) to a value; None when it does not apply."""
    if measure is None:
        return value
    if measure == "count":
        return len(value) if isinstance(value, list) else None
    if not isinstance(value, str):
        return None
    if measure == "length":
        return len(value.strip())
    return sum(ch.isdigit() for ch in value)


_OPS = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "lte": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "gte": lambda a, b: a >= b,
}


def compare(op: str, a: Any, b: Any) -> bool:
    """Apply a comparison operator; a type mismatch compares as false."""
    try:
        return bool(_OPS[op](a, b))
    except TypeError:
        return False


@dataclass
class DocContext:
    """One document being screened as of a date: its data and per-document caches."""

    data: Root
    kind: str
    doc_id: str
    as_of: dt.date
    matcher: TermMatcher | None
    fx: FxRates | None
    market: str = ""
    parties: PartyScreener | None = None
    recalls: RecallIndex | None = None
    warnings: list[str] = field(default_factory=list)
    cleared_hits: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    """Sanctions hits a clearance suppressed, by (field, name, entry): shown in the report."""
    conversions: dict[tuple[str, str, str], Conversion] = field(default_factory=dict)
    unknown: dict[tuple[int, str], str] = field(default_factory=dict)
    """Money values that could not be converted, by (id of the money mapping, currency), and
    why: a condition that reads one has no truth value (see ``Interpreter.truth``)."""
    _hits: dict[tuple[int, str], list[TextHit]] = field(default_factory=dict)
    _hit_lists: dict[tuple[int, str], frozenset[str]] = field(default_factory=dict)
    _lists_in: dict[tuple[int, tuple[str, ...]], frozenset[str]] = field(default_factory=dict)
    _party_hits: dict[tuple[int, str, float], list[PartyHit]] = field(default_factory=dict)
    _memo: dict[int, dict[int, Any]] = field(default_factory=dict)

    def memo(self, root: Root) -> dict[int, Any]:
        """The operand values computed so far for ``root`` (the document or an array item),
        by :func:`slot_of` their spec; only operands that do not read the market are kept."""
        key = id(root)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = {}
        return found

    def resolve(self, root: Root, path: str) -> Any:
        """A field of ``root``; the virtual field ``market`` is the market being screened."""
        if path == "market" and root is self.data:
            return self.market
        return get(root, path)

    def value(self, root: Root, spec: ValueOp, label: str = "") -> tuple[bool, Any]:
        """Compute a value operand: (given, value), converting money when asked."""
        raw = self.resolve(root, spec.path)
        if spec.currency is not None and isinstance(raw, dict):
            return self._money(raw, spec.currency, label or spec.path)
        value = measure_of(raw, spec.measure) if spec.measure else raw
        if not is_present(value) or isinstance(value, dict | list):
            return False, None
        return True, value

    def _money(self, raw: Any, currency: str, label: str) -> tuple[bool, Any]:
        if not isinstance(raw, dict) or "amount" not in raw or "currency" not in raw:
            return False, None
        src = str(raw["currency"])
        amount = float(raw["amount"])
        if src == currency:
            return True, amount
        conv = self.fx.convert(amount, src, currency, self.as_of) if self.fx else None
        if conv is None:
            note = (
                f"could not convert {label} from {src} to {currency} as of "
                f"{self.as_of}: no exchange rate"
            )
            if note not in self.warnings:
                self.warnings.append(note)
            self.unknown[(id(raw), currency)] = note
            return False, None
        self.conversions[(label, src, currency)] = conv
        if conv.warning and conv.warning not in self.warnings:
            self.warnings.append(conv.warning)
        return True, conv.amount

    def unknown_money(self, raw: Any, currency: str) -> str | None:
        """Why the money mapping ``raw`` could not be converted into ``currency``, or None."""
        return self.unknown.get((id(raw), currency)) if isinstance(raw, dict) else None

    def boolean(self, root: Root, spec: LeafOp) -> bool:
        """Compute a boolean leaf operand; those that do not depend on the market are cached."""
        if reads_market(spec):
            return self._boolean(root, spec)
        memo = self.memo(root)
        slot = slot_of(spec)
        found = memo.get(slot)
        if found is None:
            found = memo[slot] = self._boolean(root, spec)
        return bool(found)

    def _boolean(self, root: Root, spec: LeafOp) -> bool:
        if isinstance(spec, PresentOp):
            return is_present(self.resolve(root, spec.path))
        if isinstance(spec, PartyOp):
            return bool(self.party_hits(root, spec.paths, spec.threshold))
        if isinstance(spec, RecallOp):
            return bool(self.recall_hits(root, spec))
        if isinstance(spec, TermsOp):
            return spec.list_name in self.lists_in(root, spec.paths)
        if isinstance(spec, FieldCmpOp):
            a = measure_of(self.resolve(root, spec.path), spec.measure)
            b = measure_of(self.resolve(root, spec.other), spec.measure)
            if isinstance(a, dict) and isinstance(b, dict):  # money against money
                # in the same currency as they are; otherwise both in euro
                target = a.get("currency") if a.get("currency") == b.get("currency") else "EUR"
                pa = self._money(a, str(target), spec.path)
                pb = self._money(b, str(target), spec.other)
                if not (pa[0] and pb[0]):
                    return False
                a, b = pa[1], pb[1]
            if not (is_present(a) and is_present(b)):
                return False
            return compare(spec.op, a, b)
        raw = self.resolve(root, spec.path)
        if isinstance(spec, InOp):
            value = measure_of(raw, spec.measure) if spec.measure else raw
            return is_present(value) and not isinstance(value, list | dict) and value in spec.values
        if not isinstance(raw, str | int | float) or isinstance(raw, bool) or not is_present(raw):
            return False
        if isinstance(spec, MatchOp):
            return matches(_pattern(spec.pattern), str(raw))
        return is_valid(spec.scheme, str(raw))

    def hits(self, root: Root, paths: tuple[str, ...]) -> list[TextHit]:
        """Every term hit in the text fields ``paths`` of ``root`` (cached per field)."""
        out: list[TextHit] = []
        for path in paths:
            key = (id(root), path)
            cached = self._hits.get(key)
            if cached is None:
                cached = []
                value = self.resolve(root, path)
                texts = (
                    [(path, value)]
                    if isinstance(value, str)
                    else (
                        [(f"{path}[{i}]", v) for i, v in enumerate(value) if isinstance(v, str)]
                        if isinstance(value, list)
                        else []
                    )
                )
                if self.matcher is not None:
                    for label, text in texts:
                        cached.extend(TextHit(label, h) for h in self.matcher.find(text))
                self._hits[key] = cached
            out.extend(cached)
        return out

    def hit_lists(self, root: Root, path: str) -> frozenset[str]:
        """The names of the term lists with a hit in the text field ``path`` of ``root``."""
        key = (id(root), path)
        found = self._hit_lists.get(key)
        if found is None:
            found = self._hit_lists[key] = frozenset(
                h.hit.list_name for h in self.hits(root, (path,))
            )
        return found

    def lists_in(self, root: Root, paths: tuple[str, ...]) -> frozenset[str]:
        """The names of the term lists with a hit in any of the text fields ``paths``."""
        key = (id(root), paths)
        found = self._lists_in.get(key)
        if found is None:
            found = self._lists_in[key] = frozenset().union(
                *(self.hit_lists(root, path) for path in paths)
            )
        return found

    def party_hits(self, root: Root, paths: tuple[str, ...], threshold: float) -> list[PartyHit]:
        """Sanctions matches of the parties at ``paths`` (their name, trade name and aliases)."""
        if self.parties is None:
            return []
        out: list[PartyHit] = []
        for path in paths:
            key = (id(root), path, threshold)
            cached = self._party_hits.get(key)
            if cached is None:
                cached = []
                party = self.resolve(root, path)
                if isinstance(party, dict):
                    names = [
                        party.get("name"),
                        party.get("trade_name"),
                        *(party.get("aliases") or []),
                    ]
                    country = (
                        party.get("country") if isinstance(party.get("country"), str) else None
                    )
                    # identifiers the listing may carry (registration and tax numbers)
                    ids = [
                        v for v in (party.get("vat_id"), party.get("tax_id")) if isinstance(v, str)
                    ]
                    seen: set[str] = set()
                    for name in names:
                        if not isinstance(name, str) or not name.strip():
                            continue
                        found, suppressed = self.parties.match_with_cleared(
                            name,
                            country,
                            threshold,
                            identifiers=ids,
                            nationality=_text(party.get("nationality")),
                            date_of_birth=_text(party.get("date_of_birth")),
                            on=self.as_of,
                        )
                        for match in found:
                            if match.key not in seen:
                                seen.add(match.key)
                                cached.append(PartyHit(path, name, match))
                        for match, clearance in suppressed:
                            self.cleared_hits.setdefault(
                                (path, name, match.key),
                                {
                                    "field": path,
                                    "name": name,
                                    "match": match.to_dict(),
                                    "cleared": clearance.to_dict(),
                                },
                            )
                self._party_hits[key] = cached
            out.extend(cached)
        return out

    def recall_hits(self, root: Root, spec: RecallOp) -> list[RecallMatch]:
        """Recalls matching the product's GTIN, or its brand and model."""
        if self.recalls is None:
            return []

        def text(path: str | None) -> str | None:
            value = self.resolve(root, path) if path else None
            return value if isinstance(value, str) and value.strip() else None

        return self.recalls.match(
            gtin=text(spec.gtin), brand=text(spec.brand), model=text(spec.model)
        )


LeafFunction = Callable[[DocContext, Root], bool]


def leaf_function(spec: LeafOp) -> LeafFunction:
    """A function computing the boolean operand ``spec`` for a context and root, uncached: the
    same value as ``DocContext._boolean``, with the spec's dispatch and path splitting done once
    (per library) instead of once per document."""
    if isinstance(spec, TermsOp):
        name, paths = spec.list_name, spec.paths

        def terms(ctx: DocContext, root: Root) -> bool:
            return name in ctx.lists_in(root, paths)

        return terms
    if not reads_market(spec):
        if isinstance(spec, PresentOp):
            getter = path_getter(spec.path)
            return lambda _ctx, root: is_present(getter(root))
        if isinstance(spec, MatchOp | ValidOp):
            getter = path_getter(spec.path)
            test = _match_test(spec) if isinstance(spec, MatchOp) else _valid_test(spec)

            def text_test(_ctx: DocContext, root: Root) -> bool:
                raw = getter(root)
                if not isinstance(raw, str | int | float) or isinstance(raw, bool):
                    return False
                return is_present(raw) and test(str(raw))

            return text_test
    return lambda ctx, root: ctx._boolean(root, spec)


def _match_test(spec: MatchOp) -> Callable[[str], bool]:
    pattern = _pattern(spec.pattern)
    return lambda text: matches(pattern, text)


def _valid_test(spec: ValidOp) -> Callable[[str], bool]:
    scheme = spec.scheme
    return lambda text: is_valid(scheme, text)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@cache
def _pattern(pattern: str) -> Any:
    return compile_pattern(pattern)
