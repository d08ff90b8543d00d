"""The labelled set of bench/bench_party_quality.py is well formed. Its figures are printed by
the script and never asserted (no timing, no recall threshold here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "bench_party_quality.py"
BUNDLED_UN = REPO / "rules" / "data" / "sanctions" / "un.json"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_party_quality", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bq = _load()

TINY: list[dict[str, Any]] = [
    {
        "id": "48603",
        "list": "ofac",
        "type": "individual",
        "names": ["KHOROSHEV, Dmitry Yuryevich", "KHOROSHEV, Dmitriy Yurevich"],
        "countries": ["RU"],
        "programmes": ["CYBER2"],
    },
    {
        "id": "6908090",
        "list": "un",
        "type": "individual",
        "names": [
            "OMAR SABAWI IBRAHIM HASAN AL-TIKRITI",
            "Umar Sabawi Ibrahim Hasan Al-Tikriti",
            "Mohammad Islami; Mohamed Islami; Mohammed Islami",
            "Abu Muhammad (original script: Абу Мухаммад)",
            "Chairman",
            "عمر سبعاوي إبراهيم حسن التكريتي",
        ],
        "countries": ["IQ", "SY"],
        "programmes": ["IQ"],
    },
    {
        "id": "7777",
        "list": "ofac",
        "type": "entity",
        "names": ["IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY", "HESA TRADE CENTER LTD."],
        "countries": ["IR"],
        "programmes": ["NPWMD"],
    },
    {
        "id": "6908024",
        "list": "un",
        "type": "entity",
        "names": ["BUTEMBO AIRLINES (BAL)"],
        "countries": ["CD"],
        "programmes": ["DRC"],
    },
    {"id": "V1", "list": "ofac", "type": "vessel", "names": ["IRIS MAKRAN"], "countries": []},
]
LOW = {"un:6908090": frozenset({"chairman"})}


def _check(labelled: Any, entries: list[dict[str, Any]]) -> None:
    keys = {bq.entry_key(e) for e in entries if e["type"] in bq.SCREENED_TYPES}
    forms = bq.listed_forms(entries)
    for case in labelled.listed:
        assert case.kind == "listed"
        assert case.name == case.name.strip() and case.name
        assert case.expected in keys, case
        assert case.cls in bq.LISTED_CLASSES, case
        assert case.source, case
        assert case.entry_type in bq.SCREENED_TYPES
    for case in labelled.clean:
        assert case.kind == "clean" and not case.expected
        assert case.name == case.name.strip() and case.name
        assert bq.canon(case.name) not in forms, f"{case.name!r} is a listed name"
        assert case.countries and len(case.countries[0]) == 2
    assert len({bq.canon(c.name) for c in labelled.clean}) == len(labelled.clean)


def test_tiny_set_is_labelled_and_deterministic() -> None:
    first = bq.build_set(TINY, seed=3, n_entries=10, low_quality=LOW, persons_per_culture=5)
    again = bq.build_set(TINY, seed=3, n_entries=10, low_quality=LOW, persons_per_culture=5)
    assert first.listed == again.listed and first.clean == again.clean
    _check(first, TINY)
    classes = {c.cls for c in first.listed}
    for expected in (
        bq.AS_LISTED,
        bq.ALIAS,
        bq.SPLIT_ALIAS,
        bq.SCRIPT,
        bq.LOW_ALIAS,
        bq.WORD_ORDER,
        bq.MIDDLE,
        bq.FORM_ADDED,
        bq.FORM_REMOVED,
        bq.FORM_CHANGED,
        bq.PAREN,
        bq.TRANSLIT,
        bq.TYPO,
        bq.CYRILLIC,
    ):
        assert expected in classes, expected
    assert not any(c.expected == "ofac:V1" for c in first.listed), "vessels are not screened"
    low = [c for c in first.listed if c.cls == bq.LOW_ALIAS]
    assert [c.name for c in low] == ["Chairman"] and not low[0].headline
    split = {c.name for c in first.listed if c.cls == bq.SPLIT_ALIAS}
    assert {"Mohamed Islami", "Mohammed Islami", "Abu Muhammad"} <= split
    other_seed = bq.build_set(TINY, seed=4, n_entries=10, low_quality=LOW, persons_per_culture=5)
    assert other_seed.listed != first.listed


def test_clean_name_equal_to_a_listed_one_is_dropped() -> None:
    entries = [
        *TINY,
        {"id": "1", "list": "un", "type": "individual", "names": ["REZA AHMADI"]},
        {"id": "2", "list": "un", "type": "entity", "names": ["GLOBAL TRADING COMPANY"]},
    ]
    labelled = bq.build_set(entries, seed=7, n_entries=10, persons_per_culture=40)
    dropped = {bq.canon(name) for name, _ in labelled.dropped_clean}
    assert bq.canon("Global Trading Co., Ltd") in dropped  # legal forms do not make it clean
    assert all(bq.canon(c.name) != bq.canon("Reza Ahmadi") for c in labelled.clean)
    _check(labelled, entries)


def test_names_split_and_perturbed() -> None:
    assert bq.split_name("A B; C D") == ["A B", "C D"]
    assert bq.split_name("Abu Muhammad (original script: Абу Мухаммад)") == [
        "Abu Muhammad",
        "Абу Мухаммад",
    ]
    assert bq.split_name("BUTEMBO AIRLINES (BAL)") == ["BUTEMBO AIRLINES (BAL)"]
    assert bq.split_name("Jin Tiesan (金铁三)") == ["Jin Tiesan", "金铁三"]
    assert bq.split_name("Mohammed Sabet; Mohammad Sabet b) M. Javad Sabet") == [
        "Mohammed Sabet",
        "Mohammad Sabet",
        "M. Javad Sabet",
    ]
    assert bq.natural_order("KHOROSHEV, Dmitry Yuryevich") == "Dmitry Yuryevich KHOROSHEV"
    assert bq.to_cyrillic("KHOROSHEV, Dmitry") == "Дмитрий Хорошев"
    assert bq.p_form_removed("HESA TRADE CENTER LTD.", bq.random.Random(1)) == "HESA TRADE CENTER"
    assert bq.p_form_added("HESA TRADE CENTER LTD.", bq.random.Random(1)) is None
    assert bq.p_translit("YUSUF OMAR", bq.random.Random(1)) not in (None, "YUSUF OMAR")


@pytest.mark.skipif(not BUNDLED_UN.exists(), reason="no bundled UN list")
def test_slice_of_the_real_un_list() -> None:
    entries = json.loads(BUNDLED_UN.read_text(encoding="utf-8"))["entries"][:40]
    labelled = bq.build_set(entries, seed=7, n_entries=40, persons_per_culture=3)
    assert len(labelled.listed) >= 40 and labelled.entries_sampled >= 30
    _check(labelled, entries)


def test_screening_a_few_cases_gives_well_formed_results() -> None:
    from clearance.engine.parties import PartyScreener

    labelled = bq.build_set(TINY, seed=3, n_entries=10, low_quality=LOW, persons_per_culture=2)
    cases = labelled.listed[:10] + labelled.clean[:5]
    results = bq.screen(PartyScreener(TINY), cases, "third", 92.0, 80.0, "DE")
    assert [r.case for r in results] == cases
    for result in results:
        assert result.country and result.country not in result.case.countries
        assert result.review or not result.block
        if result.case.kind == "listed" and result.block:
            assert result.score is not None and result.score >= 92.0
    as_listed = [r for r in results if r.case.cls == bq.AS_LISTED]
    assert as_listed and all(r.review for r in as_listed)
