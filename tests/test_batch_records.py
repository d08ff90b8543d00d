"""The Ray-free half of batch screening: rows of files, Parquet values as JSON, the rule library
shipped to workers, and ScreenBatch on the batch forms Ray and Spark hand it (a pyarrow Table, a
pandas DataFrame, a dict of columns), each giving the reports `clearance check` gives."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearance.cli.batch_records import (
    REPORT_COLUMNS,
    RulesBundle,
    ScreenBatch,
    document_text,
    jsonl_rows,
    screen_frames,
)
from clearance.cli.main import app
from clearance.engine.errors import InputError
from clearance.engine.library_cache import load_library_cached
from clearance.engine.model import SEVERITY_RANK
from clearance.engine.paths import default_rules_dir

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "listings.jsonl"


@pytest.fixture(scope="module")
def bundle() -> RulesBundle:
    return RulesBundle.of(default_rules_dir())


@pytest.fixture(scope="module")
def screen(bundle: RulesBundle) -> ScreenBatch:
    return ScreenBatch(bundle)


def _expected(path: Path) -> list[str]:
    result = CliRunner().invoke(app, ["check", str(path), "--format", "jsonl"])
    return [line for line in result.stdout.splitlines() if line.startswith("{")]


def _rows(path: Path) -> list[dict[str, object]]:
    return list(jsonl_rows(path.read_bytes().split(b"\n"), str(path)))


def test_json_lines_rows_are_numbered_as_check_numbers_them() -> None:
    rows = list(jsonl_rows([b"", b'{"a": 1}', b"  ", b"\xff{}", b"{"], "f.jsonl"))
    assert [(r["line"], r["index"]) for r in rows] == [(2, 0), (4, 1), (5, 2)]
    assert rows[1]["error"] == "not valid UTF-8 (byte 0xff at column 1)"
    assert rows[2]["document"] == "{"  # parsed (and refused) where it is screened
    with pytest.raises(InputError, match="file is empty"):
        list(jsonl_rows([b"", b" "], "blank.jsonl"))


def test_parquet_values_become_json() -> None:
    row = {
        "id": "L-1",
        "date": dt.date(2026, 11, 30),
        "at": dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC),
        "price": {"amount": decimal.Decimal("12.50"), "currency": "EUR", "note": None},
        "pieces": decimal.Decimal("3"),
        "gtin": None,
        "tags": ("a", "b"),
        "label": b"caf\xc3\xa9",
    }
    assert json.loads(document_text(row)) == {
        "id": "L-1",
        "date": "2026-11-30",
        "at": "2026-11-30T12:00:00+00:00",
        "price": {"amount": 12.5, "currency": "EUR"},
        "pieces": 3,
        "tags": ["a", "b"],
        "label": "café",
    }
    for bad in ({"x": float("nan")}, {"x": b"\xff"}, {"x": decimal.Decimal("inf")}):
        assert document_text(bad).startswith("the row cannot be read as a document")


def test_every_batch_form_gives_the_reports_check_gives(screen: ScreenBatch) -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    expected = _expected(EXAMPLE)
    rows = _rows(EXAMPLE)
    arrow = screen(pa.Table.from_pylist(rows))
    assert arrow["report"].to_pylist() == expected
    frame = screen(pd.DataFrame(rows))
    assert list(frame.columns) == list(REPORT_COLUMNS)
    assert frame["report"].tolist() == expected
    columns = {key: [r[key] for r in rows] for key in rows[0]}
    assert screen(columns)["report"] == expected


def test_record_rows_are_screened_as_documents(screen: ScreenBatch) -> None:
    """A dataset whose columns are the document's fields (no document column, no source)."""
    docs = [json.loads(line) for line in EXAMPLE.read_text("utf-8").splitlines()]
    out = screen.rows(docs)
    want = [json.loads(line) for line in _expected(EXAMPLE)]
    got = [json.loads(row["report"]) for row in out]
    assert [r.pop("source") for r in got] == [
        {"file": "<dataset>", "line": None, "index": i} for i in range(len(docs))
    ]
    assert got == [{k: v for k, v in r.items() if k != "source"} for r in want]
    assert [row["decision"] for row in out] == [r["decision"] for r in want]


