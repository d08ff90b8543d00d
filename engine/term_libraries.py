"""Shared term libraries: term lists written once in ``rules/terms/<library>.yaml``, used by name.

A library file holds named lists, each with terms per language and, per language, allow-listed
phrases: factual phrases that contain a term but are no claim (en ``best before``, zh ``第一次``).
The library may also have its own ``allow:`` per language, for phrases that concern several of
its lists: each such phrase is added to every list that has terms in its language and a term
the phrase contains (and must fit at least one list).
A pack uses a list as ``<library>.<list>`` (``superlatives.ranking``), either directly in a
condition (``terms: superlatives.ranking`` or ``terms: {list: superlatives.ranking, languages:
[en]}``) or in one of its own term lists (``use: [superlatives.ranking]``), optionally choosing
languages. Only the allow phrases of the chosen languages come along.

Each file is checked against ``rules/schema/terms.schema.json`` and then for meaning: the
``library`` name is the file name, every term survives normalisation, every allow phrase has
terms in its language and contains one of them (a library-wide one: a term of some list in its
language). Every error names the file and line.

Limits: a library file may be at most :data:`MAX_LIBRARY_BYTES` bytes; only ``*.yaml`` /
``*.yml`` files directly in ``rules/terms/`` are read (at most :data:`MAX_LIBRARIES`).
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError, PackErrors
from clearance.engine.schemas import errors_of, json_path
from clearance.engine.terms import TermList, TermMatcher
from clearance.engine.yamlsafe import LoadedYaml, load_yaml_bytes

__all__ = [
    "MAX_LIBRARIES",
    "MAX_LIBRARY_BYTES",
    "TERMS_DIR",
    "SharedList",
    "TermLibraries",
    "TermLibrary",
    "load_term_libraries",
]

TERMS_DIR = "terms"
"""The folder of a rules directory that holds the shared term libraries."""

MAX_LIBRARY_BYTES = 2_000_000
"""Largest term library file read, in bytes."""

MAX_LIBRARIES = 500
"""Most term library files read from one rules directory."""


@dataclass(frozen=True)
class SharedList:
    """One list of a term library: terms and allow-listed phrases, per language."""

    library: str
    name: str
    description: str
    terms: dict[str, tuple[str, ...]]
    allow: dict[str, tuple[str, ...]]
    file: str
    line: int | None

    @property
    def ref(self) -> str:
        """The name packs use for the list: ``<library>.<list>``."""
        return f"{self.library}.{self.name}"

    def select(
        self, languages: tuple[str, ...] = ()
    ) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
        """The terms and allow phrases of ``languages`` (all languages when empty)."""
        chosen = languages or tuple(self.terms)
        terms = {lang: self.terms[lang] for lang in chosen if lang in self.terms}
        allow = tuple(p for lang in chosen for p in self.allow.get(lang, ()))
        return terms, allow


@dataclass(frozen=True)
class TermLibrary:
    """One file of ``rules/terms/``: its lists and its content hash."""

    name: str
    title: str
    owner: str
    description: str
    lists: dict[str, SharedList]
    file: str
    sha256: str

    def summary(self) -> dict[str, str]:
        """Id, file and content hash, as recorded with each pack that uses the library."""
        return {"id": self.name, "file": self.file, "sha256": self.sha256}


@dataclass(frozen=True)
class TermLibraries:
    """Every term library of a rules directory, by name."""

    libraries: dict[str, TermLibrary] = field(default_factory=dict)

    def get(self, ref: str) -> SharedList | None:
        """The list named ``<library>.<list>``, or None."""
        library, _, name = ref.partition(".")
        found = self.libraries.get(library)
        return found.lists.get(name) if found is not None else None

    def refs(self) -> list[str]:
        """Every list's ``<library>.<list>`` name, sorted."""
        return sorted(s.ref for lib in self.libraries.values() for s in lib.lists.values())

    def problem(self, ref: str, languages: tuple[str, ...] = ()) -> tuple[str, str] | None:
        """Why ``ref`` with ``languages`` cannot be used, as (message, hint); None when it can."""
        library, dot, name = ref.partition(".")
        if not dot or not name:
            return (
                f"{ref!r} is not a shared term list name",
                "write <library>.<list>, e.g. superlatives.ranking",
            )
        found = self.libraries.get(library)
        if found is None:
            close = difflib.get_close_matches(library, list(self.libraries), n=1)
            known = ", ".join(sorted(self.libraries)) or "none"
            hint = f"did you mean {close[0]}?" if close else f"libraries in rules/terms/: {known}"
            return f"unknown term library {library!r} (no file terms/{library}.yaml)", hint
        shared = found.lists.get(name)
        if shared is None:
            close = difflib.get_close_matches(name, list(found.lists), n=1)
            hint = (
                f"did you mean {library}.{close[0]}?"
                if close
                else f"its lists: {', '.join(sorted(found.lists))}"
            )
            return f"term library {library!r} has no list {name!r}", hint
        missing = [lang for lang in languages if lang not in shared.terms]
        if missing:
            return (
                f"{ref} has no terms in {', '.join(missing)}",
                f"its languages: {', '.join(shared.terms)}",
            )
        return None

    def files(self) -> dict[str, str]:
        """Every library file and its content hash (for fingerprints)."""
        return {lib.file: lib.sha256 for lib in self.libraries.values()}


