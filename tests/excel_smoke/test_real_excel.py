"""Smoke test with real Excel, for a maintainer on Windows or macOS (skipped elsewhere).

Run:  THIDUA_REAL_EXCEL=1 python -m pytest tests/excel_smoke -q -s
It builds the demo campaign, opens the .xlsm in Excel through xlwings, checks the VBA → Python
path with RunPython, runs every ribbon entry point against the open workbook, and checks that
the output sheets were written. Message boxes are turned into status-bar text (THIDUA_SILENT).
"""

import os
import sys

import pytest

pytestmark = pytest.mark.skipif(
    not (os.environ.get("THIDUA_REAL_EXCEL") and sys.platform in ("win32", "darwin")),
    reason="needs Microsoft Excel on Windows or macOS and THIDUA_REAL_EXCEL=1",
)

# each button's message begins as on xlwings' remote engine (tests/excel_entry)
ENTRY_POINTS = {
    "doctor": ("Mọi thứ đều ổn.", "Có mục cần xử lý:"),
    "validate": ("Đã kiểm tra 1 sổ:",),
    "score": ("Đã tính điểm",),
    "shortlist": ("Đã lập danh sách đề nghị khen thưởng.",),
    "report": ("Lập báo cáo",),
}
OUTPUT_SHEETS = ("Kiểm tra", "Điểm", "Đề nghị khen thưởng", "BC Tổng hợp")


@pytest.fixture(scope="module")
def excel_book(tmp_path_factory):
    import xlwings as xw

    from workbook.demo import run_demo
    from xlsources.setup import configure
    from xlsources.xlsm import build_xlsm

    os.environ["THIDUA_SILENT"] = "1"  # inherited by the Python that RunPython starts
    outdir = tmp_path_factory.mktemp("excel-smoke")
    result = run_demo(outdir, make_macro_workbook=build_xlsm)
    configure(result.master)
    app = xw.App(visible=False, add_book=False)
    app.display_alerts = False
    book = app.books.open(str(result.master))
    yield book, result
    book.close()
    app.quit()


def test_ribbon_modules_are_in_the_vba_project(excel_book):
    book, _ = excel_book
    if sys.platform == "win32":
        names = {c.Name for c in book.api.VBProject.VBComponents}  # needs VBA project access
        assert {"ThiDua", "xlwings", "Dictionary", "ThisWorkbook"} <= names


def test_runpython_reaches_python(excel_book):
    book, _ = excel_book
    book.macro("xlwings.RunPython")("import xlsources.macros as m; m.doctor()")
    assert "Python" in str(book.app.status_bar)


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_every_entry_point_runs_against_the_open_workbook(excel_book, name):
    import xlsources.macros as macros

    book, _ = excel_book
    text = getattr(macros, name)(book)
    assert text.startswith(ENTRY_POINTS[name]), text


def test_make_groups_and_consolidate_run(excel_book, tmp_path):
    import xlsources.macros as macros

    book, result = excel_book
    assert "sổ tổ" in macros.make_groups(book, outdir=str(tmp_path / "so-to"))
    text = macros.consolidate(str(result.outdir / "so-to-gui-lai"), book)
    assert "Lỗi không mong đợi" not in text


def test_output_sheets_were_written(excel_book):
    book, _ = excel_book
    for name in OUTPUT_SHEETS:
        assert book.sheets[name].range("A1").value, name
