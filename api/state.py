"""What every route needs, kept on ``app.state.service``."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request

from clearance.api.auth import KeyRing
from clearance.api.decision_log import DecisionLog, DecisionLogError, DecisionRecord, LogLimitError
from clearance.api.engine_host import EngineHost
from clearance.api.metrics import Metrics
from clearance.api.problems import problem_for
from clearance.api.reloader import Reloader
from clearance.api.settings import Settings
from clearance.engine.overrides import RuleConfig
from clearance.engine.report import Report
from clearance.engine.waivers import WaiverSet

log = logging.getLogger("clearance.api")


@dataclass
class ServiceState:
    """The engine host, decision log, reloader, metrics, keys and settings of one process."""

    settings: Settings
    host: EngineHost
    log: DecisionLog
    reloader: Reloader
    metrics: Metrics
    keyring: KeyRing
    started_at: dt.datetime
    examples: dict[str, Any] = field(default_factory=dict)
    waivers: WaiverSet | None = None
    """The service's waiver file (CLEARANCE_WAIVERS), applied per caller to every report."""
    rule_config: RuleConfig | None = None
    """The service's per-rule configuration (CLEARANCE_RULE_CONFIG)."""

    def apply_policies(self, reports: Sequence[Report], caller: str) -> None:
        """Apply the rule configuration, then the waivers that ``caller`` may use."""
        today = dt.date.today()
        for report in reports:
            if self.rule_config is not None:
                self.rule_config.apply(report)
            if self.waivers is not None:
                self.waivers.apply(report, today, caller)

    def ensure_open(self) -> None:
        """Reopen the engine and the decision log if a previous lifespan closed them."""
        if self.host.closed:
            self.host = EngineHost(self.host.current.library, self.settings.warm_markets)
            self.reloader.host = self.host
        if self.log.closed:
            self.log = DecisionLog(self.log.factory, self.log.max_per_minute)

    def close(self) -> None:
        """Close the decision log and stop the engine thread."""
        self.log.close()
        self.host.close()

    async def record(self, records: Sequence[DecisionRecord]) -> None:
        """Log decisions durably before answering; a failure is a 503 (nothing is answered)."""
        try:
            await self.log.append(records)
        except LogLimitError as exc:
            log.warning("decision log limit: %s", exc)
            raise problem_for(exc) from None
        except DecisionLogError as exc:
            log.error("decision log write failed: %s", exc)
            raise problem_for(exc) from None


def service(request: Request) -> ServiceState:
    """The service state of the app answering ``request``."""
    state: ServiceState = request.app.state.service
    return state
