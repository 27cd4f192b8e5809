"""Summary sheets for the upper union (BC …), print-ready on A4 as union documents."""
from .build import REPORT_SHEETS, ReportResult, build_report_workbook, report_result, save_report
from .context import ReportContext, report_context
from .document import vn_date

__all__ = ["REPORT_SHEETS", "ReportContext", "ReportResult", "build_report_workbook",
           "report_context", "report_result", "save_report", "vn_date"]
