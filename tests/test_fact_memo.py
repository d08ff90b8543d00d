"""Operands are computed once per document and shared across markets and chunks (issue 12)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from clearance.engine.library import Library
from clearance.engine.screening import Screener
from clearance.engine.terms import Hit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from catalogue import catalogue


class _CountingMatcher:
    """A term matcher that counts how often each text is searched."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()

    def find(self, text: str) -> list[Hit]:
        self.calls[text] += 1
        result: list[Hit] = self.inner.find(text)
        return result


def test_each_text_is_searched_once_per_document(library: Library) -> None:
    screener = Screener(library)
    doc = next(d for d in catalogue(50) if len(d["markets"]) > 1)
    expected = screener.screen(doc).to_dict()
    counting = _CountingMatcher(screener.matcher)
    screener.matcher = counting  # type: ignore[assignment]
    report = screener.screen(doc).to_dict()
    assert report == expected
    assert counting.calls
    occurrences = Counter(_strings(doc))
    for text, calls in counting.calls.items():  # once per place the text is in the document
        assert calls <= occurrences[text], text


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []
