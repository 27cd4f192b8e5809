"""Which rule sets apply: chosen by the day the awards are reviewed, not the campaign's period.

The master records the review day (Cấu hình: "Ngày xét khen thưởng"). The state set in force on
that day applies (Luật TĐKT 2022 from 01/01/2024; before, Luật 2003/2013 + Nghị định 91/2017);
the union set is the one in force on the same legal day. An officer may name another state set
on Cấu hình with a reason (a dossier received by the council before 01/01/2024, say): the set is
then used as of the nearest day it was in force, and every output says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import CampaignError
from .load import load_rulesets
from .model import STATE, UNION, AwardRule, RuleSet

DAY = "%d/%m/%Y"


@dataclass(frozen=True)
class Regime:
    """The state and union rule sets a review is judged under, and why."""

    state: RuleSet
    union: RuleSet
    review_date: dt.date
    legal_date: dt.date  # the day the sets were chosen for (the review day unless overridden)
    reason: str  # Vietnamese: why these sets
    warning: str = ""  # Vietnamese: what the officer should fix or check
    overridden: bool = False

    @property
    def code(self) -> str:
        return f"{self.state.code} + {self.union.code}"

    @property
    def sets(self) -> tuple[RuleSet, RuleSet]:
        return self.state, self.union

    def award(self, code: str) -> AwardRule | None:
        return self.state.award(code) or self.union.award(code)

    @property
    def label(self) -> str:
        """One line for every output: the day, the sets and their legal basis."""
        text = (
            f"Ngày xét khen thưởng {self.review_date:{DAY}}: danh hiệu, khen thưởng của Nhà "
            f"nước theo {self.state.name}; khen thưởng của Công đoàn theo {self.union.name}"
        )
        if self.overridden:
            text += f" (áp dụng như ngày {self.legal_date:{DAY}})"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "review_date": self.review_date.isoformat(),
            "legal_date": self.legal_date.isoformat(),
            "overridden": self.overridden,
            "state": self.state.to_dict(),
            "union": self.union.to_dict(),
            "reason": self.reason,
            "warning": self.warning,
            "label": self.label,
        }


def _covering(sets: list[RuleSet], day: dt.date, track: str) -> RuleSet:
    found = [r for r in sets if r.track == track and r.covers(day)]
    if not found:
        raise CampaignError(
            f"Không có bộ quy tắc khen thưởng của {track} nào áp dụng cho ngày "
            f"{day:{DAY}}. Kiểm tra 'Ngày xét khen thưởng' trên trang Cấu hình."
        )
    return max(found, key=lambda r: r.start)


def pick_regime(
    review_date: dt.date | None,
    *,
    configured: str | None = None,
    configured_reason: str | None = None,
    fallback: dt.date | None = None,
    fallback_what: str = "",
    sets: dict[str, RuleSet] | None = None,
) -> Regime:
    """The regime for a review day; ``configured`` (a state set code) applies only with a reason.

    Without a review day, ``fallback`` (e.g. the last phase's report deadline) stands in and the
    warning asks the officer to record the real one.
    """
    pool = list((sets or load_rulesets()).values())
    warnings: list[str] = []
    if review_date is None:
        if fallback is None:
            raise CampaignError(
                "Chưa có 'Ngày xét khen thưởng' trên trang Cấu hình và chưa có "
                "ngày của các đợt thi đua: không chọn được bộ quy tắc."
            )
        review_date = fallback
        warnings.append(
            f"Chưa ghi 'Ngày xét khen thưởng' trên trang Cấu hình; tạm lấy "
            f"{fallback_what} ({fallback:{DAY}}). Ghi ngày họp xét để chọn đúng luật."
        )
    by_day = _covering(pool, review_date, STATE)
    state, legal_date, overridden = by_day, review_date, False
    configured = (configured or "").strip()
    reason_text = (configured_reason or "").strip()
    named = next((r for r in pool if r.track == STATE and r.code == configured), None)
    if configured and named is None:
        warnings.append(
            f"Cấu hình ghi bộ quy tắc '{configured}' nhưng không có bộ quy tắc của "
            f"Nhà nước mang mã này; đã dùng bộ {by_day.code} theo ngày xét."
        )
    elif named is not None and named.code != by_day.code:
        if not reason_text:
            warnings.append(
                f"Cấu hình ghi bộ quy tắc '{configured}' nhưng chưa ghi lý do; đã "
                f"dùng bộ {by_day.code} theo ngày xét {review_date:{DAY}}. Ghi lý do "
                "(ví dụ: hồ sơ đã nộp trước ngày luật mới có hiệu lực) để dùng bộ "
                f"{configured}."
            )
        else:
            state, overridden = named, True
            legal_date = max(named.start, min(review_date, named.end or review_date))
    union = _covering(pool, legal_date, UNION)
    if overridden:
        reason = (
            f"Ngày xét khen thưởng {review_date:{DAY}}; Cấu hình chọn bộ quy tắc "
            f"{state.code} — {state.name}; lý do: {reason_text}"
        )
    else:
        reason = (
            f"Ngày xét khen thưởng {review_date:{DAY}}: áp dụng bộ quy tắc {state.code} — "
            f"{state.name}; bộ {union.code} — {union.name}"
        )
    for rs in (state, union):
        if rs.checked_until and review_date > rs.checked_until:
            warnings.append(
                f"Bộ quy tắc {rs.code} được đối chiếu với văn bản đến ngày "
                f"{rs.checked_until:{DAY}}; ngày xét {review_date:{DAY}} muộn hơn: "
                "kiểm tra các văn bản mới ban hành trước khi trình."
            )
    return Regime(
        state=state,
        union=union,
        review_date=review_date,
        legal_date=legal_date,
        reason=reason,
        warning=" ".join(warnings),
        overridden=overridden,
    )
