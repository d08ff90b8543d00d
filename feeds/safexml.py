"""The one place feeds build lxml parsers: no entities, no DTDs, no network, huge-tree limits on.

Every XML or HTML payload a feed reads goes through :func:`parse_xml` or :func:`html_title`.
A document that declares a DTD (the carrier of external entities and of "billion laughs"
entity bombs) is refused outright: none of the sources uses one.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from clearance.feeds.errors import ParseError, UnsafeXMLError

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


def xml_parser() -> Any:
    """Return a new lxml XML parser with every dangerous feature switched off.

    Entities are not resolved, no DTD is loaded or validated, the network is never touched and
    lxml's huge-tree protection (limits on depth and text node size) stays on.
    """
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def html_parser() -> Any:
    """Return a new lxml HTML parser that never touches the network."""
    return etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML page (an error page served instead of data)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def html_title(data: bytes) -> str:
    """The title (or first heading) of an HTML page, for an error message; '' when none."""
    try:
        root = etree.fromstring(data[:200_000], html_parser())
    except (etree.XMLSyntaxError, ValueError):
        return ""
    if root is None:
        return ""
    for path in ("//title", "//h1", "//h2"):
        found = root.xpath(path)
        if found:
            text = " ".join("".join(found[0].itertext()).split())
            if text:
                return text[:120]
    return ""


def refuse_html(data: bytes, what: str, source: str) -> None:
    """Raise ParseError when ``data`` is an HTML page although ``what`` was expected."""
    if looks_like_html(data):
        title = html_title(data)
        shown = f" ({title!r})" if title else ""
        raise ParseError(
            f"the source answered with an HTML page{shown} instead of {what}", source=source
        )


def parse_xml(data: bytes, *, source: str, what: str = "XML") -> Any:
    """Parse ``data`` safely and return the root element; refuse anything suspicious.

    Raises UnsafeXMLError for a DTD or entity declaration, ParseError for an HTML page, an
    empty payload, a wrong encoding or truncated / malformed XML (with the line number).
    """
    if not data.strip():
        raise ParseError(f"empty payload where {what} was expected", source=source)
    refuse_html(data, what, source)
    if _DOCTYPE.search(data[:65536]):
        raise UnsafeXMLError(
            "the XML declares a DTD or entities (<!DOCTYPE/<!ENTITY>); refused, since that is how "
            "external-entity and entity-expansion attacks are carried",
            source=source,
        )
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None)
        where = f" at line {line}" if line else ""
        message = str(exc.msg) if getattr(exc, "msg", None) else str(exc)
        if "entity" in message.lower() or "amplification" in message.lower():
            raise UnsafeXMLError(
                f"entity declarations or references refused{where}: {message}", source=source
            ) from None
        if "encoding" in message.lower() or "utf-8" in message.lower():
            raise ParseError(f"wrong encoding{where}: {message}", source=source) from None
        raise ParseError(f"truncated or malformed XML{where}: {message}", source=source) from None
    if root is None:
        raise ParseError(f"no XML document in the payload where {what} was expected", source=source)
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
        raise UnsafeXMLError("the XML carries a DTD; refused", source=source)
    return root


def local(tag: Any) -> str:
    """The local name of an element's tag, without its namespace ('' for comments and PIs)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(element: Any, path: str) -> str:
    """The stripped text at ``path`` (namespace-agnostic with ``{*}``), or ''."""
    found = element.find(path)
    if found is None or found.text is None:
        return ""
    return " ".join(found.text.split())
