"""Between a live Excel workbook (xlwings) and the library: read tables in, draw sheets out.

Reading: one ``range.value`` call per sheet, fed to the same reader the CLI uses, so the Excel
buttons and the CLI see identical typed tables (and the officer's unsaved edits count).

Writing: features draw their output sheets with openpyxl (one drawing code for CLI and Excel).
Here we draw into an in-memory openpyxl sheet and replay it onto the live sheet in a handful of
range calls: all values at once, then formats grouped into runs. Never cell by cell: a button
on a 2,000-row master must answer in seconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbook import schema
from workbook.ooxml import MAX_SHEET_NAME
from workbook.reading import WorkbookData, read_sheets

SheetWriter = Callable[[Worksheet], None]
# Text Excel would not store as typed: formulas, signed numbers, and its own text prefix "'".
TEXT_PREFIX_NEEDED = ("=", "+", "-", "@", "'")
# Text Excel would turn into a number, date, time, percentage or boolean when assigned as a
# value: codes with leading zeros ('0936861564'), '15/3/2023', '1.000', 'TRUE'...
_COERCIBLE = re.compile(r"^\s*([0-9.,$#(]|(true|false)\s*$)", re.IGNORECASE)


def book_path(book) -> Path:
    """The workbook's path as Excel knows it (only the name on the remote engine)."""
    return Path(book.fullname)


def sheet_rows(sheet) -> list[list[Any]]:
    """Cells from A1 to the last used cell, as rows (one call)."""
    last = sheet.used_range.last_cell
    return sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value or []


def read_book(
    book, sheets: tuple[str, ...] | None = None, grids: dict[str, list[list[Any]]] | None = None
) -> WorkbookData:
    """The live workbook's tables; ``grids``, when given, receives each sheet's cells as read
    (sheet name -> rows), for a caller that writes the same sheets back."""
    names = [s.name for s in book.sheets]

    def rows(name: str) -> list[list[Any]]:
        got = sheet_rows(book.sheets[name])
        if grids is not None:
            grids[name] = got
        return got

    return read_sheets(book_path(book), names, rows, sheets)


def excel_value(value: Any) -> Any:
    """A value for ``Range.value`` that Excel stores as it is: text stays text (Excel's "'"
    text prefix when it would read it as a formula, number, date or boolean), dates as
    datetimes, empty text as an empty cell."""
    if isinstance(value, str):
        if value == "":
            return None
        if value.startswith(TEXT_PREFIX_NEEDED) or _COERCIBLE.match(value):
            return "'" + value
        return value
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


def draw(writer: SheetWriter, name: str = "Sheet") -> Worksheet:
    ws = Workbook().active
    ws.title = name[:MAX_SHEET_NAME]
    writer(ws)
    return ws


