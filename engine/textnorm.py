"""Text normalisation for term matching, with a map back to the original text.

:func:`normalize` turns a listing text into a canonical form that defeats the
usual ways of dodging a keyword list, and remembers for every normalised
character where it came from, so a match found in the normalised text can be
reported as the exact substring of what the seller wrote.

The steps, in order:

1. Unicode NFKC (fullwidth letters, ligatures such as ``ﬁ``, superscripts,
   mathematical alphanumerics, halfwidth katakana) and case folding. A base
   character and the combining marks that follow it are normalised together,
   so decomposed ``e`` + U+0301 becomes ``é`` like the precomposed form.
2. Invisible characters are dropped: every format character (category ``Cf``:
   zero-width space/joiners, U+2060, U+FEFF, soft hyphen, bidi controls, tag
   characters) plus variation selectors, the combining grapheme joiner,
   Mongolian free variation selectors and the standalone Hangul fillers.
3. Letters of other scripts that look like a Latin letter (Cyrillic ``е``,
   Greek ``ο``, Cherokee, ...) become that ASCII letter, using the
   ``confusables.json`` data shipped by ``confusable-homoglyphs``. Latin
   letters (``ö``, ``é``, ``ß``...), CJK, digits and symbols are never mapped.
4. Every run of whitespace becomes one space (runs are not stripped).
5. Letters spaced apart are joined: a run of three or more single letters,
   each separated from the next by exactly one of ``space . - _ * ·``, with no
   letter or digit right before or after the run, loses its separators
   (``"B E S T E"`` -> ``"beste"``, ``"b.e.s.t"`` -> ``"best"``). Letters of
   scripts written without spaces (CJK, Thai, ...) are not joined: terms in
   those scripts match as substrings anyway.
6. Ways of writing a claim of first place are brought to one form, so one term
   matches them all (see :func:`canonical_claims`): a number abbreviation
   before a digit (``Nr.1``, ``No. 1``, ``N°1``, ``Nº 1``, ``№1``, ``n.º 1``,
   ``no1``, ``# 1``) becomes ``#``; an ordinal sign after a digit (``1º``,
   ``1ª``, ``1.º``, and French ``1er``/``1re``/``1ère``) becomes ``°``;
   ``第1`` (ASCII or full-width digit) becomes ``第一``.
7. Separators (up to three of space ``. - _ * · ・ ~``) between two Chinese or
   Japanese characters are dropped (``最 好`` -> ``最好``, ``国-家-级`` ->
   ``国家级``): those scripts put no spaces between words.
8. German umlauts are spelled out: ``ä``, ``ö``, ``ü`` become ``ae``, ``oe``,
   ``ue`` (``ß`` is already ``ss``), so ``größte``, ``grösste`` and
   ``groesste`` normalise alike.

Before step 1, a few characters whose compatibility form loses what they mean
are replaced: the numero sign ``№`` by ``n°`` (NFKC: ``no``), the ordinal
indicators ``º`` and ``ª`` by ``°`` (NFKC: ``o``, ``a``), and the hyphens and
dashes U+2010-2015, U+2212, U+FE58, U+FE63, U+FF0D by ``-``.

Case folding is full Unicode case folding, so ``ß`` becomes ``ss`` (terms are
folded the same way, so ``Straße`` still matches a term ``straße``).

Every step is one pass over the text with bounded look-around, so normalising takes time
linear in the text's length. Normalising can lengthen a text a lot: U+FDFA (one character)
becomes 18, an umlaut 2. The work of normalising and matching grows with the normalised
length, so callers bound it first with :func:`normalized_length`, which is cheap (no offset
map is built) and stops counting once past a limit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

__all__ = [
    "UNSPACED_SCRIPT_CHARS",
    "Normalized",
    "Tables",
    "canonical_claims",
    "has_unspaced_script",
    "install_tables",
    "normalize",
    "normalized_length",
    "tables",
]

#: A regex character-class body (no brackets) covering the scripts written
#: without spaces between words: Thai, Lao, Myanmar, Khmer, Hangul, the CJK
#: ideographs and radicals, Hiragana and Katakana.
UNSPACED_SCRIPT_CHARS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1100-\u11ff"  # Hangul jamo
    "\u1780-\u17ff"  # Khmer
    "\u2e80-\u2fdf"  # CJK radicals, Kangxi radicals
    "\u3005-\u3007"  # ideographic iteration mark, closing mark, number zero
    "\u3021-\u3029\u3038-\u303b"  # Hangzhou numerals
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3130-\u318f"  # Hangul compatibility jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\ua960-\ua97f"  # Hangul jamo extended A
    "\uac00-\ud7ff"  # Hangul syllables, jamo extended B
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0003ffff"  # CJK extensions B..H
)

_UNSPACED_RE = re.compile(f"[{UNSPACED_SCRIPT_CHARS}]")

# A letter that may be part of a spaced-apart run: a word character that is
# not a digit, not '_' and not in a script written without spaces.
_LETTER = rf"[^\W\d_{UNSPACED_SCRIPT_CHARS}]"
_SPACED_RUN_RE = re.compile(rf"(?<![^\W_]){_LETTER}(?:[ ._*·\-]{_LETTER}){{2,}}(?![^\W_])")
# Cheap necessary conditions for _SPACED_RUN_RE: a run of >= 3 spaced letters
# contains "separator, letter, separator, letter" with that last letter alone.
# (Starting with a separator class lets the regex engine skip most positions.)
_SPACED_HINT_ASCII_RE = re.compile(r"[ ._*\-][a-z][ ._*\-][a-z](?![a-z0-9])")
_SPACED_HINT_RE = re.compile(r"[ ._*·\-][^\W\d_][ ._*·\-][^\W\d_](?![^\W_])")
_WS_RUN_RE = re.compile(r"\s+")

# Chinese and Japanese characters: scripts that put no spaces between words at all (Korean and
# Thai do separate words or phrases by spaces, so their spaces are kept).
_HAN_KANA = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
)
# Step 6-8, one alternative per rewrite, each of bounded length. ``num``: a number abbreviation
# right before a digit, with no letter or digit before it (``nr``, ``nro``, ``no.``, ``no``
# glued to the digit, ``n°``, ``n.°``, ``n.``), or ``#`` and one space. ``ord1``: the ending
# of French ``1er``/``1re``/``1ère`` (not ``11er``). ``orddot``: the ``.`` of ``1.º``. ``di``:
# the digit 1 after 第. ``sep``: separators between two Chinese/Japanese characters. Umlauts
# (step 8) are spelled out after these, without a regex alternative.
_CANON_ASCII = (
    r"(?P<num>(?<![^\W_])(?:nro?\.?\ ?|no\.\ ?|no|n\.\ ?)(?=\d)|\#\ (?=\d))"
    r"|(?P<ord1>(?<=1)(?<![\d°]1)(?:er|re|ere)(?![^\W_]))"
)
_CANON_ASCII_RE = re.compile(_CANON_ASCII)
_CANON_RE = re.compile(
    _CANON_ASCII.replace(r"|n\.\ ?)", r"|n\.?°\ ?|n\.\ ?)").replace("|ere)", "|ere|ère)")
    + r"|(?P<orddot>(?<=\d)\.(?=°))"
    + r"|(?P<di>(?<=第)\ ?1(?!\d))"
    + rf"|(?P<sep>(?<=[{_HAN_KANA}])[ ._*·・~\-]{{1,3}}(?=[{_HAN_KANA}]))"
)
"""Steps 6-7 (umlauts, step 8, are spelled out after them by :func:`_spell_umlauts`: no other
rewrite reads or writes an umlaut, so the order gives what one pass with them would)."""
_CANON_HINT_ASCII_RE = re.compile(r"[#nor]\.? ?\d|1(?:er|re)")
# A necessary condition for any match of _CANON_RE: the scan of _CANON_RE (lookbehinds in every
# alternative) costs about 100 µs per 800 characters, this one a few.
_CANON_HINT_RE = re.compile(
    rf"[#nor°]\.? ?\d|1(?:er|re|ère)|\.°|第 ?1|[{_HAN_KANA}][ ._*·・~\-]{{1,3}}[{_HAN_KANA}]"
)
_UMLAUT_RE = re.compile("[äöü]")
_CANON_REPLACEMENT = {
    "num": "#",
    "ord1": "°",
    "orddot": "",
    "di": "一",
    "sep": "",
}
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue"}

# Replaced before NFKC, whose form would lose what they mean (numero sign: "No", ordinal
# indicators: "o", "a"), or would keep look-alikes apart (the hyphens and dashes).
_OVERRIDES = {
    "\u2116": "n°",  # numero sign
    "\u00ba": "°",  # masculine ordinal indicator
    "\u00aa": "°",  # feminine ordinal indicator
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
}

# Invisible characters dropped on top of category Cf.
_EXTRA_DROP = frozenset(
    [
        "\u034f",  # combining grapheme joiner
        "\u115f",  # Hangul choseong filler
        "\u1160",  # Hangul jungseong filler
        "\u3164",  # Hangul filler
        "\uffa0",  # halfwidth Hangul filler
        "\u180b",
        "\u180c",
        "\u180d",
        "\u180f",  # Mongolian free variation selectors
        *(chr(c) for c in range(0xFE00, 0xFE10)),  # variation selectors
        *(chr(c) for c in range(0xE0100, 0xE01F0)),  # variation selectors supplement
    ]
)

# Scripts whose letters are never mapped to a Latin look-alike.
_NO_HOMOGLYPH_SCRIPTS = frozenset(
    {
        "LATIN",
        "COMMON",
        "INHERITED",
        "HAN",
        "HIRAGANA",
        "KATAKANA",
        "HANGUL",
        "BOPOMOFO",
        "THAI",
        "UNKNOWN",
    }
)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text plus the map back to the original string.

    ``offsets[i]`` is the index in the original string of the character that
    produced normalised character ``i``; ``offsets[len(text)]`` is
    ``len(original)`` (a sentinel). ``ends`` is ``None`` when every normalised
    character comes from one original character; otherwise ``ends[i]`` is the
    exclusive end in the original of what produced character ``i`` (it differs
    from ``offsets[i] + 1`` when a base letter and its combining marks became
    one character, e.g. ``e`` + U+0301 -> ``é``). Use :meth:`span`.
    """

    text: str
    offsets: list[int]
    ends: list[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised slice ``[start, end)`` to ``(start, end)`` in the original.

        ``original[s:e]`` with the returned pair is the exact original substring
        that produced ``text[start:end]`` (including any dropped invisible
        characters inside it). An empty slice maps to an empty span.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"span [{start}, {end}) is outside the normalised text of length {len(self.text)}"
            )
        if start == end:
            pos = self.offsets[start]
            return pos, pos
        last = end - 1
        stop = self.ends[last] if self.ends is not None else self.offsets[last] + 1
        return self.offsets[start], stop


