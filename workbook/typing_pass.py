"""The reader's typing pass, column by column.

A sheet's body arrives as rows of raw cells; it is typed per column: each column's distinct
values are typed once and mapped onto the column, blank rows are found from each column's few
distinct blank values, and only the cells whose value needs a finding (a value that could not be
typed, control characters, text longer than a cell) are visited one by one. The result equals a
row-by-row pass with a per-column cache of typed values, findings in row then column order.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .cell_checks import without_controls
from .excel_dates import WINDOWS_1900
from .ooxml import MAX_CELL_CHARS
from .text import clean_text
from .values import BadValue, convert, is_blank, to_text


class Odd(NamedTuple):
    """A cell that needs a finding: bad (``reason`` set, value kept as text) or troubled text
    (``chars`` control characters replaced, ``length`` over the cell limit, else 0)."""

    pos: int  # position in the kept rows
    column: int  # position in the mapped columns
    value: Any  # the raw cell
    typed: Any  # what the frame holds
    reason: str | None = None
    chars: list[str] | None = None
    length: int = 0


def body_columns(rows: list[list[Any]], first: int, js: list[int]) -> list[list[Any]]:
    """The raw cells of columns ``js`` from row ``first`` on, one list per column (None past a
    short row's end)."""
    body = rows[first:]
    if not body or not js:
        return [[] for _ in js]
    lengths = list(map(len, body))
    if min(lengths) > max(js):  # long enough, as calamine's rows are
        if max(lengths) <= 2 * len(js):  # few other columns: transposing them all is cheapest
            every = list(zip(*body))
            return [list(every[j]) for j in js]
        return [[r[j] for r in body] for j in js]
    return [[r[j] if j < len(r) else None for r in body] for j in js]


def blank_rows(columns: list[list[Any]], count: int) -> list[int]:
    """Positions of the rows whose every cell is blank (all rows when there are no columns)."""
    candidates: list[int] | range = range(count)
    for column in columns:
        # exact objects: NaN found by identity; text starting with a visible ASCII character
        # (codes, most names) is not blank, told without a call
        blanks = {
            v
            for v in set(column)
            if not (v.__class__ is str and "!" <= v[:1] <= "~") and is_blank(v)
        }
        if not blanks:
            return []
        candidates = [i for i in candidates if column[i] in blanks]
        if not candidates:
            return []
    return list(candidates)


def keep_rows(columns: list[list[Any]], count: int) -> tuple[list[list[Any]], list[int]]:
    """(columns without their blank rows, 0-based positions of the rows kept)."""
    blank = blank_rows(columns, count)
    if not blank:
        return columns, list(range(count))
    dropped = set(blank)
    kept = [i for i in range(count) if i not in dropped]
    return [[column[i] for i in kept] for column in columns], kept


def type_column(
    values: list[Any], column_type: str, index: int, epoch: dt.datetime = WINDOWS_1900
) -> tuple[list[Any], list[Odd]]:
    """(typed values, cells needing a finding in row order) for one column's kept cells;
    ``epoch``: the workbook's date system, for dates given as bare serials."""
    if bool in set(map(type, values)):
        return _type_in_order(values, column_type, index, epoch)
    typer = _TEXT_TYPERS.get(column_type) or partial(convert, column_type=column_type, epoch=epoch)
    typed_of: dict[Any, Any] = {}
    odd: dict[Any, tuple] = {}  # value -> (reason,) or (chars, length)
    keep_lines = _KEEP_LINES.get(column_type)
    for value in dict.fromkeys(values):  # first of each run of equal values, as a cache does
        if value.__class__ is str and value.isprintable() and len(value) <= MAX_CELL_CHARS:
            if keep_lines is not None:  # the common cell, typed inline: nothing to report
                typed_of[value] = _plain_text(value, keep_lines)
                continue
            typed_input, problems = value, None
        else:
            typed_input, problems = _controls(value)
        try:
            typed_of[value] = typer(typed_input)
        except BadValue as err:
            typed_of[value] = None
            odd[value] = (err.reason,)
            continue
        if problems:
            odd[value] = problems
    typed = list(map(typed_of.__getitem__, values))
    if not odd:
        return typed, []
    cells = []
    for pos, value in enumerate(values):
        if value in odd:
            found = odd[value]
            if len(found) == 1:
                typed[pos] = to_text(value)
                cells.append(Odd(pos, index, value, typed[pos], reason=found[0]))
            else:
                cells.append(Odd(pos, index, value, typed[pos], chars=found[0], length=found[1]))
    return typed, cells


def object_frame(keys: list[str], columns: dict[str, list[Any]], count: int) -> pd.DataFrame:
    """A frame of object columns ``keys`` (None for a key not in ``columns``) in one block,
    holding the Python objects as they are: no inference of str or number dtypes."""
    block = np.full((len(keys), count), None, dtype=object)
    for i, key in enumerate(keys):
        if key in columns:  # fromiter, unlike array(), never looks inside the values
            block[i] = np.fromiter(columns[key], dtype=object, count=count)
    return pd.DataFrame(block.T, columns=keys, dtype=object, copy=False)


def _text(value: Any, keep_lines: bool) -> Any:
    """``convert`` for the text and code columns, without its dispatch for the common str."""
    if value.__class__ is not str:
        return to_text(value, keep_lines=keep_lines)
    return _plain_text(value, keep_lines)


def _plain_text(value: str, keep_lines: bool) -> str | None:
    """``to_text`` of a str."""
    if value.isascii() and value.isprintable():  # no control, invisible or composed character
        return " ".join(value.split()) or None  # what clean_text leaves of such text
    typed_texts = _TYPED_TEXTS[keep_lines]
    typed = typed_texts.get(value, _UNSEEN)
    if typed is _UNSEEN:
        if len(typed_texts) >= _TYPED_TEXTS_MAX:
            typed_texts.clear()
        typed = None if is_blank(value) else clean_text(value, keep_lines=keep_lines)
        typed_texts[value] = typed
    return typed


# Vietnamese text typed once across the workbooks of a batch (movements, titles, statuses and
# many names recur from group to group; normalising is most of the typing pass), by
# ``keep_lines``; bounded, and safe to share between threads (a race only types a text twice).
_TYPED_TEXTS: tuple[dict[str, str | None], dict[str, str | None]] = ({}, {})
_TYPED_TEXTS_MAX = 100_000
_UNSEEN: Any = object()


_KEEP_LINES = {"text": True, "code": False}  # convert's text types: to_text(keep_lines=...)
_TEXT_TYPERS = {"text": partial(_text, keep_lines=True), "code": partial(_text, keep_lines=False)}


def _controls(value: Any) -> tuple[Any, tuple[list[str], int] | None]:
    """(value to type, (control characters, length over the limit) when the text has either)."""
    if value.__class__ is not str:
        return value, None
    typed_input, chars = without_controls(value)
    length = len(value) if len(value) > MAX_CELL_CHARS else 0
    return typed_input, (chars, length) if chars or length else None


def _type_in_order(
    values: list[Any], column_type: str, index: int, epoch: dt.datetime
) -> tuple[list[Any], list[Odd]]:
    """Cell by cell with a cache, for a column holding True/False: True == 1 == 1.0 share a
    hash, so a boolean is never looked up but its typed value is cached for the number."""
    cache: dict[Any, Any] = {}
    troubled: dict[str, tuple[list[str], int]] = {}
    typed: list[Any] = []
    cells: list[Odd] = []
    for pos, value in enumerate(values):
        if value.__class__ is not bool and value in cache:
            typed.append(cache[value])
            if value in troubled:
                cells.append(
                    Odd(
                        pos,
                        index,
                        value,
                        typed[-1],
                        chars=troubled[value][0],
                        length=troubled[value][1],
                    )
                )
            continue
        typed_input, problems = _controls(value)
        if problems:
            troubled[value] = problems
        try:
            cache[value] = convert(typed_input, column_type, epoch)
            typed.append(cache[value])
        except BadValue as err:
            typed.append(to_text(value))
            cells.append(Odd(pos, index, value, typed[-1], reason=err.reason))
            continue
        if problems:
            cells.append(Odd(pos, index, value, typed[-1], chars=problems[0], length=problems[1]))
    return typed, cells
