"""Laying schema tables out in openpyxl worksheets: Excel Tables, dropdowns, formats, print set-up.

Shared by the master and the group workbooks so both look and validate the same.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from functools import partial
from typing import Any, Callable, Hashable, Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from . import schema
from .schema import Column, Sheet

FONT_NAME = "Times New Roman"  # Nghị định 30/2020
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True, color="FFFFFF")
BODY_FONT = Font(name=FONT_NAME, size=11)
THIN = Side(style="thin", color="A6A6A6")
BODY_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
VALIDATION_ROWS = 2000  # dropdowns reach this far below the header, past any real table
MM = 1 / 25.4  # inches per millimetre
# The look every printed sheet shares (openpyxl and XlsxWriter writers alike).
# Nghị định 30/2020, Phụ lục I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
PAGE_FOOTER = "Trang &P/&N"  # page numbers, centred in the footer
TITLE_SIZE, SUBTITLE_SIZE, TABLE_SIZE = (
    14,
    12,
    11,
)  # font sizes: a sheet's title, its subtitle, tables


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    normal = next(s for s in wb._named_styles if s.name == "Normal")
    normal.font = Font(name=FONT_NAME, size=12)
    return wb


def print_setup(ws: Worksheet, landscape: bool = True, title_rows: str | None = "1:1") -> None:
    """A4, fit to width, margins of Nghị định 30/2020 (top/bottom 20 mm, left 30, right 15)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = MARGINS_MM["left"] * MM
    ws.page_margins.right = MARGINS_MM["right"] * MM
    ws.page_margins.top = MARGINS_MM["top"] * MM
    ws.page_margins.bottom = MARGINS_MM["bottom"] * MM
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows


def set_cell(ws: Worksheet, row: int, col: int, value: Any, column: Column | None = None):
    """Write one value; text stays text even when it starts with '=' (never a formula)."""
    cell = put_value(ws, row, col, value)
    if column is not None:
        cell.number_format = column.number_format
    return cell


