"""How many of the eligible may be proposed for one award, and how that number was computed.

A quota is a count, or a percentage of a base (đoàn viên, Lao động tiên tiến, tổ công đoàn),
taken as its whole part in exact arithmetic, never above the percentage (15% of 19 = 2). A
regime's own cap (CSTĐCS ≤ 15% of LĐTT until 2023) applies as well; the smaller one wins.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ..rulesets import AwardRule
from ..schema.lists import QUOTA_BASES
from ..scoring.rubric import fmt
from .criteria import Context
from .result import TitleOutcome


def quota_for(percent: float, base: int) -> int:
    """Whole part of percent% of base, exactly (15% of 20 = 3, of 19 = 2, of 6 = 0)."""
    return math.floor(Fraction(str(percent)) * base / 100)


def _share(percent: float, base: int) -> tuple[int, str]:
    """(whole part of percent% of base, the exact value as the officer reads it)."""
    return quota_for(percent, base), fmt(float(Fraction(str(percent)) * base / 100))


def quota_cap(
    award: AwardRule, outcome: TitleOutcome, ctx: Context, n_members: int, n_groups: int
) -> tuple[int | None, str]:
    """The cap on proposals and how it was computed (regime cap and the officer's quota)."""
    caps: list[tuple[int, str]] = []
    if award.quota is not None:
        q = award.quota
        base = len(ctx.proposed.get(q.base, ()))
        n, exact = _share(q.percent, base)
        caps.append(
            (
                n,
                f"{q.statement} ({q.citation.marked}): {fmt(q.percent)}% × {base} "
                f"{ctx.names.get(q.base, q.base)} = {exact}, {q.rounding}: {n}",
            )
        )
    given = outcome.quota_given
    if given is not None:
        if given.percent is None:
            count = int(given.count or 0)  # a quota is a count or a percentage, never neither
            caps.append((count, f"chỉ tiêu được giao: {count}"))
        else:
            bases = dict(zip(QUOTA_BASES, (n_members, len(ctx.proposed.get("LDTT", ())), n_groups)))
            if given.base not in bases:
                # A quota that cannot be read never becomes "no limit": nobody is proposed
                # until the officer corrects the cell (thidua validate names it too).
                caps.append(
                    (
                        0,
                        f"chỉ tiêu được giao không tính được: 'Tỷ lệ tính trên' là "
                        f"'{given.base}', không có trong danh sách "
                        f"({', '.join(QUOTA_BASES)}); sửa ô này trên trang Danh hiệu",
                    )
                )
            else:
                base = bases[given.base]
                n, exact = _share(given.percent, base)
                caps.append(
                    (
                        n,
                        f"chỉ tiêu được giao {fmt(given.percent)}% × {base} "
                        f"{given.base.lower()} = {exact}, làm tròn xuống: {n}",
                    )
                )
    if not caps:
        if award.is_form:
            return 0, (
                "chưa có chỉ tiêu: hình thức khen thưởng được đề nghị theo số lượng "
                "cấp trên giao; ghi 'Chỉ tiêu' trên trang Danh hiệu"
            )
        return None, "không giới hạn số lượng"
    n = min(c for c, _ in caps)
    return n, "; ".join(text for _, text in caps)
