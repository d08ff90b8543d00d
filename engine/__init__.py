"""Clearance's rule engine: load rule packs, derive facts, evaluate on durable_rules, report.

The stages, one module each::

    yamlsafe -> packs (model, conditions, semantics) -> compiler -> facts -> evaluator -> report

Only :mod:`engine.compiler` and :mod:`engine.evaluator` know durable_rules.
The public entry point is :class:`engine.screening.Screener`.
"""

from engine.errors import (
    ClearanceError,
    DocumentError,
    EngineError,
    InputError,
    PackError,
    PackErrors,
)
from engine.library import Library, load_library
from engine.report import Finding, Report
from engine.screening import Screener

__all__ = [
    "ClearanceError",
    "DocumentError",
    "EngineError",
    "Finding",
    "InputError",
    "Library",
    "PackError",
    "PackErrors",
    "Report",
    "Screener",
    "load_library",
]
