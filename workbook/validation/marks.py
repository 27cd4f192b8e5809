"""Marking the cells of findings, one rule for a file (openpyxl, ``validation.sheet``) and for
the live workbook (xlwings, ``xlsources.marks``).

A marked cell gets a note listing its findings, each line starting with its severity tag, and,
unless someone coloured the cell, a fill in one of our two shades. A fill in one of those shades
is ours and is replaced or cleared; any other colour was chosen by a person and is kept (the
cell only gets the note). Pure: the two callers read and write the cells.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from .. import schema
from ..findings import ERROR, WARNING, Finding, title_of

NOTE_AUTHOR = "thidua"  # our notes' author: the next run removes exactly those
FILL_RGB: dict[str, str] = {
    ERROR: "F8CBD1",
    WARNING: "FDE9A9",
}  # our own shades: recognised when clearing
NOTE_TAGS = tuple(f"[{s}]" for s in (ERROR, WARNING))
SKIP_SHEETS = frozenset({s.name for s in schema.OUTPUT_SHEETS} | {schema.STAMP.name})


def rgb_hex(colour: Any) -> str:
    """'RRGGBB' (upper case) for the ways a fill colour comes back: openpyxl's 'AARRGGBB',
    xlwings' (r, g, b) or '#rrggbb'; '' for anything else."""
    if isinstance(colour, tuple) and len(colour) == 3:
        return "%02X%02X%02X" % colour
    text = str(colour or "").lstrip("#").upper()
    return text[-6:] if len(text) >= 6 else ""


def is_our_fill(colour: Any) -> bool:
    return rgb_hex(colour) in FILL_RGB.values()


def is_our_note(text: str | None) -> bool:
    """Excel may put the author's name on a first line ("thidua:") before our text."""
    text = (text or "").lstrip()
    if text.startswith("thidua:"):
        text = text.split("\n", 1)[-1].lstrip()
    return text.startswith(NOTE_TAGS)


def worst(found: Iterable[Finding]) -> str:
    return ERROR if any(f.severity == ERROR for f in found) else WARNING


def note_text(found: list[Finding]) -> str:
    """A marked cell's note: each finding's severity (the tag our notes are known by), its
    title as the Kiểm tra sheet shows it, then its message."""
    return "\n".join(f"[{f.severity}] {title_of(f.code)}: {f.message}" for f in found)


def fill_to_set(current: Any, found: list[Finding]) -> str | None:
    """Our shade ('RRGGBB') for a cell with no fill (``current`` None) or with one of ours;
    None to keep a colour someone chose."""
    if current is None or is_our_fill(current):
        return FILL_RGB[worst(found)]
    return None


def cells_to_mark(
    findings: Iterable[Finding], file: str, sheet_names: Iterable[str]
) -> dict[tuple[str, str], list[Finding]]:
    """(sheet, cell) -> findings there, for ``file``'s findings on its data sheets."""
    names = set(sheet_names) - SKIP_SHEETS
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.file == file and f.cell and f.sheet in names:
            by_cell[(f.sheet, f.cell)].append(f)
    return by_cell
