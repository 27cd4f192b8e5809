"""Rewriting the master's output sheets, and only those, in one safe save.

Every feature that writes results (validation, scores, shortlist, reports, consolidation's ledger)
goes through ``rewrite_outputs``: it refuses when Excel holds the file, clears each output sheet
in place (keeping its code name, which the VBA project refers to), lets the feature draw it,
protects it, appends a row to ``Nhật ký`` and saves atomically with a backup. People's sheets
are never touched here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from . import schema
from .deferred_rows import deferring
from .errors import NotOurWorkbook
from .hollow import Unsupported, fill_package, hollow_package, kept_fingerprints
from .kept_outlines import keep_outlines, load_outlines
from .layout import protect, set_cell, write_table
from .partial_rows import Partial
from .safe_io import HASH_CHARS, atomic_write, ensure_not_open, file_hash
from .user_cache import note_same_rows
from .writing import load_for_edit

SheetWriter = Callable[[Worksheet], None]


@dataclass
class LogEntry:
    action: str  # Vietnamese, e.g. "Kiểm tra dữ liệu"
    result: str  # one line, Vietnamese
    counts: str = ""
    files: list[tuple[str, str]] = field(default_factory=list)  # (file name, sha256)
    marks: dict[str, str] = field(default_factory=dict)  # sha256 -> data mark (consolidation)


@dataclass(frozen=True)
class CellEdit:
    """An ``edit`` of few cells of the people's sheets (validation's marks): it sets the
    ``cells`` named (A1 references by sheet name) and may clear cells whose fill colour passes
    ``fill``; it never reads the sheets in ``skip``, and reads those in ``whole`` entirely.
    ``rewrite_outputs`` runs it on a copy holding just those cells (``partial_rows``)."""

    apply: Callable[[Workbook], None]
    cells: Mapping[str, Set[str]]
    fill: Callable[[str], bool]
    skip: Set[str] = frozenset()
    whole: Set[str] = frozenset()

    def __call__(self, wb: Workbook) -> None:
        self.apply(wb)


def log_rows(entry: LogEntry, now: dt.datetime) -> list[dict[str, Any]]:
    """The Nhật ký rows of one run (one per file), keyed by the log's column keys."""
    stamp = now.replace(microsecond=0)
    return [
        {
            "thoi_diem": stamp,
            "thao_tac": entry.action,
            "ket_qua": entry.result,
            "so_lieu": entry.counts,
            "tep": name,
            "bam": digest[:HASH_CHARS],
            "dau_du_lieu": entry.marks.get(digest, "") if digest else "",
        }
        for name, digest in (entry.files or [("", "")])
    ]


def clear_sheet(ws: Worksheet) -> None:
    """Empty a sheet in place: cells, tables, validations, merges, formats, pictures, links."""
    if ws.max_row:
        ws.delete_rows(1, ws.max_row)
    ws._tables.clear()
    ws.data_validations.dataValidation = []
    for rng in list(ws.merged_cells.ranges):
        ws.merged_cells.remove(rng)
    ws.conditional_formatting = ConditionalFormattingList()
    ws._images.clear()
    ws._charts.clear()
    ws._hyperlinks.clear()
    ws.row_dimensions.clear()
    ws.freeze_panes = None
    ws.print_title_rows = None


def output_sheet(wb: Workbook, key: str) -> Worksheet:
    sheet = schema.SHEETS[key]
    if sheet.role != "output":
        raise ValueError(f"{key} is not an output sheet")  # a programming error, not user data
    if sheet.name not in wb.sheetnames:
        # An older master without this sheet: add it at the end, before the log.
        index = (
            wb.sheetnames.index(schema.sheet("nhat_ky").name)
            if schema.sheet("nhat_ky").name in wb.sheetnames
            else len(wb.sheetnames)
        )
        return wb.create_sheet(sheet.name, index)
    return wb[sheet.name]


def append_log(wb: Workbook, entry: LogEntry, now: dt.datetime | None = None) -> None:
    log = schema.sheet("nhat_ky")
    ws = output_sheet(wb, "nhat_ky")
    table = ws.tables.get(log.table)
    if table is None:
        clear_sheet(ws)
        write_table(ws, log, [], dropdowns=False)
        table = ws.tables[log.table]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    first_blank = max_row + 1
    if max_row == min_row + 1 and all(
        ws.cell(max_row, c).value is None for c in range(min_col, max_col + 1)
    ):
        first_blank = max_row  # the empty body row of a fresh table
    rows = log_rows(entry, now or dt.datetime.now())
    # By header: an older master's log lacks columns added since (the data mark).
    headers = [ws.cell(min_row, c).value for c in range(min_col, max_col + 1)]
    place = {c.key: min_col + headers.index(c.header) for c in log.columns if c.header in headers}
    for i, values in enumerate(rows):
        for col in log.columns:
            if col.key in place:
                set_cell(ws, first_blank + i, place[col.key], values[col.key], col)
    last = first_blank + len(rows) - 1
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{last}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref


