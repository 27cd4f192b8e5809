"""The campaign's own list of titles (`Danh hiệu`): which awards it uses, and the quotas given.

The law (track, deciding body, criteria, citations) comes from the rule sets; the sheet says
which awards this campaign considers, the quota each received (a number, or a percentage of
đoàn viên / Lao động tiên tiến / tổ công đoàn), and the provincial software's code. A row the
rule sets do not know is an officer-configured title: listed for the Executive Committee to
review by hand, with the track and deciding body the officer wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..scoring import ScoringInput
from ..scoring.rubric import GROUP, MEMBER
from ..values import to_text
from .result import ManualTitle

QUOTA = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$")


@dataclass(frozen=True)
class Quota:
    count: float | None = None
    percent: float | None = None
    base: str = "Đoàn viên"


@dataclass(frozen=True)
class SheetTitle:
    code: str
    name: str
    subject: str
    track: str
    decider: str
    quota: Quota | None
    tdkt_code: str
    criteria: str

    def outcome(self, config: dict[str, str]) -> ManualTitle:
        return ManualTitle(
            code=self.code,
            name=self.name,
            subject=self.subject,
            track=self.track,
            decider=self.decider,
            criteria=self.criteria,
        )


def parse_quota(value: Any, base: str | None, subject: str) -> Quota | None:
    """'3' → 3 people; '10%' → 10% of the base (default: đoàn viên, or tổ for collectives)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return None
    if isinstance(value, (int, float)):
        return Quota(count=float(value))
    match = QUOTA.match(str(value))
    if not match:
        raise ValueError(
            f"chỉ tiêu '{value}' không đọc được (ghi một số, ví dụ 3, hoặc một tỷ lệ, ví dụ 10%)"
        )
    number = float(match.group(1).replace(",", "."))
    if not match.group(2):
        if number != int(number):
            raise ValueError(f"chỉ tiêu '{value}' phải là số nguyên (hoặc ghi tỷ lệ có dấu %)")
        return Quota(count=number)
    default = "Tổ công đoàn" if subject == GROUP else "Đoàn viên"
    return Quota(percent=number, base=base or default)


def read_titles(inp: ScoringInput) -> tuple[list[SheetTitle], list[str]]:
    """Rows of Danh hiệu as titles, and notes for what could not be used (Vietnamese)."""
    titles: list[SheetTitle] = []
    notes: list[str] = []
    regime = inp.regime
    for rec in inp.table("danh_hieu").to_dict("records"):
        code = to_text(rec.get("ma_danh_hieu"))
        if not code:
            continue
        name = to_text(rec.get("ten_danh_hieu")) or code
        subject = to_text(rec.get("doi_tuong")) or MEMBER
        try:
            quota = parse_quota(rec.get("chi_tieu"), to_text(rec.get("chi_tieu_tren")), subject)
        except ValueError as err:
            notes.append(f"Danh hiệu '{name}': {err}; chưa dùng chỉ tiêu này.")
            quota = None
        track = to_text(rec.get("khoi")) or ""
        award = regime.award(code)
        if award is not None:
            said = [
                w
                for w, ours, theirs in (
                    ("khen thưởng của", award.track, track),
                    ("đối tượng", award.subject, subject),
                )
                if theirs and theirs != ours
            ]
            if said:
                notes.append(
                    f"Trang Danh hiệu ghi '{name}' khác bộ quy tắc ({', '.join(said)}); "
                    f"dùng theo bộ quy tắc: {award.track}, {award.subject}."
                )
        titles.append(
            SheetTitle(
                code=code,
                name=name,
                subject=subject,
                track=track,
                decider=to_text(rec.get("co_quan_quyet_dinh")) or "",
                quota=quota,
                tdkt_code=to_text(rec.get("ma_tdkt")) or "",
                criteria=to_text(rec.get("dieu_kien")) or "",
            )
        )
    manual = [t.name for t in titles if regime.award(t.code) is None]
    if manual:
        notes.append(
            "Xét thủ công (không có trong bộ quy tắc): "
            + ", ".join(manual)
            + ". Ban Chấp hành xét theo tiêu chuẩn ghi trên trang Danh hiệu."
        )
    return titles, notes
