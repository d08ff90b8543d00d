"""What every `clearance` command shares: consoles, the --rules option, text/json output."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

out = Console(soft_wrap=True, highlight=False)
"""Standard output: reports and listings."""
err = Console(stderr=True, soft_wrap=True, highlight=False)
"""Standard error: errors and progress."""

RulesOption = Annotated[
    Path | None,
    typer.Option("--rules", help="Rules directory (default: $CLEARANCE_RULES or ./rules)."),
]


class Fmt(StrEnum):
    """Output formats of the listing commands."""

    text = "text"
    json = "json"
