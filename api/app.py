"""The FastAPI app factory.

``create_app(settings)`` builds one app: it loads and checks the rule packs (a broken rules
directory fails here, with every error), opens the decision log, starts the engine thread and
wires the routes. ``create_app_from_env`` is the factory uvicorn calls in every worker process
(``uvicorn --factory api.app:create_app_from_env``), so that each worker has its own engine.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from clearance.api import examples, openapi, problems
from clearance.api.auth import KeyConfigError, KeyRing
from clearance.api.decision_log import DecisionLog, store_factory, utc_now
from clearance.api.engine_host import EngineHost, ScreenJob, favour_event_loop
from clearance.api.load_shed import LoadShedMiddleware
from clearance.api.metrics import Metrics, MetricsMiddleware, mark_process_dead
from clearance.api.middleware import GuardMiddleware
from clearance.api.reloader import Reloader
from clearance.api.routes_admin import router as admin_router
from clearance.api.routes_catalogue import router as catalogue_router
from clearance.api.routes_decisions import router as decisions_router
from clearance.api.routes_health import router as health_router
from clearance.api.routes_screen import router as screen_router
from clearance.api.settings import Settings
from clearance.api.state import ServiceState
from clearance.engine.library import load_library
from clearance.engine.overrides import load_rule_config
from clearance.engine.waivers import load_waivers

log = logging.getLogger("clearance.api")
API_VERSION = "1.0.0"
RETENTION_EVERY_S = 3600.0


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the service for ``settings`` (default: from the environment).

    Raises PackErrors when the rules directory is broken, KeyConfigError when no usable key is
    configured and DecisionLogError when the decision log cannot be opened.
    """
    settings = settings or Settings.from_env()
    keyring = KeyRing.from_config(settings.api_keys, settings.api_keys_file)
    if len(keyring) == 0:
        raise KeyConfigError(
            "no API keys configured: set CLEARANCE_API_KEYS or "
            "CLEARANCE_API_KEYS_FILE (`clearance serve` makes a development "
            "key when none is configured)"
        )
    library = load_library(settings.rules_dir)
    waivers = None
    if settings.waivers_file is not None:  # a broken waiver file stops the start (PackErrors)
        waivers = load_waivers(
            settings.waivers_file, dt.date.today(), settings.waiver_max_days, library.rules
        )
    rule_config = None
    if settings.rule_config_file is not None:
        rule_config = load_rule_config(settings.rule_config_file, library.rules)
    metrics = Metrics()
    host = EngineHost(library, settings.warm_markets)
    decision_log = DecisionLog(
        store_factory(settings.db, settings.db_synchronous), settings.max_decisions_per_minute
    )
    reloader = Reloader(
        host, settings.rules_dir, metrics, settings.run_dir, settings.reload_debounce_ms
    )
    state = ServiceState(
        settings=settings,
        host=host,
        log=decision_log,
        reloader=reloader,
        metrics=metrics,
        keyring=keyring,
        started_at=utc_now(),
        waivers=waivers,
        rule_config=rule_config,
    )
    report_example = _example_report(host)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.ensure_open()
        favour_event_loop()
        await state.host.warm(state.host.current)
        if settings.watch:
            reloader.start()
        retention = (
            asyncio.create_task(_retention(state), name="clearance-retention")
            if settings.retention_days
            else None
        )
        log.info(
            "serving %d pack(s), %d rule(s) from %s; decision log: %s",
            len(state.host.current.library.packs),
            state.host.current.rule_count,
            settings.rules_dir,
            state.log.backend,
        )
        try:
            yield
        finally:
            if retention is not None:
                retention.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await retention
            await reloader.stop()
            state.close()
            mark_process_dead()

    # The interactive docs (Swagger UI at /docs, ReDoc at /redoc) load their scripts and styles
    # from the fastapi-offline package, served under /static-offline-docs: no CDN, so they
    # work offline. Swagger UI's online validator badge is off for the same reason.
    app: FastAPI = FastAPIOffline(
        title="Clearance API",
        version=API_VERSION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url="/redoc",
        openapi_url="/openapi.json",
        swagger_ui_parameters={"validatorUrl": None},
    )
    app.state.service = state
    app.state.keyring = keyring
    problems.install(app)
    for router in (screen_router, catalogue_router, decisions_router, health_router, admin_router):
        app.include_router(router)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Location"],
        )
    app.add_middleware(LoadShedMiddleware, max_in_flight=settings.max_in_flight)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_middleware(GuardMiddleware, max_header_bytes=settings.max_header_bytes)
    openapi.install(app, settings.batch_limit, report_example)
    return app


def create_app_from_env() -> FastAPI:
    """The uvicorn factory: settings from the ``CLEARANCE_*`` environment."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    return create_app(Settings.from_env())


def _example_report(host: EngineHost) -> dict[str, Any] | None:
    """A real report for the example listing (shown in the OpenAPI schema)."""
    report = host.screen_now([ScreenJob(examples.document("listing"))])[0]
    body = report.to_dict()
    body["decision_id"] = "5b0c3f0e-8d54-4c3a-9a52-2f6f1f0a9c11"
    return body


async def _retention(state: ServiceState) -> None:
    """Delete decisions older than the retention, now and every hour."""
    days = state.settings.retention_days
    assert days is not None
    while True:
        try:
            deleted = await state.log.purge(utc_now() - dt.timedelta(days=days))
            if deleted:
                log.info("retention: deleted %d decision(s) older than %d days", deleted, days)
        except Exception:
            log.exception("retention run failed")
        await asyncio.sleep(RETENTION_EVERY_S)
