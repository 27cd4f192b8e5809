"""Generate a benchmark corpus: a master and N returned group workbooks of realistic size.

Each group workbook has the template's data sheets (registrations, works, results, articles),
the group's members with phone numbers (text with a leading zero), the lists sheet and the hidden
stamp, in Vietnamese; written with XlsxWriter so a 200-workbook corpus takes seconds. Also makes
CĐCS summary workbooks for the upper-union mode.

    python bench/make_corpus.py OUTDIR --groups 200 --members 150 [--summaries 1000] [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbook import schema  # noqa: E402
from workbook.campaign import load_campaign  # noqa: E402
from workbook.consolidation.summaries import REPORT_SHEET, SUMMARY_COLUMNS  # noqa: E402
from workbook.demo_words import (
    ARTICLE_TITLES,
    GIVEN_F,
    GIVEN_M,
    MIDDLE_F,
    MIDDLE_M,
    OUTLETS,
    POSITIONS,
    SURNAMES,
    WORK_NAMES,
)
from workbook.master import init_master, stamp_values  # noqa: E402

D = dt.date
PHASES = (("Đợt 1", D(2022, 12, 9), D(2023, 6, 30)), ("Đợt 2", D(2023, 7, 1), D(2023, 12, 31)))
MOVEMENTS = [
    "Lao động giỏi – Lao động sáng tạo",
    "Giỏi việc nước, đảm việc nhà",
    "Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động",
]
TITLES = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"]
RATINGS = (["HTXSNV", "HTTNV", "HTNV", "KHTNV"], [18, 68, 11, 3])


def day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def members_of(code: str, n: int, rng: random.Random) -> list[dict]:
    out = []
    for i in range(n):
        female = rng.random() < 0.55
        out.append(
            {
                "ma_doan_vien": f"DV{code}{i + 1:04d}",
                "ho_dem": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_F if female else MIDDLE_M)}",
                "ten": rng.choice(GIVEN_F if female else GIVEN_M),
                "gioi_tinh": "Nữ" if female else "Nam",
                "ngay_sinh": D(rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28)),
                "ma_to": code,
                "chuc_vu": rng.choice(POSITIONS),
                "thanh_phan": "Đoàn viên",
                "dien_thoai": "09" + "".join(str(rng.randint(0, 9)) for _ in range(8)),
                "ngay_tuyen_dung": D(rng.randint(2000, 2021), rng.randint(1, 12), 1),
                "ky_luat": "Không",
            }
        )
    return out


def group_data(code: str, members: list[dict], rng: random.Random) -> dict[str, list[dict]]:
    reg, res, art, works = [], [], [], []
    for i, m in enumerate(members):
        name = f"{m['ho_dem']} {m['ten']}"
        reg.append(
            {
                "ma_dang_ky": f"DK{code}-{i + 1:04d}",
                "loai_doi_tuong": "Cá nhân",
                "ma_doi_tuong": m["ma_doan_vien"],
                "ten_doi_tuong": name,
                "dot": "Đợt 1",
                "phong_trao": rng.choice(MOVEMENTS),
                "danh_hieu": rng.choice(TITLES),
                "cam_ket": "Hoàn thành tốt nhiệm vụ được giao, không vi phạm kỷ luật",
                "ngay_dang_ky": day(rng, D(2022, 12, 12), D(2023, 1, 13)),
            }
        )
        for phase, start, end in PHASES:
            k = rng.choices([0, 1, 2], [75, 20, 5])[0]
            res.append(
                {
                    "ma_doan_vien": m["ma_doan_vien"],
                    "ho_ten": name,
                    "dot": phase,
                    "xep_loai": rng.choices(*RATINGS)[0],
                    "so_sang_kien": k or None,
                    "cap_sang_kien": "Cơ sở" if k else None,
                    "ten_sang_kien": f"Sáng kiến cải tiến quy trình số {i}" if k else None,
                    "ngay_cong_nhan": day(rng, start, end) if k else None,
                    "so_hoat_dong": rng.randint(2, 12),
                    "so_vi_pham": None,
                    "noi_dung_vi_pham": None,
                    "ghi_chu": None,
                }
            )
        if i % 3 == 0:
            phase, start, end = rng.choice(PHASES)
            outlet, column = rng.choice(OUTLETS)
            art.append(
                {
                    "ma_tin_bai": f"TB{code}-{i + 1:04d}",
                    "ma_doan_vien": m["ma_doan_vien"],
                    "tac_gia": name,
                    "tieu_de": rng.choice(ARTICLE_TITLES).format(ten=f"tổ {code}"),
                    "co_quan_bao": outlet,
                    "chuyen_muc": column,
                    "ngay_dang": day(rng, start, end),
                    "dot": phase,
                    "duong_dan": f"https://baolangson.vn/bai-viet-{code}-{i}",
                }
            )
    for j in range(max(1, len(members) // 15)):
        title, kind = rng.choice(WORK_NAMES)
        works.append(
            {
                "ma_cong_trinh": f"CT{code}-{j + 1:03d}",
                "ten_cong_trinh": title,
                "loai": kind,
                "ma_to": code,
                "dot": "Đợt 1",
                "quy_mo": "Toàn cơ quan",
                "gia_tri": rng.choice([15_000_000, 45_500_000, 120_000_000, 0]),
                "nguon_kinh_phi": "Xã hội hóa",
                "ngay_bat_dau": D(2023, 2, 1),
                "ngay_hoan_thanh": D(2023, 6, 20),
                "cap_gan_bien": None,
                "trang_thai": "Hoàn thành",
                "ghi_chu": None,
            }
        )
    return {"dang_ky": reg, "cong_trinh": works, "ket_qua": res, "tin_bai": art}


def write_table(wb, ws, sheet: schema.Sheet, rows: list[dict], fmt: dict) -> None:
    for j, col in enumerate(sheet.columns):
        ws.write_string(0, j, col.header, fmt["head"])
        ws.set_column(j, j, col.width)
    for i, row in enumerate(rows, start=1):
        for j, col in enumerate(sheet.columns):
            v = row.get(col.key)
            if v is None:
                continue
            if isinstance(v, dt.date):
                ws.write_datetime(i, j, dt.datetime(v.year, v.month, v.day), fmt["date"])
            elif isinstance(v, (int, float)):
                ws.write_number(i, j, v)
            else:
                ws.write_string(i, j, str(v), fmt["text"])


def write_group(path: Path, code: str, members: list[dict], data: dict, campaign) -> None:
    wb = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False, "in_memory": True}
    )
    fmt = {
        "head": wb.add_format({"bold": True, "font_name": "Times New Roman"}),
        "date": wb.add_format({"num_format": "dd/mm/yyyy", "font_name": "Times New Roman"}),
        "text": wb.add_format({"num_format": "@", "font_name": "Times New Roman"}),
    }
    for sheet in schema.DATA_SHEETS:
        write_table(wb, wb.add_worksheet(sheet.name), sheet, data[sheet.key], fmt)
    write_table(
        wb,
        wb.add_worksheet(schema.sheet("doan_vien").name),
        schema.sheet("doan_vien"),
        members,
        fmt,
    )
    lists = wb.add_worksheet(schema.LISTS_SHEET_NAME)
    for j, value in enumerate(["Danh hiệu", *TITLES]):
        lists.write_string(j, 0, value)
    stamp = wb.add_worksheet(schema.STAMP.name)
    for i, (k, v) in enumerate(
        stamp_values("group", campaign, ma_to=code, ten_to=f"Tổ {code}").items()
    ):
        stamp.write_string(i, 0, k)
        stamp.write_string(i, 1, str(v))
    stamp.very_hidden()
    wb.close()


def write_summary(path: Path, i: int, rng: random.Random) -> None:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(REPORT_SHEET)
    ws.write_string(0, 0, "BÁO CÁO TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA")
    for j, col in enumerate(SUMMARY_COLUMNS):
        ws.write_string(3, j, col.header)
        if col.type == "int":
            ws.write_number(4, j, rng.randint(0, 300))
        else:
            ws.write_string(4, j, f"Công đoàn cơ sở đơn vị số {i:04d}")
    wb.close()


def _write_one(returned: Path, g: int, width: int, members: int, seed: int) -> list[dict]:
    """One group's workbook; its own random stream, so groups can be written in any process."""
    rng = random.Random(seed * 1_000_003 + g)
    code = f"{g:0{width}d}"
    people = members_of(code, members, rng)
    write_group(
        returned / f"To-{code}.xlsx", code, people, group_data(code, people, rng), load_campaign()
    )
    return people


