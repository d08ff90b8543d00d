"""`clearance rules ...`: validate packs, run their examples, list, explain and cover rules."""

from __future__ import annotations

import difflib
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from clearance.cli import coverage_output
from clearance.cli.options import Fmt, RulesOption, err, out
from clearance.cli.output import json_dump
from clearance.cli.scenarios import features_dir, scenarios_in
from clearance.engine.compilecheck import refused_rules
from clearance.engine.conditions import Compare, TableRef, Terms, describe, walk
from clearance.engine.coverage import catalogue_dir, coverage, load_catalogue
from clearance.engine.errors import PackError, PackErrors
from clearance.engine.examples import run_examples
from clearance.engine.law_rows import Row
from clearance.engine.library import Library, load_library, pack_files
from clearance.engine.model import Rule
from clearance.engine.paths import default_rules_dir
from clearance.engine.screening import Screener
from clearance.engine.semantics import check_implements, lint_library

rules_app = typer.Typer(
    help="Validate, test, list, explain and cover rule packs.", no_args_is_help=True
)


def _load(rules: Path | None) -> Library:
    """The library of ``rules`` (else the default); errors printed, exit 2."""
    try:
        return load_library(rules or default_rules_dir())
    except PackErrors as exc:
        for e in exc.errors:
            err.print(str(e), style="red", markup=False)
        err.print(
            f"{len(exc.errors)} error(s); run `clearance rules validate` for details.", style="red"
        )
        raise typer.Exit(2) from None


@rules_app.command()
def validate(
    rules: RulesOption = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors (exit 1).")] = False,
) -> None:
    """Check every pack, table and term library: schema, meaning, that the engine accepts every
    rule, and that every `implements` names a row of the law catalogue.

    Warnings (a rule id whose market prefix is not its pack's jurisdiction) are printed and do
    not fail the run unless --strict is given. Exit 1 on any error.
    """
    root = rules or default_rules_dir()
    warnings: list[PackError] = []
    try:
        library = load_library(root)
        problems = refused_rules(library)
        rows, row_problems = load_catalogue(root)
        problems += row_problems or check_implements(library.packs, rows)
        if problems:
            raise PackErrors(problems)
        warnings = lint_library(library.packs, library.markets)
        if strict and warnings:
            raise PackErrors(warnings)
    except PackErrors as exc:
        _print_errors(exc.errors, root, fmt)
        raise typer.Exit(1) from None
    if fmt is Fmt.json:
        data = {"ok": True, "errors": [], "warnings": [w.to_dict() for w in warnings]}
        out.print(json_dump(data), markup=False)
        return
    for w in warnings:
        out.print(f"warning: {w}", style="yellow", markup=False)
    files = len(pack_files(root))
    libraries = len({t["id"] for p in library.packs for t in p.term_libraries})
    implemented = {row for r in library.rules.values() for row in r.implements}
    out.print(
        f"ok: {files} pack(s), {len(library.rules)} rule(s), {len(library.tables)} table(s), "
        f"{libraries} term librar{'y' if libraries == 1 else 'ies'} in {root}; "
        f"the rules implement {len(implemented)} of {len(rows)} catalogue rows"
        + (f"; {len(warnings)} warning(s)" if warnings else ""),
        style="green",
        markup=False,
    )


def _print_errors(errors: list[PackError], root: Path, fmt: Fmt) -> None:
    if fmt is Fmt.json:
        out.print(json_dump({"ok": False, "errors": [e.to_dict() for e in errors]}), markup=False)
        return
    for e in errors:
        out.print(str(e), style="red", markup=False)
    out.print(f"{len(errors)} error(s) in {root}", style="bold red")


