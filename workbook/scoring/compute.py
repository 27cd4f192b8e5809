"""From facts to scores: points per criterion, totals clamped to the rule set's range, bands,
whole-campaign rows (the mean of the phases), ranks with documented tie-breaks, explanations.

Tie-breaks (members): total ↓, initiatives ↓, articles ↓, earliest registration ↑ (none last),
Vietnamese name order (tên, then họ đệm), member code. Groups: total ↓, initiatives ↓,
articles ↓, earliest collective registration ↑, Vietnamese order of the group's name, code.
Ranks are positions 1…n in that order within each phase (and within the whole campaign).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

from ..text import person_sort_key, vn_sort_key
from . import explain
from .bands import Band, ScoreBands
from .context import CAMPAIGN
from .rubric import Criterion

TIE_BREAKS = (
    "tổng điểm cao hơn",
    "nhiều sáng kiến hơn",
    "nhiều tin, bài hơn",
    "đăng ký thi đua sớm hơn",
    "thứ tự tên tiếng Việt (tên, rồi họ đệm)",
)


def apply_criteria(
    criteria: list[Criterion],
    frame: pd.DataFrame,
    units_of: Callable[[Criterion], np.ndarray],
    *,
    group: bool,
    labels: np.ndarray,
) -> tuple[dict[str, np.ndarray], list]:
    """Points per criterion code, and each criterion's phrases (as codes) for every row."""
    points: dict[str, np.ndarray] = {}
    parts = []
    dots = frame["dot"].to_numpy()
    for c in criteria:
        units = np.asarray(units_of(c), dtype=float)
        if c.phase:
            units = np.where(dots == c.phase, units, 0.0)
        pts = np.round(units * c.per_unit, 2) + 0.0  # no -0.0
        if c.cap is not None:
            pts = np.minimum(pts, c.cap) if c.per_unit > 0 else np.maximum(pts, c.cap)
        points[c.code] = pts
        parts.append(explain.part_codes(c, units, pts, group=group, labels=labels))
    return points, parts


def bands_for(
    total: np.ndarray, bands: tuple[Band, ...], share_ok: np.ndarray | None
) -> np.ndarray:
    out = np.full(len(total), bands[-1].label, dtype=object)
    done = np.zeros(len(total), dtype=bool)
    for band in bands:
        hit = ~done if band.minimum is None else ~done & (total >= band.minimum)
        if band.criterion_share is not None and share_ok is not None:
            hit &= share_ok
        out[hit] = band.label
        done |= hit
    return out


def share_check(
    criteria: list[Criterion], frame: pd.DataFrame, share: float
) -> tuple[np.ndarray, np.ndarray]:
    """Rows where every main criterion reached ``share``% of its maximum; failing codes."""
    ok = np.ones(len(frame), dtype=bool)
    failing = np.full(len(frame), "", dtype=object)
    dots = frame["dot"].to_numpy()
    for c in criteria:
        if not c.is_main or c.cap is None:  # is_main implies a cap
            continue
        applies = np.ones(len(frame), dtype=bool) if not c.phase else dots == c.phase
        low = applies & (frame[c.code].to_numpy() < share / 100 * c.cap)
        ok &= ~low
        failing = explain.join(failing, np.where(low, c.code, ""))
    return ok, failing


def finish(
    frame: pd.DataFrame,
    criteria: list[Criterion],
    bands: ScoreBands,
    *,
    group: bool,
    points: dict[str, np.ndarray],
    parts: list,
) -> pd.DataFrame:
    """Totals (clamped), band and the explanation of one phase-level frame."""
    for code, pts in points.items():
        frame[code] = pts
    raw = np.round(sum(points.values(), np.zeros(len(frame))), 2)
    total = np.clip(raw, bands.score_min, bands.score_max)
    frame["tong"] = total
    clamp = explain.clamp_codes(raw, total, bands.score_min, bands.score_max)
    text = explain.combine(parts, [clamp])
    frame["giai_thich"] = np.where(text == "", "Không có điểm", text)
    return frame


def add_bands(
    frame: pd.DataFrame, criteria: list[Criterion], bands: tuple[Band, ...]
) -> pd.DataFrame:
    total = frame["tong"].to_numpy()
    top = bands[0]
    ok = note = None
    if top.criterion_share is not None:
        ok, failing = share_check(criteria, frame, top.criterion_share)
        blocked = (total >= top.minimum) & ~ok
        if blocked.any():
            note = np.full(len(frame), "", dtype=object)
            note[blocked] = (
                f"; chưa xếp {top.label}: "
                + failing[blocked]
                + f" dưới {explain.fmt(top.criterion_share)}% điểm tối đa"
            )
    frame["xep_loai_diem"] = bands_for(total, bands, ok)
    if note is not None:
        frame["giai_thich"] = frame["giai_thich"].to_numpy(dtype=object) + note
    return frame


def campaign_rows(
    frame: pd.DataFrame, key: str, codes: list[str], phases: list[str], first_cols: list[str]
) -> pd.DataFrame:
    """One row per subject for the whole campaign: criterion points and total are the mean of
    the phases; initiatives and articles add up; the registration date is the earliest."""
    g = frame.groupby(key, sort=True)
    agg = g[[*codes, "tong"]].mean().round(2)
    agg["so_sang_kien"] = g["so_sang_kien"].sum()
    agg["so_tin_bai"] = g["so_tin_bai"].sum()
    agg["ngay_dang_ky"] = g["ngay_dang_ky"].min()
    firsts = g[first_cols].first()
    out = pd.concat([firsts, agg], axis=1).reset_index()
    out["dot"] = CAMPAIGN
    totals = frame.pivot(index=key, columns="dot", values="tong").reindex(
        index=out[key], columns=phases
    )
    out["giai_thich"] = explain.campaign_note(totals, out["tong"].to_numpy())
    return out


def name_ranks(first: pd.Series, second: pd.Series | None = None) -> np.ndarray:
    """Position of each row's name in Vietnamese order (computed once per distinct name)."""
    if not len(first):
        return np.zeros(0, dtype=np.int64)
    a = first.to_numpy(dtype=object)
    b = None if second is None else second.to_numpy(dtype=object)
    key = explain.dense_key(a) if b is None else explain.dense_key(a, b)
    rows = explain.firsts(key)
    if b is None:
        order = sorted(range(len(rows)), key=lambda i: vn_sort_key(a[rows[i]]))
    else:  # first = tên, second = họ đệm
        order = sorted(range(len(rows)), key=lambda i: person_sort_key(b[rows[i]], a[rows[i]]))
    rank = np.empty(len(rows), dtype=np.int64)
    rank[order] = np.arange(len(rows))
    return rank[key]


def add_ranks(
    frame: pd.DataFrame, key: str, name_rank: np.ndarray, phase_order: list[str]
) -> pd.DataFrame:
    frame = frame.copy()
    frame["_name"] = name_rank
    frame["_phase"] = frame["dot"].map({p: i for i, p in enumerate(phase_order)})
    ordered = frame.sort_values(
        ["_phase", "tong", "so_sang_kien", "so_tin_bai", "ngay_dang_ky", "_name", key],
        ascending=[True, False, False, False, True, True, True],
        na_position="last",
        kind="stable",
    )
    ordered["hang"] = ordered.groupby("_phase", sort=False).cumcount() + 1
    return ordered.drop(columns=["_name", "_phase"]).reset_index(drop=True)
