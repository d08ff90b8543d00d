"""The JSON text handed to durable_rules' C core, written so that it can read every number.

durable_rules 2.0.28 parses JSON with its own reader, which refuses a number written with an
exponent but no fraction (``1e-05``, ``1e+16``: "Could not assert fact, error code: 204").
Python writes floats that way when they are very small or large (``float(10**16)`` is
``1e+16``), so a valid document or a pack threshold could not be screened. This writer gives
every such float a fraction (``1.0e-05``), which the core reads as the same number; everything
else is written exactly as :func:`json.dumps` writes it. Infinite and not-a-number floats have no
JSON form and are refused (the document reader already rejects them).

:mod:`clearance.engine.evaluator` installs it as the JSON module of ``durable.engine``.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_EXPONENT = re.compile(r"[0-9][eE]")


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"{value!r} has no JSON form")
    text = repr(value)
    mantissa, sep, exponent = text.partition("e")
    if sep and "." not in mantissa:
        return f"{mantissa}.0e{exponent}"
    return text


def _write(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(", ")
            out.append(json.dumps(str(key), ensure_ascii=False))
            out.append(": ")
            _write(item, out)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(", ")
            _write(item, out)
        out.append("]")
    elif isinstance(value, float):
        out.append(_float(value))
    else:  # str, int, bool, None
        out.append(json.dumps(value, ensure_ascii=False))


def dumps(value: Any, ensure_ascii: bool = False) -> str:
    """JSON text of ``value`` that durable_rules' core reads back as the same values.

    The fast path is :func:`json.dumps`; only text with a digit followed by an exponent (a float
    written with an exponent, or such characters inside a string) is written again number by
    number. ``ensure_ascii`` is accepted for durable's calls and ignored (the core reads UTF-8).
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    if not _EXPONENT.search(text):
        return text
    out: list[str] = []
    _write(value, out)
    return "".join(out)


loads = json.loads
"""durable_rules reads its results back with the standard reader."""
