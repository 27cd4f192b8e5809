"""How long validation rules take on 10,000 registrations, against a naive row-by-row check.

Builds the data in memory (no file I/O: this measures rule time only), runs

* ``validate_data`` — the whole rule set, vectorised over the frames;
* the same rule set restricted to the registration rules;
* a naive implementation of those registration checks with ``DataFrame.iterrows`` and per-row
  look-ups (what one writes first),

checks that the vectorised and naive checks find the same problems, and prints a table.

    python bench/bench_validation.py
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl.utils import get_column_letter  # noqa: E402

from workbook import schema  # noqa: E402
from workbook.campaign import load_campaign  # noqa: E402
from workbook.master import setup_rows  # noqa: E402
from workbook.reading import ROW, WorkbookData  # noqa: E402
from workbook.validation import RULES, validate_data  # noqa: E402

N_MEMBERS, N_GROUPS = 2_500, 50
TITLES = ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở")
PHASES = ("Đợt 1", "Đợt 2")
REGISTRATION_CODES = {
    "missing-value",
    "not-in-list",
    "unknown-member",
    "unknown-group",
    "unknown-phase",
    "unknown-movement",
    "unknown-title",
    "subject-title-mismatch",
    "movement-subject-mismatch",
    "registration-outside-phase",
    "registration-late",
    "duplicate-registration",
    "duplicate-id",
}


def frame(sheet: schema.Sheet, rows: list[dict]) -> pd.DataFrame:
    keys = [*(c.key for c in schema.master_columns(sheet)), ROW]
    data = {k: pd.Series([r.get(k) for r in rows], dtype=object) for k in keys[:-1]}
    data[ROW] = pd.Series(range(2, len(rows) + 2), dtype=object)
    return pd.DataFrame(data)


def build(seed: int = 1) -> WorkbookData:
    rng = random.Random(seed)
    rows = setup_rows(load_campaign())
    rows["to_cong_doan"] = [{"ma_to": f"{g:02d}", "ten_to": f"Tổ {g}"} for g in range(N_GROUPS)]
    rows["doan_vien"] = [
        {
            "ma_doan_vien": f"DV{i:05d}",
            "ho_dem": "Nguyễn Văn",
            "ten": "An",
            "gioi_tinh": "Nam",
            "ma_to": f"{i % N_GROUPS:02d}",
        }
        for i in range(N_MEMBERS)
    ]
    phases = {p["ma_dot"]: p for p in rows["dot_thi_dua"]}
    reg = []
    for i in range(N_MEMBERS):
        for phase in PHASES:
            start = phases[phase]["ngay_bat_dau"]
            for title in TITLES:
                reg.append(
                    {
                        "ma_dang_ky": f"DK{len(reg):06d}",
                        "loai_doi_tuong": "Cá nhân",
                        "ma_doi_tuong": f"DV{i:05d}",
                        "dot": phase,
                        "phong_trao": "Lao động giỏi – Lao động sáng tạo",
                        "danh_hieu": title,
                        "cam_ket": "Hoàn thành tốt nhiệm vụ",
                        "ngay_dang_ky": start + dt.timedelta(days=rng.randint(0, 5)),
                    }
                )
    for r in rng.sample(reg, 100):  # 1% defective, a mix of everything
        r.update(
            rng.choice(
                [
                    {"ma_doi_tuong": "DV99999"},
                    {"danh_hieu": None},
                    {"loai_doi_tuong": "Tập thể"},
                    {"ngay_dang_ky": dt.date(2024, 3, 1)},
                    {"phong_trao": "Phong trào lạ"},
                    {"dot": "Đợt 9"},
                ]
            )
        )
    rows["dang_ky"] = reg
    data = WorkbookData(path=Path("bench.xlsx"), stamp={"loai_so": "master"})
    for sheet in (*schema.SETUP_SHEETS, *schema.LIST_TABLES, *schema.DATA_SHEETS):
        data.tables[sheet.key] = frame(sheet, rows.get(sheet.key, []))
        data.columns[sheet.key] = {
            c.key: get_column_letter(j + 1) for j, c in enumerate(schema.master_columns(sheet))
        }
        data.sheet_names[sheet.key] = sheet.name
    return data


def naive(data: WorkbookData) -> set[tuple[str, int]]:
    """The registration checks, one row at a time (iterrows, per-row look-ups)."""
    members = data.tables["doan_vien"]
    groups = data.tables["to_cong_doan"]
    phases = data.tables["dot_thi_dua"]
    titles = data.tables["danh_hieu"]
    movements = data.tables["phong_trao"]
    found: set[tuple[str, int]] = set()
    seen: set[tuple] = set()
    ids: set = set()
    for _, row in data.tables["dang_ky"].iterrows():
        r = row[ROW]
        for col in schema.sheet("dang_ky").columns:
            if col.required and row[col.key] is None:
                found.add(("missing-value", r))
        if row["ma_dang_ky"] in ids:
            found.add(("duplicate-id", r))
        ids.add(row["ma_dang_ky"])
        kind = row["loai_doi_tuong"]
        if kind == "Cá nhân" and not (members["ma_doan_vien"] == row["ma_doi_tuong"]).any():
            found.add(("unknown-member", r))
        if kind == "Tập thể" and not (groups["ma_to"] == row["ma_doi_tuong"]).any():
            found.add(("unknown-group", r))
        phase = phases[phases["ma_dot"] == row["dot"]]
        if phase.empty:
            found.add(("unknown-phase", r))
        else:
            p = phase.iloc[0]
            day = row["ngay_dang_ky"]
            if day < p["ngay_bat_dau"] or day > p["ngay_ket_thuc"]:
                found.add(("registration-outside-phase", r))
            elif p["han_dang_ky"] and day > p["han_dang_ky"]:
                found.add(("registration-late", r))
        title = titles[titles["ten_danh_hieu"] == row["danh_hieu"]]
        if row["danh_hieu"] is not None and title.empty:
            found.add(("unknown-title", r))
        elif not title.empty and title.iloc[0]["doi_tuong"] != kind:
            found.add(("subject-title-mismatch", r))
        movement = movements[movements["ten_phong_trao"] == row["phong_trao"]]
        if movement.empty:
            found.add(("unknown-movement", r))
        elif movement.iloc[0]["ap_dung"] not in ("Cả hai", kind):
            found.add(("movement-subject-mismatch", r))
        key = (row["ma_doi_tuong"], row["danh_hieu"], row["dot"])
        if None not in key and key in seen:
            found.add(("duplicate-registration", r))
        seen.add(key)
    return found


def timed(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        fresh = build()
        start = time.perf_counter()
        result = func(fresh)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    registration_rules = [
        r for r in RULES if r.name.split(".")[0] in ("field", "reference", "registration")
    ]
    n = len(build().tables["dang_ky"])
    full, report = timed(lambda d: validate_data(d), 5)
    regs, reg_report = timed(lambda d: validate_data(d, rules=registration_rules), 5)
    slow, naive_found = timed(naive, 1)
    vectorised = {
        (f.code, int(f.cell[1:]))
        for f in reg_report.findings
        if f.sheet == "Đăng ký thi đua" and f.code in REGISTRATION_CODES
    }
    same = vectorised == naive_found
    print(f"{n:,} đăng ký, {N_MEMBERS:,} đoàn viên, {len(report.findings)} lỗi tìm thấy\n")
    print(f"{'cách kiểm tra':<44} {'thời gian (s)':>14} {'so với naive':>13}")
    print("-" * 73)
    print(f"{'naive: iterrows, tra cứu từng dòng':<44} {slow:>14.3f} {'1.0x':>13}")
    print(f"{'vectorised: các quy tắc đăng ký':<44} {regs:>14.3f} {slow / regs:>12.0f}x")
    label = "vectorised: toàn bộ quy tắc (validate_data)"
    print(f"{label:<44} {full:>14.3f} {slow / full:>12.0f}x")
    print(f"\nCùng kết quả với naive: {'có' if same else 'KHÔNG'} ({len(naive_found)} lỗi)")
    if not same:
        print("chỉ naive:", sorted(naive_found - vectorised)[:10])
        print("chỉ vectorised:", sorted(vectorised - naive_found)[:10])


if __name__ == "__main__":
    main()
