"""`clearance serve`: run the HTTP service (uvicorn, one engine per worker process).

Wired into the main command line with ``register(app)``; also runnable on its own as
``python -m clearance.serve_cli serve ...``. Heavy imports (uvicorn, the API) happen only when
the command runs, so the rest of the command line stays fast.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

DEV_KEY_NAME = "development"


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(2)


def serve(
    host: Annotated[
        str, typer.Option(help="Interface to bind (0.0.0.0 for every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes, each with its own engine.")
    ] = 1,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", help="Rules directory (default: $CLEARANCE_RULES or ./rules)."),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            help="Decision log: a SQLite file or a postgresql:// URL "
            "(default: $CLEARANCE_DB or ./clearance-decisions.db)."
        ),
    ] = None,
    keys_file: Annotated[
        Path | None,
        typer.Option("--keys-file", help="API keys file (default: $CLEARANCE_API_KEYS_FILE)."),
    ] = None,
    retention_days: Annotated[
        int | None,
        typer.Option(min=1, help="Delete logged decisions older than this (default: keep)."),
    ] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="Allow browser calls from this origin (repeatable; default: CORS off)."),
    ] = None,
    watch: Annotated[
        bool, typer.Option(help="Reload packs when the rules directory changes.")
    ] = True,
    log_level: Annotated[
        str, typer.Option(help="critical, error, warning, info or debug.")
    ] = "info",
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = True,
    refresh_feeds: Annotated[
        int | None,
        typer.Option(
            "--refresh-feeds",
            metavar="MINUTES",
            min=1,
            help="Every MINUTES, refresh the feed tables that are due (exchange rates, VAT, "
            "sanctions, recalls); the watcher hot-reloads them. Default: off.",
        ),
    ] = None,
    stream_limit: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="DOCUMENTS",
            help="Most documents in one NDJSON stream (default: $CLEARANCE_STREAM_LIMIT "
            "or 100000).",
        ),
    ] = None,
    max_decisions_per_minute: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="N",
            help="Most decisions a worker logs in any 60 s; past it requests get 429 "
            "(default: $CLEARANCE_MAX_DECISIONS_PER_MINUTE or 120000).",
        ),
    ] = None,
    max_header_bytes: Annotated[
        int | None,
        typer.Option(
            min=1024,
            metavar="BYTES",
            help="Largest request line and headers; past it a request gets 431 "
            "(default: $CLEARANCE_MAX_HEADER_BYTES or 32768).",
        ),
    ] = None,
    new_key: Annotated[
        str | None,
        typer.Option(
            "--new-key",
            metavar="ROLE",
            help="Print a new random API key of ROLE (screen or admin) and its config, then exit.",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API: screening, packs and rules, decision log, health and metrics."""
    from clearance.api.auth import KeyConfigError, KeyRing, hash_key
    from clearance.api.auth import new_key as make_key
    from clearance.api.settings import DEFAULT_DB, Settings, SettingsError

    if new_key is not None:
        if new_key not in ("screen", "admin"):
            raise typer.BadParameter("use screen or admin", param_hint="--new-key")
        key = make_key()
        typer.echo(
            f"key:    {key}\nsha256: {hash_key(key)}\n\nconfigure it with\n"
            f"  CLEARANCE_API_KEYS=NAME:{new_key}:{hash_key(key)}\nor in a keys file:\n"
            f"  keys:\n    - {{name: NAME, role: {new_key}, sha256: {hash_key(key)}}}\n"
            "Keep the key itself secret; the service only stores its hash."
        )
        return
    env = dict(os.environ)  # applied to os.environ just before serving (workers inherit it)
    if rules is not None:
        env["CLEARANCE_RULES"] = str(rules.resolve())
    if db is not None:
        env["CLEARANCE_DB"] = db
    env.setdefault("CLEARANCE_DB", str(Path(DEFAULT_DB).resolve()))
    if keys_file is not None:
        env["CLEARANCE_API_KEYS_FILE"] = str(keys_file.resolve())
    if retention_days is not None:
        env["CLEARANCE_RETENTION_DAYS"] = str(retention_days)
    if cors_origin:
        env["CLEARANCE_CORS_ORIGINS"] = ",".join(cors_origin)
    if not watch:
        env["CLEARANCE_WATCH"] = "0"
    for name, value in (
        ("CLEARANCE_STREAM_LIMIT", stream_limit),
        ("CLEARANCE_MAX_DECISIONS_PER_MINUTE", max_decisions_per_minute),
        ("CLEARANCE_MAX_HEADER_BYTES", max_header_bytes),
    ):
        if value is not None:
            env[name] = str(value)
    try:
        settings = Settings.from_env(env)
        keyring = KeyRing.from_config(settings.api_keys, settings.api_keys_file)
    except (SettingsError, KeyConfigError) as exc:
        raise _fail(f"error: {exc}") from None
    env["CLEARANCE_RULES"] = str(settings.rules_dir.resolve())
    _check_rules(settings.rules_dir)
    if len(keyring) == 0:  # only when no key configuration is given at all (see KeyRing)
        key = make_key()
        env["CLEARANCE_API_KEYS"] = f"{DEV_KEY_NAME}:admin:{hash_key(key)}"
        typer.echo(
            "\n  No key configuration is given (no --keys-file, CLEARANCE_API_KEYS_FILE or\n"
            "  CLEARANCE_API_KEYS), so this is a DEVELOPMENT key (role admin), valid until\n"
            "  the server stops; it is shown only once. Do not use it in production:\n"
            "  configure keys (docs/api.md; `clearance serve --new-key screen`).\n\n"
            f"      {key}\n",
            err=True,
        )
    run_dir = Path(tempfile.mkdtemp(prefix="clearance-run-"))
    env["CLEARANCE_RUN_DIR"] = str(run_dir)
    if workers > 1 and not env.get("PROMETHEUS_MULTIPROC_DIR"):
        metrics_dir = run_dir / "metrics"
        metrics_dir.mkdir()
        env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(
        f"Clearance API on http://{shown}:{port} with {workers} worker(s)\n"
        f"  interactive docs  http://{shown}:{port}/docs\n"
        f"  health            http://{shown}:{port}/v1/health/ready\n"
        f"  metrics           http://{shown}:{port}/metrics\n"
        f"  rules             {settings.rules_dir}"
        f"{' (watched)' if settings.watch else ''}\n"
        f"  decision log      {settings.db}",
        err=True,
    )
    import uvicorn

    from clearance.api.header_limit import uvicorn_options
    from clearance.api.workers import APP, reuse_port_supported, run_workers

    os.environ.update(env)
    stop_feeds = None
    if refresh_feeds is not None:
        from clearance.feeds.scheduler import start_background

        stop_feeds = start_background(settings.rules_dir, dt.timedelta(minutes=refresh_feeds))
        typer.echo(f"  feeds             refreshed every {refresh_feeds} min when due", err=True)
    options: dict[str, Any] = {
        "log_level": log_level,
        "access_log": access_log,
        "server_header": False,
        "timeout_graceful_shutdown": 10,
        **uvicorn_options(settings.max_header_bytes),
    }
    status = 0
    try:
        if workers > 1 and reuse_port_supported():
            logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
            status = run_workers(workers, host, port, options)
        else:
            uvicorn.run(APP, factory=True, host=host, port=port, workers=workers, **options)
    except OSError as exc:
        raise _fail(f"error: cannot serve on {host}:{port}: {exc}") from None
    finally:
        if stop_feeds is not None:
            stop_feeds.set()
        shutil.rmtree(run_dir, ignore_errors=True)
    if status:
        raise typer.Exit(status)


def _check_rules(rules_dir: Path) -> None:
    """Refuse to start on broken packs, printing every error with file:line."""
    from clearance.engine.errors import PackErrors
    from clearance.engine.library import load_library

    try:
        load_library(rules_dir)
    except PackErrors as exc:
        for e in exc.errors:
            typer.echo(str(e), err=True)
        raise _fail(f"{len(exc.errors)} error(s) in rule packs; not serving.") from None


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the ``clearance`` command line."""
    app.command("serve")(serve)


def main() -> None:
    """Run ``serve`` on its own: ``python -m clearance.serve_cli serve ...``."""
    standalone = typer.Typer(add_completion=False, no_args_is_help=True)

    @standalone.callback()
    def _root() -> None:
        """Clearance HTTP service."""

    register(standalone)
    standalone(prog_name="clearance")


if __name__ == "__main__":
    main()
