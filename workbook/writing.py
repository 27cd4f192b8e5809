"""Writing rows into a table of an existing workbook (openpyxl), keeping everything else.

Used to fill group workbooks (tests, the demo) and to rewrite output tables of the master. The
table's ListObject grows or shrinks with the rows; cells outside it are untouched. Saving is
atomic with a backup.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any, Iterable
from zipfile import ZipFile

from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from . import schema
from .layout import BODY_BORDER, BODY_FONT, set_cell
from .safe_io import atomic_write


def load_for_edit(path: Path):
    """openpyxl load that keeps the VBA project of an .xlsm intact."""
    wb = load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", rich_text=False)
    if wb.vba_archive is not None:
        # openpyxl keeps the VBA parts in a zip it leaves open for writing; when the collector
        # frees it after its buffer, Python prints "Exception ignored … closed file" at the
        # officer. A finished, read-only copy serves the save the same and closes quietly.
        buffer = wb.vba_archive.fp
        wb.vba_archive.close()  # writes its directory; the buffer it was given stays open
        wb.vba_archive = ZipFile(BytesIO(buffer.getvalue()))
    return wb


def replace_table_rows(
    ws: Worksheet,
    sheet_key: str,
    rows: Iterable[dict[str, Any]],
    fonts: dict[tuple[int, str], str] | None = None,
) -> int:
    """Replace the body of the sheet's Excel Table by ``rows``; returns the number written.

    ``fonts`` maps (row index, column key) to a font name, for cells people typed in a legacy
    Vietnamese font (the demo and the tests need such cells).
    """
    sheet = schema.SHEETS[sheet_key]
    table = ws.tables[sheet.table]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    headers = [ws.cell(row=min_row, column=c).value for c in range(min_col, max_col + 1)]
    columns = {c.header: c for c in schema.master_columns(sheet)}
    for r in range(min_row + 1, max_row + 1):
        for c in range(min_col, max_col + 1):
            ws.cell(row=r, column=c).value = None
    n = 0
    for n, row in enumerate(rows, start=1):
        for j, header in enumerate(headers):
            col = columns.get(header)
            if col is None:
                continue
            cell = set_cell(ws, min_row + n, min_col + j, row.get(col.key), col)
            font_name = (fonts or {}).get((n - 1, col.key))
            cell.font = Font(name=font_name, size=12) if font_name else BODY_FONT
    last = min_row + max(n, 1)
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    return n


def append_table_rows(ws: Worksheet, sheet_key: str, rows: list[dict[str, Any]]) -> int:
    """Add ``rows`` below the body of the sheet's Excel Table, leaving every row already there
    (and columns people added to the table) as it is; returns the number added."""
    if not rows:
        return 0
    sheet = schema.SHEETS[sheet_key]
    table = ws.tables[sheet.table]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    headers = [ws.cell(row=min_row, column=c).value for c in range(min_col, max_col + 1)]
    columns = {c.header: c for c in schema.master_columns(sheet)}
    start = max_row + 1
    if max_row == min_row + 1 and all(
        ws.cell(max_row, c).value is None for c in range(min_col, max_col + 1)
    ):
        start = max_row  # the one empty body row of a fresh table
    for i, row in enumerate(rows):
        for j, header in enumerate(headers):
            col = columns.get(header)
            if col is not None:
                cell = set_cell(ws, start + i, min_col + j, row.get(col.key), col)
                cell.font, cell.border = BODY_FONT, BODY_BORDER  # as the rows write_table made
    last = start + len(rows) - 1
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    return len(rows)


def fill_tables(
    path: str | Path,
    rows_by_sheet: dict[str, list[dict[str, Any]]],
    fonts: dict[str, dict[tuple[int, str], str]] | None = None,
    backup: bool = False,
) -> dict[str, int]:
    """Open a workbook, replace the named tables' rows, save atomically."""
    path = Path(path)
    wb = load_for_edit(path)
    counts = {}
    for key, rows in rows_by_sheet.items():
        ws = wb[schema.SHEETS[key].name]
        counts[key] = replace_table_rows(ws, key, rows, (fonts or {}).get(key))
    atomic_write(path, wb.save, make_backup=backup)
    return counts
