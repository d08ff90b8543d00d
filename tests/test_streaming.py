"""Streaming (issue 12, item 1): every input format is read record by record and every output
written when the run ends is spooled, not kept in memory.

Memory is checked with tracemalloc (Python's own allocations, deterministic), never with
timings: reading the first record of a large file must allocate a small fraction of the file.
"""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from clearance.cli import inputs, textdecode
from clearance.cli.inputs import TableOptions, read
from clearance.cli.main import app
from clearance.cli.spool import JsonArray, Spool, indented_json
from clearance.engine.errors import InputError
from clearance.feeds.store import atomic_stream

runner = CliRunner()
ROWS = 120_000
G = "http://base.google.com/ns/1.0"


def _first_record_peak(path: Path, **options: Any) -> tuple[Any, int]:
    """The first record of ``path`` and the peak of Python allocations while reading it (the
    second time: the first imports what the format needs)."""
    next(read(path, markets=["DE"], tables=TableOptions(**options)))
    tracemalloc.start()
    try:
        records = read(path, markets=["DE"], tables=TableOptions(**options))
        first = next(records)
        _, peak = tracemalloc.get_traced_memory()
        records.close()
    finally:
        tracemalloc.stop()
    return first, peak


def _csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("kind,id,title,markets\n")
        for i in range(ROWS):
            handle.write(f"listing,L{i},Ceramic mug number {i} with a handle,DE\n")
    return path


