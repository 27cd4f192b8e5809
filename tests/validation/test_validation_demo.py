"""The demo's deliberate mistakes are all found, and nothing else."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from workbook import schema
from workbook.demo import run_demo
from workbook.demo_mistakes import MISTAKES
from workbook.findings import a1
from workbook.reading import read_workbook
from workbook.validation import validate_workbook, validate_workbooks


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    outdir = tmp_path_factory.mktemp("demo")
    return run_demo(outdir)


def test_demo_mistakes_are_found_and_nothing_else(demo):
    groups = {}
    for path in sorted((demo.outdir / "so-to-gui-lai").glob("*.xlsx")):
        data = read_workbook(path, sheets=("to_cong_doan",))
        groups[path.name] = data.stamp["ma_to"]
    report = read_receipts(demo.outdir)
    found = {(code, groups[file], row_key) for code, file, row_key in report}
    assert found == {(m.code, m.group, m.row_key) for m in MISTAKES}
    assert len(report) == len(MISTAKES)


CODE = schema.sheet("kiem_tra").keys.index("ma_loi")  # the code's column (narrow, last)


def read_receipts(demo):
    """Findings as written on the receipts' Kiểm tra sheets: (code, file, row key)."""
    rows = []
    receipts = sorted((demo / "bien-nhan").glob("*-ket-qua-kiem-tra.xlsx"))
    assert len(receipts) == 6
    for path in receipts:
        ws = load_workbook(path, read_only=True)["Kiểm tra"]
        for row in ws.iter_rows(min_row=2, values_only=True):
            if row[0] is not None:
                rows.append((row[CODE], row[2], row[5]))
    return rows


def test_demo_master_after_consolidation_shows_the_same_mistakes(demo):
    """Consolidation merges every row (nothing is lost), so the master's own check finds the
    groups' mistakes again — except legacy-encoded text, which consolidation already converted
    to Unicode and reported."""
    ws = load_workbook(demo.master, read_only=True)["Kiểm tra"]
    found = {(r[CODE], r[5]) for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None}
    converted = {m for m in MISTAKES if m.code == "legacy-encoding"}
    assert found == {(m.code, m.row_key) for m in MISTAKES if m not in converted}
    steps = {s.name: s.summary for s in demo.steps}
    assert f"{len(MISTAKES) - len(converted)} mục cần sửa" in steps["check"]


def test_demo_originals_are_untouched_by_validation(demo):
    returned = demo.outdir / "so-to-gui-lai"
    assert not any(p.name.endswith("-ket-qua-kiem-tra.xlsx") for p in returned.glob("*.xlsx"))
    assert not (returned / "sao-luu").exists()
    names = [s.name for s in demo.steps]
    assert names.index("validate") < names.index("consolidate") < names.index("check")


def test_demo_findings_carry_their_place_structured_and_rendered_alike(demo):
    """Each finding's structured place (sheet key, Excel row, column key) names the very cell
    and sheet it shows the officer, in that file's own layout."""
    returned = sorted((demo.outdir / "so-to-gui-lai").glob("*.xlsx"))
    findings = [
        *validate_workbooks(returned, demo.master).findings,
        *validate_workbook(demo.master).findings,
    ]
    paths = {p.name: p for p in [*returned, demo.master]}
    layouts = {name: read_workbook(path) for name, path in paths.items()}
    placed = [f for f in findings if f.cell]
    assert len(placed) >= len(MISTAKES)
    for f in placed:
        data = layouts[f.file]
        assert f.sheet == data.sheet_names[f.sheet_key], f
        assert f.cell == a1(data.columns[f.sheet_key][f.column], f.row), f
        shown = f.to_dict()
        assert (shown["sheet_key"], shown["row"], shown["column"]) == (f.sheet_key, f.row, f.column)


def test_the_report_orders_findings_by_their_structured_place_not_their_rendered_cell():
    """Sheet (as in the master), row, then column (as in the schema's sheet): read from the
    structured place; the cell rendered for the officer is never parsed back."""
    from workbook.findings import WARNING, Finding
    from workbook.validation.report import CheckedFile, ValidationReport

    def at(sheet_key: str, row: int | None, column: str) -> Finding:
        # a rendered cell that says nothing: the order must not come from it
        return Finding(
            "x", WARNING, "m", "to.xlsx", "?", "??", sheet_key=sheet_key, row=row, column=column
        )

    columns = [c.key for c in schema.master_columns(schema.SHEETS["dang_ky"])]
    findings = [
        at("tin_bai", 3, "tieu_de"),
        at("dang_ky", 9, columns[2]),
        at("dang_ky", 9, columns[0]),
        at("dang_ky", 4, columns[5]),
        at("dang_ky", None, ""),
    ]
    report = ValidationReport(list(findings), [CheckedFile("to.xlsx", "to.xlsx", "group")]).sort()
    assert report.findings == [findings[4], findings[3], findings[2], findings[1], findings[0]]
