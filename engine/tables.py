"""Data tables that rules read (thresholds, lengths, rates), with dates in force and provenance.

A table is a JSON or YAML file under ``rules/data/`` whose rows are keyed by market (a country
code, a group such as EU, or ``*``) and carry optional ``from`` / ``until`` dates. Exchange rates
are a table of their own kind (:class:`FxRates`), keyed by date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import holidays

from clearance.engine.errors import PackError
from clearance.engine.markets import Markets
from clearance.engine.schemas import errors_of, json_path
from clearance.engine.yamlsafe import load_yaml

FX_TABLE = "fx_rates"


def grace_days(cadence: float) -> float:
    """How long past its cadence a table may be before it is stale: half the cadence, >= 1 day."""
    return max(1.0, cadence / 2)


@functools.cache
def _target_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.financial_holidays("XECB", years=year))


def is_publication_day(day: dt.date) -> bool:
    """True on a TARGET working day, when the ECB publishes its reference rates (not on
    weekends, New Year's Day, Good Friday, Easter Monday, 1 May, 25 and 26 December)."""
    return day.weekday() < 5 and day not in _target_holidays(day.year)


def publication_days(after: dt.date, until: dt.date, stop: int | None = None) -> int:
    """How many ECB publication days fall after ``after`` and on or before ``until``.

    Counting stops at ``stop`` when given (enough to know a limit is passed).
    """
    count = 0
    day = after + dt.timedelta(days=1)
    while day <= until and (stop is None or count < stop):
        if is_publication_day(day):
            count += 1
        day += dt.timedelta(days=1)
    return count


def allowed_publication_lag(cadence_days: float | None) -> int:
    """Publication days a rate may lag behind a date: 3 for a daily source.

    The cadence and its grace (as for a table's age), plus one because the ECB publishes
    around 16:00 CET: a table refreshed in the morning holds the previous working day's rates.
    """
    cadence = cadence_days or 1.0
    return math.ceil(cadence) + math.ceil(grace_days(cadence)) + 1


def rate_lag(rate_date: str, on: dt.date, cadence_days: float | None, newest: str) -> str | None:
    """A warning when the rate of ``rate_date`` is too old for ``on`` (the date converted for).

    The rate is too old when more ECB publication days than :func:`allowed_publication_lag`
    lie between them: the table is missing rates the ECB has published.
    """
    try:
        used = dt.date.fromisoformat(rate_date)
    except ValueError:
        return None
    allowed = allowed_publication_lag(cadence_days)
    if publication_days(used, on, stop=allowed + 1) <= allowed:
        return None
    return (
        f"fx_rates: the rate of {rate_date} was used for {on.isoformat()}, more than {allowed} "
        f"ECB publication days older (the newest rate in the table is of {newest}); refresh "
        "it with `clearance feeds update ecb`"
    )


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


def data_lag(newest: str, now: dt.datetime, cadence_days: float | None) -> str | None:
    """Why exchange rates whose newest date is ``newest`` are too old as of ``now``, or None.

    Judged in ECB publication days (:func:`allowed_publication_lag`), so a weekend or a
    TARGET holiday is not a gap.
    """
    try:
        day = dt.date.fromisoformat(newest)
    except ValueError:
        return f"its newest rate date {newest!r} is not a date"
    today = (now if now.tzinfo else now.replace(tzinfo=dt.UTC)).astimezone(dt.UTC).date()
    allowed = allowed_publication_lag(cadence_days)
    missing = publication_days(day, today)
    if missing <= allowed:
        return None
    return (
        f"its newest rate is of {newest}, {missing} ECB publication days ago "
        f"(at most {allowed} allowed)"
    )


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
    warning: str | None = None
    """Set when the rate used is older than the source's cadence allows for the date."""


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

    @property
    def newest(self) -> str | None:
        """The date of the newest rate in the table."""
        return self.dates[-1] if self.dates else None

    def stale(self, now: dt.datetime) -> str | None:
        """A warning when the rates were fetched too long ago, or their newest date is too old.

        A fresh fetch of old data (a history file that ends years ago) is stale too.
        """
        fetched = staleness(FX_TABLE, self.provenance, self.cadence_days, now)
        if fetched or not self.cadence_days or self.newest is None:
            return fetched
        lag = data_lag(self.newest, now, self.cadence_days)
        return f"table {FX_TABLE} is stale: {lag}" if lag else None

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
        day = min(a[1], b[1])
        warning = rate_lag(day, on, self.cadence_days, self.newest or day)
        return Conversion(round(amount * rate, 6), rate, day, warning)


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
