"""Catalogue routes: the packs served (versions, content hashes) and their rules."""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from clearance.api.auth import Caller, require_screen
from clearance.api.models import PackInfo, PackList, RuleDetail, RuleList, RuleSummary
from clearance.api.problems import Problem, problem_responses
from clearance.api.screening import check_kind, check_markets
from clearance.engine.conditions import describe
from clearance.engine.model import Rule

router = APIRouter(prefix="/v1", tags=["packs and rules"])


def _summary(rule: Rule, version: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "pack": rule.pack_id,
        "pack_version": version,
        "title": rule.title,
        "severity": rule.severity,
        "applies_to": list(rule.applies_to),
        "markets": list(rule.markets),
        "effective_from": rule.effective_from.isoformat() if rule.effective_from else None,
        "effective_until": rule.effective_until.isoformat() if rule.effective_until else None,
        "source": f"{rule.file}:{rule.line}",
    }


@router.get(
    "/packs",
    response_model=PackList,
    summary="List packs with versions and hashes",
    operation_id="listPacks",
    responses=problem_responses(401, 403),
)
async def list_packs(
    request: Request, caller: Annotated[Caller, Depends(require_screen)]
) -> dict[str, Any]:
    """Every pack being served, with its version and content hash (as recorded in decisions)."""
    snap = request.app.state.service.host.current
    packs = [
        PackInfo(
            id=p.id,
            version=p.version,
            sha256=p.sha256,
            title=p.title,
            jurisdiction=p.jurisdiction,
            owner=p.owner,
            file=p.file,
            rules=len(p.rules),
            tables=list(p.tables),
        )
        for p in snap.library.packs
    ]
    return {
        "packs": packs,
        "fingerprint": snap.fingerprint,
        "generation": snap.generation,
        "loaded_at": snap.loaded_at.isoformat().replace("+00:00", "Z"),
    }


@router.get(
    "/rules",
    response_model=RuleList,
    summary="List and filter rules",
    operation_id="listRules",
    responses=problem_responses(400, 401, 403),
)
async def list_rules(
    request: Request,
    caller: Annotated[Caller, Depends(require_screen)],
    market: Annotated[
        str | None, Query(description="Rules that apply in this market (e.g. DE)", examples=["DE"])
    ] = None,
    kind: Annotated[
        str | None, Query(description="listing, order or shipment", examples=["listing"])
    ] = None,
    pack: Annotated[str | None, Query(description="Pack id", examples=["de.uwg-claims"])] = None,
) -> dict[str, Any]:
    """Rules filtered by market (groups such as EU are expanded), document kind and pack."""
    library = request.app.state.service.host.current.library
    if market is not None:
        check_markets([market], "query:market")
    if kind is not None:
        check_kind(kind)
    if pack is not None and pack not in {p.id for p in library.packs}:
        known = ", ".join(sorted(p.id for p in library.packs))
        raise Problem(400, "unknown-pack", f"Unknown pack {pack!r}; known packs: {known}.")
    versions = {p.id: p.version for p in library.packs}
    chosen = [
        RuleSummary(**_summary(r, versions[r.pack_id]))
        for r in sorted(library.rules.values(), key=lambda r: r.id)
        if (kind is None or kind in r.applies_to)
        and (pack is None or r.pack_id == pack)
        and (market is None or library.markets.covers(r.markets, market))
    ]
    return {"rules": chosen, "count": len(chosen)}


@router.get(
    "/rules/{rule_id}",
    response_model=RuleDetail,
    summary="Show one rule",
    operation_id="getRule",
    responses=problem_responses(401, 403, 404),
)
async def get_rule(
    request: Request, rule_id: str, caller: Annotated[Caller, Depends(require_screen)]
) -> dict[str, Any]:
    """A rule with its source (file:line), its condition in words, references and examples."""
    library = request.app.state.service.host.current.library
    rule = library.rules.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(library.rules), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise Problem(404, "not-found", f"Unknown rule {rule_id!r}.{hint}")
    pack = library.pack(rule.pack_id)
    out = _summary(rule, pack.version)
    out.update(
        {
            "description": rule.description,
            "confidence": rule.confidence,
            "file": rule.file,
            "line": rule.line,
            "checks": describe(rule.when),
            "message": rule.message,
            "remediation": rule.remediation,
            "pack_sha256": pack.sha256,
            "references": [{"title": r.title, "url": r.url} for r in rule.references],
            "examples": [
                {
                    "expect": ex.expect,
                    "name": ex.name,
                    "kind": ex.kind,
                    "market": ex.market,
                    "as_of": ex.as_of.isoformat() if ex.as_of else None,
                    "source": f"{rule.file}:{ex.line}",
                    "document": ex.document,
                }
                for ex in rule.examples
            ],
        }
    )
    return out
