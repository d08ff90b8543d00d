"""Denied-party screening: matching a name against the sanctions lists, with the score explained.

The lists are the files the feeds write under ``rules/data/sanctions/`` (one per source, entries
``{id, list, programmes, type, names, countries, dates_of_birth, remarks, source_url}``). Every
name and alias of every entry is a name of its own; an alias string that joins several aliases
with ``;`` (as the UN list does) is split, and a name ending in a short form in brackets is
both names. A screened name ending in one is screened with and without it.

**Normalisation.** Unicode compatibility forms; other scripts transliterated to Latin and
accents removed (``unidecode``: Cyrillic, Arabic, Greek, Chinese...); case; punctuation
(``S.A.`` is ``SA``, ``D'S`` is ``DS``, ``AL-RAHMAN`` is ``AL RAHMAN``). Legal forms are
recognised in every language ``cleanco`` knows (its table of terms, at the end of the name, plus
:data:`LEGAL_FORMS` anywhere and the multi-word :data:`PHRASES`) and ignored; stop words too.

**Name parts.** The remaining tokens are the name parts. Each carries a *weight*, how much it
says about who the party is: its inverse document frequency over the entries of every loaded
list (1 for a part of one entry, near 0 for a part of every entry: MOHAMMED says little,
KHOROSHEV a lot), times a length factor (a one-letter initial weighs little), times
:data:`PARTICLE_FACTOR` for the particles AL, EL, BIN, IBN, DE, VAN... and
:data:`GENERIC_FACTOR` for generic trade words (TRADING, IMPORT, EXPORT, INTERNATIONAL, GROUP,
HOLDING..., misspelt ones too). The frequency is counted per spelling group, so YUSUF and
YOUSSEF share it.

**Pairing parts.** The parts of the screened name and of a listed name are paired, each part at
most once, best pairs first, whatever the word order. A pair is ``exact``; a ``variant``
(:data:`VARIANTS`, a table of known transliteration variants: YUSUF/YOUSEF/YOUSSEF,
OMAR/UMAR, MOHAMMED/MUHAMMAD/MOHAMAD, ABDUL/ABDEL, AL/EL...); ``phonetic`` (the same Metaphone
code, ``jellyfish``, or the same consonant skeleton, at least :data:`PHONETIC_MIN_RATIO` alike
as strings; a part without vowels, from Arabic or Hebrew script, pairs by its consonants:
``MHMD`` and ``MUHAMMAD``); or ``fuzzy`` (within :func:`allowed_edits` edits, rapidfuzz's
Damerau-Levenshtein: KHOROSHEW ~ KHOROSHEV). Their similarities are 1, :data:`VARIANT_SIM`,
:data:`PHONETIC_SIM` (:data:`ABJAD_SIM`) and 1 less :data:`FUZZY_EDIT_COST` per edit per letter.
Two parts of different variant groups never pair (KHALID is not KHALIL).

**Score, 0-100.** The weighted share of the screened name that the pairs explain (each pair
weighs the lesser weight of its two parts; an unpaired part of the screened name counts in full
against), less up to :data:`EXTRA_PENALTY` points for the share of the listed name's weight left
unpaired (a missing middle name costs a few points). Then:

* *containment* - when the listed name has informative parts that are not in the screened name
  (or the screened name's only informative part pairs less than :data:`LONE_MIN_RATIO` alike),
  the screened name must carry enough information of its own: the weight of its paired
  ordinary parts must reach :data:`INFO_FULL`, else the score is scaled down in proportion. So
  "Mohammed Ali" does not block on "MOHAMMED ALI HASSAN AL-MAJID", while "Dmitry Khoroshev"
  still blocks on "KHOROSHEV, Dmitry Yuryevich";
* *generic words* - when no ordinary part (neither particle nor generic word) is paired, the
  score is at most :data:`GENERIC_CAP` unless the two names are equal: legal-form and generic
  trade words never carry a match;
* *joined* - names with a different number of parts are also compared with their parts
  concatenated (``BELKAPSTEEL`` is ``BEL-KAP-STEEL``, ``ABDULRAHMAN`` is ``ABDUL RAHMAN``);
  within :data:`JOINED_EDITS` edit that is a score of its own, the better one is kept.

**Evidence** (:class:`PartyEvidence`), used only when both sides have it: a date of birth that
agrees adds :data:`DOB_BONUS` (year only: :data:`DOB_YEAR_BONUS`), one that conflicts (no listed
year within one year) takes :data:`DOB_CONFLICT`; a nationality on the listing adds
:data:`NATIONALITY_BONUS`, one that is not takes :data:`NATIONALITY_CONFLICT`; an identifier
(passport, registration, tax number) found in the listing adds :data:`ID_BONUS`. The address
country adds :data:`COUNTRY_BONUS` when it is on the listing and takes nothing when it is not:
shipping to a third country is how screening is evaded, so a buyer's country alone never
pushes a real match under the block line.

**Scale and thresholds.** Scores and thresholds are on one scale, 0-100; the default threshold
is :data:`DEFAULT_THRESHOLD` (each ``denied_party`` condition of a pack sets its own, checked at
pack load by the schema).

**Speed.** Candidates are found through the parts: each part of the screened name is looked up
(exact, variant group, phonetic code, and fuzzy among the parts sharing a blocking key); the
names holding those parts get the sum of the paired weights, which bounds their score, and only
names whose bound reaches the threshold, at most :data:`MAX_CANDIDATES` of them, are scored.
Particles and generic words never find candidates, and only the most informative parts do
(prefix filtering: a name holding none of them cannot reach the threshold); the other parts
only add to the names found. The index is built once per set of lists and kept
on disk, keyed by the lists' content hash (:func:`load_party_screener`), as MessagePack: plain
data, never executable, checked by its SHA-256 before use.

A false positive that was checked and cleared is recorded in ``rules/data/sanctions/cleared.yaml``
(name, entry, reason, by, date); that (name, entry) pair is not returned again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import importlib.metadata
import math
import os
import re
import sys
import tempfile
import threading
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import jellyfish
import msgpack
from cleanco.clean import prepare_default_terms
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from unidecode import unidecode

from clearance.engine.conditions import DEFAULT_PARTY_THRESHOLD
from clearance.engine.errors import PackError
from clearance.engine.listfiles import read_list_files, stamp
from clearance.engine.yamlsafe import load_yaml

DEFAULT_THRESHOLD = DEFAULT_PARTY_THRESHOLD
"""Score (0-100) at or above which a name matches, when a caller or a rule gives none (90)."""
MIN_THRESHOLD = 0.0
MAX_THRESHOLD = 100.0

FUZZY_EDIT_COST = 0.6
"""A fuzzy pair's similarity is 1 less this times the edits per letter (one edit in KHOROSHEV:
0.93); parts pair within :func:`allowed_edits` edits (Damerau-Levenshtein, rapidfuzz OSA)."""
VARIANT_SIM = 0.97
PHONETIC_SIM = (0.85, 0.95)
"""Similarity of a phonetic pair: from the first value, for parts as different as
:data:`PHONETIC_MIN_RATIO` allows, to the second, for parts almost equal as strings."""
PHONETIC_MIN_RATIO = 55.0
"""Two parts with the same phonetic code pair only when at least this similar as strings
(rapidfuzz ratio) and at least :data:`PHONETIC_MIN_LENGTH` letters long."""
PHONETIC_MIN_LENGTH = 4
ABJAD_SIM = 0.92
"""Similarity of a part spelt without vowels (from Arabic or Hebrew script) and a listed part
with the same consonants (MHMD and MUHAMMAD)."""
JOINED_MATCH = 90.0
"""rapidfuzz ratio at which a concatenated name is a candidate for the joined comparison."""
JOINED_EDITS = 1
"""Edits the concatenations may differ by (beyond spaces and punctuation) to score as one."""
EXTRA_PENALTY = 16.0
"""Points taken at most for the listed name's weight left unpaired."""
INFO_FULL = 1.3
"""Paired weight (of ordinary parts) a screened name needs to match a longer listed name in
full; one rare part weighs about 1, a common first name 0.3-0.5."""
GENERIC_CAP = 60.0
LONE_MIN_RATIO = 72.0
"""A screened name whose only paired ordinary part is less similar than this (rapidfuzz
ratio: TESCO and TASCA are 60) must carry :data:`INFO_FULL` as a longer one must."""
PARTICLE_FACTOR = 0.1
GENERIC_FACTOR = 0.2
MAX_CANDIDATES = 24

COUNTRY_BONUS = 2.0
NATIONALITY_BONUS = 3.0
NATIONALITY_CONFLICT = 5.0
DOB_BONUS = 6.0
DOB_YEAR_BONUS = 3.0
DOB_CONFLICT = 12.0
ID_BONUS = 10.0

