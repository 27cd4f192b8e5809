"""The `Điểm` sheet: one column per criterion, total, band, rank and the explanation."""

from __future__ import annotations

import sys
from functools import partial

import pandas as pd
from openpyxl.styles import Alignment, Border, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import deferred_rows, layout, sheet_xml
from ..deferred_rows import column_values, columns_xml, sink_for
from ..fingerprint import fingerprint
from ..layout import (
    BODY_FONT,
    FONT_NAME,
    HEADER_FILL,
    HEADER_FONT,
    THIN,
    BodyStyles,
    excel_table,
    print_setup,
    put_value,
    set_cell,
)
from ..schema import Column
from .compute import TIE_BREAKS
from .engine import ScoreResult
from .rubric import Criterion

TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
NOTE_FONT = Font(name=FONT_NAME, size=11, italic=True)
SECTION_FONT = Font(name=FONT_NAME, size=12, bold=True)
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def put_table(
    ws: Worksheet,
    top: int,
    left: int,
    name: str,
    columns: list[Column],
    rows: pd.DataFrame,
    wrap: tuple[str, ...] = (),
) -> int:
    """An Excel Table with its header at (top, left), a body row per row of the frame (a
    column's key the frame lacks is blank); returns the last row used."""
    for j, col in enumerate(columns, start=left):
        cell = set_cell(ws, top, j, col.header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, col.width)
    styles = BodyStyles()
    deferred = sink_for(ws)
    numbers = list(range(left, left + len(columns)))
    # Drawn by openpyxl: every row, or only the first when the others are spelled as XML.
    drawn = rows.iloc[:1] if deferred is not None else rows
    for r, row in enumerate(drawn.to_dict("records"), start=top + 1):
        for j, col in enumerate(columns, start=left):
            cell = put_value(ws, r, j, row.get(col.key))
            styles.apply(cell, j, partial(_body_format, col=col, wrapped=col.key in wrap))
    if deferred is not None and len(rows) > 1:
        later = rows.iloc[1:]
        style_ids = [ws.cell(row=top + 1, column=j).style_id for j in numbers]
        rows_at = list(range(top + 2, top + 1 + len(rows)))
        values = [column_values(later, col.key) for col in columns]
        deferred.update(columns_xml(ws, rows_at, numbers, values, style_ids))
    last = top + max(len(rows), 1)
    ref = f"{get_column_letter(left)}{top}:{get_column_letter(left + len(columns) - 1)}{last}"
    ws.add_table(excel_table(name, ref, [c.header for c in columns], "TableStyleLight9"))
    ws.row_dimensions[top].height = 60
    return last


def _body_format(cell, col: Column, wrapped: bool) -> None:
    cell.number_format = col.number_format
    cell.font, cell.border = BODY_FONT, BOX
    if wrapped:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def note(ws: Worksheet, row: int, text: str, font: Font = NOTE_FONT) -> None:
    cell = set_cell(ws, row, 1, text)
    cell.font = font


def criterion_columns(criteria: list[Criterion]) -> list[Column]:
    return [Column(c.code, c.header, "number", width=12) for c in criteria]


def member_columns(criteria: list[Criterion]) -> list[Column]:
    return [
        Column("dot", "Đợt", width=9),
        Column("hang", "Hạng", "int", width=6),
        Column("ma_doan_vien", "Mã đoàn viên", "code", width=12),
        Column("ho_ten", "Họ và tên", width=24),
        Column("ma_to", "Tổ", "code", width=6),
        Column("xep_loai", "Xếp loại nhiệm vụ", width=10),
        *criterion_columns(criteria),
        Column("tong", "Tổng điểm", "number", width=9),
        Column("xep_loai_diem", "Xếp loại theo điểm", width=11),
        Column("giai_thich", "Giải thích", width=90),
    ]


def group_columns(criteria: list[Criterion]) -> list[Column]:
    return [
        Column("dot", "Đợt", width=9),
        Column("hang", "Hạng", "int", width=6),
        Column("ma_to", "Mã tổ", "code", width=12),
        Column("ten_to", "Tên tổ", width=24),
        Column("so_doan_vien", "Số đoàn viên", "int", width=6),
        *criterion_columns(criteria),
        Column("tong", "Tổng điểm", "number", width=9),
        Column("xep_loai_diem", "Xếp loại", width=11),
        Column("giai_thich", "Giải thích", width=90),
    ]


def write_scores(ws: Worksheet, result: ScoreResult) -> None:
    note(ws, 1, "ĐIỂM THI ĐUA CỦA ĐOÀN VIÊN VÀ TỔ CÔNG ĐOÀN", TITLE_FONT)
    for i, text in enumerate(result.notes, start=2):
        note(ws, i, text)
    row = 2 + len(result.notes)
    note(ws, row, "Khi bằng điểm, xếp trên theo thứ tự: " + "; ".join(TIE_BREAKS[1:]) + ".")
    note(
        ws,
        row + 1,
        "Xếp loại theo điểm là mức của phong trào thi đua công đoàn (tổ: vững mạnh, "
        "khá...; cá nhân: loại A, B...), không phải kết quả xếp loại chất lượng năm của cơ quan "
        "(nhập trên trang Xếp loại năm).",
    )
    row += 3
    note(ws, row, "I. ĐIỂM CÁ NHÂN (theo từng đợt và cả năm)", SECTION_FONT)
    members = _members_shown(result)
    last = put_table(
        ws,
        row + 1,
        1,
        "tblDiemCaNhan",
        member_columns(result.member_criteria),
        members,
        wrap=("giai_thich",),
    )
    frozen = f"E{row + 2}"  # the members' header row and their names stay in view
    row = last + 3
    note(ws, row, "II. ĐIỂM TẬP THỂ (TỔ CÔNG ĐOÀN)", SECTION_FONT)
    put_table(
        ws,
        row + 1,
        1,
        "tblDiemTapThe",
        group_columns(result.group_criteria),
        result.groups,
        wrap=("giai_thich",),
    )
    ws.freeze_panes = frozen
    print_setup(ws, landscape=True, title_rows=None)


def _members_shown(result: ScoreResult) -> pd.DataFrame:
    return result.members.assign(xep_loai=result.members["xep_loai"].fillna(""))


def scores_fingerprint(result: ScoreResult) -> str:
    """A digest of what ``write_scores`` draws from ``result`` (``fingerprint``): a Điểm sheet
    kept with the same fingerprint is the sheet it would draw."""
    members, groups = member_columns(result.member_criteria), group_columns(result.group_criteria)
    return fingerprint(
        result.notes,
        TIE_BREAKS,
        members,
        groups,
        _shown(_members_shown(result), members),
        _shown(result.groups, groups),
        modules=(sys.modules[__name__], layout, deferred_rows, sheet_xml),
    )


def _shown(frame: pd.DataFrame, columns: list[Column]) -> pd.DataFrame:
    """The frame's columns a table of ``columns`` shows (``put_table`` leaves the rest)."""
    return frame[[c.key for c in columns if c.key in frame.columns]]
