"""Hot reload of the rules directory: watch, load to the side, validate, warm, swap or refuse.

A change (seen by watchfiles, or asked for through ``POST /v1/admin/reload``) is loaded and
checked as a whole (:func:`engine.library.load_library`), a new screener is built and its
rulesets compiled for the likely markets on the engine thread, and only then is it swapped in;
requests in flight finish on the packs they started with. A broken change is refused: the
previous packs keep serving, and the failure (every error with its file:line) is logged and
shown by the readiness and status endpoints until a later change loads.

With several workers each one watches the rules directory itself. An admin reload reloads the
worker that answers and writes a trigger file in the shared run directory (``reload/``), which
the other workers watch too.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchfiles import DefaultFilter, awatch

from clearance.api.engine_host import EngineHost, Snapshot
from clearance.api.metrics import Metrics
from clearance.engine.errors import ClearanceError, PackErrors
from clearance.engine.library import load_library

log = logging.getLogger("clearance.api.reload")

TRIGGER_FILE = "reload-request"

RELOADED_SUFFIXES = (".yaml", ".yml", ".json")


class RulesFilter(DefaultFilter):
    """Changes to packs and tables only: not the feeds' temp, .prev and .state files."""

    def __call__(self, change: Any, path: str) -> bool:
        name = Path(path).name
        if name == TRIGGER_FILE:
            return True
        return (
            bool(super().__call__(change, path))
            and not name.startswith(".")
            and name.endswith(RELOADED_SUFFIXES)
        )


@dataclass
class ReloadStatus:
    """What the last reload did; shown by readiness and status."""

    attempts: int = 0
    reloads: int = 0
    failures: int = 0
    last_attempt_at: dt.datetime | None = None
    last_success_at: dt.datetime | None = None
    last_ok: bool = True
    last_reason: str | None = None
    last_errors: list[dict[str, Any]] = field(default_factory=list)
    last_message: str | None = None
    watching: bool = False
    watch_error: str | None = None

    @property
    def current(self) -> bool:
        """True when the packs served are what is on disk (the last change was not refused)."""
        return self.last_ok

    def to_dict(self) -> dict[str, Any]:
        """The status as JSON data."""
        return {
            "current": self.current,
            "last_ok": self.last_ok,
            "watching": self.watching,
            "watch_error": self.watch_error,
            "attempts": self.attempts,
            "reloads": self.reloads,
            "failures": self.failures,
            "last_attempt_at": _iso(self.last_attempt_at),
            "last_success_at": _iso(self.last_success_at),
            "last_reason": self.last_reason,
            "last_message": self.last_message,
            "last_errors": self.last_errors,
        }


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


@dataclass(frozen=True)
class ReloadResult:
    """The outcome of one reload attempt."""

    ok: bool
    snapshot: Snapshot
    message: str
    errors: list[dict[str, Any]]
    seconds: float
    warmed: int = 0


def pack_error_dicts(exc: PackErrors) -> list[dict[str, Any]]:
    """Each pack error as JSON data, with ``location`` as ``file:line``."""
    out = []
    for e in exc.errors:
        item = e.to_dict()
        item["location"] = f"{e.file}:{e.line}" if e.line is not None else e.file
        out.append(item)
    return out