INDEX_VERSION = 1
"""Version of the index layout and of the scoring data it holds; a cached index of another
version is rebuilt."""

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
    "PLC": "PLC",
    "SARL": "SARL",
    "SRL": "SRL",
    "SPA": "SPA",
    "BV": "BV",
    "NV": "NV",
    "AG": "AG",
    "OYJ": "OYJ",
    "APS": "APS",
    "OOO": "OOO",
    "ZAO": "ZAO",
    "OAO": "OAO",
    "PAO": "PAO",
    "JSC": "JSC",
    "OJSC": "OJSC",
    "CJSC": "CJSC",
    "PJSC": "PJSC",
    "PTE": "PTE",
    "PTY": "PTY",
    "PVT": "PVT",
    "SRO": "SRO",
    "KFT": "KFT",
    "ZRT": "ZRT",
    "SPZOO": "SPZOO",
    "FZE": "FZE",
    "FZCO": "FZCO",
    "FZC": "FZC",
    "FZLLC": "FZLLC",
    "LLLP": "LLLP",
    "BHD": "BHD",
    "TBK": "TBK",
    "EOOD": "EOOD",
    "LTDA": "LTDA",
}
"""Legal-form words recognised anywhere in a name, and their canonical spelling."""
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
    (("SDN", "BHD"), "BHD"),
    (("FZ", "LLC"), "FZLLC"),
)
STOP_WORDS = frozenset({"THE", "OF", "AND", "FOR"})
PARTICLES = frozenset(
    {
        "AL", "EL", "UL", "UD", "AS", "ASH", "AD", "AR", "AZ", "AN", "ET", "ES",
        "BIN", "BEN", "IBN", "BINT", "BINTI", "BINTE", "BN", "B",
        "DE", "DA", "DI", "DO", "DOS", "DAS", "DEL", "DELLA", "DER", "DEN", "DU", "LA", "LE",
        "VAN", "VON", "Y", "E", "MC", "MAC", "O",
    }
)  # fmt: skip
"""Particles of personal names: they may be paired but weigh little and find no candidates.
(ABU and UMM are not: "Abu Maryam", father of Maryam, is not Maryam.)"""
GENERIC = frozenset(
    {
        "TRADING", "TRADE", "TRADERS", "TRADER", "TRADES", "IMPORT", "IMPORTS", "EXPORT",
        "EXPORTS", "IMPEX", "IMPORTING", "EXPORTING", "INTERNATIONAL", "INTL", "INT", "GLOBAL",
        "WORLDWIDE", "WORLD", "GROUP", "GRP", "HOLDING", "HOLDINGS", "COMPANY", "COMPANIES",
        "ENTERPRISE", "ENTERPRISES", "INDUSTRIES", "INDUSTRY", "INDUSTRIAL", "SERVICES",
        "SERVICE", "SOLUTIONS", "GENERAL", "COMMERCIAL", "COMMERCE", "CORPORATION", "BUSINESS",
        "PARTNERS", "ASSOCIATES", "VENTURES", "INVESTMENT", "INVESTMENTS", "CAPITAL",
        "MANAGEMENT", "DEVELOPMENT", "TECHNOLOGY", "TECHNOLOGIES", "TECH", "SYSTEMS",
        "LOGISTICS", "SHIPPING", "TRANSPORT", "CONSULTING", "DISTRIBUTION", "DISTRIBUTORS",
        "SUPPLY", "SUPPLIES", "SUPPLIERS", "PRODUCTS", "MANUFACTURING", "EQUIPMENT", "AGENCY",
        "AGENCIES", "CENTER", "CENTRE", "HOUSE", "STORE", "STORES", "SHOP", "MARKET", "EST",
        "ESTABLISHMENT", "FIRM", "BRANCH", "OFFICE", "GOODS", "ELECTRONICS", "MACHINERY",
        "ENGINEERING", "CONSTRUCTION", "MARINE", "ENERGY", "METALS", "CHEMICALS", "AIR",
        "AIRLINES", "AIRLINE", "AIRWAYS", "AVIATION", "BANK", "INSURANCE", "FOUNDATION",
        "NETWORK",
    }
)  # fmt: skip
"""Generic trade words: they may be paired but weigh little and never carry a match alone (a
misspelling of one, within one edit less than :func:`allowed_edits`, is one too)."""
GENERIC_LIST = sorted(GENERIC)
VARIANTS: tuple[tuple[str, ...], ...] = (
    ("MOHAMMED", "MOHAMMAD", "MOHAMED", "MOHAMAD", "MUHAMMAD", "MUHAMMED", "MUHAMAD", "MUHAMED",
     "MOHAMMAD", "MOUHAMAD", "MOUHAMMAD", "MOUHAMED", "MOHD", "MOHAMMEDI", "MAHOMED", "MEHMET",
     "MEHMED", "MUHAMMET", "MAHAMAT", "MOHAMMADI", "MUHAMMADI"),
    ("YUSUF", "YOUSEF", "YOUSSEF", "YOUSIF", "YUSEF", "YOSEF", "YOUSUF", "YUSSUF", "YOUSSOUF",
     "YUSOF", "YOUSOF", "YUSIF"),
    ("OMAR", "UMAR", "OMER", "UMER", "OMAAR", "UMMAR"),
    ("ABDUL", "ABDEL", "ABDOUL", "ABDOL", "ABDUL", "ABDAL", "ABDULL", "ABD"),
    ("ABDULLAH", "ABDALLAH", "ABDULLA", "ABDALLA", "ABDELLAH", "ABDULAH", "ABDOULLAH"),
    ("AL", "EL", "UL", "AS", "ASH", "AD", "AR", "AZ", "AN", "ET", "ES"),
    ("BIN", "BEN", "IBN", "BN", "B"),
    ("ABU", "ABOU", "ABO"),
    ("HUSSEIN", "HUSSAIN", "HUSAIN", "HUSEIN", "HOSSEIN", "HOSEIN", "HUSAYN", "HUSSEYN",
     "HOUSSEIN", "HUSEYN", "HOSSAIN"),
    ("HASSAN", "HASAN", "HASSEN", "HASSANE"),
    ("AHMED", "AHMAD", "AHMET", "AHMMED"),
    ("MAHMOUD", "MAHMUD", "MAHMOOD", "MEHMOOD", "MAHMUT"),
    ("MUSTAFA", "MOSTAFA", "MUSTAPHA", "MOUSTAFA", "MOSTAPHA", "MUSTAFAH"),
    ("IBRAHIM", "IBRAHEEM", "EBRAHIM", "IBRAGIM", "EBRAHEEM", "IBRAHIMA"),
    ("ISMAIL", "ISMAEL", "ESMAIL", "ISMAYIL", "ISMAIEL", "ESMAEIL"),
    ("KHALID", "KHALED", "KHALEED", "HALID"),
    ("SAID", "SAEED", "SAYED", "SAYYID", "SAYYED", "SAEID", "SAYID", "SAYEED"),
    ("ALI", "ALY", "ALIY"),
    ("OSAMA", "USAMA", "OUSSAMA", "USAAMA", "OSSAMA"),
    ("YASIN", "YASSIN", "YASEEN", "YASINE", "YACINE"),
    ("HAMID", "HAMEED", "HAMED"),
    ("RAHMAN", "REHMAN", "RAHMANE", "RAHMAAN"),
    ("RAHIM", "RAHEEM", "REHIM"),
    ("NASSER", "NASIR", "NASER", "NASEER", "NACER"),
    ("JAMAL", "GAMAL", "DJAMEL", "JAMEL", "JAMAAL"),
    ("QASIM", "KASIM", "QASEM", "KASSEM", "GASIM", "QASSIM", "KACEM", "QACEM"),
    ("KHALIL", "HALIL", "KHALEEL"),
    ("SALEH", "SALIH", "SALEEH"),
    ("MUSA", "MOUSSA", "MOUSA", "MOOSA"),
    ("ISA", "ESSA", "EISA", "AISSA"),
    ("YAHYA", "YEHIA", "YAHIA", "YEHYA"),
    ("ZAKARIA", "ZAKARIYA", "ZAKARIYYA", "ZAKARIYA", "ZAKARIYAH"),
    ("ABBAS", "ABAS"),
    ("JAFAR", "JAAFAR", "DJAFAR", "JAFFAR"),
    ("OTHMAN", "USMAN", "OSMAN", "UTHMAN", "OTHMANE"),
    ("MANSOUR", "MANSUR", "MANSOOR"),
    ("SULEIMAN", "SULAIMAN", "SULEYMAN", "SOULEYMANE", "SLIMANE", "SULAYMAN"),
    ("YOUNIS", "YUNUS", "YOUNES", "YOUNESS", "YUNIS"),
    ("ALEKSANDR", "ALEXANDER", "ALEKSANDER", "ALEXANDR", "OLEKSANDR"),
    ("SERGEI", "SERGEY", "SERGII", "SERHII", "SERHIY", "SERGIY"),
    ("YURI", "YURIY", "IURII", "YURY", "IURI", "YURIJ"),
    ("DMITRY", "DMITRI", "DMITRII", "DMITRIY", "DMYTRO"),
    ("ALEKSEI", "ALEXEY", "ALEKSEY", "ALEXEI", "OLEKSII", "ALEKSEJ"),
    ("EVGENY", "YEVGENY", "EVGENII", "YEVGENIY", "EVGENIY", "YEVHEN", "IEVGEN", "EUGENE"),
    ("NIKOLAI", "NIKOLAY", "MYKOLA", "NICOLAI"),
    ("VIKTOR", "VICTOR"),
    ("ANDREI", "ANDREY", "ANDRII", "ANDRIY", "ANDREJ"),
    ("MIKHAIL", "MIKHAYLO", "MYKHAILO", "MIHAIL"),
    ("VLADIMIR", "VOLODYMYR", "WLADIMIR"),
    ("YURYEVICH", "YURIEVICH", "IURIEVICH", "YURIYEVICH", "YURIEVITCH"),
    ("JONG", "CHONG", "JEONG"),
    ("UN", "EUN"),
    ("KIM", "GIM"),
    ("RI", "LI", "YI", "RHEE", "LEE"),
    ("CHOL", "CHUL", "CHEOL"),
    ("SONG", "SUNG", "SEONG"),
    ("PAK", "BAK", "PARK"),
    ("YONG", "RYONG", "RYEONG", "YEONG"),
    ("CHON", "JON", "JEON"),
    ("HAJI", "HAJJI", "HADJI", "HADJ", "HAJ"),
    ("AMIR", "AMEER", "EMIR"),
)  # fmt: skip
"""Known spelling variants of name parts (transliterations of the same name)."""

