"""Where the year's award proposals go: one destination per track, as the rule sets say.

State titles and the agency's Giấy khen go to the agency's Hội đồng Thi đua – Khen thưởng,
which advises the deciding body (the head of the agency; the provincial chairman for Tập thể
lao động xuất sắc); union awards go to the upper union, which decides or passes them on (the
Bằng khen of LĐLĐ tỉnh). Each title carries its destination (``TitleOutcome.destination``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..rulesets import DESTINATIONS, STATE, UNION, RuleSet, role_name
from ..shortlist import TitleOutcome
from .context import ReportContext
from .lists import award_sections

# What each destination is asked to do, in the tờ trình's words.
REQUESTS = {
    DESTINATIONS[STATE]: "xem xét, trình cấp có thẩm quyền quyết định",
    DESTINATIONS[UNION]: "xem xét, quyết định hoặc đề nghị cấp có thẩm quyền quyết định",
}


@dataclass
class Destination:
    key: str  # role key: 'hoi_dong_tdkt' | 'cong_doan_cap_tren'
    track: str  # STATE | UNION
    name: str  # the body addressed, from Cấu hình
    request: str  # what it is asked to do
    ruleset: RuleSet  # the track's rule set on the review day (its documents are the basis)
    sections: list[tuple[TitleOutcome, pd.DataFrame]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(part) for _, part in self.sections)


def destinations(rc: ReportContext) -> list[Destination]:
    """The proposals of the year by destination (state first), each award's people in the
    lists' order; a destination without a proposal is left out."""
    titles = {t.code: t for t in rc.shortlist.titles}
    regime = rc.shortlist.regime
    out = []
    for track, ruleset in ((STATE, regime.state), (UNION, regime.union)):
        key = DESTINATIONS[track]
        dest = Destination(key, track, role_name(key, rc.config), REQUESTS[key], ruleset)
        dest.sections = [(titles[code], part) for code, part in award_sections(rc, key)]
        if dest.sections:
            out.append(dest)
    return out
