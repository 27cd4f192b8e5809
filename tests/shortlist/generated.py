"""Year facts built directly (the columns of workbook.shortlist.facts), for criterion-by-criterion
and property tests that need many members without a workbook each."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from workbook.rulesets import discipline_rank, pick_regime
from workbook.shortlist.engine import decide_awards
from workbook.shortlist.titles import Quota, SheetTitle

CONFIG = {
    "co_quan": "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn",
    "dia_danh": "Lạng Sơn",
    "thu_truong_co_quan": "Giám đốc Sở Kế hoạch và Đầu tư",
    "cong_doan_cap_tren": "Công đoàn Viên chức tỉnh Lạng Sơn",
    "cong_doan_cap_tren_2": "Liên đoàn Lao động tỉnh Lạng Sơn",
    "ten_cong_doan": "Công đoàn cơ sở Sở Kế hoạch và Đầu tư",
}
LEVELS = {0: "", 1: "Cơ sở", 2: "Ngành", 3: "Tỉnh", 4: "Toàn quốc"}


def member(
    code: str,
    group: str = "A",
    *,
    rating: str = "HTTNV",
    discipline: str = "Không",
    months: float = 120,
    registered: bool = True,
    initiative: int = 1,
    kind: str = "Đoàn viên",
    points: float = 60,
    rank: int = 1,
) -> dict:
    return {
        "ma_doan_vien": code,
        "ho_dem": "Nguyễn Văn",
        "ten": code,
        "ho_ten": f"Nguyễn Văn {code}",
        "ma_to": group,
        "tong": points,
        "hang": rank,
        "xep_loai_diem": "Loại C",
        "so_tin_bai": 0,
        "so_sang_kien": initiative,
        "xep_loai_nam": rating,
        "sk_cong_nhan": float(bool(initiative)),
        "sk_cap": initiative,
        "cap_sang_kien": LEVELS[initiative],
        "ten_sang_kien": "",
        "so_dang_ky": float(registered),
        "gioi_tinh": "Nam",
        "ngay_sinh": None,
        "chuc_vu": "Chuyên viên",
        "thanh_phan": kind,
        "ky_luat": discipline,
        "ky_luat_muc": discipline_rank(discipline),
        "thang_cong_tac": months,
    }


def group(
    code: str,
    *,
    rating: str = "HTXSNV",
    unit: str | None = "Phòng",
    band: str = "Khá",
    points: float = 75,
    rank: int = 1,
) -> dict:
    return {
        "ma_to": code,
        "ten_to": f"Tổ {code}",
        "so_doan_vien": 0,
        "tong": points,
        "hang": rank,
        "xep_loai_diem": band,
        "so_sang_kien": 0,
        "so_tin_bai": 0,
        "don_vi": f"{unit} {code}" if unit else "",
        "xep_loai_nam": rating,
    }


def titles(regime, quota: int = 1000) -> list[SheetTitle]:
    """Every award of the regime, as if listed on Danh hiệu with a large quota."""
    return [
        SheetTitle(
            code=a.code,
            name=a.name,
            subject=a.subject,
            track=a.track,
            decider="",
            quota=Quota(count=quota),
            tdkt_code="",
            criteria="",
        )
        for rs in regime.sets
        for a in rs.awards
    ]


def decide(members: list[dict], groups: list[dict], review: dt.date, quota: int = 1000):
    regime = pick_regime(review)
    m = pd.DataFrame(members)
    g = pd.DataFrame(groups)
    g["so_doan_vien"] = g["ma_to"].map(m.groupby("ma_to").size()).fillna(0)
    return decide_awards(
        m,
        g,
        regime,
        titles(regime, quota),
        year=review.year - (1 if review.month < 6 else 0),
        config=CONFIG,
    )
