"""`BC Tổng hợp` and `BC Tin bài`: the campaign by phase and group, movement, works, articles."""
from __future__ import annotations

import pandas as pd
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.worksheet.worksheet import Worksheet

from ..schema.lists import OUTLET_LEVELS, WORK_DONE, WORK_STATUSES
from ..scoring import CAMPAIGN
from ..scoring.facts import registrations_in_force
from .context import ReportContext
from .document import Col, Document

NO_PLAQUE = "Không đăng ký gắn biển"


def _pct(k: float, n: float) -> float:
    return round(100 * k / n, 2) if n else 0.0


def phase_group_rows(rc: ReportContext) -> tuple[list, dict]:
    groups = rc.scores.groups
    # people take part from the phase they register in to the end of the campaign
    regs = registrations_in_force(rc.regs[rc.regs["loai"] == "Cá nhân"], rc.scores.phases)
    member_group = dict(zip(rc.members["ma_doan_vien"], rc.members["ma_to"]))
    regs = regs.assign(ma_to=regs["ma"].map(member_group))
    registered = regs.drop_duplicates(["ma", "dot"]).groupby(["ma_to", "dot"]).size()
    works = rc.works[rc.works["trang_thai"].isin(WORK_DONE)].groupby(["ma_to", "dot"]).size()
    rows: list = []
    totals = {"n": 0, "dk": 0, "ct": 0, "tb": 0, "sk": 0}
    for phase in rc.scores.phases:
        name = rc.phase_names.get(phase) or phase
        rows.append(name if name.startswith(phase) else f"{phase}: {name}")
        part = groups[groups["dot"] == phase].sort_values("ma_to")
        sums = {"n": 0, "dk": 0, "ct": 0, "tb": 0, "sk": 0}
        for j, g in enumerate(part.to_dict("records"), start=1):
            key = (g["ma_to"], phase)
            row = {"stt": j, "ten": g["ten_to"], "n": int(g["so_doan_vien"]),
                   "dk": int(registered.get(key, 0)), "ct": int(works.get(key, 0)),
                   "tb": int(g["so_tin_bai"]), "sk": int(g["so_sang_kien"]),
                   "diem": g["tong"], "xl": g["xep_loai_diem"]}
            row["tl"] = _pct(row["dk"], row["n"])
            rows.append(row)
            for k in sums:
                sums[k] += row[k]
        rows.append({"ten": f"Cộng {phase}", **sums, "tl": _pct(sums["dk"], sums["n"])})
        for k in ("dk", "ct", "tb", "sk"):
            totals[k] += sums[k]
        totals["n"] = max(totals["n"], sums["n"])
    return rows, totals


def movement_rows(rc: ReportContext) -> tuple[list[Col], list[dict], dict]:
    phases = rc.scores.phases
    cols = [Col("STT", "stt", align="center"), Col("Phong trào thi đua", "ten")]
    for p in phases:
        cols += [Col(f"{p}: cá nhân", f"{p}|Cá nhân", "0", "center"),
                 Col(f"{p}: tập thể", f"{p}|Tập thể", "0", "center")]
    cols.append(Col("Cộng (lượt)", "cong", "0", "center"))
    counts = rc.regs.groupby(["phong_trao", "dot", "loai"]).size()
    rows, total = [], {"ten": "Cộng"}
    for i, name in enumerate(rc.movements, start=1):
        row = {"stt": i, "ten": name, "cong": 0}
        for p in phases:
            for kind in ("Cá nhân", "Tập thể"):
                v = int(counts.get((name, p, kind), 0))
                row[f"{p}|{kind}"] = v
                row["cong"] += v
                total[f"{p}|{kind}"] = total.get(f"{p}|{kind}", 0) + v
        total["cong"] = total.get("cong", 0) + row["cong"]
        rows.append(row)
    return cols, rows, total


def count_matrix(frame: pd.DataFrame, row_key: str, col_key: str, row_values: list[str],
                 col_values: list[str], first_header: str
                 ) -> tuple[list[Col], list[dict], dict]:
    """Counts of ``frame`` rows per (row value, column value), with a Cộng column and row."""
    cols = [Col("STT", "stt", align="center"), Col(first_header, "ten")]
    cols += [Col(c, c, "0", "center") for c in col_values]
    cols.append(Col("Cộng", "cong", "0", "center"))
    counts = frame.groupby([row_key, col_key]).size()
    rows, total = [], {"ten": "Cộng", "cong": 0}
    for i, value in enumerate(row_values, start=1):
        row = {"stt": i, "ten": value}
        for c in col_values:
            row[c] = int(counts.get((value, c), 0))
            total[c] = total.get(c, 0) + row[c]
        row["cong"] = sum(row[c] for c in col_values)
        total["cong"] += row["cong"]
        rows.append(row)
    return cols, rows, total


def works_matrix(rc: ReportContext) -> tuple[list[Col], list[dict], dict]:
    works = rc.works.assign(cap=rc.works["cap_gan_bien"].replace("", NO_PLAQUE))
    return count_matrix(works, "cap", "trang_thai", [*rc.plaque_levels, NO_PLAQUE],
                        list(WORK_STATUSES), "Cấp gắn biển")


