"""What every `clearance` command shares: consoles, the --rules, --as-of and --fail-on options,
text/json output, loading the library."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from clearance.engine.errors import PackErrors
from clearance.engine.library_cache import load_library_cached
from clearance.engine.paths import default_rules_dir
from clearance.engine.screening import Screener

out = Console(soft_wrap=True, highlight=False)
"""Standard output: reports and listings."""
err = Console(stderr=True, soft_wrap=True, highlight=False)
"""Standard error: errors and progress."""

RulesOption = Annotated[
    Path | None,
    typer.Option("--rules", help="Rules directory (default: $CLEARANCE_RULES or ./rules)."),
]
KindOption = Annotated[str | None, typer.Option(help="Document kind: listing, order or shipment.")]
MarketOption = Annotated[
    list[str] | None, typer.Option(help="Screen for this market (repeatable).")
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Evaluate as of this date (YYYY-MM-DD).")
]


class Fmt(StrEnum):
    """Output formats of the listing commands."""

    text = "text"
    json = "json"


class FailOn(StrEnum):
    """The severity at or above which `clearance check` exits 1 (none: report only)."""

    block = "block"
    review = "review"
    warn = "warn"
    none = "none"


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Per-rule configuration: change severities or switch rules off for this run.",
    ),
]
BaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        metavar="FILE",
        help="Fail only on findings that are not in this baseline (see --write-baseline).",
    ),
]
FailOnOption = Annotated[
    FailOn, typer.Option("--fail-on", help="Exit 1 at or above this severity.")
]


def check_kind(kind: str | None) -> None:
    """A --kind that is not a document kind is a usage error."""
    if kind is not None and kind not in ("listing", "order", "shipment"):
        raise typer.BadParameter(
            f"unknown kind {kind!r}; use listing, order or shipment", param_hint="--kind"
        )


def parse_markets(values: list[str] | None) -> list[str] | None:
    """The --market codes as the engine names markets (upper case), or None when none given."""
    return [m.strip().upper() for m in values] if values else None


def parse_date(value: str | None) -> dt.date | None:
    """Parse --as-of; a bad date is a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--as-of"
        ) from None


def load_screener(rules: Path | None, cache: bool = True) -> Screener:
    """Load the library (through the library cache unless ``cache`` is off) or exit 2."""
    try:
        return Screener(load_library_cached(rules or default_rules_dir(), cache=cache))
    except PackErrors as exc:
        for e in exc.errors:
            err.print(str(e), style="red")
        err.print(f"{len(exc.errors)} error(s) in rule packs; nothing was screened.", style="red")
        raise typer.Exit(2) from None
