"""Errors raised by the feeds, all under the project's one hierarchy.

::

    ClearanceError (engine.errors)
    └── FeedError               a feed could not be refreshed; the current table is left in place
        ├── FetchError          the source could not be reached or answered with an HTTP error
        │   └── TooLargeError   the answer is larger than the source's size limit
        ├── ParseError          the payload is not in the source's format (truncated, wrong
        │   │                   encoding, an HTML error page, a fake error row, no records)
        │   └── UnsafeXMLError  XML that declares a DTD or entities (XXE, billion laughs)
        ├── GateError           the new table was refused by a sanity gate (empty, shrank too much,
        │                       failed validation)
        └── StoreError          the table could not be written or rolled back

Every error names the source it is about, renders to one line for people and to a dict for
machines, like the rest of :mod:`engine.errors`.
"""

from __future__ import annotations

from typing import Any

from clearance.engine.errors import ClearanceError


class FeedError(ClearanceError):
    """A feed could not be refreshed; the current table was left untouched."""

    kind = "feed"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(message)

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        return f"{prefix}{self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return the machine-readable form of this error."""
        return {"kind": self.kind, "source": self.source, "message": self.message}


class FetchError(FeedError):
    """The source could not be reached, timed out, or answered with an HTTP error status."""

    kind = "feed-fetch"


class TooLargeError(FetchError):
    """The answer exceeded the source's size limit; it was not read to the end."""

    kind = "feed-too-large"


class ParseError(FeedError):
    """The payload is not in the source's format: truncated, wrong encoding, an HTML page..."""

    kind = "feed-parse"


class UnsafeXMLError(ParseError):
    """XML that declares a DTD or entities; never parsed further (XXE, entity expansion)."""

    kind = "feed-unsafe-xml"


class GateError(FeedError):
    """A sanity gate refused the new table (empty, shrank too much, or invalid)."""

    kind = "feed-gate"

    def __init__(self, message: str, *, source: str | None = None, forceable: bool = True) -> None:
        super().__init__(message, source=source)
        self.forceable = forceable


class StoreError(FeedError):
    """The table could not be written, or there is no previous version to roll back to."""

    kind = "feed-store"
