"""``clearance batch``'s runner: screen JSON Lines or Parquet files on a Ray cluster.

The driver lists the input files (local paths, or URIs that ``pyarrow.fs`` opens: ``s3://``,
``gs://``, ``abfs://``, ``hdfs://``, ``file://``); Ray Data reads each file in a task of its own
(:class:`FileSource`), an actor pool of :class:`~clearance.cli.batch_records.ScreenBatch`
screens the rows (one engine per actor process), and the driver receives the reports in input
order and writes them to one output file, JSON Lines or Parquet, counting the run's summary and
exit code as they arrive. Nothing is kept per document, so the driver's memory stays flat.

Ray is imported only when a batch runs (``pip install 'clearance[ray]'``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from clearance.cli.baseline import Baseline
from clearance.cli.batch_records import (
    RulesBundle,
    ScreenBatch,
    input_schema,
    jsonl_file_rows,
    parquet_rows,
    problem_row,
    report_schema,
)
from clearance.cli.inputs import EXTENSIONS
from clearance.cli.parallel import RunTally
from clearance.engine.errors import EngineError, InputError
from clearance.engine.overrides import RuleConfig

if TYPE_CHECKING:
    import pyarrow

BLOCK_ROWS = 512
"""Rows per block a read task hands to Ray: small enough that every actor gets work soon."""
BATCH_ROWS = 64
"""Rows an actor screens per call."""
LOCAL_OBJECT_STORE = 256 * 1024 * 1024
"""The object store of a Ray instance ``clearance batch`` starts itself (bytes)."""
BATCH_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
OUTPUT_FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True)
class InputFile:
    """One file to read: where (a local path or a URI), its name in reports, its format."""

    location: str
    name: str
    format: str
    size: int


def list_inputs(
    inputs: list[str], fmt: str | None, skipped: list[str] | None = None
) -> tuple[list[InputFile], list[InputError]]:
    """The files named, with directories expanded (sorted) to the JSON Lines and Parquet files
    inside; what cannot be found or read is returned as errors, the rest is still listed.
    Files in a directory that ``clearance check`` reads but a batch does not (JSON, CSV, XML)
    are added to ``skipped``."""
    from pyarrow import fs as pafs

    files: list[InputFile] = []
    problems: list[InputError] = []
    skipped = skipped if skipped is not None else []
    for given in inputs:
        try:
            filesystem, path = _filesystem(given)
            info = filesystem.get_file_info(path)
            if info.type == pafs.FileType.NotFound:
                raise InputError("no such file", source=given)
            if info.type == pafs.FileType.Directory:
                selector = pafs.FileSelector(path, recursive=True)
                found = sorted(
                    (i for i in filesystem.get_file_info(selector) if i.is_file),
                    key=lambda i: PurePosixPath(i.path).parts,  # as `clearance check` sorts
                )
                for child in found:
                    suffix = PurePosixPath(child.path).suffix.lower()
                    name = _child_name(given, path, child.path)
                    if suffix in BATCH_FORMATS:
                        location = _child_location(given, child.path)
                        chosen = fmt or BATCH_FORMATS[suffix]
                        files.append(InputFile(location, name, chosen, child.size or 0))
                    elif suffix in EXTENSIONS:
                        skipped.append(name)
                continue
            named = fmt or BATCH_FORMATS.get(Path(path).suffix.lower())
            if named is None:
                raise InputError(
                    "cannot tell the format from the file name; use --input-format jsonl or "
                    "parquet",
                    source=given,
                )
            files.append(InputFile(given, given, named, info.size or 0))
        except InputError as exc:
            problems.append(exc)
        except (OSError, ValueError) as exc:
            problems.append(InputError(f"cannot read: {exc}", source=given))
    return files, problems


def _filesystem(location: str) -> tuple[Any, str]:
    from pyarrow import fs as pafs

    if "://" in location:
        filesystem, path = pafs.FileSystem.from_uri(location)
        return filesystem, path
    return pafs.LocalFileSystem(), str(Path(location).absolute())


def _child_name(given: str, root: str, child: str) -> str:
    relative = child[len(root) :].lstrip("/")
    if "://" in given:
        return given.rstrip("/") + "/" + relative
    return str(Path(given) / relative)


def _child_location(given: str, child: str) -> str:
    if "://" in given:
        return f"{given.split('://', 1)[0]}://{child}"
    return child


def read_file(file: InputFile) -> Iterator[pyarrow.Table]:
    """The blocks of one file's rows; a file that cannot be read becomes one problem row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = input_schema()
    rows: list[dict[str, Any]] = []
    try:
        filesystem, path = _filesystem(file.location)
        with contextlib.ExitStack() as opened:
            if file.format == "parquet":
                handle = opened.enter_context(filesystem.open_input_file(path))
                found = parquet_rows(pq.ParquetFile(handle), file.name)
            else:
                stream = opened.enter_context(filesystem.open_input_stream(path))
                found = jsonl_file_rows(_Lines(stream), file.name)
            for row in found:
                rows.append(row)
                if len(rows) >= BLOCK_ROWS:
                    yield pa.Table.from_pylist(rows, schema=schema)
                    rows = []
    except InputError as exc:
        rows.append(problem_row(file.name, exc))
    except (OSError, pa.ArrowException) as exc:
        rows.append(problem_row(file.name, InputError(f"cannot read: {exc}", source=file.name)))
    if rows:
        yield pa.Table.from_pylist(rows, schema=schema)