_DOTTED = re.compile(r"\b(?:[A-Z]\.)+[A-Z]\b\.?")
_APOSTROPHE = re.compile(r"['’`´ʻʼ]")
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_VOWELS = str.maketrans("", "", "AEIOUYH")
_SOUNDS = (("PH", "F"), ("KH", "K"), ("GH", "G"), ("DH", "D"), ("TH", "T"), ("CH", "X"),
           ("SH", "X"), ("CK", "K"), ("Q", "K"), ("C", "K"), ("W", "V"))  # fmt: skip
_LEGAL_WORDS = ("COMPANY", "LIMITED", "CORPORATION", "INCORPORATED")
"""Legal-form words also recognised misspelt (COMPANI, LIMIITED, CORPONATION)."""
_PAREN = re.compile(r"(.*[^\s(])\s*\(([^()]+)\)")
_TRAILING_GROUP = re.compile(r"\(([^()]*)\)?\s*$")
_STRAY_BRACKETS = re.compile(r"[()]")
_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9./&-]{1,9}")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)-(\d\d)-(\d\d)\b")
_ID_CANDIDATE = re.compile(r"[A-Z0-9][A-Z0-9./-]{3,30}[A-Z0-9]")

_VARIANT_OF: dict[str, str] = {}
for _group in VARIANTS:
    for _spelling in _group:
        _VARIANT_OF.setdefault(_spelling, _group[0])


_NAME_LIKE_FORMS = frozenset({"TEO", "ONG", "SHA", "SIA", "SAL", "SEM", "SES", "ANS", "ENT", "DAT"})
"""cleanco's legal forms that are also common name parts (Chinese, Arabic, Latin names)."""
_SHORT_FORMS = frozenset(
    {"SA", "AG", "AB", "AS", "BV", "NV", "OY", "KG", "KK", "SL", "LP", "GP", "CV", "SE", "AE",
     "SC", "OU", "KS", "KB", "HB", "EV", "EG", "PC"}
)  # fmt: skip
"""The two-letter legal forms of cleanco that end a company name (others, DA or DE, are name
particles there too)."""


def _cleanco_tails() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """cleanco's legal forms of every language: single words and multi-word forms."""
    single: set[str] = set()
    multi: set[tuple[str, ...]] = set()
    for _, parts in prepare_default_terms():
        words = tuple(w for w in (_NON_ALNUM.sub("", unidecode(p).upper()) for p in parts) if w)
        if len(words) == 1:
            if (len(words[0]) >= 3 and words[0] not in _NAME_LIKE_FORMS) or words[
                0
            ] in _SHORT_FORMS:
                single.add(words[0])
        elif len(words) > 1:
            multi.add(words)
    return frozenset(single), tuple(sorted(multi, key=len, reverse=True))


_TAIL_WORDS, _TAIL_PHRASES = _cleanco_tails()


@dataclass(frozen=True)
class NormalizedName:
    """A name ready for comparison: its name parts, the words ignored, what normalising did."""

    raw: str
    tokens: tuple[str, ...]
    strong: tuple[str, ...]
    """The name parts compared (ordinary parts, particles and generic words)."""
    weak: tuple[str, ...]
    """Legal forms (canonical spelling) and stop words: ignored."""
    transliterated: bool
    accents: bool

    @property
    def joined(self) -> str:
        """The name parts concatenated without spaces, in their order."""
        return "".join(self.strong)

    @property
    def key(self) -> str:
        """The name parts sorted and joined: equal keys mean the same name."""
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
    tokens = _replace_phrases(_NON_ALNUM.sub(" ", upper).split())
    tokens = [LEGAL_FORMS.get(t, t) or t for t in (_legal_spelling(t) for t in tokens)]
    legal = [t in LEGAL_FORMS.values() or t in STOP_WORDS for t in tokens]
    _mark_tail(tokens, legal)
    strong = tuple(t for t, w in zip(tokens, legal, strict=True) if not w)
    weak = tuple(t for t, w in zip(tokens, legal, strict=True) if w)
    if not strong:  # a name made only of weak words: then they are what identifies it
        strong, weak = tuple(t for t in tokens if t not in STOP_WORDS) or tuple(tokens), ()
    return NormalizedName(name, tuple(tokens), strong, weak, transliterated, accents)


@functools.lru_cache(maxsize=65536)
def _legal_spelling(token: str) -> str:
    """``COMPANY`` for COMPANI or COMANY (a misspelt legal-form word), else the token."""
    if len(token) < 6 or token in LEGAL_FORMS:
        return token
    found = process.extractOne(
        token, _LEGAL_WORDS, scorer=OSA.distance, score_cutoff=allowed_edits(len(token))
    )
    return found[0] if found is not None else token


def _mark_tail(tokens: list[str], legal: list[bool]) -> None:
    """Mark cleanco's legal forms at the end of the name (they are words elsewhere: DA, ONG)."""
    end = len(tokens)
    while end > 1:
        while end > 1 and legal[end - 1]:
            end -= 1
        for phrase in _TAIL_PHRASES:
            n = len(phrase)
            if n < end and tuple(tokens[end - n : end]) == phrase:
                for i in range(end - n, end):
                    legal[i] = True
                end -= n
                break
        else:
            if end > 1 and tokens[end - 1] in _TAIL_WORDS:
                legal[end - 1] = True
                end -= 1
                continue
            return


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


def split_aliases(names: Iterable[str]) -> list[str]:
    """Every name of an entry on its own: alias strings joined with ``;`` are split, and what a
    name ends with in brackets is dropped from it, and is a name too when it is the name in its
    original script (``(original script: ...)``, or in another script than the name) or an
    acronym of it (``GREAT LAKES BUSINESS COMPANY (GLBC)``); other remarks in brackets (``(KENYA)``,
    ``(COMBAT NAME)``, ``(previously listed as)``) are not names."""
    out: list[str] = []
    for name in names:
        for part in str(name).split(";"):
            for form in _bracket_forms(part):
                if form and form not in out:
                    out.append(form)
    return out


def _bracket_forms(text: str) -> list[str]:
    text = text.strip()
    groups: list[tuple[str, bool]] = []
    while True:  # peel the trailing groups, closed or not: "NAME (HTS) (original"
        found = _TRAILING_GROUP.search(text)
        if found is None or found.start() == 0:
            break
        groups.append((found.group(1).strip(), found.group(0).rstrip().endswith(")")))
        text = text[: found.start()].strip()
    if text.startswith("(") and ")" not in text:  # "(Hassan Ghul" of a split alias list
        text = text[1:]
    text = " ".join(_STRAY_BRACKETS.sub(" ", text).split())
    out = [text] if text else []
    for group, closed in reversed(groups):
        # an unclosed group began a list of aliases split at ";": "NAME (ALIAS; ALIAS)"
        alias = _bracketed_alias(group, text) if closed else group
        if alias:
            out.append(alias)
    return out


