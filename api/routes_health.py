"""Health and metrics routes: liveness, readiness (packs loaded and current), Prometheus."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from clearance.api.metrics import CONTENT_TYPE
from clearance.api.models import Liveness, Readiness
from clearance.api.routes_screen import json_response
from clearance.api.state import service

router = APIRouter(tags=["operations"])


@router.get("/v1/health/live", response_model=Liveness, summary="Liveness", operation_id="live")
async def live() -> dict[str, str]:
    """The process is up and its event loop answers."""
    return {"status": "ok"}


def readiness(request: Request) -> dict[str, Any]:
    """Readiness data of this process."""
    svc = service(request)
    snap = svc.host.current
    status = svc.reloader.status
    return {
        "ready": True,
        "current": status.current,
        "generation": snap.generation,
        "fingerprint": snap.fingerprint,
        "packs": snap.packs,
        "loaded_at": snap.loaded_at.isoformat().replace("+00:00", "Z"),
        "reload": status.to_dict(),
    }


@router.get(
    "/v1/health/ready",
    response_model=Readiness,
    summary="Readiness",
    operation_id="ready",
    responses={
        503: {
            "description": "Not ready (with strict=true: packs not current)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Readiness"}}},
        }
    },
)
async def ready(
    request: Request,
    strict: Annotated[
        bool, Query(description="Answer 503 unless the packs served are the packs on disk")
    ] = False,
) -> Response:
    """Packs are loaded and serving (200); `current` says whether they are the packs on disk.

    A refused (broken) change keeps the previous packs serving: this still answers 200, with
    `current: false` and the refused change's errors (file:line) under `reload.last_errors`,
    because failing readiness on every replica at once would stop all screening. With
    `strict=true` it answers 503 in that case (for alerting).
    """
    body = readiness(request)
    return json_response(body, status=503 if strict and not body["current"] else 200)


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    operation_id="metrics",
    response_class=Response,
    responses={
        200: {
            "description": "Prometheus text exposition format",
            "content": {CONTENT_TYPE: {"schema": {"type": "string"}}},
        }
    },
)
async def metrics(request: Request) -> Response:
    """Requests and latency by route, decisions by outcome, findings by rule, pack reloads and
    reload failures (all worker processes together when several run)."""
    return Response(service(request).metrics.render(), media_type=CONTENT_TYPE)
