"""Fixtures of the HTTP service tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import TestClient, make_settings

from clearance.api.app import create_app
from clearance.api.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default test settings."""
    return make_settings(tmp_path)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """An in-process client of a fresh app (lifespan run; server errors become 500s)."""
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c
