"""Validating the rows of many workbooks at once: one frame per sheet, the rules run once.

``consolidate`` reads each returned group workbook on its own (in threads, or on Dask workers)
and checks the rows against the master's set-up. Running the engine once per workbook costs
every rule's pandas overhead on every small frame; here the rows of all the workbooks are
stacked, one frame per sheet with each row's workbook in a column (``SOURCE``), the rules run
once, and each finding goes back to its own workbook: the same findings, in the same order, as
checking each workbook alone with ``validate_data`` (rows of different workbooks are never
compared here; across files, the merge judges them).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import chain
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .. import schema
from ..findings import Finding
from ..reading import ROW, WorkbookData
from ..row_columns import row_block
from .engine import DATA_KEYS, SOURCE, Context, Rule, Source, default_rules, run_rules
from .lookups import Lookups
from .report import ValidationReport

Rows = Mapping[str, Sequence[Mapping[str, Any]]]  # sheet key -> rows (column key -> value)


def validate_rows(
    sources: Sequence[Source],
    rows: Sequence[Rows],
    ref: Lookups,
    *,
    rules: Iterable[Rule] | None = None,
) -> list[list[Finding]]:
    """Findings per workbook against ``ref``'s set-up, each list in ``validate_data``'s order.

    ``rows[i]`` holds the data sheets of ``sources[i]`` as the reader typed them: dicts with
    every column of the sheet and the Excel row number (``ROW``); other keys are ignored.
    Workbooks whose sheets have other columns found are checked in separate passes, since a
    rule skips a column the workbook lacks.
    """
    chosen = default_rules() if rules is None else list(rules)
    by_layout: dict[tuple, list[int]] = defaultdict(list)
    for i, (source, tables) in enumerate(zip(sources, rows)):
        keys = [k for k in DATA_KEYS if k in tables]
        by_layout[tuple((k, frozenset(source.columns.get(k, {}))) for k in keys)].append(i)
    out: list[list[Finding]] = [[] for _ in sources]
    for members in by_layout.values():
        ctx = Context(
            _stack([rows[i] for i in members]),
            [sources[i] for i in members],
            ref,
            check_setup=False,
            isolated=True,
        )
        run_rules([ctx], chosen)
        for i, found in zip(members, ctx.found):
            # Two rules may flag the same cell for the same reason: report it once.
            out[i] = ValidationReport(findings=list(dict.fromkeys(found))).sort().findings
    return out


def _stack(tables: list[Rows]) -> dict[str, pd.DataFrame]:
    """One object frame per data sheet, like the reader's, with each row's workbook."""
    out = {}
    for key in DATA_KEYS:
        if key not in tables[0]:
            continue
        parts = [t[key] for t in tables]
        columns = [*(c.key for c in schema.master_columns(schema.SHEETS[key])), ROW]
        block = row_block(list(chain.from_iterable(parts)), columns)
        frame = pd.DataFrame(block.T, columns=columns, dtype=object, copy=False)
        frame[SOURCE] = np.repeat(np.arange(len(parts)), [len(p) for p in parts])
        out[key] = frame
    return out


def stacked_contexts(datas: Sequence[WorkbookData], ref: Lookups) -> list[Context]:
    """The data sheets of ``datas`` (checked against ``ref``'s set-up) stacked, one context per
    layout (a rule skips a column a workbook lacks), whose rows batch rules compare as they
    compare separate contexts' (a registration made in two group workbooks is found, the
    earlier workbook's row first): the rules run once per layout, not once per workbook.
    Each context's ``books`` say which of ``datas`` its sources are."""
    by_layout: dict[tuple, list[int]] = defaultdict(list)
    for i, d in enumerate(datas):
        keys = [k for k in DATA_KEYS if k in d.tables]
        layout = tuple(
            (k, frozenset(d.columns.get(k, {})), tuple(d.tables[k].columns)) for k in keys
        )
        by_layout[layout].append(i)
    contexts = []
    for members in by_layout.values():
        tables = {}
        for key in (k for k in DATA_KEYS if k in datas[members[0]].tables):
            frames = [datas[i].tables[key] for i in members]
            frame = pd.concat(frames, ignore_index=True)
            frame[SOURCE] = np.repeat(np.arange(len(frames)), [len(f) for f in frames])
            tables[key] = frame
        sources = [Source.of(datas[i]) for i in members]
        contexts.append(Context(tables, sources, ref, check_setup=False, books=members))
    return contexts
