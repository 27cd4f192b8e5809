"""Where each award proposal goes: the one place the proposal dossier learns it.

STOPGAP until the award layer names each title's track and destination (issue 10): the
destination is read from the Danh hiệu sheet's "Cấp khen" and "Loại" as they are today —
  - "Cấp trên": union awards (Giấy khen of the upper union, Bằng khen of LĐLĐ tỉnh), proposed
    to the upper union (Cấu hình "Công đoàn cấp trên trực tiếp");
  - "Cơ sở" and a title (Danh hiệu thi đua): state titles decided by the head of the agency on
    its Hội đồng Thi đua – Khen thưởng's advice, proposed to that council (of Cấu hình's
    "Cơ quan, đơn vị");
  - "Cơ sở" and an award (Hình thức khen thưởng): the CĐCS's own Giấy khen, decided by its
    Ban Chấp hành at the meeting itself (in the biên bản, no tờ trình).
When ``ShortlistResult`` carries each title's destination, replace ``destination_of`` (and only
it) by a read of that field.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..shortlist import TitleOutcome
from .context import ReportContext
from .lists import award_sections

AGENCY, UPPER_UNION, OWN = "co_quan", "cap_tren", "co_so"
UPPER_LEVEL, TITLE_KIND = "Cấp trên", "Danh hiệu thi đua"


@dataclass
class Destination:
    key: str  # AGENCY | UPPER_UNION | OWN
    name: str  # the body addressed: "Hội đồng Thi đua – Khen thưởng Sở …"
    decides: str  # who decides, for the tờ trình's request
    sections: list[tuple[TitleOutcome, pd.DataFrame]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(part) for _, part in self.sections)

    @property
    def needs_submission(self) -> bool:
        """A tờ trình goes to everyone but the CĐCS itself."""
        return self.key != OWN


def destination_of(title: TitleOutcome) -> str:
    """AGENCY, UPPER_UNION or OWN for one title (see the module's note)."""
    if title.level == UPPER_LEVEL:
        return UPPER_UNION
    return AGENCY if title.kind == TITLE_KIND else OWN


def destinations(rc: ReportContext) -> list[Destination]:
    """The proposals of the year, grouped by where they go, each title's people in the award
    list's order; destinations without a proposal are left out."""
    c = rc.config
    agency = c.get("co_quan") or ""
    made = {
        AGENCY: Destination(AGENCY, f"Hội đồng Thi đua – Khen thưởng {agency}".strip(),
                            f"xem xét, trình Thủ trưởng {agency} quyết định".strip()),
        UPPER_UNION: Destination(UPPER_UNION, c.get("cong_doan_cap_tren") or "",
                                 "xem xét, quyết định"),
        OWN: Destination(OWN, f"Ban Chấp hành {c.get('ten_cong_doan') or ''}".strip(),
                         "quyết định"),
    }
    titles = {t.code: t for t in rc.shortlist.titles}
    for code, part in award_sections(rc):
        title = titles[code]
        made[destination_of(title)].sections.append((title, part))
    return [d for d in made.values() if d.sections]
