"""Sellers' own files: encodings and delimiters detected and reported, column maps (custom and
bundled), Amazon inventory files, Merchant Center Atom and text feeds, Shopify variants, and
--market filling the markets of listings that name none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.column_map import bundled_maps, load_column_map
from clearance.cli.inputs import TableOptions, read
from clearance.cli.main import app
from clearance.cli.textdecode import decode_table, detect_delimiter
from clearance.engine.errors import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "catalogue"
runner = CliRunner()


def _records(path: Path, markets: list[str] | None = None, **options: object) -> list:  # type: ignore[type-arg]
    return list(read(path, markets=markets, tables=TableOptions(**options)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "encoding", "text"),
    [
        ("Größe;€\n".encode(), "UTF-8", "Größe;€\n"),
        (b"\xef\xbb\xbf" + "Größe\n".encode(), "UTF-8 with BOM", "Größe\n"),
        (b"\xff\xfe" + "Größe\tx\n".encode("utf-16-le"), "UTF-16 LE", "Größe\tx\n"),
        (b"\xfe\xff" + "Größe\n".encode("utf-16-be"), "UTF-16 BE", "Größe\n"),
        ("Größe;€;Trinké\n".encode("cp1252"), "Windows-1252", "Größe;€;Trinké\n"),
    ],
)
def test_encodings_are_detected(raw: bytes, encoding: str, text: str) -> None:
    decoded = decode_table(raw)
    assert (decoded.encoding, decoded.text) == (encoding, text)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("id,title,price\n", ","),
        ("id;title;price\n", ";"),
        ("id\ttitle\tprice\n", "\t"),
        ('"a;b",title,price\n', ","),  # a delimiter inside quotes does not count
        ("id|title\n", "|"),
        ("id\n", ","),
    ],
)
def test_delimiters_are_detected(header: str, delimiter: str) -> None:
    assert detect_delimiter(header + "x") == delimiter


def test_a_windows_1252_semicolon_csv_is_read_and_reported(tmp_path: Path) -> None:
    text = "kind;id;markets;title;model;images\nlisting;L-1;DE;Trinkflasche für Kinder;M-1;x.jpg\n"
    path = tmp_path / "listings.csv"
    path.write_bytes(text.encode("cp1252"))
    result = runner.invoke(app, ["check", str(path), "--format", "jsonl", "--fail-on", "none"])
    assert result.exit_code == 0, result.output
    assert "read as Clearance CSV, Windows-1252, semicolon-separated" in result.output
    [report] = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert report["id"] == "L-1" and report["decision"] != "error"


def test_a_utf16_tab_separated_csv_is_read(tmp_path: Path) -> None:
    text = "kind\tid\tmarkets\ttitle\nlisting\tL-1\tDE\tKeramiktasse\n"
    path = tmp_path / "listings.tsv"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    notes: list[str] = []
    [record] = _records(path, notes=notes.append)
    assert record.error is None and record.data["title"] == "Keramiktasse"
    assert notes == [f"{path}: read as Clearance CSV, UTF-16 LE, tab-separated"]


MAP = """kind: listing
columns:
  Artikelnummer: id
  Bezeichnung: title
  Beschreibung: {field: description, parse: html}
  EAN: {field: gtin, parse: identifier}
  Preis: {field: price, parse: price}
  Länder: {field: markets, split: ","}
  Merkmale: {field: bullet_points, split: "|"}
  Gewicht: {field: attributes.weight_kg, parse: number}
  Batterie: {field: attributes.battery_included, parse: boolean}
constants:
  marketplace: own-shop
  manufacturer.name: Acme GmbH
