"""The engine's public surface is what `engine.__all__` says, and the layers point downward."""

from __future__ import annotations

import ast
from pathlib import Path

import engine
from engine.paths import REPO_ROOT


def test_all_names_exist() -> None:
    for name in engine.__all__:
        assert getattr(engine, name) is not None, name


def _imports(package: str) -> set[str]:
    found: set[str] = set()
    for path in (REPO_ROOT / package).glob("*.py"):
        for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
    return found


def test_engine_never_imports_the_service_the_scrapers_or_the_cli() -> None:
    assert not _imports("engine") & {"api", "feeds", "clearance"}


def test_service_and_feeds_do_not_import_each_other_or_the_cli() -> None:
    assert not _imports("api") & {"feeds", "clearance"}
    assert not _imports("feeds") & {"api", "clearance"}


def test_only_the_compiler_and_evaluator_know_durable_rules() -> None:
    for path in (REPO_ROOT / "engine").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "import durable" in text:
            assert path.name in {"compiler.py", "evaluator.py"}, path.name
