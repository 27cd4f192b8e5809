"""What eligibility looks at, one row per member and per group for the whole campaign."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..rulesets import discipline_rank
from ..scoring import CAMPAIGN, ScoreResult, ScoringInput
from ..scoring.facts import codes, dates, numbers
from ..values import to_text

LEVEL_ORDER = {"Cơ sở": 1, "Ngành": 2, "Tỉnh": 3, "Toàn quốc": 4}


def months_between(start: dt.date | None, end: dt.date | None) -> float:
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return float("nan")
    months = (end.year - start.year) * 12 + end.month - start.month
    return float(months - (1 if end.day < start.day else 0))


def member_facts(inp: ScoringInput, scores: ScoreResult) -> pd.DataFrame:
    """Campaign row per member: score and rank, ratings per phase, initiatives, set-up facts."""
    whole = scores.campaign("members")
    frame = whole[["ma_doan_vien", "ho_dem", "ten", "ho_ten", "ma_to", "tong", "hang",
                   "xep_loai_diem", "so_sang_kien", "so_tin_bai", "ngay_dang_ky"]].copy()
    per_phase = scores.members[scores.members["dot"] != CAMPAIGN]
    ratings = per_phase.pivot(index="ma_doan_vien", columns="dot", values="xep_loai")
    for phase in scores.phases:
        col = ratings[phase] if phase in ratings else pd.Series(dtype=object)
        frame[f"xl:{phase}"] = frame["ma_doan_vien"].map(col).fillna("").astype(str)

    results = inp.table("ket_qua")
    res = pd.DataFrame({"ma_doan_vien": codes(results["ma_doan_vien"]),
                        "dot": codes(results["dot"]),
                        "n": numbers(results["so_sang_kien"]),
                        "cap": codes(results["cap_sang_kien"]),
                        "ten_sk": codes(results["ten_sang_kien"])})
    res = res[res["dot"].isin(scores.phases) & (res["n"] > 0) & (res["cap"] != "")]
    res["level"] = res["cap"].map(LEVEL_ORDER).fillna(1)
    agg = res.groupby("ma_doan_vien").agg(sk_cong_nhan=("n", "sum"), sk_cap=("level", "max"))
    frame["sk_cong_nhan"] = frame["ma_doan_vien"].map(agg["sk_cong_nhan"]).fillna(0.0)
    frame["sk_cap"] = frame["ma_doan_vien"].map(agg["sk_cap"]).fillna(0).astype(int)
    names = res.drop_duplicates("ma_doan_vien").set_index("ma_doan_vien")
    for col, src in (("ten_sang_kien", "ten_sk"), ("cap_sang_kien", "cap")):
        lookup = dict(zip(names.index, names[src]))
        frame[col] = [lookup.get(code, "") for code in frame["ma_doan_vien"]]

    regs = inp.table("dang_ky")
    regs = pd.DataFrame({"loai": codes(regs["loai_doi_tuong"]), "ma": codes(regs["ma_doi_tuong"]),
                         "dot": codes(regs["dot"])})
    regs = regs[(regs["loai"] == "Cá nhân") & regs["dot"].isin(scores.phases)]
    frame["so_dang_ky_ca_nam"] = frame["ma_doan_vien"].map(regs.groupby("ma").size()).fillna(0)

    setup = inp.table("doan_vien")
    setup = pd.DataFrame({
        "ma_doan_vien": codes(setup["ma_doan_vien"]),
        "gioi_tinh": setup["gioi_tinh"].map(lambda v: to_text(v) or ""),
        "ngay_sinh": setup["ngay_sinh"], "chuc_vu": setup["chuc_vu"].map(lambda v: to_text(v) or ""),
        "ngay_tuyen_dung": setup["ngay_tuyen_dung"],
        "so_ngay_nghi": numbers(setup["so_ngay_nghi"]),
        "thai_san": codes(setup["nghi_thai_san"]) == "Có",
        "ky_luat": setup["ky_luat"].map(lambda v: to_text(v) or "Không"),
    }).drop_duplicates("ma_doan_vien")
    frame = frame.merge(setup, on="ma_doan_vien", how="left")
    frame["ky_luat_muc"] = frame["ky_luat"].map(discipline_rank).fillna(0).astype(int)
    end = inp.campaign_end
    frame["thang_cong_tac"] = [months_between(d, end) for d in frame["ngay_tuyen_dung"]]
    frame["ngay_dang_ky"] = dates(frame["ngay_dang_ky"])
    return frame


def group_facts(scores: ScoreResult, inp: ScoringInput) -> pd.DataFrame:
    whole = scores.campaign("groups")
    frame = whole[["ma_to", "ten_to", "so_doan_vien", "tong", "hang", "xep_loai_diem",
                   "so_sang_kien", "so_tin_bai"]].copy()
    setup = inp.table("to_cong_doan")
    rating = dict(zip(codes(setup["ma_to"]), codes(setup["xep_loai_tap_the"])))
    frame["xep_loai_to"] = frame["ma_to"].map(rating).fillna("")
    return frame


def phase_text(row: pd.Series, phases: list[str]) -> str:
    return ", ".join(f"{p} {row[f'xl:{p}'] or 'chưa xếp loại'}" for p in phases)


def all_phases(frame: pd.DataFrame, phases: list[str], allowed: list[str]) -> np.ndarray:
    ok = np.ones(len(frame), dtype=bool)
    for p in phases:
        ok &= frame[f"xl:{p}"].isin(allowed).to_numpy()
    return ok & bool(phases)
