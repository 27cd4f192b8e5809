"""Highlighting offending cells in the live workbook, and clearing last run's highlights.

The same marks, by the same rule, as the CLI puts in a file (``workbook.validation.marks``): a
note listing the findings and, unless someone coloured the cell, a fill in one of our two
shades. A note is ours when its text starts with a severity tag; only our notes and our fills
are removed, so fixed cells lose their mark and a colour someone chose stays.
"""

from __future__ import annotations

import contextlib

from workbook.findings import Finding
from workbook.validation.marks import (
    SKIP_SHEETS,
    cells_to_mark,
    fill_to_set,
    is_our_fill,
    is_our_note,
    note_text,
)


def _colour(cell):
    """The cell's fill: (r, g, b) on the desktop, None when it has none. xlwings' remote
    engine cannot read it; the cell then counts as not filled, so it gets our shade."""
    try:
        return cell.color
    except NotImplementedError:
        return None


def clear_live_marks(book) -> int:
    """Remove our notes (and our fills on those cells) from every data sheet."""
    cleared = 0
    for sheet in book.sheets:
        if sheet.name in SKIP_SHEETS:
            continue
        with contextlib.suppress(NotImplementedError):  # an engine without notes has none
            for note in list(sheet.notes):
                if is_our_note(note.text):
                    cell = note.parent
                    note.delete()
                    if is_our_fill(_colour(cell)):
                        cell.color = None
                    cleared += 1
    return cleared


def mark(book, findings: list[Finding], file: str) -> int:
    """Fill and annotate the cells of ``file``'s findings; returns the number of cells marked."""
    by_cell = cells_to_mark(findings, file, [s.name for s in book.sheets])
    for (sheet, ref), found in by_cell.items():
        cell = book.sheets[sheet].range(ref)
        if fill := fill_to_set(_colour(cell), found):
            cell.color = "#" + fill
        with contextlib.suppress(NotImplementedError):  # xlwings' remote engine for VBA clients
            if cell.note is not None:
                cell.note.delete()
            cell.add_note(note_text(found))
    return len(by_cell)