def test_spark_partitions_through_map_in_pandas_function(bundle: RulesBundle) -> None:
    pd = pytest.importorskip("pandas")
    rows = _rows(EXAMPLE)
    frames = [pd.DataFrame(rows[:3]), pd.DataFrame(rows[3:])]
    out = pd.concat(list(screen_frames(iter(frames), bundle)))
    assert out["report"].tolist() == _expected(EXAMPLE)
    reports = [json.loads(r) for r in out["report"]]
    assert out["decision"].tolist() == [r["decision"] for r in reports]
    assert out["worst"].tolist() == [
        max((SEVERITY_RANK[x["severity"]] for x in r["findings"] + r["not_evaluated"]), default=0)
        for r in reports
    ]


def test_the_library_is_shipped_whole_and_written_once(tmp_path: Path, bundle: RulesBundle) -> None:
    names = dict(bundle.files)
    assert "markets.yaml" in names and any(n.startswith("packs/") or "/" in n for n in names)
    first = bundle.materialise(tmp_path)
    again = bundle.materialise(tmp_path)
    assert first == again
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name]  # no staging left
    for name, data in bundle.files:
        assert (first / name).read_bytes() == data
    # a directory of that name that others can write to is not trusted
    other = tmp_path / "shared"
    other.mkdir()
    squatted = other / first.name
    squatted.mkdir()
    (squatted / "markets.yaml").write_text("planted", encoding="utf-8")
    os.chmod(squatted, 0o777)
    private = bundle.materialise(other)
    assert private != squatted
    assert (private / "markets.yaml").read_bytes() == dict(bundle.files)["markets.yaml"]


CONFIG = """rules:
  DE.UWG.SUPERLATIVE:
    enabled: false
    reason: Checked upstream in the PIM before export.
  EU.GPSR.19C.PRODUCT_ID:
    severity: review
    reason: Identifiers are added by the marketplace after upload.
"""


def test_a_rule_configuration_and_a_baseline_act_as_in_check(
    bundle: RulesBundle, tmp_path: Path
) -> None:
    from clearance.cli.baseline import load_baseline
    from clearance.engine.overrides import load_rule_config

    config = tmp_path / "clearance-rules.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = tmp_path / "first.jsonl"  # the baseline is written from the first three listings
    first.write_text("".join(EXAMPLE.read_text("utf-8").splitlines(keepends=True)[:3]))
    CliRunner().invoke(app, ["check", str(first), "--write-baseline", str(baseline)])
    options = ["--config", str(config), "--baseline", str(baseline)]
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--format", "jsonl", *options])
    want = [line for line in result.stdout.splitlines() if line.startswith("{")]
    library_rules = load_library_cached(default_rules_dir()).rules
    screen = ScreenBatch(
        bundle,
        config=load_rule_config(config, library_rules),
        baseline=load_baseline(baseline),
    )
    rows = screen.rows(_rows(EXAMPLE))
    assert [row["report"] for row in rows] == want
    reports = [json.loads(line) for line in want]
    assert any(r.get("overrides") for r in reports)
    # the first three listings' findings are in the baseline: only the rules that could not
    # be evaluated count for them (with their severity, as in check)
    left_out = 0
    for row, report in zip(rows[:3], reports, strict=False):
        unknown = [SEVERITY_RANK[n["severity"]] for n in report["not_evaluated"]]
        found = [SEVERITY_RANK[f["severity"]] for f in report["findings"]]
        assert row["worst"] == max(unknown, default=0)
        left_out += max(found, default=0) > row["worst"]
    assert left_out  # a finding worse than the rest was in the baseline
    assert max(int(row["worst"]) for row in rows) == SEVERITY_RANK["block"]
    assert result.exit_code == 1
