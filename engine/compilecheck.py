"""Compile every rule as it can be screened, and ask durable_rules to accept each ruleset.

The meaning checks (:mod:`clearance.engine.semantics`) cannot know every input durable_rules
refuses: its C core has its own JSON reader and limits (see docs/engine.md). So ``clearance rules
validate`` also compiles every pack for every document kind, market and epoch it can be screened
in and registers the rulesets with a throwaway durable_rules host, which is closed afterwards.
A refused ruleset is traced to the rules that make it refused, each reported as a
:class:`~clearance.engine.errors.PackError` with its file and line, at validate time rather than
at the first screening.
"""

from __future__ import annotations

import datetime as dt
import itertools

from clearance.engine.compiler import compile_rules
from clearance.engine.errors import EngineError, PackError
from clearance.engine.evaluator import Evaluator
from clearance.engine.library import Library
from clearance.engine.markets import ALL
from clearance.engine.model import Rule
from clearance.engine.schemas import DOCUMENT_KINDS
from clearance.engine.screening import Screener
from clearance.engine.tables import DataTable

OTHER_MARKET = "ZZ"
"""Stands for every market that no rule and no table row names (only ``*`` rules apply)."""


def screened_markets(library: Library) -> list[str]:
    """Every market with its own rules or table rows (groups expanded), and one for the rest."""
    named: set[str] = set()
    codes = [m for r in library.rules.values() for m in r.markets]
    for table in library.tables.values():
        if isinstance(table, DataTable):
            codes.extend(str(row["market"]) for row in table.rows)
    for code in codes:
        named.update(library.markets.groups.get(code, {code}))
    named.discard(ALL)
    other = next(
        c
        for c in (OTHER_MARKET, *(a + b for a, b in itertools.product("ZYXQ", repeat=2)))
        if c not in named
    )
    return [*sorted(named), other]


def refused_rules(library: Library, today: dt.date | None = None) -> list[PackError]:
    """Every rule whose compiled ruleset durable_rules refuses, as pack errors (empty when none).

    Each (kind, market, epoch) is compiled with every rule in force, including rules whose
    sanctions or recall lists are not loaded here.
    """
    screener = Screener(library, evaluator=Evaluator())
    names = itertools.count()
    found: dict[str, PackError] = {}
    try:
        for kind in DOCUMENT_KINDS:
            for market in screened_markets(library):
                if not screener.rules_for(kind, market):
                    continue
                for on in screener.epoch_dates(kind, market, today):
                    rules = [r for r in screener.rules_for(kind, market) if r.in_force(on)]
                    where = f"{kind} documents in {market} as of {on}"
                    for rule, reason in _refused(screener, rules, market, on, names):
                        if rule.id not in found:
                            found[rule.id] = PackError(
                                f"durable_rules refuses the compiled rule ({where}): {reason}",
                                file=rule.file,
                                line=rule.line,
                                rule_id=rule.id,
                                hint="see docs/engine.md for what the engine accepts",
                            )
    finally:
        screener.evaluator.close()
    return list(found.values())


def _refused(
    screener: Screener,
    rules: list[Rule],
    market: str,
    on: dt.date,
    names: itertools.count[int],
) -> list[tuple[Rule, str]]:
    """The rules of a refused chunk that durable_rules refuses on their own (or all of them)."""
    resolve = screener.resolver(market, on)
    evaluator = screener.evaluator
    compiled = compile_rules(rules, f"validate{next(names)}", resolve, evaluator.action)
    out: list[tuple[Rule, str]] = []
    by_id = {r.id: r for r in rules}
    for chunk in compiled.chunks:
        try:
            evaluator.register(chunk)
            continue
        except EngineError as exc:
            chunk_reason = str(exc)
        alone: list[tuple[Rule, str]] = []
        for rule_id in chunk.rule_ids:
            rule = by_id[rule_id]
            single = compile_rules([rule], f"validate{next(names)}", resolve, evaluator.action)
            for part in single.chunks:
                try:
                    evaluator.register(part)
                except EngineError as exc:
                    alone.append((rule, str(exc).split(": ", 1)[-1]))
        out.extend(alone or [(by_id[i], chunk_reason) for i in chunk.rule_ids])
    return out
