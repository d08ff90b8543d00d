"""A refused or failed update leaves the rules directory byte for byte as it was.

Officers keep rules/ in git: a failed attempt must not add a ``.state`` file, a directory, a
``.prev`` or a temporary file, nor change one. Each case snapshots the whole rules directory
(every path, every file's bytes) before and after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.feeds import ecb, ofac, un
from clearance.feeds.attempts import last_failure
from clearance.feeds.fetch import Fetcher
from clearance.feeds.pipeline import UpdateResult, rollback_source, target_path, update
from clearance.feeds.store import prev_path, state_path

Snapshot = Callable[[Path], dict[str, bytes | None]]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


def _down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("network unreachable", request=request)


def _fetch(
    rules: Path, source: object, handler: Callable[[httpx.Request], httpx.Response]
) -> UpdateResult:
    with Fetcher(transport=httpx.MockTransport(handler), sleep=lambda s: None, retries=0) as f:
        return update(source, rules, fetcher=f, now=NOW)  # type: ignore[arg-type]


def _bad_file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "downloads" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def _crash(tmp: Path) -> None:
    raise OSError("disk full (simulated)")


def _un_names(tmp_path: Path, names: list[str], file: str) -> Path:
    items = "".join(
        f"<INDIVIDUAL><DATAID>{i + 1}</DATAID><FIRST_NAME>{n}</FIRST_NAME>"
        "<UN_LIST_TYPE>DRC</UN_LIST_TYPE></INDIVIDUAL>"
        for i, n in enumerate(names)
    )
    xml = f"<CONSOLIDATED_LIST><INDIVIDUALS>{items}</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>"
    return _bad_file(tmp_path, file, xml.encode())


def _written_un(rules: Path) -> None:
    good = FIXTURES / "un" / "consolidated.xml"
    assert update(un.SOURCE, rules, from_path=good, now=NOW).status == "written"


Case = Callable[[Path, Path], UpdateResult]

CASES: dict[str, tuple[bool, Case]] = {
    # name: (a good un.json is written first, the failing update)
    "unreachable, first update (no sanctions folder yet)": (
        False,
        lambda rules, tmp: _fetch(rules, un.SOURCE, _down),
    ),
    "unreachable after a good update (a .state file exists)": (
        True,
        lambda rules, tmp: _fetch(rules, un.SOURCE, _down),
    ),
    "HTTP 500": (True, lambda rules, tmp: _fetch(rules, un.SOURCE, lambda r: httpx.Response(500))),
    "HTML error page over HTTP": (
        True,
        lambda rules, tmp: _fetch(
            rules,
            un.SOURCE,
            lambda r: httpx.Response(
                200, content=(FIXTURES / "bad" / "error-page.html").read_bytes()
            ),
        ),
    ),
    "truncated XML": (
        True,
        lambda rules, tmp: update(
            un.SOURCE,
            rules,
            now=NOW,
            from_path=_bad_file(
                tmp, "un.xml", (FIXTURES / "un" / "consolidated.xml").read_bytes()[:900]
            ),
        ),
    ),
    "empty list": (
        True,
        lambda rules, tmp: update(
            un.SOURCE, rules, from_path=FIXTURES / "un" / "empty.xml", now=NOW
        ),
    ),
    "shrink gate": (
        True,
        lambda rules, tmp: update(
            un.SOURCE, rules, from_path=_un_names(tmp, ["ANNA ONE"], "small.xml"), now=NOW
        ),
    ),
    "missing --from file": (
        True,
        lambda rules, tmp: update(un.SOURCE, rules, from_path=tmp / "nope.xml", now=NOW),
    ),
    "invalid table (never forced)": (
        False,
        lambda rules, tmp: update(
            ecb.SOURCE,
            rules,
            now=NOW,
            force=True,
            from_path=_bad_file(
                tmp,
                "daily.xml",
                (FIXTURES / "ecb" / "eurofxref-daily.xml")
                .read_bytes()
                .replace(b"currency='USD'", b"currency='US'"),
            ),
        ),
    ),
    "OFAC sdn.csv without companions, first update": (
        False,
        lambda rules, tmp: update(
            ofac.SOURCE,
            rules,
            now=NOW,
            from_path=_bad_file(tmp, "sdn.csv", (FIXTURES / "ofac" / "sdn.csv").read_bytes()),
        ),
    ),
    "OFAC file without end-of-file marker": (
        False,
        lambda rules, tmp: update(
            ofac.SOURCE,
            rules,
            now=NOW,
            force=False,
            from_path=_cut_ofac(tmp),
        ),
    ),
    "crash while replacing the seed (no .prev yet)": (
        False,
        lambda rules, tmp: update(
            ecb.SOURCE,
            rules,
            now=NOW,
            from_path=FIXTURES / "ecb" / "eurofxref-daily.xml",
            before_replace=_crash,
        ),
    ),
    "dry run refused": (
        True,
        lambda rules, tmp: update(
            un.SOURCE, rules, from_path=FIXTURES / "un" / "empty.xml", now=NOW, dry_run=True
        ),
    ),
}


def _cut_ofac(tmp: Path) -> Path:
    folder = tmp / "ofac-cut"
    folder.mkdir()
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        data = (FIXTURES / "ofac" / name).read_bytes()
        (folder / name).write_bytes(data.rstrip(b"\x1a") if name == "add.csv" else data)
    return folder


@pytest.mark.parametrize("case", list(CASES))
def test_refused_or_failed_update_leaves_rules_dir_byte_for_byte(
    case: str, rules: Path, tmp_path: Path, snapshot: Snapshot
) -> None:
    written_first, run = CASES[case]
    if written_first:
        _written_un(rules)
    before = snapshot(rules)
    result = run(rules, tmp_path)
    assert not result.ok, result.message
    assert result.status in ("refused", "failed")
    assert "left in place" in result.message
    assert snapshot(rules) == before


def test_crash_while_replacing_a_table_keeps_its_previous_version(
    rules: Path, tmp_path: Path, snapshot: Snapshot
) -> None:
    names = ["ANNA ONE", "BORIS TWO", "CARL THREE", "DORA FOUR"]
    update(un.SOURCE, rules, from_path=_un_names(tmp_path, names, "a.xml"), now=NOW)
    update(un.SOURCE, rules, from_path=_un_names(tmp_path, [*names, "EMIL FIVE"], "b.xml"), now=NOW)
    assert prev_path(target_path(un.SOURCE, rules)).exists()
    before = snapshot(rules)
    result = update(
        un.SOURCE,
        rules,
        now=NOW,
        from_path=_un_names(tmp_path, [*names, "EMIL FIVE", "FRED SIX"], "c.xml"),
        before_replace=_crash,
    )
    assert result.status == "failed" and "disk full" in result.message
    assert snapshot(rules) == before


def test_the_failure_is_remembered_in_memory_not_on_disk(rules: Path) -> None:
    _written_un(rules)
    target = target_path(un.SOURCE, rules)
    state = state_path(target).read_bytes()
    result = _fetch(rules, un.SOURCE, _down)
    assert result.status == "failed"
    failure = last_failure(target)
    assert failure is not None and failure.at == NOW and "cannot reach" in failure.error
    assert state_path(target).read_bytes() == state
    again = update(un.SOURCE, rules, from_path=FIXTURES / "un" / "consolidated.xml", now=NOW)
    assert again.status == "unchanged"  # the source confirmed the table: current again
    assert last_failure(target) is None


def test_failed_rollback_writes_nothing(rules: Path, snapshot: Snapshot) -> None:
    before = snapshot(rules)
    assert rollback_source(un.SOURCE, rules).status == "failed"
    assert snapshot(rules) == before


def test_missing_rules_directory_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "no-rules"
    result = update(un.SOURCE, missing, from_path=FIXTURES / "un" / "consolidated.xml", now=NOW)
    assert result.status == "failed" and "is not a directory" in result.message
    assert not missing.exists()


def test_refused_cli_update_leaves_rules_dir_byte_for_byte(rules: Path, snapshot: Snapshot) -> None:
    _written_un(rules)
    before = snapshot(rules)
    result = CliRunner().invoke(
        app,
        [
            "feeds",
            "update",
            "un",
            "--rules",
            str(rules),
            "--from",
            str(FIXTURES / "un" / "empty.xml"),
        ],
    )
    assert result.exit_code == 1
    assert "un: refused" in result.stderr
    assert snapshot(rules) == before
