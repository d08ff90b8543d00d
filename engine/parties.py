"""Denied-party screening: fuzzy matching of a name against the sanctions lists.

The lists are the files the feeds write under ``rules/data/sanctions/`` (one per source, entries
``{id, list, programmes, type, names, countries, dates_of_birth, remarks, source_url}``).

Names are compared after normalisation: Unicode compatibility forms, accents and other scripts
transliterated to Latin (unidecode), case, punctuation (``S.A.`` is ``SA``, ``D'S`` is ``DS``),
and word order. Legal-form words (LTD, LIMITED, CORP, INC, GMBH, LLC, SA, OOO, ...) and a few
stop words are *weak* tokens: they need not match and weigh little. Scoring, 0-100:

* the strong tokens of the two names are paired, best first, when at least :data:`TOKEN_MATCH`
  similar (rapidfuzz ``ratio``: KHOROSHEW ~ KHOROSHEV is 89). Each token counts the same,
  whatever its length, so a long generic word (ENGINEERING, TRADING) cannot carry a match;
* when every token of the shorter name is paired, the score is the mean similarity of the pairs
  less :data:`EXTRA_TOKEN_PENALTY` per token the longer name has in addition ("Dmitry Khoroshev"
  against "KHOROSHEV, Dmitry Yuryevich" scores 97); a one-word name must equal a one-word name;
* otherwise the paired similarities are divided by the longer name's token count (one of two
  words matching scores 50);
* when the names have different token counts, their concatenations without spaces are compared
  too ("BELKAPSTEEL" is "BEL-KAP-STEEL"), and the better score is kept;
* less :data:`WEAK_MISMATCH_PENALTY` when both names carry different legal forms, plus
  :data:`COUNTRY_BONUS` when the document's country is on the listing or less
  :data:`COUNTRY_PENALTY` when the listing names other countries only.

Candidates are found by blocking: the distinct tokens of all names (and each name's
concatenation) are indexed by their first four letters, last four letters and consonant
skeleton; each query token is compared with the tokens sharing a key
(``rapidfuzz.process.extract``), and a name holding a similar token is scored only when an upper
bound of its score reaches the threshold. A name is screened against tens of thousands of
entries in well under a millisecond.

A false positive that was checked and cleared is recorded in ``rules/data/sanctions/cleared.yaml``
(name, entry, reason, by, date); that (name, entry) pair is not returned again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from unidecode import unidecode

from clearance.engine.errors import PackError
from clearance.engine.lazyindex import LazyIndex
from clearance.engine.listfiles import read_list_files, stamp
from clearance.engine.yamlsafe import load_yaml

DEFAULT_THRESHOLD = 88.0
EXTRA_TOKEN_PENALTY = 3.0
WEAK_MISMATCH_PENALTY = 2.0
COUNTRY_BONUS = 2.0
COUNTRY_PENALTY = 4.0
TOKEN_MATCH = 80.0
"""Similarity at which two tokens count as the same word (KHOROSHEW ~ KHOROSHEV)."""

LEGAL_FORMS: dict[str, str] = {
    "LIMITED": "LTD",
    "LTD": "LTD",
    "CORPORATION": "CORP",
    "CORP": "CORP",
    "INCORPORATED": "INC",
    "INC": "INC",
    "COMPANY": "CO",
    "CO": "CO",
    "GMBH": "GMBH",
    "MBH": "GMBH",
    "LLC": "LLC",
    "LLP": "LLP",
    "LP": "LP",
    "PLC": "PLC",
    "SA": "SA",
    "SAS": "SAS",
    "SARL": "SARL",
    "SRL": "SRL",
    "SPA": "SPA",
    "SL": "SL",
    "BV": "BV",
    "NV": "NV",
    "AG": "AG",
    "KG": "KG",
    "OHG": "OHG",
    "OY": "OY",
    "OYJ": "OYJ",
    "AB": "AB",
    "AS": "AS",
    "ASA": "ASA",
    "APS": "APS",
    "OOO": "OOO",
    "ZAO": "ZAO",
    "OAO": "OAO",
    "PAO": "PAO",
    "AO": "AO",
    "TOO": "TOO",
    "JSC": "JSC",
    "OJSC": "OJSC",
    "CJSC": "CJSC",
    "PJSC": "PJSC",
    "PTE": "PTE",
    "PTY": "PTY",
    "PVT": "PVT",
    "SRO": "SRO",
    "DOO": "DOO",
    "KFT": "KFT",
    "ZRT": "ZRT",
    "SPZOO": "SPZOO",
    "FZE": "FZE",
    "FZCO": "FZCO",
    "FZC": "FZC",
    "FZ": "FZ",
    "LLLP": "LLLP",
    "SDN": "SDN",
    "BHD": "BHD",
    "TBK": "TBK",
    "KK": "KK",
    "EOOD": "EOOD",
    "EAD": "EAD",
}
"""Legal-form words and their canonical spelling (LIMITED is LTD)."""
PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("PUBLIC", "JOINT", "STOCK", "COMPANY"), "PJSC"),
    (("OPEN", "JOINT", "STOCK", "COMPANY"), "OJSC"),
    (("CLOSED", "JOINT", "STOCK", "COMPANY"), "CJSC"),
    (("JOINT", "STOCK", "COMPANY"), "JSC"),
    (("LIMITED", "LIABILITY", "COMPANY"), "LLC"),
    (("LIMITED", "LIABILITY", "PARTNERSHIP"), "LLP"),
    (("PUBLIC", "LIMITED", "COMPANY"), "PLC"),
    (("SP", "Z", "O", "O"), "SPZOO"),
    (("SP", "ZOO"), "SPZOO"),
    (("SDN", "BHD"), "SDN"),
)
STOP_WORDS = frozenset({"THE", "OF", "AND", "FOR"})
WEAK = frozenset(LEGAL_FORMS.values()) | STOP_WORDS

_DOTTED = re.compile(r"\b(?:[A-Z]\.)+[A-Z]\b\.?")
_APOSTROPHE = re.compile(r"['’`´]")
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_VOWELS = str.maketrans("", "", "AEIOUY")


@dataclass(frozen=True)
class NormalizedName:
    """A name ready for comparison: strong and weak tokens, and what normalising changed."""

    raw: str
    tokens: tuple[str, ...]
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    transliterated: bool
    accents: bool

    @property
    def joined(self) -> str:
        """The strong tokens concatenated without spaces, in their order."""
        return "".join(self.strong)

    @property
    def key(self) -> str:
        """The strong tokens sorted and joined: equal keys mean the same name."""
        return " ".join(sorted(self.strong))


def _script_changes(text: str) -> tuple[bool, bool]:
    transliterated = accents = False
    for ch in text:
        if ord(ch) < 128 or not ch.isalpha():
            continue
        if unicodedata.name(ch, "").startswith("LATIN"):
            accents = True
        else:
            transliterated = True
    return transliterated, accents


def normalize_name(name: str) -> NormalizedName:
    """Normalise ``name`` for screening (see the module docstring for the steps)."""
    text = unicodedata.normalize("NFKC", name)
    transliterated, accents = _script_changes(text)
    upper = unidecode(text).upper()
    upper = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), upper)
    upper = _APOSTROPHE.sub("", upper).replace("&", " AND ")
    tokens = _NON_ALNUM.sub(" ", upper).split()
    tokens = _replace_phrases(tokens)
    tokens = [LEGAL_FORMS.get(t, t) for t in tokens]
    strong = tuple(t for t in tokens if t not in WEAK)
    weak = tuple(t for t in tokens if t in WEAK)
    if not strong:  # a name made only of weak words: then they are what identifies it
        strong, weak = tuple(t for t in tokens if t not in STOP_WORDS) or tuple(tokens), ()
    return NormalizedName(name, tuple(tokens), strong, weak, transliterated, accents)


def _replace_phrases(tokens: list[str]) -> list[str]:
    if len(tokens) < 2:
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase, replacement in PHRASES:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                out.append(replacement)
                i += len(phrase)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _blocking_keys(tokens: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for token in tokens:
        if len(token) <= 4:
            keys.add(token)
            continue
        keys.add(token[:4])
        keys.add("$" + token[-4:])
        skeleton = _skeleton(token)
        if len(skeleton) >= 3:
            keys.add("~" + skeleton[:5])
    return keys


def _skeleton(token: str) -> str:
    out: list[str] = []
    for ch in token[0] + token[1:].translate(_VOWELS):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class PartyEntry:
    """One entry of a sanctions list."""

    id: str
    list: str
    names: tuple[str, ...]
    programmes: tuple[str, ...] = ()
    type: str = "entity"
    countries: tuple[str, ...] = ()
    dates_of_birth: tuple[str, ...] = ()
    remarks: str = ""
    source_url: str = ""

    @property
    def key(self) -> str:
        """``list:id``, unique across lists (what a cleared false positive names)."""
        return f"{self.list}:{self.id}"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PartyEntry:
        """Build an entry from its JSON form (as the feeds write it)."""
        return cls(
            id=str(data["id"]),
            list=str(data["list"]),
            names=tuple(str(n) for n in data.get("names", ()) if n),
            programmes=tuple(str(p) for p in data.get("programmes", ())),
            type=str(data.get("type", "entity")),
            countries=tuple(str(c).upper() for c in data.get("countries", ())),
            dates_of_birth=tuple(str(d) for d in data.get("dates_of_birth", ())),
            remarks=str(data.get("remarks", "")),
            source_url=str(data.get("source_url", "")),
        )


@dataclass(frozen=True)
class ClearedMatch:
    """A false positive that was checked and cleared: ``name`` is not ``entry``."""

    name: str
    entry: str
    """``list:id`` of the entry, e.g. ``ofac:15102``."""
    reason: str
    by: str
    date: str

    @property
    def pair(self) -> tuple[str, str]:
        """(normalised name, entry key): what is compared to suppress a match."""
        return normalize_name(self.name).key, self.entry


@dataclass(frozen=True)
class PartyMatch:
    """A list entry that a screened name matches, with the score and why."""

    entry_id: str
    list: str
    programmes: tuple[str, ...]
    matched_name: str
    score: float
    reason: str
    name: str
    """The entry's primary name."""
    type: str = "entity"
    countries: tuple[str, ...] = ()
    source_url: str = ""

    @property
    def key(self) -> str:
        """``list:id`` of the matched entry."""
        return f"{self.list}:{self.entry_id}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this match."""
        return {
            "entry_id": self.entry_id,
            "list": self.list,
            "key": self.key,
            "programmes": list(self.programmes),
            "matched_name": self.matched_name,
            "name": self.name,
            "score": self.score,
            "reason": self.reason,
            "type": self.type,
            "countries": list(self.countries),
            "source_url": self.source_url,
        }


