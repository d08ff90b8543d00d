"""Sanity gates: a new table that is invalid, empty, incomplete, or much smaller than the current
one is refused. ``--force`` overrides the empty, incomplete and shrink gates, never validation:
the rules loader refuses the whole library when one table is invalid, so an invalid table is
never written.

The shrink gate compares every measure a source counts (a sanctions list: entries, names,
aliases and addresses), so a list that keeps its entries but loses their aliases is refused
too. Its default limit is tighter for sanctions and recall lists (:data:`LIST_MAX_SHRINK`) than
for other tables (:data:`DEFAULT_MAX_SHRINK`).
"""

from __future__ import annotations

from dataclasses import dataclass

from clearance.feeds.errors import GateError

DEFAULT_MAX_SHRINK = 0.5
"""Largest share of records a table may lose in one refresh without --force (half)."""

LIST_MAX_SHRINK = 0.05
"""The same for sanctions and recall lists (5%). Their entries leave only by delisting or
withdrawal, a handful a week against lists of thousands, and the feeds refresh them daily
(weekly for recalls): a loss of more than one in twenty entries, names, aliases or addresses
in one refresh is far more likely a partial file or a changed export than real delistings, and
an officer should read the source's notice before accepting it with --force. Refusing keeps the
current, larger list in force: more to review, never a listed party missed."""


@dataclass(frozen=True)
class GatePolicy:
    """How strict the gates are."""

    max_shrink: float = DEFAULT_MAX_SHRINK
    force: bool = False


def _refuse_or_note(message: str, policy: GatePolicy, source: str, overridden: list[str]) -> None:
    if not policy.force:
        raise GateError(f"{message}; refused (use --force to accept it)", source=source)
    overridden.append(f"{message}; accepted because of --force")


def check_payload(source: str, problems: list[str], policy: GatePolicy) -> list[str]:
    """Refuse an incomplete payload (``problems``) unless forced; return the overridden gates."""
    overridden: list[str] = []
    if problems:
        _refuse_or_note("; ".join(problems), policy, source, overridden)
    return overridden


def check_gates(
    source: str,
    *,
    old: dict[str, int] | None,
    new: dict[str, int],
    errors: list[str],
    policy: GatePolicy,
) -> list[str]:
    """Raise GateError when a gate refuses the table; return the gates that --force overrode.

    ``old`` and ``new`` are the measures of the current and the new table (the first measure
    is the record count; ``old`` is None when there is no current table).
    """
    if errors:
        shown = "; ".join(errors[:5]) + (f"; and {len(errors) - 5} more" if len(errors) > 5 else "")
        raise GateError(f"the new table fails validation: {shown}", source=source, forceable=False)
    overridden: list[str] = []
    first = next(iter(new))
    if new[first] == 0:
        _refuse_or_note("the new table is empty (0 records)", policy, source, overridden)
        return overridden
    shrunk = []
    for measure, count in new.items():
        before = (old or {}).get(measure, 0)
        if before and count < before * (1 - policy.max_shrink):
            shrunk.append(
                f"{count} {measure} against {before} now ({1 - count / before:.0%} fewer)"
            )
    if shrunk:
        message = (
            f"the new table has {', '.join(shrunk)}; the limit is {policy.max_shrink:.0%} "
            "fewer of each"
        )
        _refuse_or_note(message, policy, source, overridden)
    return overridden
