"""Public surfaces are what ``__all__`` says, and the layers point downward.

Layers, top to bottom: ``clearance.cli`` > ``clearance.api`` and ``clearance.feeds`` >
``clearance.engine``. The engine imports none of the others; the service and the feeds do not
import each other or the CLI; the feeds use only the engine's table, list-file and error code.
"""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest

import clearance.api
import clearance.engine

REPO_ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"engine": "engine", "api": "api", "feeds": "feeds", "cli": "clearance/cli"}
FEEDS_MAY_USE = {"errors", "tables", "listfiles", "yamlsafe", "schemas", "recalls"}


@pytest.mark.parametrize("module", [clearance.engine, clearance.api], ids=lambda m: m.__name__)
def test_all_is_exactly_the_public_names(module: types.ModuleType) -> None:
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"
    }
    assert set(module.__all__) == public
    assert len(module.__all__) == len(set(module.__all__))


def _imports(layer: str) -> set[str]:
    """Every module imported by the layer's files, as dotted names."""
    found: set[str] = set()
    for path in (REPO_ROOT / FOLDERS[layer]).glob("*.py"):
        for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return found


def _layers(imports: set[str]) -> set[str]:
    return {m.split(".")[1] for m in imports if m.startswith("clearance.") and "." in m}


def test_nothing_imports_the_old_top_level_packages() -> None:
    for layer in FOLDERS:
        old = {m for m in _imports(layer) if m.split(".")[0] in {"engine", "api", "feeds"}}
        assert not old, (layer, old)


def test_engine_never_imports_the_service_the_feeds_or_the_cli() -> None:
    assert _layers(_imports("engine")) <= {"engine"}


def test_service_and_feeds_do_not_import_each_other_or_the_cli() -> None:
    assert _layers(_imports("api")) <= {"api", "engine"}
    assert _layers(_imports("feeds")) <= {"feeds", "engine"}


def test_feeds_use_only_the_engines_table_and_list_file_code() -> None:
    used = {m.split(".")[2] for m in _imports("feeds") if m.startswith("clearance.engine.")}
    assert used <= FEEDS_MAY_USE, used - FEEDS_MAY_USE


def test_only_the_compiler_and_evaluator_know_durable_rules() -> None:
    for path in (REPO_ROOT / "engine").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            if any(n.split(".")[0] in {"durable", "durable_rules_engine"} for n in names):
                assert path.name in {"compiler.py", "evaluator.py"}, path.name
