"""Clearance's rule engine: load rule packs, derive facts, evaluate on durable_rules, report.

The stages, one module each::

    yamlsafe -> packs (model, conditions, semantics, templates) -> compiler
             -> facts (+ interpret for item conditions) -> evaluator -> report (+ interpret
                for evidence)

The compiler and the fact builder share the operand contract :mod:`clearance.engine.operands`;
no stage imports a later one. Only :mod:`clearance.engine.compiler` and
:mod:`clearance.engine.evaluator` know durable_rules, which decides; only
:mod:`clearance.engine.interpret` evaluates conditions in Python. Errors derive from
:class:`clearance.engine.errors.ClearanceError`. The public entry point is
:class:`clearance.engine.screening.Screener`.
"""

from clearance.engine.errors import (
    ClearanceError,
    DocumentError,
    EngineError,
    InputError,
    PackError,
    PackErrors,
)
from clearance.engine.library import Library, load_library
from clearance.engine.report import Finding, Report
from clearance.engine.screening import Screener

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
