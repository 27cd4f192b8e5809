"""Reading what one CĐCS sends upward: its report workbook, an older summary sheet, or its
master. A pure function of the path (it runs in threads or on Dask), never raising for a bad
file: the problem comes back as a code and a Vietnamese reason naming the cell.

What is recognised, in this order:
1. a report workbook written by ``thidua report --out`` (hidden stamp ``loai_so = bao_cao``) or
   any workbook whose ``BC Tổng hợp`` sheet holds the "Số liệu chung" table (columns
   "Chỉ tiêu" and "Số lượng", one line per standard figure): the figures as printed;
2. a ``BC Tổng hợp`` sheet with one header row of the figures and one line per CĐCS (the
   earlier layout, still read);
3. a CĐCS master (stamp ``loai_so = master``): the figures are computed from its sheets for the
   moment being consolidated, exactly as its own report would print them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from python_calamine import CalamineError

from .. import schema
from ..errors import ThiduaError, UnreadableWorkbook
from ..headers import HEADER_SCAN_ROWS, header_key
from ..opening import damage_reason, open_calamine
from ..reading import read_workbook
from ..reports.figures import FIGURES
from ..reports.moment import YEAR_CODE as YEAR
from ..reports.moment import MomentError
from ..schema import Column
from ..values import BadValue, convert, is_blank, to_date, to_text

REPORT_SHEET = schema.sheet("bc_tong_hop").name
NAME_KEY = "cong_doan_co_so"
NAME_COLUMN = Column(NAME_KEY, "Công đoàn cơ sở", width=40)
SUMMARY_COLUMNS = (NAME_COLUMN, *(f.column for f in FIGURES))
COUNT_KEYS = tuple(f.key for f in FIGURES)
LABEL_HEADER, VALUE_HEADER = "Chỉ tiêu", "Số lượng"
FIGURES_SCAN_ROWS = 40  # the figures table sits under the header block, title and opening
_DATE_LINE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_SUBJECT = re.compile(r"^(Sơ kết|Tổng kết)\s+(.+?)\s+phong trào", re.IGNORECASE)


@dataclass
class SummaryRead:
    path: Path
    sha256: str
    row: dict[str, Any] = field(default_factory=dict)  # name + figures
    source: str = ""  # "bao_cao" (report) | "bc" (older sheet) | "master"
    moment: str = ""  # phase code or 'Cả năm'; '' when the file does not say
    day: dt.date | None = None  # the report's date
    made: str = ""  # when the report file was written (stamp), for ties
    error_code: str = ""
    error: str = ""

    @property
    def name(self) -> str:
        return str(self.row.get(NAME_KEY) or "")


def _lookup() -> dict[str, str]:
    out = {}
    for f in FIGURES:
        for text in (f.label, *f.aliases):
            out[header_key(text)] = f.key
    return out


FIGURE_BY_LABEL = _lookup()


def _cell(row: int, col: int) -> str:
    return f"{REPORT_SHEET}!{get_column_letter(col + 1)}{row + 1}"


class BadFigure(ValueError):
    """A figure of a report sheet that is not a whole number (the file is set aside)."""


def _number(value: Any, where: str) -> int | None:
    try:
        return convert(value, "int")
    except BadValue:
        raise BadFigure(f"ô {where} ('{value}') không phải số nguyên") from None


def figures_table(rows: list[list[Any]]) -> dict[str, int | None] | None:
    """The 'Số liệu chung' table: {figure key: number}, or None when there is none."""
    for i, row in enumerate(rows[:FIGURES_SCAN_ROWS]):
        keys = [header_key(v) for v in row]
        if header_key(LABEL_HEADER) in keys and header_key(VALUE_HEADER) in keys:
            label_col, value_col = (
                keys.index(header_key(LABEL_HEADER)),
                keys.index(header_key(VALUE_HEADER)),
            )
            out: dict[str, int | None] = {}
            for r in range(i + 1, len(rows)):
                cells = rows[r]
                label = cells[label_col] if label_col < len(cells) else None
                if is_blank(label):
                    break
                key = FIGURE_BY_LABEL.get(header_key(label))
                if key:
                    value = cells[value_col] if value_col < len(cells) else None
                    out[key] = _number(value, _cell(r, value_col))
            return out or None
    return None


def one_line_table(rows: list[list[Any]]) -> dict[str, Any] | None:
    """The earlier layout: a header row of the figures' labels, the CĐCS's line under it."""
    lookup = {header_key(NAME_COLUMN.header): NAME_KEY, **FIGURE_BY_LABEL}
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {
            j: lookup[header_key(v)]
            for j, v in enumerate(row)
            if not is_blank(v) and header_key(v) in lookup
        }
        if NAME_KEY not in found.values() or len(found) < 3:
            continue
        for r in range(i + 1, len(rows)):
            data = rows[r]
            name_col = next(j for j, k in found.items() if k == NAME_KEY)
            if name_col >= len(data) or is_blank(data[name_col]):
                continue
            out: dict[str, Any] = {NAME_KEY: to_text(data[name_col])}
            for j, key in found.items():
                if key != NAME_KEY:
                    out[key] = _number(data[j] if j < len(data) else None, _cell(r, j))
            return out
    return None


def _stamp(book) -> dict[str, str]:
    if schema.STAMP.name not in book.sheet_names:
        return {}
    rows = book.get_sheet_by_name(schema.STAMP.name).to_python(skip_empty_area=False)
    return {str(r[0]): str(to_text(r[1]) or "") for r in rows if len(r) >= 2 and r[0]}


def _from_page(rows: list[list[Any]]) -> tuple[str, str, dt.date | None]:
    """Name, moment and date as printed (for a report whose hidden stamp was lost)."""
    texts = [str(v) for row in rows[:FIGURES_SCAN_ROWS] for v in row if isinstance(v, str)]
    # The header block: the upper union in A1, the issuing CĐCS in A2.
    name = rows[1][0] if len(rows) > 1 and rows[1] and isinstance(rows[1][0], str) else ""
    moment, day = "", None
    for text in texts:
        if (m := _SUBJECT.match(text)) and not moment:
            what = m.group(2)
            moment = YEAR if m.group(1).lower().startswith("tổng") else what
        if (d := _DATE_LINE.search(text)) and day is None:
            try:
                day = dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
            except ValueError:
                day = None
    return name, moment, day


def read_summary(path: str | Path, sha256: str) -> SummaryRead:
    """Pure per-file step; masters come back with ``source='master'`` and no figures yet
    (``master_figures`` computes them once the moment is known)."""
    path = Path(path)
    out = SummaryRead(path, sha256)
    try:
        book = open_calamine(path)
        stamp = _stamp(book)
        if REPORT_SHEET in book.sheet_names:
            rows = book.get_sheet_by_name(REPORT_SHEET).to_python(skip_empty_area=False)
            figures = figures_table(rows)
            if figures is not None:
                name, moment, day = _from_page(rows)
                out.row = {
                    NAME_KEY: stamp.get("cong_doan") or name or path.stem,
                    **{k: figures.get(k) for k in COUNT_KEYS},
                }
                out.source = "bao_cao"
                out.moment = stamp.get("ky_bao_cao") or moment
                out.day = _date(stamp.get("ngay_bao_cao")) or day
                out.made = stamp.get("ngay_lap", "")
                return out
            line = one_line_table(rows)
            if line is not None:
                out.row = {NAME_KEY: line[NAME_KEY], **{k: line.get(k) for k in COUNT_KEYS}}
                out.source = "bc"
                return out
        if stamp.get("loai_so") == "master":
            out.source = "master"
            return out
        out.error_code, out.error = (
            "not-a-summary",
            (
                f"Không có trang '{REPORT_SHEET}' với bảng số liệu chung (cột '{LABEL_HEADER}', "
                f"'{VALUE_HEADER}'), cũng không phải sổ chính của CĐCS; không tổng hợp được."
            ),
        )
    except UnreadableWorkbook as err:
        # A summary set aside says only "locked" or "cannot be read", as it always has.
        out.error_code = (
            "password-protected" if err.reason_code == "password-protected" else "corrupt"
        )
        out.error = err.message
    except CalamineError as err:  # the file opened, but a sheet's content is damaged
        out.error_code, out.error = (
            "corrupt",
            (
                f"Không đọc được tệp {path.name}: có trang bị hỏng ({damage_reason(err)}). Mở tệp "
                "bằng Excel rồi lưu lại và gửi lại."
            ),
        )
    except BadFigure as err:  # only ours: any other ValueError is a bug, not a bad file
        out.error_code = "bad-summary-value"
        out.error = f"Báo cáo có số liệu không đọc được: {err}. Sửa ô này rồi gửi lại."
    return out


def _date(text: str | None) -> dt.date | None:
    try:
        return to_date(text) if text else None
    except BadValue:
        return None


def master_figures(read: SummaryRead, moment: str | None) -> SummaryRead:
    """A master's figures for ``moment`` (a phase, or None for the year), as its report
    would print them."""
    from ..reports.context import report_context
    from ..reports.figures import figures
    from ..reports.lists import proposed_count
    from ..reports.moment import choose_moment
    from ..results import compute

    try:
        data = read_workbook(read.path)
        inp, scores, shortlist = compute(data)
        chosen = choose_moment(inp.config, inp.phases, moment or YEAR)
        rc = report_context(inp, scores, shortlist, chosen)
        read.row = {
            NAME_KEY: inp.config.get("ten_cong_doan") or read.path.stem,
            **figures(rc, proposed_count(rc)),
        }
        read.moment, read.day = chosen.code, chosen.day
    except MomentError as err:
        read.error_code, read.error = "moment-missing", err.message
    except ThiduaError as err:
        read.error_code, read.error = "corrupt", err.message
    return read
