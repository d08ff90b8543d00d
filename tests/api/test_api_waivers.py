"""The service applies its waiver file (CLEARANCE_WAIVERS) per caller, as the CLI does, and a
broken waiver file stops it from starting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from api_support import OTHER_SCREEN_KEY, SCREEN, TestClient, make_settings

from clearance.api import examples
from clearance.api.app import create_app
from clearance.api.settings import Settings
from clearance.engine.errors import PackErrors


def _waivers(tmp_path: Path, expires: dt.date, callers: str = "[shop]") -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(
        "waivers:\n"
        "  - id: testsieger-shop\n"
        "    rule: DE.UWG.TESTSIEGER\n"
        f"    callers: {callers}\n"
        "    owner: Jane Officer\n"
        "    reason: The test is cited on the product image.\n"
        f"    expires: {expires.isoformat()}\n",
        encoding="utf-8",
    )
    return path


def test_waivers_apply_to_the_callers_they_name(tmp_path: Path) -> None:
    path = _waivers(tmp_path, dt.date.today() + dt.timedelta(days=10))
    settings = make_settings(tmp_path, waivers_file=path)
    doc = examples.document("listing")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        mine = client.post("/v1/screen/listing", json={"document": doc}, headers=SCREEN).json()
        other = client.post(
            "/v1/screen/listing", json={"document": doc}, headers={"X-API-Key": OTHER_SCREEN_KEY}
        ).json()
        logged = client.get(f"/v1/decisions/{mine['decision_id']}", headers=SCREEN).json()
    assert "DE.UWG.TESTSIEGER" not in {f["rule_id"] for f in mine["findings"]}
    assert [(w["rule_id"], w["waiver"]["id"]) for w in mine["waived"]] == [
        ("DE.UWG.TESTSIEGER", "testsieger-shop")
    ]
    assert "DE.UWG.TESTSIEGER" in {f["rule_id"] for f in other["findings"]}
    assert "waived" not in other
    assert logged["report"]["waived"] == mine["waived"]


def test_a_broken_waiver_file_stops_the_service(tmp_path: Path) -> None:
    path = _waivers(tmp_path, dt.date.today() + dt.timedelta(days=400))
    with pytest.raises(PackErrors, match="more than 90 days ahead"):
        create_app(make_settings(tmp_path, waivers_file=path))


def test_waiver_settings_from_the_environment(tmp_path: Path) -> None:
    env = {"CLEARANCE_WAIVERS": str(tmp_path / "w.yaml"), "CLEARANCE_WAIVER_MAX_DAYS": "30"}
    settings = Settings.from_env(env)
    assert settings.waivers_file == tmp_path / "w.yaml" and settings.waiver_max_days == 30
