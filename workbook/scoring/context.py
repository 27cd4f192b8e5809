"""What scoring, the shortlist and the reports share: the campaign read from a workbook.

``prepare(data)`` gathers the configuration, the phases, the rule set the dates pick, the rubric,
and the rows left out because validation found an error (Lỗi) in them. Only valid rows are
scored; the run says how many rows it left out and why.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import pandas as pd

from .. import schema
from ..findings import ERROR, WARNING, Finding, define
from ..reading import ROW, WorkbookData
from ..rulesets import Regime, pick_regime
from ..validation import validate_data
from ..values import to_date, to_text
from .bands import ScoreBands, load_bands
from .rubric import Criterion, parse_rubric

CAMPAIGN = "Cả năm"  # the 'phase' label of whole-campaign rows
USED_SHEETS = (
    "doan_vien",
    "to_cong_doan",
    "xep_loai_nam",
    "dang_ky",
    "ket_qua",
    "tin_bai",
    "cong_trinh",
)

RULESET_MISMATCH = define("ruleset-mismatch", WARNING, "{message}")
REVIEW_DATE_UNREADABLE = define(
    "review-date-unreadable",
    WARNING,
    "Cấu hình, 'Ngày xét khen thưởng' = '{value}' không đọc được thành ngày (ghi dạng "
    "15/01/2024); tạm chọn bộ quy tắc theo ngày khác.",
)


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
    regime: Regime
    criteria: list[Criterion]
    bands: ScoreBands
    excluded: list[Excluded] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    outlet_levels: dict[str, str] = field(default_factory=dict)

    @property
    def phase_codes(self) -> list[str]:
        return list(self.phases["ma_dot"])

    @property
    def campaign_end(self) -> dt.date | None:
        ends = [d for d in self.phases["ngay_ket_thuc"] if isinstance(d, dt.date)]
        return max(ends) if ends else None

    @property
    def year(self) -> int | None:
        """The emulation year (Cấu hình 'Năm thi đua'; else the year the campaign ends)."""
        text = self.config.get("nam", "")
        if text.isdigit():
            return int(text)
        return self.campaign_end.year if self.campaign_end else None

    def annual_ratings(self, subject: str) -> dict[str, str]:
        """Official annual ratings of the emulation year (Xếp loại năm), by member or group
        code; ``subject`` is 'Cá nhân' or 'Tập thể'. Entered by the officer, never computed."""
        frame = self.table("xep_loai_nam")
        if frame.empty or self.year is None:
            return {}
        years = pd.to_numeric(frame["nam"], errors="coerce")
        kind = frame["loai_doi_tuong"].map(lambda v: to_text(v) or "")
        keep = frame[(years == self.year) & (kind == subject)]
        return {
            code: to_text(r) or ""
            for c, r in zip(keep["ma_doi_tuong"], keep["xep_loai"])
            if (code := to_text(c))
        }

    def table(self, key: str) -> pd.DataFrame:
        """The sheet's rows without those validation excluded."""
        frame = self.data.table(key)
        rows = {e.row for e in self.excluded if e.sheet == key}
        if rows:
            frame = frame[~frame[ROW].isin(rows)]
        return frame.reset_index(drop=True)

    def excluded_summary(self) -> dict[str, Any]:
        by_sheet = Counter(schema.SHEETS[e.sheet].name for e in self.excluded)
        return {
            "count": len(self.excluded),
            "by_sheet": dict(by_sheet),
            "rows": [e.to_dict() for e in self.excluded],
        }


def read_config(data: WorkbookData) -> dict[str, str]:
    frame = data.table("cau_hinh")
    return {str(k): to_text(v) or "" for k, v in zip(frame["ma_muc"], frame["gia_tri"]) if k}


def read_phases(data: WorkbookData) -> pd.DataFrame:
    frame = data.table("dot_thi_dua")
    frame = frame[frame["ma_dot"].map(lambda v: bool(to_text(v)))].copy()
    frame["ma_dot"] = frame["ma_dot"].map(to_text)
    for col in ("ngay_bat_dau", "ngay_ket_thuc", "han_bao_cao"):
        frame[col] = frame[col].map(_safe_date)
    return frame.drop_duplicates("ma_dot").reset_index(drop=True)


