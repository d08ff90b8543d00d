"""Bad input is refused with a clear message and the current table is left byte-for-byte.

Truncated files, wrong encodings, XML with external entities or entity bombs, an HTML error
page where data was expected, the CPSC API's fake error row, an empty list.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from clearance.feeds import cpsc, ecb, ofac, un
from clearance.feeds.errors import UnsafeXMLError
from clearance.feeds.fetch import Fetcher
from clearance.feeds.pipeline import target_path, update
from clearance.feeds.safexml import parse_xml
from clearance.feeds.source import Source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
GOOD: dict[str, Path] = {
    "un": FIXTURES / "un" / "consolidated.xml",
    "ecb": FIXTURES / "ecb" / "eurofxref-hist.xml",
    "ofac": FIXTURES / "ofac" / "sdn.csv",
    "cpsc": FIXTURES / "cpsc" / "recalls.json",
}
SOURCES: dict[str, Source] = {
    "un": un.SOURCE,
    "ecb": ecb.SOURCE,
    "ofac": ofac.SOURCE,
    "cpsc": cpsc.SOURCE,
}


def _text(name: str) -> bytes:
    return GOOD[name].read_bytes()


CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "truncated xml": (
        "un",
        lambda: _text("un")[: len(_text("un")) // 2],
        "truncated or malformed XML at line",
    ),
    "truncated csv mid-quote": ("ofac", lambda: _text("ofac")[:20], "malformed or truncated CSV"),
    "truncated csv row": (
        "ofac",
        lambda: b'100,"ACME TRADING GMBH",-0- ,"IRAN"\r\n',
        "4 fields where 12 were expected",
    ),
    "truncated json": ("cpsc", lambda: _text("cpsc")[:300], "truncated or malformed JSON"),
    "latin-1 in a UTF-8 XML": (
        "un",
        lambda: _text("un").decode().encode("latin-1", "replace"),
        "wrong encoding",
    ),
    "latin-1 JSON": (
        "cpsc",
        lambda: _text("cpsc").replace(b"Heatwave", "Chauffé".encode("latin-1")),
        "not valid UTF-8",
    ),
    "utf-16 csv": (
        "ofac",
        lambda: _text("ofac").decode("latin-1").encode("utf-16"),
        "looks like UTF-16",
    ),
    "external entity (XXE)": (
        "un",
        lambda: (FIXTURES / "bad" / "xxe.xml").read_bytes(),
        "declares a DTD or entities",
    ),
    "billion laughs": (
        "ecb",
        lambda: (FIXTURES / "bad" / "billion-laughs.xml").read_bytes(),
        "declares a DTD or entities",
    ),
    "html error page for xml": (
        "ecb",
        lambda: (FIXTURES / "bad" / "error-page.html").read_bytes(),
        "HTML page ('503 Service Temporarily Unavailable')",
    ),
    "html error page for csv": (
        "ofac",
        lambda: (FIXTURES / "bad" / "error-page.html").read_bytes(),
        "HTML page",
    ),
    "html error page for json": (
        "cpsc",
        lambda: (FIXTURES / "bad" / "error-page.html").read_bytes(),
        "HTML page",
    ),
    "cpsc fake error row": (
        "cpsc",
        lambda: (FIXTURES / "cpsc" / "error-row.json").read_bytes(),
        "fake error row (RecallID 0)",
    ),
    "empty list": ("cpsc", lambda: b"[]", "empty (0 records)"),
    "empty file": ("un", lambda: b"", "empty payload"),
    "another source's file": ("un", lambda: _text("ecb"), "expected <CONSOLIDATED_LIST>"),
    "json object instead of array": (
        "cpsc",
        lambda: b'{"Message": "An error has occurred."}',
        "got an object: An error has occurred.",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_and_table_untouched(case: str, rules: Path, tmp_path: Path) -> None:
    name, make, expected = CASES[case]
    source = SOURCES[name]
    assert update(source, rules, from_path=GOOD[name], now=NOW).status == "written"
    target = target_path(source, rules)
    before = {
        p.name: p.read_bytes() for p in target.parent.iterdir() if not p.name.endswith(".state")
    }
    bad = tmp_path / "bad" / GOOD[name].name
    bad.parent.mkdir()
    bad.write_bytes(make())
    result = update(source, rules, from_path=bad, now=NOW, force=(case == "empty file"))
    assert result.status == "refused", result.message
    assert expected in result.message
    assert "the current table was left in place" in result.message
    after = {
        p.name: p.read_bytes() for p in target.parent.iterdir() if not p.name.endswith(".state")
    }
    assert after == before


def test_entity_bomb_is_refused_fast_and_never_expanded() -> None:
    data = (FIXTURES / "bad" / "billion-laughs.xml").read_bytes()
    start = time.perf_counter()
    with pytest.raises(UnsafeXMLError):
        parse_xml(data, source="t")
    assert time.perf_counter() - start < 1.0


def test_entity_declared_after_a_large_prefix_is_still_refused() -> None:
    # the DTD check does not rely only on the first bytes: lxml's docinfo is checked too
    data = (
        b'<?xml version="1.0"?>\n<!-- ' + b"x" * 70000 + b" -->\n"
        b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>'
    )
    with pytest.raises(UnsafeXMLError):
        parse_xml(data, source="t")


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "{secret.as_uri()}">]><r>&e;</r>'
    ).encode()
    with pytest.raises(UnsafeXMLError) as caught:
        parse_xml(data, source="t")
    assert "TOP-SECRET" not in str(caught.value)


def test_html_error_page_served_over_http_is_refused(rules: Path) -> None:
    page = (FIXTURES / "bad" / "error-page.html").read_bytes()
    target = target_path(ecb.SOURCE, rules)
    table = target.read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=page, headers={"Content-Type": "text/html"})

    with Fetcher(transport=httpx.MockTransport(handler)) as fetcher:
        result = update(ecb.SOURCE, rules, fetcher=fetcher, now=NOW)
    assert result.status == "refused"
    assert "HTML page ('503 Service Temporarily Unavailable') instead of ECB" in result.message
    assert target.read_bytes() == table


def test_missing_from_file_is_a_clear_error(rules: Path, tmp_path: Path) -> None:
    result = update(un.SOURCE, rules, from_path=tmp_path / "nope.xml", now=NOW)
    assert result.status == "refused"
    assert "cannot read" in result.message


def test_entity_bomb_after_a_large_prefix_is_refused_as_unsafe() -> None:
    data = (
        (FIXTURES / "bad" / "billion-laughs.xml")
        .read_bytes()
        .replace(b'<?xml version="1.0"?>', b'<?xml version="1.0"?>\n<!-- ' + b"x" * 70000 + b" -->")
    )
    start = time.perf_counter()
    with pytest.raises(UnsafeXMLError):
        parse_xml(data, source="t")
    assert time.perf_counter() - start < 1.0
