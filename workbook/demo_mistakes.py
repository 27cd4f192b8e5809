"""The mistakes planted in the demo's group workbooks, and the findings validation must report.

``MISTAKES`` lists each planted mistake with its finding code; ``plant_mistakes`` puts them in
the groups' data after the (seeded) draws, so nothing else in the demo is wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

D = dt.date


@dataclass(frozen=True)
class Mistake:
    code: str  # finding code validation must report
    group: str  # group whose workbook carries it
    sheet: str  # sheet key
    row_key: str
    note: str  # what was planted, in English, for developers


# Planted in the returned group workbooks; validation must find each, and nothing else.
MISTAKES = (
    Mistake("unknown-member", "01", "dang_ky", "DK01-90", "registration for member DV999"),
    Mistake("registration-late", "02", "dang_ky", "DK02-90", "registered after the deadline"),
    Mistake(
        "duplicate-registration",
        "03",
        "dang_ky",
        "DK03-90",
        "second registration of the same member, title and phase",
    ),
    Mistake("missing-value", "04", "dang_ky", "DK04-90", "no title registered for"),
    Mistake(
        "subject-title-mismatch",
        "05",
        "dang_ky",
        "DK05-90",
        "a group registering an individual title",
    ),
    Mistake("formula-like-text", "06", "dang_ky", "DK06-90", "commitment starting with '='"),
    Mistake("finish-before-start", "02", "cong_trinh", "CT02-90", "finished before it started"),
    Mistake("not-in-list", "03", "ket_qua", "DV022 / Đợt 2", "duty rating 'Tốt'"),
    Mistake("date-outside-phase", "04", "tin_bai", "TB04-90", "phase 1 article dated in phase 2"),
    Mistake("legacy-encoding", "05", "ket_qua", "DV042 / Đợt 1", "a name typed in TCVN3"),
)


def plant_mistakes(by_group: dict, fonts: dict) -> None:
    def reg(code: str) -> dict[str, Any]:
        # Phase 2 registrations, so none of them duplicates the member's phase 1 one.
        return dict(
            by_group[code]["dang_ky"][0],
            ma_dang_ky=f"DK{code}-90",
            dot="Đợt 2",
            ngay_dang_ky=D(2023, 7, 10),
            phong_trao="Tham mưu giỏi, phục vụ tốt",
        )

    g = by_group
    g["01"]["dang_ky"].append({**reg("01"), "ma_doi_tuong": "DV999", "ten_doi_tuong": None})
    g["02"]["dang_ky"].append({**reg("02"), "ngay_dang_ky": D(2023, 8, 20)})
    g["03"]["dang_ky"].append({**g["03"]["dang_ky"][0], "ma_dang_ky": "DK03-90"})
    g["04"]["dang_ky"].append({**reg("04"), "danh_hieu": None})
    g["05"]["dang_ky"].append(
        {
            **reg("05"),
            "loai_doi_tuong": "Tập thể",
            "ma_doi_tuong": "05",
            "ten_doi_tuong": "Tổ 05",
            "danh_hieu": "Lao động tiên tiến",
            "phong_trao": "Tham mưu giỏi, phục vụ tốt",
        }
    )
    g["06"]["dang_ky"].append({**reg("06"), "cam_ket": "=Hoàn thành 100% chỉ tiêu được giao"})
    g["02"]["cong_trinh"].append(
        {
            **g["02"]["cong_trinh"][0],
            "ma_cong_trinh": "CT02-90",
            "ten_cong_trinh": "Sửa chữa phòng truyền thống",
            "loai": "Công trình",
            "dot": "Đợt 1",
            "ngay_bat_dau": D(2023, 4, 10),
            "ngay_hoan_thanh": D(2023, 3, 30),
            "trang_thai": "Hoàn thành",
        }
    )
    g["03"]["ket_qua"][3]["xep_loai"] = "Tốt"
    g["04"]["tin_bai"].append(
        {
            **g["04"]["tin_bai"][0],
            "ma_tin_bai": "TB04-90",
            "dot": "Đợt 1",
            "ngay_dang": D(2023, 9, 2),
        }
    )
    # TCVN3 bytes as Excel shows them in a .VnTime cell, typed with a legacy keyboard driver.
    g["05"]["ket_qua"][2]["ho_ten"] = "Hoµng V¨n B×nh"  # member DV042, Hoàng Văn Bình
    fonts["05"]["ket_qua"] = {(2, "ho_ten"): ".VnTime"}
