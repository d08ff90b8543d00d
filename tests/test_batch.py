"""`clearance batch` on a local Ray instance: the same reports as `clearance check --jobs 1` and
`--jobs 2`, from JSON Lines and Parquet, to JSON Lines and Parquet; bad lines and unreadable
files reported while the rest is screened; the output file appears only complete.

One Ray instance is started for the module (the command reuses a running instance, as it does
on a cluster); one test runs the command as a user does, in a process of its own that starts
and stops its own instance.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

ray = pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from clearance.cli.main import app  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from catalogue import catalogue  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    ray.init(num_cpus=3, object_store_memory=128 * 1024 * 1024, include_dashboard=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Two files and a directory: realistic listings, the examples, blank lines, a line that
    is not JSON, one that is not UTF-8, a listing with no markets (takes --market)."""
    base = tmp_path_factory.mktemp("batch")
    docs = [json.dumps(d, ensure_ascii=False) for d in catalogue(300, seed=11)]
    big = base / "catalogue.jsonl"
    big.write_bytes(
        ("\n".join(docs[:150]) + "\n\n{not json}\n").encode()
        + b'{"kind": "listing", "title": "caf\xe9"}\n'
        + ("\n".join(docs[150:]) + "\n").encode()
    )
    nomarket = base / "nomarket.ndjson"
    nomarket.write_text(
        json.dumps({"kind": "listing", "id": "N-1", "title": "Kinder Laser-Pointer 5 mW"}) + "\n",
        encoding="utf-8",
    )
    folder = base / "examples"
    folder.mkdir()
    for name in ("listings.jsonl", "detailed-listings.jsonl"):
        (folder / name).write_bytes((REPO / "examples" / name).read_bytes())
    return [str(big), str(nomarket), str(folder)]


def _check(files: list[str], *extra: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["check", *files, "--format", "jsonl", *extra])
    return result.exit_code, [line for line in result.stdout.splitlines() if line.startswith("{")]


def _batch(files: list[str], output: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["batch", *files, "--output", str(output), *extra])
    if result.exit_code not in (0, 1, 2) or not isinstance(result.exception, SystemExit | None):
        raise AssertionError(f"the command failed: {result.exception!r}") from result.exception
    return result.exit_code, result.stderr


def test_batch_reports_equal_check_with_one_and_two_jobs(
    local_ray: None, inputs: list[str], tmp_path: Path
) -> None:
    options = ["--market", "DE", "--as-of", "2026-11-30", "--fail-on", "review"]
    one_code, one = _check(inputs, *options, "--jobs", "1")
    two_code, two = _check(inputs, *options, "--jobs", "2")
    output = tmp_path / "reports.jsonl"
    code, stderr = _batch(inputs, output, *options, "--actors", "2")
    assert output.exists(), stderr
    batch = output.read_text("utf-8").splitlines()
    assert len(one) == 300 + 2 + 1 + 7  # the catalogue, two bad lines, N-1, the examples
    assert one == two == batch
    assert one_code == two_code == code == 2  # two lines could not be read
    assert "310 document(s)" in stderr
    by_id = {json.loads(line).get("id"): json.loads(line) for line in batch}
    assert by_id["N-1"]["markets"] == ["DE"]
    bad = [json.loads(line) for line in batch if json.loads(line)["errors"]]
    assert [r["source"]["line"] for r in bad] == [152, 153]
    assert "not valid UTF-8" in bad[1]["errors"][0]["message"]


def test_parquet_in_and_out(local_ray: None, tmp_path: Path) -> None:
    docs = list(catalogue(120, seed=5))
    lines = tmp_path / "docs.jsonl"
    lines.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    table = tmp_path / "docs.parquet"
    # a schema from every row (from_pylist would take the first row's only)
    pq.write_table(pa.Table.from_struct_array(pa.array(docs)), table, row_group_size=50)
    _, expected = _check([str(lines)])
    output = tmp_path / "reports.parquet"
    code, _ = _batch([str(table)], output, "--actors", "2")
    assert code == 1
    written = pq.read_table(output)
    assert written.column_names == ["file", "line", "index", "decision", "report"]
    reports = [json.loads(r) for r in written["report"].to_pylist()]
    want = [json.loads(r) for r in expected]
    # the same reports; a Parquet row has an index but no line
    assert [r.pop("source") for r in reports] == [
        {"file": str(table), "line": None, "index": i} for i in range(120)
    ]
    for r in want:
        r.pop("source")
    assert reports == want
    assert written["decision"].to_pylist() == [r["decision"] for r in want]