def _shopify(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price\n")
        for i in range(ROWS // 2):
            handle.write(f"mug-{i},Mug {i},<p>A ceramic mug</p>,Acme,SKU{i}-A,12.00\n")
            handle.write(f"mug-{i},,,,SKU{i}-B,13.00\n")
    return path


def _merchant_tsv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("id\ttitle\tdescription\tprice\tcondition\tavailability\tlink\n")
        for i in range(ROWS):
            handle.write(f"M{i}\tMug {i}\tA ceramic mug\t12.00 EUR\tnew\tin stock\thttps://x/{i}\n")
    return path


def _merchant_xml(path: Path, items: int = ROWS // 2, tail: str = "</channel></rss>\n") -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f'<?xml version="1.0"?>\n<rss version="2.0" xmlns:g="{G}"><channel>\n')
        for i in range(items):
            handle.write(
                f"<item><g:id>X{i}</g:id><title>Mug {i}</title><g:price>12.00 EUR</g:price>"
                "<description>A ceramic mug</description></item>\n"
            )
        handle.write(tail)
    return path


def _jsonl(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(ROWS):
            handle.write(json.dumps({"kind": "listing", "id": f"L{i}", "title": "Mug"}) + "\n")
    return path


@pytest.mark.parametrize(
    ("name", "write", "options"),
    [
        ("docs.csv", _csv, {}),
        ("shopify.csv", _shopify, {"currency": "EUR"}),
        ("feed.tsv", _merchant_tsv, {}),
        ("feed.xml", _merchant_xml, {}),
        ("docs.jsonl", _jsonl, {}),
    ],
)
def test_the_first_record_comes_without_the_file_being_held(
    tmp_path: Path, name: str, write: Any, options: dict[str, Any]
) -> None:
    path = write(tmp_path / name)
    size = path.stat().st_size
    assert size > 4_000_000
    first, peak = _first_record_peak(path, **options)
    assert first.error is None, first.error
    assert first.index == 0
    # a whole-file read holds the bytes and the text (two or more times the file); this holds
    # a 1 MiB chunk of the encoding pass and a few rows
    assert peak < size / 2, f"{peak} bytes allocated for a {size}-byte file"


def test_a_large_csv_is_read_to_the_end_in_order(tmp_path: Path) -> None:
    path = _csv(tmp_path / "docs.csv")
    ids = [r.data["id"] for r in read(path)]
    assert ids == [f"L{i}" for i in range(ROWS)]


def test_feed_items_already_read_are_let_go(tmp_path: Path) -> None:
    """lxml's tree is C memory, which tracemalloc does not see: check instead that each item is
    given with the items before it emptied and let go (the items after it are those the
    parser has read ahead, one buffer's worth)."""
    from clearance.cli.google_merchant import _elements

    path = _merchant_xml(tmp_path / "feed.xml", items=300)
    with path.open("rb") as handle:
        seen = 0
        for element in _elements(handle, str(path)):
            before = element.getprevious()  # the item given before, emptied, or nothing
            assert before is None or (len(before) == 0 and before.getprevious() is None)
            seen += 1
    assert seen == 300


def test_a_feed_broken_part_way_gives_no_listing(tmp_path: Path) -> None:
    path = _merchant_xml(tmp_path / "feed.xml", items=50, tail="<item><g:id>bad</item>")
    records = read(path, markets=["DE"])
    with pytest.raises(InputError) as caught:
        next(records)
    assert "malformed XML" in str(caught.value) and caught.value.line == 53


def test_a_feed_without_items_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text('<rss version="2.0"><channel><title>x</title></channel></rss>')
    with pytest.raises(InputError, match="no <item>"):
        list(read(path, markets=["DE"]))


def test_items_of_an_atom_feed_and_nested_items_of_rss(tmp_path: Path) -> None:
    atom = tmp_path / "atom.xml"
    atom.write_text(
        f'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="{G}">'
        "<entry><g:id>A1</g:id><title>One</title></entry>\n"
        "<entry><g:id>A2</g:id><title>Two</title></entry></feed>"
    )
    assert [r.data["id"] for r in read(atom, markets=["DE"])] == ["A1", "A2"]
    rss = tmp_path / "rss.xml"
    rss.write_text(
        f'<rss xmlns:g="{G}"><channel><item><g:id>R1</g:id><title>One</title></item>'
        "<other><item><g:id>NOT</g:id></item></other></channel></rss>"
    )
    records = list(read(rss, markets=["DE"]))
    assert [(r.data["id"], r.line) for r in records] == [("R1", 1)]


def test_shopify_rows_of_a_product_must_come_together(tmp_path: Path) -> None:
    path = tmp_path / "products.csv"
    path.write_text(
        "Handle,Title,Variant SKU,Variant Price\n"
        "mug,Mug,M-1,12.00\n"
        "cup,Cup,C-1,10.00\n"
        "mug,,M-2,13.00\n"
    )
    records = list(read(path, markets=["DE"], tables=TableOptions(currency="EUR")))
    assert [r.data["id"] for r in records[:2]] == ["mug", "cup"]
    assert records[2].line == 4 and "not together" in str(records[2].error)


def test_a_refused_row_naming_no_product_does_not_split_the_product(tmp_path: Path) -> None:
    path = tmp_path / "products.csv"
    path.write_text(
        "Handle,Title,Variant SKU,Variant Price\n"
        "mug,Mug,M-1,12.00\n"
        ",,,,,,,\n"  # more cells than the header, and no Handle
        "mug,,M-2,13.00\n"
    )
    records = list(read(path, markets=["DE"], tables=TableOptions(currency="EUR")))
    assert [(r.data["id"], r.line, r.error is not None) for r in records] == [
        ("mug/M-1", 2, False),
        ("mug/M-2", 4, False),
        (None, 3, True),  # after the product whose rows it sits between
    ]


def test_a_json_lines_line_over_the_limit_refuses_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 100)
    path = tmp_path / "docs.jsonl"
    long = json.dumps({"kind": "listing", "id": "LONG", "title": "x" * 500})
    path.write_text(f'{{"kind": "listing", "id": "A"}}\n{long}\n{{"kind": "listing", "id": "B"}}\n')
    first, second, third = read(path)
    assert first.data["id"] == "A" and third.data["id"] == "B"
    assert second.line == 2 and "longer than the limit of 100 bytes" in str(second.error)
    exact = json.dumps({"kind": "listing", "id": "E", "title": "x"})
    exact = exact[:-1] + " " * (100 - len(exact)) + "}"  # 100 bytes and its newline: kept
    path.write_text(exact + "\n" + exact)
    assert [r.data["id"] for r in read(path)] == ["E", "E"]


def test_a_json_array_item_over_the_window_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearance.cli import json_stream

    monkeypatch.setattr(json_stream, "MAX_ITEM_CHARS", 1000)
    path = tmp_path / "docs.json"
    docs = [{"kind": "listing", "id": "A", "title": "y" * 5000}, {"kind": "listing", "id": "B"}]
    path.write_text(json.dumps(docs))
    assert [r.data["id"] for r in read(path)] == ["A", "B"]


class _Stdin:
    """Standard input as a pipe gives it: read as asked, never all at once."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data), buffer_size=4096)  # type: ignore[arg-type]


def test_json_lines_on_standard_input_are_read_as_they_come(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [json.dumps({"kind": "listing", "id": f"L{i}", "title": "Mug"}) for i in range(50_000)]
    stdin = _Stdin(("\n".join(lines) + "\n").encode())
    monkeypatch.setattr(sys, "stdin", stdin)
    records = read(Path("-"))
    assert next(records).data["id"] == "L0"
    assert stdin.buffer.tell() < 20_000  # a few lines read, not the 2 MB
    assert sum(1 for _ in records) == 49_999


def test_csv_on_standard_input_is_read_through_a_spool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"kind,id,title,markets\nlisting,C1,Mug,DE\n"))
    [record] = read(Path("-"), fmt="csv")
    assert record.data == {"kind": "listing", "id": "C1", "title": "Mug", "markets": ["DE"]}
    assert record.file == "<stdin>" and record.line == 2


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list('ab,;\t"\r\n é€\u2028\x0c')), min_size=0, max_size=60
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    chunk=st.integers(min_value=1, max_value=7),
)
def test_lines_of_a_file_are_those_of_its_text(text: str, encoding: str, chunk: int) -> None:
    """Split into lines from the file, in chunks of any size, as the whole text would be."""
    raw = text.encode(encoding, errors="replace")
    expected = textdecode.decode_table(raw)
    saved = textdecode.SCAN_CHUNK
    textdecode.SCAN_CHUNK = chunk
    try:
        handle = io.BytesIO(raw)
        how = textdecode.scan(handle)
        table = textdecode.open_table(handle, how)
        lines = list(table.lines)
    finally:
        textdecode.SCAN_CHUNK = saved
    assert how.label == expected.encoding
    assert "".join(lines) == expected.text
    assert lines == io.StringIO(expected.text, newline="").readlines() or lines == [""]


def test_a_multibyte_sequence_split_between_chunks_still_means_utf8(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(textdecode, "SCAN_CHUNK", 4)
    raw = b"abc\xc3\xa9 \xff"  # one UTF-8 sequence across the first two chunks, one bad byte
    assert textdecode.scan(io.BytesIO(raw)).label == "UTF-8"
    assert textdecode.scan(io.BytesIO(b"abcd \xe9")).label == "Windows-1252"


@pytest.mark.parametrize("level", [0, 1, 3])
@pytest.mark.parametrize("first", [[], [{"a": 1}]])
@pytest.mark.parametrize("items", [[], [1], [{"x": [1, {"y": "a\nb"}]}, [], {}, "é"]])
def test_a_spooled_array_reads_as_json_dumps_writes_it(
    level: int, first: list[Any], items: list[Any]
) -> None:
    array = JsonArray(level)
    for item in items:
        array.append(item)
    out = io.BytesIO()
    array.write_to(out, first)
    prefix, suffix = "", ""
    for depth in range(level):  # the array as the value of "k" in `level` nested objects
        prefix += "{\n" + "  " * (depth + 1) + '"k": '
        suffix = "\n" + "  " * depth + "}" + suffix
    assert prefix + out.getvalue().decode() + suffix == indented_json(
        _wrap(first + items, level), 0
    )


def _wrap(value: Any, level: int) -> Any:
    for _ in range(level):
        value = {"k": value}
    return value


@pytest.mark.parametrize("first", [[], [{"a": [1, 2]}]])
def test_a_compact_array_holds_one_item_per_line(first: list[Any]) -> None:
    array = JsonArray(2, compact=True)
    items: list[Any] = [{"x": [1, {"y": "a\nb"}]}, [], "é"]
    for item in items:
        array.append(item)
    out = io.BytesIO()
    array.write_to(out, first)
    text = out.getvalue().decode()
    assert json.loads(text) == first + items
    lines = ["      " + json.dumps(v, ensure_ascii=False) for v in [*first, *items]]
    assert text.splitlines()[1:-1] == [line + "," for line in lines[:-1]] + lines[-1:]


def test_a_spool_copies_ranges() -> None:
    spool = Spool()
    spool.write("abc")
    middle = spool.tell()
    spool.write(b"def")
    out = io.BytesIO()
    spool.copy_to(out, middle)
    spool.copy_to(out, 0, middle)
    spool.write("g")
    spool.copy_to(out, 6)
    assert out.getvalue() == b"defabcg"
    spool.close()


def test_an_output_that_fails_part_way_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_stream(target) as handle:
        handle.write(b"half")
        raise RuntimeError("stopped")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]


def test_whole_run_outputs_hold_every_report_of_the_stream(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    docs = [
        {"kind": "listing", "id": f"L{i}", "title": "Mug", "markets": ["DE"]} for i in range(40)
    ]
    docs[7]["title"] = "Lead-free miracle cure that treats cancer"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs) + "{bad\n")
    jsonl = runner.invoke(app, ["check", str(path), "--format", "jsonl", "--jobs", "1"])
    whole = runner.invoke(
        app,
        [
            "check",
            str(path),
            "--format",
            "json",
            "--jobs",
            "1",
            "--output",
            f"jsonl={tmp_path / 'o'}",
        ],
    )
    assert jsonl.exit_code == whole.exit_code == 2
    reports = [json.loads(line) for line in jsonl.stdout.splitlines()]
    data = json.loads(whole.stdout)
    assert data["reports"] == reports
    assert data["summary"]["documents"] == 41
    assert sum(data["summary"]["decisions"].values()) == 41
    assert [json.loads(x) for x in (tmp_path / "o").read_text().splitlines()] == reports
