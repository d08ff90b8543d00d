"""Keyword lists matched over normalised text with one Aho-Corasick automaton.

Every term and allow-listed phrase is normalised with
:func:`engine.textnorm.normalize`, and the listing text is normalised once and
scanned once for all lists together. Hits are reported with offsets into the
ORIGINAL text, so ``original[hit.start:hit.end] == hit.text``.

Matching rules:

* A term containing a character of a script written without spaces (CJK,
  Hiragana, Katakana, Hangul, Thai, Lao, Myanmar, Khmer) matches anywhere, as a
  substring; ``*`` at either end of such a term is ignored.
* Any other term matches as a whole word: when the term begins (ends) with a
  letter or digit, the normalised character before (after) the match must not
  be a letter or digit of a script written with spaces (a Chinese character
  next to a Latin term is a word boundary: ``NO.1`` matches in ``"NO.1保温杯"``).
  Edges that are punctuation are not checked, so ``#1`` matches in
  ``"top #1 pick"`` and ``"a#1"`` but not in ``"#12"``.
* Normalisation brings the ways of writing a number claim to one form
  (``Nr.1``, ``No. 1``, ``N°1``, ``№1`` and ``# 1`` are all ``#1``; see
  :mod:`clearance.engine.textnorm`), so terms written any of those ways match
  all of them. When several terms of a list normalise alike, a hit names the
  one written like the matched text (``Nr. 1`` for ``NR.  1``), else the first.
* ``term*`` is a prefix match and ``*term`` a suffix match; the hit is then
  widened to the whole word (``best*`` in ``"Bestsellers!"`` reports
  ``"Bestsellers"``).
* A hit lying entirely inside an occurrence of one of its own list's allow
  phrases is dropped. Allow phrases follow the same rules as terms.
* At most one hit per list per start position: the longest one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from clearance.engine.textnorm import (
    UNSPACED_SCRIPT_CHARS,
    Normalized,
    has_unspaced_script,
    normalize,
)

__all__ = ["Hit", "TermList", "TermMatcher"]


@dataclass(frozen=True, slots=True)
class TermList:
    """A named keyword list: terms per language plus allow-listed phrases."""

    name: str
    terms: dict[str, tuple[str, ...]]
    allow: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a list's term; ``start``/``end`` index the ORIGINAL text."""

    list_name: str
    term: str
    language: str
    start: int
    end: int
    text: str


# (list index, term as written, language, check left, check right,
#  widen left, widen right, is an allow phrase)
_Entry = tuple[int, str, str, bool, bool, bool, bool, bool]

_UNSPACED_CHAR_RE = re.compile(f"[{UNSPACED_SCRIPT_CHARS}]")
_SPACE_RUN_RE = re.compile(r"\s+")


def _word_char(ch: str) -> bool:
    """A letter or digit that continues a word of a script written with spaces."""
    return ch.isalnum() and _UNSPACED_CHAR_RE.match(ch) is None


def _surface(text: str) -> str:
    """``text`` case-folded with whitespace runs as one space: how a term was written."""
    return _SPACE_RUN_RE.sub(" ", text.casefold().strip())


