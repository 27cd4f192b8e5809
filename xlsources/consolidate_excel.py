"""The "Gộp sổ tổ" button: consolidation into the master that is open in Excel.

The master file is locked by Excel and may hold unsaved edits, so it is never rewritten here.
The merge is planned from the live workbook's tables (``plan_consolidation``, the same planning
the CLI uses) and written into the open sheets through xlwings; the officer then saves with
Excel. For each data sheet that changes, the table body is written in one ``Range.value`` call
from the first row that changes down (rows above stay as they are), in the master's own column
order; leftover rows below a shrunk table are cleared; the Excel Table is resized where the
engine allows it. Manual columns (table columns that are not in the schema) follow their rows.
Set-up sheets are never touched; ``Nhật ký`` gets the run's rows.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from openpyxl.utils import column_index_from_string, get_column_letter

from workbook import schema
from workbook.consolidation.merge import OutRow, SheetPlan
from workbook.consolidation.plan import MASTER_SHEETS, plan_consolidation
from workbook.consolidation.result import ConsolidationResult
from workbook.consolidation.runner import ProgressFn
from workbook.consolidation.write import EXCEL_MAX_ROWS, TooManyRows, log_rows
from workbook.errors import ThiduaError
from workbook.reading import HEADER_SCAN_ROWS, WorkbookData, header_key

from .bridge import TEXT_PREFIX_NEEDED, book_path, excel_value, output_sheet, protect, \
    read_book, sheet_rows, unprotect

# Text Excel would turn into a number, date, time, percentage or boolean when assigned as a
# value: codes with leading zeros ('0936861564'), '15/3/2023', '1.000', 'TRUE'...
_COERCIBLE = re.compile(r"^\s*([0-9.,$#(]|(true|false)\s*$)", re.IGNORECASE)


class FolderNotFound(ThiduaError):
    code = "folder-not-found"


def cell_value(value: Any) -> Any:
    """A value for ``Range.value`` that Excel stores as it is: text stays text (Excel's "'"
    text prefix when it would read it as a formula, number or date), dates as datetimes."""
    if isinstance(value, str):
        if value == "":
            return None
        if value.startswith(TEXT_PREFIX_NEEDED) or _COERCIBLE.match(value):
            return "'" + value
        return value
    return excel_value(value)


@dataclass
class LiveTable:
    """Where a data sheet's table sits on the live sheet (1-based rows and columns)."""
    header_row: int
    first_col: int
    last_col: int
    body_rows: int  # body rows holding anything
    schema_cols: dict[str, int]  # column key -> column index
    found: bool = True  # the header row is there

    @property
    def width(self) -> int:
        return self.last_col - self.first_col + 1


def locate(sheet: schema.Sheet, letters: dict[str, str], grid: list[list[Any]]) -> LiveTable:
    cols = {k: column_index_from_string(v) for k, v in letters.items()}
    variants = {c.key: {header_key(h) for h in (c.header, *c.aliases)}
                for c in schema.master_columns(sheet) if c.key in cols}
    def matches(i: int) -> int:
        row = grid[i]
        return sum(1 for k, c in cols.items()
                   if c <= len(row) and header_key(row[c - 1]) in variants[k])
    scan = range(min(HEADER_SCAN_ROWS, len(grid)))
    header_index = max(scan, key=matches, default=0)
    found = bool(grid) and matches(header_index) > 0
    header = grid[header_index] if grid else []
    first = min(cols.values(), default=1)
    last = max(cols.values(), default=1)
    while last < len(header) and not _blank(header[last]):
        last += 1  # manual columns added after the schema's, inside the table
    body = 0
    for i in range(header_index + 1, len(grid)):
        if any(not _blank(v) for v in grid[i][first - 1:last]):
            body = i - header_index
    return LiveTable(header_index + 1, first, last, body, cols, found)


def _blank(value: Any) -> bool:
    return value is None or value == ""


def body_grid(table: LiveTable, rows: list[OutRow], grid: list[list[Any]]
              ) -> tuple[int, list[list[Any]]]:
    """(index of the first body row that changes, the body rows from there on as values)."""
    def old(excel_row: int) -> list[Any]:
        row = grid[excel_row - 1] if excel_row - 1 < len(grid) else []
        cells = row[table.first_col - 1:table.last_col]
        return list(cells) + [None] * (table.width - len(cells))

    first = len(rows)
    for i, out in enumerate(rows):
        if out.values is not None or out.origin != table.header_row + 1 + i:
            first = i
            break
    body = []
    for out in rows[first:]:
        cells = old(out.origin) if out.origin else [None] * table.width
        if out.values is not None:
            for key, col in table.schema_cols.items():
                cells[col - table.first_col] = out.values.get(key)
        body.append([cell_value(v) for v in cells])
    return first, body


