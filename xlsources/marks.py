"""Highlighting offending cells in the live workbook, and clearing last run's highlights.

The same marks the CLI puts in a file (workbook.validation.sheet): a fill in one of our two
shades and a note listing the findings. A note is ours when its text starts with a severity tag
("[Lỗi]" / "[Cảnh báo]"); only our notes and fills are removed, so fixed cells lose their mark
and a colour someone chose stays.
"""
from __future__ import annotations

import contextlib
from collections import defaultdict

from workbook import schema
from workbook.findings import ERROR, WARNING, Finding
from workbook.validation.sheet import FILL_RGB

TAGS = tuple(f"[{s}]" for s in (ERROR, WARNING))
OURS = {"#" + rgb.lower() for rgb in FILL_RGB.values()}
SKIP = {s.name for s in schema.OUTPUT_SHEETS} | {schema.STAMP.name}


def _is_our_note(text: str | None) -> bool:
    text = (text or "").lstrip()
    if text.startswith("thidua:"):
        text = text.split("\n", 1)[-1].lstrip()
    return text.startswith(TAGS)


def clear_marks(book) -> int:
    """Remove our notes (and our fills on those cells) from every data sheet."""
    cleared = 0
    for sheet in book.sheets:
        if sheet.name in SKIP:
            continue
        with contextlib.suppress(Exception):  # an engine without notes has none of ours
            for note in list(sheet.notes):
                if _is_our_note(note.text):
                    cell = note.parent
                    note.delete()
                    if str(cell.color or "").lower() in OURS or cell.color is None:
                        cell.color = None
                    cleared += 1
    return cleared


def mark(book, findings: list[Finding], file: str) -> int:
    """Fill and annotate the cells of ``file``'s findings; returns the number of cells marked."""
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    names = {s.name for s in book.sheets}
    for f in findings:
        if f.file == file and f.cell and f.sheet in names and f.sheet not in SKIP:
            by_cell[(f.sheet, f.cell)].append(f)
    for (sheet, ref), found in by_cell.items():
        cell = book.sheets[sheet].range(ref)
        worst = ERROR if any(f.severity == ERROR for f in found) else WARNING
        cell.color = "#" + FILL_RGB[worst]
        text = "\n".join(f"[{f.severity}] {f.message}" for f in found)
        with contextlib.suppress(NotImplementedError):  # xlwings' remote engine for VBA clients
            if cell.note is not None:
                cell.note.delete()
            cell.add_note(text)
    return len(by_cell)
