"""How often Python's cycle collector runs while thidua works.

A run on a big batch or master makes millions of small objects (rows, cells, XML pieces, the
state a consolidation keeps), and with Python's default thresholds the collector scans the young
objects every 700 allocations and the whole heap again and again: a fifth of a consolidation's
time, a third of a shortlist's. thidua makes few reference cycles, so it asks for collections
far less often while it runs and gives the previous thresholds back after. Set at the edges
(the ``thidua`` command, each Excel button), not inside library functions: it is process-wide.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (100_000, 50, 100)  # young objects before a collection; the older generations'


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect less often inside the block (never more often than the caller asked)."""
    before = gc.get_threshold()
    gc.set_threshold(*(max(mine, theirs) for mine, theirs in zip(THRESHOLDS, before)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
