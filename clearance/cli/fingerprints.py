"""Stable fingerprints of findings: the same finding on the same document gets the same one in
every run, whatever the order of documents, findings or markets."""

from __future__ import annotations

import hashlib

from clearance.engine.report import Finding, Report


def finding_fingerprint(report: Report, finding: Finding) -> str:
    """SHA-256 (hex, first 32 digits) of the rule, the document's id, the fields of the evidence
    and the text it matched. The market is left out so that one finding shown for several
    markets has one fingerprint, and the file and line are left out so that moving a document
    within a file does not make its findings new."""
    fields = sorted({str(ev.get("field", "")) for ev in finding.evidence})
    texts = sorted({str(ev["text"]) for ev in finding.evidence if "text" in ev})
    parts = [finding.rule_id, report.id or "", "|".join(fields), "|".join(texts)]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]
