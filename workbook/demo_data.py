"""A realistic demo campaign for plan 45/KH-CĐCS: 6 union groups, ~60 members, two phases.

Deterministic (seeded) so tests can rely on it. Its words are in ``demo_words``; the deliberate
mistakes planted in the group workbooks, each with the finding code validation must report, are
in ``demo_mistakes``; nothing else in the data is wrong.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .demo_mistakes import plant_mistakes
from .demo_words import (
    ARTICLE_TITLES,
    GIVEN_F,
    GIVEN_M,
    GROUPS,
    MIDDLE_F,
    MIDDLE_M,
    OUTLETS,
    POSITIONS,
    SURNAMES,
    UNITS,
    WORK_NAMES,
)

D = dt.date
RATING_DECISION = "Quyết định số 15/QĐ-SKHĐT ngày 28/12/2023 của Giám đốc Sở (dữ liệu mẫu)"
EXEMPLARY = "03"  # the group whose year is strong enough for the union's collective award
PHASES = {"Đợt 1": (D(2022, 12, 9), D(2023, 6, 30)), "Đợt 2": (D(2023, 7, 1), D(2023, 12, 31))}


def _name(rng: random.Random, female: bool) -> tuple[str, str]:
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    return f"{rng.choice(SURNAMES)} {middle}", rng.choice(GIVEN_F if female else GIVEN_M)


def demo_setup(seed: int = 45) -> dict[str, list[dict[str, Any]]]:
    """Groups and members for the master's set-up sheets."""
    rng = random.Random(seed)
    groups, members = [], []
    n = 0
    for code, name, leader in GROUPS:
        groups.append({"ma_to": code, "ten_to": name, "to_truong": leader, "don_vi": UNITS[code]})
        for i in range(10):
            n += 1
            female = rng.random() < 0.55
            ho_dem, ten = leader.rsplit(" ", 1) if i == 0 else _name(rng, female)
            if i == 0:
                female = " Thị " in f" {leader} "
            if (code, i) == ("05", 1):  # the member whose name arrives in TCVN3 (see MISTAKES)
                ho_dem, ten, female = "Hoàng Văn", "Bình", False
            members.append(
                {
                    "ma_doan_vien": f"DV{n:03d}",
                    "ho_dem": ho_dem,
                    "ten": ten,
                    "gioi_tinh": "Nữ" if female else "Nam",
                    "ngay_sinh": D(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28)),
                    "ma_to": code,
                    "chuc_vu": "Trưởng phòng" if i == 0 else rng.choice(POSITIONS),
                    "thanh_phan": "Người lao động"
                    if i == 9 and code in ("01", "05")
                    else "Đoàn viên",
                    "dien_thoai": "09" + "".join(str(rng.randint(0, 9)) for _ in range(8)),
                    "ngay_tuyen_dung": D(2023, 5, 2)
                    if (code, i) == ("06", 8)
                    else D(rng.randint(2000, 2021), rng.randint(1, 12), 1),
                    "ky_luat": "Khiển trách" if (code, i) == ("05", 6) else "Không",
                }
            )
    return {
        "to_cong_doan": groups,
        "doan_vien": members,
        "xep_loai_nam": annual_ratings(groups, members, rng),
    }


def annual_ratings(
    groups: list[dict[str, Any]], members: list[dict[str, Any]], rng: random.Random
) -> list[dict[str, Any]]:
    """The agency's 2023 quality ratings (Xếp loại năm): inputs an officer copies from the
    agency's decision, never derived from union points. About one in five members is
    HTXSNV, as the agency's cap allows; two departments are rated HTXSNV as collectives."""
    rows = []
    for g in groups:
        rows.append(
            {
                "nam": 2023,
                "loai_doi_tuong": "Tập thể",
                "ma_doi_tuong": g["ma_to"],
                "ten_doi_tuong": g["don_vi"],
                "xep_loai": "HTXSNV" if g["ma_to"] in ("03", "04") else "HTTNV",
                "can_cu": RATING_DECISION,
            }
        )
    for m in members:
        rating = rng.choices(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], [19, 70, 9, 2])[0]
        rows.append(
            {
                "nam": 2023,
                "loai_doi_tuong": "Cá nhân",
                "ma_doi_tuong": m["ma_doan_vien"],
                "ten_doi_tuong": f"{m['ho_dem']} {m['ten']}",
                "xep_loai": rating,
                "can_cu": RATING_DECISION,
            }
        )
    return rows


# Quotas the upper union and the agency gave for the demo year (the default campaign leaves
# them blank: an officer writes what was actually given).
DEMO_QUOTAS = {"GKCQ": "5", "GKCT": "4", "GKCTTT": "1", "BKLD": "1"}


