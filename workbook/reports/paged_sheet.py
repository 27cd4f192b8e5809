"""A sheet written top to bottom that places its own page breaks (``page.Page``).

Every row gets a fixed height, so the sheet knows where each page ends before any printer sees
it: a table's header is written again at the top of each page the table continues on, a heading
stays with its table's first rows, a chart is never split. ``document.Document`` adds the parts
of a union document (header, title, signature) on top.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from typing import Any, NamedTuple, Sequence

from openpyxl.drawing.spreadsheet_drawing import OneCellAnchor
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.units import cm_to_EMU, inch_to_EMU
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ..layout import FONT_NAME, PAGE_FOOTER, TABLE_SIZE, print_setup, set_cell
from .page import Page, line_height, lines_needed

LINE = Side(style="thin", color="000000")
BOX = Border(left=LINE, right=LINE, top=LINE, bottom=LINE)
GAP = 9  # points of an empty row between parts
BODY, SMALL = 12, TABLE_SIZE  # font sizes: body text, tables
CHART_OFFSET = 4  # points between a chart's first row and its top edge


class Look(NamedTuple):
    """A cell's font (Times New Roman, of this size and weight)."""

    size: float
    bold: bool = False
    italic: bool = False


def font(size: float = BODY, bold: bool = False, italic: bool = False) -> Look:
    return Look(size, bold, italic)


@dataclass
class Col:
    header: str
    key: str = ""
    fmt: str = "@"
    align: str = "left"
    span: int = 1  # sheet columns the column covers (the last column takes the rest)


