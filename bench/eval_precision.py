"""Precision and recall of the bundled rule library on the labelled evaluation set.

    python bench/eval_precision.py [--cases bench/eval/cases] [--rules DIR] [--misses N]

Loads the library the way `clearance check` does (library cache, default rules directory),
screens every case of bench/eval/cases/*.yaml as of its date, and prints:

- recall: violation cases caught by the right rule, i.e. a finding at warn or above from a rule
  whose `implements:` includes a labelled row; over all violation cases, and over the cases
  whose row some bundled rule implements for that kind and market ("covered");
- false-flag rate: clean cases with any finding at warn or above, from any rule;
- the same per market and per topic (the topic of the labelled row in rules/law/rows.yaml);
- "not evaluated": violation cases whose labelled row no rule implements for the case's kind
  and market, cases whose document failed validation, and cases where a rule implementing the
  row was in force but not evaluated (no sanctions or recall list loaded);
- every miss and false flag (case id, rule, severity, message) to investigate.

It reports; it never asserts. Exit status 0 unless the cases cannot be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from clearance.engine.law_rows import load_rows
from clearance.engine.library_cache import load_library_cached
from clearance.engine.model import SEVERITY_RANK
from clearance.engine.paths import default_rules_dir
from clearance.engine.screening import Screener

HERE = Path(__file__).resolve().parent
TARGET_RECALL = 0.95
TARGET_FALSE_FLAGS = 0.03
WARN = SEVERITY_RANK["warn"]


def load_cases(folder: Path) -> list[dict[str, Any]]:
    """Every case of every *.yaml / *.jsonl file in ``folder``, in file order."""
    cases: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            case["_file"] = path.name
            cases.append(case)
    for path in sorted(folder.glob("*.jsonl")):
        import json

        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                case["_file"] = path.name
                cases.append(case)
    return cases


def _pct(n: int, d: int) -> str:
    return f"{n / d:6.1%}" if d else "   n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=HERE / "eval" / "cases")
    ap.add_argument("--rules", type=Path, default=None)
    ap.add_argument("--misses", type=int, default=1000, help="list at most N misses/flags")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    rules_dir = args.rules or default_rules_dir()
    screener = Screener(load_library_cached(rules_dir))
    rows = load_rows(rules_dir)
    cases = load_cases(args.cases)
    loaded = time.perf_counter() - started

    # Which rules implement each row.
    implementers: dict[str, set[str]] = defaultdict(set)
    for rule in screener.library.rules.values():
        for row in rule.implements:
            implementers[row].add(rule.id)

    stats: dict[str, Counter[str]] = defaultdict(Counter)  # key -> counters
    misses: list[str] = []
    flags: list[str] = []
    below_min: list[str] = []
    not_evaluated: Counter[str] = Counter()

    def bump(case: dict[str, Any], name: str) -> None:
        topic = rows[case["rows"][0]].topic if case["rows"][0] in rows else "unknown-row"
        for key in (
            "all",
            f"market:{'+'.join(case['markets'])}",
            f"topic:{topic}",
            f"kind:{case['kind']}",
        ):
            stats[key][name] += 1

    for case in cases:
        on = dt.date.fromisoformat(str(case["as_of"]))
        report = screener.screen(
            case["document"], kind=case["kind"], markets=case["markets"], as_of=on
        )
        if report.errors:
            not_evaluated["document failed validation or screening"] += 1
            bump(case, "error")
            misses.append(
                f"  {case['id']}: ERROR {report.errors[0].get('message')} "
                f"({report.errors[0].get('field')})"
            )
            continue
        shown = [f for f in report.findings if SEVERITY_RANK[f.severity] >= WARN]
        if case["label"] == "clean":
            bump(case, "clean")
            if shown:
                bump(case, "flagged")
                for f in shown:
                    flags.append(
                        f"  {case['id']} [{case['rows'][0]}]: {f.rule_id} {f.severity}: {f.message}"
                    )
            continue
        bump(case, "violation")
        wanted = set(case["rows"])
        right = [f for f in shown if wanted & set(screener.library.rules[f.rule_id].implements)]
        applicable = {
            r.id
            for r in screener.rules_for(case["kind"], case["markets"][0])
            if wanted & set(r.implements)
        }
        if applicable:
            bump(case, "covered")
        if right:
            bump(case, "caught")
            if applicable:
                bump(case, "covered_caught")
            need = case.get("min_severity")
            if need and max(SEVERITY_RANK[f.severity] for f in right) < SEVERITY_RANK[need]:
                below_min.append(f"  {case['id']}: {right[0].rule_id} {right[0].severity} < {need}")
            continue
        skipped = [n for n in report.not_evaluated if n.rule_id in applicable]
        if not applicable:
            not_evaluated["no rule implements the row for this kind and market"] += 1
            reason = "no rule implements it"
        elif skipped:
            not_evaluated["rule not evaluated (list not loaded)"] += 1
            reason = f"{skipped[0].rule_id} not evaluated: {skipped[0].reason}"
        else:
            reason = f"rules {', '.join(sorted(applicable))} did not fire"
        other = "; ".join(f"{f.rule_id} {f.severity}" for f in shown) or "no findings"
        misses.append(f"  {case['id']} [{', '.join(case['rows'])}]: {reason} ({other})")
    elapsed = time.perf_counter() - started

    def line(label: str, c: Counter[str]) -> str:
        return (
            f"{label:34} {c['violation']:4} {_pct(c['caught'], c['violation'])} "
            f"{c['covered']:4} {_pct(c['covered_caught'], c['covered'])}   "
            f"{c['clean']:4} {_pct(c['flagged'], c['clean'])} {c['error']:3}"
        )

    a = stats["all"]
    print(
        f"Evaluation set: {len(cases)} cases ({a['violation']} violation, {a['clean']} clean) "
        f"from {args.cases}"
    )
    print(
        f"Library: {len(screener.library.rules)} rules in {len(screener.library.packs)} packs "
        f"({rules_dir})"
    )
    print()
    recall = a["caught"] / a["violation"] if a["violation"] else 0.0
    ff = a["flagged"] / a["clean"] if a["clean"] else 0.0
    cov = a["covered_caught"] / a["covered"] if a["covered"] else 0.0
    print(
        f"recall (all violation cases)      {recall:6.1%}   target >= {TARGET_RECALL:.0%}  "
        f"{'met' if recall >= TARGET_RECALL else 'NOT met'}"
    )
    print(
        f"recall (rows a rule implements)   {cov:6.1%}   ({a['covered']} of "
        f"{a['violation']} violation cases)"
    )
    print(
        f"false-flag rate (clean cases)     {ff:6.1%}   target <= {TARGET_FALSE_FLAGS:.0%}   "
        f"{'met' if ff <= TARGET_FALSE_FLAGS else 'NOT met'}"
    )
    print(f"not evaluated                     {sum(not_evaluated.values()):6}")
    for reason, n in not_evaluated.most_common():
        print(f"  {n:4}  {reason}")
    print(f"caught below the law's minimum severity: {len(below_min)}")
    print()
    head = (
        f"{'':34} {'viol':>4} {'recall':>6} {'cov':>4} {'c.rec':>6}   {'clean':>4} "
        f"{'flags':>6} {'err':>3}"
    )
    for prefix, title in (
        ("kind:", "Per kind"),
        ("topic:", "Per topic"),
        ("market:", "Per market"),
    ):
        print(title)
        print(head)
        for key in sorted(k for k in stats if k.startswith(prefix)):
            print(line(key[len(prefix) :], stats[key]))
        print()
    print(f"Misses ({len(misses)}):")
    print("\n".join(misses[: args.misses]))
    print()
    print(f"False flags ({len(flags)} findings on {a['flagged']} clean cases):")
    print("\n".join(flags[: args.misses]))
    if below_min:
        print()
        print("Caught below the minimum severity the law implies:")
        print("\n".join(below_min[: args.misses]))
    print()
    print(
        f"Screened {len(cases)} cases in {elapsed - loaded:.2f} s (library loaded in "
        f"{loaded:.2f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
