"""How old each data table is against its source's cadence. Pure: files only, no network.

The age of a table is counted from the later of ``provenance.fetched_at`` and the last time its
feed confirmed the source had not changed (HTTP 304 or an identical payload, recorded in the
``.state`` file beside the table). A table is *stale* when that age exceeds ``cadence_days``
plus a grace of half the cadence (at least one day); a table with a cadence but no
``fetched_at`` was never refreshed and is stale too. Tables without ``cadence_days`` (hand-kept)
are never stale.

Freshly fetched old data is stale as well: the exchange rates are judged by their newest rate
date, which may lag today by at most the cadence plus grace in ECB publication days
(``engine.tables.data_lag``), so a history file that ends years ago is not reported "ok".
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError
from clearance.engine.tables import FX_TABLE, data_lag, grace_days
from clearance.engine.yamlsafe import load_yaml
from clearance.feeds.state import load_state

LIST_DIRS = ("sanctions", "recalls")
SKIP_NAMES = frozenset({"cleared.yaml", "cleared.yml"})


@dataclass(frozen=True)
class TableAge:
    """The age of one table against its cadence."""

    name: str
    """``fx_rates``, ``vat_rates``, ``sanctions/un``, ``recalls/cpsc``..."""
    file: Path
    fetched_at: dt.datetime | None
    checked_at: dt.datetime | None
    cadence_days: float | None
    age_days: float | None
    stale: bool
    reason: str
    record_count: int | None = None
    newest_data: str | None = None
    """The date of the newest data in the table, where it has one (the newest rate date)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this age."""
        return {
            "name": self.name,
            "file": str(self.file),
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "cadence_days": self.cadence_days,
            "age_days": round(self.age_days, 2) if self.age_days is not None else None,
            "stale": self.stale,
            "reason": self.reason,
            "record_count": self.record_count,
            "newest_data": self.newest_data,
        }


def as_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` as an aware UTC datetime (a naive one is taken to be UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def parse_time(value: Any) -> dt.datetime | None:
    """An ISO timestamp or date as an aware UTC datetime; None when it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return as_utc(moment)


_headers: dict[Path, tuple[tuple[int, int], dict[str, Any] | None]] = {}


def _header(path: Path) -> dict[str, Any] | None:
    """The table's name, cadence and provenance (cached until the file changes)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _headers.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    data: Any = None
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else load_yaml(text, str(path)).data
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, PackError):
        data = None
    header: dict[str, Any] | None = None
    if isinstance(data, dict):
        count = None
        for key in ("rows", "entries", "rates"):
            if isinstance(data.get(key), list | dict):
                count = len(data[key])
        rates = data.get("rates")
        newest = None
        if data.get("table") == FX_TABLE and isinstance(rates, dict) and rates:
            newest = max(str(day) for day in rates)
        header = {
            "newest": newest,
            "table": data.get("table"),
            "cadence_days": data.get("cadence_days"),
            "provenance": data.get("provenance")
            if isinstance(data.get("provenance"), dict)
            else {},
            "count": count,
        }
    _headers[path] = (stamp, header)
    return header


def table_files(rules_dir: Path) -> list[tuple[str, Path]]:
    """(name, path) of every table: rules/data/*.json|yaml and the list files."""
    data_dir = rules_dir / "data"
    out: list[tuple[str, Path]] = []
    if not data_dir.is_dir():
        return out
    for path in sorted(data_dir.iterdir()):
        if path.is_file() and path.suffix in (".json", ".yaml", ".yml"):
            header = _header(path)
            name = header.get("table") if header else None
            out.append((name if isinstance(name, str) and name else path.stem, path))
    for sub in LIST_DIRS:
        directory = data_dir / sub
        if directory.is_dir():
            out.extend(
                (f"{sub}/{p.stem}", p)
                for p in sorted(directory.glob("*.json"))
                if p.name not in SKIP_NAMES
            )
    return out


def table_age(name: str, path: Path, now: dt.datetime) -> TableAge:
    """The age of the table in ``path`` as of ``now``."""
    header = _header(path)
    if header is None:
        return TableAge(name, path, None, None, None, None, True, "unreadable table file")
    cadence = header.get("cadence_days")
    cadence = float(cadence) if isinstance(cadence, int | float) else None
    provenance = header["provenance"]
    fetched = parse_time(provenance.get("fetched_at"))
    checked = None
    state = load_state(path)
    if state.sha256 and state.sha256 == provenance.get("sha256"):
        checked = parse_time(state.checked_at)
    latest = max((t for t in (fetched, checked) if t is not None), default=None)
    count = header.get("count")
    newest = header.get("newest")
    if cadence is None:
        return TableAge(
            name,
            path,
            fetched,
            checked,
            None,
            _age(now, latest),
            False,
            "no cadence (kept by hand)",
            count,
            newest,
        )
    if latest is None:
        return TableAge(
            name,
            path,
            None,
            None,
            cadence,
            None,
            True,
            "never refreshed (no fetched_at in its provenance)",
            count,
            newest,
        )
    age = _age(now, latest)
    assert age is not None
    limit = cadence + grace_days(cadence)
    reasons = []
    if age > limit:
        reasons.append(
            f"{age:.1f} days old, older than its cadence of {cadence:g} day(s) plus "
            f"{grace_days(cadence):g} day(s) of grace"
        )
    lag = data_lag(newest, now, cadence) if newest else None
    if lag:
        reasons.append(lag)
    if reasons:
        return TableAge(
            name, path, fetched, checked, cadence, age, True, "; ".join(reasons), count, newest
        )
    reason = f"{age:.1f} days old; cadence {cadence:g} day(s)"
    if newest:
        reason += f"; newest rate {newest}"
    return TableAge(name, path, fetched, checked, cadence, age, False, reason, count, newest)


def _age(now: dt.datetime, then: dt.datetime | None) -> float | None:
    if then is None:
        return None
    return max(0.0, (as_utc(now) - then).total_seconds() / 86400)


def table_ages(rules_dir: Path, now: dt.datetime) -> list[TableAge]:
    """The age of every table under ``rules_dir``, in file order."""
    return [table_age(name, path, now) for name, path in table_files(rules_dir)]


def stale_tables(rules_dir: Path, now: dt.datetime) -> list[str]:
    """Names of the tables that are stale as of ``now`` (``fx_rates``, ``sanctions/un``...)."""
    return [age.name for age in table_ages(rules_dir, now) if age.stale]