@dataclass
class _Scored:
    score: float
    strong_score: float
    how: str
    """``equal``, ``subset``, ``partial`` or ``joined``: which rule gave the score."""
    extra: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str, float], ...] = ()


class _Vocabulary:
    """Distinct strings with a blocking index and, for each, the names that hold it."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.ids: dict[str, int] = {}
        self.postings: list[list[int]] = []
        self.index: dict[str, list[int]] = {}

    def add(self, text: str, n_index: int) -> None:
        found = self.ids.get(text)
        if found is None:
            found = self.ids[text] = len(self.strings)
            self.strings.append(text)
            self.postings.append([])
            for key in _blocking_keys((text,)):
                self.index.setdefault(key, []).append(found)
        posting = self.postings[found]
        if not posting or posting[-1] != n_index:
            posting.append(n_index)

    def similar(self, text: str, cutoff: float) -> list[tuple[float, int]]:
        """(similarity, string id) of the indexed strings sharing a key with ``text``."""
        ids: set[int] = set()
        for key in _blocking_keys((text,)):
            ids.update(self.index.get(key, ()))
        if not ids:
            return []
        return [
            (score, i)
            for _, score, i in process.extract(
                text,
                {i: self.strings[i] for i in ids},
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                limit=None,
            )
        ]


@dataclass
class PartyScreener(LazyIndex):
    """Screen names against sanctions list entries (see the module docstring).

    Pickled (by the library cache), the index is one block of bytes rebuilt on first use.
    """

    PUBLIC = ("files", "meta")

    entries: Iterable[Mapping[str, Any] | PartyEntry]
    cleared: Iterable[ClearedMatch] | None = None
    files: dict[str, str] = field(default_factory=dict)
    """Sanctions files loaded, name -> sha256 (for decision reports)."""
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per file: its provenance and cadence_days (for staleness warnings)."""

    def __post_init__(self) -> None:
        self._entries: list[PartyEntry] = [
            e if isinstance(e, PartyEntry) else PartyEntry.from_dict(e) for e in self.entries
        ]
        self._cleared: dict[tuple[str, str], ClearedMatch] = {
            c.pair: c for c in (self.cleared or ())
        }
        self._names: list[NormalizedName] = []
        self._owner: list[int] = []
        self._lengths: list[int] = []
        self._tokens = _Vocabulary()
        self._joined = _Vocabulary()
        seen: set[tuple[int, str]] = set()
        for e_index, entry in enumerate(self._entries):
            for raw in entry.names:
                norm = normalize_name(raw)
                if not norm.strong or (e_index, norm.key) in seen:
                    continue
                seen.add((e_index, norm.key))
                n_index = len(self._names)
                self._names.append(norm)
                self._owner.append(e_index)
                self._lengths.append(len(norm.strong))
                for token in dict.fromkeys(norm.strong):
                    self._tokens.add(token, n_index)
                self._joined.add(norm.joined, n_index)
        self.entries = self._entries  # the parsed entries, not the raw input kept twice

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def name_count(self) -> int:
        """How many distinct names (primary and aliases) are indexed."""
        return len(self._names)

    @property
    def lists(self) -> dict[str, int]:
        """Entries per list."""
        return dict(Counter(entry.list for entry in self._entries))

    def is_cleared(self, name: str, entry_key: str) -> ClearedMatch | None:
        """The clearance recorded for (``name``, ``entry_key``), if any."""
        return self._cleared.get((normalize_name(name).key, entry_key))

    def match(
        self, name: str, country: str | None = None, threshold: float = DEFAULT_THRESHOLD
    ) -> list[PartyMatch]:
        """Entries whose names match ``name`` at ``threshold`` (0-100) or above, best first.

        ``country`` (ISO alpha-2) adjusts the score a little when the listing names countries.
        Cleared (name, entry) pairs are never returned.
        """
        query = normalize_name(name)
        if not query.strong:
            return []
        country = country.strip().upper() if country else None
        best: dict[int, tuple[float, int, _Scored]] = {}
        for n_index in self._candidates(query, threshold):
            scored = _score(query, self._names[n_index])
            e_index = self._owner[n_index]
            total = scored.score + _country_adjustment(self._entries[e_index], country)
            total = max(0.0, min(100.0, total))
            if total < threshold:
                continue
            if e_index not in best or total > best[e_index][0]:
                best[e_index] = (total, n_index, scored)
        out: list[PartyMatch] = []
        for e_index, (total, n_index, scored) in best.items():
            entry = self._entries[e_index]
            if (query.key, entry.key) in self._cleared:
                continue
            matched = self._names[n_index]
            out.append(
                PartyMatch(
                    entry_id=entry.id,
                    list=entry.list,
                    programmes=entry.programmes,
                    matched_name=matched.raw,
                    score=round(total, 1),
                    reason=_reason(query, matched, scored, entry, country),
                    name=entry.names[0],
                    type=entry.type,
                    countries=entry.countries,
                    source_url=entry.source_url,
                )
            )
        out.sort(key=lambda m: (-m.score, m.list, m.entry_id))
        return out

    def _candidates(self, query: NormalizedName, threshold: float) -> list[int]:
        """The names whose score can reach ``threshold`` (an upper bound is checked)."""
        tokens = list(dict.fromkeys(query.strong))
        width = len(tokens)
        hits: dict[int, list[float]] = {}
        for position, token in enumerate(tokens):
            for similarity, token_id in self._tokens.similar(token, TOKEN_MATCH):
                for n_index in self._tokens.postings[token_id]:
                    row = hits.get(n_index)
                    if row is None:
                        row = hits[n_index] = [0.0] * (width + 1)
                    if similarity > row[position]:
                        row[position] = similarity
        cutoff = threshold - COUNTRY_BONUS
        for similarity, joined_id in self._joined.similar(query.joined, cutoff):
            for n_index in self._joined.postings[joined_id]:
                row = hits.get(n_index)
                if row is None:
                    row = hits[n_index] = [0.0] * (width + 1)
                row[width] = max(row[width], similarity)
        found: list[int] = []
        for n_index, row in hits.items():
            length = self._lengths[n_index]
            if length != width and row[width] >= cutoff:
                found.append(n_index)
                continue
            k, longest = min(width, length), max(width, length)
            best = sorted((x for x in row[:width] if x), reverse=True)[:k]
            bound = sum(best) / longest
            if len(best) == k and (k >= 2 or longest == 1):
                bound = sum(best) / k - EXTRA_TOKEN_PENALTY * (longest - k)
            if bound >= cutoff:
                found.append(n_index)
        return sorted(found)


