"""``consolidate``: merge a batch of returned group workbooks into the master file.

Read every file in parallel (pure per-file step), set aside what cannot be merged with its
reason, plan the merge per group (added / changed / removed / unchanged, held back), then write
the master once, atomically with a backup, and record the run in ``Nhật ký``. Running it again
with the same files finds nothing to change and leaves the master byte for byte as it was.
The planning half (``plan_consolidation``) also serves the Excel button, which writes the open
workbook instead of the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from .. import schema
from ..errors import UnreadableWorkbook
from ..reading import WorkbookData, read_workbook
from ..safe_io import ensure_not_open, ensure_writable, file_hash
from ..tables import Columns
from . import master_cache
from .long_text import save_long_text
from .master_cache import MasterState
from .master_rows import MasterRows, StaleState, StateRows, header_rows
from .merge import MergePlan
from .plan import check_master, plan_consolidation
from .read_group import DATA_KEYS
from .result import ACTION, ConsolidationResult, FileOutcome
from .runner import ProgressFn
from .unchanged import LEDGER_KEY, MASTER_KEYS
from .write import write_master

__all__ = ["ACTION", "ConsolidationResult", "FileOutcome", "consolidate", "read_master"]


def read_master(master: Path) -> WorkbookData:
    if not master.exists():
        raise UnreadableWorkbook(f"Không tìm thấy sổ chính {master}.")
    # All of it (the set-up validates the groups' rows) and the ledger (files not to read again)
    data = read_workbook(master, sheets=MASTER_KEYS)
    check_master(data, master.name)
    return data


def _read_with_state(master: Path, state: MasterState) -> tuple[WorkbookData, MasterRows]:
    """The master's ledger read from the file; its set-up and data rows from ``state``."""
    data = read_workbook(master, sheets=(LEDGER_KEY,))
    data.stamp, data.epoch = dict(state.stamp), state.epoch or data.epoch
    check_master(data, master.name)
    for key, values in (state.tables | {k: state.lite[k] for k in DATA_KEYS}).items():
        count = len(next(iter(values.values()), []))
        data.tables.put_columns(key, Columns(list(values), values, count))  # frames if asked
    data.sheet_names |= state.sheet_names
    data.columns |= state.columns
    return data, StateRows(state, master)


def consolidate(
    master: str | Path,
    paths: Sequence[str | Path],
    *,
    dry_run: bool = False,
    scheduler: Any = None,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    fast: bool = True,
    check: bool = True,
) -> ConsolidationResult:
    """Merge the group workbooks in ``paths`` into ``master`` (see ``plan_consolidation``).

    ``fast``: write with the zip writer where it can, and keep the master's state
    (``master_cache``) so that the next run need not read what did not change."""
    master = Path(master)
    if not dry_run:  # refuse before any work: nothing at all is written (side files neither)
        ensure_not_open(master)
        if master.exists():
            ensure_writable(master)
    digest = file_hash(master) if fast and master.exists() else ""
    state = master_cache.load(digest) if digest else None
    options = dict(scheduler=scheduler, workers=workers, progress=progress, check=check)
    try:
        data, rows = _read_with_state(master, state) if state else _read_whole(master)
        result, plan = plan_consolidation(data, master.name, paths, master=rows, **options)
    except StaleState:  # the state does not describe this master after all
        state = None
        data, rows = _read_whole(master)
        result, plan = plan_consolidation(data, master.name, paths, master=rows, **options)
    result.master, result.dry_run = master, dry_run
    if dry_run:
        return result
    save_long_text(result.long_texts, master.parent)  # before the master names them
    if plan.dirty or result.log_only:
        out = {k: p.rows for k, p in plan.sheets.items() if p.dirty}
        patch = state is not None and state.writer == "zip"
        result.backup, result.writer = write_master(
            master,
            out,
            result.log_entry(),
            fast=fast,
            patch=patch,
            segments=state.sheet_segments() if state else None,
            segments_out=rows.segments_written,
        )
        result.written = True
    elif state is not None:
        return result  # the master and its state are as they were
    if fast:
        _keep_state(master, digest, data, rows, plan, result)
    return result


def _read_whole(master: Path) -> tuple[WorkbookData, MasterRows]:
    data = read_master(master)
    return data, MasterRows.of(data)


def _keep_state(
    master: Path,
    before: str,
    data: WorkbookData,
    rows: MasterRows,
    plan: MergePlan,
    result: ConsolidationResult,
) -> None:
    """Keep the state of the master as this run leaves it, for the next run."""
    names = {k: data.sheet_names.get(k, schema.SHEETS[k].name) for k in DATA_KEYS}
    places = header_rows(master, names)
    if places is None:
        return
    digest = file_hash(master) if result.written else before
    state = rows.state_after(plan, result, digest, data, places)
    if not result.written:
        state.writer = ""  # read, not written by this run: the next write checks every row
    master_cache.save(state, replaces=before)
