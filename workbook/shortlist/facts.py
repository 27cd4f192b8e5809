"""What award criteria look at: one row per member and per group for the emulation year.

Annual titles are judged on the year: the official annual rating (Xếp loại năm, entered by the
officer), initiatives recognised in the campaign, discipline, months since recruitment and the
campaign's union points (used only to rank within quotas, never as a rating).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ..rulesets import discipline_rank
from ..schema.lists import INITIATIVE_LEVELS
from ..scoring import ScoreResult, ScoringInput
from ..scoring.facts import clean_codes, dates, numbers, text_lookup
from ..values import to_text

LEVEL_ORDER = {level: rank for rank, level in enumerate(INITIATIVE_LEVELS, start=1)}
LEVEL_NAMES = {v: k for k, v in LEVEL_ORDER.items()}


def _texts(values: pd.Series, blank: str) -> pd.Series:
    """``to_text`` of each value (``blank`` where there is none), once per distinct value: a
    column of thirty thousand members holds a handful of genders, roles and disciplines."""
    known: dict[tuple[type, Any], str] = {}
    out = []
    for v in values:
        key = (v.__class__, v)  # True and 1 are equal keys but different text
        try:
            text = known.get(key)
        except TypeError:  # an unhashable value: not remembered
            text = to_text(v) or blank
        if text is None:
            text = known[key] = to_text(v) or blank
        out.append(text)
    return pd.Series(out, index=values.index, dtype=object)


def months_between(start: dt.date | None, end: dt.date | None) -> float:
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return float("nan")
    months = (end.year - start.year) * 12 + end.month - start.month
    return float(months - (1 if end.day < start.day else 0))


def _initiatives(inp: ScoringInput, phases: list[str]) -> pd.DataFrame:
    """Per member: recognised initiatives, and the highest level with the name of its first one."""
    results = inp.table("ket_qua")
    res = pd.DataFrame(
        {
            "ma_doan_vien": clean_codes(results["ma_doan_vien"]),
            "dot": clean_codes(results["dot"]),
            "n": numbers(results["so_sang_kien"]),
            "cap": clean_codes(results["cap_sang_kien"]),
            "ten": clean_codes(results["ten_sang_kien"]),
        }
    )
    res = res[res["dot"].isin(phases) & (res["n"] > 0) & (res["cap"] != "")].copy()
    res["level"] = res["cap"].map(LEVEL_ORDER).fillna(1).astype(int)
    total = res.groupby("ma_doan_vien")["n"].sum()
    top = res.sort_values("level", ascending=False, kind="stable").drop_duplicates("ma_doan_vien")
    return pd.DataFrame(
        {
            "sk_cong_nhan": total,
            "sk_cap": top.set_index("ma_doan_vien")["level"],
            "ten_sang_kien": top.set_index("ma_doan_vien")["ten"],
        }
    )


def member_facts(inp: ScoringInput, scores: ScoreResult) -> pd.DataFrame:
    """Year row per member: points and rank, official rating, initiatives, set-up facts."""
    frame = scores.campaign("members")[
        [
            "ma_doan_vien",
            "ho_dem",
            "ten",
            "ho_ten",
            "ma_to",
            "tong",
            "hang",
            "xep_loai_diem",
            "so_sang_kien",
            "so_tin_bai",
            "ngay_dang_ky",
        ]
    ].copy()
    frame["xep_loai_nam"] = text_lookup(frame["ma_doan_vien"], inp.annual_ratings("Cá nhân"))
    ini = _initiatives(inp, scores.phases)
    frame["sk_cong_nhan"] = frame["ma_doan_vien"].map(ini["sk_cong_nhan"]).fillna(0.0)
    frame["sk_cap"] = frame["ma_doan_vien"].map(ini["sk_cap"]).fillna(0).astype(int)
    frame["cap_sang_kien"] = text_lookup(frame["sk_cap"], LEVEL_NAMES)
    frame["ten_sang_kien"] = text_lookup(frame["ma_doan_vien"], dict(ini["ten_sang_kien"]))

    regs = inp.table("dang_ky")
    regs = pd.DataFrame(
        {
            "loai": clean_codes(regs["loai_doi_tuong"]),
            "ma": clean_codes(regs["ma_doi_tuong"]),
            "dot": clean_codes(regs["dot"]),
        }
    )
    regs = regs[(regs["loai"] == "Cá nhân") & regs["dot"].isin(scores.phases)]
    frame["so_dang_ky"] = frame["ma_doan_vien"].map(regs.groupby("ma").size()).fillna(0)

    setup = inp.table("doan_vien")
    text = lambda col: _texts(setup[col], "")  # noqa: E731
    setup = pd.DataFrame(
        {
            "ma_doan_vien": clean_codes(setup["ma_doan_vien"]),
            "gioi_tinh": text("gioi_tinh"),
            "ngay_sinh": setup["ngay_sinh"],
            "chuc_vu": text("chuc_vu"),
            "thanh_phan": text("thanh_phan"),
            "ngay_tuyen_dung": setup["ngay_tuyen_dung"],
            "ky_luat": _texts(setup["ky_luat"], "Không"),
        }
    ).drop_duplicates("ma_doan_vien")
    frame = frame.merge(setup, on="ma_doan_vien", how="left")
    for col in ("gioi_tinh", "chuc_vu", "thanh_phan"):
        frame[col] = frame[col].fillna("")
    frame["ky_luat"] = frame["ky_luat"].fillna("Không")
    frame["ky_luat_muc"] = frame["ky_luat"].map(discipline_rank).fillna(0).astype(int)
    end = inp.campaign_end
    frame["thang_cong_tac"] = [months_between(d, end) for d in frame["ngay_tuyen_dung"]]
    frame["ngay_dang_ky"] = dates(frame["ngay_dang_ky"])
    return frame


def group_facts(inp: ScoringInput, scores: ScoreResult) -> pd.DataFrame:
    """Year row per group: points and band, the collective's official rating, its department."""
    frame = scores.campaign("groups")[
        [
            "ma_to",
            "ten_to",
            "so_doan_vien",
            "tong",
            "hang",
            "xep_loai_diem",
            "so_sang_kien",
            "so_tin_bai",
        ]
    ].copy()
    setup = inp.table("to_cong_doan")
    units = dict(zip(clean_codes(setup["ma_to"]), clean_codes(setup["don_vi"])))
    frame["don_vi"] = text_lookup(frame["ma_to"], units)
    frame["xep_loai_nam"] = text_lookup(frame["ma_to"], inp.annual_ratings("Tập thể"))
    return frame


def ratings_summary(frame: pd.DataFrame, year: int | None) -> np.ndarray:
    """'xếp loại năm 2023: HTTNV' for each member (blank ratings said so)."""
    rating = frame["xep_loai_nam"].to_numpy(dtype=object)
    label = f"xếp loại năm {year}" if year else "xếp loại năm"
    return np.where(rating == "", f"chưa có {label}", f"{label}: " + rating)
