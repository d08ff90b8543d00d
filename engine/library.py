"""Load every pack, table and market group under a rules directory, checked as a whole.

A library either loads completely or raises :class:`PackErrors` with every problem found, so a
broken pack never replaces a good one. A loaded library holds everything screening derives from
the files (packs, term automaton, sanctions and recall indexes), so it can be kept whole by
:mod:`clearance.engine.library_cache` and loaded again without re-reading a pack.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError, PackErrors
from clearance.engine.markets import Markets
from clearance.engine.model import Pack, Rule
from clearance.engine.parties import (
    CLEARED_FILES,
    PartyScreener,
    load_party_screener,
    sanctions_dir,
)
from clearance.engine.paths import schema_dir
from clearance.engine.recalls import RecallIndex, load_recall_index, recalls_dir
from clearance.engine.tables import DataTable, FxRates, load_table
from clearance.engine.term_libraries import TERMS_DIR, load_term_libraries
from clearance.engine.terms import TermList, TermMatcher

SKIP_DIRS = {"schema", "data", "law", TERMS_DIR}
TABLE_SUFFIXES = (".json", ".yaml", ".yml")


@dataclass
class Library:
    """Everything the engine needs from a rules directory."""

    root: Path
    packs: tuple[Pack, ...]
    tables: dict[str, DataTable | FxRates]
    markets: Markets
    parties: PartyScreener | None = None
    recalls: RecallIndex | None = None
    rules: dict[str, Rule] = field(init=False)
    list_files: dict[str, tuple[str, dict[str, Any]]] = field(init=False)
    _matcher: TermMatcher | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.rules = {r.id: r for p in self.packs for r in p.rules}
        self.list_files = self._lists()

    def term_matcher(self) -> TermMatcher:
        """One automaton over every term list of every pack (built on first use, then kept)."""
        if self._matcher is None:
            self._matcher = TermMatcher(self.term_lists)
        return self._matcher

    @property
    def term_lists(self) -> list[TermList]:
        """Every term list of every pack, with pack-qualified names."""
        return [t for p in self.packs for t in p.term_lists.values()]

    @property
    def fx(self) -> FxRates | None:
        """The exchange-rate table, when one is loaded."""
        for table in self.tables.values():
            if isinstance(table, FxRates):
                return table
        return None

    def pack(self, pack_id: str) -> Pack:
        """Return the pack with id ``pack_id``."""
        return next(p for p in self.packs if p.id == pack_id)

    def _lists(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Sanctions and recall list files loaded: 'sanctions/un' -> (sha256, provenance meta)."""
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        for folder, loaded in (("sanctions", self.parties), ("recalls", self.recalls)):
            if loaded is not None:
                for name, sha in loaded.files.items():
                    out[f"{folder}/{Path(name).stem}"] = (sha, loaded.meta.get(name, {}))
        if self.parties is not None and self.parties.cleared_sha:  # the hand-kept allow-list
            source = {"source": "rules/data/sanctions/cleared.yaml (kept by hand)"}
            out["sanctions/cleared"] = (self.parties.cleared_sha, {"provenance": source})
        return out

    def fingerprint(self) -> str:
        """One hash over every pack, table and list hash: changes when anything loaded changes."""
        parts = sorted(
            [p.sha256 for p in self.packs]
            + list({t["sha256"] for p in self.packs for t in p.term_libraries})
            + [t.sha256 for t in self.tables.values()]
            + [sha for sha, _ in self.list_files.values()]
        )
        return hashlib.sha256("".join(parts).encode()).hexdigest()


def pack_files(root: Path) -> list[Path]:
    """Every pack file under ``root`` (YAML outside the folders of SKIP_DIRS), sorted."""
    out = []
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root)
        if rel.parts[0] in SKIP_DIRS or rel.name == "markets.yaml" or len(rel.parts) < 2:
            continue
        out.append(path)
    return out