def _score(query: NormalizedName, name: NormalizedName) -> _Scored:
    """Score two normalised names (see the module docstring)."""
    pairs, extra = _align(query.strong, name.strong)
    k = min(len(query.strong), len(name.strong))
    longest = max(len(query.strong), len(name.strong))
    similarities = [p[2] for p in pairs]
    if len(pairs) == k and (k >= 2 or longest == 1):
        value = sum(similarities) / k - EXTRA_TOKEN_PENALTY * (longest - k)
        result = _Scored(value, value, "subset" if extra else "equal", tuple(extra), tuple(pairs))
    else:
        value = sum(similarities) / longest
        result = _Scored(value, value, "partial", tuple(extra), tuple(pairs))
    if len(query.strong) != len(name.strong):
        joined = fuzz.ratio(query.joined, name.joined)
        if joined > result.score:
            result = _Scored(joined, joined, "joined")
    if query.weak and name.weak and set(query.weak) != set(name.weak):
        result.score -= WEAK_MISMATCH_PENALTY
    return result


def _align(
    a: tuple[str, ...], b: tuple[str, ...]
) -> tuple[list[tuple[str, str, float]], list[str]]:
    """Pair tokens of ``a`` with tokens of ``b`` (greedy, most similar first, >= TOKEN_MATCH).

    Returns the pairs (token of a, token of b, similarity) in the order of ``a`` and the tokens
    of the longer name left unpaired.
    """
    options = sorted(
        ((fuzz.ratio(s, t), i, j) for i, s in enumerate(a) for j, t in enumerate(b)), reverse=True
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, str, str, float]] = []
    for similarity, i, j in options:
        if similarity < TOKEN_MATCH:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, a[i], b[j], similarity))
    longer, used = (a, used_a) if len(a) > len(b) else (b, used_b)
    extra = [t for j, t in enumerate(longer) if j not in used]
    return [(x, y, s) for _, x, y, s in sorted(pairs)], extra