class _Lines:
    """``readline`` over a pyarrow input stream (which has none), read in large chunks: what
    :func:`clearance.cli.inputs.file_lines` needs to read a line with a length limit."""

    def __init__(self, stream: Any, chunk: int = 1 << 20) -> None:
        self.stream, self.chunk = stream, chunk
        self.buffer, self.pos, self.eof = b"", 0, False

    def readline(self, limit: int = -1) -> bytes:
        """The next line, ``b"\n"`` kept; at most ``limit`` bytes of it (when not negative)."""
        while True:
            end = self.buffer.find(b"\n", self.pos)
            if end >= 0 and (limit < 0 or end - self.pos < limit):
                return self._take(end + 1)
            if 0 <= limit <= len(self.buffer) - self.pos:
                return self._take(self.pos + limit)
            if self.eof:
                return self._take(len(self.buffer))
            data = self.stream.read(self.chunk)
            self.eof = not data
            self.buffer, self.pos = self.buffer[self.pos :] + data, 0

    def _take(self, end: int) -> bytes:
        line, self.pos = self.buffer[self.pos : end], end
        return line


def file_source(files: list[InputFile]) -> Any:
    """A Ray Data datasource with one read task per file, in the order given."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class FileSource(Datasource):
        """One read task per input file."""

        def estimate_inmemory_data_size(self) -> int | None:
            return sum(f.size for f in files) or None

        def get_read_tasks(
            self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
        ) -> list[ReadTask]:
            return [
                ReadTask(
                    functools.partial(read_file, f),
                    BlockMetadata(
                        num_rows=None, size_bytes=f.size, exec_stats=None, input_files=(f.name,)
                    ),
                    schema=input_schema(),
                )
                for f in files
            ]

    return FileSource()  # type: ignore[no-untyped-call]


@dataclass
class BatchRun:
    """What ``clearance batch`` screens and how."""

    inputs: list[str]
    output: str
    output_format: str
    rules: RulesBundle
    kind: str | None
    markets: list[str] | None
    as_of: str | None
    fail_on: str
    actors: int
    address: str | None = None
    input_format: str | None = None
    cache: bool = True
    config: RuleConfig | None = None
    baseline: Baseline | None = None


def run(
    batch: BatchRun, warn: Callable[[str], None], note: Callable[[str], None]
) -> tuple[RunTally, int]:
    """Screen every input on Ray and write the reports; the run's tally and how many files
    could not be read (each is passed to ``warn``; ``note`` is told what was skipped). The
    output file appears only when complete; Ray is not started when no file can be read."""
    skipped: list[str] = []
    files, problems = list_inputs(batch.inputs, batch.input_format, skipped)
    for problem in problems:
        warn(str(problem))
    if skipped:
        note(
            f"{len(skipped)} file(s) skipped: a batch reads JSON Lines and Parquet only "
            f"(clearance check reads the others), e.g. {skipped[0]}"
        )
    tally = RunTally(batch.fail_on)
    unreadable = len(problems)
    with _writer(batch.output, batch.output_format) as write:
        if files:
            unreadable += _screen(batch, files, tally, write, warn, note)
    return tally, unreadable


def _screen(
    batch: BatchRun,
    files: list[InputFile],
    tally: RunTally,
    write: Callable[[pyarrow.Table], None],
    warn: Callable[[str], None],
    note: Callable[[str], None],
) -> int:
    """Screen ``files`` on Ray (started here unless it runs already), counting and writing the
    reports as they arrive in input order; the number of files that could not be read."""
    # Ray's own notes (on stderr) would drown the run's errors; its logs keep them, and setting
    # RAY_BACKEND_LOG_LEVEL shows its core's again.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    import ray
    import ray.data

    started = not ray.is_initialized()
    try:
        if started and batch.address:
            ray.init(address=batch.address, log_to_driver=False, logging_level=logging.ERROR)
        elif started:  # the actors and one core's worth of reading
            ray.init(
                num_cpus=batch.actors + 1,
                object_store_memory=LOCAL_OBJECT_STORE,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.ERROR,
            )
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError...
        where = f"the Ray cluster at {batch.address}" if batch.address else "a local Ray instance"
        raise EngineError(f"cannot start or reach {where}: {exc}") from None
    unreadable = 0
    try:
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        actors = batch.actors
        cpus = int(ray.cluster_resources().get("CPU", 0))  # type: ignore[no-untyped-call]
        if actors >= cpus:  # an actor holds a CPU for the whole run: leave one for reading
            actors = max(cpus - 1, 1)
            note(f"the cluster has {cpus} CPU(s): {actors} actor(s) and the file readers")
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        reading = {"num_cpus": 0, "concurrency": 1} if cpus <= actors else {}
        dataset = ray.data.read_datasource(file_source(files), **reading).map_batches(
            ScreenBatch,
            fn_constructor_kwargs={
                "rules": batch.rules,
                "kind": batch.kind,
                "markets": batch.markets,
                "as_of": batch.as_of,
                "cache": batch.cache,
            },
            batch_size=BATCH_ROWS,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=actors),
        )
        for table in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
            unreadable += _take(table, tally, write, warn)
    except ray.exceptions.RayError as exc:  # a task or actor failed: nothing is written
        raise EngineError(f"the Ray run failed, no reports written: {_cause(exc)}") from None
    finally:
        if started:
            ray.shutdown()
    return unreadable


def _cause(exc: BaseException) -> str:
    """What a Ray error says went wrong: Clearance's own error when a worker raised one (Ray
    quotes it in its message), else the message's first line."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in str(exc).splitlines()]
    lines = [line for line in lines if line]
    ours = [line for line in lines if line.startswith("clearance.")]
    return ours[-1] if ours else (lines[0] if lines else type(exc).__name__)


