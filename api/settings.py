"""Service settings: read once from the environment (``clearance serve`` sets it for its workers).

Every setting has an environment variable so that each uvicorn worker process, which builds its
own app through :func:`api.app.create_app_from_env`, sees the same configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from clearance.engine.errors import ConfigError
from clearance.engine.paths import default_rules_dir

DEFAULT_DB = "clearance-decisions.db"
MIB = 1024 * 1024


class SettingsError(ConfigError):
    """A setting that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Everything the service can be configured with."""

    rules_dir: Path = field(default_factory=default_rules_dir)
    db: str = DEFAULT_DB
    """SQLite file path (or ``sqlite:///path``), or a ``postgresql://`` URL."""
    db_synchronous: str = "FULL"
    """SQLite ``synchronous`` pragma: FULL (default) or NORMAL."""
    api_keys: str | None = None
    """Inline key config: ``name:role:sha256hex`` entries separated by commas."""
    api_keys_file: Path | None = None
    """A YAML or JSON file with ``keys: [{name, role, sha256}]``."""
    max_body_bytes: int = 1 * MIB
    """Largest request body of a single-document request, and of one NDJSON line."""
    max_batch_bytes: int = 16 * MIB
    """Largest body of a JSON batch request."""
    max_stream_bytes: int = 1024 * MIB
    """Largest body of an NDJSON stream request."""
    batch_limit: int = 1000
    """Most documents in one JSON batch."""
    stream_limit: int = 100_000
    """Most documents in one NDJSON stream; the stream ends with an error line past it."""
    max_header_bytes: int = 32 * 1024
    """Largest request line and headers of a request (431 past it, before authentication)."""
    budget_chars: int = 10_000_000
    """Text characters (as sent or normalised, see engine.documents) one batch may have screened."""
    budget_seconds: int = 30
    """Seconds of engine CPU time one batch may use."""
    stream_budget_chars: int = 1_000_000_000
    """Text characters one NDJSON stream may have screened."""
    stream_budget_seconds: int = 900
    """Seconds of engine CPU time one NDJSON stream may use."""
    max_in_flight: int = 256
    """Most requests one worker answers at once (health and metrics apart); 503 past it."""
    max_decisions_per_minute: int = 120_000
    """Most decisions one worker process logs in any 60 seconds (429 past it)."""
    retention_days: int | None = None
    """Delete logged decisions older than this many days; None keeps them forever."""
    rescreen_days: int = 30
    waivers_file: Path | None = None
    """A waiver file (CLEARANCE_WAIVERS) applied to every report, per caller."""
    waiver_max_days: int = 90
    """How far ahead a waiver may expire (CLEARANCE_WAIVER_MAX_DAYS)."""
    rule_config_file: Path | None = None
    """A per-rule configuration (CLEARANCE_RULE_CONFIG): severities changed, rules off."""
    """Re-screen the parties of decisions this many days old or newer when a list changes; their
    names are erased from the decision log after that (see api.rescreen)."""
    rescreen_max_decisions: int = 100_000
    """Most decisions re-screened in one run (the newest)."""
    watch: bool = True
    """Watch the rules directory and reload on change."""
    reload_debounce_ms: int = 400
    cors_origins: tuple[str, ...] = ()
    run_dir: Path | None = None
    """A directory shared by the workers of one ``clearance serve`` (reload trigger file)."""
    warm_markets: tuple[str, ...] = ()
    """Extra markets whose rulesets are compiled before a reload is swapped in."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the ``CLEARANCE_*`` variables (see docs/api.md); raise SettingsError if invalid."""
        env = os.environ if env is None else env
        kwargs: dict[str, object] = {}
        if env.get("CLEARANCE_RULES"):
            kwargs["rules_dir"] = Path(env["CLEARANCE_RULES"])
        if env.get("CLEARANCE_DB"):
            kwargs["db"] = env["CLEARANCE_DB"]
        sync = env.get("CLEARANCE_DB_SYNCHRONOUS", "FULL").upper()
        if sync not in ("FULL", "NORMAL", "EXTRA"):
            raise SettingsError("CLEARANCE_DB_SYNCHRONOUS must be FULL, NORMAL or EXTRA")
        kwargs["db_synchronous"] = sync
        if env.get("CLEARANCE_API_KEYS"):
            kwargs["api_keys"] = env["CLEARANCE_API_KEYS"]
        if env.get("CLEARANCE_API_KEYS_FILE"):
            kwargs["api_keys_file"] = Path(env["CLEARANCE_API_KEYS_FILE"])
        for name, attr in (
            ("CLEARANCE_MAX_BODY_BYTES", "max_body_bytes"),
            ("CLEARANCE_MAX_BATCH_BYTES", "max_batch_bytes"),
            ("CLEARANCE_MAX_STREAM_BYTES", "max_stream_bytes"),
            ("CLEARANCE_BATCH_LIMIT", "batch_limit"),
            ("CLEARANCE_STREAM_LIMIT", "stream_limit"),
            ("CLEARANCE_MAX_HEADER_BYTES", "max_header_bytes"),
            ("CLEARANCE_BUDGET_CHARS", "budget_chars"),
            ("CLEARANCE_BUDGET_SECONDS", "budget_seconds"),
            ("CLEARANCE_STREAM_BUDGET_CHARS", "stream_budget_chars"),
            ("CLEARANCE_STREAM_BUDGET_SECONDS", "stream_budget_seconds"),
            ("CLEARANCE_MAX_DECISIONS_PER_MINUTE", "max_decisions_per_minute"),
            ("CLEARANCE_MAX_IN_FLIGHT", "max_in_flight"),
            ("CLEARANCE_RELOAD_DEBOUNCE_MS", "reload_debounce_ms"),
            ("CLEARANCE_RESCREEN_DAYS", "rescreen_days"),
            ("CLEARANCE_RESCREEN_MAX_DECISIONS", "rescreen_max_decisions"),
            ("CLEARANCE_WAIVER_MAX_DAYS", "waiver_max_days"),
        ):
            if env.get(name):
                kwargs[attr] = _positive_int(name, env[name])
        if env.get("CLEARANCE_RETENTION_DAYS"):
            days = _positive_int("CLEARANCE_RETENTION_DAYS", env["CLEARANCE_RETENTION_DAYS"])
            kwargs["retention_days"] = days
        if env.get("CLEARANCE_WATCH"):
            kwargs["watch"] = env["CLEARANCE_WATCH"].lower() not in ("0", "false", "no", "off")
        if env.get("CLEARANCE_CORS_ORIGINS"):
            kwargs["cors_origins"] = tuple(
                o.strip() for o in env["CLEARANCE_CORS_ORIGINS"].split(",") if o.strip()
            )
        if env.get("CLEARANCE_RULE_CONFIG"):
            kwargs["rule_config_file"] = Path(env["CLEARANCE_RULE_CONFIG"])
        if env.get("CLEARANCE_WAIVERS"):
            kwargs["waivers_file"] = Path(env["CLEARANCE_WAIVERS"])
        if env.get("CLEARANCE_RUN_DIR"):
            kwargs["run_dir"] = Path(env["CLEARANCE_RUN_DIR"])
        if env.get("CLEARANCE_WARM_MARKETS"):
            kwargs["warm_markets"] = tuple(
                m.strip() for m in env["CLEARANCE_WARM_MARKETS"].split(",") if m.strip()
            )
        return cls(**kwargs)  # type: ignore[arg-type]


def _positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be greater than 0, got {value}")
    return value