def _country_adjustment(entry: PartyEntry, country: str | None) -> float:
    if not country or not entry.countries:
        return 0.0
    return COUNTRY_BONUS if country in entry.countries else -COUNTRY_PENALTY


def _reason(
    query: NormalizedName,
    name: NormalizedName,
    scored: _Scored,
    entry: PartyEntry,
    country: str | None,
) -> str:
    parts: list[str] = []
    if name.raw != entry.names[0]:
        parts.append(f"matched alias {name.raw!r}")
    how = []
    if query.transliterated or name.transliterated:
        how.append("transliteration")
    if query.accents or name.accents:
        how.append("removing accents")
    qualifier = f" after {' and '.join(how)}" if how else ""
    if scored.how == "joined":
        parts.append(
            f"the names are {scored.strong_score:.0f}% similar{qualifier} with spaces "
            f"removed ({query.joined} ~ {name.joined})"
        )
    elif scored.how == "equal":
        order = "" if [p[1] for p in scored.pairs] == list(name.strong) else " (word order differs)"
        parts.append(f"all tokens match{qualifier}{order}")
    elif scored.how == "subset":
        longer = "listed name" if len(name.strong) > len(query.strong) else "screened name"
        parts.append(
            f"all tokens of the shorter name match{qualifier}; the {longer} has "
            f"{len(scored.extra)} more ({', '.join(scored.extra)})"
        )
    else:
        parts.append(
            f"{len(scored.pairs)} of {max(len(query.strong), len(name.strong))} tokens "
            f"match{qualifier}"
            + (f"; unmatched: {', '.join(scored.extra)}" if scored.extra else "")
        )
    fuzzy = [f"{q} ~ {n} ({s:.0f}%)" for q, n, s in scored.pairs if s < 100]
    if fuzzy:
        parts.append("spelling differs: " + ", ".join(fuzzy[:3]))
    forms = sorted((set(query.weak) | set(name.weak)) - STOP_WORDS)
    if forms:
        word = "word" if len(forms) == 1 else "words"
        penalty = (
            f" (they differ: -{WEAK_MISMATCH_PENALTY:g})"
            if query.weak and name.weak and set(query.weak) != set(name.weak)
            else ""
        )
        parts.append(f"legal-form {word} {', '.join(forms)} ignored{penalty}")
    if country and entry.countries:
        if country in entry.countries:
            parts.append(f"country {country} is on the listing (+{COUNTRY_BONUS:g})")
        else:
            parts.append(
                f"listing names {', '.join(entry.countries[:4])}, not {country} "
                f"(-{COUNTRY_PENALTY:g})"
            )
    return "; ".join(parts)


