"""The rubric (trang Thang điểm) as criteria: what each row counts, how many points, the cap.

A criterion = a source of units (a rating, initiatives, registrations, works, articles,
activities, violations, or a percentage of a group's members), an optional condition (the values
that count, separated by ';'), points per unit, a cap (a floor for negative lines), whom it
applies to and in which phase. Rows that cannot be used are reported, not guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..findings import ERROR, WARNING, Finding, a1, define
from ..reading import ROW
from ..values import to_text

MEMBER, GROUP = "Cá nhân", "Tập thể"

# Sources each kind of subject can be scored on.
MEMBER_SOURCES = ("Xếp loại", "Sáng kiến", "Đăng ký thi đua", "Tin bài", "Hoạt động", "Vi phạm")
GROUP_SOURCES = (*MEMBER_SOURCES, "Công trình", "Tỷ lệ đăng ký", "Tỷ lệ xếp loại")
RATE_SOURCES = ("Tỷ lệ đăng ký", "Tỷ lệ xếp loại")

RUBRIC_BAD_ROW = define(
    "rubric-bad-row",
    ERROR,
    "Thang điểm, tiêu chí '{value}': {reason}. Dòng này không được dùng để chấm điểm; sửa trên "
    "trang Thang điểm rồi chạy lại.",
)
RUBRIC_SOURCE_NOT_FOR = define(
    "rubric-source-not-applicable",
    WARNING,
    "Thang điểm, tiêu chí '{value}': nguồn '{source}' không tính được cho {subject}; tiêu chí "
    "được bỏ qua với {subject}.",
)


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    source: str
    condition: tuple[str, ...]  # values that count; empty = every value
    per_unit: float
    cap: float | None  # maximum points (minimum when per_unit < 0)
    subject: str  # MEMBER or GROUP
    phase: str | None  # None = every phase
    bonus: bool = False

    @property
    def is_deduction(self) -> bool:
        return self.per_unit < 0

    @property
    def is_main(self) -> bool:
        """Counts in the 'no criterion under half its maximum' test of a band."""
        return not self.bonus and not self.is_deduction and self.cap is not None

    @property
    def header(self) -> str:
        cap = "" if self.cap is None else f", tối đa {fmt(self.cap)}"
        return f"{self.code} {self.name} ({fmt(self.per_unit)}/đơn vị{cap})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "source": self.source,
            "condition": list(self.condition),
            "per_unit": self.per_unit,
            "cap": self.cap,
            "subject": self.subject,
            "phase": self.phase,
            "bonus": self.bonus,
        }


def fmt(x: float) -> str:
    """A number as Vietnamese write it: 0,15 · 12 · -5."""
    x = round(float(x), 2) + 0.0
    if x == int(x):
        return str(int(x))
    return f"{x:g}".replace(".", ",")


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        raise ValueError(f"'{value}' không phải là số") from None
    if math.isnan(number):
        return None
    return number


def parse_rubric(
    frame: pd.DataFrame,
    file: str = "",
    sheet: str = "Thang điểm",
    cells: dict[str, str] | None = None,
) -> tuple[list[Criterion], list[Finding]]:
    """Criteria from the rubric table; findings for rows that cannot be used."""
    criteria: list[Criterion] = []
    findings: list[Finding] = []
    cells = cells or {}
    seen: set[str] = set()
    for rec in frame.to_dict("records"):
        code = to_text(rec.get("ma_tieu_chi")) or ""
        where = {
            "file": file,
            "sheet": sheet,
            "row_key": code,
            "value": code,
            "cell": a1(cells.get("ma_tieu_chi", "A"), rec[ROW]),
            "sheet_key": "thang_diem",
            "row": rec[ROW],
            "column": "ma_tieu_chi",
        }
        try:
            criterion = _criterion(rec, code, seen)
        except ValueError as err:
            findings.append(RUBRIC_BAD_ROW.at(reason=str(err), **where))
            continue
        subjects = (MEMBER, GROUP) if criterion.subject == "Cả hai" else (criterion.subject,)
        for subject in subjects:
            allowed = MEMBER_SOURCES if subject == MEMBER else GROUP_SOURCES
            if criterion.source not in allowed:
                findings.append(
                    RUBRIC_SOURCE_NOT_FOR.at(
                        source=criterion.source, subject=subject.lower(), **where
                    )
                )
                continue
            criteria.append(Criterion(**{**criterion.__dict__, "subject": subject}))
        seen.add(code)
    return criteria, findings


def _criterion(rec: dict[str, Any], code: str, seen: set[str]) -> Criterion:
    if not code:
        raise ValueError("thiếu mã tiêu chí")
    if code in seen:
        raise ValueError("mã tiêu chí bị trùng")
    source = to_text(rec.get("nguon")) or ""
    if source not in GROUP_SOURCES:
        raise ValueError(f"nguồn dữ liệu '{source}' không có trong danh sách")
    per_unit = _number(rec.get("diem_don_vi"))
    if per_unit is None or per_unit == 0:
        raise ValueError("thiếu điểm mỗi đơn vị")
    cap = _number(rec.get("diem_toi_da"))
    if cap is not None and (cap > 0) != (per_unit > 0):
        raise ValueError("điểm tối đa phải cùng dấu với điểm mỗi đơn vị (trừ điểm: cả hai âm)")
    subject = to_text(rec.get("ap_dung")) or ""
    if subject not in (MEMBER, GROUP, "Cả hai"):
        raise ValueError(f"'Áp dụng cho' phải là {MEMBER}, {GROUP} hoặc Cả hai")
    condition = tuple(
        p.strip() for p in (to_text(rec.get("dieu_kien")) or "").split(";") if p.strip()
    )
    return Criterion(
        code=code,
        name=to_text(rec.get("ten_tieu_chi")) or code,
        source=source,
        condition=condition,
        per_unit=per_unit,
        cap=cap,
        subject=subject,
        phase=to_text(rec.get("dot")),
        bonus=(to_text(rec.get("diem_thuong")) or "") == "Có",
    )
