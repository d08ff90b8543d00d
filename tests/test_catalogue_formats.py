"""Shopify product CSV exports and Google Merchant feeds are screened as listings."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.catalogue_formats import parse_price
from clearance.cli.csv_rows import MAX_CELL_CHARS
from clearance.cli.inputs import read
from clearance.cli.main import app
from clearance.engine.errors import DocumentError

REPO_ROOT = Path(__file__).resolve().parents[1]

runner = CliRunner()
SAMPLES = REPO_ROOT.parent / "shared" / "samples" / "product-feeds"

SHOPIFY = (
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Variant SKU,Variant Barcode,Image Src\n"
    'bottle,Die beste Flasche,<p>Aus <b>Edelstahl</b></p>,Acme,Bottles,"steel, bpa-free",B-1,'
    "4006381333931,https://img.example/1.jpg\n"
    "bottle,,,,,,B-2,,https://img.example/2.jpg\n"
    "speaker,Bluetooth speaker,,SoundMax,Audio,,S-1,3.65275E+11,\n"
)
GMC = b"""<?xml version="1.0"?>
<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel><title>t</title>
<item><g:id>A1</g:id><g:title>Hikvision camera</g:title><g:brand>Hikvision</g:brand>
<g:price>89.00 USD</g:price><g:shipping><g:country>US</g:country></g:shipping></item>
<item><g:id>A2</g:id><g:title>Toy</g:title><g:price>ten dollars</g:price></item>
</channel></rss>"""


def test_shopify_rows_merge_into_one_listing_per_handle(tmp_path: Path) -> None:
    path = tmp_path / "products.csv"
    path.write_text(SHOPIFY, encoding="utf-8")
    records = list(read(path, markets=["DE"]))
    # the bottle has two variants (B-1, B-2): each is screened; the speaker has one
    bottle1, bottle2, speaker = (r.data for r in records)
    assert [bottle1["id"], bottle2["id"], speaker["id"]] == ["bottle/B-1", "bottle/B-2", "speaker"]
    for bottle in (bottle1, bottle2):
        assert bottle["title"] == "Die beste Flasche" and bottle["description"] == "Aus Edelstahl"
        assert bottle["images"] == ["https://img.example/1.jpg", "https://img.example/2.jpg"]
        assert bottle["keywords"] == ["steel", "bpa-free"] and bottle["markets"] == ["DE"]
    assert bottle1["gtin"] == "4006381333931" and "gtin" not in bottle2
    assert bottle1["mpn"] == "B-1" and bottle2["mpn"] == "B-2"
    assert speaker["gtin"] == "3.65275E+11"  # Excel mangled it; kept so the GTIN rules flag it
    assert [r.line for r in records] == [2, 3, 4]


def test_shopify_needs_a_market(tmp_path: Path) -> None:
    path = tmp_path / "products.csv"
    path.write_text(SHOPIFY, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2 and "give --market" in result.output


def test_google_merchant_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(GMC)
    result = runner.invoke(app, ["check", str(path), "--format", "jsonl"])
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert first["markets"] == ["US"] and first["decision"] == "block"
    assert [f["rule_id"] for f in first["findings"]] == ["US.FCC.COVERED_LIST"]
    assert second["decision"] == "error" and second["errors"][0]["field"] == "$.price"
    assert result.exit_code == 2


def test_google_merchant_xml_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = GMC.replace(
        b'<?xml version="1.0"?>',
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'.encode(),
    ).replace(b"Hikvision camera", b"&x;")
    path = tmp_path / "feed.xml"
    path.write_bytes(xxe)
    records = list(read(path, markets=["US"]))
    assert all("TOPSECRET" not in json.dumps(r.data) for r in records)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_real_sample_feeds_are_read() -> None:
    gmc = list(read(SAMPLES / "google-merchant" / "example-feed.xml", markets=["DE"]))
    assert len(gmc) >= 3 and all(r.data["title"] for r in gmc)
    shop = list(read(SAMPLES / "shopify" / "apparel.csv", markets=["FR"]))
    assert len(shop) >= 10 and len({r.data["id"] for r in shop}) == len(shop)
    assert not [r.error for r in gmc + shop if r.error]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_real_merchant_sample_items_without_shipping_are_errors_alone() -> None:
    path = SAMPLES / "google-merchant" / "example-feed.xml"
    records = list(read(path))  # no --market: an item's g:shipping countries are its markets
    lines = path.read_text(encoding="utf-8").splitlines()
    unshipped = [r for r in records if r.error]
    assert unshipped and len(unshipped) < len(records)  # the items that ship are still read
    for record in unshipped:
        assert record.error is not None and record.line is not None
        assert f"item {record.data['id']!r} has no g:shipping country" in str(record.error)
        assert lines[record.line - 1].strip() == "<item>" and record.error.line == record.line
    shipped = [r.data for r in records if r.error is None]
    assert all(d["markets"] and d["price"]["currency"] == "USD" for d in shipped)


def _gmc_item(item_id: str, price: str | None = "12.00 GBP", country: str | None = "GB") -> str:
    """One <item> as Merchant Center exports it: comments, CDATA, a shipping block."""
    price_tag = f"\n      <g:price>{price}</g:price>" if price is not None else ""
    shipping = (
        f"\n      <g:shipping>\n        <g:country>{country}</g:country>\n"
        "        <g:service>Standard</g:service>\n        <g:price>3.95 GBP</g:price>\n"
        "      </g:shipping>"
        if country
        else ""
    )
    return (
        "    <item>\n"
        "      <!-- required attributes -->\n"
        f"      <g:id>{item_id}</g:id>\n"
        f"      <g:title><![CDATA[Mug {item_id} & saucer]]></g:title>\n"
        "      <g:description>Stoneware mug</g:description>\n"
        f"      <g:link>https://shop.example/{item_id}</g:link>\n"
        f"      <g:image_link>https://img.example/{item_id}.jpg</g:image_link>\n"
        "      <g:availability>in stock</g:availability>"
        f"{price_tag}{shipping}\n"
        "      <g:brand>Acme</g:brand>\n"
        "      <g:mpn>MUG-1</g:mpn>\n"
        "    </item>\n"
    )


def _gmc_feed(items: list[str]) -> bytes:
    return (
        '<?xml version="1.0"?>\n'
        '<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">\n'
        "  <channel>\n    <title>Example store</title>\n"
        "    <link>https://shop.example</link>\n    <description>feed</description>\n"
        + "".join(items)
        + "  </channel>\n</rss>\n"
    ).encode()


def test_one_bad_merchant_item_does_not_stop_the_feed(tmp_path: Path) -> None:
    items = [_gmc_item(f"MUG-{i}") for i in range(73)]
    items[10] = _gmc_item("MUG-10", price="twelve pounds")
    items[40] = _gmc_item("MUG-40", country=None)
    path = tmp_path / "feed.xml"
    path.write_bytes(_gmc_feed(items))
    records = list(read(path))
    assert len(records) == 73
    assert [r.index for r in records if r.error] == [10, 40]
    assert sum(1 for r in records if r.error is None) == 71  # every other item is read
    price_error, market_error = (r.error for r in records if r.error)
    assert price_error is not None and market_error is not None
    text = path.read_text().splitlines()
    for record, item_id, field in (
        (records[10], "MUG-10", "$.price"),
        (records[40], "MUG-40", "$.markets"),
    ):
        error = record.error
        assert error is not None and error.to_dict()["field"] == field
        assert f"'{item_id}'" in str(error) and error.source == str(path)
        assert record.line == error.line and text[error.line - 1].strip() == "<item>"
        assert f"<g:id>{item_id}</g:id>" in text[error.line + 1]
        assert record.data["id"] == item_id


def test_bad_merchant_items_are_reported_and_the_rest_screened(tmp_path: Path) -> None:
    items = [_gmc_item("OK-1"), _gmc_item("BAD-PRICE", price="12.00 USD extra"), _gmc_item("OK-2")]
    path = tmp_path / "feed.xml"
    path.write_bytes(_gmc_feed(items))
    result = runner.invoke(app, ["check", str(path), "--format", "jsonl"])
    reports = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["id"], r["decision"] == "error") for r in reports] == [
        ("OK-1", False),
        ("BAD-PRICE", True),
        ("OK-2", False),
    ]
    error = reports[1]["errors"][0]
    assert error["field"] == "$.price" and "BAD-PRICE" in error["message"]
    assert error["line"] == reports[1]["source"]["line"] > 1
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("159.00 USD", "159.00", "USD"),
        ("1,299.00 GBP", "1299.00", "GBP"),
        ("GBP 12.00", "12.00", "GBP"),
        ("12,00 EUR", "12.00", "EUR"),
        ("1.299,50 EUR", "1299.50", "EUR"),
        ("£12", "12", "GBP"),
        ("€ 9,99", "9.99", "EUR"),
        ("12 usd", "12", "USD"),
        ("15,000 JPY", "15000", "JPY"),
        ("CHF 12.50", "12.50", "CHF"),
        ("99 zł", "99", "PLN"),
        ("US$ 5", "5", "USD"),
    ],
)
def test_merchant_prices_as_merchant_center_accepts_them(
    text: str, amount: str, currency: str
) -> None:
    assert parse_price(text) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("ten dollars", "no amount"),
        ("12.00", "no known currency"),
        ("12.00 XYZ", "no known currency"),
        ("$5", "more than one currency"),
        ("¥1500", "more than one currency"),
        ("-5 USD", "left over"),
        ("1e3 USD", "left over"),
        ("12 USD EUR", "left over"),
        ("12.00 USD" + " " * 100, "limit"),
    ],
)
def test_merchant_prices_that_are_not_prices_are_refused(text: str, why: str) -> None:
    with pytest.raises(DocumentError, match=why) as caught:
        parse_price(text)
    assert caught.value.field == "$.price"


def test_merchant_items_keep_their_parsed_price(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(_gmc_feed([_gmc_item("A", price="1,299.00 GBP"), _gmc_item("B", "€ 9,99")]))
    prices = [r.data["price"] for r in read(path)]
    assert prices == [{"amount": 1299.0, "currency": "GBP"}, {"amount": 9.99, "currency": "EUR"}]


def test_shopify_row_with_an_oversize_cell_is_an_error_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    big = "<p>" + "x" * MAX_CELL_CHARS + "</p>"
    text = SHOPIFY.replace("<p>Aus <b>Edelstahl</b></p>", big)
    path = tmp_path / "products.csv"
    path.write_text(text, encoding="utf-8")
    bottle, speaker = read(path, markets=["DE"])
    assert bottle.error is not None and bottle.data["id"] == "bottle"
    assert bottle.line == 2 and bottle.error.line == 2 and bottle.error.source == str(path)
    assert "column 'Body (HTML)' (column 3)" in str(bottle.error)
    assert speaker.error is None and speaker.data["title"] == "Bluetooth speaker"


def test_shopify_rows_that_cannot_be_read_are_errors(tmp_path: Path) -> None:
    text = SHOPIFY + 'mug,"Mug"x,,,,,M-1,,\n' + "cup,Cüp,,,,,C-1,,\n"  # UTF-8 ("ü")
    path = tmp_path / "products.csv"
    path.write_bytes(text.encode().replace(b"Bluetooth", b"Blue\xfftooth"))
    records = list(read(path, markets=["DE"]))
    assert [(r.data.get("id"), r.line, r.error is not None) for r in records] == [
        ("bottle/B-1", 2, False),
        ("bottle/B-2", 3, False),
        ("speaker", 4, True),  # not UTF-8
        (None, 5, True),  # malformed: no handle can be read
        ("cup", 6, False),
    ]
    assert "not valid UTF-8" in str(records[2].error) and "'Title'" in str(records[2].error)
    assert "malformed CSV" in str(records[3].error)
