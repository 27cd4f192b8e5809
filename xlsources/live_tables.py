"""Tables on live sheets: where a schema table sits (header row, columns, body), resizing it,
appending rows below its body, and appending a run to the ``Nhật ký`` table — shared by every
Excel button."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from workbook import schema
from workbook.headers import HEADER_SCAN_ROWS, header_key
from workbook.outputs import LogEntry, log_rows

from .bridge import excel_value, live_output_sheet, protect, sheet_rows, unprotect


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
    variants = {
        c.key: {header_key(h) for h in (c.header, *c.aliases)}
        for c in schema.master_columns(sheet)
        if c.key in cols
    }

    def matches(i: int) -> int:
        row = grid[i]
        return sum(
            1 for k, c in cols.items() if c <= len(row) and header_key(row[c - 1]) in variants[k]
        )

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
        if any(not _blank(v) for v in grid[i][first - 1 : last]):
            body = i - header_index
    return LiveTable(header_index + 1, first, last, body, cols, found)


def _blank(value: Any) -> bool:
    return value is None or value == ""


def resize_table(
    live, name: str | None, first_row: int, first_col: int, last_row: int, last_col: int
) -> None:
    try:
        live.tables[name].resize(live.range((first_row, first_col), (last_row, last_col)))
    except (KeyError, AttributeError, NotImplementedError):  # no such table, or an engine
        pass  # without tables: the values stay, the table keeps its old size


def append_rows(
    book, data, sheet_key: str, rows: list[dict[str, Any]], grid: list[list[Any]]
) -> None:
    """Write ``rows`` below the body of a schema table on the live sheet (one call), in the
    sheet's own column order; rows already there and manual columns are left alone."""
    if not rows:
        return
    sheet = schema.SHEETS[sheet_key]
    live = book.sheets[data.sheet_names[sheet_key]]
    table = locate(sheet, data.columns[sheet_key], grid)
    start = table.header_row + 1 + table.body_rows
    values = []
    for row in rows:
        cells: list[Any] = [None] * table.width
        for key, col in table.schema_cols.items():
            cells[col - table.first_col] = excel_value(row.get(key))
        values.append(cells)
    live.range((start, table.first_col)).value = values
    for column in sheet.columns:
        if column.key in table.schema_cols and column.number_format not in ("General", "@"):
            c = table.schema_cols[column.key]
            live.range((start, c), (start + len(rows) - 1, c)).number_format = column.number_format
    resize_table(
        live, sheet.table, table.header_row, table.first_col, start + len(rows) - 1, table.last_col
    )


def log_run(book, entry: LogEntry, now: dt.datetime | None = None) -> None:
    """The run's rows at the end of the live ``Nhật ký`` table (one read, one write)."""
    log = schema.sheet("nhat_ky")
    live = live_output_sheet(book, "nhat_ky")
    grid = sheet_rows(live)
    letters = {c.key: get_column_letter(j) for j, c in enumerate(log.columns, start=1)}
    table = locate(log, letters, grid)
    rows = [
        [excel_value(r[c.key]) for c in log.columns]
        for r in log_rows(entry, now or dt.datetime.now())
    ]
    unprotect(live)
    header = grid[table.header_row - 1] if table.found and grid else []
    header = header[table.first_col - 1 : table.first_col - 1 + len(log.columns)]
    if [str(v or "") for v in header] != [c.header for c in log.columns]:
        # an empty or new sheet, or an older log without the columns added since: the header
        live.range((table.header_row, table.first_col)).value = [[c.header for c in log.columns]]
    start = table.header_row + 1 + table.body_rows
    live.range((start, table.first_col)).value = rows
    when = table.first_col + log.keys.index("thoi_diem")
    live.range((start, when), (start + len(rows) - 1, when)).number_format = log.column(
        "thoi_diem"
    ).number_format  # a date Excel sorts, shown as officers read it
    resize_table(
        live,
        log.table,
        table.header_row,
        table.first_col,
        start + len(rows) - 1,
        table.first_col + len(log.columns) - 1,
    )
    protect(live)
