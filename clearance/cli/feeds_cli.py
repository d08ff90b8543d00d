"""`clearance feeds ...`: list the sources, refresh their tables, show their age, roll back.

Exit codes: 0 when every table is current (written, unchanged, confirmed, or a dry run passed),
1 when a source failed or a gate refused its table (the current table is left in place),
2 on a usage error. ``feeds rescreen`` exits 0 when it found no new hit, 3 when it found some,
1 when the decision log cannot be read.

After ``feeds update`` has written a sanctions list, the parties of the decisions of the last
``CLEARANCE_RESCREEN_DAYS`` days (from the decision log ``CLEARANCE_DB``, when there is one) are
screened again and every new hit is printed (see :mod:`api.rescreen`).

The feeds (and the HTTP client and XML parser they bring) are imported when a `feeds` command
runs, so that `clearance check` does not pay for them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clearance.cli.options import Fmt, RulesOption, err, out
from clearance.cli.output import json_dump
from clearance.engine.paths import default_rules_dir

if TYPE_CHECKING:
    from clearance.api.rescreen import RescreenResult
    from clearance.feeds.pipeline import UpdateResult
    from clearance.feeds.source import Source

feeds_app = typer.Typer(
    help="Refresh the data tables from their sources: exchange rates, VAT, sanctions, recalls.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the `feeds` command group to the `clearance` app."""
    app.add_typer(feeds_app, name="feeds")


def _source(name: str) -> Source:
    from clearance.feeds.errors import FeedError
    from clearance.feeds.registry import get_source

    try:
        return get_source(name)
    except FeedError as exc:
        raise typer.BadParameter(str(exc), param_hint="SOURCE") from None


@feeds_app.command("list")
def list_sources(fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text) -> None:
    """List every source: name, table it writes, cadence, format and URL."""
    from rich.table import Table

    from clearance.feeds.registry import all_sources

    sources = all_sources()
    if fmt is Fmt.json:
        out.print(
            json_dump(
                [
                    {
                        "name": s.name,
                        "title": s.title,
                        "kind": s.kind,
                        "target": f"rules/data/{s.target}",
                        "url": s.url,
                        "homepage": s.homepage,
                        "cadence_days": s.cadence_days,
                        "format": s.format,
                    }
                    for s in sources
                ]
            ),
            markup=False,
        )
        return
    table = Table(show_lines=False)
    for column in ("source", "table", "cadence", "format", "url"):
        table.add_column(column, overflow="fold")
    for s in sources:
        table.add_row(s.name, f"data/{s.target}", f"{s.cadence_days:g} d", s.format, s.url)
    out.print(table)


def _print_result(result: UpdateResult, fmt: Fmt) -> None:
    if fmt is Fmt.json:
        return
    style = "green" if result.ok else "red"
    console = out if result.ok else err
    console.print(f"{result.source}: {result.status}: {result.message}", style=style, markup=False)
    for warning in result.warnings:
        console.print(f"  warning: {warning}", style="yellow", markup=False)
    for item in result.dropped:
        console.print(
            f"  dropped on purpose: {item['count']} {item['reason']}", style="yellow", markup=False
        )
    if result.diff is not None:
        for line in result.diff.render():
            out.print(f"  {line}", markup=False)


