"""`clearance batch`: screen JSON Lines or Parquet on a Ray cluster (or a local Ray instance).

Wired into the main command line with ``register(app)``. Ray is imported only when the
command runs; without it the command says how to install it. See docs/ray.md.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Annotated

import typer

from clearance.cli.baseline import load_baseline
from clearance.cli.options import (
    AsOfOption,
    BaselineOption,
    ConfigOption,
    FailOn,
    FailOnOption,
    KindOption,
    MarketOption,
    RulesOption,
    check_kind,
    err,
    load_screener,
    parse_date,
    parse_markets,
)
from clearance.cli.output import summary
from clearance.engine.errors import InputError, PackErrors
from clearance.engine.overrides import load_rule_config
from clearance.engine.paths import default_rules_dir


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="JSON Lines or Parquet files or directories: local paths or URIs "
            "(s3://, gs://, abfs://, hdfs://, file://)."
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH|URI",
            help="Where to write the reports, in input order (a local file appears only complete).",
        ),
    ],
    output_format: Annotated[
        str | None,
        typer.Option(
            "--output-format",
            help="jsonl (one report per line, as check --format jsonl) or parquet (columns "
            "file, line, index, decision, report); default: by the output's extension, "
            "else jsonl.",
        ),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="jsonl or parquet (default: by extension)."),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option(
            "--ray",
            metavar="ADDRESS",
            help="The Ray cluster to run on (auto, ray://host:10001, host:6379; default: "
            "$RAY_ADDRESS, else a local Ray instance on this machine).",
        ),
    ] = None,
    actors: Annotated[
        int,
        typer.Option(
            "--actors",
            min=0,
            help="Screening actors, one engine each (0: one per core of this machine).",
        ),
    ] = 0,
    kind: KindOption = None,
    market: MarketOption = None,
    as_of: AsOfOption = None,
    fail_on: FailOnOption = FailOn.block,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    rules: RulesOption = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Do not use the library cache, here or on the workers."),
    ] = False,
) -> None:
    """Screen JSON Lines or Parquet on Ray; exit 0 when clean, 1 on findings at or above
    --fail-on, 2 on bad input. The reports are those `clearance check` gives."""
    on = parse_date(as_of)
    check_kind(kind)
    from clearance.cli.ray_batch import OUTPUT_FORMATS

    for value, hint in ((input_format, "--input-format"), (output_format, "--output-format")):
        if value is not None and value not in OUTPUT_FORMATS:
            raise typer.BadParameter("use jsonl or parquet", param_hint=hint)
    chosen = output_format or ("parquet" if output.lower().endswith(".parquet") else "jsonl")
    if importlib.util.find_spec("ray") is None:
        err.print(
            "error: clearance batch needs Ray: pip install 'clearance[ray]'",
            style="red",
            markup=False,
        )
        raise typer.Exit(2)
    root = rules or default_rules_dir()
    # the library, the configuration and the baseline are checked here, before Ray starts:
    # exit 2 with their errors
    library = load_screener(root, cache=not no_cache).library
    from clearance.cli.batch_records import RulesBundle
    from clearance.cli.ray_batch import BatchRun, run

    try:
        rule_config = load_rule_config(config, library.rules) if config is not None else None
        known = load_baseline(baseline) if baseline is not None else None
        bundle = RulesBundle.of(root)
    except PackErrors as exc:
        for e in exc.errors:
            err.print(str(e), style="red", markup=False)
        err.print(f"{len(exc.errors)} error(s) in {exc.errors[0].file}; nothing was screened.")
        raise typer.Exit(2) from None
    except (InputError, OSError) as exc:
        err.print(f"error: {exc}", style="red", markup=False)
        raise typer.Exit(2) from None
    job = BatchRun(
        inputs=inputs,
        output=output,
        output_format=chosen,
        rules=bundle,
        kind=kind,
        markets=parse_markets(market),
        as_of=on.isoformat() if on else None,
        fail_on=fail_on.value,
        actors=actors or os.cpu_count() or 1,
        address=address or os.environ.get("RAY_ADDRESS") or None,
        input_format=input_format,
        cache=not no_cache,
        config=rule_config,
        baseline=known,
    )
    try:
        tally, unreadable = run(
            job,
            warn=lambda message: err.print(f"error: {message}", style="red", markup=False),
            note=lambda message: err.print(message, style="dim", markup=False),
        )
    except OSError as exc:
        err.print(f"error: cannot write {output}: {exc}", style="red", markup=False)
        raise typer.Exit(2) from None
    line = summary(tally.summary()) + (f"; {unreadable} file(s) unreadable" if unreadable else "")
    err.print(f"{line}; reports in {output}", markup=False)
    raise typer.Exit(tally.exit_code(unreadable))


def register(app: typer.Typer) -> None:
    """Add the `batch` command to the `clearance` app."""
    app.command()(batch)
