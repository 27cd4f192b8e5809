"""Big output tables written as worksheet XML instead of openpyxl cells, when the save allows.

The score table of a provincial master has a hundred thousand rows; openpyxl spends some twenty
microseconds per cell creating, styling and writing it. When the output sheets are redrawn on a
hollow copy (``hollow.py``), the rows after a table's first body row are spelled here instead,
with the style indexes openpyxl gave that first row, and go into the sheet after openpyxl has
saved it. Elsewhere (a whole load, a new workbook) ``sink_for`` answers None and the table is
drawn cell by cell as before: the same cells either way.

Rows come as a frame's columns (``column_values``), never as a dict per row: a shortlist's
tables hold three million cells, and a dict per row cost more than spelling them.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar
from math import isfinite
from typing import Any, Iterator, Sequence

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from pandas.core.dtypes.cast import maybe_box_native

from .excel_dates import WINDOWS_1900
from .layout import as_written
from .sheet_xml import rows_xml

Sink = dict[str, dict[int, bytes]]  # sheet title -> row number -> the row's XML
_SINK: ContextVar[Sink | None] = ContextVar("deferred_rows", default=None)
# Types a cell takes as they are (``rows_xml`` spells each); any other type in a column of
# objects (a NumPy scalar, a Timestamp) is first made what ``to_dict('records')`` makes it.
PLAIN = frozenset({str, int, float, bool, dt.date, dt.datetime, type(None)})


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


def column_values(frame: pd.DataFrame, key: str) -> list[Any]:
    """A frame column's values as ``frame.to_dict('records')`` gives them and a cell takes
    them (``as_written``: a midnight datetime is a date); a key the frame lacks is blank, and
    so is a number that is not finite (openpyxl writes NaN as an empty value)."""
    if key not in frame:
        return [None] * len(frame)
    series = frame[key]
    values = series.tolist()  # Python scalars for numeric columns, as to_dict boxes them
    if series.dtype == object:
        kinds = set(map(type, values))
        if not kinds <= PLAIN:
            values = [as_written(maybe_box_native(v)) for v in values]
        elif dt.datetime in kinds:
            values = [as_written(v) for v in values]
        if float in kinds or not kinds <= PLAIN:
            values = [None if type(v) is float and not isfinite(v) else v for v in values]
    elif isinstance(series.dtype, np.dtype) and series.dtype.kind in "iub":
        pass  # integers and booleans: as_written leaves them alone
    elif isinstance(series.dtype, np.dtype) and series.dtype.kind == "f":
        bad = ~np.isfinite(series.to_numpy())
        for i in np.flatnonzero(bad).tolist():
            values[i] = None
    else:
        values = [as_written(v) for v in values]
    return values


def columns_xml(
    ws: Worksheet,
    numbers: list[int],
    columns: list[int],
    values: Sequence[list[Any]],
    styles: list[int],
) -> dict[int, bytes]:
    """Rows given as columns (``values[k]`` holds column ``columns[k]``'s value in each row,
    already ``as_written``) with the given style indexes, as openpyxl's ``set_cell`` would leave
    them; spelled a column at a time."""
    epoch = getattr(ws.parent, "epoch", WINDOWS_1900)
    letters = [get_column_letter(column) for column in columns]
    spelled = rows_xml(numbers, letters, [str(s) for s in styles], values, epoch)
    return dict(zip(numbers, spelled))