def load_term_libraries(root: Path) -> tuple[TermLibraries, list[PackError]]:
    """Read every library in ``root/terms``; return those that are sound and every problem."""
    folder = root / TERMS_DIR
    if not folder.is_dir():
        return TermLibraries(), []
    libraries: dict[str, TermLibrary] = {}
    errors: list[PackError] = []
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if len(paths) > MAX_LIBRARIES:
        errors.append(
            PackError(
                f"{len(paths)} term library files, more than the limit of {MAX_LIBRARIES}",
                file=TERMS_DIR,
            )
        )
        paths = paths[:MAX_LIBRARIES]
    for path in paths:
        try:
            library = _read(path, f"{TERMS_DIR}/{path.name}")
        except PackError as exc:
            errors.append(exc)
            continue
        except PackErrors as exc:
            errors.extend(exc.errors)
            continue
        libraries[library.name] = library
    return TermLibraries(libraries), errors


def _read(path: Path, name: str) -> TermLibrary:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackError(f"cannot read term library: {exc}", file=name) from None
    loaded = load_yaml_bytes(raw, name, MAX_LIBRARY_BYTES, "term library")
    found = errors_of("terms", loaded.data)
    if found:
        raise PackErrors(
            [
                PackError(
                    f"{json_path(where)}: {message}",
                    file=name,
                    line=loaded.line_of(where),
                    path=json_path(where),
                    hint="fix the spelling, or remove the key"
                    if message.startswith("unknown key")
                    else None,
                )
                for where, message in found
            ]
        )
    data: dict[str, Any] = loaded.data
    problems: list[PackError] = []
    if data["library"] != path.stem:
        problems.append(
            PackError(
                f"library {data['library']!r} is not named like its file {path.name!r}",
                file=name,
                line=loaded.line_of(("library",)),
                hint=f"write library: {path.stem}, or rename the file",
            )
        )
    lists: dict[str, SharedList] = {}
    for list_name, spec in data["lists"].items():
        shared = SharedList(
            library=data["library"],
            name=list_name,
            description=spec.get("description", ""),
            terms={lang: tuple(words) for lang, words in spec["languages"].items()},
            allow={lang: tuple(phrases) for lang, phrases in (spec.get("allow") or {}).items()},
            file=name,
            line=loaded.line_of(("lists", list_name)),
        )
        problems.extend(_check_list(shared, loaded))
        lists[list_name] = shared
    if not problems and data.get("allow"):
        lists = _spread_library_allow(data["allow"], lists, name, loaded, problems)
    if problems:
        raise PackErrors(problems)
    return TermLibrary(
        name=data["library"],
        title=data["title"],
        owner=data["owner"],
        description=data.get("description", ""),
        lists=lists,
        file=name,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def _spread_library_allow(
    allow: dict[str, list[str]],
    lists: dict[str, SharedList],
    name: str,
    loaded: LoadedYaml,
    problems: list[PackError],
) -> dict[str, SharedList]:
    """Add each library-wide allow phrase to the lists whose terms of its language it contains."""
    added: dict[str, dict[str, list[str]]] = {list_name: {} for list_name in lists}
    for lang, phrases in allow.items():
        having = [s for s in lists.values() if lang in s.terms]
        if not having:
            problems.append(
                PackError(
                    f"library allow phrases for {lang!r}, which no list has terms in",
                    file=name,
                    line=loaded.line_of(("allow", lang)),
                )
            )
            continue
        matchers = {s.name: TermMatcher([TermList("check", {lang: s.terms[lang]})]) for s in having}
        for i, phrase in enumerate(phrases):
            try:
                TermMatcher([TermList("check", {lang: (phrase,)})])
            except ValueError as exc:
                problems.append(
                    PackError(
                        str(exc).replace("'check'", "library allow"),
                        file=name,
                        line=loaded.line_of(("allow", lang, i)),
                    )
                )
                continue
            fits = [list_name for list_name, m in matchers.items() if m.find(phrase)]
            if not fits:
                problems.append(
                    PackError(
                        f"library allow phrase {phrase!r} contains no {lang} term of any list",
                        file=name,
                        line=loaded.line_of(("allow", lang, i)),
                        hint="an allow phrase only suppresses a term it contains; remove it",
                    )
                )
            for list_name in fits:
                have = added[list_name].setdefault(lang, [])
                if phrase not in have and phrase not in lists[list_name].allow.get(lang, ()):
                    have.append(phrase)
    out: dict[str, SharedList] = {}
    for list_name, shared in lists.items():
        extra = added[list_name]
        if not extra:
            out[list_name] = shared
            continue
        merged = {lang: tuple(p) for lang, p in shared.allow.items()}
        for lang, phrases in extra.items():
            merged[lang] = (*merged.get(lang, ()), *phrases)
        out[list_name] = SharedList(
            library=shared.library,
            name=shared.name,
            description=shared.description,
            terms=shared.terms,
            allow=merged,
            file=shared.file,
            line=shared.line,
        )
    return out


def _check_list(shared: SharedList, loaded: LoadedYaml) -> list[PackError]:
    """Terms that vanish under normalisation; allow phrases that contain no term of the list."""
    problems: list[PackError] = []
    where = ("lists", shared.name)
    for lang, words in shared.terms.items():
        for i, word in enumerate(words):
            try:
                TermMatcher([TermList("check", {lang: (word,)})])
            except ValueError as exc:
                problems.append(
                    PackError(
                        str(exc).replace("'check'", shared.ref),
                        file=shared.file,
                        line=loaded.line_of((*where, "languages", lang, i)),
                    )
                )
    for lang, phrases in shared.allow.items():
        if lang not in shared.terms:
            problems.append(
                PackError(
                    f"{shared.ref}: allow phrases for {lang!r}, which has no terms",
                    file=shared.file,
                    line=loaded.line_of((*where, "allow", lang)),
                    hint=f"the list's languages: {', '.join(shared.terms)}",
                )
            )
            continue
        try:
            matcher = TermMatcher([TermList("check", {lang: shared.terms[lang]})])
        except ValueError:
            continue  # reported above
        for i, phrase in enumerate(phrases):
            try:
                TermMatcher([TermList("check", {lang: (phrase,)})])
                contains = bool(matcher.find(phrase))
            except ValueError as exc:
                problems.append(
                    PackError(
                        str(exc).replace("'check'", shared.ref),
                        file=shared.file,
                        line=loaded.line_of((*where, "allow", lang, i)),
                    )
                )
                continue
            if not contains:
                problems.append(
                    PackError(
                        f"{shared.ref}: allow phrase {phrase!r} contains no {lang} term "
                        "of the list",
                        file=shared.file,
                        line=loaded.line_of((*where, "allow", lang, i)),
                        hint="an allow phrase only suppresses a term it contains; remove it",
                    )
                )
    return problems
