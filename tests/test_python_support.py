"""Python 3.11-3.13: durable_rules' C extension loads, with PyEval_CallObject restored on 3.13+.

See engine/durable_loader.py. The suite runs on one interpreter; ``.ci/wheels`` screens with an
installed wheel on every interpreter present (3.11, 3.12, 3.13).
"""

from __future__ import annotations

import ast
import ctypes
import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from clearance.engine import _durable_compat, durable_loader
from clearance.engine.errors import EngineError

REPO_ROOT = Path(__file__).resolve().parents[1]


def _run(script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter (nothing of durable_rules loaded yet)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("version", "needed"), [((3, 11), False), ((3, 12), False), ((3, 13), True), ((3, 14), True)]
)
def test_the_compat_library_is_needed_from_3_13(version: tuple[int, int], needed: bool) -> None:
    assert durable_loader.needs_compat(version) is needed


def test_the_compat_library_defines_pyeval_callobject() -> None:
    library = ctypes.CDLL(durable_loader.compat_library_path())
    assert hasattr(library, "PyEval_CallObject")


def test_the_restored_function_calls_like_the_removed_one() -> None:
    # PyEval_CallObject(callable, args) was PyEval_CallObjectWithKeywords(callable, args, NULL)
    assert _durable_compat.call_object(divmod, (7, 2)) == (3, 1)
    assert _durable_compat.call_object(dict) == {}  # NULL args: no arguments
    with pytest.raises(TypeError, match="argument list must be a tuple"):
        _durable_compat.call_object(len, [1, 2])
    with pytest.raises(ZeroDivisionError):
        _durable_compat.call_object(divmod, (1, 0))


def test_the_evaluator_loads_durable_rules_on_this_interpreter() -> None:
    result = _run("""
        import clearance.engine.evaluator
        import durable_rules_engine
        from clearance.engine import durable_loader
        print(durable_loader._loaded is not None)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(durable_loader.needs_compat())


def test_durable_rules_alone_needs_the_compat_library_only_from_3_13() -> None:
    # pins why the library exists: if a durable_rules release loads alone on 3.13, drop it
    result = _run("import durable_rules_engine")
    if durable_loader.needs_compat():
        assert result.returncode != 0
        assert "undefined symbol: PyEval_CallObject" in result.stderr
    else:
        assert result.returncode == 0, result.stderr


def test_a_missing_compat_library_is_a_clear_engine_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(durable_loader, "needs_compat", lambda: True)
    monkeypatch.setattr(durable_loader, "_loaded", None)
    with pytest.raises(EngineError, match=r"clearance\.engine\._durable_compat is not built"):
        durable_loader.prepare_durable()


def test_an_unloadable_compat_library_is_a_clear_engine_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "_durable_compat.abi3.so"
    broken.write_bytes(b"not a shared library")
    monkeypatch.setattr(durable_loader, "compat_library_path", lambda: str(broken))
    monkeypatch.setattr(durable_loader, "needs_compat", lambda: True)
    monkeypatch.setattr(durable_loader, "_loaded", None)
    with pytest.raises(EngineError, match=r"cannot load .*_durable_compat"):
        durable_loader.prepare_durable()


def test_the_engine_never_registers_durable_storage_callbacks() -> None:
    # durable_rules calls PyEval_CallObject only from its storage callbacks; built on 3.13 it
    # declares the function implicitly (int result), so a callback's result pointer would be
    # truncated. Clearance keeps facts in memory and must never register one.
    for path in (REPO_ROOT / "engine").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute | ast.Name):
                name = node.attr if isinstance(node, ast.Attribute) else node.id
                assert not (name.startswith("set_") and name.endswith("_callback")), (
                    f"{path.name}:{node.lineno}: {name}"
                )
