"""Planning a consolidation from the master's tables, without touching the master file.

``plan_consolidation`` takes the master as already read (``WorkbookData``: from the file for the
CLI, from the live workbook for the Excel button), reads the batch in parallel, sets aside what
cannot be merged with its reason, and plans the merge per group. Writing the plan is the
caller's business: ``consolidate`` writes the file atomically; the Excel button writes the open
workbook's sheets.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Sequence

from ..errors import NotOurWorkbook
from ..reading import STRUCTURE_CODES, WorkbookData
from ..stamps import CHECKED_COPY_OF, campaign_refusal, master_identity
from ..tables import records
from ..validation.lookups import build_lookups
from .collect import Candidate, SetAside, collect
from .long_text import cut_long_text
from .master_rows import MasterRows
from .merge import MergePlan, plan_merge
from .read_group import GroupRead, check_reads, read_group, restore_group_codes
from .result import ConsolidationResult, FileOutcome
from .runner import ProgressFn, run_batch
from .unchanged import (
    CHECKED,
    COPY,
    UNCHANGED_REASON,
    UNCHANGED_STATUS,
    UNCHECKED,
    find_unchanged,
    ledger_behind,
    marks_after,
    to_read_again,
)


def check_master(data: WorkbookData, master_name: str) -> None:
    if data.kind != "master":
        raise NotOurWorkbook(
            f"{master_name} không phải sổ chính do thidua tạo (thiếu dấu "
            "phiên bản). Hãy tạo sổ bằng lệnh thidua init."
        )


def plan_consolidation(
    data: WorkbookData,
    master_name: str,
    paths: Sequence[str | Path],
    *,
    scheduler: Any = None,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    check: bool = True,
    master: MasterRows | None = None,
) -> tuple[ConsolidationResult, MergePlan]:
    """The run's result (nothing written yet) and the merge plan for the master's data sheets.

    ``check`` validates the rows of the files merged against the master's set-up, all files in
    one pass once read (``check=False``: the files were already checked with ``thidua
    validate``).

    ``data.path`` is the master's path when known: a master file inside the batch's folder is
    then set aside instead of being merged into itself.

    A file whose name and hash the ledger records with a data mark the master's rows of its
    group still reproduce is not read (``unchanged``): its outcome says so, its group's rows
    count as unchanged. It is read after all when another file of the batch claims its group
    or one of its rows' keys, so that the decision is the one a full read would make.

    ``master``: the master's data rows when they are not those of ``data`` (``StateRows``: the
    state a previous run kept, with the rows of the groups read made whole on demand).
    """
    check_master(data, master_name)
    known = {r for r in data.table("to_cong_doan")["ma_to"] if r}
    candidates, aside = collect(paths, data.path)
    result = ConsolidationResult(master=data.path, set_aside=list(aside))
    config = {r["ma_muc"]: r["gia_tri"] for r in records(data.table("cau_hinh"))}
    identity = master_identity(data.stamp, config)
    master = master or MasterRows.of(data)
    ctx = master.context_of(data, identity)
    master_rows = master.rows
    skip = find_unchanged(data, candidates, known, ctx, check, master)

    def read_batch(batch: list[Candidate], before: int = 0) -> list[GroupRead]:
        counted = progress and (
            lambda done, total, name: progress(before + done, before + total, name)
        )
        return run_batch(
            read_group,
            [(c.path, c.sha256) for c in batch],
            scheduler=scheduler,
            workers=workers,
            progress=counted or None,
            label=lambda item: Path(item[0]).name,
        )

    order = {c.path: i for i, c in enumerate(candidates)}
    reads = read_batch([c for c in candidates if c.path not in skip])
    again = to_read_again(reads, skip, master_rows)
    if again:
        reads += read_batch([skip.pop(p).candidate for p in again], len(reads))
        reads.sort(key=lambda r: order[r.path])
    accepted = _accept(reads, known, result, identity)
    for read in accepted:
        restore_group_codes(read, known)
    if check:
        check_reads(accepted, build_lookups(data))
    result.long_texts, long_findings = cut_long_text(accepted)
    master.load_groups(r.group for r in accepted)
    plan = plan_merge(master_rows, accepted, master_name)
    for unchanged in skip.values():  # nothing removed: all of the group's rows stay
        if unchanged.copy_of is not None:
            result.set_aside.append(
                _checked_copy(
                    unchanged.candidate.path,
                    unchanged.copy_of.name,
                    unchanged.candidate.sha256,
                    unchanged.group,
                )
            )
            result.marks[unchanged.candidate.sha256] = unchanged.mark
            continue
        plan.count(unchanged.group, "unchanged", unchanged.rows)
        reason = UNCHANGED_REASON + (
            f" Lần gộp trước các dòng của tệp có {unchanged.errors} lỗi, {unchanged.warnings} "
            "cảnh báo; xem lại bằng lệnh thidua validate trên sổ chính."
            if unchanged.errors or unchanged.warnings
            else ""
        )
        result.files.append(
            FileOutcome(
                unchanged.candidate.path,
                unchanged.candidate.sha256,
                unchanged.group,
                UNCHANGED_STATUS,
                unchanged.rows,
                reason,
                "unchanged",
                unchanged.errors,
                unchanged.warnings,
            )
        )
    result.files.sort(key=lambda f: order[f.path])
    result.groups = {g: plan.counts[g] for g in sorted(plan.counts)}
    result.held, result.changes = plan.held, plan.changes
    for read in accepted:
        result.findings.extend(read.findings)
    result.findings.extend(long_findings)
    result.findings.extend(plan.findings)
    mode = CHECKED if check else UNCHECKED
    result.marks |= {u.candidate.sha256: u.mark for u in skip.values()} | marks_after(
        plan, master_rows, accepted, {f.file for f in long_findings}, ctx, mode
    )
    result.log_only = not plan.dirty and ledger_behind(data, result.logged_files(), result.marks)
    return result, plan


def _accept(
    reads: list[GroupRead],
    known: set[str],
    result: ConsolidationResult,
    identity: tuple[set[str], str],
) -> list[GroupRead]:
    """Files that can be merged; the rest go to ``result.set_aside`` with their reason.

    A checked copy of a file set aside, with the same rows, is skipped as a copy: the officer
    has one file to fix, not two."""
    by_group: dict[str, list[GroupRead]] = defaultdict(list)
    verdicts = {read.path: _refusal(read, known, identity) for read in reads}
    refused = {r.short_hash: r for r in reads if verdicts[r.path] is not None}
    for read in reads:
        original = refused.get(read.stamp.get(CHECKED_COPY_OF, ""))
        if original is not None and original is not read and original.rows == read.rows:
            result.set_aside.append(
                _checked_copy(read.path, original.file, read.sha256, read.group)
            )
            continue
        verdict = verdicts[read.path]
        if verdict is None:
            by_group[read.group].append(read)
            continue
        result.set_aside.append(verdict)
        if not read.ok:
            result.findings.extend(f for f in read.findings if f.code in STRUCTURE_CODES)
    accepted = []
    for group, claimants in by_group.items():
        claimants = _skip_checked_copies(claimants, result)
        if len(claimants) == 1:
            accepted.append(claimants[0])
            result.files.append(
                FileOutcome(
                    claimants[0].path, claimants[0].sha256, group, "gộp", claimants[0].row_count
                )
            )
            continue
        names = ", ".join(r.file for r in claimants)
        for read in claimants:
            result.set_aside.append(
                SetAside(
                    read.path,
                    "group-claimed-twice",
                    f"Có {len(claimants)} tệp cùng là sổ của tổ {group}: {names}. Không tự chọn "
                    "tệp nào; giữ một tệp đúng (bản mới nhất) rồi gộp lại. Dữ liệu của tổ trong "
                    "sổ chính giữ nguyên.",
                    read.sha256,
                    group,
                    read.row_count,
                )
            )
    order = {r.path: i for i, r in enumerate(reads)}
    accepted.sort(key=lambda r: order[r.path])
    result.files.sort(key=lambda f: order[f.path])
    return accepted


def _refusal(read: GroupRead, known: set[str], identity: tuple[set[str], str]) -> SetAside | None:
    """Why the file cannot be merged (None: it can)."""
    refusal = campaign_refusal(read.stamp, *identity, read.file) if read.ok else None
    if refusal:
        return SetAside(
            read.path, refusal.code, refusal.message, read.sha256, read.group, read.row_count
        )
    if not read.ok:
        return SetAside(
            read.path, read.error_code, read.error, read.sha256, read.group, read.row_count
        )
    if read.group not in known:
        return SetAside(
            read.path,
            "unknown-group",
            f"Sổ của tổ '{read.group}' nhưng sổ chính không có "
            "tổ này (trang Tổ công đoàn). Thêm tổ vào sổ chính hoặc kiểm tra lại tệp.",
            read.sha256,
            read.group,
            read.row_count,
        )
    return None


def _skip_checked_copies(
    claimants: list[GroupRead], result: ConsolidationResult
) -> list[GroupRead]:
    """A checked copy (``thidua validate``'s receipt) beside the very workbook it copies, with
    the same rows, is skipped and reported: it is not a second version of the group's data.
    A receipt the group edited, or one sent back alone, is a workbook like any other."""
    hashes = {c.short_hash: c for c in claimants}
    kept = []
    for read in claimants:
        original = hashes.get(read.stamp.get(CHECKED_COPY_OF, ""))
        if original is not None and original is not read and original.rows == read.rows:
            result.set_aside.append(
                _checked_copy(read.path, original.file, read.sha256, read.group)
            )
            result.marks[read.sha256] = f"{COPY}-{original.short_hash}"
        else:
            kept.append(read)
    return kept


def _checked_copy(path: Path, original: str, sha256: str, group: str) -> SetAside:
    return SetAside(
        path,
        "checked-copy",
        f"Bản kết quả kiểm tra của {original} (do lệnh thidua "
        "validate ghi), dữ liệu giống hệt; chỉ gộp sổ gốc.",
        sha256,
        group,
    )
