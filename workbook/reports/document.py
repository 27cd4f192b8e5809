"""A union document on a worksheet, laid out as Nghị định 30/2020 asks.

Times New Roman; A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; on the left the upper
union and the issuing union (bold), on the right the national motto; place and date in italics;
the title in bold capitals; the table; "Nơi nhận" on the left and the signature block on the
right (TM. BAN CHẤP HÀNH / title / name, from the Cấu hình sheet).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Sequence

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..layout import FONT_NAME, print_setup, set_cell

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
LINE = Side(style="thin", color="000000")
BOX = Border(left=LINE, right=LINE, top=LINE, bottom=LINE)


def font(size: float = 12, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def vn_date(place: str, day: dt.date) -> str:
    """'Lạng Sơn, ngày 05 tháng 01 năm 2024' (days < 10 and months 1–2 take a leading 0)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


@dataclass
class Col:
    header: str
    key: str = ""
    fmt: str = "@"
    align: str = "left"


class Document:
    """Writes top to bottom on one sheet; ``row`` is the next free row."""

    def __init__(self, ws: Worksheet, widths: Sequence[float], config: dict[str, str],
                 day: dt.date, landscape: bool = True):
        self.ws, self.config, self.day = ws, config, day
        self.n = len(widths)
        self.row = 1
        for j, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = w
        self.left_span = max(2, round(self.n * 0.42))
        print_setup(ws, landscape=landscape, title_rows=None)
        ws.sheet_view.showGridLines = False

    # -- low-level --------------------------------------------------------------------------

    def text(self, row: int, first: int, last: int, value: Any, style: Font,
             align: str = "center", wrap: bool = False, height: float | None = None) -> None:
        cell = set_cell(self.ws, row, first, value)
        cell.font = style
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        if height:
            self.ws.row_dimensions[row].height = height

    # -- parts ------------------------------------------------------------------------------

    def header(self, number: str = "") -> None:
        c, L, n = self.config, self.left_span, self.n
        upper = (c.get("cong_doan_cap_tren") or "").upper()
        own = (c.get("ten_cong_doan") or "").upper()
        self.text(1, 1, L, upper, font(12))
        self.text(1, L + 1, n, MOTTO[0], font(12, bold=True))
        self.text(2, 1, L, own, font(12, bold=True), wrap=True, height=32)
        self.text(2, L + 1, n, MOTTO[1], font(13, bold=True))
        self.text(3, 1, L, number or "Số:        /BC-CĐCS", font(12))
        self.text(3, L + 1, n, vn_date(c.get("dia_danh") or "", self.day),
                  font(12, italic=True))
        self.row = 5

    def title(self, *lines: str) -> None:
        for i, line in enumerate(lines):
            style = font(14, bold=True) if i == 0 else font(13, bold=True if i == 1 else False,
                                                            italic=i > 1)
            self.text(self.row, 1, self.n, line, style, wrap=True,
                      height=None if len(line) < 110 else 34)
            self.row += 1
        self.row += 1

    def heading(self, text: str) -> None:
        self.text(self.row, 1, self.n, text, font(12, bold=True), align="left")
        self.row += 1

    def paragraph(self, text: str, italic: bool = False) -> None:
        self.text(self.row, 1, self.n, text, font(12, italic=italic), align="left", wrap=True,
                  height=16 * max(1, len(text) // 150 + 1))
        self.row += 1

    def table(self, cols: Sequence[Col], rows: Sequence[dict[str, Any] | str],
              total: dict[str, Any] | None = None) -> tuple[int, int]:
        """Header + rows (a str row is a section line across the table); returns the first and
        last body rows. Columns map 1:1 onto the sheet's first ``len(cols)`` columns, except the
        last, which spans to the right edge."""
        ws, top = self.ws, self.row
        spans = [(j, j) for j in range(1, len(cols) + 1)]
        spans[-1] = (len(cols), self.n)
        for (a, b), col in zip(spans, cols):
            self._boxed(top, a, b, col.header, font(11, bold=True), "center", wrap=True)
        ws.row_dimensions[top].height = 45
        r = top
        for r, row in enumerate(rows, start=top + 1):
            if isinstance(row, str):
                self._boxed(r, 1, self.n, row, font(11, bold=True), "left")
                continue
            for (a, b), col in zip(spans, cols):
                self._boxed(r, a, b, row.get(col.key), font(11), col.align, wrap=True,
                            fmt=col.fmt)
            self.fit_height(r, [(row.get(c.key), self.span_width(a, b))
                                for (a, b), c in zip(spans, cols)])
        if total:
            r += 1
            for (a, b), col in zip(spans, cols):
                self._boxed(r, a, b, total.get(col.key), font(11, bold=True), col.align,
                            fmt=col.fmt)
        self.row = r + 2
        return top + 1, r

    def span_width(self, a: int, b: int) -> float:
        return sum(self.ws.column_dimensions[get_column_letter(j)].width or 8
                   for j in range(a, b + 1))

    def fit_height(self, row: int, cells: list[tuple[Any, float]]) -> None:
        """Row height for wrapped text (LibreOffice and Excel keep a written height; a
        computed one prints the same everywhere)."""
        lines = 1
        for value, width in cells:
            if isinstance(value, str) and value:
                per_line = max(1.0, width * 1.1)
                lines = max(lines, sum(math.ceil(max(len(part), 1) / per_line)
                                       for part in value.split("\n")))
        if lines > 1:
            self.ws.row_dimensions[row].height = 15 * lines

    def _boxed(self, row: int, a: int, b: int, value: Any, style: Font, align: str,
               wrap: bool = False, fmt: str | None = None) -> None:
        cell = set_cell(self.ws, row, a, value)
        cell.font = style
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
        if fmt and not isinstance(value, str):
            cell.number_format = fmt
        for j in range(a, b + 1):
            self.ws.cell(row=row, column=j).border = BOX
        if b > a:
            self.ws.merge_cells(start_row=row, start_column=a, end_row=row, end_column=b)

    def reserve(self, rows: int) -> int:
        """Keep ``rows`` empty rows (for a chart); returns the first."""
        first = self.row
        self.row += rows + 1
        return first

    def signature(self, recipients: Sequence[str]) -> None:
        c, L, n, r = self.config, self.left_span, self.n, self.row
        self.text(r, 1, L, "Nơi nhận:", font(12, bold=True, italic=True), align="left")
        for i, who in enumerate(recipients, start=1):
            self.text(r + i, 1, L, f"- {who}", font(11), align="left")
        self.text(r, L + 1, n, c.get("thay_mat") or "TM. BAN CHẤP HÀNH", font(13, bold=True))
        self.text(r + 1, L + 1, n, (c.get("chuc_vu_ky") or "").upper(), font(13, bold=True))
        self.text(r + 5, L + 1, n, c.get("nguoi_ky") or "", font(13, bold=True))
        self.row = r + 6
        self.ws.print_area = f"A1:{get_column_letter(n)}{self.row}"
