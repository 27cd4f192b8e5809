"""A realistic demo campaign for plan 45/KH-CĐCS: 6 union groups, ~60 members, two phases.

Deterministic (seeded) so tests can rely on it. A handful of deliberate mistakes are planted in
the group workbooks; ``MISTAKES`` lists each with the finding code validation must report, and
nothing else in the data is wrong.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

D = dt.date

GROUPS = [
    ("01", "Văn phòng Sở", "Hoàng Thị Lan"),
    ("02", "Thanh tra Sở", "Nông Văn Hải"),
    ("03", "Kế hoạch tổng hợp", "Lương Minh Đức"),
    ("04", "Đăng ký kinh doanh", "Vi Thị Hồng Nhung"),
    ("05", "Đầu tư, thẩm định và giám sát đầu tư", "Chu Quang Trung"),
    ("06", "Kinh tế ngành", "Lộc Thị Thu Hà"),
]
SURNAMES = [
    "Nguyễn",
    "Hoàng",
    "Nông",
    "Lương",
    "Vi",
    "Hà",
    "Lộc",
    "Chu",
    "Trần",
    "Lê",
    "Triệu",
    "Đàm",
    "Phạm",
    "Đinh",
    "Lăng",
    "Bế",
]
MIDDLE_M = ["Văn", "Minh", "Đức", "Quang", "Xuân", "Thanh", "Hữu", "Tiến"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Hồng", "Thị Thu", "Thị Minh", "Phương"]
GIVEN_M = [
    "Anh",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hải",
    "Hiếu",
    "Hùng",
    "Khánh",
    "Long",
    "Minh",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Trường",
    "Tuấn",
    "Vinh",
    "Ân",
]
GIVEN_F = [
    "Ánh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Huyền",
    "Lan",
    "Linh",
    "Mai",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Vân",
    "Yến",
    "Ơn",
]
POSITIONS = [
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên chính",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Kế toán",
    "Văn thư",
    "Lái xe",
]
WORK_NAMES = [
    ("Số hóa hồ sơ đăng ký doanh nghiệp giai đoạn 2018 - 2022", "Sản phẩm"),
    ("Cải tạo khuôn viên, trồng cây xanh trụ sở cơ quan", "Công trình"),
    ("Xây dựng cơ sở dữ liệu dự án đầu tư ngoài ngân sách", "Sản phẩm"),
    ("Tủ sách pháp luật điện tử của cơ quan", "Sản phẩm"),
    ("Hỗ trợ xây dựng nhà văn hóa thôn Nà Pàn, xã Hữu Kiên", "Công trình"),
    ("Chuẩn hóa quy trình thẩm định dự án theo ISO 9001:2015", "Phần việc"),
    ("Quyên góp ủng hộ Quỹ vì người nghèo", "Phần việc"),
]
ARTICLE_TITLES = [
    "Công đoàn Sở Kế hoạch và Đầu tư sôi nổi phong trào thi đua chào mừng Đại hội",
    "Tổ công đoàn {ten} thi đua hoàn thành vượt mức kế hoạch",
    "Nữ đoàn viên giỏi việc nước, đảm việc nhà",
    "Gương sáng trong phong trào Lao động giỏi – Lao động sáng tạo",
    "Số hóa thủ tục đăng ký doanh nghiệp: rút ngắn thời gian cho người dân",
    "Đoàn viên công đoàn chung tay vì người nghèo",
    "Xây dựng văn hóa công sở tại Sở Kế hoạch và Đầu tư",
]
OUTLETS = [
    ("Trang thông tin điện tử của Sở", "Lao động – Công đoàn"),
    ("Báo Lạng Sơn", "Lao động – Công đoàn"),
    ("Đài Phát thanh - Truyền hình Lạng Sơn", "Lao động – Công đoàn"),
    ("Trang thông tin điện tử Liên đoàn Lao động tỉnh", "Lao động – Công đoàn"),
    ("Báo Lao động", "Công nhân viết – Viết về công nhân"),
    (
        "Trang thông tin điện tử Tổng Liên đoàn Lao động Việt Nam",
        "Công nhân viết – Viết về công nhân",
    ),
]
UNITS = {
    "01": "Văn phòng Sở",
    "02": "Thanh tra Sở",
    "03": "Phòng Kế hoạch tổng hợp",
    "04": "Phòng Đăng ký kinh doanh",
    "05": "Phòng Đầu tư, thẩm định và giám sát đầu tư",
    "06": "Phòng Kinh tế ngành",
}
RATING_DECISION = "Quyết định số 15/QĐ-SKHĐT ngày 28/12/2023 của Giám đốc Sở (dữ liệu mẫu)"
EXEMPLARY = "03"  # the group whose year is strong enough for the union's collective award
PHASES = {"Đợt 1": (D(2022, 12, 9), D(2023, 6, 30)), "Đợt 2": (D(2023, 7, 1), D(2023, 12, 31))}


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
    _plant_mistakes(by_group, fonts)
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


def _plant_mistakes(by_group: dict, fonts: dict) -> None:
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
