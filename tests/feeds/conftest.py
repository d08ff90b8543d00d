"""Shared fixtures of the feed tests: fixture files, the real samples, a rules directory copy."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "feeds"
SAMPLES = Path(os.environ.get("CLEARANCE_SAMPLES") or REPO.parent / "shared" / "samples")
"""The real samples: ../shared/samples beside the repository, or $CLEARANCE_SAMPLES."""
NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def fixtures() -> Path:
    """The directory of the feed fixtures written for these tests."""
    return FIXTURES


@pytest.fixture
def samples() -> Path:
    """The real sample files in ../shared/samples; the test is skipped when they are absent."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not available")
    return SAMPLES


@pytest.fixture
def now() -> dt.datetime:
    """A fixed 'now' for the tests."""
    return NOW


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A private copy of the repository's rules directory (packs, schemas, tables)."""
    target = tmp_path / "rules"
    shutil.copytree(
        REPO / "rules",
        target,
        ignore=shutil.ignore_patterns("*.prev", "*.state", "sanctions", "recalls"),
    )
    return target


def _snapshot(directory: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(directory)): p.read_bytes() if p.is_file() else None
        for p in sorted(directory.rglob("*"))
    }


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes | None]]:
    """Every path under a directory (files with their bytes, directories as None), to prove
    that nothing changed and nothing was added."""
    return _snapshot
