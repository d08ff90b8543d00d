"""Configuration: API keys (hashed, two roles), settings from the environment, `clearance serve`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from api_support import KEYS, RULES
from typer.testing import CliRunner

from clearance.api.auth import (
    Caller,
    KeyConfigError,
    KeyRing,
    hash_key,
    load_key_file,
    new_key,
    parse_inline,
)
from clearance.api.settings import Settings, SettingsError
from clearance.cli.serve_cli import register


def test_inline_keys() -> None:
    keys = parse_inline(f" a:screen:{hash_key('k1')} , b:admin:{hash_key('k2').upper()} ,")
    assert [(k.name, k.role) for k in keys] == [("a", "screen"), ("b", "admin")]
    ring = KeyRing(keys)
    assert ring.identify("k1") == Caller("a", "screen")
    assert ring.identify("k2") == Caller("b", "admin")
    assert ring.identify("k3") is None
    assert ring.identify(hash_key("k1")) is None  # the hash is not the key
    assert Caller("b", "admin").can("screen") and not Caller("a", "screen").can("admin")


@pytest.mark.parametrize(
    "text, message",
    [
        ("a:screen", "expected name:role:sha256hex"),
        (f"a:owner:{hash_key('x')}", "must be screen or admin"),
        ("a:screen:secret", "64 hex digits"),
        (f"a b:screen:{hash_key('x')}", "key name"),
    ],
)
def test_bad_inline_keys(text: str, message: str) -> None:
    with pytest.raises(KeyConfigError, match=message):
        parse_inline(text)


def test_key_files(tmp_path: Path) -> None:
    yaml_file = tmp_path / "keys.yaml"
    yaml_file.write_text(f"keys:\n  - {{name: shop, role: screen, sha256: {hash_key('s')}}}\n")
    json_file = tmp_path / "keys.json"
    json_file.write_text(
        json.dumps({"keys": [{"name": "ops", "role": "admin", "sha256": hash_key("o")}]})
    )
    assert [k.name for k in load_key_file(yaml_file)] == ["shop"]
    ring = KeyRing.from_config(f"ci:screen:{hash_key('c')}", json_file)
    assert ring.identify("o") == Caller("ops", "admin") and ring.identify("c") is not None
    bad = tmp_path / "bad.yaml"
    bad.write_text("keys: [{name: x, role: screen}]\n")
    with pytest.raises(KeyConfigError, match=r"bad\.yaml: keys\[0\]"):
        load_key_file(bad)
    with pytest.raises(KeyConfigError, match="cannot read"):
        load_key_file(tmp_path / "missing.yaml")
    with pytest.raises(KeyConfigError, match="twice"):
        KeyRing.from_config(f"ops:screen:{hash_key('z')}", json_file)


def test_new_keys_are_random() -> None:
    a, b = new_key(), new_key()
    assert a != b and a.startswith("clr_") and len(a) > 40


def test_settings_from_env(tmp_path: Path) -> None:
    s = Settings.from_env(
        {
            "CLEARANCE_RULES": str(tmp_path),
            "CLEARANCE_DB": "postgresql://db/x",
            "CLEARANCE_MAX_BODY_BYTES": "1000",
            "CLEARANCE_BATCH_LIMIT": "5",
            "CLEARANCE_RETENTION_DAYS": "90",
            "CLEARANCE_WATCH": "off",
            "CLEARANCE_CORS_ORIGINS": "https://a.example, https://b.example",
            "CLEARANCE_DB_SYNCHRONOUS": "normal",
        }
    )
    assert s.rules_dir == tmp_path and s.db == "postgresql://db/x"
    assert s.max_body_bytes == 1000 and s.batch_limit == 5 and s.retention_days == 90
    assert not s.watch and s.db_synchronous == "NORMAL"
    assert s.cors_origins == ("https://a.example", "https://b.example")
    defaults = Settings.from_env({})
    assert defaults.retention_days is None and defaults.watch and defaults.cors_origins == ()
    with pytest.raises(SettingsError, match="CLEARANCE_BATCH_LIMIT"):
        Settings.from_env({"CLEARANCE_BATCH_LIMIT": "many"})
    with pytest.raises(SettingsError, match="CLEARANCE_RETENTION_DAYS"):
        Settings.from_env({"CLEARANCE_RETENTION_DAYS": "0"})
    with pytest.raises(SettingsError, match="SYNCHRONOUS"):
        Settings.from_env({"CLEARANCE_DB_SYNCHRONOUS": "OFF"})


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """Test root."""

    register(app)
    return app


def test_register_adds_serve(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--workers" in result.output and "--rules" in result.output


def test_serve_new_key(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["serve", "--new-key", "screen"])
    assert result.exit_code == 0, result.output
    key = re.search(r"key:\s+(\S+)", result.output)
    digest = re.search(r"sha256: ([0-9a-f]{64})", result.output)
    assert key and digest and hash_key(key.group(1)) == digest.group(1)
    assert f"NAME:screen:{digest.group(1)}" in result.output
    assert CliRunner().invoke(cli, ["serve", "--new-key", "root"]).exit_code == 2


def test_serve_refuses_broken_packs(
    cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "markets.yaml").write_text((RULES / "markets.yaml").read_text())
    (rules / "de").mkdir()
    (rules / "de" / "broken.yaml").write_text("pack: de.broken\ntitle: [unclosed\n")
    monkeypatch.setenv("CLEARANCE_API_KEYS", KEYS)
    result = CliRunner().invoke(
        cli, ["serve", "--rules", str(rules), "--db", str(tmp_path / "d.db")]
    )
    assert result.exit_code == 2
    assert re.search(r"de/broken\.yaml:\d+", result.output), result.output
    assert "not serving" in result.output


def test_serve_refuses_bad_keys(
    cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEARANCE_API_KEYS", "nonsense")
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 2 and "CLEARANCE_API_KEYS" in result.output