def make_corpus(
    outdir: Path, groups: int, members: int, summaries: int = 0, seed: int = 45, workers: int = 1
) -> tuple[Path, Path]:
    """The master (with every group and member listed) and ``groups`` returned workbooks.

    ``workers`` > 1 writes the group workbooks in that many processes (1,000 groups in about
    half the time on 2 cores); the corpus is the same whatever the number of workers.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    returned = outdir / "so-to-gui-lai"
    returned.mkdir(exist_ok=True)
    width = max(3, len(str(groups)))
    numbers = range(1, groups + 1)
    args = ([returned] * groups, numbers, [width] * groups, [members] * groups, [seed] * groups)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            people = list(pool.map(_write_one, *args, chunksize=max(1, groups // (8 * workers))))
    else:
        people = list(map(_write_one, *args))
    all_groups = [{"ma_to": f"{g:0{width}d}", "ten_to": f"Tổ công đoàn số {g}"} for g in numbers]
    all_members = [m for group in people for m in group]
    master = outdir / "so-thi-dua.xlsx"
    init_master(
        master,
        load_campaign(),
        force=True,
        extra={"to_cong_doan": all_groups, "doan_vien": all_members},
    )
    if summaries:
        rng = random.Random(seed)
        folder = outdir / "bao-cao-cdcs"
        folder.mkdir(exist_ok=True)
        for i in range(1, summaries + 1):
            write_summary(folder / f"BC-CDCS-{i:04d}.xlsx", i, rng)
    return master, returned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--members", type=int, default=150)
    parser.add_argument("--summaries", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="processes writing the groups")
    args = parser.parse_args()
    master, returned = make_corpus(
        args.outdir, args.groups, args.members, args.summaries, workers=args.workers
    )
    print(f"master {master}; {args.groups} group workbooks in {returned}")


if __name__ == "__main__":
    main()
