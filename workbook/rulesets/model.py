"""What a rule set is: the awards of one track under one legal regime, each criterion cited.

Two tracks are never mixed: state awards (Luật Thi đua, khen thưởng: decided by the head of the
agency or the provincial chairman, proposed through the agency's emulation council) and union
awards (the Tổng Liên đoàn's regulation: decided by the upper unions). Each award names who
decides it, where the CĐCS sends the proposal, its legal basis and its criteria; each criterion
carries its citation and how far the citation was checked against the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..schema.lists import DISCIPLINE_LEVELS

STATE, UNION = "Nhà nước", "Công đoàn"
TITLE_KIND, FORM_KIND = "Danh hiệu thi đua", "Hình thức khen thưởng"

# How far a citation was checked (shown on every output that cites it).
CHECKED = "da_xac_minh"  # wording read in an official text or two independent copies
SECONDARY = "nguon_thu_cap"  # wording read where a reliable source quotes the text
UNCONFIRMED = "chua_xac_minh"  # not read: applied, and marked so on the sheet
PRINCIPLE = "nguyen_tac"  # thidua's own rule (level order, rounding), not a legal text
STATUSES = {
    CHECKED: "đã đối chiếu văn bản",
    SECONDARY: "đối chiếu qua nguồn trích dẫn văn bản",
    UNCONFIRMED: "chưa xác minh căn cứ",
    PRINCIPLE: "nguyên tắc của thidua, không phải quy định",
}
# What the reasons column adds after a citation whose status needs saying.
STATUS_MARKS = {
    UNCONFIRMED: ", chưa xác minh căn cứ",
    PRINCIPLE: ", nguyên tắc thứ bậc của thidua, không phải quy định",
}

# Who decides an award and where the CĐCS sends its proposal: roles, named from Cấu hình.
ROLES = {
    "thu_truong_co_quan": "Thủ trưởng cơ quan",
    "chu_tich_ubnd_tinh": "Chủ tịch Ủy ban nhân dân tỉnh",
    "hoi_dong_tdkt": "Hội đồng Thi đua – Khen thưởng của cơ quan",
    "cong_doan_cap_tren": "Công đoàn cấp trên trực tiếp cơ sở",
    "ldld_tinh": "Liên đoàn Lao động tỉnh",
    "bch_cdcs": "Ban Chấp hành Công đoàn cơ sở",
}
# Where proposals go, per track: one proposal list per destination.
DESTINATIONS = {STATE: "hoi_dong_tdkt", UNION: "cong_doan_cap_tren"}


def role_name(role: str, config: dict[str, str]) -> str:
    """The concrete body behind a role, from the campaign's Cấu hình."""
    agency = config.get("co_quan", "")
    if role == "thu_truong_co_quan":
        return config.get("thu_truong_co_quan") or f"Thủ trưởng {agency}".strip()
    if role == "chu_tich_ubnd_tinh":
        return f"Chủ tịch Ủy ban nhân dân tỉnh {config.get('dia_danh', '')}".strip()
    if role == "hoi_dong_tdkt":
        return config.get("hoi_dong_tdkt") or f"Hội đồng Thi đua – Khen thưởng {agency}".strip()
    if role == "cong_doan_cap_tren":
        return config.get("cong_doan_cap_tren") or ROLES[role]
    if role == "ldld_tinh":
        return config.get("cong_doan_cap_tren_2") or ROLES[role]
    if role == "bch_cdcs":
        return f"Ban Chấp hành {config.get('ten_cong_doan', 'Công đoàn cơ sở')}"
    return ROLES.get(role, role)


def discipline_rank(level: Any) -> int:
    """0 for none/blank, 1 for Khiển trách, 2 for Cảnh cáo, …; unknown text counts as 1."""
    if level is None or str(level).strip() in ("", "Không"):
        return 0
    try:
        return DISCIPLINE_LEVELS.index(str(level).strip())
    except ValueError:
        return 1


@dataclass(frozen=True)
class Document:
    key: str
    short: str  # "Luật TĐKT 2022"
    full: str