def load_cleared(path: Path) -> list[ClearedMatch]:
    """Read the allow-list of cleared false positives (YAML or JSON).

    The file holds ``cleared:`` (or a top-level list) of ``{name, entry, reason, by, date}``,
    ``entry`` being ``list:id`` (e.g. ``ofac:15102``). A problem raises PackError with the line.
    """
    loaded = load_yaml(path.read_text(encoding="utf-8"), str(path))
    data = loaded.data
    items = data.get("cleared") if isinstance(data, dict) else data
    if items is None:
        return []
    if not isinstance(items, list):
        raise PackError("expected a list under 'cleared'", file=str(path), line=1)
    out: list[ClearedMatch] = []
    top = ("cleared",) if isinstance(data, dict) else ()
    for i, item in enumerate(items):
        line = loaded.line_of((*top, i))
        if not isinstance(item, dict):
            raise PackError(f"cleared[{i}] must be a mapping", file=str(path), line=line)
        missing = [k for k in ("name", "entry", "reason", "by", "date") if not item.get(k)]
        if missing:
            raise PackError(
                f"cleared[{i}] is missing {', '.join(missing)}",
                file=str(path),
                line=line,
                hint="each clearance needs name, entry (list:id), reason, by and date",
            )
        entry = str(item["entry"])
        if ":" not in entry:
            raise PackError(
                f"cleared[{i}].entry {entry!r} must be list:id (e.g. ofac:15102)",
                file=str(path),
                line=loaded.line_of((*top, i, "entry")),
            )
        out.append(
            ClearedMatch(
                name=str(item["name"]),
                entry=entry,
                reason=str(item["reason"]),
                by=str(item["by"]),
                date=str(item["date"]),
            )
        )
    return out


