"""What changed between two versions of a table, record by record, in words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Diff:
    """Records added, removed and changed between two versions of a table."""

    old_count: int
    new_count: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        """One line: counts before and after, and what changed."""
        return (
            f"{self.old_count} → {self.new_count} records: {len(self.added)} added, "
            f"{len(self.removed)} removed, {len(self.changed)} changed"
        )

    def render(self, limit: int = 20) -> list[str]:
        """The summary line, then up to ``limit`` lines per kind of change."""
        lines = [self.summary()]
        for mark, items in (("+", self.added), ("-", self.removed)):
            lines.extend(f"  {mark} {label}" for label in items[:limit])
            if len(items) > limit:
                lines.append(f"    ... and {len(items) - limit} more")
        for label, what in self.changed[:limit]:
            lines.append(f"  ~ {label}: {what}")
        if len(self.changed) > limit:
            lines.append(f"    ... and {len(self.changed) - limit} more")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form of this diff."""
        return {
            "old_count": self.old_count,
            "new_count": self.new_count,
            "added": self.added,
            "removed": self.removed,
            "changed": [{"record": k, "what": w} for k, w in self.changed],
        }


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe_change(old: Any, new: Any) -> str:
    """Say how a record changed: the fields that differ, with old → new for short values."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return f"{_short(old)} → {_short(new)}"
    out: list[str] = []
    for key in sorted(set(old) | set(new), key=str):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, list | dict) or isinstance(b, list | dict):
            if isinstance(a, list) and isinstance(b, list):
                plus = [x for x in b if x not in a]
                minus = [x for x in a if x not in b]
                bits = [f"+{_short(x)}" for x in plus[:3]] + [f"-{_short(x)}" for x in minus[:3]]
                out.append(f"{key} ({', '.join(bits)})" if bits else f"{key} (order)")
            else:
                out.append(str(key))
        else:
            out.append(f"{key} {_short(a)} → {_short(b)}")
    return "; ".join(out)


def diff_records(
    old: dict[str, Any], new: dict[str, Any], label: Callable[[str, Any], str]
) -> Diff:
    """Compare two ``key -> record`` maps; ``label`` names a record for people."""
    diff = Diff(old_count=len(old), new_count=len(new))
    for key in sorted(new.keys() - old.keys()):
        diff.added.append(label(key, new[key]))
    for key in sorted(old.keys() - new.keys()):
        diff.removed.append(label(key, old[key]))
    for key in sorted(old.keys() & new.keys()):
        if old[key] != new[key]:
            diff.changed.append((label(key, new[key]), describe_change(old[key], new[key])))
    return diff
