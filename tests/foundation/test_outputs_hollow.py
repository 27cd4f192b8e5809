"""Output sheets are redrawn without loading the other sheets' rows (workbook/hollow.py); the
master must come out as a whole load and save would leave it: every part byte for byte but the
save time and the ledger line's time, whatever wrote the master's rows before (openpyxl with
shared strings, thidua's zip writer with inline strings, Excel with its own row attributes)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

import workbook.outputs as outputs
from tests.excel_like import as_excel_saves_it
from workbook import schema
from workbook.consolidation import consolidate
from workbook.hollow import Unsupported
from workbook.package_parts import sheet_parts
from workbook.results import report_master, score_master, shortlist_master

LOG = schema.sheet("nhat_ky").name
SAVE_TIME = "docProps/core.xml"
STYLES = "xl/styles.xml"


def _whole_load(monkeypatch):
    def refuse(*args, **kwargs):
        raise Unsupported("forced whole load")

    monkeypatch.setattr(outputs, "_redraw_hollow", refuse)


def _log_rows(path):
    ws = load_workbook(path)[LOG]
    # the time aside, and the master's hash: the save times inside the two files differ
    return [[c.value for c in row[1:5]] for row in ws.iter_rows()]


def _same_package(fast, whole, drawn):
    """Byte for byte but the save time, the ledger and the sheets drawn (whose big tables are
    spelled outside openpyxl): those cell by cell, with their formats by content (a redrawn
    sheet's formats may be listed in another order in styles.xml)."""
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(whole) as b:
        assert a.namelist() == b.namelist()
        parts = sheet_parts(a)
        differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    expected = {SAVE_TIME, STYLES, parts[LOG], *(parts[s] for s in drawn)}
    assert set(differ) <= expected, differ
    _same_cells(fast, whole)


def _cells(path, sheet_name):
    """Each cell's value and format (by content: two format indexes may be equal formats)."""
    ws = load_workbook(path)[sheet_name]
    return [[(c.value, c.number_format, *map(repr, _format(c))) for c in row] for row in ws]


def _format(cell):
    return (cell.font, cell.fill, cell.border, cell.alignment, cell.protection)


def _same_cells(fast, whole):
    """Every sheet's values and formats as a whole save gives them; the ledger's time aside."""
    names = load_workbook(whole).sheetnames
    assert load_workbook(fast).sheetnames == names
    for sheet in names:
        if sheet != LOG:
            assert _cells(fast, sheet) == _cells(whole, sheet), sheet
    assert _log_rows(fast) == _log_rows(whole)


def _copy_beside(master, folder):
    """A copy under the same name (the ledger records it) in another folder."""
    folder.mkdir()
    return Path(shutil.copy(master, folder / master.name))


def _master_after_consolidation(returned_demo, folder):
    folder.mkdir()
    master = folder / "so-thi-dua.xlsx"
    shutil.copy(returned_demo / "so-thi-dua.xlsx", master)
    result = consolidate(master, [returned_demo / "so-to-gui-lai"])
    assert result.writer == "zip"  # rows as inline strings
    return master


@pytest.mark.parametrize(
    "run, drawn",
    [
        (score_master, ["Điểm"]),
        (shortlist_master, ["Điểm", "Đề nghị khen thưởng", "Trình Hội đồng TĐKT"]),
        (report_master, ["BC Tổng hợp", "BC Công trình", "BC Khen thưởng", "BC Tin bài"]),
    ],
)
def test_master_written_by_openpyxl_comes_out_as_a_whole_save(
    filled_master, tmp_path, run, drawn, monkeypatch
):
    whole = _copy_beside(filled_master, tmp_path / "whole")
    run(filled_master)
    run(filled_master)  # again: the sheet it draws now has rows to clear
    _whole_load(monkeypatch)
    run(whole)
    run(whole)

    _same_package(filled_master, whole, drawn)


def test_master_written_by_the_zip_writer_comes_out_as_a_whole_save(
    returned_demo, tmp_path, monkeypatch
):
    fast = _master_after_consolidation(returned_demo, tmp_path / "fast")
    whole = _copy_beside(fast, tmp_path / "whole")

    score_master(fast)
    _whole_load(monkeypatch)
    score_master(whole)

    # openpyxl spells the rows it loaded its own way; the fast path keeps the zip writer's
    _same_cells(fast, whole)


def test_master_saved_by_excel_keeps_its_text_styles_and_row_attributes(
    filled_master, tmp_path, monkeypatch
):
    as_excel_saves_it(filled_master)
    whole = _copy_beside(filled_master, tmp_path / "whole")
    registrations = schema.sheet("dang_ky").name
    typed = _cells(filled_master, registrations)

    score_master(filled_master)
    _whole_load(monkeypatch)
    score_master(whole)

    with zipfile.ZipFile(filled_master) as z:
        xml = z.read(sheet_parts(z)[registrations])
    assert b"x14ac:dyDescent" in xml and b't="s"' not in xml  # text now in the cells
    etree.fromstring(xml)  # well formed: the prefix is declared
    _same_cells(filled_master, whole)
    assert _cells(filled_master, registrations) == typed


def test_no_temporary_file_is_left_beside_the_master(filled_master):
    score_master(filled_master)
    left = [p.name for p in filled_master.parent.iterdir() if p.name.startswith(".thidua-")]
    assert left == []
