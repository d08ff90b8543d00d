"""Schema-driven fuzzing of every operation in the OpenAPI schema: no request may cause a 5xx."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from api_support import ADMIN, make_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from clearance.api.app import create_app

schemathesis.serializer.alias("application/x-ndjson", "text/plain")  # NDJSON is text
_TMP = tempfile.TemporaryDirectory(prefix="clearance-fuzz-")
APP = create_app(make_settings(Path(_TMP.name)))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(case: schemathesis.Case) -> None:
    # A reload compiles the whole library, which on a loaded CI machine can outlast the
    # client's default 10 s read timeout; this test is about 5xx answers, not speed.
    case.call_and_validate(headers=ADMIN, checks=[not_a_server_error], timeout=120)


@pytest.fixture(scope="module", autouse=True)
def _close_app() -> object:
    yield None
    APP.state.service.close()
    _TMP.cleanup()
