"""The upper union's workbook, streamed with XlsxWriter: the table (a line per CĐCS and the
total), charts per CĐCS and for the whole, the CĐCSs that sent nothing, the files set aside.
Print-ready like the CĐCS reports: A4 landscape, Times New Roman, header row repeated, page
numbers; text stays text (never a formula)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import xlsxwriter

from ..layout import (
    FONT_NAME,
    MARGINS_MM,
    PAGE_FOOTER,
    SUBTITLE_SIZE,
    TABLE_SIZE,
    TITLE_SIZE,
)
from ..reports.figures import FIGURES, percent
from ..schema import Column as C
from .summary_read import NAME_COLUMN

if TYPE_CHECKING:
    from .summaries import SummaryResult

OUT_SHEET = "Tổng hợp CĐCS"
CHART_SHEET, MISSING_SHEET, ASIDE_SHEET = "Biểu đồ", "Chưa báo cáo", "Tệp để riêng"
SHARE = C("ty_le", "Tỷ lệ đoàn viên đăng ký (%)", "number", width=11)
COLUMNS = (
    C("stt", "STT", "int", width=5),
    NAME_COLUMN,
    *(f.column for f in FIGURES),
    SHARE,
    C("ngay_bao_cao", "Ngày báo cáo", "date", width=11),
    C("tep_nguon", "Tệp nguồn", width=28),
    C("bam_nguon", "Mã băm tệp", width=18),
)
# Province totals charted (counts of one kind each).
TOTAL_CHART = (
    "dk_ca_nhan",
    "dk_tap_the",
    "cong_trinh",
    "de_nghi_gan_bien",
    "sang_kien",
    "tin_bai",
    "de_nghi_khen_thuong",
)
HEAD_ROW = 3  # 0-based row of the table's header


def _formats(wb) -> dict:
    base = {"font_name": FONT_NAME, "font_size": TABLE_SIZE, "border": 1, "valign": "vcenter"}
    return {
        "title": wb.add_format({"font_name": FONT_NAME, "bold": True, "font_size": TITLE_SIZE}),
        "sub": wb.add_format({"font_name": FONT_NAME, "italic": True, "font_size": SUBTITLE_SIZE}),
        "head": wb.add_format({**base, "bold": True, "text_wrap": True, "align": "center"}),
        "text": wb.add_format({**base, "text_wrap": True}),
        "int": wb.add_format({**base, "num_format": "#,##0", "align": "center"}),
        "number": wb.add_format({**base, "num_format": "0.##", "align": "center"}),
        "date": wb.add_format({**base, "num_format": "dd/mm/yyyy", "align": "center"}),
        "total_text": wb.add_format({**base, "bold": True}),
        "total_int": wb.add_format(
            {**base, "bold": True, "num_format": "#,##0", "align": "center"}
        ),
        "total_number": wb.add_format(
            {**base, "bold": True, "num_format": "0.##", "align": "center"}
        ),
    }


def _page(ws, header_row: int | None = HEAD_ROW) -> None:
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(**{side: mm / 25.4 for side, mm in MARGINS_MM.items()})  # inches
    ws.set_footer(f'&C&"{FONT_NAME}"{PAGE_FOOTER}')
    if header_row is not None:
        ws.repeat_rows(header_row)
    ws.hide_gridlines(2)


def _value(ws, r: int, j: int, col: C, value, fmt: dict, total: bool = False) -> None:
    prefix = "total_" if total else ""
    if value is None or value == "":
        ws.write_blank(r, j, None, fmt[f"{prefix}text"])
    elif col.type == "int":
        ws.write_number(r, j, value, fmt[f"{prefix}int"])
    elif col.type == "number":
        ws.write_number(r, j, value, fmt[f"{prefix}number"])
    elif col.type == "date" and isinstance(value, dt.date):
        ws.write_datetime(r, j, dt.datetime(value.year, value.month, value.day), fmt["date"])
    else:
        ws.write_string(r, j, str(value), fmt[f"{prefix}text"])  # text stays text


def write_summary_book(path: Path, result: "SummaryResult") -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    fmt = _formats(wb)
    ws = wb.add_worksheet(OUT_SHEET)
    _page(ws)
    ws.write_string(
        0, 0, "TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA CỦA CÁC CÔNG ĐOÀN CƠ SỞ", fmt["title"]
    )
    ws.write_string(
        1,
        0,
        f"Báo cáo {result.label}: {len(result.rows)} công đoàn cơ sở"
        + (f" / {len(result.expected)} theo danh sách" if result.expected else ""),
        fmt["sub"],
    )
    for j, col in enumerate(COLUMNS):
        ws.set_column(j, j, col.width)
        ws.write_string(HEAD_ROW, j, col.header, fmt["head"])
    ws.set_row(HEAD_ROW, 60)
    r = HEAD_ROW
    for i, row in enumerate(result.rows, start=1):
        r += 1
        values = {"stt": i, **row}
        for j, col in enumerate(COLUMNS):
            _value(ws, r, j, col, values.get(col.key), fmt)
    r += 1
    totals = {
        **result.totals,
        NAME_COLUMN.key: f"Tổng cộng ({len(result.rows)} CĐCS)",
        SHARE.key: percent(
            result.totals.get("dk_ca_nhan", 0), result.totals.get("so_doan_vien", 0)
        ),
    }
    for j, col in enumerate(COLUMNS):
        if col.key in totals:
            _value(ws, r, j, col, totals[col.key], fmt, total=True)
    ws.freeze_panes(HEAD_ROW + 1, 2)
    # The file names and hashes are for checking on screen; the printed table stops before.
    dated = next(j for j, c in enumerate(COLUMNS) if c.key == "ngay_bao_cao")
    ws.print_area(0, 0, r, dated)
    _charts(wb, result, fmt)
    _missing(wb, result, fmt)
    _aside(wb, result, fmt)
    wb.close()


def _charts(wb, result: "SummaryResult", fmt: dict) -> None:
    if not result.rows:
        return
    ws = wb.add_worksheet(CHART_SHEET)
    _page(ws, None)
    ws.write_string(0, 0, f"Biểu đồ {result.label}", fmt["title"])
    first, last = HEAD_ROW + 1, HEAD_ROW + len(result.rows)
    names = [OUT_SHEET, first, 1, last, 1]
    share_col = next(j for j, c in enumerate(COLUMNS) if c.key == SHARE.key)
    per_unit = wb.add_chart({"type": "bar"})
    per_unit.add_series(
        {
            "name": SHARE.header,
            "categories": names,
            "values": [OUT_SHEET, first, share_col, last, share_col],
            "data_labels": {"value": True},
        }
    )
    per_unit.set_title(
        {
            "name": "Tỷ lệ đoàn viên đăng ký thi đua theo CĐCS (%)",
            "name_font": {"name": FONT_NAME, "size": 12},
        }
    )
    per_unit.set_x_axis({"min": 0, "max": 100, "num_font": {"name": FONT_NAME}})
    per_unit.set_y_axis({"reverse": True, "num_font": {"name": FONT_NAME}})
    per_unit.set_legend({"none": True})
    per_unit.set_size({"width": 900, "height": max(300, 22 * len(result.rows) + 120)})
    ws.insert_chart(2, 0, per_unit)
    # The whole: one column per figure, from the total row.
    keys = [c.key for c in COLUMNS]
    totals = wb.add_chart({"type": "column"})
    total_row = last + 1
    for key in TOTAL_CHART:
        j = keys.index(key)
        totals.add_series(
            {
                "name": [OUT_SHEET, HEAD_ROW, j],
                "values": [OUT_SHEET, total_row, j, total_row, j],
                "data_labels": {"value": True},
            }
        )
    totals.set_title(
        {
            "name": f"Kết quả toàn bộ {len(result.rows)} CĐCS",
            "name_font": {"name": FONT_NAME, "size": 12},
        }
    )
    totals.set_x_axis({"visible": False})
    totals.set_legend({"position": "bottom", "font": {"name": FONT_NAME}})
    totals.set_size({"width": 900, "height": 380})
    ws.insert_chart(4 + max(15, (22 * len(result.rows) + 120) // 20), 0, totals)


def _list_sheet(
    wb, name: str, title: str, columns: tuple[C, ...], rows: list[dict], fmt: dict
) -> None:
    ws = wb.add_worksheet(name)
    _page(ws, 2)
    ws.write_string(0, 0, title, fmt["title"])
    for j, col in enumerate(columns):
        ws.set_column(j, j, col.width)
        ws.write_string(2, j, col.header, fmt["head"])
    for i, row in enumerate(rows, start=3):
        for j, col in enumerate(columns):
            _value(ws, i, j, col, row.get(col.key), fmt)


def _missing(wb, result: "SummaryResult", fmt: dict) -> None:
    if not result.expected:
        return
    _list_sheet(
        wb,
        MISSING_SHEET,
        f"CÔNG ĐOÀN CƠ SỞ CHƯA GỬI BÁO CÁO {result.label.upper()}",
        (C("stt", "STT", "int", width=5), C("ten", "Công đoàn cơ sở", width=60)),
        [{"stt": i, "ten": n} for i, n in enumerate(result.missing, start=1)],
        fmt,
    )


def _aside(wb, result: "SummaryResult", fmt: dict) -> None:
    rows = [{"tep": s.path.name, "ma": s.code, "ly_do": s.reason} for s in result.set_aside]
    rows += [
        {"tep": r.dropped.name, "ma": "replaced-by-later", "ly_do": r.reason}
        for r in result.replaced
    ]
    if not rows:
        return
    _list_sheet(
        wb,
        ASIDE_SHEET,
        "TỆP KHÔNG TỔNG HỢP VÀ LÝ DO",
        (C("tep", "Tệp", width=36), C("ma", "Mã", width=18), C("ly_do", "Lý do", width=90)),
        rows,
        fmt,
    )
