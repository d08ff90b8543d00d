"""Shopify product CSV exports and Google Merchant feeds are screened as listings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.inputs import read
from clearance.cli.main import app

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
    bottle, speaker = (r.data for r in records)
    assert bottle["title"] == "Die beste Flasche" and bottle["description"] == "Aus Edelstahl"
    assert bottle["images"] == ["https://img.example/1.jpg", "https://img.example/2.jpg"]
    assert bottle["keywords"] == ["steel", "bpa-free"] and bottle["markets"] == ["DE"]
    assert speaker["gtin"] == "3.65275E+11"  # Excel mangled it; kept so rules can flag it
    assert records[0].line == 2 and records[1].line == 4


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
