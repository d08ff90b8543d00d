"""JSON array files are read item by item, with the same items as a whole-file json.loads, and
in bounded memory."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from clearance.cli import json_stream
from clearance.cli.json_stream import array_items, is_streamable

WELL_FORMED = [
    '[1, 2.50, 1e400, 123456789012345678901234567890, "\\u00e9", {"a": [1, {"b": null}]}, true]',
    '[{"a": "' + "x" * 100 + '"}]  \n',
    "[-0.0, 12]",
    "[1]\n\n",
]
REFUSED = ["[1,]", "[1 2]", "[]", "[NaN]", "[1] x", '{"a": 1}', "", "[1", '["\\ud800"']


@pytest.mark.parametrize("text", WELL_FORMED)
def test_items_are_those_of_json_loads(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_stream, "CHUNK_CHARS", 7)  # items and numbers cross chunks
    path = tmp_path / "f.json"
    path.write_text(text, encoding="utf-8")
    assert is_streamable(path)
    assert repr(list(array_items(path))) == repr(json.loads(text))


@pytest.mark.parametrize("text", REFUSED)
def test_anything_else_is_left_to_the_whole_file_reader(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.json"
    path.write_text(text, encoding="utf-8")
    assert not is_streamable(path)


def test_memory_does_not_grow_with_the_number_of_items(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    item = {"kind": "listing", "id": "x" * 20, "title": "a tiny listing " * 5}
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[" + ",\n".join(json.dumps({**item, "n": i}) for i in range(50_000)) + "]")
    assert path.stat().st_size > 5_000_000
    tracemalloc.start()
    count = sum(1 for _ in array_items(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 50_000
    assert peak < 1_000_000  # a window of the file, not the file
