"""Rule-pack regular expressions: compile with RE2, and flag catastrophic ones.

Patterns are executed with google-re2, which runs in linear time, so no
pattern can hang the engine. :func:`catastrophic_reason` is an extra, static
check for patterns that would backtrack catastrophically if they were ever run
by a backtracking engine (Python ``re``, PCRE, JavaScript): rule packs are
shared, and a pattern that is only safe under RE2 is a trap.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

import re2

__all__ = ["CompiledPattern", "catastrophic_reason", "compile_pattern", "matches", "search"]


class _MatchLike(Protocol):
    def span(self, group: int = ...) -> tuple[int, int]: ...


class CompiledPattern(Protocol):
    """The part of a compiled RE2 pattern this project relies on."""

    @property
    def pattern(self) -> str: ...

    def search(
        self, text: str, pos: int | None = ..., endpos: int | None = ...
    ) -> _MatchLike | None: ...


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False  # RE2 would otherwise print every parse error to stderr
    return options


_OPTIONS = _options()

# RE2 error texts for Perl/Python syntax that RE2 deliberately does not support.
_UNSUPPORTED_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"invalid escape sequence: \\[1-9]"), "backreferences are not supported by RE2"),
    (re.compile(r"invalid escape sequence: \\[kg]"), "backreferences are not supported by RE2"),
    (re.compile(r"invalid perl operator: \(\?<[=!]"), "lookbehind is not supported by RE2"),
    (re.compile(r"invalid perl operator: \(\?[=!]"), "lookahead is not supported by RE2"),
    (re.compile(r"invalid perl operator: \(\?>"), "atomic groups are not supported by RE2"),
    (
        re.compile(r"bad repetition operator: [*+?}]\+"),
        "possessive quantifiers are not supported by RE2",
    ),
    (re.compile(r"invalid escape sequence: \\Z"), "RE2 spells end-of-text \\z, not \\Z"),
)


def compile_pattern(pattern: str) -> CompiledPattern:
    """Compile ``pattern`` with RE2, silently; raise ValueError saying why it is invalid.

    RE2 has no backreferences and no lookaround (``(?=``, ``(?!``, ``(?<=``,
    ``(?<!``) and no atomic groups; the message says so when that is the cause.
    Nothing is written to stderr.
    """
    if not isinstance(pattern, str):
        raise ValueError(f"a pattern must be a string, not {type(pattern).__name__}")
    try:
        compiled: CompiledPattern = re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        raise ValueError(
            f"invalid regular expression {pattern!r}: {_reason(exc, pattern)}"
        ) from None
    return compiled


def search(compiled: CompiledPattern, text: str) -> tuple[int, int] | None:
    """Return the ``(start, end)`` span of the first match of ``compiled`` in ``text``, or None."""
    match = compiled.search(text)
    if match is None:
        return None
    start, end = match.span()
    return int(start), int(end)


_UNANCHORED = getattr(getattr(getattr(re2, "_re2", None), "RE2", None), "UNANCHORED", None)
_NO_MATCH = (-1, -1)


@lru_cache(maxsize=64)
def _utf8(text: str) -> bytes:
    """``text`` as UTF-8, kept for the few texts of the document being screened (every pattern
    of a field reads the same text)."""
    return text.encode("utf-8")


def matches(compiled: CompiledPattern, text: str) -> bool:
    """Whether ``compiled`` matches anywhere in ``text``: :func:`search` without the span.

    It asks RE2 for the match on the text's UTF-8 bytes directly, without google-re2's
    Python layer (which encodes the text for every pattern and turns byte offsets back into
    character offsets); where that layer's internals are not as expected, it uses
    :func:`search`."""
    raw = getattr(compiled, "_regexp", None)
    if raw is None or _UNANCHORED is None:
        return search(compiled, text) is not None
    data = _utf8(text)
    spans = raw.Match(_UNANCHORED, data, 0, len(data))
    return bool(spans[0] != _NO_MATCH)


def _reason(exc: Exception, pattern: str) -> str:
    raw = exc.args[0] if exc.args else str(exc)
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    if "(?P=" in pattern and "invalid perl operator: (?P" in message:
        return f"{message} (backreferences are not supported by RE2)"
    for needle, hint in _UNSUPPORTED_HINTS:
        if needle.search(message):
            return f"{message} ({hint})"
    return message


# --------------------------------------------------------------------------- catastrophic


_sre: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")


def _load_branch_keeping_parser() -> Any:
    """A private copy of ``re._parser`` that keeps alternations as written.

    The stock parser rewrites ``a|a`` into the set ``[a]`` and factors the
    common prefix out of ``a|ab``, which hides exactly the overlapping
    alternatives this module looks for. The copy is a separate module object,
    so the ``re`` module itself is left untouched. None if it cannot be made.
    """
    try:
        # Named inside ``re`` so its relative imports (``._constants``) resolve;
        # it is never put in sys.modules.
        spec = importlib.util.spec_from_file_location("re._clearance_parser", _sre.__file__)
        if spec is None or spec.loader is None:
            return None
        module: Any = importlib.util.module_from_spec(spec)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            spec.loader.exec_module(module)
    except Exception:
        return None
    parse_one = module._parse
    subpattern = module.SubPattern
    verbose_flag = _c.SRE_FLAG_VERBOSE

    def parse_sub(source: Any, state: Any, verbose: Any, nested: int) -> Any:
        items: list[Any] = []
        while True:
            items.append(parse_one(source, state, verbose, nested + 1, not nested and not items))
            if not source.match("|"):
                break
            if not nested:
                verbose = state.flags & verbose_flag
        if len(items) == 1:
            return items[0]
        result = subpattern(state)
        result.append((_c.BRANCH, (None, items)))
        return result

    module._parse_sub = parse_sub
    return module


_BRANCH_PARSER = _load_branch_keeping_parser()

_REPEATS = frozenset({_c.MAX_REPEAT, _c.MIN_REPEAT})
if hasattr(_c, "POSSESSIVE_REPEAT"):
    _REPEATS = _REPEATS | {_c.POSSESSIVE_REPEAT}
_UNBOUNDED = _c.MAXREPEAT
# A quantified group is examined when it may repeat at least this many times:
# nested ambiguity then costs O(n**k) steps, catastrophic on a long text.
_MIN_OUTER_REPEAT = 3

# The characters used to decide whether two character sets overlap.
_UNIVERSE: tuple[str, ...] = tuple(
    [chr(c) for c in range(0x00, 0x250)] + list("\u00a0\u2028\u3000ΑαЕеЖж中文한あア\u0301١٢")
)
_ALL = frozenset(range(len(_UNIVERSE)))

# RE2 syntax that Python's parser does not know, replaced by an equivalent
# single-character class so the structure can still be analysed.
_RE2_ONLY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])|\[:\^?[a-z]+:\]|\\C|\\z|\\Q.*?\\E")


def catastrophic_reason(pattern: str) -> str | None:
    """Return why ``pattern`` would backtrack catastrophically, or None if it looks safe.

    Flags, inside a group quantified with ``*``, ``+`` or ``{3,}``/``{n}``
    (n >= 3): a nested unbounded quantifier whose characters can also start
    what follows it in the group (``(a+)+``, ``(a*)*``, ``(\\w+\\s?)*``,
    ``(.*a){20}``), and an alternation whose branches can start with the same
    character (``(a|a)*``, ``(a|ab)*``). Unambiguous nesting such as
    ``(,\\d+)+`` or ``(\\d+,)*`` is not flagged. The pattern is parsed with
    Python's own regex parser; a pattern it cannot parse gives None
    (:func:`compile_pattern` reports real syntax errors).
    """
    if not isinstance(pattern, str):
        return None
    return _catastrophic_reason_cached(pattern)


@lru_cache(maxsize=1024)
def _catastrophic_reason_cached(pattern: str) -> str | None:
    text = _RE2_ONLY.sub(_re2_only_replacement, pattern)
    parsed = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for parser in (_BRANCH_PARSER, _sre):
            if parser is None:
                continue
            try:
                parsed = parser.parse(text)
                break
            except (re.error, RecursionError, OverflowError, ValueError):
                return None
            except Exception:  # the private copy failed on this Python: use the stock one
                continue
    if parsed is None:
        return None
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    return _Analyzer(ignore_case).walk(parsed)


def _re2_only_replacement(match: re.Match[str]) -> str:
    token = match.group()
    if token.startswith("\\Q"):
        return re.escape(token[2:-2])
    if token == "\\z":
        return "\\Z"
    if token == "\\C":
        return "."
    if token.startswith("[:"):
        return "\\w"
    return "\\w"


class _Analyzer:
    """Walks a parsed pattern (``re._parser`` nodes) looking for ambiguity."""

    def __init__(self, ignore_case: bool) -> None:
        self.ignore_case = ignore_case

    # ---- the walk

    def walk(self, items: Iterable[tuple[Any, Any]]) -> str | None:
        for op, av in items:
            if op in _REPEATS:
                _, high, body = av
                if high == _UNBOUNDED or high >= _MIN_OUTER_REPEAT:
                    reason = self._check_repeated(body, high)
                    if reason:
                        return reason
                reason = self.walk(body)
            elif op == _c.SUBPATTERN:
                reason = self.walk(av[-1])
            elif op == _c.BRANCH:
                reason = None
                for alternative in av[1]:
                    reason = self.walk(alternative)
                    if reason:
                        break
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                reason = self.walk(av[1])
            elif op == getattr(_c, "ATOMIC_GROUP", None):
                reason = self.walk(av)
            elif op == _c.GROUPREF_EXISTS:
                reason = self.walk(av[1]) or (self.walk(av[2]) if av[2] else None)
            else:
                reason = None
            if reason:
                return reason
        return None

    def _check_repeated(self, body: Sequence[tuple[Any, Any]], high: int) -> str | None:
        """Check the body of a group that repeats many times."""
        times = "unboundedly" if high == _UNBOUNDED else f"up to {high} times"
        body_first, _ = self._first(body)
        reason = self._check_sequence(body, body_first, times)
        if reason:
            return reason
        return self._check_branches(body, times)

    def _check_sequence(
        self, items: Sequence[tuple[Any, Any]], follow: frozenset[int], times: str
    ) -> str | None:
        """Nested unbounded quantifiers whose characters overlap what may follow them."""
        for k, (op, av) in enumerate(items):
            rest_first, rest_nullable = self._first(items[k + 1 :])
            after = rest_first | follow if rest_nullable else rest_first
            if op in _REPEATS:
                _, high, inner = av
                if high == _UNBOUNDED:
                    chars = self._alphabet(inner)
                    if chars & after or not chars:
                        return (
                            "nested quantifier: a group repeated "
                            f"{times} contains the unbounded quantifier "
                            f"{_describe(op, av)} whose text can also be matched by what "
                            "follows it, so the split between repetitions is ambiguous "
                            "(exponential backtracking, like (a+)+)"
                        )
                else:
                    reason = self._check_sequence(inner, after, times)
                    if reason:
                        return reason
            elif op == _c.SUBPATTERN:
                reason = self._check_sequence(av[-1], after, times)
                if reason:
                    return reason
            elif op == _c.BRANCH:
                for alternative in av[1]:
                    reason = self._check_sequence(alternative, after, times)
                    if reason:
                        return reason
        return None

    def _check_branches(self, items: Sequence[tuple[Any, Any]], times: str) -> str | None:
        """Alternations (not inside a nested quantifier) with overlapping branches."""
        for op, av in items:
            if op == _c.BRANCH:
                seen: frozenset[int] = frozenset()
                for alternative in av[1]:
                    first, _ = self._first(alternative)
                    if first & seen:
                        return (
                            "overlapping alternation: a group repeated "
                            f"{times} contains an alternation whose branches can start "
                            "with the same character, so each repetition can be matched "
                            "in more than one way (exponential backtracking, like (a|ab)*)"
                        )
                    seen = seen | first
                for alternative in av[1]:
                    reason = self._check_branches(alternative, times)
                    if reason:
                        return reason
            elif op == _c.SUBPATTERN:
                reason = self._check_branches(av[-1], times)
                if reason:
                    return reason
        return None

    # ---- character sets over _UNIVERSE

    def _first(self, items: Sequence[tuple[Any, Any]]) -> tuple[frozenset[int], bool]:
        """Characters a sequence can start with, and whether it can match empty."""
        result: frozenset[int] = frozenset()
        for op, av in items:
            first, nullable = self._first_item(op, av)
            result = result | first
            if not nullable:
                return result, False
        return result, True

    def _first_item(self, op: Any, av: Any) -> tuple[frozenset[int], bool]:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            return self._single(op, av), False
        if op in _REPEATS:
            low, _, inner = av
            first, nullable = self._first(inner)
            return first, nullable or low == 0
        if op == _c.SUBPATTERN:
            return self._first(av[-1])
        if op == _c.BRANCH:
            result: frozenset[int] = frozenset()
            any_nullable = False
            for alternative in av[1]:
                first, nullable = self._first(alternative)
                result = result | first
                any_nullable = any_nullable or nullable
            return result, any_nullable
        if op == getattr(_c, "ATOMIC_GROUP", None):
            return self._first(av)
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            return _ALL, True
        # AT (anchors), ASSERT, ASSERT_NOT and anything else consume nothing.
        return frozenset(), True

    def _alphabet(self, items: Sequence[tuple[Any, Any]]) -> frozenset[int]:
        """Every character a sequence can consume anywhere."""
        result: frozenset[int] = frozenset()
        for op, av in items:
            if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
                result = result | self._single(op, av)
            elif op in _REPEATS:
                result = result | self._alphabet(av[2])
            elif op == _c.SUBPATTERN:
                result = result | self._alphabet(av[-1])
            elif op == _c.BRANCH:
                for alternative in av[1]:
                    result = result | self._alphabet(alternative)
            elif op == getattr(_c, "ATOMIC_GROUP", None):
                result = result | self._alphabet(av)
            elif op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
                result = _ALL
        return result

    def _single(self, op: Any, av: Any) -> frozenset[int]:
        return frozenset(i for i, ch in enumerate(_UNIVERSE) if self._matches_single(op, av, ch))

    def _matches_single(self, op: Any, av: Any, ch: str) -> bool:
        if op == _c.ANY:
            return ch != "\n"
        if op == _c.LITERAL:
            return self._same(ch, chr(av))
        if op == _c.NOT_LITERAL:
            return not self._same(ch, chr(av))
        # IN: a list of (op, av) set members, possibly starting with NEGATE.
        negate = False
        hit = False
        for member_op, member_av in av:
            if member_op == _c.NEGATE:
                negate = True
            elif member_op == _c.LITERAL:
                hit = hit or self._same(ch, chr(member_av))
            elif member_op == _c.NOT_LITERAL:
                hit = hit or not self._same(ch, chr(member_av))
            elif member_op == _c.RANGE:
                low, high = member_av
                hit = hit or low <= ord(ch) <= high
                if self.ignore_case and not hit:
                    # 'ß'.upper() is 'SS': only one-character case variants can match a range
                    variants = (v for v in (ch.lower(), ch.upper()) if len(v) == 1)
                    hit = any(low <= ord(v) <= high for v in variants)
            elif member_op == _c.CATEGORY:
                hit = hit or _category(member_av, ch)
            else:  # unknown member: assume it can match
                hit = True
        return hit != negate

    def _same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        return self.ignore_case and a.casefold() == b.casefold()


def _category(code: Any, ch: str) -> bool:
    name = str(code)
    word = ch.isalnum() or ch == "_"
    table = {
        "CATEGORY_DIGIT": ch.isdecimal(),
        "CATEGORY_NOT_DIGIT": not ch.isdecimal(),
        "CATEGORY_SPACE": ch.isspace(),
        "CATEGORY_NOT_SPACE": not ch.isspace(),
        "CATEGORY_WORD": word,
        "CATEGORY_NOT_WORD": not word,
    }
    return table.get(name, True)


def _describe(op: Any, av: Any) -> str:
    low = av[0]
    lazy = "?" if op == _c.MIN_REPEAT else ""
    if low == 0:
        return f"'*{lazy}'"
    if low == 1:
        return f"'+{lazy}'"
    return f"'{{{low},}}{lazy}'"