def put_value(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    """``set_cell`` without the format: for cells ``BodyStyles`` formats."""
    cell = ws.cell(row=row, column=col)
    cell.value = value = as_written(value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def as_written(value: Any) -> Any:
    """The value a cell gets: a datetime at midnight is a date (it shows as one)."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


class BodyStyles:
    """Formats of a table's body cells, resolved once per kind of cell (a column, say).

    openpyxl looks each font, border and number format up in the workbook's style lists on every
    assignment, hashing the objects: over a hundred thousand rows that costs minutes. The first
    cell of a kind is formatted the usual way; the others take a copy of its style indexes.
    """

    def __init__(self) -> None:
        self._known: dict[Hashable, StyleArray] = {}

    def apply(self, cell: Cell, kind: Hashable, format_first: Callable[[Cell], None]) -> Cell:
        known = self._known.get(kind)
        if known is None:
            format_first(cell)
            self._known[kind] = copy(cell._style)
        else:
            cell._style = copy(known)
        return cell


def body_format(cell: Cell, column: Column | None = None) -> None:
    """A table body cell's look: the body font, thin borders, the column's number format."""
    if column is not None:
        cell.number_format = column.number_format
    cell.font, cell.border = BODY_FONT, BODY_BORDER


def excel_table(name: str, ref: str, headers: list[str], style: str) -> Table:
    """An Excel Table whose columns are named here: openpyxl would otherwise name them on save
    from the header cells, making a cell for every position of the table on the way."""
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=style, showRowStripes=True)
    table._initialise_columns()
    for column, header in zip(table.tableColumns, headers):
        column.name = str(header)
    return table


def write_table(
    ws: Worksheet,
    sheet: Sheet,
    rows: Iterable[dict[str, Any]],
    columns: tuple[Column, ...] | None = None,
    first_col: int = 1,
    dropdowns: bool = True,
) -> str:
    """Header + rows as an Excel Table named ``sheet.table``; returns the table's A1 range."""
    columns = columns or sheet.columns
    for j, col in enumerate(columns, start=first_col):
        cell = set_cell(ws, 1, j, col.header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(j)].width = col.width
    n = 0
    styles = BodyStyles()
    for n, row in enumerate(rows, start=1):
        for j, col in enumerate(columns, start=first_col):
            cell = put_value(ws, 1 + n, j, row.get(col.key))
            styles.apply(cell, j, partial(body_format, column=col))
    last_row = 1 + max(n, 1)  # an Excel Table needs one body row, even empty
    if n == 0:
        for j, col in enumerate(columns, start=first_col):
            ws.cell(row=2, column=j).number_format = col.number_format
    last_col = get_column_letter(first_col + len(columns) - 1)
    ref = f"{get_column_letter(first_col)}1:{last_col}{last_row}"
    ws.add_table(excel_table(sheet.table, ref, [c.header for c in columns], "TableStyleMedium2"))
    ws.row_dimensions[1].height = 33
    if dropdowns:
        add_validations(ws, columns, first_col, max(last_row, VALIDATION_ROWS))
    return ref


def add_validations(
    ws: Worksheet, columns: tuple[Column, ...], first_col: int, last_row: int
) -> None:
    for j, col in enumerate(columns, start=first_col):
        if col in schema.PROVENANCE:
            continue  # filled by consolidation, never typed: no input rule to offer
        letter = get_column_letter(j)
        dv = _validation_for(col)
        if dv is None:
            continue
        if col.help:
            dv.showInputMessage = True
            dv.promptTitle = col.header[:32]
            dv.prompt = col.help[:255]
        dv.add(f"{letter}2:{letter}{last_row}")
        ws.add_data_validation(dv)


def _validation_for(col: Column) -> DataValidation | None:
    if col.choices:
        dv = DataValidation(
            type="list", formula1=f"={schema.LISTS[col.choices].name}", allow_blank=True
        )
        dv.error = f"Chọn {col.header.lower()} trong danh sách thả xuống."
    elif col.type == "date":
        dv = DataValidation(
            type="date",
            operator="between",
            formula1="DATE(1900,1,1)",
            formula2="DATE(2100,12,31)",
            allow_blank=True,
        )
        dv.error = "Nhập ngày dạng ngày/tháng/năm, ví dụ 15/03/2023."
    elif col.type in ("int", "money"):
        low = int(col.minimum) if col.minimum is not None else -(10**12)
        high = int(col.maximum) if col.maximum is not None else 10**15
        dv = DataValidation(
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            allow_blank=True,
        )
        dv.error = f"{col.header}: nhập số nguyên từ {low:,} đến {high:,}.".replace(",", ".")
    elif col.help:
        dv = DataValidation(allow_blank=True)
    else:
        return None
    if dv.error:
        dv.showErrorMessage = True
        dv.errorTitle = "Giá trị không hợp lệ"
    return dv


def define_list_names(wb: Workbook) -> None:
    """Workbook names DS_* → table columns, so dropdowns grow with the tables they draw from."""
    for lst in schema.LISTS.values():
        source = schema.SHEETS[lst.sheet]
        header = source.column(lst.column).header
        # Structured reference inside a defined name: the documented way to feed a dropdown
        # from a Table column (data validation itself does not accept Table[Column]).
        wb.defined_names[lst.name] = DefinedName(lst.name, attr_text=f"{source.table}[{header}]")


def write_lists_sheet(ws: Worksheet, rows_for: dict[str, list[dict[str, Any]]]) -> None:
    """All list tables on one sheet, left to right, one blank column between them."""
    col = 1
    for table in schema.LIST_TABLES:
        write_table(
            ws,
            table,
            rows_for.get(table.key, []),
            first_col=col,
            dropdowns=table.key == "ds_co_quan_bao",
        )
        col += len(table.columns) + 1
    ws.freeze_panes = "A2"
    print_setup(ws)


def write_stamp(wb: Workbook, values: dict[str, str]) -> None:
    ws = wb.create_sheet(schema.STAMP.name)
    for i, (k, v) in enumerate(values.items(), start=1):
        set_cell(ws, i, 1, k)
        set_cell(ws, i, 2, str(v))
    ws.sheet_state = "veryHidden"  # not offered by Excel's Unhide dialog


def protect(ws: Worksheet) -> None:
    """Read-only for people, but still sortable and filterable."""
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False


def sheet_ref(sheet_name: str, cell: str) -> str:
    return f"{quote_sheetname(sheet_name)}!{cell}"
