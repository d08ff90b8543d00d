"""Run one source's five steps: fetch, parse, normalise, validate, write (or roll back).

Whatever goes wrong - the source cannot be reached, the payload is broken, incomplete or
hostile, a gate refuses the result, the write fails - the rules directory is left byte for byte
as it was (no state file, no new directory, no ``.prev``) and the result says why; the failure
is remembered in memory only (:mod:`feeds.attempts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.feeds.attempts import clear_failure, record_failure
from clearance.feeds.diff import Diff, diff_records
from clearance.feeds.errors import FeedError, GateError, ParseError, StoreError
from clearance.feeds.fetch import Fetcher
from clearance.feeds.gates import GatePolicy, check_gates, check_payload
from clearance.feeds.source import DROPPED, Payload, Source, iso_now
from clearance.feeds.state import FeedState, load_state, save_state
from clearance.feeds.store import dumps, locked, read_doc, rollback, write_table

OK_STATUSES = frozenset({"written", "unchanged", "not-modified", "dry-run", "rolled-back", "due"})
HEAD_KEYS = ("table", "list", "kind", "title", "description")


@dataclass
class UpdateResult:
    """The outcome of one update (or rollback) of one source."""

    source: str
    target: Path
    status: str
    """written, unchanged, not-modified, dry-run, rolled-back, due (ok); refused, failed"""
    message: str
    diff: Diff | None = None
    record_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    error: FeedError | None = None
    dropped: list[dict[str, Any]] = field(default_factory=list)
    """What the source left out on purpose: ``{reason, count}`` (also in the provenance)."""

    @property
    def ok(self) -> bool:
        """True when the table is current (written, unchanged or confirmed) or a dry run passed."""
        return self.status in OK_STATUSES

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form of this result."""
        return {
            "source": self.source,
            "target": str(self.target),
            "status": self.status,
            "message": self.message,
            "record_count": self.record_count,
            "warnings": self.warnings,
            "dropped": self.dropped,
            "diff": self.diff.to_dict() if self.diff else None,
            "error": self.error.to_dict() if self.error else None,
        }


def target_path(source: Source, rules_dir: Path) -> Path:
    """Where ``source`` writes its table under ``rules_dir``."""
    return rules_dir / "data" / source.target


def finish(
    source: Source, doc: dict[str, Any], payload: Payload, now: dt.datetime, count: int
) -> dict[str, Any]:
    """Put provenance and cadence into ``doc``, with the keys in a stable order.

    What the source left out on purpose (``doc["dropped"]``) moves into ``provenance.dropped``;
    the measures the shrink gate compares are recorded as ``provenance.counts``.
    """
    provenance: dict[str, Any] = {
        "source": payload.url,
        "fetched_at": iso_now(now),
        "sha256": payload.sha256,
        "maintained_by": f"clearance feeds update {source.name}",
        "parser_version": f"{source.name}/{source.parser_version}",
        "record_count": count,
    }
    if payload.file:
        provenance["file"] = payload.file
    body = {k: v for k, v in doc.items() if k != DROPPED}
    provenance["counts"] = source.measures(body)
    if doc.get(DROPPED):
        provenance["dropped"] = list(doc[DROPPED])
    out: dict[str, Any] = {k: body[k] for k in HEAD_KEYS if k in body}
    out["provenance"] = provenance
    out["cadence_days"] = source.cadence_days
    out.update({k: v for k, v in body.items() if k not in out})
    return out


def _same_parser(source: Source, doc: dict[str, Any] | None) -> bool:
    """True when ``doc`` was written by this version of the source's parser (an identical
    payload is then an unchanged table; after a parser upgrade it is parsed again)."""
    prov = doc.get("provenance") if doc else None
    version = prov.get("parser_version") if isinstance(prov, dict) else None
    return version == f"{source.name}/{source.parser_version}"


def _provenance_sha(doc: dict[str, Any] | None) -> str | None:
    prov = doc.get("provenance") if doc else None
    value = prov.get("sha256") if isinstance(prov, dict) else None
    return value if isinstance(value, str) else None


def update(
    source: Source,
    rules_dir: Path,
    *,
    from_path: Path | None = None,
    fetcher: Fetcher | None = None,
    dry_run: bool = False,
    force: bool = False,
    max_shrink: float | None = None,
    now: dt.datetime | None = None,
    before_replace: Callable[[Path], None] | None = None,
) -> UpdateResult:
    """Refresh ``source``'s table under ``rules_dir``; never raises FeedError, returns why.

    ``from_path`` reads a downloaded file instead of fetching. ``dry_run`` does everything but
    write (not even the state file). ``force`` accepts an empty, incomplete or shrunken table.
    ``max_shrink`` defaults to the source's own limit (:meth:`Source.default_max_shrink`).
    A refused or failed update writes nothing under ``rules_dir``.
    """
    now = now or dt.datetime.now(dt.UTC)
    target = target_path(source, rules_dir)
    limit = source.default_max_shrink() if max_shrink is None else max_shrink
    try:
        with locked(rules_dir):
            state = load_state(target)
            current = read_doc(target) if target.exists() else None
            result = _update(
                source,
                target,
                state,
                current,
                from_path=from_path,
                fetcher=fetcher,
                dry_run=dry_run,
                force=force,
                max_shrink=limit,
                now=now,
                before_replace=before_replace,
            )
    except FeedError as exc:
        status = "refused" if isinstance(exc, GateError | ParseError) else "failed"
        if not dry_run:
            record_failure(target, now, str(exc))
        return UpdateResult(
            source.name,
            target,
            status,
            f"{exc.message}; the current table was left in place",
            error=exc,
        )
    if not dry_run:
        clear_failure(target)
    return result