def has_unspaced_script(text: str) -> bool:
    """Whether ``text`` contains a character of a script written without spaces.

    Those scripts are CJK (Han, Hiragana, Katakana, Hangul), Thai, Lao, Myanmar
    and Khmer: terms in them match as substrings rather than whole words.
    """
    return _UNSPACED_RE.search(text) is not None


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for term matching and keep the offset map.

    See the module docstring for the steps. Pure ASCII text takes a fast path.
    """
    if text.isascii():
        low = text.lower()
        offsets = list(range(len(text) + 1))
        ends: list[int] | None = None
        if "  " in low or not low.isprintable():
            low, offsets, ends = _collapse_whitespace(low, offsets, ends)
        if _SPACED_HINT_ASCII_RE.search(low) is not None:
            low, offsets, ends = _join_spaced_letters(low, offsets, ends)
        if _CANON_HINT_ASCII_RE.search(low) is not None:
            low, offsets, ends = _rewrite(low, offsets, ends, _CANON_ASCII_RE)
        return Normalized(low, offsets, ends)
    norm_text, offsets, ends = _normalize_general(text)
    if "  " in norm_text or not norm_text.isprintable():
        norm_text, offsets, ends = _collapse_whitespace(norm_text, offsets, ends)
    if _SPACED_HINT_RE.search(norm_text) is not None:
        norm_text, offsets, ends = _join_spaced_letters(norm_text, offsets, ends)
    return Normalized(*_canonical(norm_text, offsets, ends))


def canonical_claims(text: str) -> str:
    """Steps 6-8 alone, on text that steps 1-5 already normalised (for tests and tools)."""
    return _canonical(text, list(range(len(text) + 1)), None)[0]


def _canonical(
    text: str, offsets: list[int], ends: list[int] | None
) -> tuple[str, list[int], list[int] | None]:
    """Steps 6-8 on text that is not pure ASCII: the rewrites of _CANON_RE, then umlauts."""
    if _CANON_HINT_RE.search(text) is not None:
        text, offsets, ends = _rewrite(text, offsets, ends, _CANON_RE)
    if _UMLAUT_RE.search(text) is not None:
        text, offsets, ends = _spell_umlauts(text, offsets, ends)
    return text, offsets, ends


def _spell_umlauts(
    text: str, offsets: list[int], ends: list[int] | None
) -> tuple[str, list[int], list[int] | None]:
    """Step 8: ä, ö, ü as ae, oe, ue; both letters map to the umlaut's original span. Without
    ``ends`` (every character came from one original character) none is needed after either:
    both letters end where the umlaut did, one past their shared offset."""
    new_offsets: list[int] = []
    new_ends: list[int] | None = None if ends is None else []
    pos = 0
    for m in _UMLAUT_RE.finditer(text):
        s = m.start()
        new_offsets += offsets[pos : s + 1]
        new_offsets.append(offsets[s])
        if new_ends is not None and ends is not None:
            new_ends += ends[pos : s + 1]
            new_ends.append(ends[s])
        pos = s + 1
    new_offsets += offsets[pos:]
    if new_ends is not None and ends is not None:
        new_ends += ends[pos:]
    spelled = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return spelled, new_offsets, new_ends


MAX_FORM_CHARS = 18
"""The most characters :func:`normalized_length` counts for one character: U+FDFA's form (an
umlaut counts 2); a test checks every code point."""


def normalized_length(text: str, stop_after: int | None = None) -> int:
    """How many characters steps 1-3 make of ``text``, each character normalised on its own.

    This is the length :func:`normalize` works on before whitespace runs are collapsed and
    spaced letters joined (which only shorten it), with every umlaut counted twice (step 8
    spells it out; the other rewrites only shorten the text). Counting stops soon after
    ``stop_after`` characters (when given), so that checking a limit costs about as much as the
    limit, never as much as the whole expansion; the result is then some number above
    ``stop_after``.
    """
    if text.isascii():
        return len(text)
    total = 0
    for start in range(0, len(text), _COUNT_SLICE):
        part = text[start : start + _COUNT_SLICE].translate(_FORMS)
        total += len(part) + part.count("ä") + part.count("ö") + part.count("ü")
        if stop_after is not None and total > stop_after:
            break
    return total


# --------------------------------------------------------------------------- internals


class _CharTable(dict[int, str]):
    """``str.translate`` table: code point -> its normalised character.

    Characters whose normalised form is not exactly one character, and
    characters that may combine with the one before them, map to
    :data:`_COMPLEX` so the caller handles them one by one. Filled lazily.
    """

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        if ch.isascii():
            value = ch.lower()
        else:
            mapped = _map_char(ch)
            value = mapped if len(mapped) == 1 and not _is_continuation(ch) else _COMPLEX
        if len(self) >= _TABLE_LIMIT:
            self.clear()
        self[key] = value
        return value


_COMPLEX = "\U0010ffff"  # a noncharacter; if the input holds it, it just takes the slow way
_TABLE_LIMIT = 65536
_TABLE = _CharTable()


class _LazyTable(dict[int, str]):
    """A ``str.translate`` table filled lazily by ``value(character)``, at most 65536 entries."""

    def __init__(self, value: Callable[[str], str]) -> None:
        super().__init__()
        self._value = value

    def __missing__(self, key: int) -> str:
        value = self._value(chr(key))
        if len(self) >= _TABLE_LIMIT:
            self.clear()
        self[key] = value
        return value


def _form(ch: str) -> str:
    return ch.lower() if ch.isascii() else _map_char(ch)


_FORMS = _LazyTable(_form)
"""Code point -> its whole normalised form (empty when dropped, 18 characters for U+FDFA)."""


def _form_length(ch: str) -> str:
    return chr(len(_form(ch)))


def _continuation_flag(ch: str) -> str:
    return "1" if _is_continuation(ch) else "0"


_FORM_LENGTHS = _LazyTable(_form_length)
"""Code point -> chr(the length of its normalised form)."""
_CONTINUATIONS = _LazyTable(_continuation_flag)
"""Code point -> "1" when it may combine with the character before it, else "0"."""
_CONTINUATION_RUN_RE = re.compile("1+")
_COUNT_SLICE = 16384


def _normalize_general(text: str) -> tuple[str, list[int], list[int] | None]:
    """Steps 1-3 (and non-ASCII whitespace -> ' ') for text that is not pure ASCII.

    Characters are mapped one by one with ``str.translate`` and the offset map is built from
    their form lengths without a Python step per character; only a character followed by
    characters that combine with it (a cluster) is normalised on its own.
    """
    n = len(text)
    out = text.translate(_TABLE)
    if _COMPLEX not in out:
        return out, list(range(n + 1)), None
    runs = _CONTINUATION_RUN_RE.finditer(text.translate(_CONTINUATIONS))
    parts: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    pos = 0
    for run in runs:
        start, stop = run.span()
        base = start - 1 if start > pos else start
        if base > pos:
            _per_character(text, pos, base, parts, offsets, ends)
        cluster = text[base:stop]
        mapped = _map_char(cluster) if len(cluster) == 1 else _map_cluster(cluster)
        parts.append(mapped)
        offsets.extend([base] * len(mapped))
        ends.extend([stop] * len(mapped))
        pos = stop
    if pos < n:
        _per_character(text, pos, n, parts, offsets, ends)
    offsets.append(n)
    return "".join(parts), offsets, ends


def _per_character(
    text: str, start: int, stop: int, parts: list[str], offsets: list[int], ends: list[int]
) -> None:
    """Append ``text[start:stop]`` (no clusters in it) normalised character by character, the
    original index of every normalised character and the end of what produced it."""
    part = text[start:stop]
    parts.append(part.translate(_FORMS))
    lengths = part.translate(_FORM_LENGTHS).encode("latin-1")
    if lengths.count(1) == len(lengths):
        offsets.extend(range(start, stop))
        ends.extend(range(start + 1, stop + 1))
    else:
        offsets.extend(chain.from_iterable(map(repeat, range(start, stop), lengths)))
        ends.extend(chain.from_iterable(map(repeat, range(start + 1, stop + 1), lengths)))


def _collapse_whitespace(
    text: str, offsets: list[int], ends: list[int] | None
) -> tuple[str, list[int], list[int] | None]:
    """Replace every whitespace run that is not a single ' ' by one ' '."""
    parts: list[str] = []
    new_offsets: list[int] = []
    new_ends: list[int] | None = None if ends is None else []
    pos = 0
    for m in _WS_RUN_RE.finditer(text):
        s, e = m.span()
        if e - s == 1 and text[s] == " ":
            continue
        parts.append(text[pos:s])
        parts.append(" ")
        new_offsets.extend(offsets[pos : s + 1])
        if new_ends is not None and ends is not None:
            new_ends.extend(ends[pos:s])
            new_ends.append(ends[e - 1])
        pos = e
    parts.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    if new_ends is not None and ends is not None:
        new_ends.extend(ends[pos:])
    return "".join(parts), new_offsets, new_ends


def _join_spaced_letters(
    text: str, offsets: list[int], ends: list[int] | None
) -> tuple[str, list[int], list[int] | None]:
    """Drop the separators inside runs of >= 3 spaced-apart single letters."""
    parts: list[str] = []
    new_offsets: list[int] = []
    new_ends: list[int] | None = None if ends is None else []
    pos = 0
    for m in _SPACED_RUN_RE.finditer(text):
        s, e = m.span()
        parts.append(text[pos:s])
        parts.append(text[s:e:2])
        new_offsets.extend(offsets[pos:s])
        new_offsets.extend(offsets[s:e:2])
        if new_ends is not None and ends is not None:
            new_ends.extend(ends[pos:s])
            new_ends.extend(ends[s:e:2])
        pos = e
    if pos == 0:
        return text, offsets, ends
    parts.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    if new_ends is not None and ends is not None:
        new_ends.extend(ends[pos:])
    return "".join(parts), new_offsets, new_ends


def _rewrite(
    text: str, offsets: list[int], ends: list[int] | None, pattern: re.Pattern[str]
) -> tuple[str, list[int], list[int] | None]:
    """Replace every match of ``pattern`` (steps 6-7) by its group's replacement.

    Each replacement character maps to the whole original span of what it replaces, so a hit
    over it reports what the seller wrote.
    """
    parts: list[str] = []
    new_offsets: list[int] = []
    new_ends: list[int] = []
    old_ends = ends
    pos = 0
    for m in pattern.finditer(text):
        s, e = m.span()
        group = m.lastgroup or ""
        repl = _CANON_REPLACEMENT[group]
        if group == "num" and text[s] == "#" and e - s == 1:
            continue
        if old_ends is None:
            old_ends = [o + 1 for o in offsets[:-1]]
        parts.append(text[pos:s])
        new_offsets.extend(offsets[pos:s])
        new_ends.extend(old_ends[pos:s])
        if repl:
            parts.append(repl)
            new_offsets.extend([offsets[s]] * len(repl))
            new_ends.extend([old_ends[e - 1]] * len(repl))
        pos = e
    if old_ends is None:
        return text, offsets, ends
    parts.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    new_ends.extend(old_ends[pos:])
    return "".join(parts), new_offsets, new_ends


def _is_dropped(ch: str) -> bool:
    return ch in _EXTRA_DROP or unicodedata.category(ch) == "Cf"


@lru_cache(maxsize=8192)
def _is_continuation(ch: str) -> bool:
    """Whether ``ch`` may combine with the character before it under NFKC."""
    if ch.isascii() or _is_dropped(ch):
        return False
    if unicodedata.combining(unicodedata.normalize("NFKD", ch)[0]) != 0:
        return True
    cp = ord(ch)
    if 0x1161 <= cp <= 0x1175 or 0x11A8 <= cp <= 0x11C2:  # Hangul V and T jamo
        return True
    return ch in _composing_starters()


@dataclass(frozen=True)
class Tables:
    """What normalisation derives from the Unicode database and the confusables data.

    Computing them takes about a tenth of a second, so the library cache keeps them (its key
    holds the Python version and the confusables data's installed file).
    """

    composing_starters: frozenset[str]
    homoglyphs: dict[str, str]


_tables: dict[str, Any] = {}


def tables() -> Tables:
    """The derived tables, computed now unless already computed or installed."""
    return Tables(_composing_starters(), _homoglyphs())


def install_tables(found: Tables) -> None:
    """Use tables an earlier :func:`tables` computed with the same Python and data."""
    _tables.setdefault("starters", found.composing_starters)
    _tables.setdefault("homoglyphs", found.homoglyphs)


def _composing_starters() -> frozenset[str]:
    """Characters of combining class 0 that compose with a preceding character."""
    known: frozenset[str] | None = _tables.get("starters")
    if known is not None:
        return known
    found: set[str] = set()
    for cp in range(0xA0, 0x30000):
        decomposition = unicodedata.decomposition(chr(cp))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = decomposition.split()
        if len(parts) == 2:
            second = chr(int(parts[1], 16))
            if unicodedata.combining(second) == 0:
                found.add(second)
    starters: frozenset[str] = _tables.setdefault("starters", frozenset(found))
    return starters


def _homoglyphs() -> dict[str, str]:
    """Non-Latin letter -> ASCII Latin look-alike, from confusable-homoglyphs' data.

    The map is applied after NFKC and case folding, so its keys are folded
    letters. A folded letter takes its own single ASCII look-alike; failing
    that, the one of a letter that folds to it (Cyrillic ``т`` has none of its
    own but ``Т`` looks like ``T``, so ``т`` -> ``t``): upper and lower case
    then normalise alike. Letters of Latin, CJK, Thai and common/inherited
    scripts are never keys, and a letter with two different look-alikes is
    left alone.
    """
    known: dict[str, str] | None = _tables.get("homoglyphs")
    if known is not None:
        return known
    from confusable_homoglyphs.categories import alias
    from confusable_homoglyphs.utils import load

    data: dict[str, list[dict[str, str]]] = load("confusables.json")
    own: dict[str, set[str]] = {}
    borrowed: dict[str, set[str]] = {}
    for ch, glyphs in data.items():
        if len(ch) != 1 or not ch.isalpha():
            continue
        folded = _nfkc_casefold(ch)
        if len(folded) != 1 or not folded.isalpha() or _UNSPACED_RE.match(folded):
            continue
        if str(alias(folded)).upper() in _NO_HOMOGLYPH_SCRIPTS:
            continue
        latin = {
            g["c"].lower()
            for g in glyphs
            if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalpha()
        }
        if latin:
            (own if folded == ch else borrowed).setdefault(folded, set()).update(latin)
    mapping: dict[str, str] = {}
    for folded in own.keys() | borrowed.keys():
        candidates = own.get(folded) or borrowed[folded]
        if len(candidates) == 1:
            mapping[folded] = next(iter(candidates))
    homoglyphs: dict[str, str] = _tables.setdefault("homoglyphs", mapping)
    return homoglyphs


def _nfkc_casefold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not unicodedata.is_normalized("NFKC", folded):
        folded = unicodedata.normalize("NFKC", folded)
    return folded


def _finish(folded: str) -> str:
    """Drop invisibles, map homoglyphs and whitespace in an NFKC-casefolded string."""
    homoglyphs = _homoglyphs()
    out: list[str] = []
    for ch in folded:
        if _is_dropped(ch):
            continue
        if ch.isspace():
            out.append(" ")
        else:
            out.append(homoglyphs.get(ch, ch))
    return "".join(out)


@lru_cache(maxsize=16384)
def _map_char(ch: str) -> str:
    """Normalised form of one character (empty when it is dropped)."""
    if _is_dropped(ch):
        return ""
    override = _OVERRIDES.get(ch)
    if override is not None:
        return override
    return _finish(_nfkc_casefold(ch))


@lru_cache(maxsize=4096)
def _map_cluster(cluster: str) -> str:
    """Normalised form of a base character followed by combining characters."""
    kept = "".join(_OVERRIDES.get(ch, ch) for ch in cluster if not _is_dropped(ch))
    return _finish(_nfkc_casefold(kept))
