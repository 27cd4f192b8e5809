"""A small campaign whose every score and award is computed by hand in the tests: 10 members,
2 groups.

Plan 45's set-up and rubric (CN01–CN10 for members, TT01–TT10 for groups), phases Đợt 1
(09/12/2022–30/06/2023) and Đợt 2 (01/07/2023–31/12/2023). The awards are reviewed on
28/12/2023 (rule sets 2023 + 1689) unless a test says otherwise. Who is who (phase results
drive the points; the official annual rating of 2023 drives the titles):

A1 An    Tổ A  annual HTXSNV, 2 initiatives (cơ sở) in Đợt 1          → LĐTT, CSTĐCS
A2 Bình  Tổ A  annual HTTNV, 1 initiative (Tỉnh), 1 provincial article → LĐTT, CSTĐCS
A3 Cường Tổ A  annual HTNV                                             → not LĐTT
A4 Dung  Tổ A  not registered, Khiển trách, 2 violations in Đợt 1      → not LĐTT
A5 Đức   Tổ A  recruited 02/05/2023: 7 months → not LĐTT under 2023 (10), LĐTT under 2024 (6)
B1 Hoa   Tổ B  annual HTXSNV, 4 + 1 initiatives, 2 central articles    → the top scorer
B2 Hải / B3 Hà Tổ B  identical results; B3 registered earlier (tie-breaks)
B4 Khánh Tổ B  annual HTXSNV, no initiative → CSTĐCS only under 2024 (HTXSNV suffices)
B5 Lan   Tổ B  annual HTTNV, an initiative each phase                   → LĐTT, CSTĐCS
Tổ A is the Phòng Tổng hợp, rated HTTNV as a collective; Tổ B the Phòng Đầu tư, HTXSNV.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbook.campaign import load_campaign
from workbook.master import init_master
from workbook.writing import fill_tables

D = dt.date
P1, P2 = "Đợt 1", "Đợt 2"
MOVEMENT = "Lao động giỏi – Lao động sáng tạo"

GROUPS = [
    {"ma_to": "A", "ten_to": "Tổ A", "to_truong": "Nguyễn Văn An", "don_vi": "Phòng Tổng hợp"},
    {"ma_to": "B", "ten_to": "Tổ B", "to_truong": "Vi Thị Hoa", "don_vi": "Phòng Đầu tư"},
]


def _member(code, ho_dem, ten, group, gender="Nam", **more):
    return {
        "ma_doan_vien": code,
        "ho_dem": ho_dem,
        "ten": ten,
        "gioi_tinh": gender,
        "ngay_sinh": D(1985, 3, 15),
        "ma_to": group,
        "chuc_vu": "Chuyên viên",
        "thanh_phan": "Đoàn viên",
        "ngay_tuyen_dung": D(2010, 1, 1),
        "ky_luat": "Không",
        **more,
    }


MEMBERS = [
    _member("A1", "Nguyễn Văn", "An", "A", chuc_vu="Trưởng phòng"),
    _member("A2", "Trần Thị", "Bình", "A", "Nữ"),
    _member("A3", "Lê Văn", "Cường", "A"),
    _member("A4", "Phạm Thị", "Dung", "A", "Nữ", ky_luat="Khiển trách"),
    _member("A5", "Hoàng Văn", "Đức", "A", ngay_tuyen_dung=D(2023, 5, 2)),
    _member("B1", "Vi Thị", "Hoa", "B", "Nữ", chuc_vu="Phó Trưởng phòng"),
    _member("B2", "Nông Văn", "Hải", "B"),
    _member("B3", "Lương Thị", "Hà", "B", "Nữ"),
    _member("B4", "Chu Văn", "Khánh", "B"),
    _member("B5", "Lộc Thị", "Lan", "B", "Nữ"),
]
# The agency's 2023 quality ratings (Xếp loại năm): inputs, independent of the points.
ANNUAL = {
    "A1": "HTXSNV",
    "A2": "HTTNV",
    "A3": "HTNV",
    "A4": "HTTNV",
    "A5": "HTTNV",
    "B1": "HTXSNV",
    "B2": "HTTNV",
    "B3": "HTTNV",
    "B4": "HTXSNV",
    "B5": "HTTNV",
    "A": "HTTNV",
    "B": "HTXSNV",
}
REVIEW_2023 = D(2023, 12, 28)


def annual_rows(year: int = 2023, ratings: dict[str, str] | None = None) -> list[dict]:
    ratings = ANNUAL if ratings is None else ratings
    return [
        {
            "nam": year,
            "loai_doi_tuong": "Tập thể" if len(code) == 1 else "Cá nhân",
            "ma_doi_tuong": code,
            "xep_loai": rating,
        }
        for code, rating in ratings.items()
    ]


def _result(code, phase, rating, activities=0, initiatives=0, level=None, violations=0):
    return {
        "ma_doan_vien": code,
        "dot": phase,
        "xep_loai": rating,
        "so_sang_kien": initiatives or None,
        "cap_sang_kien": level,
        "ten_sang_kien": f"Sáng kiến {code} {phase}" if initiatives else None,
        "ngay_cong_nhan": (D(2023, 5, 20) if phase == P1 else D(2023, 11, 20))
        if initiatives
        else None,
        "so_hoat_dong": activities or None,
        "so_vi_pham": violations or None,
    }


RESULTS = [
    _result("A1", P1, "HTXSNV", 3, 2, "Cơ sở"),
    _result("A1", P2, "HTXSNV", 4),
    _result("A2", P1, "HTTNV", 10, 1, "Tỉnh"),
    _result("A2", P2, "HTTNV", 12),
    _result("A3", P1, "HTTNV", 5),
    _result("A3", P2, "HTNV", 5),
    _result("A4", P1, "HTTNV", violations=2),
    _result("A4", P2, "HTTNV"),
    _result("A5", P1, "HTXSNV", 0, 1, "Cơ sở"),
    _result("A5", P2, "HTXSNV", 0, 1, "Cơ sở"),
    _result("B1", P1, "HTXSNV", 10, 4, "Cơ sở"),
    _result("B1", P2, "HTXSNV", 10, 1, "Ngành"),
    _result("B2", P1, "HTTNV", 6, 1, "Cơ sở"),
    _result("B2", P2, "HTTNV", 6, 1, "Cơ sở"),
    _result("B3", P1, "HTTNV", 6, 1, "Cơ sở"),
    _result("B3", P2, "HTTNV", 6, 1, "Cơ sở"),
    _result("B4", P1, "HTTNV", 4),
    _result("B4", P2, "HTTNV", 4),
    _result("B5", P1, "HTTNV", 2, 1, "Cơ sở"),
    _result("B5", P2, "HTTNV", 2, 1, "Cơ sở"),
]

REG_DATES = {
    "A1": D(2023, 1, 5),
    "A2": D(2023, 1, 6),
    "A3": D(2023, 1, 6),
    "A5": D(2023, 1, 6),
    "B1": D(2023, 1, 4),
    "B2": D(2023, 1, 10),
    "B3": D(2023, 1, 8),
    "B4": D(2023, 1, 9),
    "B5": D(2023, 1, 10),
}


def _registrations():
    rows = []
    for code, day in REG_DATES.items():
        for phase, date in ((P1, day), (P2, D(2023, 7, 10))):
            rows.append(
                {
                    "ma_dang_ky": f"DK-{code}-{phase[-1]}",
                    "loai_doi_tuong": "Cá nhân",
                    "ma_doi_tuong": code,
                    "dot": phase,
                    "phong_trao": MOVEMENT,
                    "danh_hieu": "Lao động tiên tiến",
                    "ngay_dang_ky": date,
                }
            )
    rows.append(
        {
            "ma_dang_ky": "DK-B",
            "loai_doi_tuong": "Tập thể",
            "ma_doi_tuong": "B",
            "dot": P1,
            "phong_trao": MOVEMENT,
            "danh_hieu": "Tập thể lao động xuất sắc",
            "ngay_dang_ky": D(2023, 1, 4),
        }
    )
    return rows


WORKS = [
    {
        "ma_cong_trinh": "CT-A1",
        "ten_cong_trinh": "Số hóa hồ sơ lưu trữ",
        "loai": "Sản phẩm",
        "ma_to": "A",
        "dot": P1,
        "gia_tri": 10_000_000,
        "ngay_bat_dau": D(2023, 2, 1),
        "ngay_hoan_thanh": D(2023, 6, 1),
        "trang_thai": "Hoàn thành",
    },
    {
        "ma_cong_trinh": "CT-B1",
        "ten_cong_trinh": "Cải tạo khuôn viên trụ sở",
        "loai": "Công trình",
        "ma_to": "B",
        "dot": P1,
        "quy_mo": "500 m²",
        "gia_tri": 120_000_000,
        "nguon_kinh_phi": "Xã hội hóa",
        "ngay_bat_dau": D(2023, 2, 1),
        "ngay_hoan_thanh": D(2023, 6, 20),
        "cap_gan_bien": "Đại hội IV Công đoàn Viên chức tỉnh",
        "trang_thai": "Đề nghị gắn biển",
    },
    {
        "ma_cong_trinh": "CT-B2",
        "ten_cong_trinh": "Tủ sách pháp luật",
        "loai": "Sản phẩm",
        "ma_to": "B",
        "dot": P1,
        "gia_tri": 5_000_000,
        "ngay_bat_dau": D(2023, 3, 1),
        "ngay_hoan_thanh": D(2023, 5, 1),
        "trang_thai": "Hoàn thành",
    },
]

ARTICLES = [
    {
        "ma_tin_bai": "TB1",
        "ma_doan_vien": "A2",
        "tieu_de": "Tổ A thi đua",
        "dot": P1,
        "co_quan_bao": "Báo Lạng Sơn",
        "ngay_dang": D(2023, 4, 2),
    },
    {
        "ma_tin_bai": "TB2",
        "ma_doan_vien": "B1",
        "tieu_de": "Gương sáng lao động",
        "dot": P1,
        "co_quan_bao": "Báo Lao động",
        "ngay_dang": D(2023, 5, 2),
    },
    {
        "ma_tin_bai": "TB3",
        "ma_doan_vien": "B1",
        "tieu_de": "Sáng kiến số hóa",
        "dot": P1,
        "co_quan_bao": "Trang thông tin điện tử Tổng Liên đoàn Lao động Việt Nam",
        "ngay_dang": D(2023, 6, 2),
    },
    {
        "ma_tin_bai": "TB4",
        "ma_doan_vien": "B4",
        "tieu_de": "Tổ B",
        "dot": P1,
        "co_quan_bao": "Báo Lạng Sơn",
        "ngay_dang": D(2023, 6, 12),
    },
]

PHASES_2024 = [
    {
        "ma_dot": P1,
        "ten_dot": "Đợt 1 năm 2024",
        "ngay_bat_dau": D(2024, 1, 1),
        "ngay_ket_thuc": D(2024, 6, 30),
    },
    {
        "ma_dot": P2,
        "ten_dot": "Đợt 2 năm 2024",
        "ngay_bat_dau": D(2024, 7, 1),
        "ngay_ket_thuc": D(2024, 12, 31),
    },
]


def _next_year(value):
    return value.replace(year=value.year + 1) if isinstance(value, dt.date) else value


def build_small_master(
    path: Path, year: int = 2023, review: dt.date | None = REVIEW_2023, **config: str
) -> Path:
    """The master of the small campaign (``year`` 2024 moves the phases into 2024).

    ``review`` is the award review day on Cấu hình (None leaves it blank); other keyword
    arguments set more Cấu hình items (e.g. bo_quy_tac, ly_do_bo_quy_tac)."""
    campaign = load_campaign()
    campaign.config.update({"nam": str(year), **config})
    campaign.config["ngay_xet_khen_thuong"] = (
        None if review is None else review.replace(year=review.year + year - 2023)
    )
    init_master(
        path,
        campaign,
        extra={"to_cong_doan": GROUPS, "doan_vien": MEMBERS, "xep_loai_nam": annual_rows(year)},
    )
    tables = {
        "dang_ky": _registrations(),
        "ket_qua": RESULTS,
        "cong_trinh": WORKS,
        "tin_bai": ARTICLES,
    }
    if year == 2024:  # the same campaign a year later; the member list stays as it is
        tables = {
            k: [{c: _next_year(v) for c, v in row.items()} for row in rows]
            for k, rows in tables.items()
        }
        tables["dot_thi_dua"] = PHASES_2024
    fill_tables(path, tables)
    return path