class Reloader:
    """Loads changed packs to the side and swaps them in, or refuses them."""

    def __init__(
        self,
        host: EngineHost,
        rules_dir: Path,
        metrics: Metrics,
        run_dir: Path | None = None,
        debounce_ms: int = 400,
    ) -> None:
        self.host = host
        self.rules_dir = rules_dir
        self.metrics = metrics
        self.trigger_dir = run_dir / "reload" if run_dir is not None else None
        self.debounce_ms = debounce_ms
        self.status = ReloadStatus(last_success_at=host.current.loaded_at)
        self._lock: asyncio.Lock | None = None
        self._lock_loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._trigger: str | None = None
        metrics.rules_loaded.set(host.current.rule_count)
        metrics.packs_current.set(1)

    async def reload(self, reason: str) -> ReloadResult:
        """Load, check, warm and swap in the rules directory; refuse it if anything fails."""
        async with self._loop_lock():
            started = time.perf_counter()
            self.status.attempts += 1
            self.status.last_attempt_at = dt.datetime.now(dt.UTC)
            self.status.last_reason = reason
            try:
                library = await asyncio.to_thread(load_library, self.rules_dir)
            except PackErrors as exc:
                return self._refused(
                    reason,
                    started,
                    f"{len(exc.errors)} error(s) in rule packs",
                    pack_error_dicts(exc),
                )
            except (ClearanceError, OSError) as exc:
                return self._refused(
                    reason, started, str(exc), [{"kind": "load", "message": str(exc)}]
                )
            snapshot = await asyncio.to_thread(self.host.build, library)
            try:
                warmed = await self.host.warm(snapshot)
            except Exception as exc:  # compiling for the engine failed: refuse the change
                self.host.discard(snapshot)
                return self._refused(
                    reason,
                    started,
                    f"rulesets failed to compile: {exc}",
                    [{"kind": "engine", "message": str(exc)}],
                )
            previous = self.host.swap(snapshot)
            seconds = time.perf_counter() - started
            self.status.reloads += 1
            self.status.last_ok = True
            self.status.last_errors = []
            self.status.last_success_at = snapshot.loaded_at
            message = (
                f"loaded {len(library.packs)} pack(s), {snapshot.rule_count} rule(s) "
                f"(generation {snapshot.generation}, fingerprint "
                f"{snapshot.fingerprint[:12]}) in {seconds:.2f}s"
            )
            self.status.last_message = message
            self.metrics.reloads.inc()
            self.metrics.rules_loaded.set(snapshot.rule_count)
            self.metrics.packs_current.set(1)
            changed = "" if previous.fingerprint != snapshot.fingerprint else " (no change)"
            log.info("packs reloaded (%s): %s%s", reason, message, changed)
            return ReloadResult(True, snapshot, message, [], seconds, warmed)

    def _loop_lock(self) -> asyncio.Lock:
        """The reload lock of the running event loop (an app may outlive one loop in tests)."""
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock_loop is not loop:
            self._lock, self._lock_loop = asyncio.Lock(), loop
        return self._lock

    def _refused(
        self, reason: str, started: float, message: str, errors: list[dict[str, Any]]
    ) -> ReloadResult:
        self.status.failures += 1
        self.status.last_ok = False
        self.status.last_errors = errors
        current = self.host.current
        text = (
            f"reload refused ({reason}): {message}; still serving generation "
            f"{current.generation} (fingerprint {current.fingerprint[:12]})"
        )
        self.status.last_message = text
        self.metrics.reload_failures.inc()
        self.metrics.packs_current.set(0)
        log.error("%s", text)
        for e in errors:
            where = e.get("location") or ""
            rule = f" [{e['rule_id']}]" if e.get("rule_id") else ""
            hint = f" (fix: {e['hint']})" if e.get("hint") else ""
            log.error("  %s:%s %s%s", where, rule, e.get("message"), hint)
        return ReloadResult(False, current, text, errors, time.perf_counter() - started)

    def request_others(self) -> None:
        """Touch the trigger file, so the other workers of this server reload too."""
        if self.trigger_dir is None:
            return
        self._trigger = f"{os.getpid()} {uuid.uuid4()}"
        try:
            self.trigger_dir.mkdir(exist_ok=True)
            (self.trigger_dir / TRIGGER_FILE).write_text(self._trigger, encoding="utf-8")
        except OSError as exc:
            log.warning("cannot signal the other workers to reload: %s", exc)

    def _own_trigger(self) -> bool:
        assert self.trigger_dir is not None
        try:
            text = (self.trigger_dir / TRIGGER_FILE).read_text(encoding="utf-8")
        except OSError:
            return False
        return text == self._trigger

    # -- watching -----------------------------------------------------------------------------

    def start(self) -> None:
        """Start watching the rules directory (and the run directory's trigger file)."""
        if self._task is None:
            self._stop = asyncio.Event()
            self._task = asyncio.create_task(self._watch(self._stop), name="clearance-pack-watcher")

    async def stop(self) -> None:
        """Stop watching."""
        if self._stop is not None:
            self._stop.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=5)
            except (TimeoutError, asyncio.CancelledError):
                self._task.cancel()
            self._task = None

    async def _watch(self, stop: asyncio.Event) -> None:
        paths: list[Path] = [self.rules_dir]
        if self.trigger_dir is not None:  # not the whole run directory: metrics live there
            self.trigger_dir.mkdir(parents=True, exist_ok=True)
            paths.append(self.trigger_dir)
        self.status.watching = True
        try:
            async for changes in awatch(
                *paths,
                watch_filter=RulesFilter(),
                stop_event=stop,
                debounce=self.debounce_ms,
                step=50,
                recursive=True,
            ):
                files = sorted({Path(p).name for _, p in changes})
                if files == [TRIGGER_FILE] and self._own_trigger():
                    continue  # this worker asked the others; it has reloaded already
                await self.reload(
                    "files changed: " + ", ".join(files[:5]) + (" ..." if len(files) > 5 else "")
                )
        except Exception as exc:  # the service keeps serving; an admin reload still works
            self.status.watch_error = str(exc)
            log.exception("watching %s stopped", self.rules_dir)
        finally:
            self.status.watching = False
