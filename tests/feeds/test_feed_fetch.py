"""feeds.fetch: retries with back-off, conditional requests, size limit, unreachable sources.

Every request goes to an httpx.MockTransport; sleeping is recorded, never done.
"""

from __future__ import annotations

import httpx
import pytest

from clearance.feeds.errors import FetchError, TooLargeError
from clearance.feeds.fetch import Fetcher, Validators

URL = "https://example.test/data.xml"


def fetcher(handler, sleeps: list[float] | None = None, **kwargs) -> Fetcher:  # type: ignore[no-untyped-def]
    record = sleeps if sleeps is not None else []
    return Fetcher(transport=httpx.MockTransport(handler), sleep=record.append, **kwargs)


def test_plain_get_returns_bytes_and_validators() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            content=b"<x/>",
            headers={"ETag": '"v1"', "Last-Modified": "Tue, 03 Mar 2026 15:00:00 GMT"},
        )

    with fetcher(handler) as f:
        answer = f.get(URL, source="t")
    assert answer.content == b"<x/>"
    assert answer.validators == Validators('"v1"', "Tue, 03 Mar 2026 15:00:00 GMT")
    assert not answer.not_modified


def test_retries_transient_errors_with_exponential_backoff() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("connection refused", request=request)
        if len(calls) == 2:
            return httpx.Response(503)
        return httpx.Response(200, content=b"ok")

    sleeps: list[float] = []
    with fetcher(handler, sleeps, retries=3, backoff=2.0) as f:
        assert f.get(URL, source="t").content == b"ok"
    assert len(calls) == 3
    assert sleeps == [2.0, 4.0]


def test_retry_after_header_is_honoured_and_capped() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "7"})
        if len(calls) == 2:
            return httpx.Response(429, headers={"Retry-After": "9999"})
        return httpx.Response(200, content=b"ok")

    sleeps: list[float] = []
    with fetcher(handler, sleeps, max_backoff=60) as f:
        f.get(URL, source="t")
    assert sleeps == [7.0, 60.0]


def test_unreachable_source_fails_after_bounded_attempts() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("name or service not known", request=request)

    sleeps: list[float] = []
    with fetcher(handler, sleeps, retries=2) as f, pytest.raises(FetchError) as caught:
        f.get(URL, source="ecb")
    assert len(calls) == 3
    assert len(sleeps) == 2
    assert "cannot reach" in str(caught.value)
    assert str(caught.value).startswith("ecb: ")


def test_timeouts_are_retried_then_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with fetcher(handler, retries=1) as f, pytest.raises(FetchError, match="ReadTimeout"):
        f.get(URL, source="t")


def test_client_errors_are_not_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(404)

    with fetcher(handler) as f, pytest.raises(FetchError, match="HTTP 404"):
        f.get(URL, source="t")
    assert len(calls) == 1


def test_conditional_request_sends_validators_and_understands_304() -> None:
    seen: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        if request.headers.get("If-None-Match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, content=b"new")

    with fetcher(handler) as f:
        answer = f.get(URL, source="t", validators=Validators('"v1"', "Mon, 02 Mar 2026"))
    assert answer.not_modified
    assert answer.content == b""
    assert seen[0]["If-Modified-Since"] == "Mon, 02 Mar 2026"


def test_size_limit_from_content_length() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 2000)

    with (
        fetcher(handler, max_bytes=1000) as f,
        pytest.raises(TooLargeError, match="over the limit"),
    ):
        f.get(URL, source="t")


def test_size_limit_while_streaming_without_content_length() -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(100):
            yield b"y" * 100

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks())

    with fetcher(handler) as f, pytest.raises(TooLargeError, match="not read"):
        f.get(URL, source="t", max_bytes=1000)


def test_post_with_body_and_headers() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.method == "POST"
        assert request.headers["SOAPAction"] == "x"
        return httpx.Response(200, content=request.content[::-1])

    with fetcher(handler) as f:
        answer = f.get(URL, source="t", method="POST", body=b"abc", headers={"SOAPAction": "x"})
    assert answer.content == b"cba"