def demo_titles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The campaign's Danh hiệu rows with the demo's quotas filled in."""
    return [{**r, "chi_tieu": DEMO_QUOTAS.get(r["ma_danh_hieu"], r.get("chi_tieu"))} for r in rows]


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def demo_group_data(
    setup: dict[str, list[dict[str, Any]]], seed: int = 45
) -> tuple[
    dict[str, dict[str, list[dict[str, Any]]]], dict[str, dict[str, dict[tuple[int, str], str]]]
]:
    """Rows each group returns, by group then sheet key; and legacy-font cells by group."""
    rng = random.Random(seed + 1)
    by_group: dict[str, dict[str, list[dict[str, Any]]]] = {}
    fonts: dict[str, dict[str, dict[tuple[int, str], str]]] = {}
    works = iter(WORK_NAMES)
    for code, name, _ in GROUPS:
        people = [m for m in setup["doan_vien"] if m["ma_to"] == code]
        reg, res, art = [], [], []
        for i, m in enumerate(people):
            full = f"{m['ho_dem']} {m['ten']}"
            reg.append(
                {
                    "ma_dang_ky": f"DK{code}-{i + 1:02d}",
                    "loai_doi_tuong": "Cá nhân",
                    "ma_doi_tuong": m["ma_doan_vien"],
                    "ten_doi_tuong": full,
                    "dot": "Đợt 1",
                    "phong_trao": "Lao động giỏi – Lao động sáng tạo",
                    "danh_hieu": "Lao động tiên tiến",
                    "cam_ket": "Hoàn thành tốt nhiệm vụ được giao, không vi phạm kỷ luật",
                    "ngay_dang_ky": _day(rng, D(2022, 12, 12), D(2023, 1, 13)),
                }
            )
            if i in (1, 2):
                reg.append(
                    {
                        **reg[-1],
                        "ma_dang_ky": f"DK{code}-{i + 51:02d}",
                        "danh_hieu": "Chiến sĩ thi đua cơ sở",
                        "cam_ket": "Có sáng kiến được công nhận cấp cơ sở trở lên",
                    }
                )
            for phase, (start, end) in PHASES.items():
                rating = rng.choices(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], [18, 68, 11, 3])[0]
                initiatives = rng.choices([0, 1, 2], [88, 10, 2])[0] if i else 1
                res.append(
                    {
                        "ma_doan_vien": m["ma_doan_vien"],
                        "ho_ten": full,
                        "dot": phase,
                        "xep_loai": rating,
                        "so_sang_kien": initiatives or None,
                        "cap_sang_kien": rng.choice(["Cơ sở", "Cơ sở", "Ngành", "Tỉnh"])
                        if initiatives
                        else None,
                        "ten_sang_kien": f"Sáng kiến cải tiến quy trình {name.lower()} {phase[-1]}"
                        if initiatives
                        else None,
                        "ngay_cong_nhan": _day(rng, start, end) if initiatives else None,
                        "so_hoat_dong": rng.randint(2, 12),
                        "so_vi_pham": None,
                    }
                )
        reg.append(
            {
                "ma_dang_ky": f"DK{code}-TT",
                "loai_doi_tuong": "Tập thể",
                "ma_doi_tuong": code,
                "ten_doi_tuong": f"Tổ {name}",
                "dot": "Đợt 1",
                "phong_trao": "Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động",
                "danh_hieu": "Tập thể lao động xuất sắc"
                if code in ("03", "04")
                else "Tập thể lao động tiên tiến",
                "cam_ket": "100% đoàn viên hoàn thành nhiệm vụ",
                "ngay_dang_ky": D(2023, 1, 10),
            }
        )
        for j in range(rng.randint(3, 5)):
            m = rng.choice(people)
            phase, (start, end) = rng.choice(list(PHASES.items()))
            outlet, column = rng.choice(OUTLETS)
            art.append(
                {
                    "ma_tin_bai": f"TB{code}-{j + 1:02d}",
                    "ma_doan_vien": m["ma_doan_vien"],
                    "tac_gia": f"{m['ho_dem']} {m['ten']}",
                    "tieu_de": rng.choice(ARTICLE_TITLES).format(ten=name),
                    "co_quan_bao": outlet,
                    "chuyen_muc": column,
                    "ngay_dang": _day(rng, start, end),
                    "dot": phase,
                    "duong_dan": f"https://baolangson.vn/bai-viet-{code}{j + 1:02d}",
                }
            )
        work_name, kind = next(works, ("Phong trào trồng cây xanh", "Phần việc"))
        done = code in ("01", "03", "05")
        ct = [
            {
                "ma_cong_trinh": f"CT{code}-01",
                "ten_cong_trinh": work_name,
                "loai": kind,
                "ma_to": code,
                "dot": "Đợt 1" if done else "Đợt 2",
                "quy_mo": "Toàn cơ quan" if kind != "Công trình" else "500 m²",
                "gia_tri": rng.choice([15_000_000, 45_500_000, 120_000_000, 0]),
                "nguon_kinh_phi": rng.choice(["Ngân sách cơ quan", "Xã hội hóa", "Quỹ công đoàn"]),
                "ngay_bat_dau": D(2023, 2, 1),
                "ngay_hoan_thanh": D(2023, 6, 20) if done else None,
                "cap_gan_bien": None
                if kind == "Phần việc"
                else "Đại hội IV Công đoàn Viên chức tỉnh",
                "trang_thai": "Đề nghị gắn biển"
                if done and kind != "Phần việc"
                else ("Hoàn thành" if done else "Đang thực hiện"),
            }
        ]
        by_group[code] = {"dang_ky": reg, "cong_trinh": ct, "ket_qua": res, "tin_bai": art}
        fonts[code] = {}
    _exemplary_group(by_group[EXEMPLARY], name=dict((c, n) for c, n, _ in GROUPS)[EXEMPLARY])
    for code, data in by_group.items():
        if code != EXEMPLARY:
            _steady_group(data, code)
    plant_mistakes(by_group, fonts)
    return by_group, fonts


def _exemplary_group(data: dict[str, list[dict[str, Any]]], name: str) -> None:
    """One group that leads the year (so the demo shows a group ranked vững mạnh): every member
    completes their duties well, a second work in each phase, provincial articles. Applied after
    the random draws, so the other groups' data does not change."""
    for row in data["ket_qua"]:
        if row["xep_loai"] not in ("HTXSNV", "HTTNV"):
            row["xep_loai"] = "HTTNV"
    code = data["cong_trinh"][0]["ma_to"]
    for phase, (start, end) in PHASES.items():
        done = [
            w
            for w in data["cong_trinh"]
            if w["dot"] == phase and w["trang_thai"] in ("Hoàn thành", "Đề nghị gắn biển")
        ]
        for _ in range(2 - len(done)):  # two works finished in each phase
            _add_work(data, code, phase, start, end)
        author = data["ket_qua"][0]
        for k, (outlet, column) in enumerate(OUTLETS[1:4]):
            n = len(data["tin_bai"]) + 1
            data["tin_bai"].append(
                {
                    "ma_tin_bai": f"TB{code}-{n:02d}",
                    "ma_doan_vien": author["ma_doan_vien"],
                    "tac_gia": author["ho_ten"],
                    "tieu_de": f"Tổ công đoàn {name}: {phase} thi đua "
                    f"hoàn thành vượt mức kế hoạch ({k + 1})",
                    "co_quan_bao": outlet,
                    "chuyen_muc": column,
                    "ngay_dang": start + dt.timedelta(days=30 * (k + 1)),
                    "dot": phase,
                    "duong_dan": f"https://baolangson.vn/bai-viet-{code}{n:02d}",
                }
            )


