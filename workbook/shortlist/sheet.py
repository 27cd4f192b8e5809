"""The `Đề nghị khen thưởng` sheet: per title, the proposed (by rank) then the others, with why."""
from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from ..layout import print_setup
from ..schema import Column
from ..scoring.compute import TIE_BREAKS
from ..scoring.sheet import SECTION_FONT, TITLE_FONT, note, put_table
from .engine import ShortlistResult

COLUMNS = [
    Column("danh_hieu", "Danh hiệu, hình thức", width=28),
    Column("ket_qua", "Kết quả", width=13),
    Column("thu_tu", "Thứ tự xét", "int", width=8),
    Column("ma", "Mã", "code", width=10),
    Column("ho_ten", "Họ và tên / Tên tổ", width=26),
    Column("ma_to", "Tổ", "code", width=6),
    Column("diem", "Điểm cả năm", "number", width=9),
    Column("hang", "Hạng", "int", width=6),
    Column("ly_do", "Lý do", width=100),
]


def write_shortlist(ws: Worksheet, result: ShortlistResult) -> None:
    note(ws, 1, "DANH SÁCH XÉT ĐỀ NGHỊ KHEN THƯỞNG VÀ LÝ DO", TITLE_FONT)
    row = 2
    for text in result.notes:
        note(ws, row, text)
        row += 1
    note(ws, row, "Xếp thứ tự trong số đủ tiêu chuẩn theo điểm cả năm; khi bằng điểm: "
         + "; ".join(TIE_BREAKS[1:]) + ".")
    row += 1
    for t in result.titles:
        note(ws, row, f"{t.name}: {t.eligible} đủ tiêu chuẩn, {t.proposed} đề nghị. "
             f"Chỉ tiêu: {t.quota_rule}.")
        row += 1
    row += 1
    note(ws, row, "Danh sách (người không đề nghị xếp theo tên)", SECTION_FONT)
    rows = result.decisions.astype(object).where(result.decisions.notna(), None)
    put_table(ws, row + 1, 1, "tblDeNghi", COLUMNS, rows.to_dict("records"), wrap=("ly_do",))
    ws.freeze_panes = ws.cell(row=row + 2, column=1)
    print_setup(ws, landscape=True, title_rows=None)
