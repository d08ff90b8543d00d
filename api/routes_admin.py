"""Admin routes (role admin): reload the packs, see this worker's status, apply retention."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from clearance.api import rescreen
from clearance.api.auth import Caller, require_admin
from clearance.api.decision_log import format_time, utc_now
from clearance.api.models import PurgeOutcome, ReloadOutcome, RescreenOutcome, Status
from clearance.api.problems import Problem, problem_responses
from clearance.api.rescreen import RescreenResult
from clearance.api.state import service

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.post(
    "/reload",
    response_model=ReloadOutcome,
    summary="Reload the rule packs",
    operation_id="reload",
    responses=problem_responses(401, 403, 422),
)
async def reload(
    request: Request, caller: Annotated[Caller, Depends(require_admin)]
) -> dict[str, Any]:
    """Load the rules directory to the side, check it, compile it and swap it in.

    A broken change is refused with 422 and every error (file, line, rule id, message, hint);
    the previous packs keep serving. With several workers, the others are signalled to reload.
    """
    svc = service(request)
    result = await svc.reloader.reload(f"admin request by {caller.name}")
    svc.reloader.request_others()
    if not result.ok:
        raise Problem(422, "packs-refused", result.message, errors=result.errors)
    snap = result.snapshot
    return {
        "reloaded": True,
        "message": result.message,
        "generation": snap.generation,
        "fingerprint": snap.fingerprint,
        "packs": snap.packs,
        "seconds": round(result.seconds, 3),
        "warmed": result.warmed,
    }


@router.get(
    "/status",
    response_model=Status,
    summary="Status of this worker",
    operation_id="status",
    responses=problem_responses(401, 403),
)
async def status(
    request: Request, caller: Annotated[Caller, Depends(require_admin)]
) -> dict[str, Any]:
    """Packs served, the last reload (with errors), the decision log and the limits."""
    svc = service(request)
    snap = svc.host.current
    settings = svc.settings
    return {
        "pid": os.getpid(),
        "started_at": format_time(svc.started_at),
        "rules_dir": str(settings.rules_dir),
        "generation": snap.generation,
        "fingerprint": snap.fingerprint,
        "packs": snap.packs,
        "rules": snap.rule_count,
        "reload": svc.reloader.status.to_dict(),
        "decision_log": {
            "backend": svc.log.backend,
            "decisions": await svc.log.count(),
            "retention_days": settings.retention_days,
        },
        "limits": {
            "max_body_bytes": settings.max_body_bytes,
            "max_batch_bytes": settings.max_batch_bytes,
            "max_stream_bytes": settings.max_stream_bytes,
            "batch_limit": settings.batch_limit,
        },
    }


@router.post(
    "/decisions/purge",
    response_model=PurgeOutcome,
    summary="Apply retention now",
    operation_id="purgeDecisions",
    responses=problem_responses(401, 403, 422),
)
async def purge(
    request: Request,
    caller: Annotated[Caller, Depends(require_admin)],
    older_than_days: Annotated[
        int | None, Query(ge=1, le=36500, description="Default: the configured retention")
    ] = None,
) -> dict[str, Any]:
    """Delete decisions older than the retention (or `older_than_days`)."""
    svc = service(request)
    days = older_than_days or svc.settings.retention_days
    if days is None:
        raise Problem(
            422,
            "invalid-request",
            "No retention is configured; give older_than_days.",
            errors=[{"path": "query:older_than_days", "message": "required without a retention"}],
        )
    before = utc_now() - dt.timedelta(days=days)
    deleted = await svc.log.purge(before)
    await svc.log.forget_parties(utc_now() - dt.timedelta(days=svc.settings.rescreen_days))
    return {"deleted": deleted, "before": format_time(before)}


@router.post(
    "/rescreen",
    response_model=RescreenOutcome,
    summary="Re-screen the parties of recent decisions",
    operation_id="rescreen",
    responses=problem_responses(401, 403, 422),
)
async def rescreen_recent(
    request: Request,
    caller: Annotated[Caller, Depends(require_admin)],
    since_days: Annotated[
        int | None,
        Query(ge=1, le=3650, description="Default: CLEARANCE_RESCREEN_DAYS (at most that)"),
    ] = None,
) -> dict[str, Any]:
    """Match the parties of the decisions of the last `since_days` days against the lists
    loaded now, and answer every hit those decisions did not report (a buyer listed since).

    The parties are kept for `CLEARANCE_RESCREEN_DAYS` only, so a longer window finds no more.
    """
    result = await run_rescreen(request, since_days)
    return result.to_dict()


async def run_rescreen(request: Request, since_days: int | None = None) -> RescreenResult:
    """Re-screen with the packs and lists served now; count it in the metrics."""
    svc = service(request)
    return await rescreen_with(svc, since_days)


async def rescreen_with(svc: Any, since_days: int | None = None) -> RescreenResult:
    """Re-screen with ``svc``'s current snapshot (also run after a reload that changed a list)."""
    settings = svc.settings
    days = min(since_days or settings.rescreen_days, settings.rescreen_days)
    with svc.host.lease() as snapshot:
        library = snapshot.library
        result: RescreenResult = await asyncio.wrap_future(
            svc.log.submit(
                lambda store: rescreen.run(
                    store,
                    library.parties,
                    library.rules.values(),
                    days=days,
                    limit=settings.rescreen_max_decisions,
                )
            )
        )
    svc.metrics.record_rescreen(result)
    return result
