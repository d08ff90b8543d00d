"""Scenario tags name rules (``@EU.GPSR.19A.MANUFACTURER``): register each bundled rule id as a
pytest marker, so that ``pytest features -m EU.GPSR.19A.MANUFACTURER`` selects a rule's
scenarios and an unknown tag stays an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.engine.library import load_library

RULES = Path(__file__).resolve().parents[1] / "rules"


def pytest_configure(config: pytest.Config) -> None:
    for rule_id in sorted(load_library(RULES).rules):
        config.addinivalue_line("markers", f"{rule_id}: a scenario of rule {rule_id}")