def _steady_group(data: dict[str, list[dict[str, Any]]], code: str) -> None:
    """A real group finishes some task of its own in each phase (a clean-up day, a help
    desk): a completed 'Phần việc' where the phase has none, so the demo's group bands look like
    a real year's (mostly Khá, some Trung bình) rather than most groups Trung bình. Applied after
    the random draws, so the rest of the demo's data does not change."""
    for phase, (start, _end) in PHASES.items():
        if any(
            w["dot"] == phase and w["trang_thai"] in ("Hoàn thành", "Đề nghị gắn biển")
            for w in data["cong_trinh"]
        ):
            continue
        n = len(data["cong_trinh"]) + 1
        data["cong_trinh"].append(
            {
                "ma_cong_trinh": f"CT{code}-{n:02d}",
                "loai": "Phần việc",
                "ma_to": code,
                "ten_cong_trinh": f"Ngày thứ Bảy tình nguyện, vệ sinh nơi làm việc ({phase})",
                "dot": phase,
                "quy_mo": "Tổ công đoàn",
                "gia_tri": 0,
                "nguon_kinh_phi": "Quỹ công đoàn",
                "ngay_bat_dau": start + dt.timedelta(days=30),
                "ngay_hoan_thanh": start + dt.timedelta(days=60),
                "cap_gan_bien": None,
                "trang_thai": "Hoàn thành",
            }
        )


def _add_work(
    data: dict[str, list[dict[str, Any]]], code: str, phase: str, start: dt.date, end: dt.date
) -> None:
    n = len(data["cong_trinh"]) + 1
    data["cong_trinh"].append(
        {
            "ma_cong_trinh": f"CT{code}-{n:02d}",
            "loai": "Sản phẩm",
            "ma_to": code,
            "ten_cong_trinh": f"Bộ cơ sở dữ liệu chỉ tiêu kinh tế - xã hội ({phase}, phần {n})",
            "dot": phase,
            "quy_mo": "Toàn tỉnh",
            "gia_tri": 30_000_000,
            "nguon_kinh_phi": "Ngân sách cơ quan",
            "ngay_bat_dau": start,
            "ngay_hoan_thanh": end - dt.timedelta(days=20),
            "cap_gan_bien": "Đại hội XVII Công đoàn tỉnh Lạng Sơn",
            "trang_thai": "Đề nghị gắn biển",
        }
    )
