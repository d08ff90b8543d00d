"""Baselines: today's findings recorded by stable fingerprint, so that a team can adopt the gate
on an existing catalogue and fail only on findings that are new.

``clearance check ... --write-baseline FILE`` records every finding of the run;
``--baseline FILE`` then leaves the recorded ones out of the exit code (they are still shown,
marked as in the baseline, and counted).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.cli.fingerprints import finding_fingerprint
from clearance.engine.errors import InputError
from clearance.engine.report import Report

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Baseline:
    """The fingerprints of a baseline file."""

    fingerprints: frozenset[str]
    source: str

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self.fingerprints


class BaselineWriter:
    """The baseline of a run, gathered as reports come: one entry per distinct finding
    fingerprint, with what it stands for (memory grows with the distinct findings of the run,
    not with its documents)."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}

    def add(self, report: Report) -> None:
        """Record the findings of one report."""
        for f in report.findings:
            fp = finding_fingerprint(report, f)
            entry = self.entries.setdefault(
                fp,
                {
                    "fingerprint": fp,
                    "rule_id": f.rule_id,
                    "document": report.id,
                    "fields": sorted({str(e["field"]) for e in f.evidence if e.get("field")}),
                    "markets": [],
                },
            )
            if f.market not in entry["markets"]:
                entry["markets"].append(f.market)

    def write(self, path: Path, today: dt.date) -> int:
        """Write the baseline to ``path`` atomically, sorted by fingerprint; return how many
        entries it holds."""
        from clearance.feeds.store import atomic_write  # not imported by every `check` run

        entries = [self.entries[k] for k in sorted(self.entries)]
        data = {
            "baseline_version": BASELINE_VERSION,
            "created": today.isoformat(),
            "findings": entries,
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text.encode("utf-8"))
        return len(entries)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; anything but a baseline written by this version is an InputError
    naming the file."""
    source = str(path)
    try:
        if path.stat().st_size > MAX_BASELINE_BYTES:
            raise InputError(f"baseline is larger than {MAX_BASELINE_BYTES} bytes", source=source)
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such baseline file", source=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the baseline: {exc}", source=source) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg}", source=source, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("baseline_version") != BASELINE_VERSION:
        raise InputError(
            f"not a Clearance baseline (baseline_version {BASELINE_VERSION} expected); "
            "write one with `clearance check ... --write-baseline FILE`",
            source=source,
        )
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in findings
    ):
        raise InputError("findings: a list of entries with a fingerprint expected", source=source)
    return Baseline(frozenset(e["fingerprint"] for e in findings), source)
