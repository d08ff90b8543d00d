"""The library cache: hits, rebuilds when an input changes, bad files, races, unusable dirs."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.engine import library_cache
from clearance.engine.errors import PackErrors
from clearance.engine.library import load_library
from clearance.engine.library_cache import default_cache_dir, load_cached, load_library_cached
from clearance.engine.parties import PartyScreener
from clearance.engine.screening import Screener

REPO_ROOT = Path(__file__).resolve().parents[1]

PACK = """\
pack: test.cache
title: Cache test pack
version: 1.0.0
jurisdiction: DE
owner: tests
sources: [{title: Test law, url: "https://example.org/law"}]
terms:
  claims: {languages: {de: [beste]}}
fixtures:
  listing: {id: X, markets: [DE], title: Flasche}
  order:
    id: O
    date: "2026-11-25"
    buyer: {name: Max Muster, country: DE, type: b2c}
    shipping_address: {name: Max Muster, address: Hauptstr. 5, country: DE}
    items: [{sku: A-1, quantity: 1}]
rules:
  - id: TEST.CLAIM
    implements: [DE.UWG.SUPERLATIVE]
    title: A claim
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when:
      terms: claims
      in: [title]
    message: "Claim {matched}"
    remediation: Remove it.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {title: "Die beste Flasche"}}]
      pass: [{document: {}}]
  - id: TEST.PARTY
    implements: [SCOPE.DENIED_PARTIES]
    title: A listed buyer
    applies_to: [order]
    markets: ["*"]
    severity: block
    when:
      denied_party: [buyer]
      threshold: 92
    message: "{matched} is listed"
    remediation: Hold the order.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {buyer: {name: "Acme Dual Use Trading LLC", country: AE}}}]
      pass: [{document: {}}]