def _take(
    table: pyarrow.Table,
    tally: RunTally,
    write: Callable[[pyarrow.Table], None],
    warn: Callable[[str], None],
) -> int:
    """Count one batch of report rows and write its reports; the number of problem rows."""
    import pyarrow.compute as pc

    problems = table.filter(pc.invert(pc.is_null(table["problem"])))
    for message in problems["problem"].to_pylist():
        warn(message)
    reports = table.filter(pc.is_null(table["problem"]))
    for decision, waived, errors, worst in zip(
        reports["decision"].to_pylist(),
        reports["waived"].to_pylist(),
        reports["errors"].to_pylist(),
        reports["worst"].to_pylist(),
        strict=True,
    ):
        tally.add_counts(decision, waived, errors, worst)
    if reports.num_rows:
        write(reports)
    return int(problems.num_rows)


OUTPUT_COLUMNS = ("file", "line", "index", "decision", "report")


@contextlib.contextmanager
def _writer(output: str, fmt: str) -> Iterator[Callable[[pyarrow.Table], None]]:
    """A function that appends report rows to ``output``. A local file is written beside its
    final name and renamed into place when the run succeeds (else removed); a URI is written
    where it is (object stores publish an object only when it is closed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    local = "://" not in output
    target = Path(output)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp") if local else None
    filesystem, path = _filesystem(str(temporary) if temporary else output)
    stream = filesystem.open_output_stream(path)
    schema = report_schema()
    # written with its schema from the start, so a run without a report is a valid empty file
    parquet = (
        pq.ParquetWriter(stream, pa.schema([schema.field(c) for c in OUTPUT_COLUMNS]))
        if fmt == "parquet"
        else None
    )

    def write(table: pyarrow.Table) -> None:
        if parquet is not None:
            parquet.write_table(table.select(list(OUTPUT_COLUMNS)))
        else:
            stream.write("".join(f"{r}\n" for r in table["report"].to_pylist()).encode("utf-8"))

    ok = False
    try:
        yield write
        ok = True
    finally:
        if parquet is not None:
            parquet.close()
        stream.close()
        if temporary is not None:
            if ok:
                os.replace(temporary, target)
            else:
                temporary.unlink(missing_ok=True)
