"""Screening on Spark: JSON Lines read as ``clearance check`` reads them, screened partition by
partition with ``DataFrame.mapInPandas`` (one engine per Python worker process, reused across
partitions). See docs/ray.md for the recipe; PySpark is the user's own (``pip install pyspark``).

::

    reports = screen(read_jsonl(spark, ["s3a://bucket/listings.jsonl"]), RulesBundle.of(root))
    reports.write.parquet("s3a://bucket/reports/")
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from clearance.cli.batch_records import REPORT_FIELDS, RulesBundle, screen_frames

if TYPE_CHECKING:
    import pandas

REPORT_DDL = ", ".join(f"{name} {spark}" for name, _, spark in REPORT_FIELDS)
"""The Spark schema of report rows (clearance.cli.batch_records.REPORT_FIELDS)."""
INPUT_DDL = "file string, line long, index long, document string"


def read_jsonl(spark: Any, paths: list[str]) -> Any:
    """A DataFrame of the non-blank lines of JSON Lines files with their file, line number and
    index (the numbering ``clearance check`` uses). Spark decodes text as UTF-8 with
    replacement characters, so a line that is not UTF-8 is screened, not refused, as check
    refuses it; a byte-order mark at the start of a file is removed."""
    frames = []
    for path in paths:
        lines = spark.read.text(path).rdd.zipWithIndex()
        kept = lines.filter(lambda pair: pair[0].value.strip()).zipWithIndex()
        rows = kept.map(
            lambda item, name=path: (
                name,
                item[0][1] + 1,
                item[1],
                item[0][0].value.removeprefix("\ufeff") if item[0][1] == 0 else item[0][0].value,
            )
        )
        frames.append(spark.createDataFrame(rows, INPUT_DDL))
    out = frames[0]
    for frame in frames[1:]:
        out = out.unionByName(frame)
    return out


def screen(
    frame: Any,
    rules: RulesBundle,
    kind: str | None = None,
    markets: list[str] | None = None,
    as_of: str | None = None,
) -> Any:
    """The report rows (:data:`REPORT_DDL`) of a DataFrame of document or record rows."""

    def partitions(frames: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        return screen_frames(frames, rules, kind, markets, as_of)

    return frame.mapInPandas(partitions, schema=REPORT_DDL)
