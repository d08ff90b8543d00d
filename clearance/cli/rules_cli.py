"""`clearance rules ...`: validate packs, run their examples, list and explain rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clearance.cli.options import Fmt, RulesOption, err, out
from clearance.cli.output import json_dump
from clearance.engine.compilecheck import refused_rules
from clearance.engine.conditions import describe
from clearance.engine.errors import PackError, PackErrors
from clearance.engine.examples import run_examples
from clearance.engine.library import Library, load_library, pack_files
from clearance.engine.paths import default_rules_dir
from clearance.engine.screening import Screener

rules_app = typer.Typer(help="Validate, test, list and explain rule packs.", no_args_is_help=True)


def _load(rules: Path | None) -> Library:
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
    rules: RulesOption = None, fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.text
) -> None:
    """Check every pack and table: schema, meaning, then that the engine accepts every rule.

    Exit 1 on any error.
    """
    root = rules or default_rules_dir()
    try:
        library = load_library(root)
        refused = refused_rules(library)
        if refused:
            raise PackErrors(refused)
    except PackErrors as exc:
        _print_errors(exc.errors, root, fmt)
        raise typer.Exit(1) from None
    if fmt is Fmt.json:
        out.print(json_dump({"ok": True, "errors": []}), markup=False)
    else:
        files = len(pack_files(root))
        out.print(
            f"ok: {files} pack(s), {len(library.rules)} rule(s), "
            f"{len(library.tables)} table(s) in {root}",
            style="green",
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

    table = Table("rule", "severity", "kinds", "markets", "title", box=None)
    for r in chosen:
        table.add_row(r.id, r.severity, ",".join(r.applies_to), ",".join(r.markets), r.title)
    out.print(table)
    out.print(f"{len(chosen)} rule(s)")


@rules_app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="Rule id, e.g. EU.GPSR.19A.MANUFACTURER")],
    rules: RulesOption = None,
) -> None:
    """Show where a rule is written, what it checks in words, its law and its examples."""
    library = _load(rules)
    rule = library.rules.get(rule_id)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id, list(library.rules), n=3)
        err.print(
            f"unknown rule {rule_id!r}" + (f"; did you mean {', '.join(close)}?" if close else ""),
            style="red",
            markup=False,
        )
        raise typer.Exit(2)
    pack = library.pack(rule.pack_id)
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
    for ref in rule.references:
        p(f"  law          {ref.title} <{ref.url}>", markup=False)
    for ex in rule.examples:
        p(f"  example ({ex.expect}) {ex.name}  [{rule.file}:{ex.line}]", markup=False)
