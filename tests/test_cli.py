"""`clearance check` and `clearance rules`: exit codes, formats and bad input."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import durable.engine as dre
import pytest
from typer.testing import CliRunner

from clearance.cli.csv_rows import MAX_CELL_CHARS
from clearance.cli.main import app
from clearance.engine.library import load_library
from clearance.engine.schemas import validator
from clearance.engine.screening import Screener

REPO_ROOT = Path(__file__).resolve().parents[1]

runner = CliRunner()
EXAMPLES = REPO_ROOT / "examples"
CLEAN = {
    "kind": "listing",
    "id": "L-OK",
    "markets": ["DE"],
    "title": "Trinkflasche",
    "model": "WB-1",
    "batch": "B-2026-11",
    "images": ["https://x/y.jpg"],
    "manufacturer": {
        "name": "Acme GmbH",
        "address": "Hauptstr. 1, Berlin",
        "email": "a@b.de",
        "country": "DE",
    },
}
BAD_CLAIM = dict(CLEAN, id="L-CLAIM", title="Die beste Trinkflasche")


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_bundled_examples_screen_with_findings() -> None:
    code, out = _run("check", str(EXAMPLES))
    assert code == 1  # the examples contain blocking findings
    for rule in (
        "EU.GPSR.19A.MANUFACTURER",
        "DG.LI.STANDALONE",
        "CN.ADLAW.ART9_3",
        "EU.VAT.IOSS_MISSING",
        "DOC.QTY_MATCH",
        "US.FCC.RF_AUTH",
    ):
        assert rule in out
    assert "error" not in out.split("document(s):")[-1]
    assert _run("check", str(EXAMPLES), "--fail-on", "none")[0] == 0


def test_exit_0_when_clean_and_1_on_blocking_findings(tmp_path: Path) -> None:
    clean = _write(tmp_path, "clean.jsonl", json.dumps(CLEAN) + "\n")
    assert _run("check", str(clean))[0] == 0
    claim = _write(tmp_path, "claim.jsonl", json.dumps(BAD_CLAIM) + "\n")
    assert _run("check", str(claim))[0] == 0  # a review finding does not fail at --fail-on block
    assert _run("check", str(claim), "--fail-on", "review")[0] == 1
    gtin = dict(CLEAN, id="L-NOID", model=None, images=None)
    blocked = _write(
        tmp_path, "blocked.jsonl", json.dumps({k: v for k, v in gtin.items() if v}) + "\n"
    )
    assert _run("check", str(blocked))[0] == 1


def test_json_output_validates_against_the_report_schema(tmp_path: Path) -> None:
    path = _write(tmp_path, "docs.jsonl", json.dumps(BAD_CLAIM) + "\n" + json.dumps(CLEAN) + "\n")
    _code, out = _run("check", str(path), "--format", "json")
    data = json.loads(out)
    assert data["summary"]["documents"] == 2
    for report in data["reports"]:
        assert not list(validator("report").iter_errors(report))
    finding = data["reports"][0]["findings"][0]
    assert finding["rule_id"] == "DE.UWG.SUPERLATIVE"
    assert finding["evidence"][0] == {
        "field": "title",
        "text": "beste",
        "start": 4,
        "end": 9,
        "term": "beste",
        "list": "superlatives",
        "language": "de",
    }
    assert all(len(p["sha256"]) == 64 for p in data["reports"][0]["packs"])


def test_market_and_as_of_options(tmp_path: Path) -> None:
    path = _write(tmp_path, "l.jsonl", json.dumps(BAD_CLAIM) + "\n")
    _, out = _run("check", str(path), "--market", "FR", "--format", "jsonl")
    assert json.loads(out)["markets"] == ["FR"]
    assert _run("check", str(path), "--as-of", "2026-13-01")[0] == 2
    assert _run("check", str(path), "--kind", "parcel")[0] == 2


def test_github_annotations(tmp_path: Path) -> None:
    path = _write(tmp_path, "l.jsonl", json.dumps(CLEAN) + "\n" + json.dumps(BAD_CLAIM) + "\n")
    _, out = _run("check", str(path), "--format", "github")
    assert f"::warning file={path},line=2,title=L-CLAIM::DE.UWG.SUPERLATIVE [DE]" in out


def test_csv_input_with_dotted_columns(tmp_path: Path) -> None:
    csv_text = (
        "id,markets,title,price.amount,price.currency,attributes.radio,fcc_id\n"
        "L-1,US,Bluetooth speaker,19.5,USD,true,\n"
        "L-2,US,Bluetooth speaker,19.5,USD,true,2ABCD-X1\n"
        "L-3,US,Speaker,nineteen,USD,false,\n"
    )
    path = _write(tmp_path, "listings.csv", csv_text)
    code, out = _run("check", str(path), "--kind", "listing", "--format", "jsonl")
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["decision"] for r in reports] == ["review", "pass", "error"]
    assert reports[2]["errors"][0]["field"] == "$.price.amount"
    assert reports[2]["source"]["line"] == 4
    assert code == 2


BAD_INPUTS = {
    "malformed.json": ('{"kind": "listing", "id": ', "malformed JSON"),
    "empty.jsonl": ("", "file is empty"),
    "invalid-utf8.jsonl": (b'{"kind": "listing", "id": "\xff\xfe"}\n', "not valid UTF-8"),
    "nested.json": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "broken.csv": ('id,title\n"L-1,"unterminated\n', "malformed CSV"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_unreadable_input_is_a_clear_error_with_exit_2(tmp_path: Path, name: str) -> None:
    content, needle = BAD_INPUTS[name]
    path = _write(tmp_path, name, content)
    ok = _write(tmp_path, "ok.jsonl", json.dumps(CLEAN) + "\n")
    result = runner.invoke(app, ["check", str(path), str(ok), "--kind", "listing"])
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output
    assert "L-OK: PASS" in result.output  # the rest of the batch is still screened


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"kind": "listing", "id": "X", "markets": ["DE"], "title": 5}, "$.title"),
        ({"kind": "parcel", "id": "X"}, "$.kind"),
        ({"id": "X", "markets": ["DE"], "title": "t"}, "$.kind"),
        ({"kind": "listing", "id": "X", "markets": ["DE"], "title": "t" * 3000}, "$.title"),
        (
            {
                "kind": "listing",
                "id": "X",
                "markets": ["DE"],
                "title": "t",
                "description": "x" * 50_000_000,
            },
            "$.description",
        ),
        (
            {
                "kind": "shipment",
                "id": "X",
                "destination_country": "DE",
                "items": [{"quantity": "3"}],
            },
            "$.items[0].quantity",
        ),
        ([1, 2], "$"),
    ],
)
def test_invalid_records_name_the_field_and_the_rest_is_screened(
    tmp_path: Path, doc: object, field: str
) -> None:
    lines = json.dumps(doc) + "\n" + json.dumps(CLEAN) + "\n"
    path = _write(tmp_path, "docs.jsonl", lines)
    code, out = _run("check", str(path), "--format", "jsonl")
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 2
    assert first["decision"] == "error" and first["errors"][0]["field"] == field
    assert second["decision"] == "pass"


def test_console_script_prints_no_traceback_on_broken_packs(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "de").mkdir(parents=True)
    (rules / "de" / "x.yaml").write_text("pack: [\n", encoding="utf-8")
    doc = _write(tmp_path, "d.jsonl", json.dumps(CLEAN) + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "clearance.cli", "check", str(doc), "--rules", str(rules)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "de/x.yaml:2" in proc.stderr and "invalid YAML" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_rules_commands() -> None:
    code, out = _run("rules", "validate")
    assert code == 0 and "ok:" in out
    code, out = _run("rules", "test")
    assert code == 0 and " 0 failed" in out
    code, out = _run("rules", "list", "--market", "FR", "--kind", "listing")
    assert "EU.GPSR.19A.MANUFACTURER" in out and "DE.UWG.SUPERLATIVE" not in out
    code, out = _run("rules", "explain", "EU.GPSR.19A.MANUFACTURER")
    assert code == 0
    assert "eu/gpsr.yaml:" in out and "manufacturer.name is missing or empty" in out
    assert "https://eur-lex.europa.eu" in out and "from 2024-12-13" in out
    code, out = _run("rules", "explain", "EU.GPSR.19A.MANUFACTURE")
    assert code == 2 and "did you mean EU.GPSR.19A.MANUFACTURER" in out


def test_rules_validate_json_reports_errors(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "de").mkdir(parents=True)
    (rules / "de" / "x.yaml").write_text("pack: x\n", encoding="utf-8")
    code, out = _run("rules", "validate", "--rules", str(rules), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert not list(validator("errors").iter_errors(data))
    assert data["errors"][0]["file"] == "de/x.yaml"


def _jsonl_reports(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


CSV_HEADER = "kind,id,markets,title,description,model,images\n"


def _csv_row(doc_id: str, description: str) -> str:
    return f'listing,{doc_id},DE,Flasche,"{description}",M-1,https://x/y.jpg\n'


def test_csv_cell_over_the_limit_is_an_error_naming_file_line_and_column(tmp_path: Path) -> None:
    big = "x" * (MAX_CELL_CHARS + 1)
    text = CSV_HEADER + _csv_row("L-1", "ok") + _csv_row("L-2", big) + _csv_row("L-3", "fine")
    path = _write(tmp_path, "listings.csv", text)
    result = runner.invoke(app, ["check", str(path), "--format", "jsonl"])
    assert result.exit_code == 2
    first, second, third = _jsonl_reports(result.output)
    assert first["id"] == "L-1" and third["id"] == "L-3"  # the other rows were screened
    assert first["decision"] != "error" and third["decision"] != "error"
    assert second["decision"] == "error" and second["source"]["line"] == 3
    error = second["errors"][0]
    assert error["source"] == str(path) and error["line"] == 3
    assert "'description'" in error["message"] and str(MAX_CELL_CHARS) in error["message"]
    # a cell of exactly the limit is read
    ok = _write(tmp_path, "ok.csv", CSV_HEADER + _csv_row("L-4", "y" * MAX_CELL_CHARS))
    (report,) = _jsonl_reports(_run("check", str(ok), "--format", "jsonl")[1])
    assert report["decision"] != "error"


def test_console_script_reports_an_oversize_cell_without_a_traceback(tmp_path: Path) -> None:
    big = "x" * 140_000
    shopify = (
        "Handle,Title,Body (HTML),Vendor,Variant SKU\n"
        "mug,Mug,<p>ok</p>,Acme,M-1\n"
        f'poster,Poster,"{big}",Acme,P-1\n'
        "cap,Cap,,Acme,C-1\n"
    )
    path = _write(tmp_path, "products_export.csv", shopify)
    proc = subprocess.run(
        [sys.executable, "-m", "clearance.cli", "check", str(path), "--market", "DE"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert f"{path}:3  listing poster: ERROR" in proc.stdout
    assert "column 'Body (HTML)' (column 3)" in proc.stdout
    assert "listing mug:" in proc.stdout and "listing cap:" in proc.stdout
    assert "3 document(s)" in proc.stdout


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # the first data row: its own line, not the header's
        (CSV_HEADER + 'listing,L-1,DE,"bad"x,M,u\n' + _csv_row("L-2", "ok"), 2),
        # after a record spanning two lines and a blank line
        (CSV_HEADER + _csv_row("L-1", "two\nlines") + "\n" + 'listing,L-2,DE,"bad"x,M,u\n', 5),
        # a row with more cells than the header, and one with fewer
        (CSV_HEADER + _csv_row("L-1", "ok") + "listing,L-2,DE,t,d,M,u,extra\n", 3),
        (CSV_HEADER + "listing,L-2,DE,t\n" + _csv_row("L-3", "ok"), 2),
    ],
)
def test_csv_errors_name_the_line_the_row_starts_on(tmp_path: Path, text: str, line: int) -> None:
    path = _write(tmp_path, "listings.csv", text)
    code, out = _run("check", str(path), "--format", "jsonl")
    reports = _jsonl_reports(out)
    (bad,) = [r for r in reports if r["decision"] == "error"]
    assert bad["source"]["line"] == line and bad["errors"][0]["line"] == line
    assert len(reports) == 2 and code == 2


def test_csv_rows_are_numbered_by_their_first_line(tmp_path: Path) -> None:
    text = CSV_HEADER + _csv_row("L-1", "two\nlines") + "\n" + _csv_row("L-2", "ok")
    path = _write(tmp_path, "listings.csv", text)
    reports = _jsonl_reports(_run("check", str(path), "--format", "jsonl")[1])
    assert [(r["id"], r["source"]["line"]) for r in reports] == [("L-1", 2), ("L-2", 5)]


def test_invalid_utf8_refuses_only_its_jsonl_line(tmp_path: Path) -> None:
    bad = json.dumps(dict(CLEAN, id="L-BAD")).encode().replace(b"Trinkflasche", b"Trink\xff")
    content = b"\n".join([json.dumps(CLEAN).encode(), bad, json.dumps(BAD_CLAIM).encode(), b""])
    path = _write(tmp_path, "docs.jsonl", content)
    code, out = _run("check", str(path), "--format", "jsonl")
    first, second, third = _jsonl_reports(out)
    assert (first["id"], first["decision"]) == ("L-OK", "pass")
    assert second["decision"] == "error" and second["source"]["line"] == 2
    assert "not valid UTF-8" in second["errors"][0]["message"]
    assert second["errors"][0]["line"] == 2
    assert third["id"] == "L-CLAIM" and third["decision"] == "review"
    assert code == 2


def test_invalid_utf8_refuses_only_its_csv_row(tmp_path: Path) -> None:
    # the file is UTF-8 ("Größe" in row 1); one byte that is not refuses only its row
    rows = _csv_row("L-1", "Größe") + _csv_row("L-2", "Trink~") + _csv_row("L-3", "ok")
    content = CSV_HEADER + rows
    path = _write(tmp_path, "listings.csv", content.encode().replace(b"~", b"\xe9"))
    code, out = _run("check", str(path), "--format", "jsonl")
    first, second, third = _jsonl_reports(out)
    assert second["decision"] == "error" and second["source"]["line"] == 3
    assert "column 'description'" in second["errors"][0]["message"]
    assert "not valid UTF-8 (byte 0xe9" in second["errors"][0]["message"]
    assert first["decision"] != "error" and third["decision"] != "error" and code == 2


def test_text_output_never_prints_none_for_a_missing_value(tmp_path: Path) -> None:
    bare = {"kind": "listing", "id": "L-BARE", "markets": ["DE"], "title": "Flasche"}
    path = _write(tmp_path, "bare.jsonl", json.dumps(bare) + "\n")
    code, out = _run("check", str(path))
    assert code == 1 and "EU.GPSR.19A.MANUFACTURER" in out
    assert "None" not in out
    assert "evidence: manufacturer.name (missing)" in out


def test_jsonl_lines_are_split_at_newlines_only(tmp_path: Path) -> None:
    # U+2028 is legal inside a JSON string; str.splitlines() would cut the record in two
    doc = dict(CLEAN, description="Zeile eins\u2028Zeile zwei")
    path = _write(tmp_path, "docs.jsonl", json.dumps(doc, ensure_ascii=False) + "\r\n")
    code, out = _run("check", str(path), "--format", "jsonl")
    (report,) = _jsonl_reports(out)
    assert report["id"] == "L-OK" and report["decision"] == "pass" and code == 0


TINY_LASER = """\
pack: test.laser
title: Laser limits
version: 1.0.0
jurisdiction: DE
owner: tests
sources: [{title: Test law, url: "https://example.org/law"}]
fixtures:
  listing: {id: X, markets: [DE], title: Laser pointer}
