"""The Spark recipe (docs/ray.md), run for real on a local Spark: JSON Lines read with
clearance.cli.spark_batch and screened with mapInPandas give the reports `clearance check`
gives. Skipped when PySpark or a Java runtime is missing, except in CI (.ci/java)."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    if os.environ.get("CI") == "true":  # .ci/run installs one
        raise RuntimeError("Spark needs a Java runtime: run .ci/java")
    pytest.skip("Spark needs a Java runtime (.ci/java installs one)", allow_module_level=True)

from pyspark.sql import SparkSession

from clearance.cli.batch_records import RulesBundle
from clearance.cli.main import app
from clearance.cli.spark_batch import read_jsonl, screen
from clearance.engine.paths import default_rules_dir

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from catalogue import catalogue  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers import clearance too
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_map_in_pandas_gives_the_reports_check_gives(spark: SparkSession, tmp_path: Path) -> None:
    docs = [json.dumps(d, ensure_ascii=False) for d in catalogue(200, seed=3)]
    big = tmp_path / "catalogue.jsonl"
    big.write_text("\ufeff" + "\n".join(docs[:90]) + "\n\n{not json}\n" + "\n".join(docs[90:]))
    files = [str(big), str(REPO / "examples" / "listings.jsonl")]
    result = CliRunner().invoke(app, ["check", *files, "--format", "jsonl", "--market", "DE"])
    expected = [line for line in result.stdout.splitlines() if line.startswith("{")]
    frame = read_jsonl(spark, files)
    reports = screen(frame, RulesBundle.of(default_rules_dir()), markets=["DE"])
    rows = reports.collect()
    order = {name: i for i, name in enumerate(files)}
    rows.sort(key=lambda r: (order[r["file"]], r["index"]))  # Row.index is a tuple method
    assert len(rows) == 200 + 1 + 6
    assert [r.report for r in rows] == expected
    assert [r.line for r in rows][89:92] == [90, 92, 93]
