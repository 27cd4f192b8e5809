"""The BC sheets of one moment: into the master's output sheets, or into a new print-ready
workbook (the file a CĐCS sends upward, stamped so the upper union can read it back)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .. import schema
from ..layout import new_workbook, write_stamp
from ..safe_io import atomic_write
from .articles import write_articles
from .context import ReportContext
from .figures import figures
from .lists import proposed_count, proposed_works, write_awards, write_works
from .summary import write_summary

REPORT_SHEETS = ("bc_tong_hop", "bc_cong_trinh", "bc_khen_thuong", "bc_tin_bai")
REPORT_KIND = "bao_cao"  # the stamp's 'loai_so' of a report workbook


def sheet_keys(rc: ReportContext) -> tuple[str, ...]:
    """Sheets of the moment's report: a sơ kết proposes no award, so has no award list."""
    return tuple(k for k in REPORT_SHEETS if rc.moment.is_year or k != "bc_khen_thuong")


def annex_numbers(rc: ReportContext) -> dict[str, int]:
    """Annex (phụ lục) number of each list sheet the report carries, in sheet order."""
    return {k: i for i, k in enumerate(sheet_keys(rc)[1:], start=1)}


@dataclass
class ReportResult:
    sheets: list[str]
    moment: dict[str, Any]
    day: dt.date
    regime: str
    proposed: int
    works_proposed: int
    articles: int
    figures: dict[str, int] = field(default_factory=dict)
    out: Path | None = None
    documents: list[Path] = field(default_factory=list)  # Word files written
    notes: list[str] = field(default_factory=list)
    excluded: dict[str, Any] = field(default_factory=dict)  # rows scoring left out (errors)

    @property
    def headline(self) -> str:
        where = f" → {self.out.name}" if self.out else ""
        text = (
            f"Lập báo cáo {self.moment['label']} ngày {self.day.strftime('%d/%m/%Y')}, "
            f"{len(self.sheets)} trang tính{where}: {self.works_proposed} công trình đề nghị "
            f"gắn biển, {self.articles} tin, bài"
        )
        if self.moment["kind"] != "sơ kết":
            text += f", {self.proposed} đề nghị khen thưởng của Công đoàn"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "sheets": self.sheets,
            "moment": self.moment,
            "date": self.day.isoformat(),
            "regime": self.regime,
            "proposed": self.proposed,
            "works_proposed": self.works_proposed,
            "articles": self.articles,
            "figures": self.figures,
            "out": str(self.out) if self.out else None,
            "documents": [str(p) for p in self.documents],
            "notes": self.notes,
            "excluded": self.excluded,
        }


def report_result(
    rc: ReportContext, out: Path | None = None, keys: tuple[str, ...] | None = None
) -> ReportResult:
    proposed = proposed_count(rc)
    return ReportResult(
        sheets=[schema.sheet(k).name for k in (keys or sheet_keys(rc))],
        moment=rc.moment.to_dict(),
        day=rc.day,
        regime=rc.scores.regime.label,
        proposed=proposed,
        works_proposed=len(proposed_works(rc)),
        articles=len(rc.articles),
        figures=figures(rc, proposed),
        out=out,
        notes=list(rc.notes),
        excluded=rc.scores.excluded,
    )


def writers(
    rc: ReportContext, keys: tuple[str, ...] | None = None
) -> dict[str, Callable[[Worksheet], None]]:
    """{sheet key: writer(ws)} for ``rewrite_outputs``: every BC sheet when ``keys`` is None
    (the master's award sheet says when the moment has no award list)."""
    annexes = annex_numbers(rc)
    proposed = proposed_count(rc)
    drawn: dict[str, Callable[[Worksheet], None]] = {
        "bc_tong_hop": lambda ws: write_summary(ws, rc, annexes, proposed),
        "bc_cong_trinh": lambda ws: write_works(ws, rc, annexes["bc_cong_trinh"]),
        "bc_khen_thuong": lambda ws: write_awards(ws, rc, annexes.get("bc_khen_thuong")),
        "bc_tin_bai": lambda ws: write_articles(ws, rc, annexes["bc_tin_bai"]),
    }
    return {k: f for k, f in drawn.items() if keys is None or k in keys}


def report_stamp(rc: ReportContext) -> dict[str, str]:
    """What the upper union reads back from a report file, besides its visible figures."""
    from .. import __version__

    return {
        "loai_so": REPORT_KIND,
        "phien_ban_mau": schema.TEMPLATE_VERSION,
        "cong_doan": rc.config.get("ten_cong_doan") or "",
        "ky_bao_cao": rc.moment.code,
        "loai_bao_cao": rc.moment.kind,
        "nam": rc.config.get("nam") or "",
        "ngay_bao_cao": rc.day.strftime("%d/%m/%Y"),
        "ngay_lap": dt.datetime.now().strftime("%d/%m/%Y %H:%M:%S"),
        "cong_cu": f"thidua {__version__}",
    }


def build_report_workbook(rc: ReportContext, keys: tuple[str, ...] | None = None) -> Workbook:
    wb = new_workbook()
    for key, write in writers(rc, keys or sheet_keys(rc)).items():
        write(wb.create_sheet(schema.sheet(key).name))
    write_stamp(wb, report_stamp(rc))
    return wb


def save_report(
    rc: ReportContext, out: str | Path, keys: tuple[str, ...] | None = None, force: bool = True
) -> Path | None:
    wb = build_report_workbook(rc, keys)
    return atomic_write(Path(out), wb.save, overwrite=force)