@feeds_app.command("update")
def update_command(
    source: Annotated[
        str | None, typer.Argument(help="Source name (default: every source).")
    ] = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            exists=True,
            help="Read this downloaded file (or directory) instead of fetching.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Accept an empty, incomplete (companion files missing, truncated) or much "
            "smaller table.",
        ),
    ] = False,
    max_shrink: Annotated[
        float | None,
        typer.Option(
            "--max-shrink",
            min=0.0,
            max=1.0,
            help="Largest share of any measure (records; a list's entries, names, aliases, "
            "addresses) a refresh may lose. Default: 0.05 for sanctions and recall lists, "
            "0.5 for other tables.",
        ),
    ] = None,
    rescreen: Annotated[
        bool,
        typer.Option(
            "--rescreen/--no-rescreen",
            help="After a sanctions list is written, re-screen the parties of recent decisions "
            "(CLEARANCE_DB, CLEARANCE_RESCREEN_DAYS) and print new hits.",
        ),
    ] = True,
    rules: RulesOption = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Fetch, parse, validate and write one source's table (or every source's)."""
    from clearance.feeds.pipeline import update
    from clearance.feeds.registry import all_sources

    if from_file is not None and source is None:
        raise typer.BadParameter("--from needs a SOURCE", param_hint="--from")
    sources = [_source(source)] if source else all_sources()
    root = rules or default_rules_dir()
    results = []
    for s in sources:
        result = update(
            s, root, from_path=from_file, dry_run=dry_run, force=force, max_shrink=max_shrink
        )
        _print_result(result, fmt)
        results.append(result)
    listed = any(
        r.status == "written" and src.kind == "sanctions"
        for r, src in zip(results, sources, strict=True)
    )
    if rescreen and listed and not dry_run:
        try:
            found = _rescreen(root, None)
        except Exception as exc:  # a list was written: say why re-screening did not run
            err.print(f"re-screening failed: {exc}", style="red", markup=False)
        else:
            if found is not None and fmt is Fmt.text:
                _print_rescreen(found)
    if fmt is Fmt.json:
        out.print(json_dump([r.to_dict() for r in results]), markup=False)
    raise typer.Exit(0 if all(r.ok for r in results) else 1)


def _rescreen(root: Path, days: int | None, db: str | None = None) -> RescreenResult | None:
    """Re-screen the decision log's recent parties against the lists under ``root``; None when
    there is no decision log (an SQLite file that does not exist is not created)."""
    from clearance.api import rescreen
    from clearance.api.decision_log import store_factory
    from clearance.api.settings import Settings
    from clearance.engine.library import load_library

    settings = Settings.from_env()
    target = db or settings.db
    if not target.startswith(("postgresql://", "postgres://")):
        path = Path(target.removeprefix("sqlite:///"))
        if not path.exists():
            err.print(
                f"no decision log at {path} (CLEARANCE_DB): nothing to re-screen",
                style="yellow",
                markup=False,
            )
            return None
    library = load_library(root)
    store = store_factory(target, settings.db_synchronous)()
    try:
        window = min(days or settings.rescreen_days, settings.rescreen_days)
        return rescreen.run(
            store,
            library.parties,
            library.rules.values(),
            days=window,
            limit=settings.rescreen_max_decisions,
        )
    finally:
        store.close()


def _print_rescreen(result: RescreenResult) -> None:
    style = "red" if result.hits else "green"
    out.print(result.summary(), style=style, markup=False)
    for hit in result.hits:
        out.print(f"  {hit.line()}", style=style, markup=False)
        out.print(f"    why: {hit.match.get('reason')}", markup=False)


@feeds_app.command("rescreen")
def rescreen_command(
    since: Annotated[
        int | None,
        typer.Option(
            "--since",
            min=1,
            help="Decisions of the last DAYS days (default and at most: CLEARANCE_RESCREEN_DAYS, "
            "30).",
            metavar="DAYS",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Decision log (default: CLEARANCE_DB or ./clearance-decisions.db)."
        ),
    ] = None,
    rules: RulesOption = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Screen the parties of recent decisions against the lists now; print the new hits."""
    try:
        result = _rescreen(rules or default_rules_dir(), since, db)
    except Exception as exc:
        err.print(f"re-screening failed: {exc}", style="red", markup=False)
        raise typer.Exit(1) from None
    if result is None:
        raise typer.Exit(1)
    if fmt is Fmt.json:
        out.print(json_dump(result.to_dict()), markup=False)
    else:
        _print_rescreen(result)
    raise typer.Exit(3 if result.hits else 0)


@feeds_app.command("status")
def status_command(
    rules: RulesOption = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """Show each source's table: records, when fetched, age against cadence, newest data."""
    from rich.markup import escape
    from rich.table import Table

    from clearance.feeds.pipeline import target_path
    from clearance.feeds.registry import all_sources
    from clearance.feeds.staleness import table_age

    root = rules or default_rules_dir()
    now = dt.datetime.now(dt.UTC)
    rows = []
    for s in all_sources():
        target = target_path(s, root)
        if target.exists():
            row = {"source": s.name, **table_age(s.table_name(), target, now).to_dict()}
        else:
            row = {
                "source": s.name,
                "name": s.table_name(),
                "file": str(target),
                "fetched_at": None,
                "checked_at": None,
                "cadence_days": s.cadence_days,
                "age_days": None,
                "stale": True,
                "reason": "no table yet",
                "record_count": None,
                "newest_data": None,
            }
        rows.append(row)
    if fmt is Fmt.json:
        out.print(json_dump(rows), markup=False)
        return
    table = Table()
    for column in ("source", "table", "records", "fetched", "age", "cadence", "status"):
        table.add_column(column, overflow="fold")
    for row in rows:
        fetched = str(row["fetched_at"] or "-")[:16].replace("T", " ")
        age = f"{row['age_days']:.1f} d" if row["age_days"] is not None else "-"
        status = (
            f"[red]stale[/red]: {escape(str(row['reason']))}"
            if row["stale"]
            else "[green]ok[/green]"
        )
        table.add_row(
            str(row["source"]),
            str(row["name"]),
            str(row["record_count"] if row["record_count"] is not None else "-"),
            fetched,
            age,
            f"{row['cadence_days']:g} d",
            status,
        )
    out.print(table)


@feeds_app.command("rollback")
def rollback_command(
    source: Annotated[str, typer.Argument(help="Source whose table to restore.")],
    rules: RulesOption = None,
) -> None:
    """Swap a source's table with its previous version (run it again to undo)."""
    from clearance.feeds.pipeline import rollback_source

    result = rollback_source(_source(source), rules or default_rules_dir())
    _print_result(result, Fmt.text)
    raise typer.Exit(0 if result.ok else 1)