def _other_script(text: str) -> bool:
    """Mostly letters that are not ASCII (Arabic, Cyrillic, Chinese...)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(not ch.isascii() for ch in letters) * 2 > len(letters)


def _bracketed_alias(group: str, base: str) -> str | None:
    """The name a bracketed group of ``base`` holds, or None when it is a remark."""
    if group.lower().startswith("original script:"):
        return group.split(":", 1)[1].strip() or None
    if _other_script(group) != _other_script(base):  # the name in another script, or its
        return group  # transliteration beside a name in Arabic or Cyrillic letters
    first = next((ch for ch in unidecode(base).upper() if ch.isalnum()), "")
    if _ACRONYM.fullmatch(group) and group[0] == first:
        return group
    return None


def _short_edit_ok(token: str, other: str) -> bool:
    """Short parts a letter apart are mostly other names (LIM and KIM, YANG and KANG, SOO and
    SOK): up to four letters the first letter must agree, up to three only a letter added or
    dropped counts (RAB and ARAB, HAD and HADI)."""
    shorter = min(len(token), len(other))
    if shorter <= 3:
        return len(token) != len(other)
    return shorter > 4 or token[0] == other[0]


def _known_apart(canon: str | None, other: str) -> bool:
    """Both parts are in :data:`VARIANTS`, in different groups: different names (KHALID and
    KHALIL, HUSSEIN and HASSAN), however alike they look or sound."""
    found = _VARIANT_OF.get(other)
    return canon is not None and found is not None and found != canon


def canonical_part(token: str) -> str:
    """The spelling group of a name part (its first spelling in :data:`VARIANTS`), or itself."""
    return _VARIANT_OF.get(token, token)


def skeleton(token: str) -> str:
    """Consonant skeleton: PH is F, KH is K, SH and CH are X, Q and C are K, W is V; vowels and
    H dropped, doubled letters once, a leading vowel kept as ``_`` (``MUHAMMAD`` and ``MHMD``
    are ``MMD``; ``OMAR`` and ``UMAR`` are ``_MR``)."""
    head = "_" if token[:1] in "AEIOU" else ""
    for old, new in _SOUNDS:
        token = token.replace(old, new)
    out: list[str] = []
    for ch in token.translate(_VOWELS):
        if not out or out[-1] != ch:
            out.append(ch)
    return head + "".join(out)


def _abjad(token: str) -> str:
    """The consonants an abjad (Arabic, Hebrew) spelling keeps: W, Y and H, which also write
    vowels there, dropped after the first letter (``YUSUF`` and ``YWSF`` are ``YSF``)."""
    for old, new in _SOUNDS:
        token = token.replace(old, new)
    out: list[str] = []
    for i, ch in enumerate(token):
        if ch in "AEIOU" or (i and ch in "WVYH"):
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def phonetic_keys(token: str) -> tuple[str, ...]:
    """The phonetic codes of a name part: Metaphone and the consonant skeleton."""
    if token.isdigit():
        return ()
    if not any(v in token for v in "AEIOU"):  # abjad spelling (Arabic, Hebrew script)
        consonants = _abjad(token)
        return ("k" + consonants,) if len(consonants) >= 2 else ()
    if len(token) < 3:
        return ()
    keys = ["s" + skeleton(token)]
    with contextlib.suppress(Exception):  # jellyfish refuses some inputs; the skeleton stays
        keys.append("m" + jellyfish.metaphone(token))
    keys = [k for k in keys if len(k) >= 3]
    consonants = _abjad(token)
    if len(consonants) >= 2:  # what an abjad spelling of it would be
        keys.append("k" + consonants)
    return tuple(keys)


def _blocking_keys(token: str) -> list[str]:
    """Keys that parts within :func:`allowed_edits` of each other share: for short parts each
    spelling less one letter (PEER and PETER share PEER), for longer ones the first and last
    three letters and the start of the consonant skeleton."""
    if len(token) <= 6:
        keys = {token, *(token[:i] + token[i + 1 :] for i in range(len(token)))}
        if len(token) <= 4:
            return sorted(keys)
    else:
        keys = set()
    keys.update((token[:3], "$" + token[-3:]))
    sk = skeleton(token)
    if len(sk) >= 3:
        keys.add("~" + sk[:4])
    return sorted(keys)


def allowed_edits(length: int) -> int:
    """Edits a fuzzy pair may have: none up to 2 letters, 1 up to 7, 2 up to 11, else 3."""
    return 0 if length <= 2 else 1 if length <= 7 else 2 if length <= 11 else 3


@functools.lru_cache(maxsize=65536)
def _near_generic(token: str) -> bool:
    if token in GENERIC:
        return True
    if len(token) < 6:
        return False
    found = process.extractOne(
        token, GENERIC_LIST, scorer=OSA.distance, score_cutoff=allowed_edits(len(token)) - 1
    )
    return found is not None


def _kind_factor(token: str) -> float:
    if token in PARTICLES:
        return PARTICLE_FACTOR
    if _near_generic(token):
        return GENERIC_FACTOR
    return 1.0


def _length_factor(token: str) -> float:
    return (0.25, 0.6, 0.85)[len(token) - 1] if len(token) < 4 else 1.0


def _ordinary(token: str) -> bool:
    return token not in PARTICLES and not _near_generic(token)


def normalize_id(value: str) -> str:
    """An identifier compared without case, spaces and punctuation."""
    return _NON_ALNUM.sub("", unidecode(value).upper())


def _identifiers_in(remarks: str) -> list[str]:
    """Identifier-like strings of a listing's remarks (passport, registration, tax numbers)."""
    found = []
    for m in _ID_CANDIDATE.finditer(unidecode(remarks).upper()):
        value = normalize_id(m.group(0))
        if len(value) >= 5 and sum(c.isdigit() for c in value) >= 4:
            found.append(value)
    return list(dict.fromkeys(found))


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
    nationalities: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """``list:id``, unique across lists (what a cleared false positive names)."""
        return f"{self.list}:{self.id}"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PartyEntry:
        """Build an entry from its JSON form (as the feeds write it)."""
        remarks = str(data.get("remarks", "") or "")
        given_ids = [normalize_id(str(i)) for i in data.get("identifiers", ()) or ()]
        return cls(
            id=str(data["id"]),
            list=str(data["list"]),
            names=tuple(split_aliases(str(n) for n in data.get("names", ()) if n)),
            programmes=tuple(str(p) for p in data.get("programmes", ())),
            type=str(data.get("type", "entity")),
            countries=tuple(str(c).upper() for c in data.get("countries", ())),
            dates_of_birth=tuple(str(d) for d in data.get("dates_of_birth", ())),
            remarks=remarks,
            source_url=str(data.get("source_url", "")),
            nationalities=tuple(str(c).upper() for c in data.get("nationalities", ()) or ()),
            identifiers=tuple(dict.fromkeys([*given_ids, *_identifiers_in(remarks)])),
        )

    def row(self) -> tuple[Any, ...]:
        """The fields in order (what :meth:`from_row` reads; the cached index keeps these)."""
        return tuple(getattr(self, f) for f in _ENTRY_FIELDS)

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> PartyEntry:
        """The entry :meth:`row` gave; ValueError when ``row`` is not one."""
        if len(row) != len(_ENTRY_FIELDS) or not isinstance(row[0], str):
            raise ValueError("not a party index: an entry is not a row of its fields")
        return cls(*row)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this entry (what :meth:`from_dict` reads)."""
        return {
            "id": self.id,
            "list": self.list,
            "names": list(self.names),
            "programmes": list(self.programmes),
            "type": self.type,
            "countries": list(self.countries),
            "dates_of_birth": list(self.dates_of_birth),
            "remarks": self.remarks,
            "source_url": self.source_url,
            "nationalities": list(self.nationalities),
            "identifiers": list(self.identifiers),
        }


_ENTRY_FIELDS = tuple(f.name for f in fields(PartyEntry))


@dataclass(frozen=True)
class PartyEvidence:
    """What is known of a screened party besides its name (each item optional).

    ``country``: the address country (agreement raises the score, a different one changes
    nothing); ``nationality``: ISO alpha-2; ``date_of_birth``: ``YYYY`` or ``YYYY-MM-DD``;
    ``identifiers``: passport, registration or tax numbers.
    """

    country: str | None = None
    nationality: str | None = None
    date_of_birth: str | None = None
    identifiers: tuple[str, ...] = ()

    def most(self) -> float:
        """The most this evidence can add to a score."""
        out = COUNTRY_BONUS if self.country else 0.0
        out += NATIONALITY_BONUS if self.nationality else 0.0
        out += DOB_BONUS if self.date_of_birth else 0.0
        return out + (ID_BONUS if self.identifiers else 0.0)


@dataclass(frozen=True)
class ClearedMatch:
    """A false positive that was checked and cleared: ``name`` is not ``entry``."""

    name: str
    entry: str
    """``list:id`` of the entry, e.g. ``ofac:15102``."""
    reason: str
    by: str
    date: str
    """When it was cleared (YYYY-MM-DD)."""
    until: str
    """The last day the clearance holds (YYYY-MM-DD); after it the hit is reported again."""

    def holds(self, on: dt.date | None) -> bool:
        """True on and before ``until`` (always, when no date is given)."""
        return on is None or on.isoformat() <= self.until

    def to_dict(self) -> dict[str, str]:
        """The clearance as it is shown with the hit it suppressed."""
        return dict(self.__dict__)

    @property
    def pair(self) -> tuple[str, str]:
        """(normalised name, entry key): what is compared to suppress a match."""
        return normalize_name(self.name).key, self.entry


@dataclass(frozen=True)
class PartPair:
    """How one part of the screened name was paired with one part of the listed name."""

    query: str
    listed: str
    how: str
    """``exact``, ``variant``, ``phonetic`` or ``fuzzy``."""
    similarity: float
    """0-100."""
    weight: float
    """How informative the part is (about 1 for a rare part, near 0 for a particle)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this pair."""
        return {
            "query": self.query,
            "listed": self.listed,
            "how": self.how,
            "similarity": round(self.similarity, 1),
            "weight": round(self.weight, 2),
        }


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
    name_score: float = 0.0
    """The score of the names alone, before the evidence."""
    parts: tuple[PartPair, ...] = ()
    unmatched_query: tuple[str, ...] = ()
    unmatched_listed: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    """What the date of birth, nationality, country and identifiers did to the score."""

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
            "name_score": self.name_score,
            "reason": self.reason,
            "parts": [p.to_dict() for p in self.parts],
            "unmatched_query": list(self.unmatched_query),
            "unmatched_listed": list(self.unmatched_listed),
            "evidence": list(self.evidence),
            "type": self.type,
            "countries": list(self.countries),
            "source_url": self.source_url,
        }

    def explain(self) -> str:
        """One line for a person: list, entry, programme, name matched, score and why."""
        programmes = ", ".join(self.programmes) or "no programme given"
        return (
            f"{self.key} ({programmes}) {self.matched_name!r}: score {self.score:g}; {self.reason}"
        )


@dataclass
class _Scored:
    score: float
    how: str
    """``names`` (parts paired) or ``joined`` (concatenations compared)."""
    pairs: list[tuple[int, int, float, str, float]]
    """(query part index, listed part index, similarity 0-1, how, weight)."""
    unmatched_q: list[int]
    unmatched_n: list[int]
    capped: str = ""
    joined_ratio: float = 0.0


class _Ragged:
    """Rows of integers (a row per part, or per name) in two flat arrays: the rows' offsets and
    their values, which load from bytes at once and hold no Python object per value."""

    __slots__ = ("flat", "offsets")

    def __init__(self, offsets: array[int], flat: array[int]) -> None:
        self.offsets = offsets
        self.flat = flat

    @classmethod
    def of(cls, rows: Iterable[Iterable[int]]) -> _Ragged:
        """Pack ``rows``."""
        offsets, flat = array("i", [0]), array("i")
        for row in rows:
            flat.extend(row)
            offsets.append(len(flat))
        return cls(offsets, flat)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> array[int]:
        return self.flat[self.offsets[i] : self.offsets[i + 1]]

    def dump(self) -> list[bytes]:
        """The two arrays as bytes (little-endian)."""
        return [_le(self.offsets).tobytes(), _le(self.flat).tobytes()]

    @classmethod
    def load(cls, data: Any) -> _Ragged:
        """Read what :meth:`dump` wrote; ValueError for anything else."""
        if not (isinstance(data, list | tuple) and len(data) == 2):
            raise ValueError("not a party index: a table is not two arrays")
        offsets, flat = array("i"), array("i")
        offsets.frombytes(data[0])
        flat.frombytes(data[1])
        offsets, flat = _le(offsets), _le(flat)
        if not offsets or offsets[0] != 0 or offsets[-1] != len(flat):
            raise ValueError("not a party index: a table's offsets do not fit its values")
        return cls(offsets, flat)


def _le(values: array[int]) -> array[int]:
    """``values`` in little-endian order (a copy on a big-endian machine)."""
    if sys.byteorder == "little":
        return values
    swapped = array(values.typecode, values)
    swapped.byteswap()
    return swapped


class _Multimap:
    """Keys, each with a row of integers (``get`` gives the row, or an empty one)."""

    __slots__ = ("keys", "rows", "where")

    def __init__(self, keys: Sequence[str], rows: _Ragged) -> None:
        self.keys = keys
        self.rows = rows
        self.where = dict(zip(keys, range(len(keys)), strict=True))

    @classmethod
    def of(cls, mapping: Mapping[str, Iterable[int]]) -> _Multimap:
        """Pack ``mapping``."""
        keys = list(mapping)
        return cls(keys, _Ragged.of(mapping[k] for k in keys))

    def get(self, key: str) -> Sequence[int]:
        """The row of ``key`` (empty when it has none)."""
        found = self.where.get(key)
        return self.rows[found] if found is not None else ()

    def dump(self) -> list[Any]:
        """Keys and rows as MessagePack-ready data."""
        return [list(self.keys), self.rows.dump()]

    @classmethod
    def load(cls, data: Any) -> _Multimap:
        """Read what :meth:`dump` wrote; ValueError for anything else."""
        if not (isinstance(data, list | tuple) and len(data) == 2):
            raise ValueError("not a party index: a map is not keys and rows")
        keys, rows = data[0], _Ragged.load(data[1])
        if not isinstance(keys, list | tuple) or len(keys) != len(rows):
            raise ValueError("not a party index: a map's keys do not fit its rows")
        return cls(keys, rows)


class _Index:
    """The searchable form of every name of the loaded lists (plain data, see :meth:`dump`).

    Parts (``tokens``) and names are numbered; ``postings`` gives the names holding each part,
    ``name_tokens`` the parts of each name; ``by_variant``, ``by_phonetic`` and ``by_block``
    give the parts of a spelling group, phonetic code and blocking key, ``by_joined`` the names
    whose concatenation starts or ends with a key. ``variant_df`` counts the entries holding a
    spelling group (other parts: their own posting, ``entry_df``).
    """

    RAGGED = ("postings", "name_tokens")
    MAPS = ("by_variant", "by_phonetic", "by_block", "by_joined")
    PLAIN = ("tokens", "weights", "entry_df", "variant_df", "names", "owner", "name_weak",
             "name_total", "n_names", "n_entries")  # fmt: skip

    def __init__(self) -> None:
        empty_ragged = _Ragged.of(())
        self.tokens: Sequence[str] = ()
        self.weights: Sequence[float] = ()
        self.entry_df: Sequence[int] = ()
        self.variant_df: Mapping[str, int] = {}
        self.postings = empty_ragged
        self.name_tokens = empty_ragged
        self.by_variant = _Multimap.of({})
        self.by_phonetic = _Multimap.of({})
        self.by_block = _Multimap.of({})
        self.by_joined = _Multimap.of({})
        self.names: Sequence[str] = ()
        self.owner: Sequence[int] = ()
        self.name_weak: Sequence[Sequence[str]] = ()
        self.name_total: Sequence[float] = ()
        self.n_names = 0
        self.n_entries = 0
        self.token_ids: dict[str, int] = {}

    @classmethod
    def build(cls, entries: Sequence[PartyEntry]) -> _Index:
        """Index every name of ``entries``."""
        ids: dict[str, int] = {}
        tokens: list[str] = []
        postings: list[list[int]] = []
        names: list[str] = []
        owner: list[int] = []
        name_weak: list[list[str]] = []
        name_tokens: list[list[int]] = []
        entry_df: list[int] = []
        variant_df: dict[str, int] = {}
        by_joined: dict[str, list[int]] = {}
        seen: set[tuple[int, str]] = set()
        for e_index, entry in enumerate(entries):
            entry_tokens: set[int] = set()
            for raw in entry.names:
                norm = normalize_name(raw)
                if not norm.strong or (e_index, norm.key) in seen:
                    continue
                seen.add((e_index, norm.key))
                n_index = len(names)
                names.append(raw)
                owner.append(e_index)
                name_weak.append(list(norm.weak))
                row: list[int] = []
                for token in norm.strong:
                    t_id = ids.get(token)
                    if t_id is None:
                        t_id = ids[token] = len(tokens)
                        tokens.append(token)
                        postings.append([])
                        entry_df.append(0)
                    row.append(t_id)
                    posting = postings[t_id]
                    if not posting or posting[-1] != n_index:
                        posting.append(n_index)
                name_tokens.append(row)
                entry_tokens.update(row)
                joined = norm.joined
                if len(joined) >= 6:
                    for key in (joined[:5], "$" + joined[-5:]):
                        by_joined.setdefault(key, []).append(n_index)
            # per entry: five aliases of one entry are one use
            for t_id in entry_tokens:
                entry_df[t_id] += 1
            for group in {_VARIANT_OF[tokens[t]] for t in entry_tokens if tokens[t] in _VARIANT_OF}:
                variant_df[group] = variant_df.get(group, 0) + 1
        by_variant: dict[str, list[int]] = {}
        by_phonetic: dict[str, list[int]] = {}
        by_block: dict[str, list[int]] = {}
        for t_id, token in enumerate(tokens):
            if token in _VARIANT_OF:
                by_variant.setdefault(_VARIANT_OF[token], []).append(t_id)
            for key in phonetic_keys(token):
                by_phonetic.setdefault(key, []).append(t_id)
            for key in _blocking_keys(token):
                by_block.setdefault(key, []).append(t_id)
        index = cls()
        index.tokens, index.entry_df, index.variant_df = tokens, entry_df, variant_df
        index.names, index.owner, index.name_weak = names, owner, name_weak
        index.n_names, index.n_entries = len(names), len(entries)
        index.postings, index.name_tokens = _Ragged.of(postings), _Ragged.of(name_tokens)
        index.by_variant, index.by_phonetic = _Multimap.of(by_variant), _Multimap.of(by_phonetic)
        index.by_block, index.by_joined = _Multimap.of(by_block), _Multimap.of(by_joined)
        index.token_ids = ids
        weights = [index.weight_of(t) for t in tokens]
        index.weights = weights
        index.name_total = [sum(weights[t] for t in row) for row in name_tokens]
        return cls.load(index.dump())  # the form a cached index has

    def weight_of(self, token: str) -> float:
        """How informative a part is: IDF of its spelling group over the entries (0-1), times
        its length and kind factors."""
        group = _VARIANT_OF.get(token)
        if group is not None:
            df = self.variant_df.get(group, 0)
        else:
            t_id = self.token_ids.get(token)
            df = self.entry_df[t_id] if t_id is not None else 0
        n = max(self.n_entries, 1)
        # 1 for a part of one entry (or of none), whatever the lists' size; near 0 for a part
        # of every entry
        idf = math.log((n + 1) / max(df, 1)) / math.log(n + 1) if n >= 1 else 1.0
        return max(0.05, min(1.0, idf)) * _length_factor(token) * _kind_factor(token)

    def dump(self) -> bytes:
        """The index as MessagePack: strings, numbers, lists, maps and little-endian arrays of
        32-bit integers (plain data, nothing that runs)."""
        data: dict[str, Any] = {name: getattr(self, name) for name in self.PLAIN}
        data["tokens"] = list(self.tokens)
        data["name_weak"] = [list(w) for w in self.name_weak]
        for name in self.RAGGED:
            data[name] = getattr(self, name).dump()
        for name in self.MAPS:
            data[name] = getattr(self, name).dump()
        packed = msgpack.packb(data)
        assert isinstance(packed, bytes)
        return packed

    @classmethod
    def load(cls, data: bytes) -> _Index:
        """Read what :meth:`dump` wrote; raises ValueError for anything else."""
        try:
            # tuples, not lists: tuples of numbers and strings leave the garbage collector's
            # lists, so a collection does not walk the whole index (pauses of tens of ms)
            raw = msgpack.unpackb(data, strict_map_key=False, use_list=False)
        except Exception as exc:  # msgpack raises several types for bad data
            raise ValueError(f"not a party index: {exc}") from None
        fields = set(cls.PLAIN) | set(cls.RAGGED) | set(cls.MAPS)
        if not isinstance(raw, dict) or set(raw) != fields:
            raise ValueError("not a party index: unexpected fields")
        index = cls()
        for name in cls.PLAIN:
            expected = type(getattr(index, name))
            if not isinstance(raw[name], tuple if expected is tuple else expected):
                raise ValueError(f"not a party index: {name} has the wrong type")
            setattr(index, name, raw[name])
        for name in cls.RAGGED:
            setattr(index, name, _Ragged.load(raw[name]))
        for name in cls.MAPS:
            setattr(index, name, _Multimap.load(raw[name]))
        if not (
            len(index.weights) == len(index.tokens) == len(index.postings) == len(index.entry_df)
            and len(index.names)
            == len(index.owner)
            == len(index.name_tokens)
            == len(index.name_total)
            == len(index.name_weak)
            == index.n_names
        ):
            raise ValueError("not a party index: inconsistent sizes")
        if max(index.postings.flat, default=-1) >= index.n_names or max(
            index.name_tokens.flat, default=-1
        ) >= len(index.tokens):
            raise ValueError("not a party index: a number out of range")
        index.token_ids = dict(zip(index.tokens, range(len(index.tokens)), strict=True))
        return index


class PartyScreener:
    """Screen names against sanctions list entries (see the module docstring).

    Pickled (by the library cache), the index is one block of MessagePack bytes, read again on
    first use.
    """

    def __init__(
        self,
        entries: Iterable[Mapping[str, Any] | PartyEntry],
        cleared: Iterable[ClearedMatch] | None = None,
        files: dict[str, str] | None = None,
        meta: dict[str, dict[str, Any]] | None = None,
        *,
        cleared_sha: str | None = None,
        _index: _Index | None = None,
    ) -> None:
        self.entries: list[PartyEntry] = [
            e if isinstance(e, PartyEntry) else PartyEntry.from_dict(e) for e in entries
        ]
        self.cleared: list[ClearedMatch] = list(cleared or ())
        self.files: dict[str, str] = dict(files or {})
        """Sanctions files loaded, name -> sha256 (for decision reports)."""
        self.meta: dict[str, dict[str, Any]] = dict(meta or {})
        """Per file: its provenance and cadence_days (for staleness warnings)."""
        self.cleared_sha = cleared_sha
        """SHA-256 of the allow-list file(s), part of every decision that screened parties."""
        self._cleared = {c.pair: c for c in self.cleared}
        self._packed: bytes | None = None
        self._index_obj: _Index | None = _index or _Index.build(self.entries)
        self._lock = threading.Lock()
        self._similar: dict[str, dict[int, tuple[float, str]]] = {}
        self._blocks: dict[str, tuple[Sequence[int], list[str]]] = {}

    # -- pickling (library cache): plain data only --------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        """Entries, allow-list, files, meta and the index packed as MessagePack bytes."""
        packed = self._packed if self._packed is not None else self._idx.dump()
        return {
            "entries": msgpack.packb([e.row() for e in self.entries]),
            "cleared": [c.__dict__ for c in self.cleared],
            "cleared_sha": self.cleared_sha,
            "files": self.files,
            "meta": self.meta,
            "packed": packed,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        rows = msgpack.unpackb(state["entries"], use_list=False)
        self.entries = [PartyEntry.from_row(r) for r in rows]
        self.cleared = [ClearedMatch(**c) for c in state["cleared"]]
        self.cleared_sha = state.get("cleared_sha")
        self.files, self.meta = state["files"], state["meta"]
        self._cleared = {c.pair: c for c in self.cleared}
        self._packed, self._index_obj = state["packed"], None
        self._lock = threading.Lock()
        self._similar = {}
        self._blocks = {}

    @property
    def _idx(self) -> _Index:
        index = self._index_obj
        if index is None:
            with self._lock:
                if self._index_obj is None:
                    assert self._packed is not None
                    self._index_obj = _Index.load(self._packed)
                    self._packed = None
                index = self._index_obj
        return index

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def name_count(self) -> int:
        """How many distinct names (primary and aliases) are indexed."""
        return self._idx.n_names

    @property
    def lists(self) -> dict[str, int]:
        """Entries per list."""
        return dict(Counter(entry.list for entry in self.entries))

    def is_cleared(self, name: str, entry_key: str) -> ClearedMatch | None:
        """The clearance recorded for (``name``, ``entry_key``), if any."""
        return self._cleared.get((normalize_name(name).key, entry_key))

    # -- matching ---------------------------------------------------------------------------

    def match(
        self,
        name: str,
        country: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        nationality: str | None = None,
        date_of_birth: str | None = None,
        identifiers: Iterable[str] = (),
        on: dt.date | None = None,
    ) -> list[PartyMatch]:
        """Entries whose names match ``name`` at ``threshold`` (0-100) or above, best first.

        ``country`` is the party's address country (ISO alpha-2); ``nationality``,
        ``date_of_birth`` and ``identifiers`` are further evidence (see the module docstring).
        (name, entry) pairs cleared and still held on ``on`` are not returned (see
        :meth:`match_with_cleared` for them). A threshold outside 0-100 raises ValueError.
        """
        found, _ = self.match_with_cleared(
            name,
            country,
            threshold,
            nationality=nationality,
            date_of_birth=date_of_birth,
            identifiers=identifiers,
            on=on,
        )
        return found

    def match_with_cleared(
        self,
        name: str,
        country: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        nationality: str | None = None,
        date_of_birth: str | None = None,
        identifiers: Iterable[str] = (),
        on: dt.date | None = None,
    ) -> tuple[list[PartyMatch], list[tuple[PartyMatch, ClearedMatch]]]:
        """The matches of :meth:`match`, and the hits a clearance held on ``on`` suppressed,
        each with its clearance (a report shows them: a clearance never hides a hit)."""
        if not isinstance(threshold, int | float) or not (
            MIN_THRESHOLD <= threshold <= MAX_THRESHOLD
        ):
            raise ValueError(f"threshold must be a number from 0 to 100, not {threshold!r}")
        evidence = PartyEvidence(
            country.strip().upper() if country and country.strip() else None,
            nationality.strip().upper() if nationality and nationality.strip() else None,
            date_of_birth.strip() if date_of_birth and date_of_birth.strip() else None,
            tuple(i for i in (normalize_id(x) for x in identifiers if x) if len(i) >= 4),
        )
        forms = [normalize_name(name)]
        bracketed = _PAREN.fullmatch(name.strip())
        if bracketed:  # "DOOSTAN COMPANY (DICO)": the name without its short form too
            forms.append(normalize_name(bracketed.group(1)))
        cleared_keys = {form.key for form in forms}
        index = self._idx
        floor = max(0.0, threshold - evidence.most())
        best: dict[int, tuple[float, float, int, _Scored, list[str], NormalizedName]] = {}
        for query in forms:
            if not query.strong:
                continue
            q_weights = [self._query_weight(t) for t in query.strong]
            sims = [self._similar_parts(t) for t in query.strong]
            for n_index in self._candidates(query, q_weights, sims, floor):
                scored = _score(index, query, q_weights, sims, n_index)
                if scored.score < floor:
                    continue
                e_index = index.owner[n_index]
                adjustment, notes = _evidence(self.entries[e_index], evidence)
                total = max(0.0, min(100.0, scored.score + adjustment))
                if total < threshold:
                    continue
                if e_index not in best or total > best[e_index][0]:
                    best[e_index] = (total, scored.score, n_index, scored, notes, query)
        out: list[PartyMatch] = []
        suppressed: list[tuple[PartyMatch, ClearedMatch]] = []
        for e_index, (total, name_score, n_index, scored, notes, query) in best.items():
            entry = self.entries[e_index]
            result = self._result(query, entry, n_index, scored, total, name_score, notes)
            clearance = next(
                (
                    c
                    for key in cleared_keys
                    if (c := self._cleared.get((key, entry.key))) is not None and c.holds(on)
                ),
                None,
            )
            if clearance is None:
                out.append(result)
            else:
                suppressed.append((result, clearance))
        out.sort(key=lambda m: (-m.score, m.list, m.entry_id))
        suppressed.sort(key=lambda pair: (-pair[0].score, pair[0].key))
        return out, suppressed

    def _query_weight(self, token: str) -> float:
        index = self._idx
        t_id = index.token_ids.get(token)
        return index.weights[t_id] if t_id is not None else index.weight_of(token)

    def _similar_parts(self, token: str) -> dict[int, tuple[float, str]]:
        """Indexed parts similar to ``token``: part id -> (similarity 0-1, how). Cached."""
        found = self._similar.get(token)
        if found is not None:
            return found
        index = self._idx
        out: dict[int, tuple[float, str]] = {}
        exact = index.token_ids.get(token)
        if exact is not None:
            out[exact] = (1.0, "exact")
        for t_id in index.by_variant.get(canonical_part(token)):
            if t_id not in out:
                out[t_id] = (VARIANT_SIM, "variant")
        canon = _VARIANT_OF.get(token)
        abjad = not any(v in token for v in "AEIOU")
        low, high = PHONETIC_SIM
        for key in phonetic_keys(token):
            if key.startswith("k") and not abjad:
                continue  # the consonants alone pair only a spelling without vowels
            for t_id in index.by_phonetic.get(key):
                other = index.tokens[t_id]
                if t_id in out or _known_apart(canon, other):
                    continue
                ratio = fuzz.ratio(token, other)
                if abjad or (
                    ratio >= PHONETIC_MIN_RATIO
                    and min(len(token), len(other)) >= PHONETIC_MIN_LENGTH
                ):
                    share = max(0.0, ratio - PHONETIC_MIN_RATIO) / (100 - PHONETIC_MIN_RATIO)
                    sim = ABJAD_SIM if abjad else low + (high - low) * share
                    out[t_id] = (sim, "phonetic")
        edits = allowed_edits(len(token))
        for key in _blocking_keys(token) if edits else ():
            ids, strings = self._block(key)
            if not ids:
                continue
            for other, distance, position in process.extract(
                token, strings, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                t_id = ids[position]
                if distance > allowed_edits(len(other)) or _known_apart(canon, other):
                    continue
                if not _short_edit_ok(token, other):
                    continue
                sim = 1 - FUZZY_EDIT_COST * distance / max(len(token), len(other))
                if t_id not in out or out[t_id][0] < sim:
                    out[t_id] = (sim, "fuzzy")
        if len(self._similar) > 50_000:
            self._similar.clear()
        self._similar[token] = out
        return out

    def _block(self, key: str) -> tuple[Sequence[int], list[str]]:
        """The part ids and spellings of one blocking key (the spellings listed on first use)."""
        found = self._blocks.get(key)
        if found is None:
            index = self._idx
            ids = index.by_block.get(key)
            found = self._blocks[key] = (ids, [index.tokens[i] for i in ids])
        return found

    def _candidates(
        self,
        query: NormalizedName,
        q_weights: list[float],
        sims: list[dict[int, tuple[float, str]]],
        floor: float,
    ) -> list[int]:
        """The names whose score can reach ``floor``, best bound first, at most
        :data:`MAX_CANDIDATES` (plus those found by their concatenation)."""
        index = self._idx
        total = sum(q_weights) or 1.0
        paired: dict[int, float] = {}
        covered: dict[int, float] = {}
        parts = range(len(q_weights))
        # particles and generic words find no candidates (they are counted as if paired),
        # unless the name has nothing else
        search = [i for i in parts if _ordinary(query.strong[i])] or [
            i for i in parts if query.strong[i] not in PARTICLES
        ]
        search = search or list(parts)
        optimistic = sum(q_weights[i] for i in parts if i not in search)
        # prefix filtering: a name holding none of the most informative parts, whose weights
        # add up to more than (100 - floor)% of the name, cannot reach the floor
        order = sorted(search, key=lambda i: -q_weights[i])
        prefix: list[int] = []
        left = total
        for i in order:
            prefix.append(i)
            left -= q_weights[i]
            if left / total < floor / 100 - 1e-9:
                break
        for i in prefix:
            weight = q_weights[i]
            per_name: dict[int, float] = {}
            for t_id, (sim, _) in sims[i].items():
                value = sim * min(weight, index.weights[t_id])
                for n_index in index.postings[t_id]:
                    if per_name.get(n_index, 0.0) < value:
                        per_name[n_index] = value
            for n_index, value in per_name.items():
                paired[n_index] = paired.get(n_index, 0.0) + value
                covered[n_index] = covered.get(n_index, 0.0) + weight
        for i in order[len(prefix) :]:  # the other parts only add to the names found
            weight, similar = q_weights[i], sims[i]
            for n_index in paired:
                value = 0.0
                for t_id in index.name_tokens[n_index]:
                    hit = similar.get(t_id)
                    if hit is not None:
                        value = max(value, hit[0] * min(weight, index.weights[t_id]))
                if value:
                    paired[n_index] += value
                    covered[n_index] += weight
        # the share of the screened name a name can explain is at most B / (B + U): B the best
        # paired weights, U the weight of the parts it holds nothing similar to
        ranked = []
        for n_index, value in paired.items():
            b = value + optimistic
            u = max(0.0, total - covered[n_index] - optimistic)
            upper = 100 * b / (b + u) if b + u else 0.0
            if upper >= floor - 1e-9:
                ranked.append((upper, value, -abs(index.name_total[n_index] - total), n_index))
        ranked.sort(reverse=True)
        found = [n for *_, n in ranked[:MAX_CANDIDATES]]
        if len(query.joined) >= 6:
            chosen = set(found)
            found.extend(n for n in self._joined_candidates(query.joined) if n not in chosen)
        return found

    def _joined_candidates(self, joined: str) -> list[int]:
        index = self._idx
        if len(joined) < 6:
            return []
        pool = set(index.by_joined.get(joined[:5])) | set(index.by_joined.get("$" + joined[-5:]))
        if not pool:
            return []
        ordered = sorted(pool)
        texts = ["".join(index.tokens[t] for t in index.name_tokens[n]) for n in ordered]
        return [
            ordered[position]
            for _, _, position in process.extract(
                joined, texts, scorer=fuzz.ratio, score_cutoff=JOINED_MATCH, limit=MAX_CANDIDATES
            )
        ]

    def _result(
        self,
        query: NormalizedName,
        entry: PartyEntry,
        n_index: int,
        scored: _Scored,
        total: float,
        name_score: float,
        notes: list[str],
    ) -> PartyMatch:
        index = self._idx
        listed = [index.tokens[t] for t in index.name_tokens[n_index]]
        pairs = tuple(
            PartPair(query.strong[i], listed[j], how, sim * 100, weight)
            for i, j, sim, how, weight in sorted(scored.pairs)
        )
        matched = index.names[n_index]
        reason = _reason(
            query, matched, listed, index.name_weak[n_index], entry, scored, pairs, notes
        )
        return PartyMatch(
            entry_id=entry.id,
            list=entry.list,
            programmes=entry.programmes,
            matched_name=matched,
            score=round(total, 1),
            reason=reason,
            name=entry.names[0],
            type=entry.type,
            countries=entry.countries,
            source_url=entry.source_url,
            name_score=round(name_score, 1),
            parts=pairs,
            unmatched_query=tuple(query.strong[i] for i in scored.unmatched_q),
            unmatched_listed=tuple(listed[j] for j in scored.unmatched_n),
            evidence=tuple(notes),
        )


def _score(
    index: _Index,
    query: NormalizedName,
    q_weights: list[float],
    sims: list[dict[int, tuple[float, str]]],
    n_index: int,
) -> _Scored:
    """Score the screened name against one indexed name (see the module docstring)."""
    row = index.name_tokens[n_index]
    options: list[tuple[float, float, int, int, str]] = []
    for i, similar in enumerate(sims):
        for j, t_id in enumerate(row):
            found = similar.get(t_id)
            if found is not None:
                weight = min(q_weights[i], index.weights[t_id])
                options.append((found[0], weight, i, j, found[1]))
    options.sort(reverse=True)
    used_q: set[int] = set()
    used_n: set[int] = set()
    pairs: list[tuple[int, int, float, str, float]] = []
    for sim, weight, i, j, how in options:
        if i in used_q or j in used_n:
            continue
        used_q.add(i)
        used_n.add(j)
        pairs.append((i, j, sim, how, weight))
    unmatched_q = [i for i in range(len(q_weights)) if i not in used_q]
    unmatched_n = [j for j in range(len(row)) if j not in used_n]
    paired = sum(p[4] * p[2] for p in pairs)
    against = sum(p[4] for p in pairs) + sum(q_weights[i] for i in unmatched_q)
    share = paired / against if against else 0.0
    listed_total = index.name_total[n_index] or 1.0
    left = sum(index.weights[row[j]] for j in unmatched_n)
    score = 100 * share - EXTRA_PENALTY * min(1.0, left / listed_total)
    info = sum(p[4] * p[2] for p in pairs if _ordinary(query.strong[p[0]]))
    capped = ""
    left_informative = any(_ordinary(index.tokens[row[j]]) for j in unmatched_n)
    ordinary = [p for p in pairs if _ordinary(query.strong[p[0]])]
    lone_inexact = (
        len(ordinary) == 1
        and ordinary[0][3] in ("fuzzy", "phonetic")
        and fuzz.ratio(query.strong[ordinary[0][0]], index.tokens[row[ordinary[0][1]]])
        < LONE_MIN_RATIO
    )
    if (left_informative or lone_inexact) and info < INFO_FULL:
        score *= max(info, 0.0) / INFO_FULL
        capped = "containment" if left_informative else "lone"
    equal = not unmatched_q and not unmatched_n
    if info == 0 and not equal and score > GENERIC_CAP:
        score, capped = GENERIC_CAP, "generic"
    result = _Scored(score, "names", pairs, unmatched_q, unmatched_n, capped)
    if len(query.strong) != len(row):
        listed_joined = "".join(index.tokens[t] for t in row)
        if len(listed_joined) >= 6 and len(query.joined) >= 6:
            distance = OSA.distance(query.joined, listed_joined, score_cutoff=JOINED_EDITS)
            longest = max(len(query.joined), len(listed_joined))
            joined = 100 * (1 - FUZZY_EDIT_COST * distance / longest)
            has_ordinary = any(_ordinary(t) for t in query.strong)
            if distance <= JOINED_EDITS and joined > result.score and has_ordinary:
                result = _Scored(joined, "joined", [], [], [], "", joined)
    return result


def _years(values: Iterable[str]) -> set[int]:
    return {int(y) for v in values for y in _YEAR.findall(v)}


def _evidence(entry: PartyEntry, ev: PartyEvidence) -> tuple[float, list[str]]:
    """Points for and against from what both sides know besides the name, and why."""
    points = 0.0
    notes: list[str] = []
    if ev.identifiers and entry.identifiers:
        shared = [i for i in ev.identifiers if i in entry.identifiers]
        if shared:
            points += ID_BONUS
            notes.append(f"identifier {shared[0]} is on the listing (+{ID_BONUS:g})")
    if ev.date_of_birth and entry.dates_of_birth:
        listed_years = _years(entry.dates_of_birth)
        full = _DATE.search(ev.date_of_birth)
        given_years = _years([ev.date_of_birth])
        if full and full.group(0) in " ".join(entry.dates_of_birth):
            points += DOB_BONUS
            notes.append(f"date of birth {full.group(0)} is the listed one (+{DOB_BONUS:g})")
        elif given_years & listed_years:
            points += DOB_YEAR_BONUS
            notes.append(
                f"year of birth {min(given_years & listed_years)} is the listed one "
                f"(+{DOB_YEAR_BONUS:g})"
            )
        elif given_years and listed_years:
            near = any(abs(g - y) <= 1 for g in given_years for y in listed_years)
            if not near:
                points -= DOB_CONFLICT
                notes.append(
                    f"date of birth {ev.date_of_birth} is not the listed "
                    f"{', '.join(entry.dates_of_birth[:3])} (-{DOB_CONFLICT:g})"
                )
    listed_nat = entry.nationalities or entry.countries
    if ev.nationality and listed_nat:
        if ev.nationality in listed_nat:
            points += NATIONALITY_BONUS
            notes.append(f"nationality {ev.nationality} is on the listing (+{NATIONALITY_BONUS:g})")
        else:
            points -= NATIONALITY_CONFLICT
            notes.append(
                f"nationality {ev.nationality} is not on the listing "
                f"({', '.join(listed_nat[:4])}) (-{NATIONALITY_CONFLICT:g})"
            )
    if ev.country and entry.countries:
        if ev.country in entry.countries:
            points += COUNTRY_BONUS
            notes.append(f"country {ev.country} is on the listing (+{COUNTRY_BONUS:g})")
        else:
            notes.append(
                f"listing names {', '.join(entry.countries[:4])}, not {ev.country}: "
                "not held against the match (goods can be shipped to a third country)"
            )
    return points, notes


def _reason(
    query: NormalizedName,
    matched: str,
    listed: list[str],
    listed_weak: Sequence[str],
    entry: PartyEntry,
    scored: _Scored,
    pairs: tuple[PartPair, ...],
    notes: list[str],
) -> str:
    parts: list[str] = []
    if matched != entry.names[0]:
        parts.append(f"matched alias {matched!r}")
    how = []
    transliterated = query.transliterated or _script_changes(matched)[0]
    if transliterated:
        how.append("transliteration")
    if query.accents or _script_changes(matched)[1]:
        how.append("removing accents")
    qualifier = f" after {' and '.join(how)}" if how else ""
    if scored.how == "joined":
        parts.append(
            f"the names are {scored.joined_ratio:.0f}% similar{qualifier} with spaces removed "
            f"({query.joined} ~ {''.join(listed)})"
        )
    else:
        described = ", ".join(
            f"{p.query}={p.listed} {p.how}"
            + (f" {p.similarity:.0f}%" if p.how in ("fuzzy", "phonetic") else "")
            + (" (weak)" if p.query in PARTICLES or p.query in GENERIC else "")
            for p in pairs
        )
        order = [p.listed for p in pairs]
        in_order = [t for t in listed if t in order]
        moved = " (word order differs)" if order != in_order else ""
        parts.append(f"parts{qualifier}: {described}{moved}" if described else "no part pairs")
        if scored.unmatched_q:
            parts.append(
                "not in the listed name: " + ", ".join(query.strong[i] for i in scored.unmatched_q)
            )
        if scored.unmatched_n:
            parts.append(
                "not in the screened name: " + ", ".join(listed[j] for j in scored.unmatched_n)
            )
        if scored.capped == "containment":
            parts.append(
                "the screened name is shorter and says too little on its own (score scaled down)"
            )
        elif scored.capped == "lone":
            parts.append(
                "only one part pairs and not exactly: it says too little on its own "
                "(score scaled down)"
            )
        elif scored.capped == "generic":
            parts.append(f"only generic words pair (at most {GENERIC_CAP:g})")
    forms = sorted((set(query.weak) | set(listed_weak)) - STOP_WORDS)
    if forms:
        word = "form" if len(forms) == 1 else "forms"
        parts.append(f"legal {word} {', '.join(forms)} ignored")
    parts.extend(notes)
    return "; ".join(parts)


def load_cleared(path: Path) -> list[ClearedMatch]:
    """Read the allow-list of cleared false positives (YAML or JSON).

    The file holds ``cleared:`` (or a top-level list) of ``{name, entry, reason, by, date,
    until}`` (who cleared it, why, when and until when),
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
        missing = [k for k in CLEARED_FIELDS if not item.get(k)]
        if missing:
            raise PackError(
                f"cleared[{i}] is missing {', '.join(missing)}",
                file=str(path),
                line=line,
                hint="each clearance needs name, entry (list:id), reason, by, date and until",
            )
        for key in ("date", "until"):
            value = item[key]
            if not isinstance(value, dt.date):
                try:
                    item[key] = dt.date.fromisoformat(str(value))
                except ValueError:
                    raise PackError(
                        f"cleared[{i}].{key} {value!r} is not a date (YYYY-MM-DD)",
                        file=str(path),
                        line=loaded.line_of((*top, i, key)),
                    ) from None
        if item["until"] < item["date"]:
            raise PackError(
                f"cleared[{i}].until {item['until']} is before its date {item['date']}",
                file=str(path),
                line=loaded.line_of((*top, i, "until")),
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
                date=item["date"].isoformat(),
                until=item["until"].isoformat(),
            )
        )
    return out