class PagedSheet:
    """Writes top to bottom on one sheet; ``row`` is the next free row, ``used`` the points
    already filled on the current page."""

    def __init__(self, ws: Worksheet, widths: Sequence[float], landscape: bool = True):
        self.ws = ws
        self.widths = list(widths)
        self.n = len(widths)
        self.page = Page(tuple(widths), landscape)
        self.row, self.used, self.pages = 1, 0.0, 1
        self.chart_top = 1  # next free row of the hidden chart data
        self._protos: dict[tuple, StyleArray] = {}
        for j, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = w
        print_setup(ws, landscape=landscape, title_rows=None)
        ws.oddFooter.center.text = PAGE_FOOTER
        ws.oddFooter.center.font = FONT_NAME
        ws.oddFooter.center.size = SMALL
        ws.sheet_view.showGridLines = False

    # -- pagination -------------------------------------------------------------------------

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit on this one."""
        if self.used and self.used + height > self.page.capacity:
            self.new_page()

    def new_page(self) -> None:
        self.ws.row_breaks.append(Break(id=self.row - 1))
        self.used = 0.0
        self.pages += 1

    def _advance(self, height: float) -> int:
        self.ws.row_dimensions[self.row].height = height
        self.used += height
        self.row += 1
        return self.row - 1

    def gap(self, height: float = GAP) -> None:
        if self.used:  # never at the top of a page
            self._advance(height)

    # -- low-level --------------------------------------------------------------------------

    def _style(
        self,
        cell,
        look: Look,
        align: str,
        wrap: bool = False,
        boxed: bool = False,
        fmt: str | None = None,
        valign: str = "center",
    ) -> None:
        """Style a cell; each distinct style is built once and copied after (openpyxl hashes
        every style object assigned: a 1,000-line award list would spend seconds on it)."""
        key = (look, align, wrap, boxed, fmt, valign)
        proto = self._protos.get(key)
        if proto is None:
            cell.font = Font(name=FONT_NAME, size=look.size, bold=look.bold, italic=look.italic)
            cell.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=wrap)
            if boxed:
                cell.border = BOX
            if fmt:
                cell.number_format = fmt
            self._protos[key] = copy(cell._style)
        else:
            cell._style = copy(proto)

    def text(
        self,
        row: int,
        first: int,
        last: int,
        value: Any,
        style: Look,
        align: str = "center",
        wrap: bool = False,
    ) -> None:
        cell = set_cell(self.ws, row, first, value)
        self._style(cell, style, align, wrap)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)

    def span_width(self, a: int, b: int) -> float:
        return sum(self.widths[a - 1 : b])

    def _line(
        self,
        value: str,
        size: float,
        bold: bool = False,
        italic: bool = False,
        align: str = "center",
    ) -> None:
        """One paragraph across the sheet, as many lines high as it needs."""
        lines = lines_needed(value, self.span_width(1, self.n), size, bold)
        height = lines * line_height(size) + 2
        self.keep(height)
        row = self._advance(height)
        self.text(row, 1, self.n, value, font(size, bold, italic), align=align, wrap=True)

    # -- content ----------------------------------------------------------------------------

    def heading(self, text: str) -> None:
        self._line(text, BODY, bold=True, align="left")

    def paragraph(self, text: str, italic: bool = False) -> None:
        self._line(text, BODY, italic=italic, align="left")

    def _cells(self, cols: Sequence[Col]) -> list[tuple[int, int]]:
        spans, first = [], 1
        for col in cols:
            spans.append((first, first + col.span - 1))
            first += col.span
        spans[-1] = (spans[-1][0], self.n)
        return spans

    def _height(self, values: list[Any], spans: list[tuple[int, int]], bold: bool) -> float:
        lines = 1
        for value, (a, b) in zip(values, spans):
            if isinstance(value, str) and value:
                lines = max(lines, lines_needed(value, self.span_width(a, b), SMALL, bold))
        return lines * line_height(SMALL) + 4

    def _table_header(self, cols: Sequence[Col], spans, height: float) -> None:
        row = self._advance(height)
        for (a, b), col in zip(spans, cols):
            self._boxed(row, a, b, col.header, font(SMALL, bold=True), "center", wrap=True)

    def table(
        self,
        cols: Sequence[Col],
        rows: Sequence[dict[str, Any] | str],
        total: dict[str, Any] | None = None,
        heading: str | None = None,
        keep: int | None = 2,
        tail: float = 0.0,
    ) -> tuple[int, int]:
        """Header + rows (a str row is a section line across the table) + an optional total
        row, under an optional heading kept with them; returns the first and last rows
        written. ``keep`` rows stay with the header (None: the whole table stays on one
        page when it can); the last row stays with the total and
        ``tail`` points of what follows (the signature block). Columns map 1:1 onto the
        sheet's first ``len(cols)`` columns, except the last, which spans to the right
        edge."""
        spans = self._cells(cols)
        head_h = self._height([c.header for c in cols], spans, True)
        body: list[tuple[dict[str, Any] | str, float]] = []
        for row in rows:
            if isinstance(row, str):
                body.append((row, self._height([row], [(1, self.n)], True)))
            else:
                body.append((row, self._height([row.get(c.key) for c in cols], spans, False)))
        total_h = self._height([total.get(c.key) for c in cols], spans, True) if total else 0
        heading_h = (
            (lines_needed(heading, self.span_width(1, self.n), BODY, True) * line_height(BODY) + 2)
            if heading
            else 0
        )
        keep = len(body) if keep is None else keep
        self.keep(
            heading_h
            + head_h
            + sum(h for _, h in body[:keep])
            + (total_h + tail if len(body) <= keep else 0)
        )
        if heading:
            self.heading(heading)
        top = self.row
        self._table_header(cols, spans, head_h)
        for i, (row, h) in enumerate(body):
            need = h
            if isinstance(row, str) and i + 1 < len(body):
                need += body[i + 1][1]  # a section line stays with its first row
            if i == len(body) - 1:
                need += total_h + tail  # the last row stays with the total and the tail
            if self.used + need > self.page.capacity:
                self.new_page()
                self._table_header(cols, spans, head_h)
            r = self._advance(h)
            if isinstance(row, str):
                self._boxed(r, 1, self.n, row, font(SMALL, bold=True), "left", wrap=True)
                continue
            for (a, b), col in zip(spans, cols):
                self._boxed(
                    r, a, b, row.get(col.key), font(SMALL), col.align, wrap=True, fmt=col.fmt
                )
        if total:
            if self.used + total_h + (tail if not body else 0) > self.page.capacity:
                self.new_page()
                self._table_header(cols, spans, head_h)
            r = self._advance(total_h)
            for (a, b), col in zip(spans, cols):
                self._boxed(
                    r,
                    a,
                    b,
                    total.get(col.key),
                    font(SMALL, bold=True),
                    col.align,
                    wrap=True,
                    fmt=col.fmt,
                )
        last = self.row - 1
        self.gap()
        return top + 1, last

    def _boxed(
        self,
        row: int,
        a: int,
        b: int,
        value: Any,
        style: Look,
        align: str,
        wrap: bool = False,
        fmt: str | None = None,
    ) -> None:
        cell = set_cell(self.ws, row, a, value)
        self._style(
            cell,
            style,
            align,
            wrap,
            boxed=True,
            fmt=fmt if fmt and not isinstance(value, str) else None,
        )
        for j in range(a + 1, b + 1):
            self._style(self.ws.cell(row=row, column=j), style, align, wrap, boxed=True)
        if b > a:
            self.ws.merge_cells(start_row=row, start_column=a, end_row=row, end_column=b)

    def chart_data(self, header: str, pairs: list[tuple[str, float]]) -> tuple[int, int, int, int]:
        """Write a chart's labels and values in two hidden columns right of the page, rows
        contiguous (the table they come from may be split by page breaks); returns the first
        and last rows and the label and value columns."""
        names, values = self.n + 2, self.n + 3
        top = self.chart_top
        set_cell(self.ws, top, names, header)
        for i, (label, value) in enumerate(pairs, start=top + 1):
            set_cell(self.ws, i, names, label)
            set_cell(self.ws, i, values, value)
        for j in (names, values):
            self.ws.column_dimensions[get_column_letter(j)].hidden = True
        self.chart_top = top + len(pairs) + 2
        return top + 1, top + len(pairs), names, values

    def chart(
        self, chart, height_cm: float, width_cm: float, column: int = 2, tail: float = 0.0
    ) -> None:
        """A chart on rows of its own, never split by a page break (and kept with ``tail``
        points of what follows)."""
        room_cm = self.span_width(column, self.n) * 6 / 28.35
        chart.width, chart.height = min(width_cm, room_cm), height_cm
        per_row = 15.0
        rows = int(height_cm * 28.35 / per_row) + 2
        self.keep(rows * per_row + tail)
        first = self.row
        for _ in range(rows):
            self._advance(per_row)
        chart.visible_cells_only = False  # its data sits in hidden columns
        # Anchored a few points below its first row: LibreOffice also prints an object that
        # starts exactly on a page's top edge at the foot of the page before.
        anchor = OneCellAnchor()
        anchor._from.col, anchor._from.row = column - 1, first - 1
        anchor._from.rowOff = inch_to_EMU(CHART_OFFSET / 72)
        anchor.ext.width, anchor.ext.height = cm_to_EMU(chart.width), cm_to_EMU(chart.height)
        chart.anchor = anchor
        self.ws.add_chart(chart)
        self.gap()

    def finish(self) -> None:
        self.ws.print_area = f"A1:{get_column_letter(self.n)}{self.row - 1}"
