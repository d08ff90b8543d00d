"""Helpers of the HTTP service tests: keys, settings, a real server on loopback.

Imported by plain name (``from api_support import ...``): this directory has no __init__.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from starlette.exceptions import StarletteDeprecationWarning

from clearance.api.auth import hash_key
from clearance.api.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]

with warnings.catch_warnings():  # starlette prefers httpx2, which is not a dependency here
    warnings.filterwarnings(
        "ignore",
        "Using `httpx` with `starlette.testclient` is deprecated",
        StarletteDeprecationWarning,
    )
    from fastapi.testclient import TestClient

__all__ = [
    "ADMIN",
    "KEYS",
    "OTHER_SCREEN_KEY",
    "RULES",
    "SCREEN",
    "Server",
    "TestClient",
    "free_port",
    "make_settings",
    "start_server",
]

ADMIN_KEY = "test-admin-key-0123456789"
SCREEN_KEY = "test-screen-key-0123456789"
OTHER_SCREEN_KEY = "test-other-screen-key-0123"
KEYS = (
    f"ops:admin:{hash_key(ADMIN_KEY)},shop:screen:{hash_key(SCREEN_KEY)},"
    f"other:screen:{hash_key(OTHER_SCREEN_KEY)}"
)
ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}
SCREEN = {"X-API-Key": SCREEN_KEY}
RULES = REPO_ROOT / "rules"


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a test app: bundled rules, a private decision log, no watching."""
    values: dict[str, Any] = {
        "rules_dir": RULES,
        "db": str(tmp_path / "decisions.db"),
        "api_keys": KEYS,
        "watch": False,
    }
    values.update(overrides)
    return Settings(**values)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A real `clearance serve` process on loopback."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path
    db: Path

    def output(self) -> str:
        """What the server has printed so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_server(
    tmp_path: Path,
    rules: Path = RULES,
    workers: int = 1,
    extra_env: dict[str, str] | None = None,
    db_url: str | None = None,
) -> Server:
    """Start `python -m clearance.cli.serve_cli serve` on a random loopback port and wait for it.

    The decision log is a SQLite file in ``tmp_path`` unless ``db_url`` names another store.
    """
    port = free_port()
    db = tmp_path / "server-decisions.db"
    log = tmp_path / f"server-{port}.log"
    env = dict(
        os.environ,
        CLEARANCE_API_KEYS=KEYS,
        CLEARANCE_RELOAD_DEBOUNCE_MS="150",
        PYTHONUNBUFFERED="1",
    )
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.update(extra_env or {})
    cmd = [
        sys.executable,
        "-m",
        "clearance.cli.serve_cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--rules",
        str(rules),
        "--db",
        db_url or str(db),
        "--no-access-log",
        "--log-level",
        "info",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path, env=env)
    server = Server(process, f"http://127.0.0.1:{port}", log, db)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{server.output()}")
        try:
            if httpx.get(server.url + "/v1/health/ready", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"server did not become ready:\n{server.output()}")
