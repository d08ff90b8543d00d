"""Shared fixtures: the bundled library, a screener, and temporary rules directories."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from clearance.engine.library import Library, load_library
from clearance.engine.screening import Screener

REPO_ROOT = Path(__file__).resolve().parent

RULES = REPO_ROOT / "rules"

settings.register_profile("clearance", derandomize=True, database=None, print_blob=True)
settings.load_profile("clearance")


@pytest.fixture(scope="session", autouse=True)
def _private_library_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by tests keep their library cache in a directory of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLEARANCE_CACHE_DIR", str(tmp_path_factory.mktemp("library-cache")))
        patch.delenv("CLEARANCE_CACHE", raising=False)
        yield


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled rule packs."""
    return load_library(RULES)


@pytest.fixture(scope="session")
def screener(library: Library) -> Screener:
    """A screener over the bundled packs (shared: compiling is cached per epoch)."""
    return Screener(library)


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled rules directory that a test may edit."""
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


@pytest.fixture
def minimal_rules(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Build a rules directory holding only the given packs (relative path -> YAML text)."""

    def make(packs: dict[str, str]) -> Path:
        root = tmp_path / "rules"
        (root / "data").mkdir(parents=True, exist_ok=True)
        shutil.copy(RULES / "markets.yaml", root / "markets.yaml")
        for name in ("low_value_threshold.yaml", "hs_code_digits.yaml", "fx_rates.json"):
            shutil.copy(RULES / "data" / name, root / "data" / name)
        for rel, text in packs.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make
