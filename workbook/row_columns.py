"""Columns out of row dicts: the consolidation keeps a batch's rows as dicts (one per Excel row)
and its column-wise steps (checking, writing) want the values a column at a time. Taking each
row's values in one C lookup and turning the block round costs a third of a pass per column
over a hundred thousand scattered dicts."""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

Row = Mapping[str, Any]


def row_block(rows: Sequence[Row | None], keys: Sequence[str]) -> np.ndarray:
    """An object array of shape (len(keys), len(rows)): ``[i, j]`` is ``rows[j].get(keys[i])``
    (None for a row that is None or lacks the key); the values as they are, never looked into."""
    count = len(rows) * len(keys)
    if not count:
        return np.empty((len(keys), len(rows)), dtype=object)
    flat: Iterable[Any]
    if len(keys) == 1:
        flat = map(itemgetter(keys[0]), rows)  # type: ignore[arg-type]
    else:
        flat = chain.from_iterable(map(itemgetter(*keys), rows))  # type: ignore[arg-type]
    try:
        block = np.fromiter(flat, dtype=object, count=count)
    except (KeyError, TypeError):  # a row without every key, or no row at all
        flat = ((row.get(k) if row else None) for row in rows for k in keys)
        block = np.fromiter(flat, dtype=object, count=count)
    return np.ascontiguousarray(block.reshape(len(rows), len(keys)).T)


def row_columns(rows: Sequence[Row | None], keys: Sequence[str]) -> list[list[Any]]:
    """``row_block`` as one list per key."""
    return row_block(rows, keys).tolist()
