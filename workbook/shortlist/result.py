"""What the shortlist returns: a decision and a reason for every subject of every award."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..rulesets import Regime
from ..scoring import ScoreResult
from ..scoring.compute import TIE_BREAKS

PROPOSED, NOT_PROPOSED = "Đề nghị", "Không đề nghị"


@dataclass
class TitleOutcome:
    code: str
    name: str
    subject: str
    track: str  # Nhà nước / Công đoàn
    kind: str
    level: int
    decider: str  # who decides (a name, from Cấu hình)
    decider_role: str  # role key of who decides
    destination: str  # role key of where the proposal goes
    destination_name: str
    tdkt_code: str
    basis: str  # the award's legal basis, with its check status
    authority: str  # the basis of the deciding body's power
    criteria: list[str]  # automatic criteria, each 'statement (citation)'
    manual_criteria: list[str]  # for the council: evidence the workbook lacks
    quota_given: Any = None  # the officer's quota (titles.Quota) or None
    note: str = ""
    eligible: int = 0
    proposed: int = 0
    quota: int | None = None
    quota_rule: str = "không giới hạn số lượng"

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "quota_given"}
        out["quota_given"] = None if self.quota_given is None else dict(self.quota_given.__dict__)
        return out


@dataclass
class ManualTitle:
    """An officer-configured title the rule sets do not know: reviewed by hand."""

    code: str
    name: str
    subject: str
    track: str
    decider: str
    criteria: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ShortlistResult:
    regime: Regime
    phases: list[str]
    year: int | None
    titles: list[TitleOutcome]
    decisions: pd.DataFrame
    scores: ScoreResult | None
    manual: list[ManualTitle] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    config: dict[str, str] = field(default_factory=dict)
    eligible: dict[str, set[str]] = field(default_factory=dict)  # award → who meets it

    def proposed(self, code: str | None = None) -> pd.DataFrame:
        d = self.decisions[self.decisions["ket_qua"] == PROPOSED]
        return d if code is None else d[d["ma_danh_hieu"] == code]

    def codes(self, code: str) -> list[str]:
        """Subject codes proposed for one award, best ranked first."""
        return list(self.proposed(code)["ma"])

    def title(self, code: str) -> TitleOutcome:
        return next(t for t in self.titles if t.code == code)

    def for_destination(self, destination: str) -> list[TitleOutcome]:
        """Awards proposed to one body ('hoi_dong_tdkt' or 'cong_doan_cap_tren')."""
        return [t for t in self.titles if t.destination == destination]

    @property
    def headline(self) -> str:
        parts = [f"{t.name}: {t.proposed}" for t in self.titles]
        return (
            ("Đề nghị khen thưởng — " + "; ".join(parts))
            if parts
            else "Chưa có danh hiệu nào để xét"
        )

    def to_dict(self) -> dict[str, Any]:
        cols = [
            "ma_danh_hieu",
            "danh_hieu",
            "khoi",
            "doi_tuong",
            "quyet_dinh",
            "noi_nhan",
            "noi_nhan_ten",
            "ma",
            "ho_ten",
            "ma_to",
            "ket_qua",
            "thu_tu",
            "diem",
            "hang",
            "ly_do",
        ]
        rows = self.decisions[cols].astype(object).where(self.decisions[cols].notna(), None)
        return {
            "headline": self.headline,
            "regime": self.regime.to_dict(),
            "year": self.year,
            "tie_breaks": list(TIE_BREAKS),
            "notes": self.notes,
            "titles": [t.to_dict() for t in self.titles],
            "manual": [m.to_dict() for m in self.manual],
            "decisions": rows.to_dict("records"),
        }
