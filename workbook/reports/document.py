"""A union document on a worksheet, laid out as Nghị định 30/2020 asks, paginated by us.

Times New Roman; A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; page numbers in the
footer. On the left the upper union and the issuing union (bold, a short rule under it), on the
right the national motto (a rule under the tiêu ngữ); the number and symbol under the union,
place and date in italics under the motto; the title in bold capitals; the body; "Nơi nhận" on
the left and the signature block on the right (TM. BAN CHẤP HÀNH / title / name, from Cấu hình).
An annex (phụ lục) carries "Kèm theo Báo cáo số …" instead of a number of its own.

The body (paragraphs, tables, charts) and the page breaks are ``paged_sheet.PagedSheet``'s; the
signature block, like a chart, is never split.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from ..layout import set_cell
from .page import em, line_height, lines_needed, text_points
from .paged_sheet import BODY, GAP, SMALL, PagedSheet, font
from .wording import MOTTO, recipients, symbol, vn_date

RULE_SIZE = 7  # font size of the underscores that draw the header's rules
HEAD = 13  # font size of the header and the signature
HEADER_ROOM = 48  # width (characters) the motto block needs at 13 pt bold


class Document(PagedSheet):
    """A paginated sheet with the parts of a union document: header, title or annex heading,
    signature block."""

    def __init__(
        self,
        ws: Worksheet,
        widths: Sequence[float],
        config: dict[str, str],
        day: dt.date,
        landscape: bool = True,
    ):
        super().__init__(ws, widths, landscape)
        self.config, self.day = config, day
        self.left_span = self._split()

    def _split(self) -> int:
        """Columns of the left header block: near 45% of the width, leaving the motto room."""
        total = sum(self.widths)
        best, best_gap = 1, None
        for cut in range(1, self.n):
            right = sum(self.widths[cut:])
            if right < HEADER_ROOM and cut > 1:
                break
            gap = abs(sum(self.widths[:cut]) - 0.45 * total)
            if best_gap is None or gap < best_gap:
                best, best_gap = cut, gap
        return best

    def _rule(self, row: int, first: int, last: int, length: float) -> None:
        """A thin line of about ``length`` points centred in columns first..last, drawn with
        underscores (cell borders could only follow the table's columns)."""
        count = max(3, round(length / (em("_") * RULE_SIZE)))
        cell = set_cell(self.ws, row, first, "_" * count)
        self._style(cell, font(RULE_SIZE), "center", valign="top")
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)

    # -- parts ------------------------------------------------------------------------------

    def header(self, number: bool = True) -> None:
        """The header block; ``number=False`` for an annex (it has no number or date of its
        own)."""
        c, L, n = self.config, self.left_span, self.n
        upper = (c.get("cong_doan_cap_tren") or "").upper()
        own = (c.get("ten_cong_doan") or "").upper()
        own_lines = lines_needed(own, self.span_width(1, L), BODY, True)
        upper_lines = lines_needed(upper, self.span_width(1, L), BODY)
        row = self._advance(upper_lines * line_height(BODY) + 2)
        self.text(row, 1, L, upper, font(BODY), wrap=True)
        self.text(row, L + 1, n, MOTTO[0], font(BODY, bold=True))
        row = self._advance(max(own_lines * line_height(BODY), line_height(HEAD)) + 2)
        self.text(row, 1, L, own, font(BODY, bold=True), wrap=True)
        self.text(row, L + 1, n, MOTTO[1], font(HEAD, bold=True), align="center")
        rules = self._advance(8)
        self._rule(rules, 1, L, text_points(own, BODY, True) / max(own_lines, 1) * 0.4)
        self._rule(rules, L + 1, n, text_points(MOTTO[1], HEAD, True))
        row = self._advance(line_height(HEAD) + 4)
        if number:
            self.text(row, 1, L, f"Số:        {symbol(c)}", font(HEAD))
            self.text(
                row, L + 1, n, vn_date(c.get("dia_danh") or "", self.day), font(HEAD, italic=True)
            )
        self.gap(12)

    def title(self, kind: str, *lines: str) -> None:
        """'BÁO CÁO' and the summary lines under it (bold), a short rule beneath."""
        self._line(kind, 14, bold=True)
        for line in lines:
            self._line(line, HEAD, bold=True)
        longest = max((text_points(x, HEAD, True) for x in lines), default=0.0)
        rule = self._advance(8)
        self._rule(rule, 1, self.n, min(longest, self.span_width(1, self.n) * 6) / 3)
        self.gap(6)

    def annex(self, number: int, title: str, attached_to: str, *more: str) -> None:
        """'Phụ lục N', its title, and '(Kèm theo Báo cáo số …/BC-… ngày … của …)'."""
        self._line(f"Phụ lục {number}", HEAD, bold=True)
        self._line(title, HEAD, bold=True)
        for line in more:
            self._line(line, BODY, bold=True)
        self._line(attached_to, BODY, italic=True)
        self.gap(6)

    def _signature_rows(self, with_recipients: bool) -> list[float]:
        body = line_height(SMALL) + 2
        sign = line_height(HEAD) + 3
        rows = max(len(recipients(self.config)) + 1 if with_recipients else 0, 7)
        return [sign, sign] + [body] * (rows - 2)

    def signature_height(self, with_recipients: bool = True) -> float:
        """Points the signature block takes (for ``table(tail=…)``)."""
        return sum(self._signature_rows(with_recipients)) + 2 * GAP

    def signature(self, with_recipients: bool = True) -> None:
        """'Nơi nhận' (main document only) on the left, the signer on the right; kept on one
        page."""
        c, L, n = self.config, self.left_span, self.n
        lines = recipients(c) if with_recipients else []
        heights = self._signature_rows(with_recipients)
        rows = len(heights)
        self.keep(sum(heights) + GAP)
        self.gap(GAP)
        first = self.row
        for h in heights:
            self._advance(h)
        if with_recipients:
            self.text(first, 1, L, "Nơi nhận:", font(BODY, bold=True, italic=True), align="left")
            for i, line in enumerate(lines, start=1):
                self.text(first + i, 1, L, line, font(SMALL), align="left")
        self.text(first, L + 1, n, c.get("thay_mat") or "TM. BAN CHẤP HÀNH", font(HEAD, True))
        self.text(first + 1, L + 1, n, (c.get("chuc_vu_ky") or "").upper(), font(HEAD, True))
        self.text(first + rows - 1, L + 1, n, c.get("nguoi_ky") or "", font(HEAD, True))
