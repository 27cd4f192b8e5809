"""The `Đề nghị khen thưởng` sheet: the law applied, each award's criteria, then every decision.

The top says which rule sets the review day chose and why; then, per award, its track, who
decides it, where the proposal goes, its legal basis and each criterion with its citation
(unconfirmed ones marked). The table lists, per award, the proposed (by rank) then the others,
each with the reason naming the criteria and citations.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from ..layout import print_setup
from ..rulesets import STATE, UNION
from ..schema import Column
from ..scoring.compute import TIE_BREAKS
from ..scoring.sheet import SECTION_FONT, TITLE_FONT, note, put_table
from .result import ShortlistResult, TitleOutcome

COLUMNS = [
    Column("khoi", "Khen thưởng của", width=11),
    Column("danh_hieu", "Danh hiệu, hình thức", width=28),
    Column("noi_nhan_ten", "Đề nghị đến", width=24),
    Column("ket_qua", "Kết quả", width=13),
    Column("thu_tu", "Thứ tự xét", "int", width=8),
    Column("ma", "Mã", "code", width=9),
    Column("ho_ten", "Họ và tên / Tập thể", width=26),
    Column("ma_to", "Tổ", "code", width=6),
    Column("diem", "Điểm thi đua cả năm", "number", width=9),
    Column("hang", "Hạng", "int", width=6),
    Column("ly_do", "Lý do (tiêu chuẩn và căn cứ)", width=110),
]


def title_lines(t: TitleOutcome) -> list[str]:
    """How one award is decided, in the words the sheet and the docs page use."""
    lines = [
        f"{t.name} ({t.subject.lower()}; khen thưởng của {t.track}): {t.decider} quyết "
        f"định; đề nghị đến {t.destination_name}. Căn cứ: {t.basis}"
        + (f"; thẩm quyền: {t.authority}" if t.authority else "")
        + ".",
        f"    Kết quả: {t.eligible} đủ tiêu chuẩn, {t.proposed} đề nghị. Chỉ tiêu: {t.quota_rule}.",
    ]
    lines += [f"    • {c}" for c in t.criteria]
    lines += [f"    • Hội đồng xem xét: {c}" for c in t.manual_criteria]
    if t.note:
        lines.append(f"    Ghi chú: {t.note}")
    return lines


def write_shortlist(ws: Worksheet, result: ShortlistResult) -> None:
    note(ws, 1, "DANH SÁCH XÉT ĐỀ NGHỊ KHEN THƯỞNG VÀ LÝ DO", TITLE_FONT)
    row = 2
    for text in [result.regime.label, *result.notes]:
        note(ws, row, text)
        row += 1
    note(
        ws,
        row,
        "Xếp thứ tự trong số đủ tiêu chuẩn theo điểm thi đua cả năm; khi bằng điểm: "
        + "; ".join(TIE_BREAKS[1:])
        + ". Điểm thi đua chỉ dùng để xếp thứ tự trong chỉ tiêu, "
        "không thay kết quả xếp loại chất lượng năm.",
    )
    row += 2
    for track in (STATE, UNION):
        titles = [t for t in result.titles if t.track == track]
        if not titles:
            continue
        note(ws, row, f"TIÊU CHUẨN ÁP DỤNG — KHEN THƯỞNG CỦA {track.upper()}", SECTION_FONT)
        row += 1
        for t in titles:
            for line in title_lines(t):
                note(ws, row, line)
                row += 1
        row += 1
    for m in result.manual:
        note(
            ws,
            row,
            f"{m.name} (khen thưởng của {m.track or 'chưa ghi'}; "
            f"{m.decider or 'chưa ghi nơi quyết định'}): xét thủ công. "
            f"Tiêu chuẩn ghi trên trang Danh hiệu: {m.criteria or 'chưa ghi'}.",
        )
        row += 1
    row += 1
    note(ws, row, "Danh sách (người, tập thể không đề nghị xếp theo tên)", SECTION_FONT)
    shown = result.decisions[[c.key for c in COLUMNS]]
    rows = shown.astype(object).where(shown.notna(), None)
    put_table(ws, row + 1, 1, "tblDeNghi", COLUMNS, rows, wrap=("ly_do",))
    ws.freeze_panes = ws.cell(row=row + 2, column=1)
    print_setup(ws, landscape=True, title_rows=None)