@rules_app.command("test")
def test_examples(
    rules: RulesOption = None,
    rule: Annotated[list[str] | None, typer.Option(help="Only this rule id (repeatable).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Run every rule's examples; exit 1 if any example does not behave as declared."""
    library = _load(rules)
    unknown = [r for r in rule or [] if r not in library.rules]
    if unknown:
        raise typer.BadParameter(f"unknown rule id(s): {', '.join(unknown)}", param_hint="--rule")
    results = run_examples(Screener(library), rule)
    failed = [r for r in results if not r.ok]
    skipped = [r for r in results if r.skipped]
    for r in results:
        if r.ok and not r.skipped and not verbose:
            continue
        mark = "skip" if r.skipped else "ok  " if r.ok else "FAIL"
        style = "yellow" if r.skipped else "green" if r.ok else "red"
        out.print(
            f"{mark} {r.rule.id} {r.example.expect}: {r.example.name} - {r.detail}"
            f"  ({r.rule.file}:{r.example.line})",
            style=style,
            markup=False,
        )
    rules_count = len({r.rule.id for r in results})
    out.print(
        f"{len(results) - len(failed) - len(skipped)} passed, {len(failed)} failed, "
        f"{len(skipped)} skipped "
        f"({len(results)} examples of {rules_count} rules)",
        style="bold red" if failed else "bold green",
        markup=False,
    )
    raise typer.Exit(1 if failed else 0)


@rules_app.command("list")
def list_rules(
    rules: RulesOption = None,
    market: Annotated[str | None, typer.Option(help="Rules that apply in this market.")] = None,
    kind: Annotated[str | None, typer.Option(help="listing, order or shipment.")] = None,
    pack: Annotated[str | None, typer.Option(help="Pack id.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text,
) -> None:
    """List rules, filtered by market, document kind or pack."""
    library = _load(rules)
    chosen = [
        r
        for r in sorted(library.rules.values(), key=lambda r: r.id)
        if (kind is None or kind in r.applies_to)
        and (pack is None or r.pack_id == pack)
        and (market is None or library.markets.covers(r.markets, market.upper()))
    ]
    if fmt is Fmt.json:
        out.print(
            json_dump(
                [
                    {
                        "id": r.id,
                        "pack": r.pack_id,
                        "severity": r.severity,
                        "applies_to": list(r.applies_to),
                        "markets": list(r.markets),
                        "implements": list(r.implements),
                        "title": r.title,
                        "source": f"{r.file}:{r.line}",
                    }
                    for r in chosen
                ]
            ),
            markup=False,
        )
        return
    from rich.table import Table

    table = Table(box=None)
    # the rule id is what a user copies into `rules explain`: never cut it short
    table.add_column("rule", no_wrap=True, min_width=max((len(r.id) for r in chosen), default=4))
    table.add_column("severity", no_wrap=True)
    table.add_column("kinds", overflow="fold")
    table.add_column("markets", overflow="fold")
    table.add_column("title", overflow="fold")
    for r in chosen:
        table.add_row(r.id, r.severity, ",".join(r.applies_to), ",".join(r.markets), r.title)
    out.print(table)
    out.print(f"{len(chosen)} rule(s)")


@rules_app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="Rule id, e.g. EU.GPSR.19A.MANUFACTURER")],
    rules: RulesOption = None,
    features: Annotated[
        Path | None,
        typer.Option(help="Folder of the Gherkin specifications (default: ../features)."),
    ] = None,
) -> None:
    """Show a rule: where it is written, what it checks in words, the catalogue rows it
    implements, its term lists and tables with their files, its law, examples and scenarios."""
    root = rules or default_rules_dir()
    library = _load(root)
    rule = library.rules.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(library.rules), n=3)
        err.print(
            f"unknown rule {rule_id!r}" + (f"; did you mean {', '.join(close)}?" if close else ""),
            style="red",
            markup=False,
        )
        raise typer.Exit(2)
    pack = library.pack(rule.pack_id)
    rows, _ = load_catalogue(root)
    p = out.print
    p(f"{rule.id}: {rule.title}", style="bold", markup=False)
    p(f"  defined at   {rule.file}:{rule.line}", markup=False)
    p(f"  pack         {pack.id} {pack.version} ({pack.title})", markup=False)
    p(f"  applies to   {', '.join(rule.applies_to)} in {', '.join(rule.markets)}", markup=False)
    p(
        f"  severity     {rule.severity}"
        + (f" (confidence {rule.confidence})" if rule.confidence else ""),
        markup=False,
    )
    window = f"from {rule.effective_from or 'always'}" + (
        f" until {rule.effective_until} (exclusive)" if rule.effective_until else ""
    )
    p(f"  in force     {window}", markup=False)
    p("  checks:", markup=False)
    p(describe(rule.when, 2), markup=False)
    p(f"  message      {rule.message}", markup=False)
    p(f"  remediation  {rule.remediation}", markup=False)
    for line in _implements_lines(rule, rows, catalogue_dir(root)):
        p(line, markup=False)
    for line in _data_lines(rule, library):
        p(line, markup=False)
    for ref in rule.references:
        p(f"  law          {ref.title} <{ref.url}>", markup=False)
    for ex in rule.examples:
        p(f"  example ({ex.expect}) {ex.name}  [{rule.file}:{ex.line}]", markup=False)
    for line in _scenario_lines(rule, features or features_dir(root)):
        p(line, markup=False)


def _implements_lines(rule: Rule, rows: dict[str, Row], catalogue: Path) -> list[str]:
    lines = []
    for row_id in rule.implements:
        row = rows.get(row_id)
        if row is None:
            lines.append(f"  implements   {row_id} (not a row of the catalogue in {catalogue})")
            continue
        decidable = "" if row.decidable == "yes" else f" ({row.decidable} decidable: {row.reason})"
        lines.append(
            f"  implements   {row.id} [{row.topic}, {', '.join(row.markets)}]: {row.summary}"
            f"{decidable}  [law/rows.yaml:{row.line}]"
        )
    return lines


def _data_lines(rule: Rule, library: Library) -> list[str]:
    pack = library.pack(rule.pack_id)
    lines = []
    seen: set[str] = set()
    for node in walk(rule.when):
        if isinstance(node, Terms) and node.list_name not in seen:
            seen.add(node.list_name)
            term_list = pack.term_lists.get(node.list_name)
            languages = ", ".join(term_list.terms) if term_list else "?"
            sources = ", ".join(pack.term_sources.get(node.list_name, ()))
            lines.append(f"  term list    {node.list_name} ({languages}) from {sources}")
        if isinstance(node, Compare) and isinstance(node.operand, TableRef):
            name = node.operand.table
            table = library.tables.get(name)
            if name not in seen and table is not None:
                seen.add(name)
                lines.append(
                    f"  table        {name} from {table.file} (sha256 {table.sha256[:12]})"
                )
    for summary in pack.term_libraries:
        lines.append(
            f"  terms file   {summary['file']} (sha256 {summary['sha256'][:12]}), "
            f"used by pack {pack.id}"
        )
    return lines


def _scenario_lines(rule: Rule, folder: Path | None) -> list[str]:
    if folder is None:
        return ["  scenarios    (no features folder found; give --features)"]
    found = [s for s in scenarios_in(folder) if rule.id in s.tags]
    if not found:
        return [f"  scenarios    none tagged @{rule.id} in {folder}"]
    return [f"  scenario     {s.name}  [{_shown(s.file)}:{s.line}]" for s in found]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class CoverageFmt(StrEnum):
    """Output formats of `clearance rules coverage`."""

    text = "text"
    json = "json"
    markdown = "markdown"


@rules_app.command("coverage")
def coverage_cmd(
    rules: RulesOption = None,
    fmt: Annotated[CoverageFmt, typer.Option("--format")] = CoverageFmt.text,
    market: Annotated[
        str | None, typer.Option(help="Only this market (EU, DE, US, * ...).")
    ] = None,
) -> None:
    """Per market and topic, which catalogue rows the rules implement and which not, and why.

    docs/coverage.md is `clearance rules coverage --format markdown`.
    """
    root = rules or default_rules_dir()
    library = _load(root)
    rows, problems = load_catalogue(root)
    problems = problems or check_implements(library.packs, rows)
    for e in problems:
        err.print(f"warning: {e}", style="yellow", markup=False)
    result = coverage(library.rules.values(), rows, market.upper() if market else None)
    if fmt is CoverageFmt.json:
        typer.echo(coverage_output.as_json(result))
    elif fmt is CoverageFmt.markdown:
        typer.echo(coverage_output.markdown(result), nl=False)
    else:
        typer.echo(coverage_output.text(result))
