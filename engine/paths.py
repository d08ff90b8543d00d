"""Where the bundled rule packs, schemas and data tables live."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_rules_dir() -> Path:
    """Return the rules directory: $CLEARANCE_RULES, else ./rules, else the bundled one."""
    env = os.environ.get("CLEARANCE_RULES")
    if env:
        return Path(env)
    cwd_rules = Path.cwd() / "rules"
    if (cwd_rules / "schema").is_dir():
        return cwd_rules
    return REPO_ROOT / "rules"


def schema_dir() -> Path:
    """Return the directory holding the JSON Schemas (always the bundled ones)."""
    return REPO_ROOT / "rules" / "schema"