rules:
  - id: TEST.OK
    implements: [LASER.DEST]
    title: A rule the engine accepts
    applies_to: [listing]
    markets: [DE]
    severity: warn
    when: {field: attributes.laser_mw, gt: 5}
    message: Too strong for {market}.
    remediation: Lower it.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {attributes: {laser_mw: 9}}}]
      pass: [{document: {attributes: {laser_mw: 1}}}]
  - id: TEST.TINY
    implements: [LASER.DEST]
    title: A threshold written so small that Python prints it in exponent form
    applies_to: [listing]
    markets: [EU]
    severity: warn
    when: {field: attributes.laser_mw, lt: 0.0000001}
    message: Too weak for {market}.
    remediation: Raise it.
    references: [{title: Test law, url: "https://example.org/law"}]
    examples:
      trigger: [{document: {attributes: {laser_mw: 0}}}]
      pass: [{document: {attributes: {laser_mw: 1}}}]
"""


def test_rules_validate_reports_a_rule_durable_rules_refuses(
    minimal_rules: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # durable_rules' own JSON reader refuses 1e-07 (error 204). Clearance writes numbers so that
    # it reads them (engine/enginejson.py); with durable's plain JSON writer put back, the
    # refusal is real, and validate (which compiles every kind, market and epoch) reports the
    # rule with its file and line rather than as an error decision on the first document
    monkeypatch.setattr(dre, "json", json)
    root = minimal_rules({"de/laser.yaml": TINY_LASER})
    line = TINY_LASER.splitlines().index("  - id: TEST.TINY") + 1
    code, out = _run("rules", "validate", "--rules", str(root))
    assert code == 1
    assert f"de/laser.yaml:{line}: [TEST.TINY] durable_rules refuses" in out
    assert "error code: 204" in out and "TEST.OK" not in out
    code, out = _run("rules", "validate", "--rules", str(root), "--format", "json")
    data = json.loads(out)
    assert code == 1 and not list(validator("errors").iter_errors(data))
    assert [(e["rule_id"], e["line"]) for e in data["errors"]] == [("TEST.TINY", line)]


def test_a_threshold_python_writes_in_exponent_form_is_screened(
    minimal_rules: Callable[[dict[str, str]], Path],
) -> None:
    # issue 8, item 10: 1e-07 reaches durable_rules as 1.0e-07, which it reads
    root = minimal_rules({"de/laser.yaml": TINY_LASER})
    code, out = _run("rules", "validate", "--rules", str(root))
    assert code == 0, out
    screener = Screener(load_library(root))
    weak = {"kind": "listing", "id": "L", "markets": ["FR"], "title": "Laser"}
    weak["attributes"] = {"laser_mw": 0.00000001}
    report = screener.screen(weak, as_of=dt.date(2026, 11, 25))
    assert report.decision == "warn", report.to_dict()
    assert [f.rule_id for f in report.findings] == ["TEST.TINY"]
    weak["attributes"] = {"laser_mw": 0.000001}
    assert screener.screen(weak, as_of=dt.date(2026, 11, 25)).decision == "pass"
