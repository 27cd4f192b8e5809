"""A union document in Word, laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) asks.

A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman. The header is a
borderless two-column table: on the left the upper union (12 pt, capitals) and the issuing
union (12 pt bold capitals) with a short rule under it, the number and symbol (13 pt) below; on
the right the quốc hiệu (12 pt bold capitals), the tiêu ngữ (13 pt bold) with a rule as long as
itself, the place and date (14 pt italic). Then the kind of document (14 pt bold capitals), the
trích yếu (14 pt bold) and a short rule; the body (14 pt, justified, first line indented 1 cm,
6 pt between paragraphs); "Nơi nhận" (12 pt bold italic, items 11 pt) beside the signature
block (14 pt bold). Page numbers: centred in the top margin, 13 pt, not on the first page.
Places the officer must write are highlighted and bracketed, never passed off as facts.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, Sequence

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell

from ...layout import FONT_NAME
from ..page import text_points
from ..wording import MOTTO, recipients, symbol, vn_date

BODY = 14
LEFT_MM, RIGHT_MM = 62, 103  # header columns: 165 mm of text width
PLACEHOLDER = "[{}]"


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT_NAME
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT_NAME)


def _rule(paragraph, width_mm: float, column_mm: float) -> None:
    """Make an empty paragraph a centred solid line of ``width_mm``: its bottom border, its
    indents narrowing it to that width, the line itself 2 pt high."""
    side = max(0.0, (column_mm - width_mm) / 2)
    paragraph.paragraph_format.line_spacing = Pt(2)
    paragraph.paragraph_format.space_before = Pt(3)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _no_borders(table) -> None:
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    props.append(borders)


def _page_number(paragraph) -> None:
    run = paragraph.add_run()
    _font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def mm_of(text: str, size: float, bold: bool = False) -> float:
    return text_points(text, size, bold) * 25.4 / 72


class WordDoc:
    """Builds one document top to bottom."""

    def __init__(self, config: dict[str, str], day: dt.date):
        self.config, self.day = config, day
        self.doc: WordDocument = new_document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.header_distance, section.footer_distance = Mm(10), Mm(10)
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number(header)
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = FONT_NAME, Pt(BODY)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT_NAME)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)

    # -- building blocks ------------------------------------------------------------------

    def line(
        self,
        text: str,
        size: float = BODY,
        bold: bool = False,
        italic: bool = False,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        target=None,
        before: float = 0,
        after: float = 0,
    ):
        para = (target or self.doc).add_paragraph()
        para.alignment = align
        para.paragraph_format.space_before = Pt(before)
        para.paragraph_format.space_after = Pt(after)
        if text:
            _font(para.add_run(text), size, bold, italic)
        return para

    def _cell_line(
        self,
        cell: _Cell,
        text: str,
        size: float,
        bold: bool = False,
        italic: bool = False,
        first: bool = False,
    ):
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            _font(para.add_run(text), size, bold, italic)
        return para

    def header(self, kind: str | None = "BC") -> None:
        """Header block; ``kind`` is the symbol's document kind ('BC', 'TTr', 'BB'), None for
        an annex (no number or date of its own)."""
        c = self.config
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_borders(table)
        left, right = _widths(table, (LEFT_MM, RIGHT_MM))
        upper = (c.get("cong_doan_cap_tren") or "").upper()
        own = (c.get("ten_cong_doan") or "").upper()
        self._cell_line(left, upper, 12, first=True)
        self._cell_line(left, own, 12, bold=True)
        lines = max(1.0, mm_of(own, 12, True) / (LEFT_MM - 4))
        # Nghị định 30: a line under the issuing body, 1/3 to 1/2 as long as its name.
        _rule(
            self._cell_line(left, "", 2),
            min(LEFT_MM - 4, mm_of(own, 12, True) / lines) * 0.45,
            LEFT_MM - 2,
        )
        self._cell_line(right, MOTTO[0], 12, bold=True, first=True)
        self._cell_line(right, MOTTO[1], 13, bold=True)
        _rule(self._cell_line(right, "", 2), mm_of(MOTTO[1], 13, True), RIGHT_MM - 2)
        if kind:
            self._cell_line(
                left, f"Số:        {symbol(c, kind)}", 13
            ).paragraph_format.space_before = Pt(6)
            self._cell_line(
                right, vn_date(c.get("dia_danh") or "", self.day), 14, italic=True
            ).paragraph_format.space_before = Pt(6)

    def title(self, kind: str, *lines: str, addressee: str | None = None) -> None:
        self.line(kind, 14, bold=True, before=18)
        last = None
        for text in lines:
            last = self.line(text, 14, bold=True)
        if last is not None:
            longest = max(mm_of(t, 14, True) for t in lines)
            _rule(self.line("", 2), min(longest, 165) / 3, 165)
        if addressee:
            self.line(f"Kính gửi: {addressee}", BODY, before=12)
        self.line("", 8)

    def heading(self, text: str) -> None:
        self.line(text, BODY, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6)

    def paragraph(self, *parts: str | tuple[str, str]) -> None:
        """A body paragraph; a part ``("officer", hint)`` is a highlighted place the officer
        fills in."""
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt = para.paragraph_format
        fmt.first_line_indent = Cm(1)
        fmt.space_before = Pt(6)
        for part in parts:
            if isinstance(part, tuple):
                run = para.add_run(PLACEHOLDER.format(part[1]))
                _font(run, BODY, italic=True)
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            else:
                _font(para.add_run(part), BODY)

    def officer(self, hint: str) -> None:
        """A paragraph the officer writes."""
        self.paragraph(("officer", hint))

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object] | str],
        widths_mm: Sequence[float],
        size: float = 12,
        left: Sequence[int] = (1,),
    ) -> None:
        """A bordered table whose header repeats on each page; a str row is a section line
        across the table; columns in ``left`` are aligned left, the others centred."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for head, text in zip(_widths(table, widths_mm), headers):
            self._cell_line(head, str(text), size, bold=True, first=True)
        tbl = table._tbl
        protos: dict[tuple, Any] = {}

        def cell(text: str, width: float, bold: bool, align, span: int = 1):
            """A <w:tc> copied from a prototype built once per look (python-docx's setters
            re-order the XML on every call: a 3,000-line list took half a minute)."""
            key = (width, bold, align, span)
            if key not in protos:
                tc = CT_Tc.new()
                tc.width = Mm(width)
                if span > 1:
                    tc.get_or_add_tcPr().grid_span = span
                proto = _Cell(tc, table)
                self._cell_line(proto, "x", size, bold=bold, first=True).alignment = align
                protos[key] = tc
            tc = copy.deepcopy(protos[key])
            tc.find(f".//{qn('w:t')}").text = text
            return tc

        for values in rows:
            tr = tbl.add_tr()
            # a person's line never breaks across pages (an orphan "hạng 33/60" atop a page)
            tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            if isinstance(values, str):
                tr.append(
                    cell(values, sum(widths_mm), True, WD_ALIGN_PARAGRAPH.LEFT, len(widths_mm))
                )
                continue
            for j, (value, width) in enumerate(zip(values, widths_mm)):
                align = WD_ALIGN_PARAGRAPH.LEFT if j in left else WD_ALIGN_PARAGRAPH.CENTER
                tr.append(cell("" if value is None else str(value), width, False, align))
        _repeat_header(table)
        self.line("", 6)

    def _closing_block(self, table) -> None:
        """A signature table never splits, and the paragraph before it goes with it (a
        signature alone on a page is not accepted)."""
        props = table.rows[0]._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
        paragraphs = self.doc.paragraphs
        if paragraphs:
            paragraphs[-1].paragraph_format.keep_with_next = True

    def signers(self, left: str, right: str) -> None:
        """Two signature blocks side by side (a biên bản: the secretary and the chair), the
        names left for the officer."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        self._closing_block(table)
        for cell, title in zip(_widths(table, (82, 83)), (left, right)):
            first = self._cell_line(cell, title, 14, bold=True, first=True)
            first.paragraph_format.space_before = Pt(12)
            for _ in range(4):
                self._cell_line(cell, "", 14)
            run = cell.add_paragraph()
            run.alignment = WD_ALIGN_PARAGRAPH.CENTER
            hint = run.add_run(PLACEHOLDER.format("Họ và tên"))
            _font(hint, BODY, italic=True)
            hint.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def signature(self, with_recipients: bool = True, items: Sequence[str] | None = None) -> None:
        """'Nơi nhận' (Cấu hình's list, or ``items``) on the left, the signer on the right,
        the signing space between."""
        c = self.config
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        self._closing_block(table)
        left, right = _widths(table, (75, 90))
        if with_recipients:
            para = left.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.LEFT
            para.paragraph_format.space_before = Pt(12)
            _font(para.add_run("Nơi nhận:"), 12, bold=True, italic=True)
            for item in recipients(c) if items is None else items:
                p = left.add_paragraph()
                _font(p.add_run(item), 11)
        first = right.paragraphs[0]
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        first.paragraph_format.space_before = Pt(12)
        _font(first.add_run(c.get("thay_mat") or "TM. BAN CHẤP HÀNH"), 14, bold=True)
        self._cell_line(right, (c.get("chuc_vu_ky") or "").upper(), 14, bold=True)
        for _ in range(4):
            self._cell_line(right, "", 14)
        self._cell_line(right, c.get("nguoi_ky") or "", 14, bold=True)

    def save(self, path) -> None:
        self.doc.save(str(path))


def _widths(table, widths_mm: Sequence[float]) -> list[_Cell]:
    """Column widths in the table grid and on the first row's cells (Word reads the cells,
    LibreOffice the grid); returns the first row's cells."""
    cells = table.rows[0].cells
    for column, cell, width in zip(table.columns, cells, widths_mm):
        column.width = Mm(width)
        cell.width = Mm(width)
    return cells


def _repeat_header(table) -> None:
    """The table's first row repeats at the top of each page it continues on."""
    props = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    props.append(el)
