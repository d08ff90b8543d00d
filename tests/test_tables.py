"""Data tables: rows in force by market and date, exchange rates, staleness."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from clearance.engine.errors import PackError
from clearance.engine.markets import Markets
from clearance.engine.tables import DataTable, FxRates, load_table, staleness

MARKETS = Markets(groups={"EU": frozenset({"DE", "FR"})})


def _table(tmp_path: Path, rows: list[dict[str, object]]) -> DataTable:
    path = tmp_path / "t.json"
    path.write_text(
        json.dumps(
            {
                "table": "t",
                "description": "d",
                "provenance": {"source": "s"},
                "columns": {"v": "number"},
                "rows": rows,
            }
        )
    )
    table = load_table(path)
    assert isinstance(table, DataTable)
    return table


def test_most_specific_row_in_force_wins(tmp_path: Path) -> None:
    table = _table(
        tmp_path,
        [
            {"market": "*", "v": 1},
            {"market": "EU", "v": 2},
            {"market": "DE", "v": 3, "from": "2026-01-01"},
        ],
    )
    on = dt.date(2026, 6, 1)
    assert table.row_for("DE", on, MARKETS)["v"] == 3  # type: ignore[index]
    assert table.row_for("DE", dt.date(2025, 6, 1), MARKETS)["v"] == 2  # type: ignore[index]
    assert table.row_for("FR", on, MARKETS)["v"] == 2  # type: ignore[index]
    assert table.row_for("US", on, MARKETS)["v"] == 1  # type: ignore[index]


def test_bad_rows_are_refused_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "table: t\ndescription: d\nprovenance: {source: s}\ncolumns: {v: number}\n"
        "rows:\n  - {market: DE, v: 1}\n  - {market: FR, v: lots}\n"
    )
    with pytest.raises(PackError) as info:
        load_table(path)
    assert info.value.line == 7 and "must be a number" in info.value.message


def test_cross_rates_go_through_the_euro(tmp_path: Path) -> None:
    fx = FxRates(
        base="EUR",
        dates=("2026-01-02", "2026-01-05"),
        rates={"2026-01-02": {"USD": 1.10, "GBP": 0.85}, "2026-01-05": {"USD": 1.20}},
        provenance={},
        file="fx.json",
        sha256="0" * 64,
    )
    conv = fx.convert(120, "USD", "EUR", dt.date(2026, 1, 6))
    assert conv is not None and conv.amount == pytest.approx(100) and conv.rate_date == "2026-01-05"
    conv = fx.convert(110, "USD", "GBP", dt.date(2026, 1, 3))
    assert conv is not None and conv.amount == pytest.approx(85)
    assert fx.convert(1, "USD", "EUR", dt.date(2025, 12, 31)) is None  # no rate yet
    assert fx.convert(1, "XAU", "EUR", dt.date(2026, 1, 6)) is None


def test_staleness_against_cadence() -> None:
    now = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
    assert staleness("t", {"fetched_at": "2026-11-24T16:00:00+00:00"}, 1, now) is None
    note = staleness("t", {"fetched_at": "2026-11-10T16:00:00Z"}, 1, now)
    assert note is not None and "stale" in note
    assert "never refreshed" in (staleness("t", {}, 1, now) or "")
    assert staleness("t", {}, None, now) is None
