"""Make durable_rules' C extension loadable on Python 3.13+, before durable_rules is imported.

durable_rules 2.0.28 (unmaintained) calls ``PyEval_CallObject``, which Python 3.13 removed from
its C API, so on 3.13 importing ``durable_rules_engine`` fails with ``undefined symbol:
PyEval_CallObject``. The compiled library :mod:`clearance.engine._durable_compat` (source
``engine/_durable_compat.c``) defines that one symbol as ``PyObject_CallObject``, the call it
always stood for. :func:`prepare_durable` loads it into the process's global symbol scope, where
the dynamic linker finds it when ``durable_rules_engine`` is loaded next.

This module never imports durable_rules itself (only the compiler and evaluator know it); they
call :func:`prepare_durable` before importing it. On Python 3.11 and 3.12 it does nothing.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
import threading

from clearance.engine.errors import EngineError

COMPAT_MODULE = "clearance.engine._durable_compat"
"""The compiled library that defines ``PyEval_CallObject``."""

_lock = threading.Lock()
_loaded: ctypes.CDLL | None = None


def needs_compat(version: tuple[int, int] | None = None) -> bool:
    """Whether ``version`` (default: this interpreter) lacks ``PyEval_CallObject`` (3.13+)."""
    major, minor = version if version is not None else sys.version_info[:2]
    return (major, minor) >= (3, 13)


def compat_library_path() -> str:
    """The file of the compiled compatibility library; :class:`EngineError` if not built."""
    spec = importlib.util.find_spec(COMPAT_MODULE)
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        raise EngineError(
            f"{COMPAT_MODULE} is not built: durable_rules cannot load on Python "
            f"{sys.version_info.major}.{sys.version_info.minor} without it; install Clearance "
            "from its wheel, or from source with a C compiler (pip install .)"
        )
    return spec.origin


def prepare_durable() -> None:
    """Load the ``PyEval_CallObject`` library globally if this interpreter needs it (idempotent).

    Must run before the first ``import durable`` / ``import durable_rules_engine``. Raises
    :class:`EngineError` naming the library when it is missing or cannot be loaded.
    """
    global _loaded
    if not needs_compat():
        return
    with _lock:
        if _loaded is not None:
            return
        path = compat_library_path()
        try:
            _loaded = ctypes.CDLL(path, mode=os.RTLD_GLOBAL)
        except OSError as exc:
            raise EngineError(f"cannot load {path}: {exc}") from exc
