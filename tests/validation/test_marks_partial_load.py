"""Marking a master's cells without loading every cell (workbook/partial_rows.py): the checked
master must come out as a whole load and save would leave it, cell by cell (values, number
formats, fills, notes), whether the master was written by openpyxl or saved by Excel, on a first
check and on a check that must clear old marks and keep a colour people chose."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from lxml import etree
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

import workbook.outputs as outputs
from tests.excel_like import as_excel_saves_it
from tests.office import convert, needs_soffice
from workbook import schema
from workbook.findings import ERROR, WARNING
from workbook.hollow import Unsupported
from workbook.package_parts import sheet_parts
from workbook.validation.checking import check_workbook
from workbook.validation.marks import FILL_RGB
from workbook.validation.sheet import AUTHOR

LOG = schema.sheet("nhat_ky").name
REGISTRATIONS = schema.sheet("dang_ky").name
GREEN = "FF00B050"


def _whole_load(monkeypatch):
    def refuse(*args, **kwargs):
        raise Unsupported("forced whole load")

    monkeypatch.setattr(outputs, "_redraw_hollow", refuse)


def _loads_counted(monkeypatch) -> list[tuple[str, int]]:
    """Record each workbook openpyxl loads for a rewrite: its file and its registrations'
    cell count, to tell the partial copy from the whole master."""
    loads: list[tuple[str, int]] = []
    load = outputs.load_for_edit

    def counted(path):
        wb = load(path)
        loads.append((Path(path).name, len(wb[REGISTRATIONS]._cells)))
        return wb

    monkeypatch.setattr(outputs, "load_for_edit", counted)
    return loads


def _cell(c):
    note = (c.comment.text, c.comment.author) if c.comment else None
    link = c.hyperlink.target if c.hyperlink else None
    formats = (c.number_format, *map(repr, (c.fill, c.font, c.border, c.alignment, c.protection)))
    return (c.value, *formats, note, link)


def _cells(path):
    """Every cell of every sheet but the ledger (whose line holds the time and a hash)."""
    wb = load_workbook(path)
    return {
        name: {k: _cell(c) for k, c in wb[name]._cells.items()}
        for name in wb.sheetnames
        if name != LOG
    }


def _same_cells(fast, whole):
    assert load_workbook(fast).sheetnames == load_workbook(whole).sheetnames
    a, b = _cells(fast), _cells(whole)
    for name in b:
        assert a[name] == b[name], name


def _check_both(master, tmp_path, monkeypatch):
    """Check ``master`` partly loaded and a copy of it loaded whole; returns (fast, whole)."""
    folder = tmp_path / "whole"
    folder.mkdir()
    whole = Path(shutil.copy(master, folder / master.name))
    loads = _loads_counted(monkeypatch)
    report = check_workbook(master)
    (name, cells), *others = loads
    assert others == [] and name != master.name  # one load, of the partial copy
    total = len(load_workbook(whole)[REGISTRATIONS]._cells)
    assert cells < total / 2
    _whole_load(monkeypatch)
    assert check_workbook(whole).to_dict()["findings"] == report.to_dict()["findings"]
    return master, whole


def _marked(path):
    """(sheet, cell) -> (fill colour, note author) of every cell with a note or our fill."""
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        for c in ws._cells.values():
            colour = c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None
            if c.comment or str(colour)[-6:] in FILL_RGB.values():
                out[(ws.title, c.coordinate)] = (colour, c.comment.author if c.comment else None)
    return out


def test_first_check_marks_the_same_cells_as_a_whole_load(filled_master, tmp_path, monkeypatch):
    fast, whole = _check_both(filled_master, tmp_path, monkeypatch)
    marks = _marked(fast)
    assert marks and {author for _, author in marks.values()} == {AUTHOR}
    _same_cells(fast, whole)


def _plant_old_marks(path):
    """Marks of an earlier check on cells with no finding now (to be cleared), a green a person
    chose on a marked cell and on an unmarked one, and a person's own note."""
    wb = load_workbook(path)
    ws = wb[REGISTRATIONS]
    ws["D5"].fill = PatternFill("solid", fgColor=FILL_RGB[ERROR])
    ws["D5"].comment = Comment("[Lỗi] sửa rồi", AUTHOR)
    ws["E7"].fill = PatternFill("solid", fgColor=FILL_RGB[WARNING])  # a fill, no note
    ws["F9"].comment = Comment("[Cảnh báo] cũ", AUTHOR)  # a note, no fill
    ws["B3"].fill = PatternFill("solid", fgColor=GREEN)
    ws["A4"].comment = Comment("Đã gọi điện cho tổ", "Chị Lan")
    wb.save(path)


def test_old_marks_are_cleared_and_a_chosen_colour_kept(filled_master, tmp_path, monkeypatch):
    check_workbook(filled_master)
    marked = next(ref for sheet, ref in _marked(filled_master) if sheet == REGISTRATIONS)
    _plant_old_marks(filled_master)
    wb = load_workbook(filled_master)
    wb[REGISTRATIONS][marked].fill = PatternFill("solid", fgColor=GREEN)
    wb.save(filled_master)

    fast, whole = _check_both(filled_master, tmp_path, monkeypatch)

    ws = load_workbook(fast)[REGISTRATIONS]
    for ref in ("D5", "E7", "F9"):
        assert ws[ref].comment is None and ws[ref].fill.fill_type is None, ref
    assert ws["B3"].fill.fgColor.rgb == GREEN
    assert ws["A4"].comment.text == "Đã gọi điện cho tổ"
    assert ws[marked].fill.fgColor.rgb == GREEN and ws[marked].comment.author == AUTHOR
    _same_cells(fast, whole)


