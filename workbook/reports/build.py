"""The BC sheets: into the master's output sheets, or into a new print-ready workbook."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .. import schema
from ..layout import new_workbook
from ..safe_io import atomic_write
from ..schema.lists import WORK_PROPOSED_FOR_PLAQUE
from .context import ReportContext
from .lists import proposed_count, write_awards, write_works
from .summary import write_articles, write_summary

REPORT_SHEETS: dict[str, Callable[[Worksheet, ReportContext], None]] = {
    "bc_tong_hop": write_summary,
    "bc_cong_trinh": write_works,
    "bc_khen_thuong": write_awards,
    "bc_tin_bai": write_articles,
}


@dataclass
class ReportResult:
    sheets: list[str]
    day: dt.date
    regime: str
    proposed: int
    works_proposed: int
    articles: int
    out: Path | None = None
    notes: list[str] = field(default_factory=list)
    excluded: dict[str, Any] = field(default_factory=dict)  # rows scoring left out (errors)

    @property
    def headline(self) -> str:
        where = f" → {self.out.name}" if self.out else ""
        return (f"Lập {len(self.sheets)} trang báo cáo cấp trên{where}: {self.proposed} đề nghị "
                f"khen thưởng của Công đoàn, {self.works_proposed} công trình đề nghị gắn biển, "
                f"{self.articles} tin, bài")

    def to_dict(self) -> dict[str, Any]:
        return {"headline": self.headline, "sheets": self.sheets, "date": self.day.isoformat(),
                "regime": self.regime, "proposed": self.proposed,
                "works_proposed": self.works_proposed, "articles": self.articles,
                "out": str(self.out) if self.out else None, "notes": self.notes,
                "excluded": self.excluded}


def report_result(rc: ReportContext, out: Path | None = None) -> ReportResult:
    return ReportResult(
        sheets=[schema.sheet(k).name for k in REPORT_SHEETS], day=rc.day,
        regime=rc.scores.regime.label, proposed=proposed_count(rc),
        works_proposed=int((rc.works["trang_thai"] == WORK_PROPOSED_FOR_PLAQUE).sum()),
        articles=len(rc.articles), out=out, notes=list(rc.scores.notes),
        excluded=rc.scores.excluded)


def writers(rc: ReportContext, keys: tuple[str, ...] | None = None
            ) -> dict[str, Callable[[Worksheet], None]]:
    """{sheet key: writer(ws)} for ``rewrite_outputs``."""
    return {k: (lambda ws, f=f: f(ws, rc)) for k, f in REPORT_SHEETS.items()
            if keys is None or k in keys}


def build_report_workbook(rc: ReportContext, keys: tuple[str, ...] | None = None) -> Workbook:
    wb = new_workbook()
    for key, write in writers(rc, keys).items():
        write(wb.create_sheet(schema.sheet(key).name))
    return wb


def save_report(rc: ReportContext, out: str | Path, keys: tuple[str, ...] | None = None,
                force: bool = True) -> Path | None:
    wb = build_report_workbook(rc, keys)
    return atomic_write(Path(out), wb.save, overwrite=force)
