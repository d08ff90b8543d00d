"""What every feed source is: where it lives, how often it publishes, and its five steps.

A source module subclasses :class:`Source` and fills in ``parse`` (bytes to a normalised
document), ``records`` (the document's records by key, for counts and diffs) and, where the
source is not one plain GET, ``fetch`` and ``read_local``. :mod:`feeds.pipeline` runs them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError
from clearance.engine.tables import load_table
from clearance.feeds.errors import ParseError
from clearance.feeds.fetch import DEFAULT_MAX_BYTES, Fetcher, Validators
from clearance.feeds.gates import DEFAULT_MAX_SHRINK, LIST_MAX_SHRINK
from clearance.feeds.state import FeedState

DROPPED = "dropped"
"""Key under which a parsed document carries what it left out on purpose (see add_dropped)."""


@dataclass(frozen=True)
class Payload:
    """The raw bytes a source gave, by part (most sources have one part, ``main``)."""

    parts: dict[str, bytes]
    url: str
    validators: dict[str, Validators] = field(default_factory=dict)
    file: str | None = None

    @property
    def sha256(self) -> str:
        """Content hash of the payload (of the single part, or of all parts in name order)."""
        if len(self.parts) == 1:
            return hashlib.sha256(next(iter(self.parts.values()))).hexdigest()
        digest = hashlib.sha256()
        for name in sorted(self.parts):
            digest.update(name.encode() + b"\0" + hashlib.sha256(self.parts[name]).digest())
        return digest.hexdigest()

    @property
    def main(self) -> bytes:
        """The ``main`` part (or the only part)."""
        if "main" in self.parts:
            return self.parts["main"]
        return next(iter(self.parts.values()))


class Source:
    """One data source. Subclasses set the class attributes and implement ``parse``."""

    name: str = ""
    title: str = ""
    kind: str = "table"
    """``fx`` (rules/data/fx_rates.json), ``table`` (a market-keyed data table), ``sanctions``
    or ``recalls`` (a list file in rules/data/sanctions/ or rules/data/recalls/)."""
    target: str = ""
    """Path of the table file relative to ``rules/data``."""
    url: str = ""
    homepage: str = ""
    cadence_days: float = 1.0
    format: str = ""
    parser_version: str = "1"
    description: str = ""
    max_bytes: int = DEFAULT_MAX_BYTES
    max_shrink: float | None = None
    """Largest share of any measure (see :meth:`measures`) a refresh may lose without --force;
    None: :data:`~feeds.gates.LIST_MAX_SHRINK` for sanctions and recall lists, whose entries
    are rarely removed, :data:`~feeds.gates.DEFAULT_MAX_SHRINK` for other tables."""

    def default_max_shrink(self) -> float:
        """The shrink limit used when ``--max-shrink`` is not given."""
        if self.max_shrink is not None:
            return self.max_shrink
        return LIST_MAX_SHRINK if self.kind in ("sanctions", "recalls") else DEFAULT_MAX_SHRINK

    # -- step 1: fetch -------------------------------------------------------------------
    def fetch(self, fetcher: Fetcher, state: FeedState, now: dt.datetime) -> Payload | None:
        """Fetch the payload; None when the server says it has not changed (HTTP 304)."""
        answer = fetcher.get(
            self.url,
            source=self.name,
            validators=state.validators.get(self.url),
            max_bytes=self.max_bytes,
        )
        if answer.not_modified:
            return None
        return Payload({"main": answer.content}, self.url, {self.url: answer.validators})

    def read_local(self, path: Path) -> Payload:
        """Read a payload from a local file (``--from FILE``) instead of fetching it."""
        if path.is_dir():
            raise ParseError(f"{path} is a directory; give the downloaded file", source=self.name)
        return Payload({"main": read_bytes(path, self.name)}, self.url, file=path.name)

    def check_payload(self, payload: Payload) -> list[str]:
        """Why the payload looks incomplete (missing companion files, no end-of-file marker).

        Each reason refuses the update unless it is forced; a parser error is never forced.
        """
        return []

    # -- steps 2 and 3: parse and normalise ----------------------------------------------
    def parse(self, payload: Payload, now: dt.datetime) -> dict[str, Any]:
        """Parse the payload into the table document (without provenance)."""
        raise NotImplementedError

    def merge(
        self, old: dict[str, Any] | None, new: dict[str, Any], now: dt.datetime
    ) -> dict[str, Any]:
        """Combine the current document with the new one (default: the new one replaces it)."""
        return new

    # -- step 4: validate ----------------------------------------------------------------
    def validate(self, doc: dict[str, Any]) -> list[str]:
        """Every reason the finished document (with provenance) is not valid."""
        if self.kind in ("fx", "table"):
            return validate_with_engine(doc, Path(self.target).name)
        from clearance.feeds.schemas import list_errors

        return list_errors(doc)

    # -- counts and diffs ----------------------------------------------------------------
    def records(self, doc: dict[str, Any] | None) -> dict[str, Any]:
        """The document's records by a stable key (dates, market+from, entry ids)."""
        if not doc:
            return {}
        entries = doc.get("entries")
        if isinstance(entries, list):
            return {str(e.get("id")): e for e in entries if isinstance(e, dict)}
        return {}

    def measures(self, doc: dict[str, Any] | None) -> dict[str, int]:
        """What the shrink gate counts, first the records (the empty gate reads that one).

        Sanctions lists count entries, names (primary and aliases), aliases and addresses;
        recall lists count entries, GTINs and model numbers; other tables their records.
        """
        records = self.records(doc)
        if self.kind == "sanctions":
            names = sum(len(e.get("names") or []) for e in records.values())
            return {
                "entries": len(records),
                "names": names,
                "aliases": names - sum(1 for e in records.values() if e.get("names")),
                "addresses": sum(len(e.get("addresses") or []) for e in records.values()),
            }
        if self.kind == "recalls":
            return {
                "entries": len(records),
                "GTINs": sum(len(e.get("gtins") or []) for e in records.values()),
                "models": sum(len(e.get("models") or []) for e in records.values()),
            }
        return {"records": len(records)}

    def label(self, key: str, record: Any) -> str:
        """How a record is named in a diff."""
        if isinstance(record, dict):
            names = record.get("names") or [record.get("title", "")]
            first = names[0] if names else ""
            return f"{key} {first}".strip()
        return key

    def table_name(self) -> str:
        """The name staleness warnings use for this table (e.g. ``fx_rates``, ``sanctions/un``)."""
        return str(Path(self.target).with_suffix(""))


def add_dropped(doc: dict[str, Any], counts: Mapping[str, int]) -> None:
    """Note in ``doc`` what its source left out on purpose, as ``{reason, count}`` items.

    The pipeline moves them into ``provenance.dropped`` and prints them with the result.
    """
    items = [{"reason": r, "count": c} for r, c in counts.items() if c]
    if items:
        doc.setdefault(DROPPED, []).extend(items)


def read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}", source=source) from None


def validate_with_engine(doc: dict[str, Any], filename: str) -> list[str]:
    """Load ``doc`` with the engine's own table loader, so that what is written always loads."""
    from clearance.feeds.store import dumps

    with tempfile.TemporaryDirectory(prefix="clearance-feed-") as tmp:
        path = Path(tmp) / filename
        path.write_bytes(dumps(doc))
        try:
            load_table(path)
        except PackError as exc:
            where = f"line {exc.line}: " if exc.line else ""
            return [f"{where}{exc.message}"]
    return []


def iso_now(now: dt.datetime) -> str:
    """``now`` as an ISO timestamp in UTC with a ``Z`` (what provenance records)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
