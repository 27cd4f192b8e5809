"""The report's tables as data (rows of dicts), shared by the Excel sheets and the Word report,
so a figure printed in both is computed once."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..schema.lists import OUTLET_LEVELS, SUBJECT_TYPES, WORK_DONE, WORK_STATUSES
from .context import ReportContext
from .figures import FIGURES, INDIVIDUAL, percent
from .paged_sheet import Col

NO_PLAQUE = "Không đăng ký gắn biển"

# the group table's counts that add up to its Cộng row
SUMMED = ("members", "registered", "works_done", "articles", "initiatives")
GROUP_COLUMNS = [
    Col("STT", "stt", align="center"),
    Col("Tổ công đoàn", "ten"),
    Col("Số đoàn viên", "members", "0", "center"),
    Col("Đăng ký thi đua (người)", "registered", "0", "center"),
    Col("Tỷ lệ tham gia (%)", "registered_pct", "0.##", "center"),
    Col("Công trình hoàn thành", "works_done", "0", "center"),
    Col("Tin, bài", "articles", "0", "center"),
    Col("Sáng kiến", "initiatives", "0", "center"),
    Col("Điểm thi đua", "score", "0.##", "center"),
    Col("Xếp loại", "band", align="center"),
]
FIGURE_COLUMNS = [
    Col("STT", "stt", align="center"),
    Col("Chỉ tiêu", "chi_tieu"),
    Col("Số lượng", "so_luong", "#,##0", "center"),
    Col("Ghi chú", "ghi_chu"),
]


def figure_rows(values: dict[str, int]) -> list[dict]:
    """One line per standard figure; shares of members in the note column."""
    members = values.get("so_doan_vien") or 0
    rows = []
    for i, f in enumerate(FIGURES, start=1):
        note = ""
        if f.unit == "người" and f.key != "so_doan_vien" and members:
            note = f"{percent(values[f.key], members):g}% số đoàn viên".replace(".", ",")
        rows.append(
            {
                "stt": i,
                "chi_tieu": f.label,
                "so_luong": values[f.key],
                "ghi_chu": note,
                "key": f.key,
            }
        )
    return rows


def group_rows(rc: ReportContext) -> tuple[list[dict], dict]:
    """One row per union group for the moment (score of the phase, or of the year), in group
    code order, and the total row."""
    groups = rc.group_scores().sort_values("ma_to")
    regs = rc.regs_in_force[rc.regs_in_force["loai"] == INDIVIDUAL]
    member_group = dict(zip(rc.members["ma_doan_vien"], rc.members["ma_to"]))
    regs = regs.assign(ma_to=regs["ma"].map(member_group)).dropna(subset=["ma_to"])
    registered = regs.drop_duplicates("ma").groupby("ma_to").size()
    works = rc.works[rc.works["trang_thai"].isin(WORK_DONE)].groupby("ma_to").size()
    rows = []
    total: dict[str, Any] = {"ten": "Cộng", **dict.fromkeys(SUMMED, 0)}
    for i, g in enumerate(groups.to_dict("records"), start=1):
        code = g["ma_to"]
        row: dict[str, Any] = {
            "stt": i,
            "ma_to": code,
            "ten": g["ten_to"],
            "members": int(g["so_doan_vien"]),
            "registered": int(registered.get(code, 0)),
            "works_done": int(works.get(code, 0)),
            "articles": int(g["so_tin_bai"]),
            "initiatives": int(g["so_sang_kien"]),
            "score": float(g["tong"]),
            "band": g["xep_loai_diem"],
            "rank": int(g["hang"]),
        }
        row["registered_pct"] = percent(row["registered"], row["members"])
        rows.append(row)
        for k in SUMMED:
            total[k] += row[k]
    total["registered_pct"] = percent(total["registered"], total["members"])
    return rows, total


def movement_rows(rc: ReportContext) -> tuple[list[Col], list[dict], dict]:
    """Registrations per movement: individuals and groups, per phase of the moment."""
    phases = rc.phases
    cols = [Col("STT", "stt", align="center"), Col("Phong trào thi đua", "ten")]
    for p in phases:
        for kind in SUBJECT_TYPES:
            label = f"{p}: {kind.lower()}" if len(phases) > 1 else kind
            cols.append(Col(f"{label} (lượt)", f"{p}|{kind}", "0", "center"))
    cols.append(Col("Cộng (lượt)", "cong", "0", "center"))
    counts = rc.regs.groupby(["phong_trao", "dot", "loai"]).size()
    rows: list[dict] = []
    total: dict[str, Any] = {"ten": "Cộng", "cong": 0}
    for i, name in enumerate(rc.movements, start=1):
        row: dict[str, Any] = {"stt": i, "ten": name, "cong": 0}
        for p in phases:
            for kind in SUBJECT_TYPES:
                v = int(counts.get((name, p, kind), 0))
                row[f"{p}|{kind}"] = v
                row["cong"] += v
                total[f"{p}|{kind}"] = total.get(f"{p}|{kind}", 0) + v
        total["cong"] += row["cong"]
        rows.append(row)
    return cols, rows, total


def count_matrix(
    frame: pd.DataFrame,
    row_key: str,
    col_key: str,
    row_values: list[str],
    col_values: list[str],
    first_header: str,
) -> tuple[list[Col], list[dict], dict]:
    """Counts of ``frame`` rows per (row value, column value), with a Cộng column and row."""
    cols = [Col("STT", "stt", align="center"), Col(first_header, "ten")]
    cols += [Col(c, c, "0", "center") for c in col_values]
    cols.append(Col("Cộng", "cong", "0", "center"))
    counts = frame.groupby([row_key, col_key]).size()
    rows: list[dict] = []
    total: dict[str, Any] = {"ten": "Cộng", "cong": 0}
    for i, value in enumerate(row_values, start=1):
        row: dict[str, Any] = {"stt": i, "ten": value}
        for c in col_values:
            row[c] = int(counts.get((value, c), 0))
            total[c] = total.get(c, 0) + row[c]
        row["cong"] = sum(row[c] for c in col_values)
        total["cong"] += row["cong"]
        rows.append(row)
    return cols, rows, total


def works_matrix(rc: ReportContext) -> tuple[list[Col], list[dict], dict]:
    works = rc.works.assign(cap=rc.works["cap_gan_bien"].replace("", NO_PLAQUE))
    levels = [*rc.plaque_levels, NO_PLAQUE]
    levels += sorted(set(works["cap"]) - set(levels))
    return count_matrix(works, "cap", "trang_thai", levels, list(WORK_STATUSES), "Cấp gắn biển")


def article_levels(rc: ReportContext) -> tuple[list[Col], list[dict], dict]:
    return count_matrix(
        rc.articles, "cap", "dot", list(OUTLET_LEVELS), rc.phases, "Cấp cơ quan báo chí"
    )


def article_outlets(rc: ReportContext) -> tuple[list[Col], list[dict], dict]:
    cols, rows, total = count_matrix(
        rc.articles,
        "co_quan_bao",
        "dot",
        [name for name, _ in rc.outlets],
        rc.phases,
        "Cơ quan báo chí",
    )
    for row, (_, level) in zip(rows, rc.outlets):
        row["cap"] = level
    return [*cols, Col("Cấp", "cap", align="center")], rows, total


def rating_counts(rc: ReportContext) -> dict[str, dict[str, int]]:
    """Kết quả rows per phase and duty rating (for the narrative report's sentences)."""
    out: dict[str, dict[str, int]] = {}
    for phase in rc.phases:
        part = rc.results[rc.results["dot"] == phase]
        out[phase] = {k: int(v) for k, v in part["xep_loai"].value_counts().items() if k}
    return out