def write_sheet(book, data: WorkbookData, key: str, plan: SheetPlan,
                grid: list[list[Any]]) -> None:
    sheet = schema.SHEETS[key]
    if key not in data.sheet_names:
        raise ThiduaError(f"Sổ chính thiếu trang '{sheet.name}'; chưa gộp được. Thêm lại trang "
                          "này (chép từ sổ mẫu) rồi gộp lại.")
    live = book.sheets[data.sheet_names[key]]
    table = locate(sheet, data.columns[key], grid)
    first, body = body_grid(table, plan.rows, grid)
    top = table.header_row + 1
    if body:
        live.range((top + first, table.first_col)).value = body
        for column in schema.master_columns(sheet):
            fmt = column.number_format
            if column.key in table.schema_cols and fmt and fmt != "General":
                c = table.schema_cols[column.key]
                live.range((top + first, c), (top + len(plan.rows) - 1, c)).number_format = fmt
    if table.body_rows > len(plan.rows):
        live.range((top + len(plan.rows), table.first_col),
                   (top + table.body_rows - 1, table.last_col)).clear_contents()
    resize_table(live, sheet.table, table.header_row, table.first_col,
                 table.header_row + max(len(plan.rows), 1), table.last_col)


def resize_table(live, name: str | None, first_row: int, first_col: int, last_row: int,
                 last_col: int) -> None:
    try:
        live.tables[name].resize(live.range((first_row, first_col), (last_row, last_col)))
    except Exception:  # no such table, or an engine (remote, macOS) without tables: values stay
        pass


def append_log(book, result: ConsolidationResult, now: dt.datetime | None = None) -> None:
    """The run's rows at the end of the live ``Nhật ký`` table (one call)."""
    log = schema.sheet("nhat_ky")
    live = output_sheet(book, "nhat_ky")
    grid = sheet_rows(live)
    letters = {c.key: get_column_letter(j) for j, c in enumerate(log.columns, start=1)}
    table = locate(log, letters, grid)
    rows = [[cell_value(r[c.key]) for c in log.columns]
            for r in log_rows(result.log_entry(), now or dt.datetime.now())]
    unprotect(live)
    if not table.found:  # an empty or new sheet: the header first
        live.range((table.header_row, table.first_col)).value = [[c.header for c in log.columns]]
    start = table.header_row + 1 + table.body_rows
    live.range((start, table.first_col)).value = rows
    resize_table(live, log.table, table.header_row, table.first_col, start + len(rows) - 1,
                 table.first_col + len(log.columns) - 1)
    protect(live)


def consolidate_into_book(book, folder: str | Path, *, progress: ProgressFn | None = None,
                          status: Callable[[str], None] = lambda text: None,
                          workers: int | None = None) -> ConsolidationResult:
    """Merge the group workbooks found in ``folder`` into the open master ``book``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FolderNotFound(f"Không tìm thấy thư mục {folder}. Chọn lại thư mục chứa các sổ "
                             "tổ gửi về.")
    status("Gộp sổ tổ: đang đọc sổ chính…")
    grids: dict[str, list[list[Any]]] = {}
    data = read_book(book, MASTER_SHEETS, grids=grids)
    result, plan = plan_consolidation(data, book_path(book).name, [folder],
                                      workers=workers, progress=progress)
    if not plan.dirty:
        return result
    for key, sheet_plan in plan.sheets.items():
        if sheet_plan.dirty and len(sheet_plan.rows) + 1 > EXCEL_MAX_ROWS:
            raise TooManyRows(
                f"Trang '{schema.SHEETS[key].name}' sẽ có {len(sheet_plan.rows):,} dòng, quá "
                f"giới hạn {EXCEL_MAX_ROWS - 1:,} dòng của Excel; chưa có gì được ghi. Hãy "
                "gộp theo từng đơn vị (nhiều sổ chính).".replace(",", "."))
    status("Gộp sổ tổ: đang ghi vào sổ chính…")
    for key, sheet_plan in plan.sheets.items():
        if sheet_plan.dirty:
            write_sheet(book, data, key, sheet_plan, grids.get(data.sheet_names.get(key), []))
    append_log(book, result)
    result.written, result.writer = True, "excel"
    return result


MAX_LINES = 8


def message(result: ConsolidationResult) -> str:
    """The short Vietnamese text of the message box."""
    lines = [("Đã gộp vào sổ chính đang mở: " if result.written else
              "Sổ chính đã khớp với các sổ tổ, không có gì thay đổi: ") + result.summary_line()
             + "."]
    details = [f"• {s.path.name}: {s.reason}" for s in result.set_aside]
    if details:
        lines.append("Tệp để riêng (không gộp):")
        lines += _capped(details)
    held = [f"• {h.file} › {h.sheet}!{h.cell} ({h.row_key}): {h.reason}" for h in result.held]
    if held:
        lines.append("Dòng chưa gộp:")
        lines += _capped(held)
    if result.written:
        lines.append("Nhấn Lưu (Ctrl+S) để lưu sổ chính.")
    return "\n".join(lines)


def _capped(items: list[str], width: int = 220) -> list[str]:
    out = [t if len(t) <= width else t[:width - 1] + "…" for t in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        out.append(f"… và {len(items) - MAX_LINES} mục khác.")
    return out
