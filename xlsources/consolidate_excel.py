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

from pathlib import Path
from typing import Any, Callable

from workbook import schema
from workbook.consolidation.long_text import save_long_text
from workbook.consolidation.merge import OutRow, SheetPlan
from workbook.consolidation.plan import plan_consolidation
from workbook.consolidation.result import ConsolidationResult
from workbook.consolidation.runner import ProgressFn
from workbook.consolidation.unchanged import MASTER_KEYS
from workbook.consolidation.write import check_row_limit
from workbook.errors import ThiduaError
from workbook.reading import WorkbookData

from .bridge import book_path, excel_value, read_book
from .live_tables import LiveTable, locate, log_run, resize_table


class FolderNotFound(ThiduaError):
    code = "folder-not-found"


def body_grid(
    table: LiveTable, rows: list[OutRow], grid: list[list[Any]]
) -> tuple[int, list[list[Any]]]:
    """(index of the first body row that changes, the body rows from there on as values)."""

    def old(excel_row: int) -> list[Any]:
        row = grid[excel_row - 1] if excel_row - 1 < len(grid) else []
        cells = row[table.first_col - 1 : table.last_col]
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
        body.append([excel_value(v) for v in cells])
    return first, body


def write_sheet(book, data: WorkbookData, key: str, plan: SheetPlan, grid: list[list[Any]]) -> None:
    sheet = schema.SHEETS[key]
    if key not in data.sheet_names:
        raise ThiduaError(
            f"Sổ chính thiếu trang '{sheet.name}'; chưa gộp được. Thêm lại trang "
            "này (chép từ sổ mẫu) rồi gộp lại."
        )
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
        live.range(
            (top + len(plan.rows), table.first_col), (top + table.body_rows - 1, table.last_col)
        ).clear_contents()
    resize_table(
        live,
        sheet.table,
        table.header_row,
        table.first_col,
        table.header_row + max(len(plan.rows), 1),
        table.last_col,
    )


def consolidate_into_book(
    book,
    folder: str | Path,
    *,
    progress: ProgressFn | None = None,
    status: Callable[[str], None] = lambda text: None,
    workers: int | None = None,
) -> ConsolidationResult:
    """Merge the group workbooks found in ``folder`` into the open master ``book``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FolderNotFound(
            f"Không tìm thấy thư mục {folder}. Chọn lại thư mục chứa các sổ tổ gửi về."
        )
    status("Gộp sổ tổ: đang đọc sổ chính…")
    grids: dict[str, list[list[Any]]] = {}
    data = read_book(book, sheets=MASTER_KEYS, grids=grids)
    result, plan = plan_consolidation(
        data, book_path(book).name, [folder], workers=workers, progress=progress
    )
    save_long_text(result.long_texts, book_path(book).parent)
    if not plan.dirty and not result.log_only:
        return result
    for key, sheet_plan in plan.sheets.items():
        if sheet_plan.dirty:
            check_row_limit(key, len(sheet_plan.rows))
    status("Gộp sổ tổ: đang ghi vào sổ chính…")
    for key, sheet_plan in plan.sheets.items():
        if sheet_plan.dirty:
            write_sheet(book, data, key, sheet_plan, grids.get(data.sheet_names.get(key, ""), []))
    log_run(book, result.log_entry())
    result.written, result.writer = True, "excel"
    return result


MAX_LINES = 8


def message(result: ConsolidationResult) -> str:
    """The short Vietnamese text of the message box."""
    lines = [
        (
            "Sổ chính đã khớp với các sổ tổ, chỉ ghi thêm nhật ký (để lần sau không đọc lại "
            "sổ không đổi): "
            if result.log_only
            else "Đã gộp vào sổ chính đang mở: "
            if result.written
            else "Sổ chính đã khớp với các sổ tổ, không có gì thay đổi: "
        )
        + result.summary_line()
        + "."
    ]
    details = [f"• {s.path.name}: {s.reason}" for s in result.set_aside if s.blocking]
    if details:
        lines.append("Tệp để riêng (không gộp):")
        lines += _capped(details)
    skipped = [f"• {s.path.name}: {s.reason}" for s in result.set_aside if not s.blocking]
    if skipped:
        lines.append("Bỏ qua:")
        lines += _capped(skipped)
    held = [f"• {h.file} › {h.sheet}!{h.cell} ({h.row_key}): {h.reason}" for h in result.held]
    if held:
        lines.append("Dòng chưa gộp:")
        lines += _capped(held)
    if result.written:
        lines.append("Nhấn Lưu (Ctrl+S) để lưu sổ chính.")
    return "\n".join(lines)


def _capped(items: list[str], width: int = 220) -> list[str]:
    out = [t if len(t) <= width else t[: width - 1] + "…" for t in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        out.append(f"… và {len(items) - MAX_LINES} mục khác.")
    return out
