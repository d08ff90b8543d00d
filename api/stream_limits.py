"""Where an NDJSON stream stops: past its document limit, or once its budget is used up.

Either way the stream ends with one last ``error`` line that says why and from which line on
nothing was read, so no document is ever passed over silently.
"""

from __future__ import annotations

from clearance.api.engine_host import Budget
from clearance.api.screening import Line, input_error_report
from clearance.engine.report import Report


def within_stream_limit(
    group: list[Line | Report], limit: int
) -> tuple[list[Line | Report], Report | None]:
    """The lines of ``group`` within the stream's document limit, and the report that ends
    the stream when some are past it."""
    for pos, item in enumerate(group):
        index = item.index if isinstance(item, Line) else (item.source or {}).get("index", 0)
        if index >= limit:
            line = item.number if isinstance(item, Line) else (item.source or {}).get("line", 0)
            return group[:pos], input_error_report(
                f"the stream is over the limit of {limit:,} documents; nothing from line "
                f"{line} on was read or screened (send the rest in another stream)",
                line,
                index,
            )
    return group, None


def budget_stop(budget: Budget, reports: list[Report]) -> Report | None:
    """The report that ends a stream whose budget ran out in the group just answered."""
    if budget.exhausted is None:
        return None
    last = next((r.source for r in reversed(reports) if r.source), None) or {}
    line, index = int(last.get("line", 0)), int(last.get("index", 0))
    return input_error_report(
        f"not screened: {budget.exhausted}; nothing after line {line} was read "
        "(send the rest in another stream)",
        line + 1,
        index + 1,
    )
