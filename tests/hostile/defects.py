"""Hostile group workbooks: each function writes one file carrying one defect, named after it.

They start from a group workbook the demo returned (so everything else about the file is right)
and damage it the way real files arrive: edited at the XML level when that is how the damage
happens (other software writing raw control characters, a sheet cut short), through openpyxl
when a person could have done it in Excel (merging cells, typing a number).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Callable

from openpyxl import load_workbook

from workbook import schema

NEWS = schema.sheet("tin_bai").name
RESULTS = schema.sheet("ket_qua").name
WORKS = schema.sheet("cong_trinh").name

LONG_TEXT = ("Bài viết về phong trào thi đua của tổ công đoàn. " * 900)[:40_000]
TYPED_LINES = "Dòng một của tiêu đề\nDòng hai\tcó tab ở giữa\r\nDòng ba"


def sheet_part(path: Path, sheet_name: str) -> str:
    """The zip member holding a sheet's XML."""
    with zipfile.ZipFile(path) as zf:
        book = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet_name)}"[^>]*r:id="([^"]+)"', book)
    target = re.search(
        rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|'
        rf'Target="([^"]+)"[^>]*Id="{rid.group(1)}"',
        rels,
    )
    name = target.group(1) or target.group(2)
    return name.lstrip("/") if name.startswith("/") else f"xl/{name}"


def edit_parts(source: Path, target: Path, edits: dict[str, Callable[[bytes], bytes]]) -> Path:
    """Copy ``source`` to ``target`` with some zip members rewritten."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, edits[info.filename](data) if info.filename in edits else data)
    return target


def inline_text(xml: bytes, cell: str, text_xml: bytes) -> bytes:
    """Replace a cell's content by an inline string given as raw XML text."""
    pattern = re.compile(rb'<c r="' + cell.encode() + rb'"([^>]*?)(?:/>|>.*?</c>)', re.S)
    match = pattern.search(xml)
    assert match, cell
    attrs = re.sub(rb'\s*t="[^"]*"', b"", match.group(1))
    new = (
        b'<c r="'
        + cell.encode()
        + b'"'
        + attrs
        + b' t="inlineStr"><is><t xml:space="preserve">'
        + text_xml
        + b"</t></is></c>"
    )
    return xml[: match.start()] + new + xml[match.end() :]


def _set_cells(source: Path, target: Path, sheets: dict[str, dict[str, str]]) -> Path:
    """Cells given as XML text (so '&#1;' writes a raw control character), per sheet name."""

    def editor(cells: dict[str, str]) -> Callable[[bytes], bytes]:
        def edit(xml: bytes) -> bytes:
            for cell, text in cells.items():
                xml = inline_text(xml, cell, text.encode())
            return xml

        return edit

    return edit_parts(
        source, target, {sheet_part(source, name): editor(cells) for name, cells in sheets.items()}
    )


def _with_openpyxl(source: Path, target: Path, change: Callable) -> Path:
    shutil.copyfile(source, target)
    wb = load_workbook(target)
    change(wb)
    wb.save(target)
    return target


def _set_stamp(source: Path, target: Path, **values: str) -> Path:
    def change(wb):
        ws = wb[schema.STAMP.name]
        for row in ws.iter_rows():
            if row[0].value in values:
                row[1].value = values.pop(row[0].value)
        for key, value in values.items():
            ws.append([key, value])

    return _with_openpyxl(source, target, change)


# --- the defects -------------------------------------------------------------------------------


def corrupt_sheet_xml(source: Path, target: Path) -> Path:
    """The 'Kết quả' sheet's XML cut in the middle of a tag (a damaged zip member)."""
    return edit_parts(
        source, target, {sheet_part(source, RESULTS): lambda xml: xml[: len(xml) // 2]}
    )


def control_characters(source: Path, target: Path) -> Path:
    """Tin bài C2 holds a raw control character (as other software writes it: '&#1;'), D3 the
    escape Excel writes ('_x0007_'), and Kết quả B4 a control character inside a Unicode name
    that a legacy-encoding guess used to turn into "Vi MinhKhỏnh"."""
    return _set_cells(
        source,
        target,
        {
            NEWS: {
                "C2": "Hà Hữu&#1;Cường",
                "D3": "Đoàn viên công đoàn_x0007_chung tay vì người nghèo",
            },
            RESULTS: {"B4": "Vi Minh&#8;Khánh"},
        },
    )


def cell_over_32767(source: Path, target: Path) -> Path:
    """Tin bài D2 (the title) holds 40,000 characters: more than an Excel cell can hold."""
    return _set_cells(source, target, {NEWS: {"D2": LONG_TEXT}})


def line_breaks_and_tabs(source: Path, target: Path) -> Path:
    """Tin bài D2 holds line breaks (LF and CR LF) and a tab, as typed with Alt+Enter."""
    return _set_cells(source, target, {NEWS: {"D2": TYPED_LINES.replace("\r", "&#13;")}})


def merged_cells_across_rows(source: Path, target: Path) -> Path:
    """Tin bài B2:B4 and C2:C4 merged (one author shown for three articles): Excel keeps the
    value in B2 and C2 only, and shows it for the three rows."""

    def change(wb):
        ws = wb[NEWS]
        ws.merge_cells("B2:B4")
        ws.merge_cells("C2:C4")

    return _with_openpyxl(source, target, change)


def html_saved_as_xls(target: Path) -> Path:
    """What web systems export as 'Excel': an HTML table with an .xls name."""
    target.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><td>Mã đoàn viên</td><td>Họ và tên</td></tr>"
        "<tr><td>DV001</td><td>Hoàng Thị Lan</td></tr></table></body></html>",
        encoding="utf-8",
    )
    return target


def other_campaign_stamp(source: Path, target: Path) -> Path:
    """A group workbook issued for plan 12/KH-CĐCS, returned to the master of plan 45."""
    return _set_stamp(source, target, ke_hoach="12/KH-CĐCS")


def other_union_stamp(source: Path, target: Path) -> Path:
    """A group workbook of another grassroots union running the same plan number."""
    return _set_stamp(source, target, cong_doan="Công đoàn cơ sở Sở Tài chính")


def old_template_version(source: Path, target: Path) -> Path:
    return _set_stamp(source, target, phien_ban_mau="0.9")


def zero_width_space_row(source: Path, target: Path) -> Path:
    """A row below the data of Kết quả holding only zero-width spaces (pasted from the web)."""

    def change(wb):
        ws = wb[RESULTS]
        row = ws.max_row + 1
        for col in (1, 5, 9):  # a code, a number of initiatives, a number of activities
            ws.cell(row, col).value = "\u200b"

    return _with_openpyxl(source, target, change)


def phone_number_note(source: Path, target: Path) -> Path:
    """Công trình M2 (Ghi chú) holds a phone number written the international way."""

    def change(wb):
        wb[WORKS]["M2"].value = "+84912345678"

    return _with_openpyxl(source, target, change)


def _works_group_code_typed_as(number: int, source: Path, target: Path) -> Path:
    def change(wb):
        cell = wb[WORKS]["D2"]
        cell.value = number
        cell.number_format = "General"

    return _with_openpyxl(source, target, change)


def other_group_code_typed_as_number(source: Path, target: Path) -> Path:
    """Công trình D2 (Mã tổ) typed as the number 2: another group's '02', its zero dropped."""
    return _works_group_code_typed_as(2, source, target)


def group_code_typed_as_number(source: Path, target: Path) -> Path:
    """Công trình D2 (Mã tổ) typed as the number 1: Excel dropped the leading zero of '01'."""
    return _works_group_code_typed_as(1, source, target)
