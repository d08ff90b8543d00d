"""An OFAC SDN import is complete or refused: companion files, end-of-file marker, every measure.

``sdn.csv`` without ``alt.csv`` and ``add.csv`` loses every alias and address; a file cut at a
line boundary parses but lacks OFAC's end-of-file byte (0x1A); a list that keeps its entries but
loses aliases or addresses, or loses 40% of its rows, is refused by the shrink gate, which
counts entries, names, aliases and addresses with a 5% default for sanctions lists.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clearance.feeds import ofac
from clearance.feeds.pipeline import target_path, update

Snapshot = Callable[[Path], dict[str, bytes | None]]
EOF = b"\x1a"


def _csv(rows: list[str], marker: bool = True) -> bytes:
    """Rows in OFAC's legacy layout: CRLF line ends, then the DOS end-of-file byte."""
    return "".join(r + "\r\n" for r in rows).encode("utf-8") + (EOF if marker else b"")


def sdn_rows(count: int) -> list[str]:
    return [
        f'{1000 + i},"TRADER NUMBER {i} LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        f'"Registration ID {i}."'
        for i in range(count)
    ]


def alt_rows(count: int) -> list[str]:
    return [f'{1000 + i},{5000 + i},"aka","TRADING HOUSE {i} FZE",-0- ' for i in range(count)]


def add_rows(count: int) -> list[str]:
    return [
        f'{1000 + i},{7000 + i},"Office {i}, Sheikh Zayed Road","Dubai","United Arab Emirates",-0- '
        for i in range(count)
    ]