CLEARED_FILES = ("cleared.yaml", "cleared.yml")
CLEARED_FIELDS = ("name", "entry", "reason", "by", "date", "until")
_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], PartyScreener | None]] = {}
_MAGIC = b"clearance party index\n"


def sanctions_dir(rules_dir: Path) -> Path:
    """Where the sanctions list files live under a rules directory."""
    return rules_dir / "data" / "sanctions"


def index_cache_dir() -> Path | None:
    """Where cached party indexes are kept (``parties/`` in the library cache's directory), or
    None when caching is off (``CLEARANCE_CACHE=off``)."""
    from clearance.engine.library_cache import default_cache_dir  # the cache imports us

    base = default_cache_dir()
    return base / "parties" if base is not None else None


def index_key(hashes: Mapping[str, str]) -> str:
    """The cache key of an index: the lists' content hashes, the index version, this module's
    source and the versions of the libraries that normalise names."""
    versions = []
    for package in ("unidecode", "cleanco", "jellyfish", "rapidfuzz", "msgpack"):
        try:
            versions.append(f"{package}={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package}=?")
    try:
        source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    except OSError:
        source = "?"
    text = f"v{INDEX_VERSION}\n{source}\n{' '.join(versions)}\n" + "".join(
        f"{n}\t{h}\n" for n, h in sorted(hashes.items())
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _read_cached(path: Path, key: str) -> dict[str, Any] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 64 + 64
    if len(data) < head or not data.startswith(_MAGIC):
        return None
    if data[len(_MAGIC) : len(_MAGIC) + 64].decode("ascii", "replace") != key:
        return None
    payload = data[head:]
    if hashlib.sha256(payload).hexdigest() != data[len(_MAGIC) + 64 : head].decode(
        "ascii", "replace"
    ):
        return None
    try:
        found = msgpack.unpackb(payload, strict_map_key=False, use_list=False)
    except Exception:  # a damaged file is ignored and rebuilt
        return None
    if not isinstance(found, dict) or not {"entries", "index", "meta"} <= set(found):
        return None
    return found


KEEP_INDEXES = 4
"""Cached indexes kept (the newest); older ones are removed when one is written."""


def _write_cached(path: Path, key: str, payload: bytes) -> None:
    tmp = ""
    try:
        missing = [d for d in (path.parent.parent, path.parent) if not d.exists()]
        for directory in missing:  # private, as the library cache's directory is
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".party-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(_MAGIC + key.encode() + hashlib.sha256(payload).hexdigest().encode())
            out.write(payload)
        os.replace(tmp, path)
        tmp = ""
        kept = sorted(path.parent.glob("*.msgpack"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP_INDEXES:]:
            old.unlink()
    except OSError:  # no cache is only slower
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def load_party_screener(
    rules_dir: Path, *, cache_dir: Path | None = None, cache: bool = True
) -> PartyScreener | None:
    """A screener over every ``rules/data/sanctions/*.json`` (None when there is none).

    The allow-list ``cleared.yaml`` beside them is applied. In memory, the result is kept until
    one of the files changes. On disk, the index is kept in :func:`index_cache_dir` (or
    ``cache_dir``) under the lists' content hash and read from there while no list changed. A
    file that is not a valid list raises PackError naming it. ``cache=False`` neither reads nor
    writes the index on disk.
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
    cleared_files = [p for p in files if p.name in CLEARED_FILES]
    cleared_sha = (
        hashlib.sha256(b"".join(p.read_bytes() for p in cleared_files)).hexdigest()
        if cleared_files
        else None
    )
    list_files = [p for p in files if p.name not in CLEARED_FILES]
    hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in list_files}
    screener: PartyScreener | None = None
    where = (cache_dir if cache_dir is not None else index_cache_dir()) if cache else None
    key = index_key(hashes)
    path = where / f"{key}.msgpack" if where is not None and hashes else None
    found = _read_cached(path, key) if path is not None else None
    if found is not None:
        try:
            screener = PartyScreener(
                [PartyEntry.from_row(row) for row in found["entries"]],
                cleared=cleared,
                files=hashes,
                meta=found["meta"],
                cleared_sha=cleared_sha,
                _index=_Index.load(found["index"]),
            )
        except (ValueError, KeyError, TypeError):
            screener = None
    if screener is None and hashes:
        lists = read_list_files(list_files, _valid_entry, "id, list and names")
        screener = PartyScreener(
            lists.entries,
            cleared=cleared,
            files=lists.hashes,
            meta=lists.meta,
            cleared_sha=cleared_sha,
        )
        if path is not None:
            payload = msgpack.packb(
                {
                    "entries": [e.row() for e in screener.entries],
                    "index": screener._idx.dump(),
                    "meta": screener.meta,
                }
            )
            _write_cached(path, key, payload)
    _cache[directory] = (current, screener)
    return screener


def _valid_entry(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get("id") and entry.get("list") and isinstance(entry.get("names"), list))
