"""Big output tables written as worksheet XML instead of openpyxl cells, when the save allows.

The score table of a provincial master has a hundred thousand rows; openpyxl spends some twenty
microseconds per cell creating, styling and writing it. When the output sheets are redrawn on a
hollow copy (``hollow.py``), the rows after a table's first body row are spelled here instead,
with the style indexes openpyxl gave that first row, and go into the sheet after openpyxl has
saved it. Elsewhere (a whole load, a new workbook) ``sink_for`` answers None and the table is
drawn cell by cell as before: the same cells either way.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .excel_dates import WINDOWS_1900
from .layout import as_written
from .sheet_xml import column_cells

Sink = dict[str, dict[int, bytes]]  # sheet title -> row number -> the row's XML
_SINK: ContextVar[Sink | None] = ContextVar("deferred_rows", default=None)


@contextmanager
def deferring() -> Iterator[Sink]:
    """Tables drawn inside this block leave their rows after the first in the sink."""
    sink: Sink = {}
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def sink_for(ws: Worksheet) -> dict[int, bytes] | None:
    sink = _SINK.get()
    return None if sink is None else sink.setdefault(ws.title, {})


def rows_xml(
    ws: Worksheet, numbers: list[int], columns: list[int], rows: list[list[Any]], styles: list[int]
) -> dict[int, bytes]:
    """Rows of values (one list per row, a value per column number) with the given style
    indexes, as openpyxl's ``set_cell`` would leave them (a midnight datetime is a date; text
    starting with '=' stays text); built a column at a time."""
    epoch = getattr(ws.parent, "epoch", WINDOWS_1900)
    texts = [str(n) for n in numbers]
    cells = [
        column_cells(
            get_column_letter(column),
            str(style),
            texts,
            [as_written(row[k]) for row in rows],
            epoch,
        )
        for k, (column, style) in enumerate(zip(columns, styles))
    ]
    return {
        n: ('<row r="%d">' % n + "".join(row) + "</row>").encode("utf-8")
        for n, row in zip(numbers, zip(*cells))
    }
