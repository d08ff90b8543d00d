"""Sanity gates: a new table that is invalid, empty, or much smaller than the current one is
refused. ``--force`` overrides the empty and shrink gates, never validation: the rules loader
refuses the whole library when one table is invalid, so an invalid table is never written.
"""

from __future__ import annotations

from dataclasses import dataclass

from clearance.feeds.errors import GateError

DEFAULT_MAX_SHRINK = 0.5
"""Largest share of records a refresh may lose without --force (0.5: half of them)."""


@dataclass(frozen=True)
class GatePolicy:
    """How strict the gates are."""

    max_shrink: float = DEFAULT_MAX_SHRINK
    force: bool = False


def check_gates(
    source: str, *, old_count: int | None, new_count: int, errors: list[str], policy: GatePolicy
) -> list[str]:
    """Raise GateError when a gate refuses the table; return the gates that --force overrode."""
    if errors:
        shown = "; ".join(errors[:5]) + (f"; and {len(errors) - 5} more" if len(errors) > 5 else "")
        raise GateError(f"the new table fails validation: {shown}", source=source, forceable=False)
    overridden: list[str] = []
    if new_count == 0:
        message = "the new table is empty (0 records)"
        if not policy.force:
            raise GateError(f"{message}; refused (use --force to accept it)", source=source)
        overridden.append(f"{message}; accepted because of --force")
    elif old_count and new_count < old_count * (1 - policy.max_shrink):
        lost = 1 - new_count / old_count
        message = (
            f"the new table has {new_count} records against {old_count} now "
            f"({lost:.0%} fewer, the limit is {policy.max_shrink:.0%})"
        )
        if not policy.force:
            raise GateError(f"{message}; refused (use --force to accept it)", source=source)
        overridden.append(f"{message}; accepted because of --force")
    return overridden
