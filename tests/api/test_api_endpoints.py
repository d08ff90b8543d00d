"""Endpoint tests with the in-process test client."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from api_support import ADMIN, OTHER_SCREEN_KEY, SCREEN, TestClient, make_settings

from clearance.api import examples
from clearance.api.app import create_app
from clearance.api.screening import canonical_hash
from clearance.engine.schemas import validator

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response: Any, status: int, kind: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem of this status and type, without a stack trace."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    assert body["type"].endswith("/" + kind)
    assert body["instance"] == f"urn:uuid:{response.headers['x-request-id']}"
    assert "Traceback" not in response.text
    return body


def assert_report(body: dict[str, Any]) -> None:
    """The body follows the published report schema and carries a decision id."""
    errors = sorted(validator("report").iter_errors(body), key=str)
    assert not errors, errors[0]
    assert isinstance(body["decision_id"], str)


@pytest.mark.parametrize("kind", ["listing", "order", "shipment"])
def test_screen_each_kind(client: TestClient, kind: str) -> None:
    doc = examples.document(kind)
    response = client.post(f"/v1/screen/{kind}", json={"document": doc}, headers=SCREEN)
    assert response.status_code == 200, response.text
    body = response.json()
    assert_report(body)
    assert body["kind"] == kind and body["id"] == doc["id"]
    assert body["decision"] in ("block", "review", "warn", "pass")
    assert body["findings"], "the examples are chosen to have findings"
    assert all(len(p["sha256"]) == 64 for p in body["packs"])
    assert response.headers["location"] == f"/v1/decisions/{body['decision_id']}"


def test_listing_findings_and_options(client: TestClient) -> None:
    doc = examples.document("listing")
    body = client.post("/v1/screen/listing", json={"document": doc}, headers=SCREEN).json()
    rules = {f["rule_id"] for f in body["findings"]}
    assert {"DE.UWG.SUPERLATIVE", "DE.UWG.TESTSIEGER"} <= rules
    assert body["as_of"] == "2026-11-20" and body["as_of_source"] == "document"
    body = client.post(
        "/v1/screen/listing",
        headers=SCREEN,
        json={"document": doc, "markets": ["US"], "as_of": "2026-12-01"},
    ).json()
    assert body["markets"] == ["US"] and body["as_of"] == "2026-12-01"
    assert body["as_of_source"] == "option"
    assert not {"DE.UWG.SUPERLATIVE"} & {f["rule_id"] for f in body["findings"]}


def test_decision_is_logged_and_fetched(client: TestClient) -> None:
    doc = examples.document("shipment")
    report = client.post("/v1/screen/shipment", json={"document": doc}, headers=SCREEN).json()
    got = client.get(f"/v1/decisions/{report['decision_id']}", headers=SCREEN)
    assert got.status_code == 200, got.text
    entry = got.json()
    assert entry["decision_id"] == report["decision_id"]
    assert entry["caller"] == "shop" and entry["kind"] == "shipment"
    assert entry["document_id"] == doc["id"]
    assert entry["input_sha256"] == canonical_hash(doc)
    assert entry["decision"] == report["decision"]
    assert entry["packs"] == report["packs"]
    assert entry["report"] == report
    assert [f["rule_id"] for f in entry["findings"]] == [f["rule_id"] for f in report["findings"]]
    # another screen key does not see it; an admin key does; unknown ids are 404
    other = client.get(
        f"/v1/decisions/{report['decision_id']}", headers={"X-API-Key": OTHER_SCREEN_KEY}
    )
    assert_problem(other, 404, "not-found")
    assert client.get(f"/v1/decisions/{report['decision_id']}", headers=ADMIN).status_code == 200
    assert_problem(client.get("/v1/decisions/nope", headers=ADMIN), 404, "not-found")


def test_invalid_document_is_422_with_every_path(client: TestClient) -> None:
    # "de" would be normalised to DE (engine/normalise.py); "D" cannot be read as a country
    doc = {"id": "L-X", "markets": ["D"], "title": 5, "price": {"amount": -1}}
    response = client.post("/v1/screen/listing", json={"document": doc}, headers=SCREEN)
    body = assert_problem(response, 422, "invalid-document")
    paths = {e["path"] for e in body["errors"]}
    assert {
        "$.document.markets[0]",
        "$.document.title",
        "$.document.price",
        "$.document.price.amount",
    } <= paths
    assert all(e["field"] == "$" + e["path"][len("$.document") :] for e in body["errors"])


def test_kind_mismatch_is_422(client: TestClient) -> None:
    response = client.post(
        "/v1/screen/listing", headers=SCREEN, json={"document": examples.document("order")}
    )
    body = assert_problem(response, 422, "invalid-document")
    assert body["errors"][0]["path"] == "$.document.kind"


@pytest.mark.parametrize(
    "payload, status, kind",
    [
        (b"{not json", 400, "malformed-json"),
        (b"", 400, "malformed-json"),
        (b'{"document": NaN}', 400, "malformed-json"),
        (b"\xff\xfe", 400, "malformed-json"),
        (b"[1, 2]", 422, "invalid-request"),
        (b'{"id": "L-1", "title": "x", "markets": ["DE"]}', 422, "invalid-request"),
        (b'{"document": {}, "extra": 1}', 422, "invalid-request"),
        (b'{"document": {}, "as_of": "2026-13-01"}', 422, "invalid-request"),
        (b'{"document": {}, "markets": "DE"}', 422, "invalid-request"),
        (b'{"document": {}, "markets": ["de"]}', 400, "unknown-market"),
        (b'{"document": {}, "markets": ["DEU"]}', 400, "unknown-market"),
        (b'{"document": {}, "markets": [7]}', 400, "unknown-market"),
    ],
)
def test_bad_requests(client: TestClient, payload: bytes, status: int, kind: str) -> None:
    response = client.post("/v1/screen/listing", content=payload, headers=SCREEN)
    body = assert_problem(response, status, kind)
    if status == 422:
        assert body["errors"] and all(e["path"].startswith("$") for e in body["errors"])


def test_bare_document_gets_a_hint(client: TestClient) -> None:
    response = client.post("/v1/screen/listing", json=examples.document("listing"), headers=SCREEN)
    assert "wrap it" in assert_problem(response, 422, "invalid-request")["detail"]


def test_unknown_kind_is_400(client: TestClient) -> None:
    response = client.post("/v1/screen/parcel", json={"document": {}}, headers=SCREEN)
    assert_problem(response, 400, "unknown-kind")
    response = client.post(
        "/v1/screen/batch", headers=SCREEN, json={"documents": [{}], "kind": "parcel"}
    )
    assert_problem(response, 400, "unknown-kind")


def test_auth(client: TestClient) -> None:
    doc = {"document": examples.document("listing")}
    missing = client.post("/v1/screen/listing", json=doc)
    assert_problem(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert_problem(
        client.post("/v1/screen/listing", json=doc, headers={"Authorization": "Bearer wrong"}),
        401,
        "unauthorized",
    )
    assert_problem(
        client.post("/v1/screen/listing", json=doc, headers={"X-API-Key": ""}), 401, "unauthorized"
    )
    assert_problem(client.post("/v1/admin/reload", headers=SCREEN), 403, "forbidden")
    assert_problem(client.get("/v1/admin/status", headers=SCREEN), 403, "forbidden")
    assert client.post("/v1/screen/listing", json=doc, headers=ADMIN).status_code == 200
    assert_problem(client.get("/v1/packs"), 401, "unauthorized")


def test_body_limits(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_body_bytes=2000, max_batch_bytes=4000, batch_limit=3)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        big = {"document": dict(examples.document("listing"), description="x" * 3000)}
        assert_problem(
            client.post("/v1/screen/listing", json=big, headers=SCREEN), 413, "payload-too-large"
        )

        def chunks() -> Any:  # no content-length: the limit applies while reading
            yield b'{"document": {"id": "x", "title": "'
            for _ in range(10):
                yield b"y" * 500
            yield b'"}}'

        assert_problem(
            client.post("/v1/screen/listing", content=chunks(), headers=SCREEN),
            413,
            "payload-too-large",
        )
        docs = [examples.document("shipment")] * 4
        assert_problem(
            client.post("/v1/screen/batch", json={"documents": docs}, headers=SCREEN),
            413,
            "batch-too-large",
        )
        assert (
            client.post(
                "/v1/screen/batch", json={"documents": docs[:3]}, headers=SCREEN
            ).status_code
            == 200
        )


def test_batch(client: TestClient) -> None:
    docs = [
        examples.document("listing"),
        examples.document("order"),
        {"kind": "listing", "id": "L-BAD", "markets": ["DE"]},
        {"kind": "parcel"},
        examples.document("shipment"),
    ]
    response = client.post("/v1/screen/batch", json={"documents": docs}, headers=SCREEN)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["summary"]["documents"] == 5
    assert body["summary"]["decisions"]["error"] == 2
    reports = body["reports"]
    assert [r["source"]["index"] for r in reports] == [0, 1, 2, 3, 4]
    assert [r["kind"] for r in reports] == ["listing", "order", "listing", "parcel", "shipment"]
    assert reports[2]["decision"] == "error" and "'title'" in reports[2]["errors"][0]["message"]
    assert reports[4]["decision"] != "error"
    for report in reports:
        assert_report(report)
    fetched = client.get(f"/v1/decisions/{reports[2]['decision_id']}", headers=SCREEN).json()
    assert fetched["decision"] == "error"


def test_batch_with_common_kind_and_markets(client: TestClient) -> None:
    doc = examples.document("listing")
    doc.pop("kind")
    body = client.post(
        "/v1/screen/batch",
        headers=SCREEN,
        json={"documents": [doc], "kind": "listing", "markets": ["FR"], "as_of": "2026-11-01"},
    ).json()
    assert body["reports"][0]["markets"] == ["FR"]
    assert body["reports"][0]["as_of"] == "2026-11-01"


def test_stream(client: TestClient) -> None:
    lines = [
        json.dumps(examples.document("listing")),
        "",
        "{broken",
        json.dumps(examples.document("order")),
        "[1]",
        json.dumps(examples.document("shipment")),
    ]
    response = client.post(
        "/v1/screen/stream",
        content="\n".join(lines).encode(),
        headers={**SCREEN, "Content-Type": "application/x-ndjson"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    reports = [json.loads(line) for line in response.text.splitlines()]
    assert [r["source"] for r in reports] == [
        {"line": 1, "index": 0},
        {"line": 3, "index": 1},
        {"line": 4, "index": 2},
        {"line": 5, "index": 3},
        {"line": 6, "index": 4},
    ]
    assert [r["decision"] for r in reports][1] == "error"
    assert reports[1]["errors"][0]["kind"] == "input"
    assert reports[3]["decision"] == "error"
    assert {reports[i]["kind"] for i in (0, 2, 4)} == {"listing", "order", "shipment"}
    for report in reports:
        assert_report(report)
    entry = client.get(f"/v1/decisions/{reports[1]['decision_id']}", headers=SCREEN).json()
    assert entry["input_sha256"] == hashlib.sha256(b"{broken").hexdigest()


def test_stream_options_and_limits(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_body_bytes=3000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        doc = examples.document("listing")
        doc.pop("kind")
        long_doc = dict(doc, description="z" * 5000)
        body = "\n".join(json.dumps(d) for d in (doc, long_doc, doc)) + "\n"
        response = client.post(
            "/v1/screen/stream?kind=listing&market=FR&market=DE",
            content=body.encode(),
            headers=SCREEN,
        )
        reports = [json.loads(line) for line in response.text.splitlines()]
        assert [r["decision"] == "error" for r in reports] == [False, True, False]
        assert "longer than the limit" in reports[1]["errors"][0]["message"]
        assert reports[0]["markets"] == ["FR", "DE"]
        assert_problem(
            client.post("/v1/screen/stream?market=fr", content=b"{}", headers=SCREEN),
            400,
            "unknown-market",
        )
        assert_problem(
            client.post("/v1/screen/stream?kind=parcel", content=b"{}", headers=SCREEN),
            400,
            "unknown-kind",
        )


def test_packs(client: TestClient) -> None:
    body = client.get("/v1/packs", headers=SCREEN).json()
    ids = {p["id"] for p in body["packs"]}
    assert {"de.uwg-claims", "eu.gpsr", "us.fcc"} <= ids
    for pack in body["packs"]:
        assert len(pack["sha256"]) == 64 and pack["version"] and pack["rules"] >= 1
    assert len(body["fingerprint"]) == 64


def test_rules_filters(client: TestClient) -> None:
    everything = client.get("/v1/rules", headers=SCREEN).json()
    assert everything["count"] == len(everything["rules"]) > 5
    de = client.get("/v1/rules", params={"market": "DE", "kind": "listing"}, headers=SCREEN).json()
    assert de["rules"] and all("listing" in r["applies_to"] for r in de["rules"])
    ids = {r["id"] for r in de["rules"]}
    assert "DE.UWG.SUPERLATIVE" in ids and "US.FCC.RF_AUTH" not in ids
    assert any("EU" in r["markets"] or "EU_GOODS" in r["markets"] for r in de["rules"])
    pack = client.get("/v1/rules", params={"pack": "us.fcc"}, headers=SCREEN).json()
    assert pack["rules"] and {r["pack"] for r in pack["rules"]} == {"us.fcc"}
    for params, kind in (
        ({"market": "de"}, "unknown-market"),
        ({"market": "EU_GOODS"}, "unknown-market"),
        ({"kind": "parcel"}, "unknown-kind"),
        ({"pack": "no.such"}, "unknown-pack"),
    ):
        assert_problem(client.get("/v1/rules", params=params, headers=SCREEN), 400, kind)


def test_rule_detail(client: TestClient) -> None:
    body = client.get("/v1/rules/DE.UWG.SUPERLATIVE", headers=SCREEN).json()
    assert body["source"].startswith("de/uwg-claims.yaml:")
    assert body["source"] == f"{body['file']}:{body['line']}"
    assert body["references"] and body["references"][0]["url"].startswith("https://")
    assert {e["expect"] for e in body["examples"]} == {"trigger", "pass"}
    assert all(e["source"].startswith("de/uwg-claims.yaml:") for e in body["examples"])
    assert "superlatives" in body["checks"]
    missing = client.get("/v1/rules/DE.UWG.SUPERLATIV", headers=SCREEN)
    assert "DE.UWG.SUPERLATIVE" in assert_problem(missing, 404, "not-found")["detail"]


def test_health_and_status(client: TestClient) -> None:
    assert client.get("/v1/health/live").json() == {"status": "ok"}
    ready = client.get("/v1/health/ready").json()
    assert ready["ready"] and ready["current"] and ready["packs"]
    status = client.get("/v1/admin/status", headers=ADMIN).json()
    assert status["decision_log"]["backend"] == "sqlite"
    assert status["rules"] > 0


def test_admin_reload(client: TestClient) -> None:
    before = client.get("/v1/health/ready").json()["generation"]
    response = client.post("/v1/admin/reload", headers=ADMIN)
    assert response.status_code == 200, response.text
    assert response.json()["generation"] == before + 1
    assert response.json()["warmed"] > 0
    assert client.get("/v1/health/ready").json()["generation"] == before + 1


def test_metrics(client: TestClient) -> None:
    client.post(
        "/v1/screen/listing", json={"document": examples.document("listing")}, headers=SCREEN
    )
    client.post("/v1/screen/listing", content=b"{", headers=SCREEN)
    client.post("/v1/admin/reload", headers=ADMIN)
    text = client.get("/metrics").text
    assert (
        'clearance_http_requests_total{method="POST",route="/v1/screen/listing",status="200"} 1.0'
    ) in text
    assert 'route="/v1/screen/listing",status="400"' in text
    assert "clearance_http_request_duration_seconds_bucket" in text
    assert 'clearance_decisions_total{decision="block",kind="listing"} 1.0' in text
    assert 'clearance_findings_total{rule_id="DE.UWG.SUPERLATIVE",severity="review"} 1.0' in text
    assert "clearance_pack_reloads_total 1.0" in text
    assert "clearance_pack_reload_failures_total 0.0" in text


def test_unexpected_error_is_a_plain_500(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    host = client.app.state.service.host  # type: ignore[attr-defined]

    def explode(*args: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(host, "screen_now", explode)
    response = client.post(
        "/v1/screen/listing", headers=SCREEN, json={"document": examples.document("listing")}
    )
    body = assert_problem(response, 500, "internal-error")
    assert "secret" not in response.text
    assert body["instance"].endswith(response.headers["x-request-id"])
    assert "secret internal detail" in caplog.text


def test_unknown_route_and_method(client: TestClient) -> None:
    assert_problem(client.get("/v1/nothing"), 404, "not-found")
    assert_problem(client.get("/v1/screen/listing", headers=SCREEN), 405, "method-not-allowed")


def test_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/v1/health/live", headers={"X-Request-ID": "abc-123-def-456"})
    assert response.headers["x-request-id"] == "abc-123-def-456"
    response = client.get("/v1/health/live", headers={"X-Request-ID": "bad id!"})
    assert response.headers["x-request-id"] != "bad id!"


def test_cors_off_unless_configured(client: TestClient, tmp_path: Path) -> None:
    preflight = {"Origin": "https://shop.example", "Access-Control-Request-Method": "POST"}
    response = client.options("/v1/screen/listing", headers=preflight)
    assert "access-control-allow-origin" not in response.headers
    settings = make_settings(tmp_path / "cors", cors_origins=("https://shop.example",))
    with TestClient(create_app(settings)) as cors:
        response = cors.options("/v1/screen/listing", headers=preflight)
        assert response.headers["access-control-allow-origin"] == "https://shop.example"


def test_openapi_documents_the_contract(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/v1/screen/listing",
        "/v1/screen/order",
        "/v1/screen/shipment",
        "/v1/screen/batch",
        "/v1/screen/stream",
        "/v1/packs",
        "/v1/rules",
        "/v1/rules/{rule_id}",
        "/v1/decisions/{decision_id}",
        "/v1/health/live",
        "/v1/health/ready",
        "/metrics",
        "/v1/admin/reload",
    ):
        assert path in paths, path
    components = schema["components"]
    assert "ListingDocument" in components["schemas"]
    assert "DecisionReport" in components["schemas"]
    report = components["examples"]["DecisionReport"]["value"]
    assert report["decision"] == "block" and report["findings"]
    assert set(schema["components"]["securitySchemes"]) == {"ApiKeyHeader", "BearerKey"}
    assert client.get("/docs").status_code == 200
