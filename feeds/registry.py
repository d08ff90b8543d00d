"""Every feed source, by name: where it is fetched from, how often, and which module parses it."""

from __future__ import annotations

from clearance.feeds import (
    cpsc,
    ecb,
    eu_sanctions,
    ofac,
    safety_gate,
    tedb,
    uk_sanctions,
    un,
    us_csl,
)
from clearance.feeds.errors import FeedError
from clearance.feeds.source import Source

SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        ecb.SOURCE,
        tedb.SOURCE,
        ofac.SOURCE,
        ofac.CONS_SOURCE,
        un.SOURCE,
        eu_sanctions.SOURCE,
        uk_sanctions.SOURCE,
        us_csl.SOURCE,
        cpsc.SOURCE,
        safety_gate.SOURCE,
    )
}


def get_source(name: str) -> Source:
    """The source called ``name``; FeedError listing the known ones otherwise."""
    try:
        return SOURCES[name.strip().lower().replace("-", "_")]
    except KeyError:
        raise FeedError(f"unknown source {name!r}; known sources: {', '.join(SOURCES)}") from None


def all_sources() -> list[Source]:
    """Every source, in registry order."""
    return list(SOURCES.values())
