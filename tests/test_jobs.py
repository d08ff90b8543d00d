"""`clearance check --jobs N`: worker processes, reports in input order and identical to a
single-process run; the run's totals and exit code computed as reports stream past."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clearance.cli.main import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _run(*args: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, [line for line in result.stdout.splitlines() if line.startswith("{")]


def test_two_workers_give_the_same_reports_in_the_same_order(tmp_path: Path) -> None:
    # the examples, three times over, so that each worker gets several chunks
    lines = (REPO / "examples" / "detailed-listings.jsonl").read_text("utf-8").splitlines()
    lines += (REPO / "examples" / "listings.jsonl").read_text("utf-8").splitlines()
    big = tmp_path / "many.jsonl"
    big.write_text("\n".join(lines * 3) + "\n{not json}\n", encoding="utf-8")
    files = [str(big), str(REPO / "examples" / "orders.json"), str(REPO / "examples")]
    one_code, one = _run(*files, "--format", "jsonl", "--jobs", "1")
    two_code, two = _run(*files, "--format", "jsonl", "--jobs", "2")
    assert len(one) >= 3 * len(lines) + 1
    assert one == two
    assert one_code == two_code == 2  # the line that is not JSON
    ids = [json.loads(line)["id"] for line in one]
    assert ids[: len(lines)] == [json.loads(line).get("id") for line in lines]


def test_text_totals_are_kept_without_keeping_reports() -> None:
    args = ["check", str(REPO / "examples"), "--fail-on", "review"]
    one = runner.invoke(app, args)
    two = runner.invoke(app, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert "document(s):" in one.stdout.strip().splitlines()[-1]


def test_json_lines_are_read_as_they_are_screened(tmp_path: Path) -> None:
    """The file is read line by line, not whole: a line appended after the first record was
    read is still read (memory does not grow with the file)."""
    from clearance.cli.inputs import read

    path = tmp_path / "stream.jsonl"
    doc = {"kind": "listing", "id": "L-1", "markets": ["DE"], "title": "Keramiktasse"}
    path.write_text("\ufeff" + json.dumps(doc) + "\n", encoding="utf-8")
    records = read(path)
    first = next(records)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n" + json.dumps({**doc, "id": "L-2"}) + "\n")
    rest = list(records)
    assert first.data["id"] == "L-1" and [r.data["id"] for r in rest] == ["L-2"]
    assert rest[0].line == 3
