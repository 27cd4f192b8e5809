"""Reports for the upper union: the BC sheets (print-ready on A4 as union documents) of one
moment of the campaign — the sơ kết of a phase or the year's tổng kết."""

from .build import (
    REPORT_KIND,
    REPORT_SHEETS,
    ReportResult,
    build_report_workbook,
    report_result,
    save_report,
    sheet_keys,
)
from .context import ReportContext, report_context
from .figures import FIGURE_KEYS, FIGURES
from .moment import Moment, MomentError, choose_moment, default_moment, report_moments
from .wording import vn_date

__all__ = [
    "FIGURES",
    "FIGURE_KEYS",
    "Moment",
    "MomentError",
    "REPORT_KIND",
    "REPORT_SHEETS",
    "ReportContext",
    "ReportResult",
    "build_report_workbook",
    "choose_moment",
    "default_moment",
    "report_context",
    "report_moments",
    "report_result",
    "save_report",
    "sheet_keys",
    "vn_date",
]
