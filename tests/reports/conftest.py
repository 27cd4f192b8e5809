"""Masters the report tests print: the small campaign (every figure known), and a wide one
(many groups and proposals, so tables run over several pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.scoring.small_campaign import build_small_master
from tests.shortlist.conftest import with_quotas
from workbook.campaign import load_campaign
from workbook.master import init_master
from workbook.writing import fill_tables

D = dt.date
MOVEMENTS = ["Lao động giỏi – Lao động sáng tạo", "Tham mưu giỏi, phục vụ tốt"]


def build_wide_master(path, groups: int = 40, per_group: int = 3):
    """``groups`` union groups of ``per_group`` members, everyone registered for the year and
    rated HTTNV or better (the year's official rating too), 60 Giấy khen of the upper union
    given: a long group table and a long award list."""
    rows = {"to_cong_doan": [], "doan_vien": [], "xep_loai_nam": []}
    data = {"dang_ky": [], "ket_qua": [], "cong_trinh": [], "tin_bai": []}
    for g in range(1, groups + 1):
        code = f"{g:02d}"
        rows["to_cong_doan"].append(
            {"ma_to": code, "ten_to": f"Tổ công đoàn số {code}", "xep_loai_tap_the": "HTTNV"}
        )
        data["cong_trinh"].append(
            {
                "ma_cong_trinh": f"CT{code}",
                "ten_cong_trinh": f"Sáng kiến số hóa của tổ {code}",
                "loai": "Sản phẩm",
                "ma_to": code,
                "dot": "Đợt 1",
                "gia_tri": 1_000_000 * g,
                "ngay_bat_dau": D(2023, 2, 1),
                "ngay_hoan_thanh": D(2023, 6, 1),
                "cap_gan_bien": "Đại hội IV Công đoàn Viên chức tỉnh",
                "trang_thai": "Đề nghị gắn biển" if g % 2 else "Hoàn thành",
            }
        )
        for i in range(per_group):
            member = f"W{code}{i}"
            rows["doan_vien"].append(
                {
                    "ma_doan_vien": member,
                    "ho_dem": "Nguyễn Thị" if i % 2 else "Hoàng Văn",
                    "ten": ["An", "Bình", "Chi", "Dũng"][i % 4],
                    "gioi_tinh": "Nữ" if i % 2 else "Nam",
                    "ngay_sinh": D(1980 + i, 1 + g % 12, 10),
                    "ma_to": code,
                    "chuc_vu": "Chuyên viên",
                    "thanh_phan": "Đoàn viên",
                    "ngay_tuyen_dung": D(2010, 1, 1),
                    "so_ngay_nghi": 0,
                    "nghi_thai_san": "Không",
                    "ky_luat": "Không",
                }
            )
            rows["xep_loai_nam"].append(
                {
                    "nam": 2023,
                    "loai_doi_tuong": "Cá nhân",
                    "ma_doi_tuong": member,
                    "xep_loai": "HTTNV",
                }
            )
            data["dang_ky"].append(
                {
                    "ma_dang_ky": f"DK{member}",
                    "loai_doi_tuong": "Cá nhân",
                    "ma_doi_tuong": member,
                    "dot": "Đợt 1",
                    "phong_trao": MOVEMENTS[i % 2],
                    "danh_hieu": "Lao động tiên tiến",
                    "ngay_dang_ky": D(2023, 1, 5),
                }
            )
            for phase, day in (("Đợt 1", D(2023, 5, 1)), ("Đợt 2", D(2023, 11, 1))):
                data["ket_qua"].append(
                    {
                        "ma_doan_vien": member,
                        "dot": phase,
                        "xep_loai": "HTXSNV" if (g + i) % 3 == 0 else "HTTNV",
                        "so_sang_kien": 1 if i == 0 else None,
                        "cap_sang_kien": "Cơ sở" if i == 0 else None,
                        "ten_sang_kien": f"Sáng kiến {member}" if i == 0 else None,
                        "ngay_cong_nhan": day if i == 0 else None,
                        "so_hoat_dong": 5,
                    }
                )
        data["tin_bai"].append(
            {
                "ma_tin_bai": f"TB{code}",
                "ma_doan_vien": f"W{code}0",
                "tieu_de": f"Tổ {code} thi đua",
                "dot": "Đợt 2",
                "co_quan_bao": "Báo Lạng Sơn",
                "ngay_dang": D(2023, 9, 2),
            }
        )
    init_master(path, load_campaign(), extra=rows)
    fill_tables(path, data)
    return with_quotas(path, GKCT="60")


@pytest.fixture(scope="module")
def small_master(tmp_path_factory):
    """The hand-computed campaign, reviewed 28/12/2023, with the quotas the upper bodies gave:
    2 Giấy khen of the agency head, 3 Giấy khen of the upper union, 1 Bằng khen of LĐLĐ."""
    return with_quotas(
        build_small_master(tmp_path_factory.mktemp("small") / "so-thi-dua.xlsx"),
        GKCQ="2",
        GKCT="3",
        BKLD="1",
    )


@pytest.fixture(scope="module")
def wide_master(tmp_path_factory):
    return build_wide_master(tmp_path_factory.mktemp("wide") / "so-thi-dua.xlsx")
