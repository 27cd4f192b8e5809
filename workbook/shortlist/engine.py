"""The award shortlist: eligibility by rule, quotas, ranking by score, a reason for everyone.

Quota rounding (CSTĐCS under the 2023 rule set, and any title whose `Danh hiệu` row sets
"Tỷ lệ tối đa (%)"): the number proposed is the whole part of percent × base ÷ 100, computed in
exact arithmetic — never above the stated percentage, so 19 LĐTT at 15% allow 2, 6 allow 0. The
base is the number of LĐTT proposed for individual titles, the number of groups for collective
ones. Among the eligible, the order is the whole-campaign rank (score, then the tie-breaks of
``workbook.scoring.compute``); the first ones within the quota are proposed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from ..rulesets import RuleSetChoice
from ..scoring import ScoreResult, ScoringInput
from ..scoring.compute import TIE_BREAKS, name_ranks
from ..scoring.explain import fmt_array
from ..scoring.rubric import GROUP, MEMBER, fmt
from ..values import to_text
from .facts import group_facts, member_facts
from .rules import RULES, RuleContext, ratings_text

PROPOSED, NOT_PROPOSED = "Đề nghị", "Không đề nghị"


def quota_for(percent: float, base: int) -> int:
    """Whole part of percent% of base, exactly (15% of 20 = 3, of 19 = 2, of 6 = 0)."""
    return math.floor(Fraction(str(percent)) * base / 100)


@dataclass
class TitleOutcome:
    code: str
    name: str
    subject: str
    kind: str
    level: str
    tdkt_code: str
    eligible: int = 0
    proposed: int = 0
    quota: int | None = None
    quota_rule: str = "Không giới hạn số lượng"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ShortlistResult:
    choice: RuleSetChoice
    phases: list[str]
    titles: list[TitleOutcome]
    decisions: pd.DataFrame
    scores: ScoreResult
    notes: list[str] = field(default_factory=list)

    def proposed(self, code: str | None = None) -> pd.DataFrame:
        d = self.decisions[self.decisions["ket_qua"] == PROPOSED]
        return d if code is None else d[d["ma_danh_hieu"] == code]

    def codes(self, code: str) -> list[str]:
        """Subject codes proposed for one title, best ranked first."""
        return list(self.proposed(code)["ma"])

    @property
    def headline(self) -> str:
        parts = [f"{t.name}: {t.proposed}" for t in self.titles]
        return "Đề nghị khen thưởng — " + "; ".join(parts) if parts else \
            "Chưa có danh hiệu nào để xét"

    def to_dict(self) -> dict[str, Any]:
        cols = ["ma_danh_hieu", "danh_hieu", "doi_tuong", "ma", "ho_ten", "ma_to", "ket_qua",
                "thu_tu", "diem", "hang", "ly_do"]
        rows = self.decisions[cols].astype(object).where(self.decisions[cols].notna(), None)
        return {"headline": self.headline, "ruleset": self.choice.to_dict(),
                "tie_breaks": list(TIE_BREAKS), "notes": self.notes,
                "titles": [t.to_dict() for t in self.titles],
                "decisions": rows.to_dict("records")}


def _titles(inp: ScoringInput) -> list[tuple[TitleOutcome, float | None]]:
    frame = inp.table("danh_hieu")
    out = []
    for rec in frame.to_dict("records"):
        code = to_text(rec.get("ma_danh_hieu"))
        if not code:
            continue
        pct = rec.get("ty_le_toi_da")
        pct = float(pct) if isinstance(pct, (int, float)) and not pd.isna(pct) else None
        out.append((TitleOutcome(code=code, name=to_text(rec.get("ten_danh_hieu")) or code,
                                 subject=to_text(rec.get("doi_tuong")) or MEMBER,
                                 kind=to_text(rec.get("loai")) or "",
                                 level=to_text(rec.get("cap")) or "",
                                 tdkt_code=to_text(rec.get("ma_tdkt")) or ""), pct))
    return out


def make_shortlist(inp: ScoringInput, scores: ScoreResult) -> ShortlistResult:
    members = member_facts(inp, scores)
    groups = group_facts(scores, inp)
    ctx = RuleContext(ruleset=inp.ruleset, phases=scores.phases, members=members, groups=groups)
    titles = _titles(inp)
    by_code = {t.code: (t, pct) for t, pct in titles}
    notes = [inp.choice.reason]
    unknown = [t.name for t, _ in titles if t.code not in RULES]
    if unknown:
        notes.append("Chưa có quy tắc xét tự động cho: " + ", ".join(unknown)
                     + " (Ban Chấp hành xét thủ công).")
    frames = []
    for code, rule in RULES.items():  # rule order: later titles build on earlier ones
        if code not in by_code:
            continue
        title, pct = by_code[code]
        subjects = groups if title.subject == GROUP else members
        check = rule(ctx)
        quota, quota_rule = _quota(inp, title, pct, ctx, len(groups))
        title.quota, title.quota_rule = quota, quota_rule
        decided = _decide(title, subjects, check, quota, quota_rule)
        chosen = decided[decided["ket_qua"] == PROPOSED]["ma"]
        ctx.proposed[code] = set(chosen)
        title.eligible = int(check.eligible.sum())
        title.proposed = len(chosen)
        frames.append(decided)
    order = {t.code: i for i, (t, _) in enumerate(titles)}
    decisions = pd.concat(frames, ignore_index=True) if frames else _empty_decisions()
    decisions["_t"] = decisions["ma_danh_hieu"].map(order)
    decisions = decisions.sort_values(["_t", "_k", "thu_tu", "_name"], na_position="last",
                                      kind="stable").drop(columns=["_t", "_k", "_name"])
    ordered_titles = sorted((t for t, _ in titles if t.code in RULES),
                            key=lambda t: order[t.code])
    return ShortlistResult(choice=inp.choice, phases=scores.phases, titles=ordered_titles,
                           decisions=decisions.reset_index(drop=True), scores=scores,
                           notes=notes)


def _quota(inp: ScoringInput, title: TitleOutcome, pct: float | None, ctx: RuleContext,
           n_groups: int) -> tuple[int | None, str]:
    if title.code == "CSTDCS":
        pct = inp.ruleset.cstdcs_quota_percent
        if pct is None:
            return None, (f"Bộ quy tắc {inp.ruleset.code}: không giới hạn tỷ lệ Chiến sĩ thi "
                          "đua cơ sở")
    if pct is None:
        return None, "Không giới hạn số lượng"
    if title.subject == GROUP:
        base, what = n_groups, "tổ công đoàn"
    else:
        base, what = len(ctx.proposed.get("LDTT", ())), "Lao động tiên tiến"
    quota = quota_for(pct, base)
    return quota, (f"Tối đa {fmt(pct)}% × {base} {what} = {fmt(float(Fraction(str(pct)) * base / 100))}"
                   f", làm tròn xuống: {quota}")


def _decide(title: TitleOutcome, subjects: pd.DataFrame, check, quota: int | None,
            quota_rule: str) -> pd.DataFrame:
    group = title.subject == GROUP
    key = "ma_to" if group else "ma_doan_vien"
    out = pd.DataFrame({
        "ma_danh_hieu": title.code, "danh_hieu": title.name, "doi_tuong": title.subject,
        "ma": subjects[key].to_numpy(),
        "ho_ten": (subjects["ten_to"] if group else subjects["ho_ten"]).to_numpy(),
        "ma_to": subjects["ma_to"].to_numpy(),
        "diem": subjects["tong"].to_numpy(), "hang": subjects["hang"].to_numpy(),
    })
    eligible = np.asarray(check.eligible, dtype=bool)
    thu_tu = pd.Series(np.nan, index=out.index)
    ranked = out.index[eligible][np.argsort(out["hang"].to_numpy()[eligible], kind="stable")]
    thu_tu[ranked] = np.arange(1, len(ranked) + 1)
    out["thu_tu"] = thu_tu
    within = eligible & ((thu_tu <= quota).to_numpy() if quota is not None else True)
    out["ket_qua"] = np.where(within, PROPOSED, NOT_PROPOSED)
    n_el = len(ranked)
    pos = fmt_array(thu_tu.fillna(0).to_numpy())
    score = ("điểm cả năm " + fmt_array(out["diem"].to_numpy()) + " (hạng "
             + fmt_array(out["hang"].to_numpy()) + ")")
    place = "xếp thứ " + pos + f"/{n_el} trong số đủ tiêu chuẩn"
    cap = f"; trong chỉ tiêu {quota}" if quota is not None else ""
    why = np.asarray(check.why, dtype=object)
    reasons = np.where(within, "Đủ tiêu chuẩn: " + why + "; " + score + "; " + place + cap,
                       "Chưa đủ tiêu chuẩn: " + np.asarray(check.why_not, dtype=object))
    cut = eligible & ~within
    if cut.any():
        reasons[cut] = ("Đủ tiêu chuẩn nhưng ngoài chỉ tiêu (" + quota_rule + "); "
                        + place[cut] + "; " + score[cut])
    out["ly_do"] = reasons
    out["_k"] = np.where(within, 0, np.where(cut, 1, 2))
    names = subjects["ten_to"] if group else subjects["ten"]
    out["_name"] = name_ranks(names) if group else name_ranks(subjects["ten"],
                                                               subjects["ho_dem"])
    out["tom_tat"] = _summary(subjects, check, group)
    for col in ("gioi_tinh", "ngay_sinh", "chuc_vu", "ten_sang_kien", "cap_sang_kien"):
        out[col] = subjects[col].to_numpy() if col in subjects else None
    return out


def _summary(subjects: pd.DataFrame, check, group: bool) -> np.ndarray:
    """'Tóm tắt thành tích' of the award list."""
    score = ("điểm thi đua cả năm " + fmt_array(subjects["tong"].to_numpy()) + " (hạng "
             + fmt_array(subjects["hang"].to_numpy()) + f"/{len(subjects)})")
    if group:
        return np.asarray(check.why, dtype=object) + "; " + score
    phases = [c[3:] for c in subjects.columns if c.startswith("xl:")]
    sk = fmt_array(subjects["sk_cong_nhan"].to_numpy())
    arts = fmt_array(subjects["so_tin_bai"].to_numpy())
    return (ratings_text(subjects, phases) + "; " + sk + " sáng kiến được công nhận; " + arts
            + " tin, bài; " + score)


def _empty_decisions() -> pd.DataFrame:
    cols = ["ma_danh_hieu", "danh_hieu", "doi_tuong", "ma", "ho_ten", "ma_to", "diem", "hang",
            "thu_tu", "ket_qua", "ly_do", "_k", "_name", "tom_tat"]
    return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