CLEARED_FILES = ("cleared.yaml", "cleared.yml")
_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], PartyScreener | None]] = {}


def sanctions_dir(rules_dir: Path) -> Path:
    """Where the sanctions list files live under a rules directory."""
    return rules_dir / "data" / "sanctions"


def load_party_screener(rules_dir: Path) -> PartyScreener | None:
    """A screener over every ``rules/data/sanctions/*.json`` (None when there is none).

    The allow-list ``cleared.yaml`` beside them is applied. The result is cached until one of
    the files changes. A file that is not a valid list raises PackError naming it.
    """
    directory = sanctions_dir(rules_dir)
    if not directory.is_dir():
        return None
    files = sorted(p for p in directory.iterdir() if p.suffix == ".json" or p.name in CLEARED_FILES)
    current = stamp(files)
    cached = _cache.get(directory)
    if cached is not None and cached[0] == current:
        return cached[1]
    cleared = [c for p in files if p.name in CLEARED_FILES for c in load_cleared(p)]
    lists = read_list_files(
        [p for p in files if p.name not in CLEARED_FILES], _valid_entry, "id, list and names"
    )
    screener = (
        PartyScreener(lists.entries, cleared=cleared, files=lists.hashes, meta=lists.meta)
        if lists.hashes
        else None
    )
    _cache[directory] = (current, screener)
    return screener


def _valid_entry(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get("id") and entry.get("list") and isinstance(entry.get("names"), list))
