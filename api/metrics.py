"""Prometheus metrics: requests and latency by route, decisions, findings, pack reloads.

With several worker processes (``clearance serve --workers N``), ``serve`` sets
``PROMETHEUS_MULTIPROC_DIR`` to a fresh temporary directory before the workers start; every
worker then writes its samples there and ``/metrics`` aggregates all workers' files
(prometheus_client's multiprocess mode), whichever worker answers the scrape.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess as prom_multiprocess
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearance.api.rescreen import RescreenResult
from clearance.engine.report import Report

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.0075,
    0.01,
    0.015,
    0.02,
    0.03,
    0.05,
    0.075,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
)


def multiprocess_dir() -> str | None:
    """The multiprocess directory when prometheus_client runs in multiprocess mode."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class Metrics:
    """The service's metrics, registered in a registry of their own (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter(
            "clearance_http_requests",
            "HTTP requests answered.",
            ["method", "route", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "clearance_http_request_duration_seconds",
            "Time to answer an HTTP request (whole body for streams).",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.decisions = Counter(
            "clearance_decisions", "Decisions made, by outcome.", ["kind", "decision"], registry=r
        )
        self.findings = Counter(
            "clearance_findings", "Findings reported, by rule.", ["rule_id", "severity"], registry=r
        )
        self.reloads = Counter("clearance_pack_reloads", "Pack reloads swapped in.", registry=r)
        self.reload_failures = Counter(
            "clearance_pack_reload_failures",
            "Pack reloads refused (broken packs or engine errors).",
            registry=r,
        )
        self.rules_loaded = Gauge(
            "clearance_rules_loaded",
            "Rules loaded and serving.",
            registry=r,
            multiprocess_mode="livemax",
        )
        self.rescreens = Counter(
            "clearance_rescreens",
            "Re-screenings of recent decisions' parties against the current lists.",
            registry=r,
        )
        self.rescreen_hits = Counter(
            "clearance_rescreen_new_hits",
            "List entries that parties of recent decisions match on re-screening and that the "
            "decision did not report, by list and level (block or review).",
            ["list", "level"],
            registry=r,
        )
        self.rescreen_last_hits = Gauge(
            "clearance_rescreen_last_new_hits",
            "New hits found by the last re-screening.",
            registry=r,
            multiprocess_mode="mostrecent",
        )
        self.packs_current = Gauge(
            "clearance_packs_current",
            "1 when the packs served are the packs on disk, else 0.",
            registry=r,
            multiprocess_mode="livemin",
        )

    def record_reports(self, reports: Iterable[Report]) -> None:
        """Count decisions by outcome and findings by rule."""
        for report in reports:
            self.decisions.labels(
                report.kind if report.kind in ("listing", "order", "shipment") else "unknown",
                report.decision,
            ).inc()
            for finding in report.findings:
                self.findings.labels(finding.rule_id, finding.severity).inc()

    def record_rescreen(self, result: RescreenResult) -> None:
        """Count a re-screening run and its new hits."""
        self.rescreens.inc()
        for hit in result.hits:
            self.rescreen_hits.labels(str(hit.match.get("list") or "?"), hit.level).inc()
        self.rescreen_last_hits.set(len(result.hits))

    def render(self) -> bytes:
        """The exposition text: every worker's samples in multiprocess mode, else this one's."""
        if multiprocess_dir():
            registry = CollectorRegistry()
            prom_multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            return generate_latest(registry)
        return generate_latest(self.registry)


def mark_process_dead() -> None:
    """Tell multiprocess mode this worker has stopped (its live gauges are dropped)."""
    if multiprocess_dir():
        prom_multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


class MetricsMiddleware:
    """Counts every request and times it, labelled by the route template (not the raw path)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            method = scope.get("method", "GET")
            self.metrics.requests.labels(method, path, str(status)).inc()
            self.metrics.latency.labels(method, path).observe(time.perf_counter() - start)
