"""Scoring a campaign: members and union groups, per phase and for the whole campaign."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..findings import Finding
from ..rulesets import Regime
from .compute import (
    TIE_BREAKS,
    add_bands,
    add_ranks,
    apply_criteria,
    campaign_rows,
    finish,
    name_ranks,
)
from .context import CAMPAIGN, ScoringInput
from .facts import Facts
from .rubric import GROUP, MEMBER, Criterion

MEMBER_INFO = ["ho_dem", "ten", "ma_to"]
GROUP_INFO = ["ten_to"]


EXCLUDED_NOTE = "Bỏ qua {n} dòng có lỗi (xem trang Kiểm tra)."


@dataclass
class ScoreResult:
    regime: Regime
    member_criteria: list[Criterion]
    group_criteria: list[Criterion]
    members: pd.DataFrame  # one row per member × phase, then the whole-campaign rows
    groups: pd.DataFrame
    phases: list[str]
    excluded: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Vietnamese, for the officer

    def campaign(self, level: str = "members") -> pd.DataFrame:
        frame = self.members if level == "members" else self.groups
        return frame[frame["dot"] == CAMPAIGN].reset_index(drop=True)

    @property
    def side_notes(self) -> list[str]:
        """Notes the headline does not already say (it names the rule set and rows left out)."""
        said = {self.regime.reason, EXCLUDED_NOTE.format(n=self.excluded.get("count", 0))}
        return [n for n in self.notes if n not in said]

    @property
    def headline(self) -> str:
        n_members = int((self.members["dot"] == CAMPAIGN).sum())
        n_groups = int((self.groups["dot"] == CAMPAIGN).sum())
        text = (
            f"Đã tính điểm {n_members} đoàn viên, {n_groups} tổ công đoàn, {len(self.phases)} đợt"
        )
        if self.excluded.get("count"):
            text += f"; bỏ qua {self.excluded['count']} dòng có lỗi"
        return text

    def to_dict(self) -> dict[str, Any]:
        def rows(frame: pd.DataFrame, criteria: list[Criterion], key: str) -> list[dict]:
            out = []
            for rec in frame.to_dict("records"):
                out.append(
                    {
                        "code": rec[key],
                        "phase": rec["dot"],
                        "points": {c.code: float(rec[c.code]) for c in criteria},
                        "total": float(rec["tong"]),
                        "band": rec["xep_loai_diem"],
                        "rank": int(rec["hang"]),
                        "explanation": rec["giai_thich"],
                    }
                )
            return out

        return {
            "headline": self.headline,
            "regime": self.regime.to_dict(),
            "phases": self.phases,
            "tie_breaks": list(TIE_BREAKS),
            "criteria": [c.to_dict() for c in (*self.member_criteria, *self.group_criteria)],
            "excluded": self.excluded,
            "notes": self.notes,
            "findings": [f.to_dict() for f in self.findings],
            "members": rows(self.members, self.member_criteria, "ma_doan_vien"),
            "groups": rows(self.groups, self.group_criteria, "ma_to"),
        }


def score_campaign(inp: ScoringInput) -> ScoreResult:
    """Scores from a prepared input; pure (writes nothing)."""
    facts = Facts(inp)
    bands = inp.bands
    phases = inp.phase_codes
    m_crit = [c for c in inp.criteria if c.subject == MEMBER]
    g_crit = [c for c in inp.criteria if c.subject == GROUP]

    base = facts.base
    members = base[
        [
            "ma_doan_vien",
            *MEMBER_INFO,
            "dot",
            "xep_loai",
            "so_sang_kien",
            "so_tin_bai",
            "ngay_dang_ky",
        ]
    ].copy()
    points, parts = apply_criteria(
        m_crit,
        members,
        facts.member_units,
        group=False,
        labels=base["xep_loai"].to_numpy(dtype=object),
    )
    members = finish(members, m_crit, bands, group=False, points=points, parts=parts)
    whole = campaign_rows(members, "ma_doan_vien", [c.code for c in m_crit], phases, MEMBER_INFO)
    members = pd.concat([members, whole], ignore_index=True)
    members["xep_loai"] = members["xep_loai"].fillna("")
    members = add_bands(members, m_crit, bands.member_bands)
    ho_dem, ten = members["ho_dem"].to_numpy(dtype=object), members["ten"].to_numpy(dtype=object)
    members["ho_ten"] = np.where(ho_dem == "", ten, ho_dem + " " + ten)
    members = add_ranks(
        members, "ma_doan_vien", name_ranks(members["ten"], members["ho_dem"]), [*phases, CAMPAIGN]
    )

    group_base = facts.group_base
    groups = group_base[
        ["ma_to", *GROUP_INFO, "dot", "so_doan_vien", "so_sang_kien", "so_tin_bai", "ngay_dang_ky"]
    ].copy()
    labels = group_base["ma_to"].map(dict(zip(facts.groups["ma_to"], facts.groups["xep_loai_to"])))
    points, parts = apply_criteria(
        g_crit,
        groups,
        facts.group_units,
        group=True,
        labels=labels.fillna("").to_numpy(dtype=object),
    )
    groups = finish(groups, g_crit, bands, group=True, points=points, parts=parts)
    gwhole = campaign_rows(
        groups, "ma_to", [c.code for c in g_crit], phases, [*GROUP_INFO, "so_doan_vien"]
    )
    groups = pd.concat([groups, gwhole], ignore_index=True)
    groups = add_bands(groups, g_crit, bands.group_bands)
    groups = add_ranks(groups, "ma_to", name_ranks(groups["ten_to"]), [*phases, CAMPAIGN])

    notes = [inp.regime.reason]
    if inp.regime.warning:
        notes.append(inp.regime.warning)
    if facts.members.empty:
        notes.append("Chưa có đoàn viên nào trên trang Đoàn viên: không có gì để tính điểm.")
    elif inp.table("ket_qua").empty:
        notes.append("Trang Kết quả chưa có dòng nào: điểm chỉ gồm đăng ký, tin bài.")
    if not phases:
        notes.append("Trang Đợt thi đua chưa có đợt nào: không có gì để tính điểm.")
    if inp.excluded:
        notes.append(EXCLUDED_NOTE.format(n=len(inp.excluded)))
    return ScoreResult(
        regime=inp.regime,
        member_criteria=m_crit,
        group_criteria=g_crit,
        members=members,
        groups=groups,
        phases=phases,
        excluded=inp.excluded_summary(),
        findings=list(inp.findings),
        notes=notes,
    )
