"""Admin routes (role admin): reload the packs, see this worker's status, apply retention."""

from __future__ import annotations

import datetime as dt
import os
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from clearance.api.auth import Caller, require_admin
from clearance.api.decision_log import format_time, utc_now
from clearance.api.models import PurgeOutcome, ReloadOutcome, Status
from clearance.api.problems import Problem, problem_responses
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
    return {"deleted": await svc.log.purge(before), "before": format_time(before)}
