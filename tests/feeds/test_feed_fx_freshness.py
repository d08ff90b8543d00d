"""Exchange rates: a full-history import keeps its history, freshness is judged by the newest
rate date, and a conversion with a rate too old for the document's date says so.

Publication days are the ECB's (TARGET working days): a weekend or Easter is not a gap.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine.library import load_library
from clearance.engine.screening import Screener
from clearance.engine.tables import FxRates, publication_days, rate_lag
from clearance.feeds import ecb
from clearance.feeds.pipeline import target_path, update
from clearance.feeds.staleness import table_ages

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
HISTORY_DATES = [
    "1999-01-04",
    "1999-01-05",
    "2008-10-01",
    "2012-03-01",
    "2015-01-06",
    "2015-01-07",
]
ORDER: dict[str, Any] = {
    "kind": "order",
    "id": "O-FX",
    "date": "2026-03-04",
    "marketplace": "own-shop",
    "seller": {"name": "Shenzhen Gadgets Ltd", "country": "CN"},
    "buyer": {"type": "b2c", "country": "DE"},
    "ship_from_country": "CN",
    "shipping_address": {"name": "Max Muster", "address": "Hauptstr. 5", "city": "Berlin",
                         "postal_code": "10115", "country": "DE"},
    "items": [{"sku": "SPK-1", "title": "Bluetooth speaker", "quantity": 1,
               "unit_price": {"amount": 120, "currency": "USD"}, "hs_code": "8518220000"}],
    "goods_value": {"amount": 120, "currency": "USD"},
}  # fmt: skip


def _import_history(rules: Path, fixtures: Path) -> None:
    path = fixtures / "ecb" / "eurofxref-hist-full.xml"
    result = update(ecb.SOURCE, rules, from_path=path, now=NOW)
    assert result.status == "written", result.message


def test_full_history_import_keeps_every_date(rules: Path, fixtures: Path) -> None:
    _import_history(rules, fixtures)
    doc = json.loads(target_path(ecb.SOURCE, rules).read_text(encoding="utf-8"))
    assert list(doc["rates"]) == HISTORY_DATES  # 16 years, none dropped
    assert doc["provenance"]["record_count"] == 6


def test_what_the_feed_drops_on_purpose_is_in_provenance_and_cli_output(
    rules: Path, fixtures: Path
) -> None:
    result = CliRunner().invoke(
        app,
        [
            "feeds",
            "update",
            "ecb",
            "--rules",
            str(rules),
            "--from",
            str(fixtures / "ecb" / "eurofxref-hist-full.xml"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "dropped on purpose: 1 dates of the current table that this feed did not write" in (
        result.stdout
    )
    doc = json.loads(target_path(ecb.SOURCE, rules).read_text(encoding="utf-8"))
    [dropped] = doc["provenance"]["dropped"]
    assert dropped["count"] == 1 and "hand seed" in dropped["reason"]
    assert "2025-06-30" not in doc["rates"]  # the approximate hand-seeded rates are gone


def test_staleness_is_judged_by_the_newest_rate_not_only_the_fetch(
    rules: Path, fixtures: Path
) -> None:
    _import_history(rules, fixtures)
    ages = {a.name: a for a in table_ages(rules, NOW)}
    fx = ages["fx_rates"]
    assert fx.age_days == 0.0  # fetched just now ...
    assert fx.stale  # ... but its newest rate is eleven years old
    assert fx.newest_data == "2015-01-07"
    assert "its newest rate is of 2015-01-07" in fx.reason


def test_feeds_status_is_not_ok_for_freshly_fetched_old_rates(rules: Path, fixtures: Path) -> None:
    runner = CliRunner()
    path = str(fixtures / "ecb" / "eurofxref-hist-full.xml")
    updated = runner.invoke(app, ["feeds", "update", "ecb", "--rules", str(rules), "--from", path])
    assert updated.exit_code == 0, updated.output
    result = runner.invoke(app, ["feeds", "status", "--format", "json", "--rules", str(rules)])
    assert result.exit_code == 0
    row = {r["source"]: r for r in json.loads(result.stdout)}["ecb"]
    assert row["stale"] is True
    assert "newest rate is of 2015-01-07" in row["reason"]
    assert row["newest_data"] == "2015-01-07"


def test_fresh_rates_are_ok(rules: Path, fixtures: Path) -> None:
    update(ecb.SOURCE, rules, from_path=fixtures / "ecb" / "eurofxref-daily.xml", now=NOW)
    fx = {a.name: a for a in table_ages(rules, NOW)}["fx_rates"]
    assert not fx.stale and fx.reason.endswith("newest rate 2026-03-03")


def test_document_dated_today_warns_naming_the_rate_date_used(rules: Path, fixtures: Path) -> None:
    _import_history(rules, fixtures)
    report = Screener(load_library(rules)).screen(ORDER)
    assert report.conversions and report.conversions[0]["rate_date"] == "2015-01-07"
    assert any(
        w.startswith("fx_rates: the rate of 2015-01-07 was used for 2026-03-04, more than 3 ")
        for w in report.warnings
    ), report.warnings


def test_bundled_hand_seed_used_for_a_later_document_warns(rules: Path) -> None:
    report = Screener(load_library(rules)).screen(ORDER)
    assert report.conversions[0]["rate_date"] == "2025-06-30"
    assert any("the rate of 2025-06-30 was used for 2026-03-04" in w for w in report.warnings)


def test_a_document_within_the_history_has_no_rate_warning(rules: Path, fixtures: Path) -> None:
    _import_history(rules, fixtures)
    fx = load_library(rules).fx
    assert fx is not None
    for day in (dt.date(2015, 1, 7), dt.date(2015, 1, 9), dt.date(2012, 3, 1)):
        conversion = fx.convert(120, "USD", "EUR", day)
        assert conversion is not None and conversion.warning is None, day
    old = fx.convert(120, "USD", "EUR", dt.date(2012, 3, 9))  # six publications after 1 March
    assert old is not None and old.rate_date == "2012-03-01" and old.warning is not None


# -- the ECB's publication calendar --------------------------------------------------------


def _fx(dates: list[str]) -> FxRates:
    rates = {d: {"USD": 1.1} for d in dates}
    return FxRates("EUR", tuple(dates), rates, {}, "fx_rates.json", "", cadence_days=1)


def test_weekends_and_target_holidays_are_not_gaps() -> None:
    # Thursday 2 April 2026, then Good Friday and Easter Monday: Tuesday is the next rate
    assert publication_days(dt.date(2026, 4, 2), dt.date(2026, 4, 7)) == 1
    assert publication_days(dt.date(2026, 12, 24), dt.date(2026, 12, 28)) == 1
    fx = _fx(["2026-04-02"])
    for day in (dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 4, 7)):
        conversion = fx.convert(10, "USD", "EUR", day)
        assert conversion is not None and conversion.warning is None


def test_a_rate_more_than_three_publication_days_old_warns() -> None:
    fx = _fx(["2026-03-02"])  # a Monday
    ok = fx.convert(10, "USD", "EUR", dt.date(2026, 3, 5))  # Tue, Wed, Thu missing: allowed
    late = fx.convert(10, "USD", "EUR", dt.date(2026, 3, 6))
    assert ok is not None and ok.warning is None
    assert late is not None and late.warning is not None
    assert late.warning.startswith("fx_rates: the rate of 2026-03-02 was used for 2026-03-06")
    assert "newest rate in the table is of 2026-03-02" in late.warning


def test_a_gap_inside_the_history_warns_too() -> None:
    fx = _fx(["2025-06-30", "2026-03-02"])
    gap = fx.convert(10, "USD", "EUR", dt.date(2025, 10, 1))
    assert gap is not None and gap.rate_date == "2025-06-30" and gap.warning is not None
    assert "newest rate in the table is of 2026-03-02" in gap.warning


def test_the_rates_table_is_stale_when_its_newest_rate_is_old() -> None:
    fetched = {"fetched_at": "2026-03-04T11:00:00Z"}
    fx = FxRates(
        "EUR", ("2015-01-07",), {"2015-01-07": {"USD": 1.18}}, fetched, "f", "", cadence_days=1
    )
    warning = fx.stale(NOW)
    assert warning is not None and "newest rate is of 2015-01-07" in warning
    assert rate_lag("2026-03-03", dt.date(2026, 3, 4), 1, "2026-03-03") is None