def article_levels(rc: ReportContext) -> tuple[list[Col], list[dict], dict]:
    return count_matrix(rc.articles, "cap", "dot", list(OUTLET_LEVELS), list(rc.scores.phases),
                        "Cấp cơ quan báo chí")


def write_summary(ws: Worksheet, rc: ReportContext) -> None:
    doc = Document(ws, [5, 34, 10, 10, 10, 10, 10, 10, 10, 12], rc.config, rc.day)
    doc.header()
    doc.title("BÁO CÁO", "Tổng hợp kết quả phong trào thi đua",
              rc.config.get("ten_phong_trao", ""),
              f"(Thực hiện Kế hoạch số {rc.config.get('so_ke_hoach', '')})")
    if rc.scores.excluded.get("count"):
        doc.paragraph(f"Số liệu không gồm {rc.scores.excluded['count']} dòng dữ liệu có lỗi "
                      "(xem trang Kiểm tra).", italic=True)
    doc.heading("I. KẾT QUẢ THEO ĐỢT VÀ TỔ CÔNG ĐOÀN")
    rows, _ = phase_group_rows(rc)
    doc.table([Col("STT", "stt", align="center"), Col("Tổ công đoàn", "ten"),
               Col("Số đoàn viên", "n", "0", "center"),
               Col("Đăng ký thi đua (người)", "dk", "0", "center"),
               Col("Tỷ lệ tham gia (%)", "tl", "General", "center"),
               Col("Công trình hoàn thành", "ct", "0", "center"),
               Col("Tin, bài", "tb", "0", "center"),
               Col("Sáng kiến", "sk", "0", "center"),
               Col("Điểm tổ", "diem", "General", "center"),
               Col("Xếp loại", "xl", align="center")], rows)
    doc.heading("II. ĐĂNG KÝ THI ĐUA THEO PHONG TRÀO")
    cols, rows, total = movement_rows(rc)
    doc.table(cols, rows, total)
    doc.heading("III. CÔNG TRÌNH, SẢN PHẨM THEO TRẠNG THÁI VÀ CẤP GẮN BIỂN")
    cols, rows, total = works_matrix(rc)
    doc.table(cols, rows, total)
    doc.heading("IV. TIN, BÀI THEO CẤP CƠ QUAN BÁO CHÍ (chi tiết: trang BC Tin bài)")
    cols, rows, total = article_levels(rc)
    doc.table(cols, rows, total)
    doc.heading("V. ĐIỂM THI ĐUA CẢ NĂM CỦA CÁC TỔ CÔNG ĐOÀN")
    whole = rc.scores.groups[rc.scores.groups["dot"] == CAMPAIGN].sort_values("hang")
    first, last = doc.table(
        [Col("Hạng", "hang", "0", "center"), Col("Tổ công đoàn", "ten_to"),
         Col("Điểm cả năm", "tong", "General", "center"),
         Col("Xếp loại", "xep_loai_diem", align="center")],
        whole.to_dict("records"))
    if len(whole):
        chart = BarChart()
        chart.type, chart.style = "bar", 10
        chart.title = "Điểm thi đua cả năm theo tổ"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        chart.add_data(Reference(ws, min_col=3, min_row=first, max_row=last),
                       titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last))
        chart.legend = None
        chart.height, chart.width = 7.5, 16
        ws.add_chart(chart, f"B{doc.reserve(16)}")
    doc.signature([rc.config.get("cong_doan_cap_tren", "") + ";", "Lưu: VT, BCH."])


def write_articles(ws: Worksheet, rc: ReportContext) -> None:
    phases = rc.scores.phases
    widths = [5, 44, *[10] * len(phases), 10, 12]
    doc = Document(ws, widths, rc.config, rc.day, landscape=False)
    doc.header()
    doc.title("BÁO CÁO", "Tin, bài tuyên truyền theo cơ quan báo chí",
              rc.config.get("ten_phong_trao", ""))
    cols, rows, total = count_matrix(rc.articles, "co_quan_bao", "dot",
                                     [name for name, _ in rc.outlets], list(phases),
                                     "Cơ quan báo chí")
    for row, (_, level) in zip(rows, rc.outlets):
        row["cap"] = level
    doc.heading("I. THEO CƠ QUAN BÁO CHÍ VÀ ĐỢT")
    doc.table([*cols, Col("Cấp", "cap", align="center")], rows, total)
    doc.heading("II. THEO CẤP CƠ QUAN BÁO CHÍ")
    cols, rows, total = article_levels(rc)
    cols = [cols[0], cols[1], cols[-1]]
    first, last = doc.table(cols, rows, total)
    if total["cong"]:
        pie = PieChart()
        pie.title = "Tin, bài theo cấp cơ quan báo chí"
        pie.add_data(Reference(ws, min_col=3, min_row=first, max_row=last - 1),
                     titles_from_data=False)
        pie.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last - 1))
        pie.dataLabels = DataLabelList()
        pie.dataLabels.showPercent = True
        pie.height, pie.width = 7, 12
        ws.add_chart(pie, f"B{doc.reserve(15)}")
    doc.signature([rc.config.get("cong_doan_cap_tren", "") + ";", "Lưu: VT, BCH."])
