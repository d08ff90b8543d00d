"""Catalogue exports read as listings: Shopify product CSV and Google Merchant Center feeds.

Neither format says which markets a product is sold into, so the markets come from
``--market`` (a Google Merchant item's ``g:shipping/g:country`` is used when present).

lxml is imported when a feed or an HTML description is read, not when the module is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from clearance.engine.errors import DocumentError, InputError

G = "{http://base.google.com/ns/1.0}"
SHOPIFY_COLUMNS = {"Handle", "Title", "Variant SKU"}
_PRICE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([A-Za-z]{3})\s*$")


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


def shopify(text: str, source: str, markets: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Listings from a Shopify export: one per Handle (variant and image rows are merged)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    products: dict[str, tuple[int, dict[str, Any]]] = {}
    for row in reader:
        handle = (row.get("Handle") or "").strip()
        if not handle:
            continue
        line = reader.line_num
        if handle not in products:
            products[handle] = (line, {"kind": "listing", "id": handle, "markets": list(markets)})
        doc = products[handle][1]
        _merge_shopify_row(doc, row)
    if products and not markets:
        raise InputError(
            "a Shopify export does not say where products are sold: give --market", source=source
        )
    yield from products.values()


def _merge_shopify_row(doc: dict[str, Any], row: dict[str, str | None]) -> None:
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


def google_merchant(
    raw: bytes, source: str, markets: list[str]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Listings from a Google Merchant Center RSS 2.0 feed (``g:`` namespace)."""
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
        doc = _gmc_item(item, markets)
        if not doc["markets"]:
            raise DocumentError(
                "item has no g:shipping country and no --market was given",
                field="$.markets",
                source=source,
                line=item.sourceline,
            )
        yield item.sourceline or 0, doc


def _gmc_item(item: Any, markets: list[str]) -> dict[str, Any]:
    def get(tag: str) -> str:
        el = item.find(G + tag)
        if el is None:
            el = item.find(tag)
        return (el.text or "").strip() if el is not None and el.text else ""

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
    price = _PRICE.match(get("price"))
    if price:
        doc["price"] = {
            "amount": float(price.group(1).replace(",", ".")),
            "currency": price.group(2).upper(),
        }
    elif get("price"):
        raise DocumentError(f"price {get('price')!r} is not 'amount CUR'", field="$.price")
    if get("age_group") in ("kids", "toddler", "infant", "newborn"):
        doc["attributes"] = {"children_product": True}
    return doc
