"""Drawing a check's findings where officers act on them: the ``Kiểm tra`` sheet and marked cells.

Each offending cell gets a fill and a comment by author "thidua" listing its findings. Our marks
are recognisable (that author, two fill colours of our own), so the next run removes exactly
those before marking again: fixed cells lose their highlight. Values are never changed, and a
cell people coloured themselves keeps its colour (it only gets the comment).

Which file gets them (the master in place, a group's receipt copy) is ``checking``'s business.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .. import schema
from ..findings import Finding, title_of
from ..layout import FONT_NAME, print_setup, sheet_ref, write_table
from ..outputs import CellEdit
from .marks import NOTE_AUTHOR, SKIP_SHEETS, cells_to_mark, fill_to_set, is_our_fill, note_text

AUTHOR = NOTE_AUTHOR
LINK_FONT = Font(name=FONT_NAME, size=11, color="0563C1", underline="single")
CHECKS = schema.sheet("kiem_tra")


def checks_writer(findings: list[Finding], linked_file: str) -> Callable[[Worksheet], None]:
    """Draw the Kiểm tra table; the cell column links to the cell in ``linked_file``."""

    def write(ws: Worksheet) -> None:
        rows = [
            {
                "muc_do": f.severity,
                "loai": title_of(f.code),
                "ma_loi": f.code,
                "tep": f.file,
                "trang": f.sheet,
                "o": f.cell,
                "khoa": f.row_key,
                "gia_tri": f.value,
                "noi_dung": f.message,
            }
            for f in findings
        ]
        write_table(ws, CHECKS, rows, dropdowns=False)
        cell_col = CHECKS.keys.index("o") + 1
        message_col = CHECKS.keys.index("noi_dung") + 1
        for i, f in enumerate(findings, start=2):
            ws.cell(row=i, column=message_col).alignment = Alignment(wrap_text=True, vertical="top")
            if f.cell and f.sheet and f.file == linked_file:
                cell = ws.cell(row=i, column=cell_col)
                cell.hyperlink = Hyperlink(
                    ref=cell.coordinate,
                    location=sheet_ref(f.sheet, f.cell),
                    tooltip=f"Đến ô {f.cell} trang {f.sheet}",
                )
                cell.font = LINK_FONT
        ws.freeze_panes = "A2"
        print_setup(ws, CHECKS.landscape)

    return write


def _fill_colour(cell) -> str | None:
    """The cell's fill colour for the marking rule; None when it has no fill. A patterned
    fill gives its pattern's name: never one of our shades, so a person's choice."""
    fill = cell.fill
    if fill is None or fill.fill_type is None:
        return None
    return str(fill.fgColor.rgb or "") if fill.fill_type == "solid" else fill.fill_type


def _is_ours(cell) -> tuple[bool, bool]:
    """(our comment, our fill) on a cell."""
    comment = cell.comment is not None and cell.comment.author == AUTHOR
    return comment, is_our_fill(_fill_colour(cell))


def clear_marks(ws: Worksheet) -> int:
    """Remove our comments and fills from a sheet; returns how many cells were cleared."""
    cleared = 0
    for cell in list(ws._cells.values()):  # existing cells only: never creates blank ones
        comment, fill = _is_ours(cell)
        if comment:
            cell.comment = None
        if fill:
            cell.fill = PatternFill(fill_type=None)
        cleared += comment or fill
    return cleared


def highlighter(findings: list[Finding], file: str) -> CellEdit:
    """An ``edit`` for rewrite_outputs: clear old marks, mark the cells of ``file``'s findings.
    It names the cells it marks and our shades, so a big master loads only those cells and
    the cells holding an old mark."""

    def edit(wb: Workbook) -> None:
        for ws in wb.worksheets:
            if ws.title not in SKIP_SHEETS:
                clear_marks(ws)
        for (sheet, ref), found in cells_to_mark(findings, file, wb.sheetnames).items():
            cell = wb[sheet][ref]
            if isinstance(cell, MergedCell):
                continue
            if fill := fill_to_set(_fill_colour(cell), found):
                cell.fill = PatternFill("solid", fgColor=fill)
            cell.comment = Comment(note_text(found), AUTHOR, height=60 + 50 * len(found), width=360)

    marked: dict[str, set[str]] = defaultdict(set)
    for sheet, ref in cells_to_mark(findings, file, {f.sheet for f in findings}):
        marked[sheet].add(ref)
    return CellEdit(edit, marked, is_our_fill, skip=SKIP_SHEETS)
