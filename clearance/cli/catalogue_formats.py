"""Catalogue exports read as listings: Shopify product CSV and Google Merchant Center feeds.

Neither format says which markets a product is sold into, so the markets come from
``--market`` (a Google Merchant item's ``g:shipping/g:country`` is used when present).

lxml is imported when a feed or an HTML description is read, not when the module is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from clearance.cli.csv_rows import csv_rows
from clearance.engine.errors import DocumentError, InputError

G = "{http://base.google.com/ns/1.0}"
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


def _text_of_html(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True)
    root = lxml_html.fromstring(f"<div>{fragment}</div>", parser=parser)
    return " ".join(str(root.text_content()).split())


def shopify(text: str, source: str, markets: list[str]) -> Iterator[Item]:
    """Listings from a Shopify export: one per Handle (variant and image rows are merged).

    A refused row (malformed, a cell over the size limit, bytes that are not UTF-8) turns its
    product into an error at that row's line; the other products are still read.
    """
    _, rows = csv_rows(text, source)
    items: dict[tuple[str, int], Item] = {}  # by Handle; a refused row without one by its line
    for row in rows:
        handle = row.cells.get("Handle", "").strip()
        if row.error is not None:
            handle = handle if _printable(handle) else ""
            key = (handle, 0 if handle else row.line)
            if key not in items or items[key].error is None:
                items[key] = Item(row.line, {"kind": "listing", "id": handle or None}, row.error)
            continue
        if not handle:
            continue
        if (handle, 0) not in items:
            doc = {"kind": "listing", "id": handle, "markets": list(markets)}
            items[handle, 0] = Item(row.line, doc)
        if items[handle, 0].error is None:
            _merge_shopify_row(items[handle, 0].doc, row.cells)
    if items and not markets:
        raise InputError(
            "a Shopify export does not say where products are sold: give --market", source=source
        )
    yield from items.values()


def _printable(text: str) -> bool:
    """True for a short, printable, valid text (a refused row's Handle may be none of these)."""
    return len(text) <= 1000 and text.isprintable()


def _merge_shopify_row(doc: dict[str, Any], row: dict[str, str]) -> None:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    if cell("Title") and "title" not in doc:
        doc["title"] = cell("Title")
    if cell("Body (HTML)") and "description" not in doc:
        doc["description"] = _text_of_html(cell("Body (HTML)"))
    if cell("Vendor") and "brand" not in doc:
        doc["brand"] = cell("Vendor")
    if cell("Type") and "category" not in doc:
        doc["category"] = cell("Type")
    if cell("Tags") and "keywords" not in doc:
        doc["keywords"] = [t.strip() for t in cell("Tags").split(",") if t.strip()]
    if cell("Variant Barcode") and "gtin" not in doc:
        doc["gtin"] = cell("Variant Barcode")
    if cell("Variant SKU") and "mpn" not in doc:
        doc["mpn"] = cell("Variant SKU")
    if cell("Google Shopping / MPN"):
        doc["mpn"] = cell("Google Shopping / MPN")
    for image in (cell("Image Src"), cell("Variant Image")):
        if image and image not in doc.setdefault("images", []):
            doc["images"].append(image)


def google_merchant(raw: bytes, source: str, markets: list[str]) -> Iterator[Item]:
    """Listings from a Google Merchant Center RSS 2.0 feed (``g:`` namespace).

    Each ``<item>`` is read on its own: one that cannot be (a price that is not a price, no
    market) is an error naming its ``g:id`` and line, and the other items are still read.
    """
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        root = etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed XML: {exc.msg}", source=source, line=exc.lineno) from None
    items = root.findall("./channel/item")
    if not items:
        raise InputError("no <item> elements: not a Google Merchant feed", source=source, line=1)
    for item in items:
        line = item.sourceline or 0
        doc = _gmc_item(item, markets)
        name = f"item {doc['id']!r}" if doc["id"] else "item without g:id"
        try:
            _gmc_price(item, doc)
        except DocumentError as exc:
            exc.message = f"{name}: {exc.message}"
            exc.source, exc.line = source, line
            yield Item(line, doc, exc)
            continue
        if not doc["markets"]:
            error = DocumentError(
                f"{name} has no g:shipping country and no --market was given",
                field="$.markets",
                source=source,
                line=line,
            )
            yield Item(line, doc, error)
            continue
        yield Item(line, doc)


def _text(item: Any, tag: str) -> str:
    el = item.find(G + tag)
    if el is None:
        el = item.find(tag)
    return (el.text or "").strip() if el is not None and el.text else ""


def _gmc_item(item: Any, markets: list[str]) -> dict[str, Any]:
    def get(tag: str) -> str:
        return _text(item, tag)

    countries = [c.text.strip().upper() for c in item.iterfind(f"{G}shipping/{G}country") if c.text]
    doc: dict[str, Any] = {
        "kind": "listing",
        "id": get("id"),
        "markets": list(markets) or list(dict.fromkeys(countries)),
    }
    for field, tag in (("title", "title"), ("brand", "brand"), ("gtin", "gtin"), ("mpn", "mpn")):
        if get(tag):
            doc[field] = get(tag)
    if get("description"):
        doc["description"] = _text_of_html(get("description"))
    category = get("google_product_category") or get("product_type")
    if category:
        doc["category"] = category
    images = [get("image_link")] + [
        (el.text or "").strip() for el in item.iterfind(G + "additional_image_link")
    ]
    if any(images):
        doc["images"] = [i for i in images if i]
    if get("age_group") in ("kids", "toddler", "infant", "newborn"):
        doc["attributes"] = {"children_product": True}
    return doc


def _gmc_price(item: Any, doc: dict[str, Any]) -> None:
    """Set ``doc["price"]`` from the item's ``g:price``; raise DocumentError when it is no price."""
    text = _text(item, "price")
    if text:
        amount, currency = parse_price(text)
        doc["price"] = {"amount": float(amount), "currency": currency}


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
