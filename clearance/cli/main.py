"""The `clearance` command line: check documents, work on rule packs, serve, refresh feeds."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clearance.cli.baseline import BaselineWriter, load_baseline
from clearance.cli.batch_cli import register as register_batch
from clearance.cli.check_outputs import (
    WHOLE_RUN,
    OutFormat,
    RunWriter,
    baseline_line,
    output_spec,
    run_writer,
)
from clearance.cli.column_map import load_column_map
from clearance.cli.feeds_cli import register as register_feeds
from clearance.cli.inputs import FORMATS, Record, TableOptions, expand, read
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
    out,
    parse_date,
    parse_markets,
)
from clearance.cli.output import github_annotations, summary, text_report
from clearance.cli.parallel import RunTally, ScreenOptions, screen_records
from clearance.cli.rules_cli import rules_app
from clearance.cli.serve_cli import register as register_serve
from clearance.engine.errors import ClearanceError, InputError, PackErrors
from clearance.engine.overrides import load_rule_config
from clearance.engine.report import Report
from clearance.engine.waivers import DEFAULT_MAX_DAYS, WaiverSet, load_waivers

if TYPE_CHECKING:
    from rich.progress import Progress

AUTO_JOBS_BYTES = 4 * 1024 * 1024
"""Input size from which a run uses every core by default (below it, starting the workers costs
more than they save)."""


app = typer.Typer(
    name="clearance",
    help="Screen listings, orders and shipments against compliance rule packs.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
app.add_typer(rules_app, name="rules")
register_feeds(app)
register_serve(app)
register_batch(app)


@app.command()
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="JSON, JSON Lines or CSV files, or directories; - reads standard input."
        ),
    ],
    kind: KindOption = None,
    market: MarketOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        OutFormat, typer.Option("--format", help="Output format on standard output.")
    ] = OutFormat.text,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            metavar="FORMAT=PATH",
            help="Also write the run in FORMAT to PATH, atomically, when it ends (repeatable): "
            "e.g. --output sarif=results.sarif --output junit=report.xml.",
        ),
    ] = None,
    fail_on: FailOnOption = FailOn.block,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            help="json, jsonl, csv, shopify, google-merchant or amazon (default: by extension "
            "and header).",
        ),
    ] = None,
    column_map: Annotated[
        str | None,
        typer.Option(
            "--map",
            metavar="FILE|NAME",
            help="Read CSV or tab-separated exports through this column map (a YAML file, or a "
            "bundled map: amazon-inventory, magento, woocommerce).",
        ),
    ] = None,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency",
            metavar="CODE",
            help="The currency of export prices that name none (Shopify, WooCommerce).",
        ),
    ] = None,
    baseline: BaselineOption = None,
    write_baseline_to: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record every finding of this run in FILE, by stable fingerprint.",
        ),
    ] = None,
    waivers_file: Annotated[
        Path | None,
        typer.Option(
            "--waivers",
            metavar="FILE",
            help="Accept the findings this waiver file covers (owner, reason, expiry each); "
            "they are listed as waived and do not count.",
        ),
    ] = None,
    waiver_max_days: Annotated[
        int,
        typer.Option(
            "--waiver-max-days", min=1, help="Refuse waivers that expire further ahead than this."
        ),
    ] = DEFAULT_MAX_DAYS,
    strict_waivers: Annotated[
        bool,
        typer.Option(
            "--strict-waivers", help="Exit 1 when a waiver has expired or matched nothing."
        ),
    ] = False,
    config: ConfigOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes; reports stay in input order (0: one per core; default: one "
            f"per core when the input is over {AUTO_JOBS_BYTES // (1024 * 1024)} MiB, else 1).",
        ),
    ] = None,
    rules: RulesOption = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Check and load every pack now; do not use the library cache."
        ),
    ] = False,
) -> None:
    """Screen documents; exit 0 when clean, 1 on findings at or above --fail-on, 2 on bad input."""
    on = parse_date(as_of)
    check_kind(kind)
    if input_format is not None and input_format not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--input-format")
    markets = parse_markets(market)
    outputs = [output_spec(spec) for spec in output or []]
    if currency is not None and not (len(currency) == 3 and currency.isalpha()):
        raise typer.BadParameter(f"{currency!r} is not an ISO 4217 code", param_hint="--currency")
    try:
        tables = TableOptions(
            load_column_map(column_map) if column_map else None,
            currency.upper() if currency else None,
            lambda note: err.print(note, style="dim", markup=False),
        )
        known = load_baseline(baseline) if baseline is not None else None
    except InputError as exc:
        err.print(f"error: {exc}", style="red", markup=False)
        raise typer.Exit(2) from None
    screener = load_screener(rules, cache=not no_cache)
    paths = expand(files)
    if not paths:
        err.print("no input files found", style="red")
        raise typer.Exit(2)
    jobs = _jobs(jobs, paths)
    today = dt.date.today()
    try:
        waivers = (
            load_waivers(waivers_file, today, waiver_max_days, screener.library.rules)
            if waivers_file is not None
            else None
        )
        rule_config = (
            load_rule_config(config, screener.library.rules) if config is not None else None
        )
    except PackErrors as exc:
        for e in exc.errors:
            err.print(str(e), style="red", markup=False)
        err.print(f"{len(exc.errors)} error(s) in {exc.errors[0].file}; nothing was screened.")
        raise typer.Exit(2) from None
    writers: list[tuple[Path | None, RunWriter]] = []  # standard output first, then the files
    if fmt in WHOLE_RUN:
        writers.append((None, run_writer(fmt, screener, fail_on.value, known)))
    writers += [(path, run_writer(f, screener, fail_on.value, known)) for f, path in outputs]
    gathered = BaselineWriter() if write_baseline_to is not None else None
    unreadable: list[InputError] = []
    tally = RunTally(fail_on.value, known)
    progress = _progress()
    task = progress.add_task("screening", total=None) if progress else None
    records = _records(paths, input_format, kind, markets, tables, unreadable)
    options = ScreenOptions(kind, markets, on)
    for report in screen_records(records, screener, options, jobs, cache=not no_cache):
        if rule_config is not None:
            rule_config.apply(report)
        if waivers is not None:
            waivers.apply(report, today)
        tally.add(report)
        for _, writer in writers:
            writer.add(report)
        if gathered is not None:
            gathered.add(report)
        _emit(report, fmt)
        if progress and task is not None:
            progress.advance(task)
    if progress:
        progress.stop()
    stale = _stale_waivers(waivers, today)
    if fmt is OutFormat.text:
        out.print(
            summary(tally.summary())
            + (f"; {len(unreadable)} file(s) unreadable" if unreadable else ""),
            style="bold",
            markup=False,
        )
        if known is not None:
            out.print(baseline_line(known.source, tally.in_baseline, tally.new), markup=False)
    _write_outputs(writers, unreadable, tally)
    if gathered is not None and write_baseline_to is not None:
        try:
            n = gathered.write(write_baseline_to, dt.date.today())
        except OSError as exc:
            err.print(f"error: cannot write {write_baseline_to}: {exc.strerror}", style="red")
            raise typer.Exit(2) from None
        err.print(f"baseline of {n} finding(s) written to {write_baseline_to}", markup=False)
    for problem in stale:
        err.print(f"waiver {problem}", style="yellow", markup=False)
    code = tally.exit_code(len(unreadable))
    if code == 0 and strict_waivers and stale:
        err.print(f"{len(stale)} waiver(s) expired or unused (--strict-waivers)", style="red")
        code = 1
    raise typer.Exit(code)


def _write_outputs(
    writers: list[tuple[Path | None, RunWriter]], unreadable: list[InputError], tally: RunTally
) -> None:
    """Write each output of the whole run: to its file atomically (--output), or to standard
    output (a --format written when the run ends)."""
    for path, writer in writers:
        if path is None:
            sys.stdout.flush()
            writer.finish(sys.stdout.buffer, unreadable, tally)
            sys.stdout.buffer.flush()
            continue
        from clearance.feeds.store import atomic_stream  # not imported by every `check` run

        try:
            with atomic_stream(path) as handle:
                writer.finish(handle, unreadable, tally)
        except OSError as exc:
            err.print(f"error: cannot write {path}: {exc.strerror}", style="red", markup=False)
            raise typer.Exit(2) from None


def _stale_waivers(waivers: WaiverSet | None, today: dt.date) -> list[str]:
    """One line per waiver that has expired or matched nothing in this run."""
    if waivers is None:
        return []
    lines = [
        f"{w.id} ({w.file}:{w.line}) for {w.rule} expired on {w.expires.isoformat()}"
        for w in waivers.expired(today)
    ]
    lines += [
        f"{w.id} ({w.file}:{w.line}) for {w.rule} matched no finding" for w in waivers.unused(today)
    ]
    return lines


def _progress() -> Progress | None:
    """A progress bar on stderr when it is a terminal (never in pipes or CI logs)."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    progress = Progress(console=err, transient=True)
    progress.start()
    return progress