def input_files(root: Path) -> list[Path]:
    """Every file :func:`load_library` reads for ``root``, the bundled JSON Schemas included.

    What the library cache hashes to know whether a cached library is still current.
    """

    def children(directory: Path, keep: Callable[[Path], bool]) -> list[Path]:
        if not directory.is_dir():
            return []
        return sorted(p for p in directory.iterdir() if keep(p) and p.is_file())

    markets = root / "markets.yaml"
    return [
        *([markets] if markets.is_file() else []),
        *children(root / "data", lambda p: p.suffix in TABLE_SUFFIXES),
        *children(root / TERMS_DIR, lambda p: p.suffix in (".yaml", ".yml")),
        *pack_files(root),
        *children(sanctions_dir(root), lambda p: p.suffix == ".json" or p.name in CLEARED_FILES),
        *children(recalls_dir(root), lambda p: p.suffix == ".json"),
        *children(schema_dir(), lambda p: p.suffix == ".json"),
    ]


def load_library(root: Path, *, index_cache: bool = True, cache_dir: Path | None = None) -> Library:
    """Load and check the whole rules directory; raise PackErrors listing every problem.

    The sanctions index is kept on disk (:func:`clearance.engine.parties.load_party_screener`)
    in ``cache_dir``/parties, by default the library cache's directory; ``index_cache=False``
    neither reads nor writes it."""
    # Reading and checking packs needs the YAML parser, the schema checker and the semantic
    # checks; a library loaded from the cache does not, so they are imported here.
    from clearance.engine.packs import read_pack
    from clearance.engine.semantics import Context, check_pack

    if not root.is_dir():
        raise PackErrors([PackError(f"rules directory {root} does not exist", file=str(root))])
    errors: list[PackError] = []
    markets = Markets(groups={})
    try:
        markets = Markets.load(root / "markets.yaml")
    except PackError as exc:
        errors.append(exc)
    tables: dict[str, DataTable | FxRates] = {}
    data_dir = root / "data"
    if data_dir.is_dir():
        for path in sorted(data_dir.iterdir()):
            if path.suffix not in TABLE_SUFFIXES:
                continue
            try:
                table = load_table(path)
            except PackError as exc:
                errors.append(exc)
                continue
            except (OSError, UnicodeDecodeError) as exc:
                errors.append(PackError(f"cannot read table: {exc}", file=str(path)))
                continue
            name = path.stem if isinstance(table, FxRates) else table.name
            tables["fx_rates" if isinstance(table, FxRates) else name] = table
    # shared term libraries (rules/terms/): read before the packs that use them
    term_libraries, term_errors = load_term_libraries(root)
    errors.extend(term_errors)
    ctx = Context(markets=markets, tables=tables, terms=term_libraries)
    packs: list[Pack] = []
    seen_pack_ids: dict[str, str] = {}
    for path in pack_files(root):
        try:
            pack, loaded = read_pack(path, root, terms=term_libraries, groups=markets.groups)
        except PackErrors as exc:
            errors.extend(exc.errors)
            continue
        except PackError as exc:
            errors.append(exc)
            continue
        if pack.id in seen_pack_ids:
            errors.append(
                PackError(
                    f"pack id {pack.id!r} is already used by {seen_pack_ids[pack.id]}",
                    file=pack.file,
                    line=loaded.line_of(("pack",)),
                )
            )
            continue
        seen_pack_ids[pack.id] = pack.file
        found = check_pack(pack, loaded, ctx)
        errors.extend(found)
        packs.append(pack)
    parties = recalls = None
    try:
        parties = load_party_screener(
            root, cache=index_cache, cache_dir=cache_dir / "parties" if cache_dir else None
        )
    except PackError as exc:
        errors.append(exc)
    try:
        recalls = load_recall_index(root)
    except PackError as exc:
        errors.append(exc)
    if errors:
        raise PackErrors(errors)
    if not packs:
        raise PackErrors(
            [
                PackError(
                    "no rule packs found",
                    file=str(root),
                    hint="packs live in rules/<market>/<pack>.yaml",
                )
            ]
        )
    return Library(
        root=root,
        packs=tuple(packs),
        tables=tables,
        markets=markets,
        parties=parties,
        recalls=recalls,
    )
