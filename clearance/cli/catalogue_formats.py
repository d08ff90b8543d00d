"""Catalogue exports read as listings: Shopify product CSV exports (Google Merchant Center feeds
are in google_merchant.py), and the price and HTML readers they share.

Neither format says which markets a product is sold into, so the markets come from
``--market`` (a Google Merchant item's ``g:shipping/g:country`` is used when present).

lxml is imported when a feed or an HTML description is read, not when the module is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from clearance.cli.csv_rows import csv_rows
from clearance.engine.errors import DocumentError, InputError

SHOPIFY_COLUMNS = {"Handle", "Title", "Variant SKU"}
MAX_PRICE_CHARS = 64
# Currency symbols that name one currency; "$", "¥", "kr" name several and are refused.
SYMBOLS = {
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₫": "VND",
    "₴": "UAH",
    "₱": "PHP",
    "฿": "THB",
    "zł": "PLN",
    "Kč": "CZK",
    "Ft": "HUF",
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
}


@dataclass
class Item:
    """One product read from a catalogue export, or the error that stopped it being read."""

    line: int
    doc: dict[str, Any]
    error: DocumentError | InputError | None = None


def is_shopify_header(header: list[str]) -> bool:
    """True for the header of a Shopify product CSV export."""
    return set(header) >= SHOPIFY_COLUMNS


def text_of_html(fragment: str) -> str:
    """The text of an HTML fragment (no network, comments dropped), whitespace collapsed."""
    if "<" not in fragment:
        return fragment.strip()
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True)
    root = lxml_html.fromstring(f"<div>{fragment}</div>", parser=parser)
    return " ".join(str(root.text_content()).split())


VARIANT_COLUMNS = ("Variant SKU", "Variant Barcode", "Variant Price", "Option1 Value")
MANGLED_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
"""What a spreadsheet makes of a long number it read as a number: 3.65275E+11."""


@dataclass
class _Product:
    """A Shopify product: its first row's line, shared cells, and its variant rows."""

    line: int
    cells: dict[str, str] = field(default_factory=dict)
    images: list[str] = field(default_factory=list)
    variants: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    error: InputError | None = None


def shopify(
    lines: Iterable[str],
    source: str,
    markets: list[str],
    currency: str | None = None,
    encoding: str = "UTF-8",
) -> Iterator[Item]:
    """Listings from a Shopify export (its lines, as textdecode.open_table gives them): one per
    variant (a product with one variant is one listing named by its Handle; with several, each
    is ``handle/SKU``), with the product's title, description, vendor, tags and images and the
    variant's barcode, SKU, MPN and price (in ``currency``: the export does not name the shop's
    currency).

    A product's rows come one after another (Shopify writes and imports them so); each product
    is given when its last row has been read, so memory holds one product at a time. A refused
    row (malformed, a cell over the size limit, bytes that are not valid) turns its product into
    an error at that row's line; the other products are still read. A Handle whose rows are not
    together is refused at the row where it comes back.
    """
    _, rows = csv_rows(lines, source, ",", encoding)
    current: str | None = None  # the Handle of the product being read
    product = _Product(0)
    done: set[str] = set()
    refused: list[_Product] = []
    for row in rows:
        handle = row.cells.get("Handle", "").strip()
        if row.error is not None:
            handle = handle if _printable(handle) else ""
            if not handle:  # a refused row that names no product: an error of its own, given
                refused.append(_Product(row.line, error=row.error))  # after the current product
                continue
        elif not handle:
            continue
        if handle != current:
            if current is not None:
                yield from _shopify_items(current, product, source, markets, currency)
                done.add(current)
            for bad in refused:
                yield from _shopify_items("", bad, source, markets, currency)
            refused.clear()
            current, product = handle, _Product(row.line)
            if handle in done:
                product.error = InputError(
                    f"the rows of product {handle!r} are not together (Shopify exports list a "
                    "product's rows one after another)",
                    source=source,
                    line=row.line,
                )
        if row.error is not None:
            product.error = product.error or row.error
            continue
        for name, value in row.cells.items():
            if value.strip() and not product.cells.get(name):
                product.cells[name] = value.strip()
        image = row.cells.get("Image Src", "").strip()
        if image and image not in product.images:
            product.images.append(image)
        if any(row.cells.get(c, "").strip() for c in VARIANT_COLUMNS):
            product.variants.append((row.line, row.cells))
    if current is not None:
        yield from _shopify_items(current, product, source, markets, currency)
    for bad in refused:
        yield from _shopify_items("", bad, source, markets, currency)


