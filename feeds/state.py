"""The small state file kept next to each table (``<name>.state``): conditional-request
validators, the hash of the payload the table was built from, and when the source last confirmed
it. It is written only when an update succeeds (written, unchanged, not modified); a failed
attempt is remembered in memory (:mod:`feeds.attempts`), never in the rules directory.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.feeds.fetch import Validators
from clearance.feeds.store import atomic_write, state_path


@dataclass
class FeedState:
    """What a feed remembers between runs about one table."""

    validators: dict[str, Validators] = field(default_factory=dict)
    sha256: str | None = None
    checked_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this state."""
        return {
            "validators": {
                url: {"etag": v.etag, "last_modified": v.last_modified}
                for url, v in sorted(self.validators.items())
            },
            "sha256": self.sha256,
            "checked_at": self.checked_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedState:
        """Read a state written by :meth:`to_dict`; unknown or broken parts are ignored."""
        validators: dict[str, Validators] = {}
        raw = data.get("validators")
        if isinstance(raw, dict):
            for url, v in raw.items():
                if isinstance(v, dict):
                    validators[str(url)] = Validators(
                        _str(v.get("etag")), _str(v.get("last_modified"))
                    )
        return cls(
            validators=validators,
            sha256=_str(data.get("sha256")),
            checked_at=_str(data.get("checked_at")),
        )


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def load_state(target: Path) -> FeedState:
    """The state of ``target``; an absent or unreadable state file is an empty state."""
    try:
        data = json.loads(state_path(target).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return FeedState()
    return FeedState.from_dict(data) if isinstance(data, dict) else FeedState()


def save_state(target: Path, state: FeedState) -> None:
    """Write the state of ``target`` atomically."""
    text = json.dumps(state.to_dict(), indent=2, sort_keys=True) + "\n"
    atomic_write(state_path(target), text.encode("utf-8"))