def triple(
    directory: Path,
    sdn: list[str],
    alt: list[str] | None,
    add: list[str] | None,
    marker: bool = True,
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sdn.csv").write_bytes(_csv(sdn, marker))
    if alt is not None:
        (directory / "alt.csv").write_bytes(_csv(alt, marker))
    if add is not None:
        (directory / "add.csv").write_bytes(_csv(add, marker))
    return directory


def entries(rules: Path) -> list[dict[str, object]]:
    doc = json.loads(target_path(ofac.SOURCE, rules).read_text(encoding="utf-8"))
    return list(doc["entries"])


def test_the_csv_fixture_triple_is_complete_and_keeps_addresses(
    rules: Path, fixtures: Path, now: dt.datetime
) -> None:
    result = update(ofac.SOURCE, rules, from_path=fixtures / "ofac", now=now)
    assert result.status == "written", result.message
    acme = {e["id"]: e for e in entries(rules)}["100"]
    assert acme["addresses"] == ["Hauptstrasse 1, Hamburg 20095, Germany", "Tehran, Iran"]
    doc = json.loads(target_path(ofac.SOURCE, rules).read_text(encoding="utf-8"))
    assert doc["provenance"]["counts"] == {
        "entries": 4,
        "names": 7,
        "aliases": 3,
        "addresses": 2,
    }
    # alt.csv has an alias of entity 999, which sdn.csv does not list: left out, and said so
    assert doc["provenance"]["dropped"] == [
        {"reason": "aliases of entity numbers that are not in sdn.csv", "count": 1}
    ]
    assert result.dropped == doc["provenance"]["dropped"]


def test_sdn_csv_without_its_companions_is_refused_unless_forced(
    rules: Path, fixtures: Path, tmp_path: Path, now: dt.datetime, snapshot: Snapshot
) -> None:
    alone = tmp_path / "download" / "sdn.csv"
    alone.parent.mkdir()
    shutil.copy(fixtures / "ofac" / "sdn.csv", alone)
    before = snapshot(rules)
    result = update(ofac.SOURCE, rules, from_path=alone, now=now)
    assert result.status == "refused" and not result.ok
    assert (
        "sdn.csv came without alt.csv (the aliases) and add.csv (the addresses): every alias "
        "and address of the list would be lost; refused (use --force to accept it)"
    ) in result.message
    assert snapshot(rules) == before
    forced = update(ofac.SOURCE, rules, from_path=alone, now=now, force=True)
    assert forced.status == "written"
    assert any("accepted because of --force" in w for w in forced.warnings)


def test_one_missing_companion_is_named(rules: Path, tmp_path: Path, now: dt.datetime) -> None:
    folder = triple(tmp_path / "dl", sdn_rows(3), alt_rows(3), None)
    result = update(ofac.SOURCE, rules, from_path=folder, now=now)
    assert result.status == "refused"
    assert "sdn.csv came without add.csv (the addresses): every address" in result.message


def test_a_file_cut_at_a_line_boundary_is_refused_as_truncated(
    rules: Path, tmp_path: Path, now: dt.datetime, snapshot: Snapshot
) -> None:
    folder = triple(tmp_path / "dl", sdn_rows(10), alt_rows(10), add_rows(10))
    cut = _csv(sdn_rows(10)[:6], marker=False)  # the file simply ends after a full row
    (folder / "sdn.csv").write_bytes(cut)
    before = snapshot(rules)
    result = update(ofac.SOURCE, rules, from_path=folder, now=now)
    assert result.status == "refused"
    assert "sdn.csv does not end with OFAC's end-of-file marker (0x1A)" in result.message
    assert "alt.csv" not in result.message.split("marker")[0]
    assert snapshot(rules) == before


def test_losing_40_percent_of_the_rows_is_refused_by_the_shrink_gate(
    rules: Path, tmp_path: Path, now: dt.datetime, snapshot: Snapshot
) -> None:
    full = triple(tmp_path / "full", sdn_rows(10), alt_rows(10), add_rows(10))
    assert update(ofac.SOURCE, rules, from_path=full, now=now).status == "written"
    # the same files cut after 6 of 10 rows, each still ending with the marker
    cut = triple(tmp_path / "cut", sdn_rows(10)[:6], alt_rows(10)[:6], add_rows(10)[:6])
    before = snapshot(rules)
    result = update(ofac.SOURCE, rules, from_path=cut, now=now)
    assert result.status == "refused"
    assert "6 entries against 10 now (40% fewer)" in result.message
    assert "the limit is 5% fewer of each" in result.message
    assert snapshot(rules) == before


@pytest.mark.parametrize(
    ("part", "measures"),
    [
        ("alt", ["10 names against 20 now (50% fewer)", "0 aliases against 10 now (100% fewer)"]),
        ("add", ["0 addresses against 10 now (100% fewer)"]),
    ],
)
def test_a_list_that_keeps_its_entries_but_loses_aliases_or_addresses_is_refused(
    rules: Path, tmp_path: Path, now: dt.datetime, part: str, measures: list[str]
) -> None:
    full = triple(tmp_path / "full", sdn_rows(10), alt_rows(10), add_rows(10))
    assert update(ofac.SOURCE, rules, from_path=full, now=now).status == "written"
    thin = triple(tmp_path / "thin", sdn_rows(10), alt_rows(10), add_rows(10))
    (thin / f"{part}.csv").write_bytes(EOF)  # present, complete, and empty
    result = update(ofac.SOURCE, rules, from_path=thin, now=now)
    assert result.status == "refused"
    for measure in measures:
        assert measure in result.message
    assert "entries" not in result.message
    assert update(ofac.SOURCE, rules, from_path=thin, now=now, force=True).status == "written"


def test_a_small_delisting_passes_the_gate(rules: Path, tmp_path: Path, now: dt.datetime) -> None:
    full = triple(tmp_path / "full", sdn_rows(40), alt_rows(40), add_rows(40))
    assert update(ofac.SOURCE, rules, from_path=full, now=now).status == "written"
    delisted = triple(tmp_path / "next", sdn_rows(39), alt_rows(39), add_rows(39))
    result = update(ofac.SOURCE, rules, from_path=delisted, now=now)
    assert result.status == "written", result.message  # 1 of 40 is 2.5%
    assert result.diff is not None and result.diff.removed == ["1039 TRADER NUMBER 39 LLC"]


# -- the real samples ----------------------------------------------------------------------


def _real_triple(samples: Path, tmp_path: Path, marker: bool) -> Path:
    folder = tmp_path / ("real" if marker else "real-cut")
    folder.mkdir()
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        data = (samples / "sanctions" / "ofac" / name).read_bytes()
        # the sample is a hand-cut subset that lost OFAC's end-of-file byte; put it back
        (folder / name).write_bytes(data + EOF if marker and not data.endswith(EOF) else data)
    return folder


def test_real_sample_without_its_companions_is_refused_and_loses_names_if_forced(
    samples: Path, rules: Path, tmp_path: Path, now: dt.datetime
) -> None:
    complete = _real_triple(samples, tmp_path, marker=True)
    written = update(ofac.SOURCE, rules, from_path=complete, now=now)
    assert written.status == "written", written.message
    counts = json.loads(target_path(ofac.SOURCE, rules).read_text())["provenance"]["counts"]
    assert counts["entries"] == 17 and counts["aliases"] > 0 and counts["addresses"] > 0
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(complete / "sdn.csv", alone / "sdn.csv")
    refused = update(ofac.SOURCE, rules, from_path=alone / "sdn.csv", now=now)
    assert refused.status == "refused"
    assert "without alt.csv (the aliases) and add.csv (the addresses)" in refused.message
    # forcing the missing companions still meets the shrink gate on names, aliases, addresses
    forced = update(ofac.SOURCE, rules, from_path=alone / "sdn.csv", now=now, force=True)
    assert forced.status == "written"
    assert any("aliases against" in w and "addresses against" in w for w in forced.warnings)


def test_real_sample_as_published_needs_its_end_of_file_marker(
    samples: Path, rules: Path, tmp_path: Path, now: dt.datetime, snapshot: Snapshot
) -> None:
    folder = _real_triple(samples, tmp_path, marker=False)
    if (folder / "sdn.csv").read_bytes().rstrip(b"\r\n").endswith(EOF):
        pytest.skip("this copy of the sample kept OFAC's end-of-file byte")
    before = snapshot(rules)
    result = update(ofac.SOURCE, rules, from_path=folder, now=now)
    assert result.status == "refused"
    assert "does not end with OFAC's end-of-file marker (0x1A)" in result.message
    assert snapshot(rules) == before
