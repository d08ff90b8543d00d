"""Google Merchant Center product feeds read as listings, in every format Merchant Center
accepts: RSS 2.0 and Atom 1.0 XML (attributes in the ``g:`` namespace) and tab-separated text
(a header row of attribute names).

Each item is read on its own: one that cannot be (a price that is not a price, no market) is an
error naming its ``id`` and line, and the other items are still read. XML is parsed with entity
resolution and network access off. lxml is imported when a feed is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from clearance.cli.catalogue_formats import Item, parse_price, text_of_html
from clearance.cli.csv_rows import csv_rows
from clearance.engine.errors import DocumentError, InputError

G = "{http://base.google.com/ns/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"
TSV_COLUMNS = {"id", "title"}
"""Columns every Merchant Center text feed has (with price, link or description beside them)."""
CHILDREN = ("kids", "toddler", "infant", "newborn")

Attributes = dict[str, list[str]]
"""An item's attributes by name (without namespace), each with its values in order."""


def is_merchant_tsv_header(header: list[str]) -> bool:
    """True for the header of a Merchant Center tab-separated feed."""
    names = {h.strip().lower() for h in header}
    return names >= TSV_COLUMNS and bool(names & {"price", "link", "description", "gtin"})


def _parser_options() -> dict[str, bool]:
    """No entities resolved, no network, no DTD, lxml's limits on depth and text size."""
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "huge_tree": False,
        "remove_comments": True,
    }


def _elements(handle: BinaryIO, source: str) -> Iterator[Any]:
    """The ``<item>`` elements of an RSS feed (under ``channel``) or the ``<entry>`` elements
    of an Atom feed, each given once it has been read whole and cleared once the caller has
    taken it, so memory holds one at a time."""
    from lxml import etree

    handle.seek(0)
    depth = 0
    wanted: tuple[int, str, str | None] | None = None  # depth, tag, parent tag
    try:
        for event, element in etree.iterparse(handle, events=("start", "end"), **_parser_options()):
            if event == "start":
                if wanted is None:
                    atom = element.tag == ATOM + "feed"
                    wanted = (1, ATOM + "entry", None) if atom else (2, "item", "channel")
                depth += 1
                continue
            depth -= 1
            assert wanted is not None
            if depth == wanted[0] and element.tag == wanted[1]:
                parent = element.getparent()
                if wanted[2] is None or (parent is not None and parent.tag == wanted[2]):
                    yield element
                element.clear()
                while element.getprevious() is not None:  # the items already given
                    del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed XML: {exc.msg}", source=source, line=exc.lineno) from None


def google_merchant(handle: BinaryIO, source: str, markets: list[str]) -> Iterator[Item]:
    """Listings from an RSS 2.0 or Atom 1.0 Merchant Center feed, read item by item. The whole
    feed is parsed once first (keeping nothing), so a feed that is not well-formed, or has no
    item, gives no listing: it is refused at the line where it breaks."""
    if not sum(1 for _ in _elements(handle, source)):
        raise InputError(
            "no <item> (RSS) or <entry> (Atom) elements: not a Google Merchant feed",
            source=source,
            line=1,
        )
    for element in _elements(handle, source):
        yield _item(_xml_attributes(element), element.sourceline or 0, source, markets)


def merchant_tsv(
    lines: Iterable[str], source: str, markets: list[str], encoding: str
) -> Iterator[Item]:
    """Listings from a Merchant Center tab-separated feed (its lines, as
    textdecode.open_table gives them); a refused row is an error alone."""
    _, rows = csv_rows(lines, source, "\t", encoding)
    for row in rows:
        if row.error is not None:
            yield Item(row.line, {"kind": "listing", "id": None}, row.error)
            continue
        attrs: Attributes = {}
        for name, cell in row.cells.items():
            key = name.strip().lower()
            if cell.strip():
                attrs[key] = _tsv_values(key, cell.strip())
        yield _item(attrs, row.line, source, markets)


def _tsv_values(name: str, cell: str) -> list[str]:
    if name == "additional_image_link":
        return [v.strip() for v in cell.split(",") if v.strip()]
    if name == "shipping":  # country:region:service:price, several joined by commas
        return [part.split(":", 1)[0].strip() for part in cell.split(",") if part.strip()]
    return [cell]


def _xml_attributes(element: Any) -> Attributes:
    attrs: Attributes = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = child.tag.rsplit("}", 1)[-1]
        if child.tag == G + "shipping":
            countries = [c.text.strip() for c in child.iterfind(G + "country") if c.text]
            attrs.setdefault("shipping", []).extend(countries)
            continue
        if child.tag == ATOM + "link":  # Atom: <link href="..."/>
            if child.get("href"):
                attrs.setdefault("link", []).append(child.get("href"))
            continue
        if child.tag == ATOM + "summary" or child.tag == ATOM + "content":
            name = "description"
        text = (child.text or "").strip()
        if text:
            attrs.setdefault(name, []).append(text)
    return attrs


def _item(attrs: Attributes, line: int, source: str, markets: list[str]) -> Item:
    doc = _doc(attrs, markets)
    name = f"item {doc['id']!r}" if doc["id"] else "item without g:id"
    price = _first(attrs, "price")
    if price:
        try:
            amount, currency = parse_price(price)
        except DocumentError as exc:
            exc.message = f"{name}: {exc.message}"
            exc.source, exc.line = source, line
            return Item(line, doc, exc)
        doc["price"] = {"amount": float(amount), "currency": currency}
    if not doc["markets"]:
        error = DocumentError(
            f"{name} has no g:shipping country and no --market was given",
            field="$.markets",
            source=source,
            line=line,
        )
        return Item(line, doc, error)
    return Item(line, doc)


def _first(attrs: Attributes, name: str) -> str:
    values = attrs.get(name)
    return values[0] if values else ""


def _doc(attrs: Attributes, markets: list[str]) -> dict[str, Any]:
    countries = [c.upper() for c in attrs.get("shipping", [])]
    doc: dict[str, Any] = {
        "kind": "listing",
        "id": _first(attrs, "id"),
        "markets": list(markets) or list(dict.fromkeys(countries)),
    }
    for field in ("title", "brand", "gtin", "mpn"):
        if _first(attrs, field):
            doc[field] = _first(attrs, field)
    if _first(attrs, "description"):
        doc["description"] = text_of_html(_first(attrs, "description"))
    category = _first(attrs, "google_product_category") or _first(attrs, "product_type")
    if category:
        doc["category"] = category
    images = attrs.get("image_link", [])[:1] + attrs.get("additional_image_link", [])
    if images:
        doc["images"] = images
    if _first(attrs, "age_group").lower() in CHILDREN:
        doc["attributes"] = {"children_product": True}
    return doc
