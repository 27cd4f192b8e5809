"""Where each point came from, in words: "2 sáng kiến cấp cơ sở × 5 = 10".

Built column-wise: strings are assembled only for the rows a criterion gave points to, so the
explanations of 200,000 rows cost a fraction of a second.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .rubric import RATE_SOURCES, Criterion, fmt

LEVELS = {"Cơ sở", "Ngành", "Tỉnh", "Toàn quốc", "Trung ương"}


def fmt_array(values: np.ndarray) -> np.ndarray:
    """Numbers as Vietnamese text (decimal comma, at most 2 decimals), element-wise; each
    distinct value is formatted once."""
    v = np.round(np.asarray(values, dtype=float), 2)
    if not len(v):
        return np.zeros(0, dtype=object)
    u, inverse = np.unique(v, return_inverse=True)
    text = np.array(["" if np.isnan(x) else fmt(x) for x in u], dtype=object)
    return text[inverse.reshape(-1)]


def join(acc: np.ndarray, more: np.ndarray) -> np.ndarray:
    """Append phrases with '; ' where both sides have text (small frames: shortlist, bands)."""
    idx = np.flatnonzero(more != "")
    if len(idx):
        both = acc[idx] != ""
        acc[idx] = np.where(both, acc[idx] + "; " + more[idx], more[idx])
    return acc


def noun(c: Criterion) -> str:
    cond = list(c.condition)
    lower = "/".join(
        x[0].lower() + x[1:] if x not in ("HTXSNV", "HTTNV", "HTNV", "KHTNV") else x for x in cond
    )
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


def phrase(c: Criterion, units: float, points: float, *, group: bool, label: str = "") -> str:
    """One criterion's phrase for one value of its units ('' when it gave nothing)."""
    if units == 0 and points == 0:
        return ""
    per = fmt(c.per_unit) if c.per_unit >= 0 else f"({fmt(c.per_unit)})"
    raw = round(units * c.per_unit, 2)
    result = fmt(points) if raw == points else f"{fmt(raw)} → {fmt(points)} (tối đa)"
    if c.source == "Xếp loại":
        return f"{'tổ xếp loại ' if group else ''}{label} = {result}"
    if c.source in RATE_SOURCES:
        return f"{noun(c)} {fmt(units)}% × {per} = {result}"
    if c.source == "Hoạt động" and group:
        return f"bình quân {fmt(units)} hoạt động/người × {per} = {result}"
    return f"{fmt(units)} {noun(c)} × {per} = {result}"


def dense_key(*arrays: np.ndarray) -> np.ndarray:
    """One small integer per distinct combination of the arrays' values (hash-based)."""
    key = np.zeros(len(arrays[0]), dtype=np.int64)
    for a in arrays:
        codes, uniques = pd.factorize(a)
        key, _ = pd.factorize(key * (len(uniques) + 1) + codes)
    return key


def firsts(key: np.ndarray) -> np.ndarray:
    """Index of the first row of each key value 0..k-1."""
    firsts = np.full(key.max() + 1 if len(key) else 0, -1, dtype=np.int64)
    order = np.arange(len(key))[::-1]
    firsts[key[order]] = order  # later writes (earlier rows) win
    return firsts


def part_codes(
    c: Criterion,
    units: np.ndarray,
    points: np.ndarray,
    *,
    group: bool,
    labels: np.ndarray | None = None,
) -> tuple[np.ndarray, list[str]]:
    """Per row, the index of its phrase in the returned list (0 = nothing).

    Phrases are built once per distinct value — a criterion takes few distinct values even
    over 200,000 rows — so the cost does not grow with the number of members."""
    if not len(units):
        return np.zeros(0, dtype=np.int64), [""]
    shown = labels if c.source == "Xếp loại" else None
    key = dense_key(units, points, shown) if shown is not None else dense_key(units, points)
    rows = firsts(key)
    phrases = [
        phrase(
            c,
            float(units[r]),
            float(points[r]),
            group=group,
            label=str(shown[r]) if shown is not None else "",
        )
        for r in rows
    ]
    table = [""] + sorted(set(x for x in phrases if x))
    position = {x: i for i, x in enumerate(table)}
    return np.array([position[x] for x in phrases], dtype=np.int64)[key], table


def combine(
    parts: list[tuple[np.ndarray, list[str]]], extra: Sequence[tuple[np.ndarray, list[str]]] = ()
) -> np.ndarray:
    """Join every row's phrases with '; ', building each distinct combination once."""
    all_parts = [*parts, *extra]
    n = len(all_parts[0][0]) if all_parts else 0
    if not all_parts or n == 0:
        return np.full(n, "", dtype=object)
    key = dense_key(*(p[0] for p in all_parts))
    texts = np.array(
        [
            "; ".join(t for t in (table[codes[r]] for codes, table in all_parts) if t)
            for r in firsts(key)
        ],
        dtype=object,
    )
    return texts[key]


def clamp_codes(
    raw: np.ndarray, total: np.ndarray, low: float, high: float
) -> tuple[np.ndarray, list[str]]:
    """The 'tổng 105 → 100 (giới hạn 0–100)' phrase as codes, like ``part_codes``."""
    hit = raw != total
    codes = np.zeros(len(raw), dtype=np.int64)
    table = [""]
    if hit.any():
        pairs, inverse = np.unique(
            np.stack([raw[hit], total[hit]], axis=1), axis=0, return_inverse=True
        )
        table += [f"tổng {fmt(r)} → {fmt(t)} (giới hạn {fmt(low)}–{fmt(high)})" for r, t in pairs]
        codes[hit] = inverse.reshape(-1) + 1
    return codes, table


def campaign_note(phase_totals: pd.DataFrame, total: np.ndarray) -> np.ndarray:
    """'Trung bình 2 đợt: (85 + 70) / 2 = 77,5' from a subject × phase table of totals."""
    n = phase_totals.shape[1]
    if not len(total):
        return np.zeros(0, dtype=object)
    columns = [phase_totals.iloc[:, j].to_numpy(dtype=float) for j in range(n)]
    columns.append(np.asarray(total, dtype=float))
    key = dense_key(*columns)
    texts = np.array(
        [
            f"Trung bình {n} đợt: ("
            + " + ".join(fmt(c[r]) for c in columns[:-1])
            + f") / {n} = {fmt(columns[-1][r])}"
            for r in firsts(key)
        ],
        dtype=object,
    )
    return texts[key]
