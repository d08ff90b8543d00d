"""Data tables that rules read (thresholds, lengths, rates), with dates in force and provenance.

A table is a JSON or YAML file under ``rules/data/`` whose rows are keyed by market (a country
code, a group such as EU, or ``*``) and carry optional ``from`` / ``until`` dates. Exchange rates
are a table of their own kind (:class:`FxRates`), keyed by date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError
from clearance.engine.markets import Markets
from clearance.engine.schemas import errors_of, json_path
from clearance.engine.yamlsafe import load_yaml

FX_TABLE = "fx_rates"


def grace_days(cadence: float) -> float:
    """How long past its cadence a table may be before it is stale: half the cadence, >= 1 day."""
    return max(1.0, cadence / 2)


def staleness(
    name: str, provenance: dict[str, Any], cadence_days: float | None, now: dt.datetime
) -> str | None:
    """A warning when a table is older than its cadence plus grace, or was never fetched."""
    if not cadence_days:
        return None
    fetched = provenance.get("fetched_at")
    if not fetched:
        return f"table {name} was never refreshed from its source (cadence {cadence_days:g} days)"
    try:
        when = dt.datetime.fromisoformat(str(fetched).replace("Z", "+00:00"))
    except ValueError:
        return f"table {name} has an unreadable fetched_at {fetched!r}"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    age = (now - when).total_seconds() / 86400
    if age > cadence_days + grace_days(cadence_days):
        return (
            f"table {name} is stale: fetched {age:.1f} days ago, "
            f"its source publishes every {cadence_days:g} day(s)"
        )
    return None


@dataclass(frozen=True)
class DataTable:
    """One data table: typed columns and rows keyed by market with dates in force."""

    name: str
    description: str
    columns: dict[str, str]
    rows: tuple[dict[str, Any], ...]
    provenance: dict[str, Any]
    file: str
    sha256: str
    cadence_days: float | None = None
    lines: dict[int, int] = field(default_factory=dict, compare=False)

    def row_for(self, market: str, on: dt.date, markets: Markets) -> dict[str, Any] | None:
        """Return the most specific row in force for ``market`` on ``on``, or None."""
        best: tuple[int, str, dict[str, Any]] | None = None
        iso = on.isoformat()
        for row in self.rows:
            rank = markets.specificity(str(row["market"]), market)
            if rank is None:
                continue
            if row.get("from") and iso < row["from"]:
                continue
            if row.get("until") and iso >= row["until"]:
                continue
            key = (rank, "~" + str(row.get("from", "")))
            if best is None or key < (best[0], best[1]):
                best = (rank, key[1], row)
        return best[2] if best else None

    def stale(self, now: dt.datetime) -> str | None:
        """A warning when this table is older than its source's cadence allows."""
        return staleness(self.name, self.provenance, self.cadence_days, now)

    def boundaries(self) -> set[str]:
        """Every date on which a row starts or stops being in force."""
        out: set[str] = set()
        for row in self.rows:
            out.update(d for d in (row.get("from"), row.get("until")) if d)
        return out


@dataclass(frozen=True)
class Conversion:
    """An amount converted between currencies with the reference rate used."""

    amount: float
    rate: float
    rate_date: str


@dataclass(frozen=True)
class FxRates:
    """Euro reference rates by date (ECB): ``rates[date][currency]`` = units per 1 EUR."""

    base: str
    dates: tuple[str, ...]
    rates: dict[str, dict[str, float]]
    provenance: dict[str, Any]
    file: str
    sha256: str
    cadence_days: float | None = None

    def stale(self, now: dt.datetime) -> str | None:
        """A warning when the rates are older than the source's cadence allows."""
        return staleness(FX_TABLE, self.provenance, self.cadence_days, now)

    def rate(self, currency: str, on: dt.date) -> tuple[float, str] | None:
        """Units of ``currency`` per one unit of the base, from the latest date on or before."""
        if currency == self.base:
            return 1.0, on.isoformat()
        i = bisect.bisect_right(self.dates, on.isoformat())
        while i > 0:
            day = self.dates[i - 1]
            value = self.rates[day].get(currency)
            if value:
                return value, day
            i -= 1
        return None

    def convert(self, amount: float, src: str, dst: str, on: dt.date) -> Conversion | None:
        """Convert ``amount`` from ``src`` to ``dst`` as of ``on``; None if a rate is missing."""
        if src == dst:
            return Conversion(amount, 1.0, on.isoformat())
        a = self.rate(src, on)
        b = self.rate(dst, on)
        if a is None or b is None:
            return None
        rate = b[0] / a[0]
        return Conversion(round(amount * rate, 6), rate, min(a[1], b[1]))


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _read(path: Path) -> tuple[Any, bytes, dict[tuple[str | int, ...], int]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    if path.suffix == ".json":
        try:
            return json.loads(text), raw, {}
        except json.JSONDecodeError as exc:
            raise PackError(f"invalid JSON: {exc.msg}", file=str(path), line=exc.lineno) from None
    loaded = load_yaml(text, str(path))
    return loaded.data, raw, loaded.lines


def load_table(path: Path) -> DataTable | FxRates:
    """Load and validate one table file; raise PackError naming the file and line."""
    data, raw, lines = _read(path)
    if isinstance(data, dict) and data.get("table") == FX_TABLE:
        return _load_fx(path, data, raw)
    errors = errors_of("table", data)
    if errors:
        where, message = errors[0]
        raise PackError(
            f"{json_path(where)}: {message}", file=str(path), line=lines.get(where, None)
        )
    columns: dict[str, str] = data["columns"]
    py_types = {"number": (int, float), "string": (str,), "boolean": (bool,)}
    for i, row in enumerate(data["rows"]):
        for col, kind in columns.items():
            value = row.get(col)
            bad_bool = kind == "number" and isinstance(value, bool)
            if value is not None and (not isinstance(value, py_types[kind]) or bad_bool):
                raise PackError(
                    f"row {i}: column {col!r} must be a {kind}, got {value!r}",
                    file=str(path),
                    line=lines.get(("rows", i, col), lines.get(("rows", i))),
                )
        if row.get("from") and row.get("until") and row["until"] <= row["from"]:
            raise PackError(
                f"row {i}: 'until' {row['until']} is not after 'from' {row['from']}",
                file=str(path),
                line=lines.get(("rows", i, "until")),
            )
    return DataTable(
        name=data["table"],
        description=data["description"],
        columns=columns,
        rows=tuple(data["rows"]),
        provenance=data["provenance"],
        file=str(path),
        sha256=_digest(raw),
        cadence_days=data.get("cadence_days"),
    )


def _load_fx(path: Path, data: dict[str, Any], raw: bytes) -> FxRates:
    rates = data.get("rates")
    if not isinstance(rates, dict) or not rates:
        raise PackError("exchange-rate table has no 'rates' by date", file=str(path), line=1)
    clean: dict[str, dict[str, float]] = {}
    for day, per in rates.items():
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            raise PackError(f"rates: {day!r} is not a date", file=str(path)) from None
        if not isinstance(per, dict):
            raise PackError(f"rates[{day}] must map currency to rate", file=str(path))
        clean[day] = {str(c): float(r) for c, r in per.items() if isinstance(r, int | float)}
    return FxRates(
        base=str(data.get("base", "EUR")),
        dates=tuple(sorted(clean)),
        rates=clean,
        provenance=dict(data.get("provenance", {})),
        file=str(path),
        sha256=_digest(raw),
        cadence_days=data.get("cadence_days"),
    )