def test_unreadable_files_are_reported_and_the_rest_screened(
    local_ray: None, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    good = REPO / "examples" / "listings.jsonl"
    output = tmp_path / "out.jsonl"
    code, stderr = _batch([str(tmp_path / "missing.jsonl"), str(empty), str(good)], output)
    assert code == 2
    assert "missing.jsonl: no such file" in stderr
    assert "empty.jsonl:1: file is empty" in stderr
    assert "2 file(s) unreadable" in stderr
    assert len(output.read_text("utf-8").splitlines()) == len(good.read_text("utf-8").splitlines())


def test_a_failed_run_leaves_no_output_and_no_stray_file(local_ray: None, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("previous run\n", encoding="utf-8")
    bad = tmp_path / "rules"
    bad.mkdir()
    (bad / "broken.yaml").write_text("pack: [unclosed\n", encoding="utf-8")
    code, _ = _batch([str(REPO / "examples" / "listings.jsonl")], output, "--rules", str(bad))
    assert code == 2
    assert output.read_text("utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "rules"]


def test_the_command_starts_its_own_ray_instance(tmp_path: Path) -> None:
    """As a user runs it: a process of its own that starts Ray on this machine and stops it."""
    output = tmp_path / "out.jsonl"
    examples = [str(REPO / "examples" / "listings.jsonl")]
    result = subprocess.run(
        [sys.executable, "-m", "clearance", "batch", *examples, "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    _, expected = _check(examples)
    assert result.returncode == 1, result.stderr
    assert output.read_text("utf-8").splitlines() == expected
    assert "document(s)" in result.stderr and "Traceback" not in result.stderr


def test_the_writer_removes_its_temporary_file_when_the_run_fails(tmp_path: Path) -> None:
    from clearance.cli.batch_records import report_schema
    from clearance.cli.ray_batch import _writer

    output = tmp_path / "out.parquet"
    output.write_bytes(b"previous")
    rows = pa.Table.from_pylist(
        [{"file": "a", "line": 1, "index": 0, "decision": "pass", "report": "{}"}],
        schema=report_schema(),
    )
    with pytest.raises(RuntimeError), _writer(str(output), "parquet") as write:
        write(rows)
        raise RuntimeError("an actor died")
    assert output.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]
    with _writer(str(output), "parquet") as write:
        write(rows)
    assert pq.read_table(output)["decision"].to_pylist() == ["pass"]


def test_nothing_readable_writes_an_empty_output_without_starting_ray(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearance.cli import ray_batch

    def no_ray(*args: object) -> int:
        raise AssertionError("Ray was started with nothing to screen")

    monkeypatch.setattr(ray_batch, "_screen", no_ray)
    output = tmp_path / "out.jsonl"
    code, stderr = _batch([str(tmp_path / "nothing.jsonl")], output)
    assert code == 2 and "nothing.jsonl: no such file" in stderr
    assert output.read_bytes() == b""


def test_a_worker_that_fails_stops_the_run_with_its_error_and_writes_nothing(
    local_ray: None, tmp_path: Path
) -> None:
    """A library the workers cannot load (the command checks it on the driver first; here it
    is broken on purpose): the run fails with the workers' own error and leaves no file."""
    from clearance.cli.batch_records import RulesBundle
    from clearance.cli.ray_batch import BatchRun, run
    from clearance.engine.errors import EngineError

    broken = RulesBundle((("markets.yaml", b"groups: [unclosed\n"),), "f" * 64)
    output = tmp_path / "out.jsonl"
    job = BatchRun(
        [str(REPO / "examples" / "listings.jsonl")],
        str(output),
        "jsonl",
        broken,
        None,
        None,
        None,
        "block",
        2,
    )
    with pytest.raises(EngineError, match=r"PackErrors: .*markets\.yaml:2: invalid YAML"):
        run(job, warn=print, note=print)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("chunk", [1, 3, 64])
def test_lines_of_a_stream_are_split_as_check_splits_a_file(
    chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearance.cli import inputs
    from clearance.cli.ray_batch import _Lines

    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 20)  # the line of 40 x is too long
    data = b'\xef\xbb\xbf{"a": 1}\n\n' + b"x" * 40 + b'\n{"b": 2}\r\n' + b"y" * 7
    path = tmp_path / "lines.jsonl"
    path.write_bytes(data)
    with path.open("rb") as handle:
        expected = list(inputs.file_lines(handle))
    got = list(inputs.file_lines(_Lines(pa.BufferReader(data), chunk)))  # type: ignore[arg-type]
    assert got == expected
    assert [type(x) for x in got] == [type(x) for x in expected]


def test_a_broken_rule_configuration_stops_the_run_before_ray(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearance.cli import ray_batch

    def no_ray(*args: object) -> int:
        raise AssertionError("Ray was started with a broken configuration")

    monkeypatch.setattr(ray_batch, "run", no_ray)
    config = tmp_path / "clearance-rules.yaml"
    config.write_text("rules:\n  NO.SUCH.RULE:\n    enabled: false\n    reason: x\n")
    output = tmp_path / "out.jsonl"
    code, stderr = _batch([str(tmp_path / "x.jsonl")], output, "--config", str(config))
    assert code == 2 and "NO.SUCH.RULE" in stderr and "nothing was screened" in stderr
    assert not output.exists()
