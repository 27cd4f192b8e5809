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

from ..errors import UnreadableWorkbook
from ..reading import WorkbookData, read_workbook
from ..safe_io import ensure_not_open, ensure_writable
from .long_text import save_long_text
from .plan import check_master, plan_consolidation
from .result import ACTION, ConsolidationResult, FileOutcome
from .runner import ProgressFn
from .unchanged import MASTER_KEYS
from .write import write_master

__all__ = ["ACTION", "ConsolidationResult", "FileOutcome", "consolidate", "read_master"]


def read_master(master: Path) -> WorkbookData:
    if not master.exists():
        raise UnreadableWorkbook(f"Không tìm thấy sổ chính {master}.")
    # All of it (the set-up validates the groups' rows) and the ledger (files not to read again)
    data = read_workbook(master, sheets=MASTER_KEYS)
    check_master(data, master.name)
    return data


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
    """Merge the group workbooks in ``paths`` into ``master`` (see ``plan_consolidation``)."""
    master = Path(master)
    if not dry_run:  # refuse before any work: nothing at all is written (side files neither)
        ensure_not_open(master)
        if master.exists():
            ensure_writable(master)
    data = read_master(master)
    result, plan = plan_consolidation(
        data,
        master.name,
        paths,
        scheduler=scheduler,
        workers=workers,
        progress=progress,
        check=check,
    )
    result.master, result.dry_run = master, dry_run
    if dry_run:
        return result
    save_long_text(result.long_texts, master.parent)  # before the master names them
    if not plan.dirty and not result.log_only:
        return result
    rows = {k: p.rows for k, p in plan.sheets.items() if p.dirty}
    result.backup, result.writer = write_master(master, rows, result.log_entry(), fast=fast)
    result.written = True
    return result
