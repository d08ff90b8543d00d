"""Decision routes: fetch a past decision by its id."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from clearance.api.auth import Caller, require_screen
from clearance.api.models import DecisionEntry
from clearance.api.problems import Problem, problem_responses
from clearance.api.state import service

router = APIRouter(prefix="/v1/decisions", tags=["decisions"])
_ID = re.compile(r"^[0-9a-f-]{36}$")


@router.get(
    "/{decision_id}",
    response_model=DecisionEntry,
    summary="Fetch a past decision",
    operation_id="getDecision",
    responses=problem_responses(401, 403, 404),
)
async def get_decision(
    request: Request, decision_id: str, caller: Annotated[Caller, Depends(require_screen)]
) -> dict[str, Any]:
    """The logged decision: when, who asked, the input's hash, the packs used and the report.

    A key with role `screen` sees the decisions made with that key; `admin` sees all.
    """
    record = await service(request).log.get(decision_id) if _ID.match(decision_id) else None
    if record is None or (caller.role != "admin" and record.caller != caller.name):
        raise Problem(404, "not-found", f"No decision {decision_id!r} (for this key).")
    return record.to_dict()