class TermMatcher:
    """Match many term lists at once over normalised text."""

    __slots__ = ("_automaton", "_list_names")

    def __init__(self, lists: Iterable[TermList]) -> None:
        """Compile ``lists`` into one automaton; raise ValueError on a bad list or term."""
        names: list[str] = []
        by_key: dict[str, list[_Entry]] = {}
        for index, term_list in enumerate(lists):
            if not term_list.name:
                raise ValueError("a term list needs a non-empty name")
            if term_list.name in names:
                raise ValueError(f"duplicate term list name {term_list.name!r}")
            names.append(term_list.name)
            for language, terms in term_list.terms.items():
                if isinstance(terms, str):
                    raise ValueError(
                        f"term list {term_list.name!r}: terms for language {language!r} "
                        "must be a sequence of strings, not one string"
                    )
                for term in terms:
                    key, entry = _compile(index, term_list.name, term, language, allow=False)
                    by_key.setdefault(key, []).append(entry)
            for phrase in term_list.allow:
                key, entry = _compile(index, term_list.name, phrase, "", allow=True)
                by_key.setdefault(key, []).append(entry)
        self._list_names: tuple[str, ...] = tuple(names)
        self._automaton: ahocorasick.Automaton | None = None
        if by_key:
            automaton = ahocorasick.Automaton()
            for key, entries in by_key.items():
                automaton.add_word(key, (len(key), tuple(entries)))
            automaton.make_automaton()
            self._automaton = automaton

    @property
    def list_names(self) -> tuple[str, ...]:
        """The names of the compiled lists, in the order they were given."""
        return self._list_names

    def find(self, text: str) -> list[Hit]:
        """Return every hit in ``text``, sorted by start, then list name."""
        return self.find_normalized(normalize(text), text)

    def find_normalized(self, norm: Normalized, original: str) -> list[Hit]:
        """Like :meth:`find`, reusing ``norm``, which must be ``normalize(original)``."""
        if self._automaton is None or not norm.text:
            return []
        text = norm.text
        n = len(text)
        candidates: list[tuple[int, int, int, _Entry]] = []
        allowed: list[tuple[int, int, int]] = []
        for last, (length, entries) in self._automaton.iter(text):
            end = last + 1
            start = end - length
            for entry in entries:
                _, _, _, check_left, check_right, widen_left, widen_right, is_allow = entry
                if check_left and start > 0 and _word_char(text[start - 1]):
                    continue
                if check_right and end < n and _word_char(text[end]):
                    continue
                s, e = start, end
                if widen_left:
                    while s > 0 and _word_char(text[s - 1]):
                        s -= 1
                if widen_right:
                    while e < n and _word_char(text[e]):
                        e += 1
                if is_allow:
                    allowed.append((entry[0], s, e))
                else:
                    candidates.append((s, e, length, entry))
        # One hit per list and start: the longest, then the one whose term
        # itself covered most of it (an exact "beste" beats a widened "best*").
        best: dict[tuple[int, int], tuple[int, int, _Entry]] = {}
        for s, e, length, entry in candidates:
            index = entry[0]
            if allowed and any(
                a_index == index and a_start <= s and e <= a_end
                for a_index, a_start, a_end in allowed
            ):
                continue
            previous = best.get((index, s))
            if previous is None or (e, length) > previous[:2]:
                best[(index, s)] = (e, length, entry)
            elif (e, length) == previous[:2] and entry[1] != previous[2][1]:
                # terms written differently that normalise alike: name the one written so
                o_start, o_end = norm.span(s, e)
                written = _surface(original[o_start:o_end])
                if _surface(entry[1]) == written != _surface(previous[2][1]):
                    best[(index, s)] = (e, length, entry)
        hits: list[Hit] = []
        names = self._list_names
        for (index, s), (e, _, entry) in best.items():
            o_start, o_end = norm.span(s, e)
            hits.append(
                Hit(names[index], entry[1], entry[2], o_start, o_end, original[o_start:o_end])
            )
        if len(hits) > 1:
            hits.sort(key=lambda h: (h.start, h.list_name, h.end, h.term))
        return hits


def _compile(
    index: int, list_name: str, term: str, language: str, *, allow: bool
) -> tuple[str, _Entry]:
    """Normalise one term or allow phrase into its automaton key and entry."""
    what = "allow phrase" if allow else "term"
    if not isinstance(term, str):
        raise ValueError(f"term list {list_name!r}: {what} {term!r} is not a string")
    core = term.strip()
    prefix = core.endswith("*")
    suffix = core.startswith("*")
    if prefix:
        core = core[:-1]
    if suffix:
        core = core[1:]
    key = normalize(core.strip()).text.strip()
    if not key:
        raise ValueError(f"term list {list_name!r}: {what} {term!r} is empty after normalisation")
    if has_unspaced_script(key):
        entry: _Entry = (index, term, language, False, False, False, False, allow)
    else:
        entry = (
            index,
            term,
            language,
            not suffix and key[0].isalnum(),
            not prefix and key[-1].isalnum(),
            suffix,
            prefix,
            allow,
        )
    return key, entry
