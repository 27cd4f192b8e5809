"""Rule sets: the legal regime a campaign is judged under, as data with effective dates.

``templates/rulesets/*.json`` hold one regime each (2023: Luật TĐKT 2003/2013, Nghị định 91/2017,
QĐ 1689/QĐ-TLĐ; 2024+: Luật TĐKT 2022, Nghị định 98/2023, QĐ 999/QĐ-TLĐ): score range, bands,
the criteria of each title and the CSTĐCS quota. The campaign's end date (the last phase's end)
picks the set in force on that day; the workbook says which one was used and why.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import templates

from .errors import CampaignError
from .schema.lists import DISCIPLINE_LEVELS
from .values import BadValue, to_date


@dataclass(frozen=True)
class Band:
    label: str
    minimum: float | None  # None: everything below the previous band
    criterion_share: float | None = None  # every main criterion ≥ this % of its maximum


@dataclass(frozen=True)
class RuleSet:
    code: str
    name: str
    start: dt.date
    end: dt.date | None
    legal_basis: tuple[str, ...]
    score_min: float
    score_max: float
    group_bands: tuple[Band, ...]
    member_bands: tuple[Band, ...]
    rules: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, hash=False)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def rule(self, title: str) -> dict[str, Any]:
        return self.rules.get(title, {})

    @property
    def cstdcs_quota_percent(self) -> int | None:
        value = self.rule("cstdcs").get("ty_le_toi_da_so_ldtt")
        return None if value is None else int(value)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "start": self.start.isoformat(),
                "end": self.end.isoformat() if self.end else None,
                "legal_basis": list(self.legal_basis),
                "cstdcs_quota_percent": self.cstdcs_quota_percent}


@dataclass(frozen=True)
class RuleSetChoice:
    ruleset: RuleSet
    reason: str  # Vietnamese: why this set
    warning: str = ""  # Vietnamese: the set named in Cấu hình disagrees with the dates

    def to_dict(self) -> dict[str, Any]:
        return {**self.ruleset.to_dict(), "reason": self.reason, "warning": self.warning}


def discipline_rank(level: Any) -> int:
    """0 for none/blank, 1 for Khiển trách, 2 for Cảnh cáo, …; unknown text counts as 1."""
    if level is None or str(level).strip() in ("", "Không"):
        return 0
    try:
        return DISCIPLINE_LEVELS.index(str(level).strip())
    except ValueError:
        return 1


def _bands(raw: list[dict[str, Any]]) -> tuple[Band, ...]:
    return tuple(Band(b["muc"], b.get("tu"), b.get("moi_tieu_chi_tu_ty_le")) for b in raw)


def _date(value: Any, name: str) -> dt.date | None:
    try:
        return to_date(value)
    except BadValue as err:
        raise CampaignError(f"Bộ quy tắc {name}: ngày '{value}' {err.reason}") from None


def parse_ruleset(raw: dict[str, Any], name: str = "") -> RuleSet:
    try:
        start = _date(raw["hieu_luc_tu"], name)
        return RuleSet(
            code=str(raw["ma"]), name=raw["ten"], start=start,
            end=_date(raw.get("hieu_luc_den"), name),
            legal_basis=tuple(raw.get("can_cu") or ()),
            score_min=float(raw["diem"]["toi_thieu"]), score_max=float(raw["diem"]["toi_da"]),
            group_bands=_bands(raw["xep_loai_tap_the"]),
            member_bands=_bands(raw["xep_loai_ca_nhan"]),
            rules={k: raw[k] for k in ("ldtt", "cstdcs", "ttldtt", "ttldxs", "giay_khen")
                   if k in raw},
        )
    except (KeyError, TypeError) as err:
        raise CampaignError(f"Bộ quy tắc {name} thiếu mục {err}") from None


def load_rulesets() -> dict[str, RuleSet]:
    folder = templates.path("rulesets")
    sets = {}
    for file in sorted(folder.glob("*.json")):
        rs = parse_ruleset(json.loads(file.read_text(encoding="utf-8")), file.name)
        sets[rs.code] = rs
    return sets


def pick_ruleset(campaign_end: dt.date | None, configured: str | None = None,
                 sets: dict[str, RuleSet] | None = None) -> RuleSetChoice:
    """The set in force on the campaign's last day; Cấu hình's choice only when dates are absent.

    A campaign is judged under the regime in force when it ends (when titles are considered).
    """
    sets = sets or load_rulesets()
    configured = (configured or "").strip()
    if campaign_end is None:
        if configured in sets:
            return RuleSetChoice(sets[configured],
                                 f"Chưa có ngày của các đợt; dùng bộ {configured} theo Cấu hình")
        latest = max(sets.values(), key=lambda r: r.start)
        return RuleSetChoice(latest, f"Chưa có ngày của các đợt; dùng bộ mới nhất {latest.code}")
    found = [r for r in sets.values() if r.covers(campaign_end)]
    if not found:
        raise CampaignError(f"Không có bộ quy tắc nào có hiệu lực ngày "
                            f"{campaign_end:%d/%m/%Y} (ngày kết thúc đợt cuối).")
    chosen = max(found, key=lambda r: r.start)
    reason = (f"Đợt thi đua cuối kết thúc ngày {campaign_end:%d/%m/%Y}: áp dụng bộ quy tắc "
              f"{chosen.code} ({chosen.name})")
    warning = ""
    if configured and configured != chosen.code:
        warning = (f"Cấu hình ghi bộ quy tắc '{configured}' nhưng ngày của đợt thi đua thuộc bộ "
                   f"{chosen.code}; đã dùng bộ {chosen.code}. Sửa mục 'Bộ quy tắc áp dụng' "
                   "trên trang Cấu hình cho khớp.")
    return RuleSetChoice(chosen, reason, warning)
