"""feeds.staleness (pure, files only) and feeds.scheduler (refresh what is due)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx

from clearance.feeds import ecb, un
from clearance.feeds.fetch import Fetcher
from clearance.feeds.pipeline import target_path, update
from clearance.feeds.scheduler import RETRY_AFTER, due_sources, refresh_due
from clearance.feeds.staleness import stale_tables, table_ages

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def test_seed_table_without_fetched_at_is_stale_hand_tables_never(rules: Path) -> None:
    ages = {a.name: a for a in table_ages(rules, NOW)}
    assert ages["fx_rates"].stale and "never refreshed" in ages["fx_rates"].reason
    assert not ages["low_value_threshold"].stale
    assert ages["low_value_threshold"].reason == "no cadence (kept by hand)"
    assert stale_tables(rules, NOW) == ["fx_rates"]


def test_age_against_cadence_with_grace(rules: Path, fixtures: Path) -> None:
    update(ecb.SOURCE, rules, from_path=fixtures / "ecb" / "eurofxref-daily.xml", now=NOW)
    update(un.SOURCE, rules, from_path=fixtures / "un" / "consolidated.xml", now=NOW)
    assert stale_tables(rules, NOW + DAY) == []
    assert stale_tables(rules, NOW + 2 * DAY) == []  # one day of grace for a daily source
    assert stale_tables(rules, NOW + 2 * DAY + dt.timedelta(hours=1)) == [
        "fx_rates",
        "sanctions/un",
    ]
    ages = {a.name: a for a in table_ages(rules, NOW + 3 * DAY)}
    assert ages["sanctions/un"].record_count == 4
    assert ages["fx_rates"].age_days == 3.0
    assert "older than its cadence of 1 day(s)" in ages["fx_rates"].reason


def test_a_confirmed_unchanged_source_counts_as_fresh(rules: Path, fixtures: Path) -> None:
    path = fixtures / "un" / "consolidated.xml"
    update(un.SOURCE, rules, from_path=path, now=NOW)
    assert update(un.SOURCE, rules, from_path=path, now=NOW + 2 * DAY).status == "unchanged"
    assert "sanctions/un" not in stale_tables(rules, NOW + 3 * DAY)
    assert "sanctions/un" in stale_tables(rules, NOW + 5 * DAY)


def test_unreadable_table_is_stale(rules: Path) -> None:
    (rules / "data" / "sanctions").mkdir()
    (rules / "data" / "sanctions" / "broken.json").write_text("{not json")
    ages = {a.name: a for a in table_ages(rules, NOW)}
    assert ages["sanctions/broken"].stale
    assert ages["sanctions/broken"].reason == "unreadable table file"


def _transport(fixtures: Path, calls: list[str]) -> httpx.MockTransport:
    files = {
        ecb.SOURCE.url: fixtures / "ecb" / "eurofxref-hist.xml",
        un.SOURCE.url: fixtures / "un" / "consolidated.xml",
    }

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(200, content=files[str(request.url)].read_bytes())

    return httpx.MockTransport(handler)


def test_refresh_due_without_fetch_only_reports(rules: Path) -> None:
    results = refresh_due(rules, NOW, fetch=False, sources=[ecb.SOURCE, un.SOURCE])
    assert [(r.source, r.status, r.message) for r in results] == [
        ("ecb", "due", "never refreshed"),
        ("un", "due", "no table yet"),
    ]
    assert not target_path(un.SOURCE, rules).exists()


def test_refresh_due_fetches_due_sources_then_waits_for_cadence(
    rules: Path, fixtures: Path
) -> None:
    calls: list[str] = []
    sources = [ecb.SOURCE, un.SOURCE]
    with Fetcher(transport=_transport(fixtures, calls)) as fetcher:
        first = refresh_due(rules, NOW, fetcher=fetcher, sources=sources)
        assert [(r.source, r.status) for r in first] == [("ecb", "written"), ("un", "written")]
        assert (
            refresh_due(rules, NOW + dt.timedelta(hours=12), fetcher=fetcher, sources=sources) == []
        )
        later = refresh_due(rules, NOW + DAY, fetcher=fetcher, sources=sources)
    assert [(r.source, r.status) for r in later] == [("ecb", "unchanged"), ("un", "unchanged")]
    assert len(calls) == 4


def test_failed_source_is_not_retried_before_retry_after(rules: Path) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        raise httpx.ConnectError("down", request=request)

    with Fetcher(transport=httpx.MockTransport(handler), retries=0) as fetcher:
        [failed] = refresh_due(rules, NOW, fetcher=fetcher, sources=[un.SOURCE])
        assert failed.status == "failed"
        assert refresh_due(rules, NOW + RETRY_AFTER / 2, fetcher=fetcher, sources=[un.SOURCE]) == []
        assert [s.name for s, _ in due_sources(rules, NOW + RETRY_AFTER, [un.SOURCE])] == ["un"]
    assert len(calls) == 1


def test_naive_now_is_taken_as_utc(rules: Path, fixtures: Path) -> None:
    naive = NOW.replace(tzinfo=None)
    update(un.SOURCE, rules, from_path=fixtures / "un" / "consolidated.xml", now=naive)
    assert "sanctions/un" not in stale_tables(rules, naive + DAY)
    assert [s.name for s, _ in due_sources(rules, naive + DAY, [un.SOURCE])] == ["un"]