def _shopify_items(
    handle: str, product: _Product, source: str, markets: list[str], currency: str | None
) -> Iterator[Item]:
    """The listings of one Shopify product (one per variant), or its error."""
    if not markets:
        raise InputError(
            "a Shopify export does not say where products are sold: give --market", source=source
        )
    if product.error is not None:
        yield Item(product.line, {"kind": "listing", "id": handle or None}, product.error)
        return
    variants = product.variants or [(product.line, {})]
    for number, (line, cells) in enumerate(variants, start=1):
        doc = _shopify_product(handle, product, markets)
        if len(variants) > 1:
            doc["id"] = f"{handle}/{_cell(cells, 'Variant SKU') or number}"
            options = [_cell(cells, f"Option{n} Value") for n in (1, 2, 3)]
            named = [o for o in options if o and o != "Default Title"]
            if named and "title" in doc:
                doc["title"] = f"{doc['title']} - {' / '.join(named)}"
        try:
            _shopify_variant(doc, cells, currency)
        except DocumentError as exc:
            exc.source, exc.line = source, line
            yield Item(line, doc, exc)
            continue
        yield Item(line, doc)


def _cell(cells: dict[str, str], name: str) -> str:
    return (cells.get(name) or "").strip()


def _printable(text: str) -> bool:
    """True for a short, printable, valid text (a refused row's Handle may be none of these)."""
    return len(text) <= 1000 and text.isprintable()


def _shopify_product(handle: str, product: _Product, markets: list[str]) -> dict[str, Any]:
    cells = product.cells
    doc: dict[str, Any] = {"kind": "listing", "id": handle, "markets": list(markets)}
    if _cell(cells, "Title"):
        doc["title"] = _cell(cells, "Title")
    if _cell(cells, "Body (HTML)"):
        doc["description"] = text_of_html(_cell(cells, "Body (HTML)"))
    if _cell(cells, "Vendor"):
        doc["brand"] = _cell(cells, "Vendor")
    if _cell(cells, "Type"):
        doc["category"] = _cell(cells, "Type")
    if _cell(cells, "Tags"):
        doc["keywords"] = [t.strip() for t in _cell(cells, "Tags").split(",") if t.strip()]
    if product.images:
        doc["images"] = list(product.images)
    return doc


def _identifier(cells: dict[str, str], column: str) -> str:
    """A cell used as a product identifier; DocumentError when a spreadsheet turned it into a
    number (3.65275E+11 is not the MPN the manufacturer gave)."""
    value = _cell(cells, column)
    if value and MANGLED_NUMBER.match(value):
        raise DocumentError(
            f"column {column!r}: {value!r} is a number a spreadsheet rewrote, not an "
            "identifier (format the column as text before exporting)",
            field="$.mpn",
        )
    return value


def _shopify_variant(doc: dict[str, Any], cells: dict[str, str], currency: str | None) -> None:
    if _cell(cells, "Variant Barcode"):  # kept as written: the GTIN rules check it
        doc["gtin"] = _cell(cells, "Variant Barcode")
    mpn = _identifier(cells, "Google Shopping / MPN") or _identifier(cells, "Variant SKU")
    if mpn:
        doc["mpn"] = mpn
    price = _cell(cells, "Variant Price")
    if price and currency:
        amount, code = parse_price(f"{price} {currency}")
        doc["price"] = {"amount": float(amount), "currency": code}
    image = _cell(cells, "Variant Image")
    if image and image not in doc.setdefault("images", []):
        doc["images"].append(image)


def parse_price(text: str) -> tuple[Decimal, str]:
    """Amount and ISO 4217 code of a Merchant Center price: ``1,299.00 GBP``, ``€ 9,99``.

    Parsed with price-parser; the text must hold nothing but the amount and one currency (a
    code, or a symbol that names one currency), so ``-5 USD`` or ``$5`` is refused, not guessed.
    """
    if len(text) > MAX_PRICE_CHARS:
        raise DocumentError(
            f"price is {len(text)} characters, more than the limit of {MAX_PRICE_CHARS}",
            field="$.price",
        )
    from price_parser import Price

    read = text
    price = Price.fromstring(read)
    if price.currency is None:  # codes are known in capitals only: "12 usd"
        read = text.upper()
        price = Price.fromstring(read)
    if price.amount is None or price.amount_text is None:
        raise DocumentError(f"price {text!r} has no amount", field="$.price")
    if price.currency is None:
        raise DocumentError(
            f"price {text!r} has no known currency: write an ISO 4217 code, e.g. '12.00 EUR'",
            field="$.price",
        )
    rest = read.replace(price.amount_text, " ", 1).replace(price.currency, " ", 1)
    if rest.strip():
        raise DocumentError(
            f"price {text!r} is not an amount and a currency ({rest.strip()!r} left over)",
            field="$.price",
        )
    symbol = price.currency
    code = symbol.upper() if len(symbol) == 3 and symbol.isalpha() and symbol.isascii() else None
    code = code or SYMBOLS.get(symbol)
    if code is None:
        raise DocumentError(
            f"price {text!r}: currency {symbol!r} names more than one currency or none; "
            "write an ISO 4217 code, e.g. '12.00 USD'",
            field="$.price",
        )
    return price.amount, code
