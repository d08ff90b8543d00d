"""Screen documents against a loaded library: the engine's public entry point.

    screener = Screener(load_library(Path("rules")))
    report = screener.screen({"kind": "listing", ...}, as_of=date(2026, 11, 25))

Rulesets are compiled lazily per (document kind, market, epoch) and cached. A document that
fails validation, or on which the engine errors, gets a report whose decision is ``error``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clearance.engine.compiler import Compiled, compile_rules
from clearance.engine.conditions import Compare, DeniedParty, Recalled, TableRef, walk
from clearance.engine.documents import Document, validate
from clearance.engine.errors import ClearanceError, DocumentError, EngineError
from clearance.engine.evaluator import Evaluator, build_fact
from clearance.engine.facts import DocContext, get
from clearance.engine.interpret import NO_RECALLS, NO_SANCTIONS, Interpreter
from clearance.engine.library import Library
from clearance.engine.model import Rule
from clearance.engine.report import (
    Finding,
    Report,
    error_report,
    filled_by_document,
    make_finding,
    sort_findings,
)
from clearance.engine.tables import DataTable, staleness
from clearance.engine.terms import TermMatcher

log = logging.getLogger("clearance.engine")


@dataclass(frozen=True)
class _Partition:
    rules: tuple[Rule, ...]
    boundaries: tuple[str, ...]


class Screener:
    """Screens listings, orders and shipments against every pack of a library."""

    def __init__(
        self, library: Library, evaluator: Evaluator | None = None, chunk_rules: int | None = None
    ) -> None:
        self.library = library
        self.evaluator = evaluator or Evaluator()
        self.matcher: TermMatcher = library.term_matcher()
        self._partitions: dict[tuple[str, str], _Partition] = {}
        self._compiled: dict[tuple[str, str, int], Compiled] = {}
        self._chunk_rules = chunk_rules
        self._pack_summaries = {p.id: p.summary() for p in library.packs}
        self._pack_versions = {p.id: p.version for p in library.packs}

    # -- partitions and compilation -------------------------------------------------------

    def rules_for(self, kind: str, market: str) -> tuple[Rule, ...]:
        """Rules that apply to ``kind`` documents in ``market`` (any date), in id order."""
        return self._partition(kind, market).rules

    def _partition(self, kind: str, market: str) -> _Partition:
        key = (kind, market)
        part = self._partitions.get(key)
        if part is None:
            rules = tuple(
                sorted(
                    (
                        r
                        for r in self.library.rules.values()
                        if kind in r.applies_to and self.library.markets.covers(r.markets, market)
                    ),
                    key=lambda r: (r.pack_id, r.id),
                )
            )
            dates: set[str] = set()
            for rule in rules:
                dates.update(
                    d.isoformat() for d in (rule.effective_from, rule.effective_until) if d
                )
                for table in self._tables_of(rule):
                    dates.update(table.boundaries())
            part = _Partition(rules, tuple(sorted(dates)))
            self._partitions[key] = part
        return part

    def epoch_dates(self, kind: str, market: str, today: dt.date | None = None) -> list[dt.date]:
        """One date in each epoch of ``kind`` documents in ``market`` (the first is ``today``
        when no rule or table row starts or ends on a date)."""
        boundaries = [dt.date.fromisoformat(b) for b in self._partition(kind, market).boundaries]
        if not boundaries:
            return [today or dt.date.today()]
        first = boundaries[0]
        return [first - dt.timedelta(days=1) if first > dt.date.min else first, *boundaries]

    def _missing_data(self, rule: Rule) -> str | None:
        """Why a rule cannot be evaluated with the data loaded, or None."""
        nodes = list(walk(rule.when))
        if self.library.parties is None and any(isinstance(n, DeniedParty) for n in nodes):
            return NO_SANCTIONS
        if self.library.recalls is None and any(isinstance(n, Recalled) for n in nodes):
            return NO_RECALLS
        return None

    def _lists_of(self, rule: Rule) -> list[str]:
        """The sanctions or recall lists a rule reads."""
        nodes = list(walk(rule.when))
        folders = ({"sanctions"} if any(isinstance(n, DeniedParty) for n in nodes) else set()) | (
            {"recalls"} if any(isinstance(n, Recalled) for n in nodes) else set()
        )
        return [name for name in self.library.list_files if name.split("/")[0] in folders]

    def _tables_of(self, rule: Rule) -> list[DataTable]:
        out = []
        for node in walk(rule.when):
            if isinstance(node, Compare) and isinstance(node.operand, TableRef):
                table = self.library.tables.get(node.operand.table)
                if isinstance(table, DataTable):
                    out.append(table)
        return out

    def resolver(self, market: str, on: dt.date) -> Any:
        """A function giving a table column's value (and currency) in force for market and date."""

        def resolve(ref: TableRef) -> tuple[Any, str | None] | None:
            table = self.library.tables.get(ref.table)
            if not isinstance(table, DataTable):
                return None
            row = table.row_for(market, on, self.library.markets)
            if row is None or row.get(ref.column) is None:
                return None
            return row[ref.column], row.get("currency")

        return resolve

    def compiled(self, kind: str, market: str, on: dt.date) -> Compiled:
        """The compiled rulesets for a kind and market as of a date (cached per epoch)."""
        part = self._partition(kind, market)
        epoch = bisect.bisect_right(part.boundaries, on.isoformat())
        key = (kind, market, epoch)
        found = self._compiled.get(key)
        if found is None:
            rules = [r for r in part.rules if r.in_force(on) and not self._missing_data(r)]
            kwargs = {"chunk_rules": self._chunk_rules} if self._chunk_rules else {}
            found = compile_rules(
                rules,
                f"{kind}:{market}:{epoch}",
                self.resolver(market, on),
                self.evaluator.action,
                **kwargs,
            )
            for chunk in found.chunks:
                self.evaluator.register(chunk)
            for rule in part.rules:
                if not rule.in_force(on):
                    continue
                found.packs.add(rule.pack_id)
                reason = self._missing_data(rule)
                if reason:
                    found.skipped[rule.id] = reason
                else:
                    found.lists.update(self._lists_of(rule))
            self._compiled[key] = found
        return found

    # -- screening ---------------------------------------------------------------------------

    def screen(
        self,
        data: Any,
        kind: str | None = None,
        markets: Iterable[str] | None = None,
        as_of: dt.date | None = None,
        today: dt.date | None = None,
    ) -> Report:
        """Screen one raw document; never raises for bad input (the report says ``error``)."""
        try:
            doc = validate(data, kind)
        except DocumentError as exc:
            return error_report([exc], data, kind)
        return self.screen_document(doc, markets, as_of, today)

    def screen_document(
        self,
        doc: Document,
        markets: Iterable[str] | None = None,
        as_of: dt.date | None = None,
        today: dt.date | None = None,
    ) -> Report:
        """Screen a validated document."""
        if as_of is not None:
            on, source = as_of, "option"
        elif doc.date is not None:
            on, source = doc.date, "document"
        else:
            on, source = today or dt.date.today(), "today"
        chosen = list(dict.fromkeys(markets)) if markets else list(doc.markets)
        report = Report(
            kind=doc.kind, id=doc.id, as_of=on.isoformat(), as_of_source=source, markets=chosen
        )
        if not chosen:
            report.errors.append(
                DocumentError("no market to screen for", field="$.markets").to_dict()
            )
            return report
        ctx = self.context(doc.data, doc.kind, doc.id, on)
        used_packs: set[str] = set()
        used_tables: set[str] = set()
        try:
            for market in chosen:
                ctx.market = market
                self._screen_market(ctx, market, on, report, used_packs, used_tables)
        except ClearanceError as exc:
            report.fail(EngineError(str(exc)))
        except Exception as exc:  # fail closed: a bug on one document is an error, never a pass
            log.exception("screening %s %s failed", doc.kind, doc.id)
            report.fail(EngineError(f"internal error: {type(exc).__name__}: {exc}"))
        report.findings = sort_findings(report.findings)
        report.warnings.extend(w for w in ctx.warnings if w not in report.warnings)
        report.cleared_hits = list(ctx.cleared_hits.values())
        report.packs = [self._pack_summaries[p] for p in sorted(used_packs)]
        report.tables = [self._table_summary(t) for t in sorted(used_tables)]
        report.conversions = [
            {
                "field": label,
                "from": src,
                "to": dst,
                "amount": c.amount,
                "rate": round(c.rate, 6),
                "rate_date": c.rate_date,
            }
            for (label, src, dst), c in sorted(ctx.conversions.items())
        ]
        if report.conversions and self.library.fx is not None:
            used_tables.add("fx_rates")
            report.tables = [self._table_summary(t) for t in sorted(used_tables)]
        now = dt.datetime.now(dt.UTC)
        lists = self.library.list_files
        for name in sorted(used_tables):
            if name in lists:
                meta = lists[name][1]
                note = staleness(name, meta.get("provenance") or {}, meta.get("cadence_days"), now)
            else:
                note = self.library.tables[name].stale(now)
            if note and note not in report.warnings:
                report.warnings.append(note)
        return report

    def context(
        self, data: dict[str, Any], kind: str, doc_id: str, on: dt.date, market: str = ""
    ) -> DocContext:
        """A document context: the operand values of one document with this library's data."""
        return DocContext(
            data,
            kind,
            doc_id,
            on,
            self.matcher,
            self.library.fx,
            market=market,
            parties=self.library.parties,
            recalls=self.library.recalls,
        )

    def _screen_market(
        self,
        ctx: DocContext,
        market: str,
        on: dt.date,
        report: Report,
        used_packs: set[str],
        used_tables: set[str],
    ) -> None:
        compiled = self.compiled(ctx.kind, market, on)
        rules = self.library.rules
        used_packs.update(compiled.packs)
        used_tables.update(compiled.lists)
        resolve = self.resolver(market, on)
        for rule_id, reason in compiled.skipped.items():
            # no list loaded, or no table row in force: not evaluated when the rule's outcome
            # depends on what is missing for this document (three-valued, engine/interpret.py)
            rule = rules[rule_id]
            truth, why = Interpreter(ctx, resolve, rule.term_scope).truth(rule.when)
            if truth is None:
                reason = "; ".join(why) or reason
                report.not_evaluated_rule(rule_id, market, reason, rule.if_not_evaluable)
            elif truth:
                report.findings.append(self._finding(rule, ctx, market, resolve))
        for chunk in compiled.chunks:
            fact = build_fact(chunk.operands, ctx, ctx.data)
            fired = set(self.evaluator.run(chunk, fact))
            for index, rule_id in enumerate(chunk.rule_ids):
                rule = rules[rule_id]
                if ctx.unknown:  # a value could not be computed: does this rule depend on it?
                    truth, why = Interpreter(ctx, resolve, rule.term_scope).truth(rule.when)
                    if truth is None:
                        reason = "; ".join(why)
                        report.not_evaluated_rule(rule.id, market, reason, rule.if_not_evaluable)
                        used_tables.update(t.name for t in self._tables_of(rule))
                        continue
                if index in fired:
                    report.findings.append(self._finding(rule, ctx, market, resolve))
                    used_tables.update(t.name for t in self._tables_of(rule))

    def _finding(self, rule: Rule, ctx: DocContext, market: str, resolve: Any) -> Finding:
        evidence = Interpreter(ctx, resolve, rule.term_scope).evidence(rule.when)
        values: dict[str, Any] = {}
        for name in filled_by_document(rule):
            head, _, column = name.partition(".")
            table = self.library.tables.get(head)
            if isinstance(table, DataTable) and column in table.columns:
                row = table.row_for(market, ctx.as_of, self.library.markets)
                values[name] = row.get(column) if row else None
            else:
                values[name] = get(ctx.data, name)
        return make_finding(
            rule,
            self._pack_versions[rule.pack_id],
            market,
            (ctx.kind, ctx.doc_id, ctx.as_of),
            evidence,
            values,
        )

    def _table_summary(self, name: str) -> dict[str, Any]:
        lists = self.library.list_files
        if name in lists:
            sha, meta = lists[name]
            prov = meta.get("provenance") or {}
            return {
                "id": name,
                "sha256": sha,
                "fetched_at": prov.get("fetched_at"),
                "source": prov.get("source"),
            }
        table = self.library.tables[name]
        return {
            "id": name,
            "sha256": table.sha256,
            "fetched_at": table.provenance.get("fetched_at"),
            "source": table.provenance.get("source"),
        }