@dataclass(frozen=True)
class Citation:
    document: Document
    article: str = ""  # Điều
    clause: str = ""  # khoản
    point: str = ""  # điểm
    status: str = CHECKED
    note: str = ""

    @property
    def text(self) -> str:
        """'điểm a khoản 1 Điều 24 Luật TĐKT 2022' (as Vietnamese documents cite)."""
        parts = [
            f"điểm {self.point}" if self.point else "",
            f"khoản {self.clause}" if self.clause else "",
            f"Điều {self.article}" if self.article else "",
            self.document.short,
        ]
        return " ".join(p for p in parts if p)

    @property
    def marked(self) -> str:
        """The citation with what the reader must know about it (unconfirmed, a principle)."""
        return self.text + STATUS_MARKS.get(self.status, "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "document": self.document.full,
            "article": self.article,
            "clause": self.clause,
            "point": self.point,
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True)
class Criterion:
    kind: str  # one of workbook.shortlist.criteria.KINDS
    statement: str  # Vietnamese: what the criterion requires
    citation: Citation | None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    parts: tuple[Criterion, ...] = ()  # kind 'mot_trong': any one of these

    @property
    def manual(self) -> bool:
        """Checked by the council from evidence the workbook does not hold."""
        return self.kind == "thu_cong"

    @property
    def refers_to(self) -> str | None:
        """The award code this criterion depends on, if any."""
        return self.params.get("ma")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "statement": self.statement,
            "citation": self.citation.to_dict() if self.citation else None,
            "params": {k: v for k, v in self.params.items()},
            "parts": [p.to_dict() for p in self.parts],
        }


@dataclass(frozen=True)
class Quota:
    """A cap the regime itself sets (CSTĐCS ≤ 15% of LĐTT under Nghị định 91/2017)."""

    percent: float
    base: str  # award code whose proposals are the base
    statement: str
    citation: Citation
    rounding: str


@dataclass(frozen=True)
class AwardRule:
    code: str
    name: str
    subject: str  # Cá nhân / Tập thể
    track: str  # STATE / UNION
    kind: str  # TITLE_KIND / FORM_KIND
    level: int  # order within (track, subject, kind): higher never looser than lower
    decider: str  # role key
    destination: str  # role key
    basis: Citation
    authority: Citation | None
    criteria: tuple[Criterion, ...]
    quota: Quota | None = None
    note: str = ""

    @property
    def is_form(self) -> bool:
        """Forms (Giấy khen, Bằng khen) are given within quotas, one per person per track."""
        return self.kind == FORM_KIND

    @property
    def manual_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.manual)

    @property
    def depends_on(self) -> set[str]:
        out = set()
        for c in self.criteria:
            for part in (c, *c.parts):
                if part.refers_to:
                    out.add(part.refers_to)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "subject": self.subject,
            "track": self.track,
            "kind": self.kind,
            "level": self.level,
            "decider": self.decider,
            "destination": self.destination,
            "basis": self.basis.to_dict(),
            "authority": self.authority.to_dict() if self.authority else None,
            "criteria": [c.to_dict() for c in self.criteria],
            "quota": None
            if self.quota is None
            else {
                "percent": self.quota.percent,
                "base": self.quota.base,
                "statement": self.quota.statement,
                "citation": self.quota.citation.to_dict(),
                "rounding": self.quota.rounding,
            },
            "note": self.note,
        }


@dataclass(frozen=True)
class RuleSet:
    code: str
    name: str
    track: str
    start: dt.date
    end: dt.date | None
    checked_until: dt.date | None  # texts compared up to this day
    documents: dict[str, Document] = field(compare=False, hash=False)
    awards: tuple[AwardRule, ...] = ()
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def award(self, code: str) -> AwardRule | None:
        return next((a for a in self.awards if a.code == code), None)

    @property
    def legal_basis(self) -> tuple[str, ...]:
        return tuple(d.full for d in self.documents.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "track": self.track,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "checked_until": self.checked_until.isoformat() if self.checked_until else None,
            "legal_basis": list(self.legal_basis),
            "note": self.note,
        }