def _jobs(jobs: int | None, paths: list[Path]) -> int:
    """The number of worker processes: as asked (0: one per core), else automatic."""
    cores = os.cpu_count() or 1
    if jobs is not None:
        return jobs or cores
    size = 0
    for path in paths:
        if str(path) != "-":
            with contextlib.suppress(OSError):
                size += path.stat().st_size
    return cores if size > AUTO_JOBS_BYTES else 1


def _records(
    paths: list[Path],
    input_format: str | None,
    kind: str | None,
    markets: list[str] | None,
    tables: TableOptions,
    unreadable: list[InputError],
) -> Iterator[Record]:
    """The records of every file in turn, read as they are screened; a file that cannot be
    read is reported and added to ``unreadable``, and the next one is read."""
    for path in paths:
        try:
            yield from read(path, input_format, kind, markets, tables)
        except InputError as exc:
            unreadable.append(exc)
            err.print(f"error: {exc}", style="red", markup=False)


def _emit(report: Report, fmt: OutFormat) -> None:
    if fmt is OutFormat.text:
        for line, style in text_report(report):
            out.print(line, style=style, markup=False)
    elif fmt is OutFormat.jsonl:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    elif fmt is OutFormat.github:
        github_annotations(report, sys.stdout)


def main() -> None:
    """Entry point of the `clearance` console script."""
    try:
        app()
    except ClearanceError as exc:
        err.print(f"error: {exc}", style="red", markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
