"""Each criterion kind as a whole-column check: who meets it, what they have, what is missing.

A kind's code reads one fact column (or the group's members) and the criterion's parameters
from the rule set; it returns, for every subject, whether the criterion is met and the value
that decided it in words. The engine adds the criterion's statement and citation, so every
reason names the rule it applies and where the rule comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from ..rulesets import Criterion, discipline_rank
from ..scoring.explain import fmt_array
from .facts import LEVEL_ORDER


@dataclass
class Context:
    """What criteria look at: member and group facts for the year, and what is decided so far."""

    members: pd.DataFrame
    groups: pd.DataFrame
    year: int | None
    proposed: dict[str, set[str]] = field(default_factory=dict)  # award code → subject codes
    eligible: dict[str, set[str]] = field(default_factory=dict)  # award code → subject codes
    names: dict[str, str] = field(default_factory=dict)  # award code → its name


@dataclass
class Outcome:
    ok: np.ndarray  # bool per subject
    value: np.ndarray  # object per subject: what the subject has, in words


def _text(values: pd.Series | np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype=object)


def _rating_words(rating: np.ndarray, year: int | None) -> np.ndarray:
    label = f"xếp loại năm {year}" if year else "xếp loại năm"
    return np.where(
        rating == "", f"chưa có {label} (trang Xếp loại năm)", f"{label}: " + rating.astype(object)
    )


def annual_rating(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    rating = _text(subjects["xep_loai_nam"])
    return Outcome(np.isin(rating, c.params["gia_tri"]), _rating_words(rating, ctx.year))


def no_discipline(c: Criterion, subjects: pd.DataFrame, ctx: Context, group: bool) -> Outcome:
    level = discipline_rank(c.params["tu"])
    if not group:
        hit = subjects["ky_luat_muc"].to_numpy() >= level
        words = np.where(hit, "bị kỷ luật " + _text(subjects["ky_luat"]), "không bị kỷ luật")
        return Outcome(~hit, words)
    m = ctx.members
    names = dict(m[m["ky_luat_muc"] >= level].groupby("ma_to")["ho_ten"].agg(", ".join))
    found = np.array([names.get(code, "") for code in subjects["ma_to"]], dtype=object)
    words = np.where(
        found == "", "không có đoàn viên bị kỷ luật", "có đoàn viên bị kỷ luật: " + found
    )
    return Outcome(found == "", words)


def months_of_service(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    months = subjects["thang_cong_tac"].to_numpy(dtype=float)
    known = ~np.isnan(months)
    ok = ~known | (months >= float(c.params["tu"]))  # no recruitment date: not a new hire
    words = np.where(
        known,
        "công tác " + fmt_array(np.nan_to_num(months)) + " tháng đến hết đợt",
        "chưa ghi ngày tuyển dụng",
    )
    return Outcome(ok, words)


def registered(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    n = subjects["so_dang_ky"].to_numpy(dtype=float)
    return Outcome(n > 0, np.where(n > 0, "có đăng ký thi đua", "không đăng ký thi đua"))


def initiative(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    level = subjects["sk_cap"].to_numpy()
    ok = level >= LEVEL_ORDER[c.params["cap_tu"]]
    words = np.where(
        level > 0,
        fmt_array(subjects["sk_cong_nhan"].to_numpy())
        + " sáng kiến được công nhận, cao nhất cấp "
        + _text(subjects["cap_sang_kien"]),
        "không có sáng kiến được công nhận",
    )
    return Outcome(ok, words)


def member_kind(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    kind = _text(subjects["thanh_phan"])
    return Outcome(
        np.isin(kind, c.params["gia_tri"]),
        np.where(kind == "", "chưa ghi thành phần", "thành phần: " + kind),
    )


def proposed_for(c: Criterion, subjects: pd.DataFrame, ctx: Context, key: str) -> Outcome:
    code, name = c.params["ma"], ctx.names.get(c.params["ma"], c.params["ma"])
    ok = subjects[key].isin(ctx.proposed.get(code, set())).to_numpy()
    return Outcome(ok, np.where(ok, f"được đề nghị {name}", f"không được đề nghị {name}"))


def meets(c: Criterion, subjects: pd.DataFrame, ctx: Context, key: str) -> Outcome:
    code, name = c.params["ma"], ctx.names.get(c.params["ma"], c.params["ma"])
    ok = subjects[key].isin(ctx.eligible.get(code, set())).to_numpy()
    return Outcome(ok, np.where(ok, f"đủ tiêu chuẩn {name}", f"chưa đủ tiêu chuẩn {name}"))


def _members_per_group(
    subjects: pd.DataFrame, ctx: Context, hit: pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    m = ctx.members
    n = subjects["ma_to"].map(m.groupby("ma_to").size()).fillna(0).to_numpy(dtype=float)
    k = subjects["ma_to"].map(hit.groupby(m["ma_to"]).sum()).fillna(0).to_numpy(dtype=float)
    return n, k


def _share_words(k: np.ndarray, n: np.ndarray, what: str) -> np.ndarray:
    pct = np.where(n > 0, np.round(100 * k / np.maximum(n, 1), 2), 0)
    return fmt_array(k) + "/" + fmt_array(n) + f" đoàn viên {what} (" + fmt_array(pct) + "%)"


def _share_ok(k: np.ndarray, n: np.ndarray, c: Criterion) -> np.ndarray:
    if "tren" in c.params:  # strictly more than
        return (n > 0) & (100 * k > float(c.params["tren"]) * n)
    return (n > 0) & (100 * k >= float(c.params["tu"]) * n)


def share_proposed(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    code, name = c.params["ma"], ctx.names.get(c.params["ma"], c.params["ma"])
    hit = ctx.members["ma_doan_vien"].isin(ctx.proposed.get(code, set()))
    n, k = _members_per_group(subjects, ctx, hit)
    return Outcome(_share_ok(k, n, c), _share_words(k, n, f"được đề nghị {name}"))


def share_rated(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    hit = ctx.members["xep_loai_nam"].isin(c.params["gia_tri"])
    n, k = _members_per_group(subjects, ctx, hit)
    what = "xếp loại năm " + "/".join(c.params["gia_tri"])
    return Outcome(_share_ok(k, n, c), _share_words(k, n, what))


def count_proposed(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    code, name = c.params["ma"], ctx.names.get(c.params["ma"], c.params["ma"])
    hit = ctx.members["ma_doan_vien"].isin(ctx.proposed.get(code, set()))
    _, k = _members_per_group(subjects, ctx, hit)
    return Outcome(k >= float(c.params["tu"]), fmt_array(k) + f" đoàn viên được đề nghị {name}")


def point_band(c: Criterion, subjects: pd.DataFrame, ctx: Context) -> Outcome:
    band = _text(subjects["xep_loai_diem"])
    return Outcome(
        np.isin(band, c.params["gia_tri"]),
        "xếp loại theo điểm thi đua cả năm: "
        + band
        + " ("
        + fmt_array(subjects["tong"].to_numpy())
        + " điểm)",
    )


def any_of(c: Criterion, subjects: pd.DataFrame, ctx: Context, group: bool) -> Outcome:
    outcomes = [evaluate(p, subjects, ctx, group) for p in c.parts]
    ok = np.logical_or.reduce([o.ok for o in outcomes])
    words = outcomes[0].value
    for o in outcomes[1:]:
        words = words + "; " + o.value
    return Outcome(ok, words)


Check = Callable[[Criterion, pd.DataFrame, Context, bool], Outcome]
KINDS: dict[str, Check] = {
    "xep_loai_nam": lambda c, s, x, g: annual_rating(c, s, x),
    "khong_ky_luat": no_discipline,
    "thang_cong_tac": lambda c, s, x, g: months_of_service(c, s, x),
    "dang_ky_thi_dua": lambda c, s, x, g: registered(c, s, x),
    "sang_kien": lambda c, s, x, g: initiative(c, s, x),
    "thanh_phan": lambda c, s, x, g: member_kind(c, s, x),
    "danh_hieu": lambda c, s, x, g: proposed_for(c, s, x, "ma_to" if g else "ma_doan_vien"),
    "du_tieu_chuan": lambda c, s, x, g: meets(c, s, x, "ma_to" if g else "ma_doan_vien"),
    "ty_le_danh_hieu": lambda c, s, x, g: share_proposed(c, s, x),
    "ty_le_xep_loai": lambda c, s, x, g: share_rated(c, s, x),
    "so_danh_hieu": lambda c, s, x, g: count_proposed(c, s, x),
    "xep_loai_diem": lambda c, s, x, g: point_band(c, s, x),
    "mot_trong": any_of,
}
MEMBER_ONLY = {"thang_cong_tac", "dang_ky_thi_dua", "sang_kien", "thanh_phan"}
GROUP_ONLY = {"ty_le_danh_hieu", "ty_le_xep_loai", "so_danh_hieu"}


def evaluate(c: Criterion, subjects: pd.DataFrame, ctx: Context, group: bool) -> Outcome:
    """One automatic criterion for every subject (members, or groups when ``group``)."""
    if (group and c.kind in MEMBER_ONLY) or (not group and c.kind in GROUP_ONLY):
        raise ValueError(
            f"criterion kind {c.kind!r} does not apply to {'groups' if group else 'members'}"
        )
    return KINDS[c.kind](c, subjects, ctx, group)


def describe(c: Criterion) -> str:
    """'statement (citation)': how a reason names the criterion it applies."""
    return f"{c.statement} ({c.citation.marked})" if c.citation else c.statement


__all__ = ["Context", "KINDS", "Outcome", "describe", "evaluate"]