"""


def test_a_column_map_turns_own_columns_into_documents(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    csv_text = (
        "Artikelnummer;Bezeichnung;Beschreibung;EAN;Preis;Länder;Merkmale;Gewicht;Batterie\n"
        'A-1;Trinkflasche;<p>Aus <b>Edelstahl</b></p>;4006381333931;"12,99 EUR";DE,AT;'
        "dicht|leicht;0.4;nein\n"
        "A-2;Lautsprecher;;3.65275E+11;€ 9,99;DE;;;ja\n"
        "A-3;Becher;;;zwölf Euro;DE;;;\n"
    )
    path = tmp_path / "export.csv"
    path.write_text(csv_text, encoding="utf-8")
    cmap = load_column_map(str(tmp_path / "map.yaml"))
    first, second, third = _records(path, column_map=cmap)
    assert first.error is None and first.data == {
        "kind": "listing",
        "id": "A-1",
        "title": "Trinkflasche",
        "description": "Aus Edelstahl",
        "gtin": "4006381333931",
        "price": {"amount": 12.99, "currency": "EUR"},
        "markets": ["DE", "AT"],
        "bullet_points": ["dicht", "leicht"],
        "attributes": {"weight_kg": 0.4, "battery_included": False},
        "marketplace": "own-shop",
        "manufacturer": {"name": "Acme GmbH"},
    }
    assert second.error is not None and second.line == 3
    assert "column 'EAN'" in str(second.error) and "spreadsheet rewrote" in str(second.error)
    assert third.error is not None and "column 'Preis'" in str(third.error)


def test_the_map_file_is_checked_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(MAP.replace("parse: html", "parse: markdown"), "utf-8")
    with pytest.raises(InputError) as caught:
        load_column_map(str(tmp_path / "map.yaml"))
    assert caught.value.line == 5 and "map.yaml" in str(caught.value)
    with pytest.raises(InputError, match="bundled maps: amazon-inventory, magento, woocommerce"):
        load_column_map("shopware")


def test_a_map_whose_columns_are_not_in_the_header_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    path = tmp_path / "other.csv"
    path.write_text("sku,name\nS-1,Mug\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column of the map"):
        _records(path, column_map=load_column_map(str(tmp_path / "map.yaml")))


def test_bundled_maps_are_valid() -> None:
    assert bundled_maps() == ["amazon-inventory", "magento", "woocommerce"]
    for name in bundled_maps():
        assert load_column_map(name).kind == "listing"


def test_woocommerce_export_through_the_bundled_map() -> None:
    result = runner.invoke(
        app,
        [
            "check",
            str(FIXTURES / "woocommerce-export.csv"),
            "--map",
            "woocommerce",
            "--market",
            "DE",
            "--currency",
            "EUR",
            "--format",
            "jsonl",
        ],
    )
    reports = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    bottle, spray = reports
    assert bottle["id"] == "WOO-BOTTLE" and bottle["decision"] != "error"
    assert spray["decision"] == "error" and "spreadsheet rewrote" in spray["errors"][0]["message"]
    assert "through the map woocommerce.yaml, UTF-8 with BOM, comma-separated" in result.output
    [doc] = [
        r.data
        for r in read(
            FIXTURES / "woocommerce-export.csv",
            markets=["DE"],
            tables=TableOptions(load_column_map("woocommerce"), "EUR"),
        )
        if r.error is None
    ]
    assert doc["price"] == {"amount": 19.9, "currency": "EUR"}
    assert doc["images"] == ["https://img.example/b1.jpg", "https://img.example/b2.jpg"]
    assert doc["gtin"] == "4006381333931" and doc["brand"] == "Acme"


def test_an_amazon_inventory_file_is_read_as_listings() -> None:
    notes: list[str] = []
    first, second = _records(FIXTURES / "amazon-inventory.txt", ["DE"], notes=notes.append)
    assert first.error is None and first.line == 4
    doc = first.data
    assert doc["id"] == "SPK-100" and doc["marketplace"] == "amazon"
    assert doc["title"] == "SoundMax Bluetooth Speaker 10 W, Waterproof"
    assert doc["gtin"] == "4006381333931" and doc["mpn"] == "SM-100-BLK"
    assert doc["bullet_points"] == ["IPX7 waterproof", "12 hours of playback"]
    assert doc["images"] == [
        "https://img.example/spk-100.jpg",
        "https://img.example/spk-100-side.jpg",
    ]
    assert doc["price"] == {"amount": 39.99, "currency": "EUR"}
    assert doc["description"] == "Portable speaker with 12 h battery."
    assert doc["manufacturer"] == {"name": "SoundMax Audio GmbH"} and doc["markets"] == ["DE"]
    assert second.error is not None and second.line == 5
    assert "column 'part_number'" in str(second.error)
    assert notes and "amazon-inventory.yaml, UTF-8, tab-separated" in notes[0]


def test_a_merchant_center_text_feed_is_read_item_by_item() -> None:
    tv, toy, bad = _records(FIXTURES / "google-merchant.tsv")
    assert tv.error is None and tv.data["markets"] == ["DE", "AT"]
    assert tv.data["images"] == [
        "https://img.example/tv-55.jpg",
        "https://img.example/tv-55-b.jpg",
        "https://img.example/tv-55-c.jpg",
    ]
    assert tv.data["price"] == {"amount": 499.0, "currency": "EUR"}
    assert toy.data["attributes"] == {"children_product": True}
    assert toy.data["price"] == {"amount": 24.9, "currency": "EUR"}
    assert bad.error is not None and bad.line == 4 and "item 'BAD-1'" in str(bad.error)


def test_a_merchant_center_atom_feed_is_read() -> None:
    mug, camera = _records(FIXTURES / "google-merchant-atom.xml")
    assert mug.error is None and mug.data["title"] == "Stoneware mug 350 ml"
    assert mug.data["description"] == "Dishwasher-safe stoneware mug."
    assert mug.data["brand"] == "Potter & Co" and mug.data["markets"] == ["GB"]
    assert mug.data["price"] == {"amount": 12.0, "currency": "GBP"}
    assert camera.data["markets"] == ["US"] and camera.line > mug.line
    result = runner.invoke(
        app, ["check", str(FIXTURES / "google-merchant-atom.xml"), "--format", "jsonl"]
    )
    rules = {
        f["rule_id"] for r in map(json.loads, result.output.splitlines()) for f in r["findings"]
    }
    assert "US.FCC.COVERED_LIST" in rules


SHOPIFY_VARIANTS = (
    "Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,"
    "Variant Barcode,Google Shopping / MPN,Image Src,Variant Image\n"
    "tee,Organic tee,<p>Cotton</p>,Acme,Size,S,TEE-S,19.00,4006381333931,,https://img/t.jpg,\n"
    "tee,,,,,M,TEE-M,21.00,4006381333948,,,https://img/tm.jpg\n"
    "tee,,,,,L,TEE-L,21.00,,3.65E+11,,\n"
)


def test_each_shopify_variant_is_screened_with_its_barcode_sku_and_price(tmp_path: Path) -> None:
    path = tmp_path / "products_export.csv"
    path.write_text(SHOPIFY_VARIANTS, encoding="utf-8")
    small, medium, large = _records(path, ["DE"], currency="EUR")
    assert small.data["id"] == "tee/TEE-S" and small.data["title"] == "Organic tee - S"
    assert small.data["gtin"] == "4006381333931" and small.data["mpn"] == "TEE-S"
    assert small.data["price"] == {"amount": 19.0, "currency": "EUR"}
    assert medium.data["gtin"] == "4006381333948" and medium.data["price"]["amount"] == 21.0
    assert medium.data["images"] == ["https://img/t.jpg", "https://img/tm.jpg"]
    assert large.error is not None and large.line == 4  # a mangled MPN is no identifier
    assert "Google Shopping / MPN" in str(large.error)
    # without --currency the export's prices cannot be read as money and are left out
    assert "price" not in _records(path, ["DE"])[0].data


def test_market_fills_listings_that_name_none(tmp_path: Path) -> None:
    doc = {"kind": "listing", "id": "L-1", "title": "Keramiktasse", "model": "M-1"}
    path = tmp_path / "listings.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    [record] = list(read(path, markets=["FR"]))
    assert record.data["markets"] == ["FR"]
    [record] = list(read(path))
    assert "markets" not in record.data