def _safe_date(value: Any) -> dt.date | None:
    try:
        return to_date(value)
    except ValueError:
        return None


def validation_findings(data: WorkbookData) -> list[Finding]:
    """Findings of the validation pass (the reader's own included)."""
    return list(validate_data(data).findings)


def excluded_from_findings(findings: Iterable[Finding]) -> list[Excluded]:
    """Rows of the sheets scoring reads that carry an error (Lỗi); one reason per row."""
    out: dict[tuple[str, int], str] = {}
    for f in findings:
        if f.severity == ERROR and f.sheet_key in USED_SHEETS and f.row is not None:
            out.setdefault((f.sheet_key, f.row), f.message)
    return [Excluded(k, r, reason) for (k, r), reason in sorted(out.items())]


def prepare(
    data: WorkbookData,
    excluded: Mapping[tuple[str, int], str] | set | None = None,
    validate: bool = True,
) -> ScoringInput:
    """Everything a scoring run needs from one workbook (the master)."""
    config = read_config(data)
    phases = read_phases(data)
    findings: list[Finding] = []
    regime = choose_regime(config, phases, data.file, findings)
    rubric = data.table("thang_diem")
    criteria, rubric_findings = parse_rubric(
        rubric,
        data.file,
        data.sheet_names.get("thang_diem", "Thang điểm"),
        data.columns.get("thang_diem"),
    )
    findings += rubric_findings
    rows = excluded_from_findings(validation_findings(data)) if validate else []
    if excluded:
        given = excluded if isinstance(excluded, Mapping) else {k: "" for k in excluded}
        known = {(e.sheet, e.row) for e in rows}
        rows += [
            Excluded(k, int(r), reason or "Dòng có lỗi khi kiểm tra dữ liệu")
            for (k, r), reason in given.items()
            if (k, r) not in known
        ]
    outlets = data.table("ds_co_quan_bao")
    levels = {
        name: to_text(c) or ""
        for n, c in zip(outlets["gia_tri"], outlets["cap"])
        if (name := to_text(n))
    }
    return ScoringInput(
        data=data,
        config=config,
        phases=phases,
        regime=regime,
        criteria=criteria,
        bands=load_bands(),
        excluded=rows,
        findings=findings,
        outlet_levels=levels,
    )


def choose_regime(
    config: dict[str, str], phases: pd.DataFrame, file: str, findings: list[Finding]
) -> Regime:
    """The rule sets for the review day on Cấu hình; the last phase's report deadline (or its
    end) stands in when the day is missing, and the officer is told."""
    raw = config.get("ngay_xet_khen_thuong", "")
    review = _safe_date(raw) if raw else None
    if raw and review is None:
        findings.append(
            REVIEW_DATE_UNREADABLE.at(file=file, sheet="Cấu hình", sheet_key="cau_hinh", value=raw)
        )
    fallback, what = None, ""
    dated = [p for p in phases.to_dict("records") if isinstance(p["ngay_ket_thuc"], dt.date)]
    if dated:
        last = max(dated, key=lambda p: p["ngay_ket_thuc"])
        if isinstance(last["han_bao_cao"], dt.date):
            fallback, what = last["han_bao_cao"], f"hạn báo cáo {last['ma_dot']}"
        elif isinstance(last["ngay_ket_thuc"], dt.date):
            fallback = last["ngay_ket_thuc"] + dt.timedelta(days=1)
            what = f"ngày sau khi {last['ma_dot']} kết thúc"
    regime = pick_regime(
        review,
        configured=config.get("bo_quy_tac"),
        configured_reason=config.get("ly_do_bo_quy_tac"),
        fallback=fallback,
        fallback_what=what,
    )
    if regime.warning:
        findings.append(
            RULESET_MISMATCH.at(
                file=file, sheet="Cấu hình", sheet_key="cau_hinh", message=regime.warning
            )
        )
    return regime