def _runs(cells: list[tuple[int, int, Any]]) -> dict[Any, list[str]]:
    """Group (row, col, key) triples into A1 ranges of consecutive rows per column and key."""
    by_key: dict[Any, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row, col, key in cells:
        by_key[key][col].append(row)
    out: dict[Any, list[str]] = defaultdict(list)
    for key, cols in by_key.items():
        for col, rows in cols.items():
            rows.sort()
            start = prev = rows[0]
            for r in rows[1:] + [None]:
                if r is not None and r == prev + 1:
                    prev = r
                    continue
                letter = get_column_letter(col)
                out[key].append(f"{letter}{start}:{letter}{prev}")
                if r is not None:
                    start = prev = r
    return out


def _cell_styles(ws: Worksheet) -> dict[str, list[tuple[int, int, Any]]]:
    """(row, col, key) per style the live sheet needs: formats, fonts, fills, wrapping."""
    out: dict[str, list[tuple[int, int, Any]]] = defaultdict(list)
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for c in row:
            if c.number_format and c.number_format != "General" and c.value is not None:
                out["number_format"].append((c.row, c.column, c.number_format))
            font = c.font
            if font is not None:
                if font.b:
                    out["bold"].append((c.row, c.column, True))
                if font.i:
                    out["italic"].append((c.row, c.column, True))
                if c.value is not None and font.name and font.name != "Calibri":
                    out["font"].append((c.row, c.column, (font.name, font.sz)))
            if c.fill is not None and c.fill.fill_type == "solid" and c.fill.fgColor.rgb:
                rgb = str(c.fill.fgColor.rgb)[-6:]
                if rgb != "000000":
                    out["color"].append((c.row, c.column, "#" + rgb))
            if c.alignment is not None and c.alignment.wrap_text:
                out["wrap"].append((c.row, c.column, True))
            if c.alignment is not None and c.alignment.horizontal in ("center", "right"):
                out["align"].append((c.row, c.column, c.alignment.horizontal))
    return out


def _apply_style(rng, kind: str, key: Any) -> None:
    if kind == "number_format":
        rng.number_format = key
    elif kind == "bold":
        rng.font.bold = True
    elif kind == "italic":
        rng.font.italic = True
    elif kind == "font":
        rng.font.name = key[0]
        if key[1]:
            rng.font.size = key[1]
    elif kind == "color":
        rng.color = key
    elif kind == "wrap":
        rng.wrap_text = True
    elif kind == "align":
        try:
            rng.horizontal_alignment = key
        except NotImplementedError:  # the remote engine aligns only for Office.js clients
            pass


def replay(ws: Worksheet, sheet) -> None:
    """Put an openpyxl drawing onto a live xlwings sheet: values, number formats, fonts, fills,
    wrapping and alignment, column widths, row heights, merges, links — grouped into runs of
    cells so the calls stay few. (Charts and print set-up are not replayed: the report button
    also saves a print-ready file for that.)"""
    sheet.clear()
    max_row, max_col = ws.max_row, ws.max_column
    if max_row and max_col and not (max_row == 1 and max_col == 1 and ws["A1"].value is None):
        grid = [
            [excel_value(c.value) for c in row]
            for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col)
        ]
        sheet.range((1, 1)).value = grid
    for kind, cells in _cell_styles(ws).items():
        for key, ranges in _runs(cells).items():
            for address in ranges:
                _apply_style(sheet.range(address), kind, key)
    for letter, dim in ws.column_dimensions.items():
        if dim.hidden:  # width 0 hides a column (e.g. a chart's data beside a report)
            sheet.range(f"{letter}1").column_width = 0
        elif dim.width:
            sheet.range(f"{letter}1").column_width = dim.width
    heights = [(r, 1, dim.height) for r, dim in ws.row_dimensions.items() if dim.height]
    for height, ranges in _runs(heights).items():
        for address in ranges:
            sheet.range(address).row_height = height
    for merged in ws.merged_cells.ranges:
        sheet.range(merged.coord).merge()
    for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
        for c in row:
            link = c.hyperlink
            if link is not None and (link.location or link.target):
                address = f"#{link.location}" if link.location else link.target
                sheet.range(c.coordinate).add_hyperlink(address, str(c.value or ""))


def live_output_sheet(book, key: str):
    """The live output sheet for a schema key, added at the end if the master lacks it."""
    name = schema.sheet(key).name
    names = [s.name for s in book.sheets]
    if name in names:
        return book.sheets[name]
    return book.sheets.add(name, after=book.sheets[len(names) - 1])


def write_outputs(book, writers: dict[str, SheetWriter]) -> list[str]:
    """Draw each output sheet into the live workbook; returns the sheet names written."""
    written = []
    for key, writer in writers.items():
        target = live_output_sheet(book, key)
        unprotect(target)
        replay(draw(writer, target.name), target)
        protect(target)
        written.append(target.name)
    return written


def unprotect(sheet) -> None:
    try:
        sheet.api.Unprotect()  # Windows COM; elsewhere the sheet stays as it is
    except (AttributeError, NotImplementedError):  # remote engine, macOS: no such call
        pass


def protect(sheet) -> None:
    try:
        sheet.api.Protect(
            DrawingObjects=False,
            Contents=True,
            AllowSorting=True,
            AllowFiltering=True,
            AllowFormattingColumns=True,
        )
    except (AttributeError, NotImplementedError):  # remote engine, macOS: left unprotected
        pass
