"""feeds.pipeline: the five steps end to end, the gates, dry runs, diffs, rollback, state."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from clearance.engine.library import load_library
from clearance.feeds import ecb, un
from clearance.feeds.attempts import last_failure
from clearance.feeds.fetch import Fetcher
from clearance.feeds.pipeline import rollback_source, target_path, update
from clearance.feeds.state import load_state
from clearance.feeds.store import prev_path

Snapshot = Callable[[Path], dict[str, bytes | None]]

UN_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST><INDIVIDUALS>{items}</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>"""
UN_ITEM = (
    "<INDIVIDUAL><DATAID>{id}</DATAID><FIRST_NAME>{name}</FIRST_NAME>"
    "<UN_LIST_TYPE>DRC</UN_LIST_TYPE></INDIVIDUAL>"
)


def un_file(tmp_path: Path, names: list[str], file: str = "un.xml") -> Path:
    items = "".join(UN_ITEM.format(id=i + 1, name=n) for i, n in enumerate(names))
    path = tmp_path / file
    path.write_text(UN_TEMPLATE.format(items=items), encoding="utf-8")
    return path


def test_update_writes_table_with_provenance_and_keeps_previous(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    source_file = fixtures / "ecb" / "eurofxref-hist.xml"
    target = target_path(ecb.SOURCE, rules)
    seed = target.read_bytes()
    result = update(ecb.SOURCE, rules, from_path=source_file, now=now)
    assert result.status == "written", result.message
    doc = json.loads(target.read_text())
    prov = doc["provenance"]
    assert prov["source"] == ecb.SOURCE.url
    assert prov["fetched_at"] == "2026-03-04T12:00:00Z"
    assert prov["sha256"] == hashlib.sha256(source_file.read_bytes()).hexdigest()
    assert prov["parser_version"] == "ecb/2"
    assert prov["record_count"] == 3  # the three ECB dates; the hand seed's date is replaced
    assert prov["counts"] == {"records": 3}
    assert prov["dropped"] == [
        {
            "reason": "dates of the current table that this feed did not write (the hand "
            "seed), replaced by the ECB's rates",
            "count": 1,
        }
    ]
    assert prov["file"] == "eurofxref-hist.xml"
    assert doc["cadence_days"] == 1.0
    assert prev_path(target).read_bytes() == seed
    library = load_library(rules)
    assert library.fx is not None
    assert library.fx.rate("USD", dt.date(2026, 3, 3)) == (1.0832, "2026-03-02")


def test_merge_keeps_history_and_adds_new_dates(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    update(ecb.SOURCE, rules, from_path=fixtures / "ecb" / "eurofxref-hist.xml", now=now)
    result = update(ecb.SOURCE, rules, from_path=fixtures / "ecb" / "eurofxref-daily.xml", now=now)
    assert result.status == "written"
    assert result.diff is not None
    assert result.diff.added == ["2026-03-03 (6 currencies)"]
    rates = json.loads(target_path(ecb.SOURCE, rules).read_text())["rates"]
    assert list(rates) == ["2026-02-26", "2026-02-27", "2026-03-02", "2026-03-03"]


def test_dry_run_writes_nothing(
    rules: Path, fixtures: Path, now: dt.datetime, snapshot: Snapshot
) -> None:
    before = snapshot(rules)
    result = update(
        un.SOURCE, rules, from_path=fixtures / "un" / "consolidated.xml", dry_run=True, now=now
    )
    assert result.status == "dry-run" and result.ok
    assert result.diff is not None and len(result.diff.added) == 4
    assert snapshot(rules) == before


def test_diff_output_names_added_removed_and_changed(
    rules: Path, tmp_path: Path, now: dt.datetime
) -> None:
    update(
        un.SOURCE,
        rules,
        from_path=un_file(tmp_path, ["ANNA ONE", "BORIS TWO", "CARL THREE"]),
        now=now,
    )
    result = update(
        un.SOURCE,
        rules,
        now=now,
        from_path=un_file(
            tmp_path, ["ANNA ONE", "BORIS ZWEI", "CARL THREE", "DORA FOUR"], "un2.xml"
        ),
    )
    assert result.diff is not None
    lines = result.diff.render()
    assert lines[0] == "3 → 4 records: 1 added, 0 removed, 1 changed"
    assert "  + 4 DORA FOUR" in lines
    assert any(
        line.startswith("  ~ 2 BORIS ZWEI: names (+'BORIS ZWEI', -'BORIS TWO')") for line in lines
    )
    result = update(
        un.SOURCE,
        rules,
        now=now,
        from_path=un_file(tmp_path, ["ANNA ONE", "BORIS ZWEI", "CARL THREE"], "un3.xml"),
        max_shrink=1.0,  # one of four entries is more than a list may lose by default
    )
    assert result.diff is not None and result.diff.removed == ["4 DORA FOUR"]


def test_shrink_gate_refuses_then_force_accepts(
    rules: Path, tmp_path: Path, now: dt.datetime, snapshot: Snapshot
) -> None:
    names = ["ANNA ONE", "BORIS TWO", "CARL THREE", "DORA FOUR"]
    update(un.SOURCE, rules, from_path=un_file(tmp_path, names), now=now)
    target = target_path(un.SOURCE, rules)
    table = target.read_bytes()
    small = un_file(tmp_path, ["ANNA ONE"], "small.xml")
    result = update(un.SOURCE, rules, from_path=small, now=now)
    assert result.status == "refused"
    assert "1 entries against 4 now (75% fewer)" in result.message
    assert "the limit is 5% fewer of each" in result.message  # a sanctions list's default
    assert "use --force" in result.message
    assert target.read_bytes() == table
    failure = last_failure(target)
    assert failure is not None and "1 entries against 4" in failure.error
    assert update(un.SOURCE, rules, from_path=small, now=now, max_shrink=0.8).status == "written"
    update(un.SOURCE, rules, from_path=un_file(tmp_path, names, "again.xml"), now=now)
    forced = update(un.SOURCE, rules, from_path=small, now=now, force=True)
    assert forced.status == "written"
    assert forced.warnings and "accepted because of --force" in forced.warnings[0]
    assert len(json.loads(target.read_text())["entries"]) == 1


def test_empty_list_is_refused_unless_forced(rules: Path, fixtures: Path, now: dt.datetime) -> None:
    update(un.SOURCE, rules, from_path=fixtures / "un" / "consolidated.xml", now=now)
    target = target_path(un.SOURCE, rules)
    table = target.read_bytes()
    result = update(un.SOURCE, rules, from_path=fixtures / "un" / "empty.xml", now=now)
    assert result.status == "refused"
    assert "empty (0 records)" in result.message
    assert target.read_bytes() == table
    forced = update(un.SOURCE, rules, from_path=fixtures / "un" / "empty.xml", now=now, force=True)
    assert forced.status == "written"


def test_validation_failure_is_never_forced(rules: Path, tmp_path: Path, now: dt.datetime) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(
        (Path(__file__).parents[1] / "fixtures" / "feeds" / "ecb" / "eurofxref-daily.xml")
        .read_text()
        .replace("currency='USD'", "currency='US'")
    )
    target = target_path(ecb.SOURCE, rules)
    table = target.read_bytes()
    for force in (False, True):
        result = update(ecb.SOURCE, rules, from_path=bad, now=now, force=force)
        assert result.status == "refused"
        assert "fails validation" in result.message
        assert "'US' is not a currency code" in result.message
    assert target.read_bytes() == table


def test_identical_payload_is_unchanged_and_not_rewritten(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    path = fixtures / "un" / "consolidated.xml"
    update(un.SOURCE, rules, from_path=path, now=now)
    target = target_path(un.SOURCE, rules)
    table = target.read_bytes()
    later = now + dt.timedelta(hours=5)
    result = update(un.SOURCE, rules, from_path=path, now=later)
    assert result.status == "unchanged"
    assert target.read_bytes() == table
    assert load_state(target).checked_at == "2026-03-04T17:00:00Z"


def test_identical_payload_is_parsed_again_after_a_parser_upgrade(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    path = fixtures / "un" / "consolidated.xml"
    update(un.SOURCE, rules, from_path=path, now=now)
    target = target_path(un.SOURCE, rules)
    doc = json.loads(target.read_text())
    doc["provenance"]["parser_version"] = "un/1"  # written before addresses were kept
    for entry in doc["entries"]:
        del entry["addresses"]
    target.write_text(json.dumps(doc))
    result = update(un.SOURCE, rules, from_path=path, now=now)
    assert result.status == "written"
    assert json.loads(target.read_text())["provenance"]["parser_version"] == "un/2"


def test_fetch_uses_etag_and_304_confirms_the_table(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    body = (fixtures / "un" / "consolidated.xml").read_bytes()
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"abc"':
            return httpx.Response(304)
        return httpx.Response(200, content=body, headers={"ETag": '"abc"'})

    with Fetcher(transport=httpx.MockTransport(handler), sleep=lambda s: None) as fetcher:
        first = update(un.SOURCE, rules, fetcher=fetcher, now=now)
        target = target_path(un.SOURCE, rules)
        table = target.read_bytes()
        second = update(un.SOURCE, rules, fetcher=fetcher, now=now + dt.timedelta(days=1))
    assert (first.status, second.status) == ("written", "not-modified")
    assert seen == [None, '"abc"']
    assert target.read_bytes() == table
    assert load_state(target).checked_at == "2026-03-05T12:00:00Z"


def test_etag_is_not_reused_after_the_table_changed_underneath(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    body = (fixtures / "un" / "consolidated.xml").read_bytes()
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("If-None-Match"))
        return httpx.Response(200, content=body, headers={"ETag": '"abc"'})

    with Fetcher(transport=httpx.MockTransport(handler), sleep=lambda s: None) as fetcher:
        update(un.SOURCE, rules, fetcher=fetcher, now=now)
        target_path(un.SOURCE, rules).unlink()
        update(un.SOURCE, rules, fetcher=fetcher, now=now)
    assert seen == [None, None]


def test_unreachable_source_leaves_table_in_place(rules: Path, now: dt.datetime) -> None:
    target = target_path(ecb.SOURCE, rules)
    table = target.read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("network unreachable", request=request)

    with Fetcher(
        transport=httpx.MockTransport(handler), sleep=lambda s: None, retries=2
    ) as fetcher:
        result = update(ecb.SOURCE, rules, fetcher=fetcher, now=now)
    assert result.status == "failed" and not result.ok
    assert "cannot reach" in result.message and "left in place" in result.message
    assert target.read_bytes() == table
    assert not prev_path(target).exists()
    failure = last_failure(target)
    assert failure is not None and "cannot reach" in failure.error


def test_crash_while_writing_leaves_old_table(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    target = target_path(ecb.SOURCE, rules)
    table = target.read_bytes()

    def crash(tmp: Path) -> None:
        raise OSError("disk full (simulated)")

    result = update(
        ecb.SOURCE,
        rules,
        from_path=fixtures / "ecb" / "eurofxref-daily.xml",
        now=now,
        before_replace=crash,
    )
    assert result.status == "failed"
    assert "disk full" in result.message
    assert target.read_bytes() == table
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_rollback_restores_previous_version(rules: Path, tmp_path: Path, now: dt.datetime) -> None:
    update(un.SOURCE, rules, from_path=un_file(tmp_path, ["ANNA ONE", "BORIS TWO"]), now=now)
    target = target_path(un.SOURCE, rules)
    first = target.read_bytes()
    update(
        un.SOURCE,
        rules,
        now=now,
        from_path=un_file(tmp_path, ["ANNA ONE", "BORIS TWO", "CARL THREE"], "b.xml"),
    )
    second = target.read_bytes()
    result = rollback_source(un.SOURCE, rules)
    assert result.status == "rolled-back"
    assert result.diff is not None and result.diff.removed == ["3 CARL THREE"]
    assert target.read_bytes() == first
    assert rollback_source(un.SOURCE, rules).status == "rolled-back"
    assert target.read_bytes() == second


def test_rollback_without_history_fails_cleanly(rules: Path) -> None:
    result = rollback_source(un.SOURCE, rules)
    assert result.status == "failed"
    assert "no previous version" in result.message


def test_written_tables_keep_the_rules_library_loadable(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    from clearance.feeds import cpsc, tedb

    for source, path in (
        (ecb.SOURCE, fixtures / "ecb" / "eurofxref-hist.xml"),
        (tedb.SOURCE, fixtures / "tedb" / "retrieveVatRates-response.xml"),
        (un.SOURCE, fixtures / "un" / "consolidated.xml"),
        (cpsc.SOURCE, fixtures / "cpsc" / "recalls.json"),
    ):
        assert update(source, rules, from_path=path, now=now).status == "written"
    library = load_library(rules)
    assert {"fx_rates", "vat_rates"} <= set(library.tables)


@pytest.mark.parametrize("status", ["written", "refused"])
def test_result_to_dict_is_json(
    rules: Path, fixtures: Path, tmp_path: Path, now: dt.datetime, status: str
) -> None:
    path = fixtures / "un" / ("consolidated.xml" if status == "written" else "empty.xml")
    result = update(un.SOURCE, rules, from_path=path, now=now)
    assert result.status == status
    json.dumps(result.to_dict())
