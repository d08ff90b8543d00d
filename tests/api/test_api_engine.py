"""The engine under the service: correct under concurrent requests, packs swapped atomically."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_support import ADMIN, RULES, SCREEN, TestClient, make_settings

from clearance.api.app import create_app
from clearance.api.engine_host import EngineHost, ScreenJob
from clearance.engine.library import load_library

REPO_ROOT = Path(__file__).resolve().parents[2]

EXTRA_RULE = """
  - id: DE.UWG.SWAPPED
    implements: [DE.UWG.SUPERLATIVE]
    title: Marker rule of the swap test
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when:
      field: title
      matches: "(?i)swap-marker"
    message: marker
    remediation: none
    references:
      - title: Swap test
        url: https://example.com/swap
    examples:
      trigger:
        - document: {title: "swap-marker"}
      pass:
        - document: {title: "Flasche"}
"""


def _requests() -> list[tuple[str, dict[str, Any]]]:
    """Every rule example, every bundled example document and one invalid document."""
    out: list[tuple[str, dict[str, Any]]] = []
    for rule in sorted(load_library(RULES).rules.values(), key=lambda r: r.id):
        for i, ex in enumerate(rule.examples):
            doc = dict(ex.document, kind=ex.kind, id=f"{rule.id}-{ex.expect}-{i}")
            body: dict[str, Any] = {"document": doc}
            if ex.market:
                body["markets"] = [ex.market]
            if ex.as_of:
                body["as_of"] = ex.as_of.isoformat()
            out.append((ex.kind, body))
    for line in (REPO_ROOT / "examples" / "listings.jsonl").read_text().splitlines():
        out.append(("listing", {"document": json.loads(line)}))
    for doc in json.loads((REPO_ROOT / "examples" / "orders.json").read_text()):
        out.append(("order", {"document": doc}))
    invalid = {
        "kind": "listing",
        "id": "L-BAD",
        "markets": ["DE"],
        "title": "Flasche",
        "price": {"amount": "zwölf", "currency": "EUR"},
    }
    out.append(("listing", {"document": invalid}))
    return out


def _essence(report: dict[str, Any]) -> str:
    report = dict(report)
    report.pop("decision_id", None)
    return json.dumps(report, sort_keys=True)


def test_concurrent_requests_match_sequential(tmp_path: Path) -> None:
    # the first 600 rule examples and the invalid document: their batch stays within the
    # 1,000-document batch limit now that the library has more examples than that
    requests = _requests()
    requests = requests[:600] + requests[-1:]
    assert len(requests) > 40
    # 2,400 requests at once: above the load-shedding limit, which is tested on its own
    app = create_app(make_settings(tmp_path, max_in_flight=10_000))

    async def run() -> tuple[list[str], list[str], list[str]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://clearance") as http:

            async def screen(kind: str, body: dict[str, Any]) -> str:
                r = await http.post(f"/v1/screen/{kind}", json=body, headers=SCREEN)
                if r.status_code == 200:
                    return _essence(r.json())
                return f"{r.status_code} {r.json()['errors']}"

            sequential = [await screen(k, b) for k, b in requests]
            together = await asyncio.gather(*(screen(k, b) for k, b in requests * 4))
            docs = [
                dict(b["document"], kind=k)
                for k, b in requests
                if "markets" not in b and "as_of" not in b
            ]
            batch = http.post("/v1/screen/batch", json={"documents": docs}, headers=SCREEN)
            stream = http.post(
                "/v1/screen/stream",
                headers=SCREEN,
                content="\n".join(json.dumps(d) for d in docs).encode(),
            )
            more = [screen(k, b) for k, b in requests]
            results = await asyncio.gather(batch, stream, *more)
            batch_reports = [_essence(r) for r in results[0].json()["reports"]]
            stream_reports = [_essence(json.loads(line)) for line in results[1].text.splitlines()]
            assert list(results[2:]) == sequential
            return sequential, list(together), [b for b in batch_reports] + stream_reports

    try:
        sequential, together, bulk = asyncio.run(run())
    finally:
        app.state.service.close()
    assert together == sequential * 4
    assert sum(r.startswith("{") for r in sequential) == len(sequential) - 1  # one is invalid
    singles = [
        s
        for (k, b), s in zip(requests, sequential, strict=True)
        if "markets" not in b and "as_of" not in b and s.startswith("{")
    ]
    half = len(bulk) // 2

    def unsourced(text: str) -> str:
        data = json.loads(text)
        data.pop("source", None)
        return json.dumps(data, sort_keys=True)

    for part in (bulk[:half], bulk[half:]):
        screened = [unsourced(r) for r in part if json.loads(r)["decision"] != "error"]
        assert screened == singles
        assert len(part) == len(singles) + 1


def test_requests_from_many_threads(tmp_path: Path) -> None:
    requests = _requests()[:20]
    with TestClient(create_app(make_settings(tmp_path))) as client:
        expected = [
            _essence(client.post(f"/v1/screen/{k}", json=b, headers=SCREEN).json())
            for k, b in requests
        ]
        got: dict[int, list[str]] = {}

        def worker(n: int) -> None:
            got[n] = [
                _essence(client.post(f"/v1/screen/{k}", json=b, headers=SCREEN).json())
                for k, b in requests
            ]

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert all(got[n] == expected for n in range(6))


def test_lease_keeps_old_packs_until_released(rules_copy: Path) -> None:
    host = EngineHost(load_library(rules_copy))
    doc = {"kind": "listing", "id": "L-S", "markets": ["DE"], "title": "Flasche swap-marker"}

    def fired(reports: list[Any]) -> set[str]:
        return {f.rule_id for f in reports[0].findings}

    pack = rules_copy / "de" / "uwg-claims.yaml"
    pack.write_text(pack.read_text() + EXTRA_RULE)
    try:
        with host.lease() as old:
            assert "DE.UWG.SWAPPED" not in fired(host.screen_now([ScreenJob(doc)], old))
            new = host.build(load_library(rules_copy))
            asyncio.run(host.warm(new))
            host.swap(new)
            assert host.current is new and old.retired and not old.disposed
            # the request in flight still screens with the packs it started with
            assert "DE.UWG.SWAPPED" not in fired(host.screen_now([ScreenJob(doc)], old))
            assert "DE.UWG.SWAPPED" in fired(host.screen_now([ScreenJob(doc)]))
        assert old.disposed
        assert old.screener.evaluator._host._ruleset_list == []  # rulesets freed in the C core
        assert new.screener.evaluator._host._ruleset_list
    finally:
        host.close()


def test_broken_reload_keeps_serving(tmp_path: Path, rules_copy: Path) -> None:
    settings = make_settings(tmp_path, rules_dir=rules_copy)
    with TestClient(create_app(settings)) as client:
        before = client.get("/v1/health/ready").json()
        pack = rules_copy / "eu" / "gpsr.yaml"
        pack.write_text(pack.read_text().replace("severity: block", "severity: fatal", 1))
        refused = client.post("/v1/admin/reload", headers=ADMIN)
        assert refused.status_code == 422
        errors = refused.json()["errors"]
        assert errors and errors[0]["file"] == "eu/gpsr.yaml" and errors[0]["line"] > 0
        assert errors[0]["location"] == f"eu/gpsr.yaml:{errors[0]['line']}"
        after = client.get("/v1/health/ready").json()
        assert after["fingerprint"] == before["fingerprint"] and not after["current"]
        assert after["reload"]["last_errors"] == errors
        assert client.get("/v1/health/ready", params={"strict": "true"}).status_code == 503
        response = client.post(
            "/v1/screen/listing",
            headers=SCREEN,
            json={
                "document": {"kind": "listing", "id": "L-1", "markets": ["DE"], "title": "Flasche"}
            },
        )
        assert response.status_code == 200
        assert {p["sha256"] for p in response.json()["packs"]} <= {
            p["sha256"] for p in before["packs"]
        }
        metrics = client.get("/metrics").text
        assert "clearance_pack_reload_failures_total 1.0" in metrics
        assert "clearance_packs_current 0.0" in metrics


def test_watcher_reloads_in_process(tmp_path: Path, rules_copy: Path) -> None:
    settings = make_settings(tmp_path, rules_dir=rules_copy, watch=True, reload_debounce_ms=50)
    doc = {"kind": "listing", "id": "L-W", "markets": ["DE"], "title": "Flasche swap-marker"}
    with TestClient(create_app(settings)) as client:
        generation = client.get("/v1/health/ready").json()["generation"]
        pack = rules_copy / "de" / "uwg-claims.yaml"
        pack.write_text(pack.read_text() + EXTRA_RULE)
        for _ in range(200):
            ready = client.get("/v1/health/ready").json()
            if ready["generation"] > generation:
                break
            threading.Event().wait(0.05)
        else:
            pytest.fail("the watcher did not reload the edited pack")
        assert ready["reload"]["last_reason"].startswith("files changed: uwg-claims.yaml")
        body = client.post("/v1/screen/listing", json={"document": doc}, headers=SCREEN).json()
        assert "DE.UWG.SWAPPED" in {f["rule_id"] for f in body["findings"]}


def test_watcher_ignores_feed_side_files() -> None:
    from watchfiles import Change

    from clearance.api.reloader import TRIGGER_FILE, RulesFilter

    keep = RulesFilter()
    assert keep(Change.modified, "/r/eu/gpsr.yaml")
    assert keep(Change.added, "/r/data/sanctions/un.json")
    assert keep(Change.added, f"/run/{TRIGGER_FILE}")
    for ignored in (
        "/r/data/sanctions/un.json.state",
        "/r/data/fx_rates.json.prev",
        "/r/data/.fx_rates.json.tmp",
        "/r/eu/.gpsr.yaml.swp",
        "/r/README.md",
    ):
        assert not keep(Change.modified, ignored), ignored