def test_cells_openpyxl_makes_on_load_come_out_as_a_whole_load(
    filled_master, tmp_path, monkeypatch
):
    """A hyperlink, a merged range and a person's note on a cell the sheet does not hold:
    openpyxl makes or changes those cells when it loads the sheet, so they are loaded."""
    wb = load_workbook(filled_master)
    ws = wb[REGISTRATIONS]
    ws["D6"].hyperlink = "https://congdoan.vn/tin-bai/1"
    ws.merge_cells("P8:Q9")
    ws["P8"] = "Ghi chú gộp ô"
    ws["T12"].comment = Comment("Ô trống có ghi chú", "Anh Nam")
    wb.save(filled_master)
    check_workbook(filled_master)  # marks to clear next time

    fast, whole = _check_both(filled_master, tmp_path, monkeypatch)

    ws = load_workbook(fast)[REGISTRATIONS]
    assert ws["D6"].hyperlink.target == "https://congdoan.vn/tin-bai/1"
    assert [str(r) for r in ws.merged_cells.ranges] == ["P8:Q9"]
    assert ws["T12"].comment.text == "Ô trống có ghi chú"
    _same_cells(fast, whole)


def test_master_saved_by_excel(filled_master, tmp_path, monkeypatch):
    check_workbook(filled_master)  # old marks, written by openpyxl, then saved by Excel
    as_excel_saves_it(filled_master)
    typed = {k: v[0] for k, v in _cells(filled_master)[REGISTRATIONS].items()}

    fast, whole = _check_both(filled_master, tmp_path, monkeypatch)

    with zipfile.ZipFile(fast) as z:
        xml = z.read(sheet_parts(z)[REGISTRATIONS])
    assert b"x14ac:dyDescent" in xml
    etree.fromstring(xml)  # well formed: the prefix is declared
    assert {k: v[0] for k, v in _cells(fast)[REGISTRATIONS].items()} == typed
    _same_cells(fast, whole)


def test_a_shared_formula_in_a_cell_to_load_loads_the_whole_master(
    filled_master, tmp_path, monkeypatch
):
    """Cells sharing a formula point at its first cell: such a cell holding an old mark
    cannot be split from the others, so the master is loaded whole, and comes out the same."""
    check_workbook(filled_master)
    marked = next(ref for sheet, ref in _marked(filled_master) if sheet == REGISTRATIONS)
    row = marked.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode()
    with zipfile.ZipFile(filled_master) as z:
        part = sheet_parts(z)[REGISTRATIONS]
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[part]
    at = xml.index(b'<c r="%s"' % marked.encode())
    style = re.search(rb'\ss="(\d+)"', xml[at : xml.index(b">", at)]).group(1)  # our fill
    shared = b'<c r="Z%s" s="%s"><f t="shared" ref="Z%s:Z%s" si="0">1+1</f><v>2</v></c>' % (
        row,
        style,
        row,
        row,
    )
    end = xml.index(b"</row>", at)
    parts[part] = xml[:end] + shared + xml[end:]
    with zipfile.ZipFile(filled_master, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    fast, whole = _check_fallback(filled_master, tmp_path, monkeypatch)
    assert load_workbook(fast)[REGISTRATIONS][f"Z{row.decode()}"].value == "=1+1"
    _same_cells(fast, whole)


def _check_fallback(master, tmp_path, monkeypatch):
    folder = tmp_path / "whole"
    folder.mkdir()
    whole = Path(shutil.copy(master, folder / master.name))
    loads = _loads_counted(monkeypatch)
    check_workbook(master)
    assert [name for name, _ in loads] == [master.name]  # the whole master, nothing before
    _whole_load(monkeypatch)
    check_workbook(whole)
    return master, whole


def test_a_group_receipt_is_marked_on_a_partial_copy_too(books, tmp_path, monkeypatch):
    """The receipt copy gets the same marks, opens on Kiểm tra and its stamp (read whole)
    names the file it copies, as with a whole load."""
    path = books.group_copy(
        tmp_path, "06", lambda rows: rows["dang_ky"][0].update(cam_ket="=Hoàn thành")
    )
    loads = _loads_counted(monkeypatch)
    check_workbook(path, reference=books.master, out=tmp_path / "fast.xlsx")
    assert len(loads) == 1 and loads[0][0] != path.name
    _whole_load(monkeypatch)
    check_workbook(path, reference=books.master, out=tmp_path / "whole.xlsx")
    fast = load_workbook(tmp_path / "fast.xlsx")
    assert fast.sheetnames[0] == "Kiểm tra" and fast[REGISTRATIONS]["H2"].comment.author == AUTHOR
    _same_cells(tmp_path / "fast.xlsx", tmp_path / "whole.xlsx")


@needs_soffice
def test_libreoffice_opens_the_checked_master_with_its_notes(filled_master, tmp_path):
    as_excel_saves_it(filled_master)
    check_workbook(filled_master)
    check_workbook(filled_master)  # marks cleared and drawn again, rows put back twice
    notes = [
        c.comment.text
        for ws in load_workbook(filled_master).worksheets
        for c in ws._cells.values()
        if c.comment
    ]
    (ods,), log = convert([filled_master], tmp_path, "ods")
    assert ods.exists(), f"conversion failed: {log}"
    with zipfile.ZipFile(ods) as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation") == len(notes) > 0
    assert "[Lỗi]" in content or "[Cảnh báo]" in content
    assert "Kiểm tra" in content and "Đăng ký thi đua" in content
