"""A workbook's tables by sheet key: the reader's typed columns, a frame made when first asked.

The reader types a sheet a column at a time. Most callers want a pandas frame, and get one from
``tables[key]``, made on first use. The consolidation reads two hundred group workbooks and
wants their rows as dicts, never a frame: making each frame and taking the rows back out of it
was a sixth of its reading. It asks ``rows``; ``column`` and ``set_value`` serve the reader's
own passes (group codes, legacy text) without a frame.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from itertools import repeat
from typing import Any

import pandas as pd

from .typing_pass import object_frame


class Columns:
    """One sheet's columns as the reader typed them: ``keys`` in order (a key without values
    is a column the file lacks: all None), each column ``count`` values long."""

    __slots__ = ("keys", "values", "count")

    def __init__(self, keys: list[str], values: dict[str, list[Any]], count: int) -> None:
        self.keys, self.values, self.count = keys, values, count

    def frame(self) -> pd.DataFrame:
        return object_frame(self.keys, self.values, self.count)

    def column(self, key: str) -> list[Any]:
        values = self.values.get(key)
        if values is None:
            values = self.values[key] = [None] * self.count
        return values


class Tables(MutableMapping[str, pd.DataFrame]):
    """Sheet key -> frame; a sheet put as ``Columns`` becomes a frame when first indexed."""

    def __init__(self) -> None:
        self._items: dict[str, pd.DataFrame | Columns] = {}

    def put_columns(self, key: str, columns: Columns) -> None:
        self._items[key] = columns

    def __getitem__(self, key: str) -> pd.DataFrame:
        item = self._items[key]
        if isinstance(item, Columns):
            item = self._items[key] = item.frame()
        return item

    def __setitem__(self, key: str, frame: pd.DataFrame) -> None:
        self._items[key] = frame

    def __delitem__(self, key: str) -> None:
        del self._items[key]

    def __contains__(self, key: object) -> bool:  # Mapping's would make the frame
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Tables({list(self._items)})"

    def columns_of(self, key: str) -> dict[str, list[Any]]:
        """The sheet's columns by key (the reader's own lists, when no frame was made)."""
        item = self._items[key]
        if isinstance(item, Columns):
            return {k: item.column(k) for k in item.keys}
        return {c: item[c].tolist() for c in item.columns}

    def column(self, key: str, column: str) -> list[Any] | None:
        """The values of a column in row order (None: the sheet has no such column); the
        reader's own list, when no frame was made, so it is not to be changed in place."""
        item = self._items.get(key)
        if item is None:
            return None
        if isinstance(item, Columns):
            return item.column(column) if column in item.keys else None
        return item[column].tolist() if column in item.columns else None

    def set_value(self, key: str, i: int, column: str, value: Any) -> None:
        """Put ``value`` at position ``i`` of a column the sheet has."""
        item = self._items[key]
        if isinstance(item, Columns):
            item.column(column)[i] = value
        else:
            item.iat[i, item.columns.get_loc(column)] = value

    def rows(self, key: str, also: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """The sheet's rows as dicts (each also holding the items of ``also``, last)."""
        item = self._items[key]
        if not isinstance(item, Columns):
            return records(item, also)
        tail = also or {}
        names = [*item.keys, *tail]
        columns = [*(item.column(k) for k in item.keys), *(repeat(v) for v in tail.values())]
        return [dict(zip(names, values)) for values in zip(*columns)] if item.keys else []


def records(frame: pd.DataFrame, also: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of an object frame as dicts, without pandas' per-cell boxing; each row also holds
    the items of ``also`` (after the frame's columns)."""
    columns = [*frame.columns, *(also or {})]
    tail = list((also or {}).values())
    if len(frame.columns) and all(dtype.kind == "O" for dtype in frame.dtypes):  # the reader's
        rows = frame.to_numpy(dtype=object).tolist()
        if tail:
            return [dict(zip(columns, values + tail)) for values in rows]
        return [dict(zip(columns, values)) for values in rows]
    return [
        dict(zip(columns, (*values, *tail)))
        for values in zip(*(frame[c].tolist() for c in frame.columns))
    ]
