"""Writing the merge plan into the master: atomically, with a backup, keeping people's work.

The zip-level fast path (``zip_package``) is tried first: it rewrites only the data sheets' XML and
the ledger, and copies every other part of the package byte for byte (set-up sheets, VBA project,
pictures). When the master holds something that path does not handle, the openpyxl path below
does the same job on the loaded workbook. Both keep manual columns (table columns that are not in
the schema) with their rows, leave rows typed into the master untouched, and append the run to
``Nhật ký``.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from functools import partial
from pathlib import Path
from typing import Any, Mapping

from openpyxl.styles import Border
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from .. import schema
from ..errors import ThiduaError
from ..layout import BODY_FONT, THIN, set_cell
from ..ooxml import MAX_ROWS
from ..outputs import LogEntry, append_log, log_rows
from ..safe_io import atomic_write
from ..sheet_xml import Unsupported
from ..writing import load_for_edit
from ..zip_raw import Segment
from .merge import OutRow
from .zip_package import rewrite_package


class TooManyRows(ThiduaError):
    code = "too-many-rows"


def check_row_limit(sheet_key: str, rows: int) -> None:
    """Refuse, before anything is written, a data sheet longer than Excel allows."""
    if rows + 1 > MAX_ROWS:
        raise TooManyRows(
            f"Trang '{schema.SHEETS[sheet_key].name}' sẽ có {rows:,} dòng, quá giới hạn "
            f"{MAX_ROWS - 1:,} dòng của Excel; chưa có gì được ghi. Hãy gộp theo "
            "từng đơn vị (nhiều sổ chính).".replace(",", ".")
        )


def write_master(
    master: Path,
    rows_by_sheet: dict[str, list[OutRow]],
    entry: LogEntry,
    *,
    fast: bool = True,
    patch: bool = False,
    segments: Mapping[str, list[Segment]] | None = None,
    segments_out: dict[str, list[Segment]] | None = None,
    now: dt.datetime | None = None,
) -> tuple[Path | None, str]:
    """Write the data sheets and the ledger; returns (backup path, 'zip' | 'openpyxl').

    ``patch``: the master is the file the zip writer last wrote, with its data sheets in
    ``segments`` (``zip_patch``); ``segments_out`` receives the segments written."""
    now = now or dt.datetime.now()
    for key, rows in rows_by_sheet.items():
        check_row_limit(key, len(rows))
    # the zip writer: patching its own file first (its rows need no second look), then whole
    attempts = ([True] if patch else []) + [False] if fast else []
    for patched in attempts:
        if segments_out is not None:
            segments_out.clear()  # an attempt that gave up leaves nothing behind
        try:
            backup = atomic_write(
                master,
                partial(
                    rewrite_package,
                    master,
                    rows_by_sheet=rows_by_sheet,
                    log_rows=log_rows(entry, now),
                    patch=patched,
                    segments=segments,
                    segments_out=segments_out,
                ),
            )
            return backup, "zip"
        except Unsupported:
            pass
    wb = load_for_edit(master)
    for key, rows in rows_by_sheet.items():
        write_table_rows(wb[schema.SHEETS[key].name], key, rows)
    append_log(wb, entry, now)
    return atomic_write(master, wb.save), "openpyxl"


BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_table_rows(ws: Worksheet, sheet_key: str, rows: list[OutRow]) -> None:
    """openpyxl path: rebuild a data table's body from the plan, manual columns following."""
    sheet = schema.SHEETS[sheet_key]
    table = ws.tables[sheet.table]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    by_header = {c.header: c for c in schema.master_columns(sheet)}
    columns = [by_header.get(ws.cell(min_row, c).value) for c in range(min_col, max_col + 1)]
    snapshot: dict[int, list[tuple[Any, str, str, Any, Any]]] = {}
    for r in range(min_row + 1, max_row + 1):
        snapshot[r] = [
            (cell.value, cell.data_type, cell.number_format, copy(cell.font), copy(cell.border))
            for cell in (ws.cell(r, c) for c in range(min_col, max_col + 1))
        ]
    for r in range(min_row + 1, max(max_row, min_row + len(rows)) + 1):
        for c in range(min_col, max_col + 1):
            ws.cell(r, c).value = None
    for i, row in enumerate(rows, start=1):
        r = min_row + i
        old = snapshot.get(row.origin) if row.origin else None
        for j, col in enumerate(columns):
            c = min_col + j
            if row.values is None or col is None:
                if old is not None:
                    value, data_type, fmt, font, border = old[j]
                    cell = ws.cell(r, c)
                    cell.value = value
                    cell.data_type = data_type  # formulas stay formulas, text stays text
                    cell.number_format, cell.font, cell.border = fmt, font, border
                continue
            cell = set_cell(ws, r, c, row.values.get(col.key), col)
            cell.font, cell.border = BODY_FONT, BORDER
    last = min_row + max(len(rows), 1)
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
