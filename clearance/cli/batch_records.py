"""Screening batches of rows where a batch framework moves them (Ray Data, Spark).

This module imports neither Ray nor Spark: it is the part of a batch run that only needs the
engine, so the same code screens a Ray Data batch (a ``pyarrow.Table``), a Spark
``mapInPandas`` partition (``pandas.DataFrame``\\ s) and the rows of a test.

An input row is either

- a **document row**: ``document`` holds the document as JSON text (a JSON Lines line); or
- a **record row** where every other column is a field of the document (a Parquet file whose
  columns are the document's fields, or any ``ray.data`` dataset): see :func:`document_text`
  for how Parquet types become JSON.

Optional columns ``file``, ``line`` and ``index`` say where the row came from; they become the
report's ``source`` (give them to get the same reports as ``clearance check``). ``error`` (a
message) marks a row that could not be read, and ``problem`` a whole file that could not be.

Every output row is one report: ``file``, ``line``, ``index``, ``decision``, ``report`` (the
report exactly as ``clearance check --format jsonl`` writes it), and what a run needs to
compute its summary and exit code without the report: ``worst`` (the highest severity rank
that counts), ``waived`` and ``errors``; ``problem`` passes an unreadable file's message on.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import math
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearance.cli.baseline import Baseline
from clearance.cli.inputs import BadLine, Record, file_lines, jsonl_lines, jsonl_record
from clearance.cli.parallel import ScreenOptions, counted_findings, report_counts, screen_record
from clearance.engine.errors import InputError
from clearance.engine.library import input_files
from clearance.engine.library_cache import load_library_cached
from clearance.engine.overrides import RuleConfig
from clearance.engine.paths import schema_dir
from clearance.engine.screening import Screener

if TYPE_CHECKING:
    import pandas
    import pyarrow

SOURCE_COLUMNS = ("file", "line", "index")
CONTROL_COLUMNS = (*SOURCE_COLUMNS, "document", "error", "problem")
REPORT_FIELDS = (
    ("file", "string", "string"),
    ("line", "int64", "long"),
    ("index", "int64", "long"),
    ("decision", "string", "string"),
    ("worst", "int8", "int"),
    ("waived", "int32", "int"),
    ("errors", "bool_", "boolean"),
    ("problem", "string", "string"),
    ("report", "string", "string"),
)
"""The one statement of a report row: each column with its Arrow type (a ``pyarrow`` factory)
and its Spark type (clearance.cli.spark_batch.REPORT_DDL)."""
REPORT_COLUMNS = tuple(name for name, _, _ in REPORT_FIELDS)
DATASET = "<dataset>"
"""The ``file`` of a row that does not say where it came from."""


# -- the rule library, shipped to workers ------------------------------------------------------


@dataclass(frozen=True)
class RulesBundle:
    """Every file a rules directory's library is loaded from, by path under the directory.

    Workers on other machines cannot read the driver's rules directory, so the driver sends
    the files and each worker writes them to a private directory named by their digest (one
    copy per machine, reused by every worker there and by the library cache). Findings name
    rule files relative to the rules directory, so the reports are the same as a local run's.
    """

    files: tuple[tuple[str, bytes], ...]
    digest: str

    @classmethod
    def of(cls, root: Path) -> RulesBundle:
        """The bundle of the rules directory ``root`` (the bundled JSON Schemas ship with the
        package and are not included); InputError when a file lies outside ``root``."""
        base = root.resolve()
        schemas = schema_dir().resolve()
        files: list[tuple[str, bytes]] = []
        for path in input_files(root):
            resolved = path.resolve()
            if not resolved.is_relative_to(base):
                if resolved.is_relative_to(schemas):  # the package's own JSON Schemas
                    continue
                raise InputError(
                    "a file of the library lies outside the rules directory, so it cannot be "
                    "sent to the workers",
                    source=str(path),
                )
            files.append((resolved.relative_to(base).as_posix(), path.read_bytes()))
        digest = hashlib.sha256()
        for name, data in files:
            digest.update(f"{name}\0{len(data)}\0".encode() + data)
        return cls(tuple(files), digest.hexdigest())

    def materialise(self, parent: Path | None = None) -> Path:
        """The directory holding the bundle's files on this machine, written once (atomically:
        a complete copy is renamed into place) under ``parent`` (default: the temp directory)."""
        base = parent or Path(tempfile.gettempdir())
        uid = getattr(os, "getuid", lambda: 0)()
        final = base / f"clearance-rules-{uid}-{self.digest[:32]}"
        if _own_directory(final):
            return final
        staging = Path(tempfile.mkdtemp(prefix=".clearance-rules-", dir=base))
        keep = False
        try:
            for name, data in self.files:
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            try:
                staging.rename(final)
                return final
            except OSError:  # another worker won the race, or a stranger's directory is there
                if _own_directory(final):
                    return final
                keep = True  # this process's own private copy (mkdtemp: mode 0700)
                return staging
        finally:
            if not keep and staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def _own_directory(path: Path) -> bool:
    """Whether ``path`` is a directory of this user that nobody else can write to."""
    try:
        info = path.lstat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return (
        stat.S_ISDIR(info.st_mode)
        and (getuid is None or info.st_uid == getuid())
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


# -- rows of files -----------------------------------------------------------------------------


def jsonl_rows(lines: Iterable[bytes], name: str) -> Iterator[dict[str, Any]]:
    """The document rows of a JSON Lines file's lines (as :func:`clearance.cli.inputs.
    file_lines` splits them), numbered as ``clearance check`` numbers them
    (:func:`clearance.cli.inputs.jsonl_lines`): a line that is not UTF-8 is an ``error`` row."""
    for number, index, line in jsonl_lines(lines, name):
        if isinstance(line, BadLine):
            yield _row(name, number, index, error=str(line))
        else:
            yield _row(name, number, index, document=line)


def jsonl_file_rows(handle: Any, name: str) -> Iterator[dict[str, Any]]:
    """:func:`jsonl_rows` of an open binary file (anything that iterates over its lines)."""
    return jsonl_rows(file_lines(handle), name)


def parquet_rows(
    source: pyarrow.parquet.ParquetFile, name: str, batch_rows: int = 1024
) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet file whose columns are the document's fields, a batch at a time,
    each as a document row (index: the row's number in the file; line: none)."""
    index = 0
    for batch in source.iter_batches(batch_size=batch_rows):
        for values in batch.to_pylist(maps_as_pydicts="strict"):
            text = document_text(values)
            if isinstance(text, BadLine):
                yield _row(name, None, index, error=str(text))
            else:
                yield _row(name, None, index, document=text)
            index += 1
    if index == 0:
        raise InputError("file is empty: no rows", source=name)


def problem_row(name: str, error: InputError) -> dict[str, Any]:
    """The row that stands for a file that could not be read at all."""
    return _row(name, None, -1, problem=str(error))


def _row(
    file: str,
    line: int | None,
    index: int,
    document: str | None = None,
    error: str | None = None,
    problem: str | None = None,
) -> dict[str, Any]:
    return {
        "file": file,
        "line": line,
        "index": index,
        "document": document,
        "error": error,
        "problem": problem,
    }


def document_text(values: Mapping[str, Any]) -> str | BadLine:
    """A record row (a Parquet row, a dataset row) as the JSON text of its document.

    Nulls are absent fields (a Parquet schema gives every row every column; in a pandas frame
    NaN and NaT are nulls); dates and times become ISO 8601 text, decimals numbers, maps
    objects; binary values must be UTF-8 text. NaN and infinity in Arrow data are refused, as
    in JSON. Returns why when the row cannot be a document.
    """
    try:
        return json.dumps(_plain(dict(values)), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return BadLine(f"the row cannot be read as a document: {exc}")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise ValueError(f"decimal {value} is not a number")
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(
                f"binary value is not UTF-8 text ({base64.b64encode(value[:12]).decode()}...)"
            ) from None
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a number in JSON")
    if hasattr(value, "item") and not isinstance(value, str | int | float | bool):
        return _plain(value.item())  # a NumPy scalar (pandas rows)
    if hasattr(value, "tolist") and not isinstance(value, str | int | float | bool):
        return _plain(value.tolist())  # a NumPy array (pandas rows of list columns)
    return value


# -- screening ---------------------------------------------------------------------------------


def record_of(row: Mapping[str, Any], markets: list[str] | None, position: int) -> Record:
    """The record of one input row (``position``: its place in the batch, the index of a row
    that gives none)."""
    file = str(row["file"]) if row.get("file") is not None else DATASET
    line = _int_or_none(row.get("line"))
    index = _int_or_none(row.get("index"))
    index = position if index is None else index
    error = row.get("error")
    if isinstance(error, str):
        return Record(file, line, index, error=InputError(error, file, line))
    if "document" in row:
        document = row["document"]
        if not isinstance(document, str):
            message = "the row has no document (its document column is empty)"
            return Record(file, line, index, error=InputError(message, file, line))
        return jsonl_record(document, file, line, index, markets)
    fields = {k: v for k, v in row.items() if k not in CONTROL_COLUMNS}
    text = document_text(fields)
    return jsonl_record(text, file, line, index, markets)


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def report_row(report_dict: dict[str, Any], counts: tuple[str, int, bool, int]) -> dict[str, Any]:
    """The output row of one report (as a dict) and its :func:`report_counts`."""
    source = report_dict.get("source") or {}
    decision, waived, errors, worst = counts
    return {
        "file": source.get("file"),
        "line": source.get("line"),
        "index": source.get("index"),
        "decision": decision,
        "worst": worst,
        "waived": waived,
        "errors": errors,
        "problem": None,
        "report": json.dumps(report_dict, ensure_ascii=False),
    }


class ScreenBatch:
    """Screen batches of rows: the callable class for ``ray.data.Dataset.map_batches``.

    Ray builds one per actor (so one engine per actor process; durable_rules is not
    thread-safe), which loads the library from ``rules`` once, through the library cache::

        ds.map_batches(
            ScreenBatch,
            fn_constructor_kwargs={"rules": RulesBundle.of(Path("rules"))},
            batch_format="pyarrow",
            concurrency=4,
        )

    A batch may be a ``pyarrow.Table``, a ``pandas.DataFrame`` or a dict of columns; the
    result has the same form (a dict of columns for a dict), one row per input row, in order.

    ``config`` (a rule configuration, engine.overrides) is applied to every report, as
    ``clearance check --config`` applies it; findings in ``baseline`` do not count in a row's
    ``worst`` (the exit code's severity), as with ``check --baseline``.
    """

    def __init__(
        self,
        rules: RulesBundle,
        kind: str | None = None,
        markets: list[str] | None = None,
        as_of: dt.date | str | None = None,
        cache: bool = True,
        config: RuleConfig | None = None,
        baseline: Baseline | None = None,
    ) -> None:
        on = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
        root = rules.materialise()
        self.screener = Screener(load_library_cached(root, cache=cache))
        self.options = ScreenOptions(kind, markets, on)
        self.config = config
        self.baseline = baseline

    def rows(self, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """The report rows of ``rows``, in order."""
        out: list[dict[str, Any]] = []
        for position, row in enumerate(rows):
            problem = row.get("problem")
            if isinstance(problem, str):
                file = row.get("file")
                out.append({**dict.fromkeys(REPORT_COLUMNS), "file": file, "problem": problem})
                continue
            report = screen_record(
                self.screener, record_of(row, self.options.markets, position), self.options
            )
            if self.config is not None:
                self.config.apply(report)
            counted = counted_findings(report, self.baseline)
            out.append(report_row(report.to_dict(), report_counts(report, counted)))
        return out

    def __call__(self, batch: Any) -> Any:
        """The report rows of one batch, in the batch's own form."""
        if hasattr(batch, "to_pylist"):  # pyarrow.Table
            import pyarrow as pa

            rows = batch.to_pylist(maps_as_pydicts="strict")
            return pa.Table.from_pylist(self.rows(rows), schema=report_schema())
        if hasattr(batch, "to_dict"):  # pandas.DataFrame: NaN and NaT are missing values
            import pandas as pd

            plain = batch.astype(object).where(batch.notna(), None)
            return pd.DataFrame(self.rows(plain.to_dict("records")), columns=REPORT_COLUMNS)
        columns = list(batch)
        size = len(batch[columns[0]]) if columns else 0
        rows = [{c: batch[c][i] for c in columns} for i in range(size)]
        result = self.rows(rows)
        return {c: [r[c] for r in result] for c in REPORT_COLUMNS}


def report_schema() -> pyarrow.Schema:
    """The Arrow schema of report rows."""
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, arrow)()) for name, arrow, _ in REPORT_FIELDS])


def input_schema() -> pyarrow.Schema:
    """The Arrow schema of the document rows the batch readers make."""
    import pyarrow as pa

    return pa.schema(
        [
            ("file", pa.string()),
            ("line", pa.int64()),
            ("index", pa.int64()),
            ("document", pa.string()),
            ("error", pa.string()),
            ("problem", pa.string()),
        ]
    )


_frames_screeners: dict[tuple[Any, ...], ScreenBatch] = {}


def screen_frames(
    frames: Iterable[pandas.DataFrame],
    rules: RulesBundle,
    kind: str | None = None,
    markets: list[str] | None = None,
    as_of: str | None = None,
) -> Iterator[pandas.DataFrame]:
    """Report frames of input frames: the function for Spark's ``DataFrame.mapInPandas``
    (see docs/ray.md for the recipe). The engine is built once per Python worker process
    and reused for every partition it is given."""
    key = (rules.digest, kind, tuple(markets or ()), as_of)
    screen = _frames_screeners.get(key)
    if screen is None:
        screen = _frames_screeners[key] = ScreenBatch(rules, kind, markets, as_of)
    for frame in frames:
        yield screen(frame)
