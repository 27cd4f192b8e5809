"""A data sheet's rows as a state gives them: columns first, a row a dict only when asked for.

A re-run from the state (``master_rows.StateRows``) plans with a hundred thousand master rows
of which it reads a few columns (the row's place, its owner and source, its key) and looks
whole at the rows of the groups in the batch only. Making a dict of every row cost more than
the rest of the plan; ``SheetRows`` keeps those columns as lists and makes a row's dict when it
is indexed. The steps that walk every row ask ``column`` for the values they read, which is a
list as it is for ``SheetRows`` and a pass over the dicts for rows read whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from ..reading import ROW

Row = dict[str, Any]


class SheetRows(Sequence[Row]):
    """Rows from columns (``ROW`` first); a row read whole replaces its dict (``rows[i] = row``).
    The columns stay those of the state: a row read whole holds the same values in them."""

    def __init__(self, columns: dict[str, list]) -> None:
        self.columns = columns
        self.keys = tuple(columns)
        self.whole: dict[int, Row] = {}  # index -> the row read whole

    def __len__(self) -> int:
        return len(self.columns[ROW])

    @overload
    def __getitem__(self, i: int) -> Row: ...

    @overload
    def __getitem__(self, i: slice) -> list[Row]: ...

    def __getitem__(self, i: int | slice) -> Row | list[Row]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        found = self.whole.get(i)
        if found is not None:
            return found
        if not 0 <= i < len(self):
            raise IndexError(i)
        return dict(zip(self.keys, [values[i] for values in self.columns.values()]))

    def __setitem__(self, i: int, row: Row) -> None:
        self.whole[i if i >= 0 else i + len(self)] = row


def column(rows: Sequence[Row], key: str) -> list[Any]:
    """Each row's value of ``key`` (None where a row lacks it): a state's column as it is."""
    if isinstance(rows, SheetRows) and key in rows.columns:
        return rows.columns[key]
    return [row.get(key) for row in rows]
