"""Markets: ISO country codes and the named groups rules may use (rules/markets.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clearance.engine.errors import PackError
from clearance.engine.yamlsafe import load_yaml

ALL = "*"


@dataclass(frozen=True)
class Markets:
    """Known market groups; a market code matches a rule's market list through them."""

    groups: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path) -> Markets:
        """Load the groups file; a missing file means no groups."""
        if not path.exists():
            return cls(groups={})
        loaded = load_yaml(path.read_text(encoding="utf-8"), str(path))
        raw = loaded.data.get("groups", {}) if isinstance(loaded.data, dict) else None
        if not isinstance(raw, dict):
            raise PackError("expected a 'groups' mapping", file=str(path), line=1)
        groups: dict[str, frozenset[str]] = {}
        for name, spec in raw.items():
            members = spec.get("members") if isinstance(spec, dict) else None
            if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
                raise PackError(
                    f"group {name!r} needs a list of members",
                    file=str(path),
                    line=loaded.line_of(("groups", name)),
                )
            groups[str(name)] = frozenset(members)
        return cls(groups=groups)

    def is_known(self, code: str) -> bool:
        """True for `*`, a group name, or any two-letter code."""
        return code == ALL or code in self.groups or (len(code) == 2 and code.isupper())

    def covers(self, rule_markets: tuple[str, ...], market: str) -> bool:
        """True when a rule declared for ``rule_markets`` applies in ``market``."""
        for code in rule_markets:
            if code in (ALL, market):
                return True
            group = self.groups.get(code)
            if group is not None and market in group:
                return True
        return False

    def specificity(self, key: str, market: str) -> int | None:
        """How closely a table row's market key fits ``market``: 0 exact, 1 group, 2 `*`."""
        if key == market:
            return 0
        if key in self.groups and market in self.groups[key]:
            return 1
        if key == ALL:
            return 2
        return None
