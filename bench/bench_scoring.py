"""Scoring speed: 100,000 members × 2 phases, vectorised (workbook.scoring) vs a naive loop.

Run:  python bench/bench_scoring.py [members]

Builds synthetic campaign tables in memory (no Excel I/O: reading is benchmarked elsewhere),
scores them with ``score_campaign`` and with a straightforward per-member, per-criterion Python
loop computing the same member totals, checks both agree, and prints a table with the ratio.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbook.campaign import load_campaign  # noqa: E402
from workbook.reading import ROW, WorkbookData  # noqa: E402
from workbook.scoring import prepare, score_campaign  # noqa: E402

PHASES = ("Đợt 1", "Đợt 2")
RATINGS = np.array(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], dtype=object)
LEVELS = np.array(["", "Cơ sở", "Ngành", "Tỉnh"], dtype=object)


def frame(rows: dict) -> pd.DataFrame:
    out = pd.DataFrame(rows).astype(object)
    out[ROW] = np.arange(2, len(out) + 2)
    return out


def synthetic(n: int, seed: int = 45) -> WorkbookData:
    rng = np.random.default_rng(seed)
    campaign = load_campaign()
    codes = np.array([f"DV{i:06d}" for i in range(n)], dtype=object)
    groups = np.array([f"T{i % 500:03d}" for i in range(n)], dtype=object)
    members = frame(
        {
            "ma_doan_vien": codes,
            "ho_dem": rng.choice(["Nguyễn Văn", "Trần Thị"], n),
            "ten": rng.choice(["An", "Bình", "Hà", "Hải", "Đức"], n),
            "ma_to": groups,
            "ky_luat": "Không",
        }
    )
    res_codes = np.repeat(codes, 2)
    m = len(res_codes)
    initiatives = rng.choice([0, 0, 0, 1, 2, 4], m)
    results = frame(
        {
            "ma_doan_vien": res_codes,
            "dot": np.tile(PHASES, n),
            "xep_loai": rng.choice(RATINGS, m, p=[0.2, 0.65, 0.12, 0.03]),
            "so_sang_kien": initiatives.astype(float),
            "cap_sang_kien": np.where(initiatives > 0, rng.choice(LEVELS[1:], m), None),
            "so_hoat_dong": rng.integers(0, 14, m).astype(float),
            "so_vi_pham": rng.choice([0, 0, 0, 0, 1, 5], m).astype(float),
        }
    )
    regs = frame(
        {
            "ma_dang_ky": [f"DK{i}" for i in range(m)],
            "loai_doi_tuong": "Cá nhân",
            "ma_doi_tuong": res_codes,
            "dot": np.tile(PHASES, n),
            "danh_hieu": "Lao động tiên tiến",
            "phong_trao": "Lao động giỏi – Lao động sáng tạo",
            "ngay_dang_ky": dt.date(2023, 1, 10),
        }
    )
    k = n // 2
    outlets = [r["gia_tri"] for r in campaign.rows("ds_co_quan_bao")]
    articles = frame(
        {
            "ma_tin_bai": [f"TB{i}" for i in range(k)],
            "ma_doan_vien": rng.choice(codes, k),
            "dot": rng.choice(PHASES, k),
            "co_quan_bao": rng.choice(outlets, k),
        }
    )
    tables = {
        "doan_vien": members,
        "ket_qua": results,
        "dang_ky": regs,
        "tin_bai": articles,
        "to_cong_doan": frame({"ma_to": sorted(set(groups)), "ten_to": sorted(set(groups))}),
    }
    for key in ("dot_thi_dua", "thang_diem", "danh_hieu", "phong_trao", "ds_co_quan_bao"):
        tables[key] = frame(
            {c: [r.get(c) for r in campaign.rows(key)] for c in campaign.rows(key)[0]}
        )
    tables["cau_hinh"] = frame(
        {c: [r[c] for r in campaign.config_rows()] for c in ("ma_muc", "noi_dung", "gia_tri")}
    )
    return WorkbookData(path=Path("bench.xlsx"), tables=tables)


def naive_totals(data: WorkbookData, criteria, outlet_levels) -> dict[tuple[str, str], float]:
    """The obvious loop: for each member, each phase, each criterion, look things up."""
    results = {(r["ma_doan_vien"], r["dot"]): r for r in data.tables["ket_qua"].to_dict("records")}
    regs: dict = {}
    for r in data.tables["dang_ky"].to_dict("records"):
        regs[(r["ma_doi_tuong"], r["dot"])] = regs.get((r["ma_doi_tuong"], r["dot"]), 0) + 1
    arts: dict = {}
    for r in data.tables["tin_bai"].to_dict("records"):
        key = (r["ma_doan_vien"], r["dot"], outlet_levels.get(r["co_quan_bao"], ""))
        arts[key] = arts.get(key, 0) + 1
    totals = {}
    for member in data.tables["doan_vien"]["ma_doan_vien"]:
        for phase in PHASES:
            res = results.get((member, phase), {})
            total = 0.0
            for c in criteria:
                if c.source == "Xếp loại":
                    units = 1.0 if res.get("xep_loai") in c.condition else 0.0
                elif c.source == "Sáng kiến":
                    units = (
                        res.get("so_sang_kien") or 0.0
                        if res.get("cap_sang_kien") in c.condition
                        else 0.0
                    )
                elif c.source == "Đăng ký thi đua":
                    units = regs.get((member, phase), 0)
                elif c.source == "Tin bài":
                    units = sum(arts.get((member, phase, lv), 0) for lv in c.condition)
                elif c.source == "Hoạt động":
                    units = res.get("so_hoat_dong") or 0.0
                else:
                    units = res.get("so_vi_pham") or 0.0
                pts = round(units * c.per_unit, 2)
                if c.cap is not None:
                    pts = min(pts, c.cap) if c.per_unit > 0 else max(pts, c.cap)
                total += pts
            totals[(member, phase)] = min(max(round(total, 2), 0.0), 100.0)
    return totals


def main(n: int = 100_000) -> None:
    data = synthetic(n)
    t0 = time.perf_counter()
    inp = prepare(data, validate=False)
    scores = score_campaign(inp)
    fast = time.perf_counter() - t0
    criteria = [c for c in inp.criteria if c.subject == "Cá nhân"]
    t0 = time.perf_counter()
    naive = naive_totals(data, criteria, inp.outlet_levels)
    slow = time.perf_counter() - t0
    phase_rows = scores.members[scores.members["dot"].isin(PHASES)]
    got = dict(zip(zip(phase_rows["ma_doan_vien"], phase_rows["dot"]), phase_rows["tong"]))
    assert got == naive, "vectorised and naive totals differ"
    print(
        f"Scoring {n:,} members × {len(PHASES)} phases ({len(phase_rows):,} member-phase rows, "
        f"{len(criteria)} member criteria; groups, bands, ranks and explanations included "
        "in the vectorised run only)"
    )
    print(f"{'method':<34}{'seconds':>10}{'rows/s':>14}")
    print(f"{'vectorised (workbook.scoring)':<34}{fast:>10.2f}{len(phase_rows) / fast:>14,.0f}")
    print(f"{'naive per-member loop (totals)':<34}{slow:>10.2f}{len(phase_rows) / slow:>14,.0f}")
    print(f"{'ratio naive / vectorised':<34}{slow / fast:>10.1f}×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
