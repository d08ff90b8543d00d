"""A limit on the size of a request's head (request line and headers), in the HTTP parser.

httptools, uvicorn's fast parser, has no limit of its own: it collects a header however long
it is (a 64 MiB ``Authorization`` header took 11-23 s and about 190 MB before the app could
answer 401). :class:`LimitedHttpToolsProtocol` counts the bytes of each request's head as they
arrive and, past ``CLEARANCE_MAX_HEADER_BYTES`` (default 32 KiB), answers ``431 Request Header
Fields Too Large`` at once, without parsing any further or running the app. It then reads
and discards what the client still sends for a moment before closing, so that the client sees
the answer rather than a reset connection. With the h11 parser the same limit is set as
``h11_max_incomplete_event_size`` (h11 answers 400). :func:`uvicorn_options` gives both.
"""

from __future__ import annotations

import asyncio
import json
from functools import cache
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

DRAIN_S = 1.0
"""How long a refused connection is read (and discarded) before it is closed."""
PROTOCOL = "clearance.api.header_limit:LimitedHttpToolsProtocol"


@cache
def header_limit() -> int:
    """The limit in force in this process: ``CLEARANCE_MAX_HEADER_BYTES`` or the default."""
    from clearance.api.settings import Settings

    return Settings.from_env().max_header_bytes


def uvicorn_options(limit: int) -> dict[str, Any]:
    """uvicorn options that refuse request heads over ``limit`` bytes."""
    return {"http": PROTOCOL, "h11_max_incomplete_event_size": limit}


def refusal(limit: int) -> bytes:
    """The whole 431 answer (a problem document; the connection is closed after it)."""
    body = json.dumps(
        {
            "type": "https://clearance.dev/problems/headers-too-large",
            "title": "Request header fields too large",
            "status": 431,
            "detail": f"The request line and headers are over the limit of {limit} bytes.",
        }
    ).encode()
    return (
        b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
        b"content-type: application/problem+json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\n"
        b"connection: close\r\n\r\n" + body
    )


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a limit on the bytes of each request head."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_limit = header_limit()
        self._head_bytes = 0
        self._in_head = True
        self._refused = False

    def data_received(self, data: bytes) -> None:
        """Feed the parser, but no more than the limit of a head that has not ended."""
        if self._refused:
            return  # draining: the answer is sent, what follows is discarded
        if not self._in_head:
            super().data_received(data)
            return
        room = self._head_limit - self._head_bytes
        if len(data) <= room:
            self._head_bytes += len(data)
            super().data_received(data)
            return
        self._head_bytes += room
        super().data_received(data[:room])
        if self._in_head and self.parser is not None and not self.transport.is_closing():
            self._refuse()
            return
        if not self._refused and self.parser is not None and not self.transport.is_closing():
            super().data_received(data[room:])

    def on_headers_complete(self) -> None:
        """The head has ended within the limit."""
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        """What comes next on this connection is the head of the next request."""
        super().on_message_complete()
        self._in_head = True
        self._head_bytes = 0

    def _refuse(self) -> None:
        self._refused = True
        self.logger.warning(
            "refused a request head over %d bytes from %s", self._head_limit, self.client
        )
        self.transport.write(refusal(self._head_limit))
        if self.transport.can_write_eof():
            self.transport.write_eof()
        asyncio.get_running_loop().call_later(DRAIN_S, self.transport.close)
