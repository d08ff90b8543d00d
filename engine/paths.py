"""Where the rules directory is: the one asked for, else the bundled library (package data).

Resolution order, first that applies:

1. an explicit directory (``--rules DIR``),
2. ``$CLEARANCE_RULES``,
3. ``./rules`` when it holds rule packs (a checkout or an officer's repository),
4. the library bundled in the installed package (``clearance.rules``).

The JSON Schemas are always the bundled ones: they describe this version's formats.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path


def bundled_rules_dir() -> Path:
    """The rule library shipped inside the package (a real directory in a wheel or checkout)."""
    return Path(str(files("clearance.rules")))


def schema_dir() -> Path:
    """The directory holding the JSON Schemas (always the bundled ones)."""
    return bundled_rules_dir() / "schema"


@dataclass(frozen=True)
class RulesDir:
    """A resolved rules directory and why it was chosen (for ``rules validate`` to say)."""

    path: Path
    origin: str

    def describe(self) -> str:
        """One line for people: ``rules: /path (from --rules)``."""
        return f"rules: {self.path} ({self.origin})"


def _holds_packs(path: Path) -> bool:
    if not path.is_dir():
        return False
    return any(
        child.is_dir() and child.name not in ("schema", "data") and any(child.glob("*.y*ml"))
        for child in path.iterdir()
    )


def resolve_rules_dir(explicit: Path | None = None) -> RulesDir:
    """Resolve the rules directory: explicit, $CLEARANCE_RULES, ./rules with packs, bundled."""
    if explicit is not None:
        return RulesDir(explicit, "from --rules")
    env = os.environ.get("CLEARANCE_RULES")
    if env:
        return RulesDir(Path(env), "from $CLEARANCE_RULES")
    cwd_rules = Path.cwd() / "rules"
    if _holds_packs(cwd_rules):
        return RulesDir(cwd_rules, "./rules in the working directory")
    return RulesDir(bundled_rules_dir(), "the library bundled with Clearance")


def default_rules_dir() -> Path:
    """The rules directory when none is given: $CLEARANCE_RULES, ./rules, else the bundled one."""
    return resolve_rules_dir().path