def rewrite_outputs(
    master: str | Path,
    writers: dict[str, SheetWriter],
    log: LogEntry | None = None,
    edit: Callable[[Workbook], None] | None = None,
    make_backup: bool = True,
    fingerprints: Mapping[str, str] | None = None,
    master_sha256: str = "",
) -> Path | None:
    """Redraw the given output sheets of the master; returns the backup's path.

    ``edit`` lets a caller change the workbook beyond output sheets (validation highlighting
    cells); it must not change what people typed. ``make_backup=False`` for a file still being
    made (a receipt's temporary copy). ``fingerprints`` (by sheet key, ``fingerprint``): a sheet
    the master keeps with the same fingerprint already shows what its writer would draw, and
    is left as it is. ``master_sha256``: the master's hash, when the caller has it already.

    Without ``edit`` the other sheets' rows are not loaded (``hollow``): a big master is saved
    in seconds, not minutes; with a ``CellEdit`` only the cells it names are; a package that
    way cannot handle (or any other edit) is loaded whole.
    """
    master = Path(master)
    ensure_not_open(master)
    if edit is None or isinstance(edit, CellEdit):
        master_sha256 = master_sha256 or file_hash(master)
        stored = load_outlines(master_sha256)
        outlines: dict[str, bytes] = {}  # of the sheets stored in segments, filled by the run
        try:
            backup = atomic_write(
                master,
                partial(
                    _redraw_hollow,
                    master,
                    writers=writers,
                    log=log,
                    edit=edit,
                    fingerprints=fingerprints or {},
                    stored=stored,
                    outlines=outlines,
                ),
                make_backup=make_backup,
            )
        except Unsupported:
            pass
        else:
            after = file_hash(master)
            keep_outlines(after, outlines)
            # the rows of every sheet are put back byte for byte: what consolidation keeps of
            # the master before still holds for it
            note_same_rows(master_sha256, after)
            return backup
    wb = load_for_edit(master)
    _redraw(wb, master.name, writers, edit, log)
    return atomic_write(master, wb.save, make_backup=make_backup)


def _redraw(
    wb: Workbook,
    name: str,
    writers: dict[str, SheetWriter],
    edit: Callable[[Workbook], None] | None,
    log: LogEntry | None,
) -> None:
    if schema.STAMP.name not in wb.sheetnames:
        raise NotOurWorkbook(
            f"{name} không phải sổ thi đua do thidua tạo "
            "(thiếu dấu phiên bản). Hãy tạo sổ bằng lệnh thidua init."
        )
    for key, write in writers.items():
        ws = output_sheet(wb, key)
        ws.protection.sheet = False
        clear_sheet(ws)
        write(ws)
        protect(ws)
    if edit:
        edit(wb)
    if log:
        append_log(wb, log)


def _redraw_hollow(
    master: Path,
    target: Path,
    *,
    writers: dict[str, SheetWriter],
    log: LogEntry | None,
    edit: CellEdit | None = None,
    fingerprints: Mapping[str, str],
    stored: Mapping[str, bytes],
    outlines: dict[str, bytes],
) -> None:
    """``_redraw`` on a copy of the master without the rows of the sheets it does not draw
    (but for the cells ``edit`` reads); ``target`` gets the result with those rows back. A
    sheet kept with the fingerprint its writer gives is not drawn. ``stored``: the outlines
    kept for the master; ``outlines`` gets those of the sheets this run stores in segments."""
    kept = kept_fingerprints(master, stored)
    shown = {k for k, f in fingerprints.items() if kept.get(schema.SHEETS[k].name) == f}
    writers = {k: w for k, w in writers.items() if k not in shown}
    redrawn = {schema.SHEETS[k].name for k in writers}
    shows = {schema.SHEETS[k].name: f for k, f in fingerprints.items() if k in writers}
    keep = {schema.sheet("nhat_ky").name}
    cells = None
    if edit is not None:
        keep |= edit.whole
        cells = Partial(edit.cells, edit.fill, edit.skip)
    hollowed = target.with_name(f"{target.stem}-rong{target.suffix}")
    drawn = target.with_name(f"{target.stem}-ve{target.suffix}")
    try:
        rows = hollow_package(master, hollowed, keep, redrawn, cells, stored)
        wb = load_for_edit(hollowed)
        with deferring() as spelled:  # big tables' rows as XML, not openpyxl cells
            _redraw(wb, master.name, writers, edit, log)
        wb.save(drawn)
        outlines.update(fill_package(drawn, target, rows, spelled, shows))
    finally:
        hollowed.unlink(missing_ok=True)
        drawn.unlink(missing_ok=True)
