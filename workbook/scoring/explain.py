"""Where each point came from, in words: "2 sáng kiến cấp cơ sở × 5 = 10".

Built column-wise: strings are assembled only for the rows a criterion gave points to, so the
explanations of 200,000 rows cost a fraction of a second.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .rubric import RATE_SOURCES, Criterion, fmt

LEVELS = {"Cơ sở", "Ngành", "Tỉnh", "Toàn quốc", "Trung ương"}


def fmt_array(values: np.ndarray) -> np.ndarray:
    """Numbers as Vietnamese text (decimal comma, at most 2 decimals), element-wise."""
    v = np.round(np.asarray(values, dtype=float), 2)
    whole = v == np.round(v)
    out = np.empty(len(v), dtype=object)
    out[whole] = v[whole].astype(np.int64).astype(str)
    if (~whole).any():
        out[~whole] = np.char.replace(v[~whole].astype(str), ".", ",").astype(object)
    return out


def noun(c: Criterion) -> str:
    cond = list(c.condition)
    lower = "/".join(x[0].lower() + x[1:] if x not in ("HTXSNV", "HTTNV", "HTNV", "KHTNV")
                     else x for x in cond)
    if c.source == "Sáng kiến":
        return "sáng kiến" + (f" cấp {lower}" if cond else "")
    if c.source == "Tin bài":
        if not cond:
            return "tin, bài"
        return f"tin, bài cấp {lower}" if set(cond) <= LEVELS else f"tin, bài đăng {'/'.join(cond)}"
    if c.source == "Đăng ký thi đua":
        return "đăng ký thi đua" + (f" {'/'.join(cond)}" if cond else "")
    if c.source == "Công trình":
        return "công trình" + (f" {lower}" if cond else "")
    if c.source == "Hoạt động":
        return "hoạt động"
    if c.source == "Vi phạm":
        return "lần vi phạm"
    if c.source == "Tỷ lệ đăng ký":
        return "tỷ lệ đoàn viên đăng ký"
    if c.source == "Tỷ lệ xếp loại":
        return "tỷ lệ đoàn viên " + ("/".join(cond) if cond else "có xếp loại")
    return c.name.lower()


def part(c: Criterion, units: np.ndarray, points: np.ndarray, *, group: bool,
         labels: np.ndarray | None = None) -> np.ndarray:
    """One criterion's phrase per row ('' where it gave nothing)."""
    out = np.full(len(units), "", dtype=object)
    idx = np.flatnonzero((units != 0) | (points != 0))
    if not len(idx):
        return out
    u, p = units[idx], points[idx]
    per = fmt(c.per_unit) if c.per_unit >= 0 else f"({fmt(c.per_unit)})"
    raw = np.round(u * c.per_unit, 2)
    result = fmt_array(p)
    capped = raw != p
    if capped.any():
        result[capped] = fmt_array(raw[capped]) + " → " + result[capped] + " (tối đa)"
    if c.source == "Xếp loại":
        who = "tổ xếp loại " if group else ""
        out[idx] = who + labels[idx].astype(object) + " = " + result
    elif c.source in RATE_SOURCES:
        out[idx] = noun(c) + " " + fmt_array(u) + f"% × {per} = " + result
    elif c.source == "Hoạt động" and group:
        out[idx] = "bình quân " + fmt_array(u) + f" hoạt động/người × {per} = " + result
    else:
        out[idx] = fmt_array(u) + f" {noun(c)} × {per} = " + result
    return out


def join(acc: np.ndarray, more: np.ndarray) -> np.ndarray:
    """Append phrases with '; ' where both sides have text."""
    idx = np.flatnonzero(more != "")
    if len(idx):
        both = acc[idx] != ""
        acc[idx] = np.where(both, acc[idx] + "; " + more[idx], more[idx])
    return acc


def clamp_note(raw: np.ndarray, total: np.ndarray, low: float, high: float) -> np.ndarray:
    out = np.full(len(raw), "", dtype=object)
    idx = np.flatnonzero(raw != total)
    if len(idx):
        out[idx] = ("tổng " + fmt_array(raw[idx]) + " → " + fmt_array(total[idx])
                    + f" (giới hạn {fmt(low)}–{fmt(high)})")
    return out


def campaign_note(phase_totals: pd.DataFrame, total: np.ndarray) -> np.ndarray:
    """'Trung bình 2 đợt: (85 + 70) / 2 = 77,5' from a subject × phase table of totals."""
    n = phase_totals.shape[1]
    text = fmt_array(phase_totals.iloc[:, 0].to_numpy())
    for j in range(1, n):
        text = text + " + " + fmt_array(phase_totals.iloc[:, j].to_numpy())
    return f"Trung bình {n} đợt: (" + text + f") / {n} = " + fmt_array(total)