def _update(
    source: Source,
    target: Path,
    state: FeedState,
    current: dict[str, Any] | None,
    *,
    from_path: Path | None,
    fetcher: Fetcher | None,
    dry_run: bool,
    force: bool,
    max_shrink: float,
    now: dt.datetime,
    before_replace: Callable[[Path], None] | None,
) -> UpdateResult:
    current_sha = _provenance_sha(current)
    if state.sha256 != current_sha:
        state.validators = {}  # they describe a payload the table on disk was not built from
    if from_path is not None:
        payload: Payload | None = source.read_local(from_path)
    else:
        own = fetcher is None
        active = fetcher or Fetcher()
        try:
            payload = source.fetch(active, state, now)
        finally:
            if own:
                active.close()
    if payload is None:
        if not dry_run:
            _confirmed(target, state, now, current_sha)
        return UpdateResult(
            source.name,
            target,
            "not-modified",
            "the source has not changed since the last update (HTTP 304)",
            record_count=len(source.records(current)),
        )
    if current_sha == payload.sha256 and not force and _same_parser(source, current):
        if not dry_run:
            state.validators.update(payload.validators)
            _confirmed(target, state, now, current_sha)
        return UpdateResult(
            source.name,
            target,
            "unchanged",
            "the source content is identical to the current table's",
            record_count=len(source.records(current)),
        )
    try:
        parsed = source.parse(payload, now)
    except FeedError:
        raise
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise ParseError(
            f"unexpected content: {type(exc).__name__}: {exc}", source=source.name
        ) from None
    policy = GatePolicy(max_shrink=max_shrink, force=force)
    warnings = check_payload(source.name, source.check_payload(payload), policy)
    merged = source.merge(current, parsed, now)
    new_records = source.records(merged)
    doc = finish(source, merged, payload, now, len(new_records))
    old_records = source.records(current)
    warnings += check_gates(
        source.name,
        old=source.measures(current) if current else None,
        new=doc["provenance"]["counts"],
        errors=source.validate(doc),
        policy=policy,
    )
    diff = diff_records(old_records, new_records, source.label)
    dropped = list(doc["provenance"].get("dropped", []))
    if dry_run:
        return UpdateResult(
            source.name,
            target,
            "dry-run",
            "dry run: nothing was written",
            diff=diff,
            record_count=len(new_records),
            warnings=warnings,
            dropped=dropped,
        )
    write_table(target, dumps(doc), before_replace=before_replace)
    state.validators = dict(payload.validators)
    state.sha256 = payload.sha256
    state.checked_at = iso_now(now)
    _save(target, state)
    return UpdateResult(
        source.name,
        target,
        "written",
        f"wrote {target}",
        diff=diff,
        record_count=len(new_records),
        warnings=warnings,
        dropped=dropped,
    )


def _confirmed(target: Path, state: FeedState, now: dt.datetime, sha: str | None) -> None:
    state.sha256 = sha
    state.checked_at = iso_now(now)
    _save(target, state)


def _save(target: Path, state: FeedState) -> None:
    try:
        save_state(target, state)
    except OSError as exc:
        raise StoreError(f"cannot write the state of {target.name}: {exc}") from None


def rollback_source(source: Source, rules_dir: Path) -> UpdateResult:
    """Swap ``source``'s table with its previous version; a second rollback undoes the first."""
    target = target_path(source, rules_dir)
    try:
        with locked(rules_dir):
            before = read_doc(target) if target.exists() else None
            rollback(target)
            after = read_doc(target)
            state = load_state(target)
            state.validators = {}
            state.sha256 = _provenance_sha(after)
            _save(target, state)
    except FeedError as exc:
        return UpdateResult(source.name, target, "failed", exc.message, error=exc)
    diff = diff_records(source.records(before), source.records(after), source.label)
    prov = after.get("provenance", {}) if after else {}
    fetched = prov.get("fetched_at") if isinstance(prov, dict) else None
    return UpdateResult(
        source.name,
        target,
        "rolled-back",
        f"restored the previous version of {target.name}"
        + (f" (fetched {fetched})" if fetched else ""),
        diff=diff,
        record_count=len(source.records(after)),
    )
