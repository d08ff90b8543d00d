"""HTTP for the feeds: timeouts, retries with back-off, conditional requests and a size limit.

:class:`Fetcher` wraps one ``httpx.Client``. Tests hand it an ``httpx.MockTransport`` and a fake
``sleep`` so that nothing touches the network and back-off costs no time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

import httpx

from clearance.feeds.errors import FetchError, TooLargeError

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""Largest answer a feed reads by default (the biggest source, OFAC's XML, is well below)."""

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = "clearance-feeds/0.1 (compliance data refresh; python-httpx)"


@dataclass(frozen=True)
class Validators:
    """What a server sent to make the next request conditional (ETag, Last-Modified)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators allow."""
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Response:
    """A fetched resource: its bytes, or ``not_modified`` after a 304 answer."""

    url: str
    status: int
    content: bytes
    validators: Validators
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        """True when the server answered 304 Not Modified."""
        return self.status == 304


class Fetcher:
    """Fetch URLs with timeouts, bounded retries, exponential back-off and a size limit."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 2.0,
        max_backoff: float = 120.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        sleep: Callable[[float], None] = time.sleep,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.attempts: list[str] = []
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 20.0)),
            follow_redirects=True,
            headers={"User-Agent": user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying HTTP client."""
        self._client.close()

    def get(
        self,
        url: str,
        *,
        source: str,
        validators: Validators | None = None,
        method: str = "GET",
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """Fetch ``url``; retry transport errors and 408/429/5xx; raise FetchError at the end.

        A 304 answer (after conditional headers from ``validators``) returns a Response whose
        ``not_modified`` is true and whose content is empty.
        """
        limit = max_bytes or self.max_bytes
        request_headers = dict(headers or {})
        if validators is not None:
            request_headers.update(validators.headers())
        last_problem = ""
        retry_after: float | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self._delay(attempt, retry_after))
            retry_after = None
            self.attempts.append(url)
            try:
                with self._client.stream(
                    method, url, headers=request_headers, content=body
                ) as answer:
                    if answer.status_code in RETRY_STATUS:
                        last_problem = f"HTTP {answer.status_code}"
                        retry_after = _retry_after(answer)
                        continue
                    if answer.status_code == 304:
                        return Response(url, 304, b"", validators or Validators())
                    if answer.status_code >= 400:
                        raise FetchError(
                            f"{url} answered HTTP {answer.status_code} "
                            f"{answer.reason_phrase}".rstrip(),
                            source=source,
                        )
                    content = _read_limited(answer, limit, url, source)
                    return Response(
                        url=str(answer.url),
                        status=answer.status_code,
                        content=content,
                        validators=Validators(
                            answer.headers.get("ETag"), answer.headers.get("Last-Modified")
                        ),
                        content_type=answer.headers.get("Content-Type", ""),
                    )
            except httpx.TransportError as exc:
                last_problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            except httpx.HTTPError as exc:  # invalid URL and the like: not worth retrying
                raise FetchError(f"cannot fetch {url}: {exc}", source=source) from None
        raise FetchError(
            f"cannot reach {url} after {self.retries + 1} attempt(s): {last_problem}", source=source
        )

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_backoff)
        delay: float = min(self.backoff * (2 ** (attempt - 1)), self.max_backoff)
        return delay


def _retry_after(answer: httpx.Response) -> float | None:
    value = answer.headers.get("Retry-After", "").strip()
    return float(value) if value.isdigit() else None


def _read_limited(answer: httpx.Response, limit: int, url: str, source: str) -> bytes:
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLargeError(
            f"{url} is {int(declared):,} bytes, over the limit of {limit:,}", source=source
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise TooLargeError(
                f"{url} is larger than the limit of {limit:,} bytes; not read to the end",
                source=source,
            )
        chunks.append(chunk)
    return b"".join(chunks)
