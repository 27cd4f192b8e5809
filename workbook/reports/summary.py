"""`BC Tổng hợp`: the report itself (sơ kết of a phase, or tổng kết of the year), with the
standard figures, the groups' results and a chart, registrations by movement, works and
articles; the lists are its annexes (the other BC sheets)."""

from __future__ import annotations

import itertools

from openpyxl.worksheet.worksheet import Worksheet

from .charts import group_score_bars
from .context import ReportContext
from .document import Document
from .figures import figures
from .tables import (
    FIGURE_COLUMNS,
    GROUP_COLUMNS,
    article_levels,
    figure_rows,
    group_rows,
    movement_rows,
    works_matrix,
)
from .wording import roman, symbol

SUMMARY_WIDTHS = [5, 34, 10, 10, 10, 10, 10, 10, 10, 12]


def subject(rc: ReportContext) -> str:
    """The trích yếu: 'Sơ kết Đợt 1 phong trào thi đua chào mừng …'."""
    movement = rc.config.get("ten_phong_trao") or ""
    if movement[:1].isupper() and not movement[:2].isupper():
        movement = movement[0].lower() + movement[1:]
    what = rc.moment.label[0].upper() + rc.moment.label[1:]
    return f"{what} phong trào {movement}".strip()


def opening(rc: ReportContext) -> str:
    """'Thực hiện Kế hoạch số 45/KH-CĐCS ngày 09/12/2022 của …, Ban Chấp hành báo cáo …'."""
    c = rc.config
    plan = c.get("so_ke_hoach") or ""
    dated = f" ngày {c['ngay_ke_hoach']}" if c.get("ngay_ke_hoach") else ""
    period = f" ({rc.moment.period})" if rc.moment.period else ""
    return (
        f"Thực hiện Kế hoạch số {plan}{dated} của Ban Chấp hành {c.get('ten_cong_doan', '')}, "
        f"Ban Chấp hành báo cáo kết quả {rc.moment.label}{period} như sau:"
    )


def annex_line(rc: ReportContext) -> str:
    """'(Kèm theo Báo cáo số      /BC-CĐCS ngày 05/07/2023 của Ban Chấp hành …)'."""
    return (
        f"(Kèm theo Báo cáo số        {symbol(rc.config)} ngày "
        f"{rc.day.strftime('%d/%m/%Y')} của Ban Chấp hành "
        f"{rc.config.get('ten_cong_doan', '')})"
    )


def write_summary(ws: Worksheet, rc: ReportContext, annexes: dict[str, int], proposed: int) -> None:
    doc = Document(ws, SUMMARY_WIDTHS, rc.config, rc.day)
    doc.header()
    doc.title("BÁO CÁO", subject(rc))
    doc.paragraph(opening(rc))
    section = itertools.count(1)

    doc.table(
        FIGURE_COLUMNS,
        figure_rows(figures(rc, proposed)),
        heading=f"{roman(next(section))}. SỐ LIỆU CHUNG",
        keep=None,
    )

    rows, total = group_rows(rc)
    when = "cả năm" if rc.moment.is_year else rc.moment.phases[0]
    doc.table(
        GROUP_COLUMNS,
        rows,
        total,
        heading=f"{roman(next(section))}. KẾT QUẢ THEO TỔ CÔNG ĐOÀN ({when.upper()})",
    )
    if rows:
        first, last, names, values = doc.chart_data(
            "Điểm thi đua", [(r["ten"], r["score"]) for r in rows]
        )
        chart = group_score_bars(
            ws,
            first,
            last,
            names,
            values,
            f"Điểm thi đua {when} của các tổ công đoàn",
            f"Điểm thi đua {when}",
            rc.bands.score_max,
        )
        doc.chart(chart, height_cm=min(4 + 0.7 * len(rows), 16), width_cm=18)

    cols, rows, total = movement_rows(rc)
    doc.table(cols, rows, total, heading=f"{roman(next(section))}. ĐĂNG KÝ THI ĐUA THEO PHONG TRÀO")

    cols, rows, total = works_matrix(rc)
    where = (
        f" (danh sách đề nghị gắn biển: Phụ lục {annexes['bc_cong_trinh']})"
        if "bc_cong_trinh" in annexes
        else ""
    )
    doc.table(
        cols,
        rows,
        total,
        keep=None,
        heading=f"{roman(next(section))}. CÔNG TRÌNH, SẢN PHẨM THEO TRẠNG THÁI VÀ "
        f"CẤP GẮN BIỂN{where}",
    )

    cols, rows, total = article_levels(rc)
    where = f" (chi tiết: Phụ lục {annexes['bc_tin_bai']})" if "bc_tin_bai" in annexes else ""
    doc.table(
        cols,
        rows,
        total,
        keep=None,
        tail=doc.signature_height(),
        heading=f"{roman(next(section))}. TIN, BÀI THEO CẤP CƠ QUAN BÁO CHÍ{where}",
    )
    doc.signature()
    doc.finish()
