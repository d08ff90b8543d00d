"""The law catalogue (rules/law/rows.yaml): valid, complete against the briefs, precise errors."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from clearance.engine.errors import PackError
from clearance.engine.law_rows import MAX_BYTES, ROWS_FILE, load_rows, row_errors, topics
from clearance.engine.library import load_library, pack_files
from clearance.engine.paths import bundled_rules_dir
from clearance.engine.yamlsafe import load_yaml

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
BRIEF = Path(os.environ.get("CLEARANCE_BRIEF_DIR", REPO.parent / "shared" / "brief"))

# Copied by hand from the briefs' tables: id -> (brief, section number).
SAMPLE = {
    "EU.GPSR.19A.MANUFACTURER": ("regulations.md", "1."),
    "EU.GPSR.19D.WARNINGS": ("regulations.md", "1."),
    "EU.ECGT.GENERIC_CLAIM": ("regulations.md", "2."),
    "EU.ECGT.FUTURE": ("regulations.md", "2."),
    "EU.CRD.GUARANTEE_NOTICE": ("regulations.md", "2."),
    "EU.VAT.IOSS_LIMIT": ("regulations.md", "3."),
    "EU.CUS.LVC_3EUR": ("regulations.md", "3."),
    "UK.VAT.LVG_135": ("regulations.md", "4."),
    "UK.KNIFE.REMOTE_SALE": ("regulations.md", "4."),
    "US.CUS.NO_DEMINIMIS": ("regulations.md", "5."),
    "US.CPSC.EFILING": ("regulations.md", "5."),
    "DE.VERPACKG.LUCID": ("regulations.md", "6."),
    "FR.AGEC.IDU": ("regulations.md", "6."),
    "CN.ADLAW.ART9_3": ("regulations.md", "7."),
    "DG.LI.SOC_2026": ("regulations.md", "8."),
    "DOC.INCOTERMS": ("regulations.md", "9."),
    "ID.BR.CPF_CNPJ": ("regulations.md", "10."),
    "GDPR.TRANSFER": ("regulations.md", "11."),
    "DSA.ART30_KYBC": ("regulations.md", "11."),
    "EU.CE.EMC": ("regulations-2.md", "1."),
    "EU.CE.RED_CYBER": ("regulations-2.md", "1."),
    "UK.NI.CE_UKNI": ("regulations-2.md", "1."),
    "EU.REACH.63_LEAD_MOUTHABLE": ("regulations-2.md", "2."),
    "EU.REACH.52_PHTHALATES_MOUTH": ("regulations-2.md", "2."),
    "EU.REACH.SVHC_ART33": ("regulations-2.md", "2."),
    "US.FTC.MUSA": ("regulations-2.md", "3."),
    "US.EAR.RU_BY": ("regulations-2.md", "3."),
    "CH.VAT.PLATFORM_2025": ("regulations-2.md", "4."),
    "MX.CUS.COURIER_2025": ("regulations-2.md", "4."),
    "JP.RADIO.GITEKI": ("regulations-2.md", "5."),
    "SA.SABER": ("regulations-2.md", "5."),
    "MKT.AMAZON.SEARCH_TERMS": ("regulations-2.md", "6."),
    "MKT.EBAY.UK_SAFETY": ("regulations-2.md", "6."),
    "AU.NZ.KNIFE.IMPORT": ("regulations-2.md", "7."),
    "CBD.JP_THC": ("regulations-2.md", "7."),
    "BR.LGPD.TRANSFER_SCC": ("regulations-2.md", "8."),
}

GOOD_ROW = """\
  - id: EU.TEST.ROW
    brief: regulations.md
    section: 1. Test section
    markets: [EU_GOODS, US-CA]
    topic: advertising
    apply: L,P
    applies_to: [listing, seller-profile]
    confidence: H/M
    summary: A test row that says what the law wants.
    sources: [https://example.org/law]
    decidable: partly
    reason: the seller-profile part is not screened
"""


def _rules_dir(tmp_path: Path, rows_text: str) -> Path:
    root = tmp_path / "rules"
    (root / "law").mkdir(parents=True)
    shutil.copy(RULES / "markets.yaml", root / "markets.yaml")
    (root / ROWS_FILE).write_text(
        'catalogue: law-rows\ncompiled: "2026-11-25"\nrows:\n' + rows_text, encoding="utf-8"
    )
    return root


def _line_of(text: str, needle: str) -> int:
    """1-based line of the file (with its 3 header lines) where ``needle`` first occurs."""
    return 3 + next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _error(root: Path) -> PackError:
    with pytest.raises(PackError) as info:
        load_rows(root)
    return info.value


# --- the bundled catalogue ---------------------------------------------------------------


def test_the_bundled_catalogue_validates() -> None:
    assert row_errors(RULES) == []
    rows = load_rows(RULES)
    assert len(rows) > 150
    assert load_rows(bundled_rules_dir()).keys() == rows.keys()


def test_every_row_id_is_unique() -> None:
    path = RULES / ROWS_FILE
    ids = [r["id"] for r in load_yaml(path.read_text(encoding="utf-8"), str(path)).data["rows"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("row_id", sorted(SAMPLE))
def test_rows_copied_from_the_briefs_are_present(row_id: str) -> None:
    row = load_rows(RULES)[row_id]
    brief, section = SAMPLE[row_id]
    assert row.brief == brief
    assert row.section.startswith(section + " ")
    assert row.summary and row.applies_to and row.markets


def test_split_ids_become_one_entry_each() -> None:
    rows = load_rows(RULES)
    for row_id in (
        "EU.ECGT.PART_AS_WHOLE",
        "EU.ECGT.FUTURE",
        "EU.CE.LVD",
        "GDPR.ART27_REP",
        "EU.REACH.63_LEAD_JEWELLERY",
        "EU.REACH.43_AZO",
        "EU.REACH.47_CRVI",
        "CH.VAT.MAILORDER_100K",
    ):
        assert row_id in rows
    assert rows["EU.ECGT.PART_AS_WHOLE"].confidence == "M"
    assert rows["EU.ECGT.FUTURE"].confidence == "H"


def test_rows_that_are_not_decidable_say_why() -> None:
    for row in load_rows(RULES).values():
        assert (row.reason is None) == (row.decidable == "yes"), row.id
    rows = load_rows(RULES)
    assert rows["EU.CUS.HANDLING_FEE"].decidable == "no"
    assert "not adopted" in (rows["EU.CUS.HANDLING_FEE"].reason or "")


def test_scope_items_keep_their_text_and_have_no_confidence() -> None:
    scope = [r for r in load_rows(RULES).values() if r.brief == "product.md"]
    assert scope
    for row in scope:
        assert row.id.startswith("SCOPE.") and row.quote and row.confidence is None


def test_refinements_point_at_the_rows_they_refine() -> None:
    rows = load_rows(RULES)
    assert rows["US.CA.PROP65_TEXT"].refines == ("US.CA.PROP65",)
    assert rows["DG.PERFUME_AEROSOL_ROAD"].refines == ("DG.AEROSOL_PERFUME",)


def test_the_readme_documents_every_topic() -> None:
    readme = (RULES / "law" / "README.md").read_text(encoding="utf-8")
    for topic in topics():
        assert f"`{topic}`" in readme, topic


def test_the_readme_states_the_totals() -> None:
    readme = " ".join((RULES / "law" / "README.md").read_text(encoding="utf-8").split())
    assert f"{len(load_rows(RULES))} entries in all" in readme


def test_the_pack_loader_skips_the_law_folder() -> None:
    assert not [p for p in pack_files(RULES) if p.relative_to(RULES).parts[0] == "law"]
    load_library(RULES)  # rows.yaml is not a pack: the library still loads


# --- against the briefs themselves (skipped where they are not available) ----------------


def _brief_rows(name: str) -> dict[str, tuple[str, dict[str, str], str]]:
    """Row ids of a brief's tables ("A / B" cells expanded) -> (section, cells by column, line)."""
    out: dict[str, tuple[str, dict[str, str], str]] = {}
    section, header = "", [""]
    for line in (BRIEF / name).read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("## "):
            section = line[3:].replace("**", "").strip()
        elif line.startswith("| Rule id"):
            header = cells
        elif line.startswith("| ") and not line.startswith("|---"):
            parts = [p.strip() for p in cells[0].split(" / ")]
            for part in parts:
                full = part if "." in part else parts[0].rsplit(".", 1)[0] + "." + part
                out[full] = (section, dict(zip(header, cells, strict=True)), line)
    return out


def _urls(text: str) -> list[str]:
    out = []
    for url in re.findall(r"https?://[^\s,;]+", text):
        url = url.rstrip(".")
        if url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        out.append(url)
    return out


@pytest.mark.skipif(not BRIEF.is_dir(), reason="../shared/brief is not available")
@pytest.mark.parametrize("name", ["regulations.md", "regulations-2.md"])
def test_every_table_row_of_the_briefs_is_in_the_catalogue(name: str) -> None:
    text = (BRIEF / name).read_text(encoding="utf-8")
    brief = _brief_rows(name)
    mine = {k: r for k, r in load_rows(RULES).items() if r.brief == name}
    assert sorted(mine) == sorted(brief)
    for row_id, (section, cells, line) in brief.items():
        row = mine[row_id]
        assert row.section == section, row_id
        assert row.apply == (cells["Apply"].replace(" ", "") if "Apply" in cells else None)
        assert set(_urls(line)) <= set(row.sources), row_id
        assert set(row.sources) <= set(_urls(text)), row_id


@pytest.mark.skipif(not BRIEF.is_dir(), reason="../shared/brief is not available")
def test_scope_items_quote_the_product_brief_verbatim() -> None:
    text = " ".join((BRIEF / "product.md").read_text(encoding="utf-8").split())
    for row in load_rows(RULES).values():
        if row.brief == "product.md":
            assert row.quote and row.quote in text, row.id
            assert row.section.split(": ", 1)[1] in text, row.id


# --- errors name the file and the line ---------------------------------------------------


def test_a_good_row_loads_with_its_line(tmp_path: Path) -> None:
    rows = load_rows(_rules_dir(tmp_path, GOOD_ROW))
    row = rows["EU.TEST.ROW"]
    assert row.line == 4 and row.file.endswith("rows.yaml")
    assert row.markets == ("EU_GOODS", "US-CA") and row.applies_to == ("listing", "seller-profile")


def test_an_unknown_topic_names_the_file_and_line(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("topic: advertising", "topic: weather")
    err = _error(_rules_dir(tmp_path, text))
    assert err.file.endswith(str(ROWS_FILE))
    assert err.line == _line_of(text, "topic: weather")
    assert "topic" in err.message and "weather" in err.message
    assert err.rule_id == "EU.TEST.ROW"


def test_a_missing_field_names_the_row(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("    summary: A test row that says what the law wants.\n", "")
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == 4 and "summary" in err.message


def test_partly_or_no_needs_a_reason(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("    reason: the seller-profile part is not screened\n", "")
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == 4 and "reason" in err.message


def test_a_bare_yes_gets_a_hint_to_quote_it(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("decidable: partly", "decidable: yes").replace(
        "    reason: the seller-profile part is not screened\n", ""
    )
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == _line_of(text, "decidable: yes")
    assert err.hint and "quote" in err.hint


def test_an_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("    summary:", "    sumary:")
    errors = row_errors(_rules_dir(tmp_path, text))
    unknown = [e for e in errors if "did you mean 'summary'" in e.message]
    assert [e.line for e in unknown] == [_line_of(text, "sumary:")]


def test_a_duplicate_id_points_at_the_second_one(tmp_path: Path) -> None:
    text = GOOD_ROW + GOOD_ROW
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == 3 + GOOD_ROW.count("\n") + 1
    assert "duplicate row id EU.TEST.ROW (first at line 4)" in err.message


def test_applies_to_must_match_the_apply_code(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("applies_to: [listing, seller-profile]", "applies_to: [listing]")
    err = _error(_rules_dir(tmp_path, text))
    assert err.line == _line_of(text, "applies_to:")
    assert "does not match apply 'L,P'" in err.message


def test_unknown_market_groups_and_rows_are_refused(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("[EU_GOODS, US-CA]", "[EUROPE]") + "    related: [NO.SUCH_ROW]\n"
    errors = row_errors(_rules_dir(tmp_path, text))
    assert [e.message for e in errors] == [
        "unknown market group 'EUROPE'",
        "related names unknown row NO.SUCH_ROW",
    ]
    assert errors[0].line == _line_of(text, "markets:")
    assert errors[1].line == _line_of(text, "related:")


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    text = GOOD_ROW.replace("topic: advertising", "topic: [advertising")
    err = _error(_rules_dir(tmp_path, text))
    assert err.file.endswith("rows.yaml") and err.line is not None
    assert "invalid YAML" in err.message


def test_a_missing_or_oversized_catalogue_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _rules_dir(tmp_path, GOOD_ROW)
    monkeypatch.setattr("clearance.engine.law_rows.MAX_BYTES", 100)
    assert "more than the limit of 100" in _error(root).message
    monkeypatch.setattr("clearance.engine.law_rows.MAX_BYTES", MAX_BYTES)
    (root / ROWS_FILE).unlink()
    assert "does not exist" in _error(root).message
