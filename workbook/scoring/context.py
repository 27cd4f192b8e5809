"""What scoring, the shortlist and the reports share: the campaign read from a workbook.

``prepare(data)`` gathers the configuration, the phases, the rule set the dates pick, the rubric,
and the rows left out because validation found an error (Lỗi) in them. Only valid rows are
scored; the run says how many rows it left out and why.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import pandas as pd

from .. import schema
from ..findings import ERROR, WARNING, Finding, define
from ..reading import ROW, WorkbookData
from ..rulesets import RuleSet, RuleSetChoice, pick_ruleset
from ..values import to_date, to_text
from .rubric import Criterion, parse_rubric

CAMPAIGN = "Cả năm"  # the 'phase' label of whole-campaign rows
USED_SHEETS = ("doan_vien", "to_cong_doan", "dang_ky", "ket_qua", "tin_bai", "cong_trinh")

RULESET_MISMATCH = define("ruleset-mismatch", WARNING, "{message}")


@dataclass(frozen=True)
class Excluded:
    sheet: str  # sheet key
    row: int  # Excel row
    reason: str  # Vietnamese

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": schema.SHEETS[self.sheet].name, "row": self.row, "reason": self.reason}


@dataclass
class ScoringInput:
    data: WorkbookData
    config: dict[str, str]
    phases: pd.DataFrame  # ma_dot, ten_dot, ngay_bat_dau, ngay_ket_thuc, in order
    choice: RuleSetChoice
    criteria: list[Criterion]
    excluded: list[Excluded] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    outlet_levels: dict[str, str] = field(default_factory=dict)

    @property
    def ruleset(self) -> RuleSet:
        return self.choice.ruleset

    @property
    def phase_codes(self) -> list[str]:
        return list(self.phases["ma_dot"])

    @property
    def campaign_end(self) -> dt.date | None:
        ends = [d for d in self.phases["ngay_ket_thuc"] if isinstance(d, dt.date)]
        return max(ends) if ends else None

    def table(self, key: str) -> pd.DataFrame:
        """The sheet's rows without those validation excluded."""
        frame = self.data.table(key)
        rows = {e.row for e in self.excluded if e.sheet == key}
        if rows:
            frame = frame[~frame[ROW].isin(rows)]
        return frame.reset_index(drop=True)

    def excluded_summary(self) -> dict[str, Any]:
        by_sheet = Counter(schema.SHEETS[e.sheet].name for e in self.excluded)
        return {"count": len(self.excluded), "by_sheet": dict(by_sheet),
                "rows": [e.to_dict() for e in self.excluded]}


def read_config(data: WorkbookData) -> dict[str, str]:
    frame = data.table("cau_hinh")
    return {str(k): to_text(v) or "" for k, v in zip(frame["ma_muc"], frame["gia_tri"]) if k}


def read_phases(data: WorkbookData) -> pd.DataFrame:
    frame = data.table("dot_thi_dua")
    frame = frame[frame["ma_dot"].map(lambda v: bool(to_text(v)))].copy()
    frame["ma_dot"] = frame["ma_dot"].map(to_text)
    for col in ("ngay_bat_dau", "ngay_ket_thuc"):
        frame[col] = frame[col].map(_safe_date)
    return frame.drop_duplicates("ma_dot").reset_index(drop=True)


def _safe_date(value: Any) -> dt.date | None:
    try:
        return to_date(value)
    except ValueError:
        return None


def validation_findings(data: WorkbookData) -> list[Finding]:
    """Findings of the validation pass; the reader's own typing problems until it exists."""
    try:
        from ..validation import validate_data  # lands from the validation work
    except ImportError:
        return list(data.findings)
    report = validate_data(data)
    return list(getattr(report, "findings", report))


def excluded_from_findings(data: WorkbookData, findings: Iterable[Finding]) -> list[Excluded]:
    """Rows of the sheets scoring reads that carry an error (Lỗi); one reason per row."""
    by_name = {name: key for key, name in data.sheet_names.items() if key in USED_SHEETS}
    out: dict[tuple[str, int], str] = {}
    for f in findings:
        if f.severity != ERROR or f.sheet not in by_name:
            continue
        match = re.search(r"(\d+)$", f.cell or "")
        if not match:
            continue
        key = (by_name[f.sheet], int(match.group(1)))
        out.setdefault(key, f.message)
    return [Excluded(k, r, reason) for (k, r), reason in sorted(out.items())]


def prepare(data: WorkbookData, excluded: Mapping[tuple[str, int], str] | set | None = None,
            validate: bool = True) -> ScoringInput:
    """Everything a scoring run needs from one workbook (the master)."""
    config = read_config(data)
    phases = read_phases(data)
    ends = [d for d in phases["ngay_ket_thuc"] if isinstance(d, dt.date)]
    choice = pick_ruleset(max(ends) if ends else None, config.get("bo_quy_tac"))
    findings: list[Finding] = []
    if choice.warning:
        findings.append(RULESET_MISMATCH.at(file=data.file, sheet="Cấu hình",
                                            message=choice.warning))
    rubric = data.table("thang_diem")
    criteria, rubric_findings = parse_rubric(rubric, data.file,
                                             data.sheet_names.get("thang_diem", "Thang điểm"),
                                             data.columns.get("thang_diem"))
    findings += rubric_findings
    rows = excluded_from_findings(data, validation_findings(data)) if validate else []
    if excluded:
        given = excluded if isinstance(excluded, Mapping) else {k: "" for k in excluded}
        known = {(e.sheet, e.row) for e in rows}
        rows += [Excluded(k, int(r), reason or "Dòng có lỗi khi kiểm tra dữ liệu")
                 for (k, r), reason in given.items() if (k, r) not in known]
    outlets = data.table("ds_co_quan_bao")
    levels = {to_text(n): to_text(c) or "" for n, c in zip(outlets["gia_tri"], outlets["cap"])
              if to_text(n)}
    return ScoringInput(data=data, config=config, phases=phases, choice=choice,
                        criteria=criteria, excluded=rows, findings=findings,
                        outlet_levels=levels)
