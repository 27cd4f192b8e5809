"""What the rules look things up in: the campaign's set-up, from a master or a group workbook.

A group workbook carries the set-up it needs (phases, movements, titles, its group, its members,
the lists); a master carries all of it. Validation takes the set-up from ``reference`` when given
(a group workbook checked against the master) and from the workbook itself otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import schema
from ..headers import header_key
from ..reading import WorkbookData


def _values(data: WorkbookData, sheet_key: str, column: str) -> list[Any]:
    frame = data.table(sheet_key)
    return [v for v in frame[column].tolist() if v is not None] if column in frame else []


def _pairs(data: WorkbookData, sheet_key: str, key: str, value: str) -> dict[Any, Any]:
    frame = data.table(sheet_key)
    out: dict[Any, Any] = {}
    for k, v in zip(frame[key].tolist(), frame[value].tolist()):
        if k is not None and k not in out:
            out[k] = v
    return out


def _as_date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


@dataclass
class Phase:
    code: str
    start: dt.date | None
    end: dt.date | None
    deadline: dt.date | None  # registration deadline


@dataclass
class Lookups:
    file: str
    members: dict[str, str] = field(default_factory=dict)  # member code -> group code
    groups: set[str] = field(default_factory=set)
    phases: dict[str, Phase] = field(default_factory=dict)
    movements: dict[str, str] = field(default_factory=dict)  # movement name -> applies to
    titles: dict[str, str] = field(default_factory=dict)  # title name -> subject type
    lists: dict[str, frozenset[str]] = field(default_factory=dict)  # ListDef key -> values
    works_status: dict[str, str] = field(default_factory=dict)  # work code -> status on file
    campaign: tuple[dt.date | None, dt.date | None] = (None, None)

    def allowed(self, choices: str) -> frozenset[str]:
        return self.lists.get(choices, frozenset())

    def suggestion(self, choices: str, value: Any) -> str | None:
        """The list value a typed value most likely meant (same letters, other case/marks)."""
        wanted = header_key(value)
        if not wanted:
            return None
        return next((v for v in sorted(self.allowed(choices)) if header_key(v) == wanted), None)


def build_lookups(data: WorkbookData) -> Lookups:
    """Everything the rules need from a workbook's set-up sheets."""
    look = Lookups(file=data.file)
    look.members = {
        str(k): str(v or "") for k, v in _pairs(data, "doan_vien", "ma_doan_vien", "ma_to").items()
    }
    look.groups = {str(v) for v in _values(data, "to_cong_doan", "ma_to")}
    phases = data.table("dot_thi_dua")
    for row in phases.to_dict("records"):
        code = row.get("ma_dot")
        if code is not None and code not in look.phases:
            look.phases[str(code)] = Phase(
                str(code),
                _as_date(row.get("ngay_bat_dau")),
                _as_date(row.get("ngay_ket_thuc")),
                _as_date(row.get("han_dang_ky")),
            )
    starts = [p.start for p in look.phases.values() if p.start]
    ends = [p.end for p in look.phases.values() if p.end]
    look.campaign = (min(starts) if starts else None, max(ends) if ends else None)
    look.movements = {
        str(k): str(v or "")
        for k, v in _pairs(data, "phong_trao", "ten_phong_trao", "ap_dung").items()
    }
    look.titles = {
        str(k): str(v or "")
        for k, v in _pairs(data, "danh_hieu", "ten_danh_hieu", "doi_tuong").items()
    }
    look.works_status = {
        str(k): str(v)
        for k, v in _pairs(data, "cong_trinh", "ma_cong_trinh", "trang_thai").items()
        if v is not None
    }
    for key, lst in schema.LISTS.items():
        if lst.fixed:
            look.lists[key] = frozenset(lst.fixed)
        else:
            look.lists[key] = frozenset(str(v) for v in _values(data, lst.sheet, lst.column))
    return look
