"""Eligibility of each title, by rule (thresholds from the rule set), with the reasons in words.

Each rule looks at whole columns and returns, for every member (or group): eligible or not, why
not (every failed condition), and a short statement of what qualified them. Rules are keyed by
the title code of the `Danh hiệu` sheet:

* LDTT   Lao động tiên tiến: registered; duty rating HTTNV or better in every phase; no
         discipline (khiển trách or above); not absent ≥ 40 working days (maternity leave
         aside); not recruited less than 10 months before the campaign ends.
* CSTDCS Chiến sĩ thi đua cơ sở: LĐTT and a recognised initiative (or HTXSNV in every phase).
* TTLDTT Tập thể lao động tiên tiến: group rated HTTNV or better, > 50% of members LĐTT,
         nobody disciplined at cảnh cáo or above.
* TTLDXS Tập thể lao động xuất sắc: 100% of members complete their duties (HTNV or better in
         every phase), ≥ 70% LĐTT, ≥ 1 CSTĐCS proposed, nobody disciplined at cảnh cáo or above.
* GKCD   Giấy khen of the CĐCS: LĐTT and a campaign score of at least the rule set's minimum.
* GKCT   upper union's Giấy khen (individual): LĐTT and (CSTĐCS proposed or an initiative
         recognised at Ngành level or above).
* BKLD   Bằng khen of the provincial federation: CSTĐCS proposed, HTXSNV in every phase and an
         initiative recognised at Tỉnh level or above.
* GKTT   upper union's Giấy khen (collective): TTLĐXS proposed and the group's campaign band
         is the rule set's top band (vững mạnh).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from ..rulesets import RuleSet, discipline_rank
from ..scoring.explain import fmt_array, join
from ..scoring.rubric import fmt
from .facts import all_phases

COMPLETED = ["HTXSNV", "HTTNV", "HTNV"]


@dataclass
class Check:
    eligible: np.ndarray
    why_not: np.ndarray  # '' where eligible
    why: np.ndarray  # statement for eligible rows


@dataclass
class RuleContext:
    ruleset: RuleSet
    phases: list[str]
    members: pd.DataFrame
    groups: pd.DataFrame
    proposed: dict[str, set[str]] = field(default_factory=dict)  # title code -> subject codes


def _fail(acc: np.ndarray, mask: np.ndarray, text: np.ndarray | str) -> np.ndarray:
    return join(acc, np.where(mask, text, "").astype(object))


def _empty(n: int) -> np.ndarray:
    return np.full(n, "", dtype=object)


def ratings_text(m: pd.DataFrame, phases: list[str]) -> np.ndarray:
    out = _empty(len(m))
    for p in phases:
        col = m[f"xl:{p}"].replace("", "chưa xếp loại").to_numpy(dtype=object)
        out = np.where(out == "", f"{p} " + col, out + f", {p} " + col)
    return out


def ldtt(ctx: RuleContext) -> Check:
    m, rule = ctx.members, ctx.ruleset.rule("ldtt")
    n = len(m)
    why_not = _empty(n)
    if rule.get("can_dang_ky", True):
        why_not = _fail(why_not, (m["so_dang_ky_ca_nam"] == 0).to_numpy(),
                        "không đăng ký thi đua")
    allowed = rule.get("xep_loai_dat", ["HTXSNV", "HTTNV"])
    for p in ctx.phases:
        col = m[f"xl:{p}"]
        why_not = _fail(why_not, (col == "").to_numpy(), f"{p} chưa có xếp loại")
        bad = ((col != "") & ~col.isin(allowed)).to_numpy()
        why_not = _fail(why_not, bad, f"{p} xếp loại " + col.to_numpy(dtype=object)
                        + f" (cần {'/'.join(allowed)})")
    level = discipline_rank(rule.get("ky_luat_tu", "Khiển trách"))
    why_not = _fail(why_not, (m["ky_luat_muc"] >= level).to_numpy(),
                    "bị kỷ luật " + m["ky_luat"].to_numpy(dtype=object))
    days = rule.get("so_ngay_nghi_tu", 40)
    absent = m["so_ngay_nghi"].fillna(0) >= days
    if rule.get("tru_nghi_thai_san", True):
        absent &= ~m["thai_san"].fillna(False).astype(bool)
    why_not = _fail(why_not, absent.to_numpy(), "nghỉ " + fmt_array(m["so_ngay_nghi"].fillna(0))
                    + f" ngày làm việc (từ {days} ngày trở lên)")
    months = rule.get("so_thang_cong_tac_tu", 10)
    short = (m["thang_cong_tac"] < months).to_numpy()
    why_not = _fail(why_not, short, "tuyển dụng chưa đủ " + str(months) + " tháng ("
                    + fmt_array(m["thang_cong_tac"].fillna(0)) + " tháng)")
    eligible = why_not == ""
    why = ratings_text(m, ctx.phases) + "; có đăng ký thi đua; không bị kỷ luật"
    return Check(eligible, why_not, why)


def cstdcs(ctx: RuleContext) -> Check:
    m, rule = ctx.members, ctx.ruleset.rule("cstdcs")
    is_ldtt = m["ma_doan_vien"].isin(ctx.proposed.get("LDTT", set())).to_numpy()
    has_sk = (m["sk_cong_nhan"] > 0).to_numpy()
    excellent = all_phases(m, ctx.phases, ["HTXSNV"])
    alt = rule.get("sang_kien_hoac_htxsnv", True)
    merit = has_sk | (excellent if alt else False)
    why_not = _fail(_empty(len(m)), ~is_ldtt, "chưa đạt Lao động tiên tiến")
    need = ("không có sáng kiến được công nhận, không hoàn thành xuất sắc nhiệm vụ mọi đợt"
            if alt else "không có sáng kiến được công nhận")
    why_not = _fail(why_not, ~merit, need)
    sk = (fmt_array(m["sk_cong_nhan"]) + " sáng kiến được công nhận (cấp cao nhất: "
          + m["cap_sang_kien"].to_numpy(dtype=object) + ")")
    why = np.where(has_sk, "Lao động tiên tiến; " + sk,
                   "Lao động tiên tiến; hoàn thành xuất sắc nhiệm vụ mọi đợt")
    return Check(why_not == "", why_not, why.astype(object))


def _group_members(ctx: RuleContext, title: str) -> pd.Series:
    m = ctx.members
    chosen = m["ma_doan_vien"].isin(ctx.proposed.get(title, set()))
    return chosen.groupby(m["ma_to"]).sum()


def _share_text(k: np.ndarray, n: np.ndarray, what: str) -> np.ndarray:
    pct = np.where(n > 0, np.round(100 * k / np.maximum(n, 1), 2), 0)
    return fmt_array(k) + "/" + fmt_array(n) + f" đoàn viên {what} (" + fmt_array(pct) + "%)"


def _discipline(ctx: RuleContext, level_name: str) -> tuple[np.ndarray, np.ndarray]:
    m, g = ctx.members, ctx.groups
    level = discipline_rank(level_name)
    hit = m[m["ky_luat_muc"] >= level]
    names = dict(hit.groupby("ma_to")["ho_ten"].agg(", ".join))
    text = np.array([names.get(code, "") for code in g["ma_to"]], dtype=object)
    return text != "", text


def group_counts(ctx: RuleContext) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    g = ctx.groups
    n = g["so_doan_vien"].fillna(0).to_numpy(dtype=float)
    ldtt_k = g["ma_to"].map(_group_members(ctx, "LDTT")).fillna(0).to_numpy(dtype=float)
    done = pd.Series(all_phases(ctx.members, ctx.phases, COMPLETED)).groupby(
        ctx.members["ma_to"].to_numpy()).sum()
    done_k = g["ma_to"].map(done).fillna(0).to_numpy(dtype=float)
    return n, ldtt_k, done_k


def ttldtt(ctx: RuleContext) -> Check:
    g, rule = ctx.groups, ctx.ruleset.rule("ttldtt")
    n, k, _ = group_counts(ctx)
    why_not = _fail(_empty(len(g)), n == 0, "tổ chưa có đoàn viên")
    allowed = rule.get("xep_loai_to", ["HTXSNV", "HTTNV"])
    rating = g["xep_loai_to"].to_numpy(dtype=object)
    why_not = _fail(why_not, rating == "", "tổ chưa có xếp loại tập thể")
    why_not = _fail(why_not, (rating != "") & ~np.isin(rating, allowed),
                    "tổ xếp loại " + rating + f" (cần {'/'.join(allowed)})")
    share = rule.get("ty_le_ldtt_tren", 50)
    low = (n > 0) & (100 * k <= share * n)
    why_not = _fail(why_not, low, _share_text(k, n, "đạt Lao động tiên tiến")
                    + f", cần trên {fmt(share)}%")
    bad, names = _discipline(ctx, rule.get("ky_luat_tu", "Cảnh cáo"))
    why_not = _fail(why_not, bad, "có đoàn viên bị kỷ luật từ cảnh cáo trở lên: " + names)
    why = "tổ xếp loại " + rating + "; " + _share_text(k, n, "đạt Lao động tiên tiến")
    return Check(why_not == "", why_not, why)


def ttldxs(ctx: RuleContext) -> Check:
    g, rule = ctx.groups, ctx.ruleset.rule("ttldxs")
    n, k, done = group_counts(ctx)
    why_not = _fail(_empty(len(g)), n == 0, "tổ chưa có đoàn viên")
    need_done = rule.get("ty_le_hoan_thanh_tu", 100)
    why_not = _fail(why_not, (n > 0) & (100 * done < need_done * n),
                    _share_text(done, n, "hoàn thành nhiệm vụ mọi đợt")
                    + f", cần từ {fmt(need_done)}%")
    need_ldtt = rule.get("ty_le_ldtt_tu", 70)
    why_not = _fail(why_not, (n > 0) & (100 * k < need_ldtt * n),
                    _share_text(k, n, "đạt Lao động tiên tiến") + f", cần từ {fmt(need_ldtt)}%")
    cs = g["ma_to"].map(_group_members(ctx, "CSTDCS")).fillna(0).to_numpy(dtype=float)
    need_cs = rule.get("so_cstdcs_tu", 1)
    why_not = _fail(why_not, cs < need_cs,
                    f"chưa có Chiến sĩ thi đua cơ sở được đề nghị (cần ít nhất {need_cs})")
    bad, names = _discipline(ctx, rule.get("ky_luat_tu", "Cảnh cáo"))
    why_not = _fail(why_not, bad, "có đoàn viên bị kỷ luật từ cảnh cáo trở lên: " + names)
    why = (_share_text(done, n, "hoàn thành nhiệm vụ") + "; "
           + _share_text(k, n, "đạt Lao động tiên tiến") + "; " + fmt_array(cs)
           + " Chiến sĩ thi đua cơ sở")
    return Check(why_not == "", why_not, why)


def gkcd(ctx: RuleContext) -> Check:
    m = ctx.members
    minimum = ctx.ruleset.rule("giay_khen").get("diem_tu", 0)
    is_ldtt = m["ma_doan_vien"].isin(ctx.proposed.get("LDTT", set())).to_numpy()
    why_not = _fail(_empty(len(m)), ~is_ldtt, "chưa đạt Lao động tiên tiến")
    low = (m["tong"] < minimum).to_numpy()
    why_not = _fail(why_not, low, "điểm cả năm " + fmt_array(m["tong"])
                    + f" dưới {fmt(minimum)}")
    why = "Lao động tiên tiến; điểm cả năm " + fmt_array(m["tong"])
    return Check(why_not == "", why_not, why)


def gkct(ctx: RuleContext) -> Check:
    m = ctx.members
    is_ldtt = m["ma_doan_vien"].isin(ctx.proposed.get("LDTT", set())).to_numpy()
    is_cs = m["ma_doan_vien"].isin(ctx.proposed.get("CSTDCS", set())).to_numpy()
    high = (m["sk_cap"] >= 2).to_numpy()
    why_not = _fail(_empty(len(m)), ~is_ldtt, "chưa đạt Lao động tiên tiến")
    why_not = _fail(why_not, ~(is_cs | high),
                    "chưa được đề nghị Chiến sĩ thi đua cơ sở, không có sáng kiến cấp ngành "
                    "trở lên")
    why = np.where(is_cs, "được đề nghị Chiến sĩ thi đua cơ sở",
                   "có sáng kiến cấp " + m["cap_sang_kien"].to_numpy(dtype=object))
    return Check(why_not == "", why_not, why.astype(object))


def bkld(ctx: RuleContext) -> Check:
    m = ctx.members
    is_cs = m["ma_doan_vien"].isin(ctx.proposed.get("CSTDCS", set())).to_numpy()
    excellent = all_phases(m, ctx.phases, ["HTXSNV"])
    top = (m["sk_cap"] >= 3).to_numpy()
    why_not = _fail(_empty(len(m)), ~is_cs, "chưa được đề nghị Chiến sĩ thi đua cơ sở")
    why_not = _fail(why_not, ~excellent, "không hoàn thành xuất sắc nhiệm vụ ở mọi đợt")
    why_not = _fail(why_not, ~top, "không có sáng kiến cấp tỉnh trở lên")
    why = ("Chiến sĩ thi đua cơ sở; hoàn thành xuất sắc nhiệm vụ mọi đợt; sáng kiến cấp "
           + m["cap_sang_kien"].to_numpy(dtype=object))
    return Check(why_not == "", why_not, why)


def gktt(ctx: RuleContext) -> Check:
    g = ctx.groups
    band = ctx.ruleset.rule("giay_khen").get("xep_loai_to_cap_tren", "Vững mạnh")
    is_xs = g["ma_to"].isin(ctx.proposed.get("TTLDXS", set())).to_numpy()
    strong = (g["xep_loai_diem"] == band).to_numpy()
    why_not = _fail(_empty(len(g)), ~is_xs, "chưa được đề nghị Tập thể lao động xuất sắc")
    why_not = _fail(why_not, ~strong, "xếp loại theo điểm " + g["xep_loai_diem"].to_numpy(
        dtype=object) + f" (cần {band})")
    why = f"Tập thể lao động xuất sắc; xếp loại {band}, điểm cả năm " + fmt_array(g["tong"])
    return Check(why_not == "", why_not, why)


# Evaluation order matters: later titles build on earlier proposals.
RULES: dict[str, Callable[[RuleContext], Check]] = {
    "LDTT": ldtt, "CSTDCS": cstdcs, "TTLDTT": ttldtt, "TTLDXS": ttldxs,
    "GKCD": gkcd, "GKCT": gkct, "BKLD": bkld, "GKTT": gktt,
}