"""


def _sanctions(*names: str) -> str:
    entries = [
        {
            "id": str(i),
            "list": "test",
            "programmes": ["TEST"],
            "type": "entity",
            "names": [name],
            "countries": [],
            "dates_of_birth": [],
            "remarks": "",
            "source_url": "",
        }
        for i, name in enumerate(names, 1)
    ]
    return json.dumps({"list": "test", "provenance": {"source": "tests"}, "entries": entries})


LISTING = {"kind": "listing", "id": "L", "markets": ["DE"], "title": "Die beste Flasche"}
ORDER = {
    "kind": "order",
    "id": "O-1",
    "date": "2026-11-25",
    "buyer": {"name": "ACME DUAL-USE TRADING L.L.C.", "country": "AE", "type": "b2b"},
    "shipping_address": {"name": "Max Muster", "address": "Hauptstr. 5", "country": "DE"},
    "items": [{"sku": "A-1", "quantity": 1}],
}


@pytest.fixture
def rules(minimal_rules: Callable[[dict[str, str]], Path]) -> Path:
    root = minimal_rules({"de/cache.yaml": PACK})
    (root / "data" / "sanctions").mkdir()
    (root / "data" / "sanctions" / "test.json").write_text(
        _sanctions("Acme Dual Use Trading LLC"), encoding="utf-8"
    )
    return root


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _findings(library: Any, doc: dict[str, Any]) -> list[str]:
    return [f.rule_id for f in Screener(library).screen(doc).findings]


def _cache_file(cache: Path) -> Path:
    (found,) = cache.glob("library-*.bin")
    return found


def test_second_load_is_a_hit_and_screens_the_same(rules: Path, cache: Path) -> None:
    first = load_cached(rules, cache)
    assert (first.hit, first.note) == (False, "missing")
    second = load_cached(rules, cache)
    assert (second.hit, second.note) == (True, "hit")
    assert second.library.root == rules
    assert second.library.fingerprint() == load_library(rules).fingerprint()
    assert set(second.library.rules) == {"TEST.CLAIM", "TEST.PARTY"}
    for doc in (LISTING, ORDER):
        assert _findings(second.library, doc) == _findings(load_library(rules), doc) != []
    mode = _cache_file(cache).stat().st_mode & 0o777
    assert mode == 0o600 and cache.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    ("relative", "edit"),
    [
        ("de/cache.yaml", lambda t: t.replace("Cache test pack", "Edited pack")),
        ("data/low_value_threshold.yaml", lambda t: t + "\n# edited\n"),
        ("data/sanctions/test.json", lambda t: _sanctions("Someone Else Entirely Ltd")),
        ("markets.yaml", lambda t: t + "\n# edited\n"),
    ],
    ids=["pack", "table", "list-file", "markets"],
)
def test_editing_an_input_rebuilds(
    rules: Path, cache: Path, relative: str, edit: Callable[[str], str]
) -> None:
    load_cached(rules, cache)
    path = rules / relative
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    again = load_cached(rules, cache)
    assert (again.hit, again.note) == (False, "stale")
    assert again.library.fingerprint() == load_library(rules).fingerprint()
    assert load_cached(rules, cache).hit
    assert len(list(cache.glob("library-*"))) == 1  # replaced, not added to


def test_editing_a_shared_term_library_rebuilds(rules_copy: Path, cache: Path) -> None:
    """Packs expand shared term lists when read, so the term files are inputs too."""
    load_cached(rules_copy, cache)
    library = rules_copy / "terms" / "superlatives.yaml"
    library.write_text(library.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    again = load_cached(rules_copy, cache)
    assert (again.hit, again.note) == (False, "stale")
    assert load_cached(rules_copy, cache).hit


def test_edited_list_file_changes_the_screening(rules: Path, cache: Path) -> None:
    assert _findings(load_cached(rules, cache).library, ORDER) == ["TEST.PARTY"]
    (rules / "data" / "sanctions" / "test.json").write_text(
        _sanctions("Someone Else Entirely Ltd"), encoding="utf-8"
    )
    assert _findings(load_cached(rules, cache).library, ORDER) == []


def test_added_pack_and_cleared_file_rebuild(rules: Path, cache: Path) -> None:
    load_cached(rules, cache)
    other = PACK.replace("test.cache", "test.other").replace("TEST.", "OTHER.")
    (rules / "de" / "other.yaml").write_text(other, encoding="utf-8")
    rebuilt = load_cached(rules, cache)
    assert not rebuilt.hit and "OTHER.CLAIM" in rebuilt.library.rules
    (rules / "data" / "sanctions" / "cleared.yaml").write_text(
        "cleared:\n  - {name: ACME DUAL-USE TRADING L.L.C., entry: 'test:1', reason: r, "
        "by: me, date: 2026-11-25, until: 2027-02-25}\n",
        encoding="utf-8",
    )
    cleared = load_cached(rules, cache)
    assert not cleared.hit
    assert "TEST.PARTY" not in _findings(cleared.library, ORDER)


def test_an_input_changed_while_loading_is_not_cached(
    rules: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = library_cache.load_library
    pack = rules / "de" / "cache.yaml"

    def load_then_edit(root: Path, **options: Any) -> Any:
        library = real(root, **options)
        pack.write_text(PACK.replace("Cache test pack", "Edited meanwhile"), encoding="utf-8")
        return library

    monkeypatch.setattr(library_cache, "load_library", load_then_edit)
    result = load_cached(rules, cache)
    assert not result.hit and "an input changed while loading" in result.note
    assert not list(cache.glob("library-*.bin"))


def test_a_broken_pack_is_reported_and_never_cached(rules: Path, cache: Path) -> None:
    load_cached(rules, cache)
    before = _cache_file(cache).read_bytes()
    (rules / "de" / "cache.yaml").write_text(PACK.replace("severity: warn", "severity: loud"))
    with pytest.raises(PackErrors):
        load_cached(rules, cache)
    assert _cache_file(cache).read_bytes() == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b[:10],
        lambda b: b"",
        lambda b: b[:-1] + bytes([b[-1] ^ 0xFF]),
        lambda b: b[:-200] + b"\0" * 200,
        lambda b: b"not a cache file at all" * 10,
    ],
    ids=["truncated-half", "truncated-header", "empty", "last-byte", "zeroed-tail", "garbage"],
)
def test_a_damaged_cache_file_is_ignored_and_rebuilt(
    rules: Path, cache: Path, damage: Callable[[bytes], bytes]
) -> None:
    load_cached(rules, cache)
    path = _cache_file(cache)
    path.write_bytes(damage(path.read_bytes()))
    again = load_cached(rules, cache)
    assert (again.hit, again.note) == (False, "corrupt")
    assert _findings(again.library, LISTING) == ["TEST.CLAIM"]
    assert load_cached(rules, cache).hit


def test_a_checksummed_payload_that_is_not_a_library_is_not_used(rules: Path, cache: Path) -> None:
    load_cached(rules, cache)
    path = _cache_file(cache)
    blob = path.read_bytes()
    header = len(library_cache.MAGIC) + 4 + 32
    payload = pickle.dumps(("not", "a library"))
    forged = blob[:header] + hashlib.sha256(payload).digest() + payload
    path.write_bytes(forged)
    again = load_cached(rules, cache)
    assert not again.hit and again.note.startswith("unreadable")


def test_a_cache_directory_others_can_write_is_not_used(rules: Path, cache: Path) -> None:
    load_cached(rules, cache)
    cache.chmod(0o777)
    try:
        again = load_cached(rules, cache)
        assert not again.hit and "writable by group or others" in again.note
    finally:
        cache.chmod(0o700)


def test_an_unusable_cache_directory_means_no_cache(rules: Path, tmp_path: Path) -> None:
    not_a_dir = tmp_path / "a-file"
    not_a_dir.write_text("x", encoding="utf-8")
    for directory in (not_a_dir, not_a_dir / "below"):
        result = load_cached(rules, directory)
        assert not result.hit and "not written" in result.note
        assert _findings(result.library, LISTING) == ["TEST.CLAIM"]
    assert not_a_dir.read_text(encoding="utf-8") == "x"


def test_check_works_with_an_unusable_cache_directory(rules: Path, tmp_path: Path) -> None:
    not_a_dir = tmp_path / "a-file"
    not_a_dir.write_text("x", encoding="utf-8")
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(LISTING), encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["check", str(doc), "--rules", str(rules)],
        env={"CLEARANCE_CACHE_DIR": str(not_a_dir)},
    )
    assert result.exit_code == 0, result.output
    assert "TEST.CLAIM" in result.output


def test_no_cache_option_and_environment_switch_write_nothing(rules: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(LISTING), encoding="utf-8")
    env = {"CLEARANCE_CACHE_DIR": str(cache)}
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(doc), "--rules", str(rules), "--no-cache"], env=env)
    assert result.exit_code == 0 and not cache.exists()
    off = {**env, "CLEARANCE_CACHE": "off"}
    result = runner.invoke(app, ["check", str(doc), "--rules", str(rules)], env=off)
    assert result.exit_code == 0 and not cache.exists()
    result = runner.invoke(app, ["check", str(doc), "--rules", str(rules)], env=env)
    assert result.exit_code == 0 and len(list(cache.glob("library-*.bin"))) == 1
    assert load_library_cached(rules, cache, cache=False).fingerprint() == (
        load_cached(rules, cache).library.fingerprint()
    )


def test_cache_location_from_the_environment(tmp_path: Path) -> None:
    home = Path.home()
    assert default_cache_dir({}) == home / ".cache" / "clearance"
    assert default_cache_dir({"XDG_CACHE_HOME": "/x/cache"}) == Path("/x/cache/clearance")
    assert default_cache_dir({"XDG_CACHE_HOME": "relative"}) == home / ".cache" / "clearance"
    both = {"XDG_CACHE_HOME": "/x/cache", "CLEARANCE_CACHE_DIR": str(tmp_path)}
    assert default_cache_dir(both) == tmp_path
    for off in ("off", "OFF", "0", "no", "false"):
        assert default_cache_dir({**both, "CLEARANCE_CACHE": off}) is None


def test_two_builders_at_once_both_succeed(rules: Path, cache: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from clearance.engine.library_cache import load_cached\n"
        "r = load_cached(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "print(r.hit, r.note, len(r.library.rules))\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(rules), str(cache)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, errors) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, errors
        assert out.split()[-1] == "2"
    assert [p.name for p in cache.iterdir() if p.name != "parties"] == [_cache_file(cache).name]
    assert not list((cache / "parties").glob(".*"))  # no temp file left
    assert load_cached(rules, cache).hit


def test_a_reader_sees_the_old_or_the_new_file_while_it_is_replaced(
    rules: Path, cache: Path
) -> None:
    load_cached(rules, cache)
    pack = rules / "de" / "cache.yaml"
    notes: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                notes.append(load_cached(rules, cache).note)
        except BaseException as exc:  # reported below
            errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(3):
            pack.write_text(PACK.replace("Cache test pack", f"Edit {i}"), encoding="utf-8")
            load_cached(rules, cache)
    finally:
        done.set()
        reader.join(timeout=120)
    assert not errors
    assert notes and all(n == "hit" or n.startswith("stale") for n in notes), notes  # never corrupt


def test_stale_temporary_files_are_removed(rules: Path, cache: Path) -> None:
    load_cached(rules, cache)
    leftover = cache / ".library-dead.tmp"
    leftover.write_bytes(b"partial")
    old = cache / "library-0123456789abcdef01234567.bin"
    old.write_bytes(b"old")
    recent = cache / "library-fedcba9876543210fedcba98.bin"
    recent.write_bytes(b"recent")
    long_ago = 1_000_000_000
    os.utime(leftover, (long_ago, long_ago))
    os.utime(old, (long_ago, long_ago))
    (rules / "markets.yaml").write_text(
        (rules / "markets.yaml").read_text(encoding="utf-8") + "\n# edit\n", encoding="utf-8"
    )
    load_cached(rules, cache)
    assert not leftover.exists() and not old.exists() and recent.exists()


def test_a_cached_party_screener_unpacks_on_first_use() -> None:
    names = [f"Trading Company Number {i} LLC" for i in range(50)]
    screener = PartyScreener(json.loads(_sanctions(*names))["entries"])
    copy = pickle.loads(pickle.dumps(screener))
    assert copy.files == screener.files and len(copy) == 50
    assert vars(copy)["_index_obj"] is None  # still packed (MessagePack bytes, no pickle)
    assert isinstance(vars(copy)["_packed"], bytes)
    assert [m.key for m in copy.match("Trading Company Number 7 Ltd")] == [
        m.key for m in screener.match("Trading Company Number 7 Ltd")
    ]
    assert vars(copy)["_index_obj"] is not None
    assert pickle.loads(pickle.dumps(copy)).name_count == screener.name_count


def test_check_imports_neither_the_service_nor_the_feeds(tmp_path: Path) -> None:
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(LISTING), encoding="utf-8")
    script = (
        "import sys\n"
        "from clearance.cli.main import main\n"
        "sys.argv = ['clearance', 'check', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('fastapi', 'uvicorn', 'httpx', 'lxml', 'clearance.feeds', 'clearance.api')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    for _ in ("cold", "warm"):
        proc = subprocess.run(
            [sys.executable, "-c", script, str(doc)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "CLEARANCE_CACHE_DIR": str(tmp_path / "cache")},
        )
        assert "1 document(s)" in proc.stdout, proc.stdout + proc.stderr
        assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_help_still_lists_every_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "clearance.cli", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    for command in ("check", "rules", "feeds", "serve"):
        assert command in proc.stdout
