"""``consolidate``: merge a batch of returned group workbooks into the master.

Read every file in parallel (pure per-file step), set aside what cannot be merged with its
reason, plan the merge per group (added / changed / removed / unchanged, held back), then write
the master once, atomically with a backup, and record the run in ``Nhật ký``. Running it again
with the same files finds nothing to change and leaves the master byte for byte as it was.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..errors import NotOurWorkbook, UnreadableWorkbook
from ..findings import ERROR, Finding
from ..outputs import LogEntry
from ..reading import read_workbook
from ..safe_io import ensure_not_open
from .collect import HASH_CHARS, SetAside, collect
from .merge import KINDS, Change, HeldRow, plan_merge
from .read_group import DATA_KEYS, GroupRead, read_group, records
from .runner import ProgressFn, run_batch
from .write import write_master

ACTION = "Gộp sổ tổ"


@dataclass
class FileOutcome:
    path: Path
    sha256: str
    group: str
    status: str  # "gộp" | "để riêng"
    rows: int
    reason: str = ""
    code: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.path.name, "path": str(self.path), "hash": self.sha256[:HASH_CHARS],
                "group": self.group, "status": self.status, "rows": self.rows,
                "code": self.code, "reason": self.reason}


@dataclass
class ConsolidationResult:
    master: Path
    dry_run: bool = False
    files: list[FileOutcome] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    groups: dict[str, dict[str, int]] = field(default_factory=dict)
    held: list[HeldRow] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    written: bool = False
    backup: Path | None = None
    writer: str = ""  # "zip" | "openpyxl" | "" when nothing was written

    @property
    def rows_read(self) -> int:
        return sum(f.rows for f in self.files) + sum(s.rows for s in self.set_aside)

    @property
    def totals(self) -> dict[str, int]:
        out = {k: sum(g[k] for g in self.groups.values()) for k in KINDS}
        out["merged"] = out["added"] + out["changed"] + out["unchanged"]
        out["held_in_files_set_aside"] = sum(s.rows for s in self.set_aside)
        out["held"] += out["held_in_files_set_aside"]
        out["rows_read"] = self.rows_read
        out["files_merged"] = sum(1 for f in self.files if f.status == "gộp")
        out["files_set_aside"] = len(self.set_aside)
        return out

    @property
    def balanced(self) -> bool:
        """Every row read is either merged or held back with a reason."""
        t = self.totals
        return t["rows_read"] == t["merged"] + t["held"]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def exit_code(self) -> int:
        return 1 if self.set_aside or self.held or self.errors else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "master": str(self.master), "dry_run": self.dry_run, "written": self.written,
            "writer": self.writer, "backup": str(self.backup) if self.backup else None,
            "totals": self.totals, "balanced": self.balanced, "exit_code": self.exit_code,
            "groups": self.groups, "files": [f.to_dict() for f in self.files],
            "set_aside": [s.to_dict() for s in self.set_aside],
            "held": [h.to_dict() for h in self.held],
            "changes": [c.to_dict() for c in self.changes],
            "findings": [f.to_dict() for f in self.findings],
        }

    def summary_line(self) -> str:
        t = self.totals
        return (f"{t['files_merged']} sổ gộp, {t['files_set_aside']} tệp để riêng; dòng: "
                f"{t['added']} thêm, {t['changed']} sửa, {t['removed']} bỏ, {t['unchanged']} "
                f"giữ nguyên, {t['held']} chưa gộp")


def read_master(master: Path):
    if not master.exists():
        raise UnreadableWorkbook(f"Không tìm thấy sổ chính {master}.")
    data = read_workbook(master, sheets=(*DATA_KEYS, "to_cong_doan"))
    if data.kind != "master":
        raise NotOurWorkbook(f"{master.name} không phải sổ chính do thidua tạo (thiếu dấu "
                             "phiên bản). Hãy tạo sổ bằng lệnh thidua init.")
    return data


def consolidate(master: str | Path, paths: Sequence[str | Path], *, dry_run: bool = False,
                scheduler: Any = None, workers: int | None = None,
                progress: ProgressFn | None = None, fast: bool = True) -> ConsolidationResult:
    master = Path(master)
    if not dry_run:
        ensure_not_open(master)  # refuse before any work: nothing will be written
    data = read_master(master)
    known = {r for r in data.table("to_cong_doan")["ma_to"] if r}
    candidates, aside = collect(paths, master)
    result = ConsolidationResult(master=master, dry_run=dry_run, set_aside=list(aside))
    reads: list[GroupRead] = run_batch(read_group, [(c.path, c.sha256) for c in candidates],
                                       scheduler=scheduler, workers=workers, progress=progress,
                                       label=lambda item: Path(item[0]).name)
    accepted = _accept(reads, known, result)
    master_rows = {k: records(data.table(k)) for k in DATA_KEYS}
    plan = plan_merge(master_rows, accepted, master.name)
    result.groups = {g: plan.counts[g] for g in sorted(plan.counts)}
    result.held, result.changes = plan.held, plan.changes
    for read in accepted:
        result.findings.extend(read.findings)
    result.findings.extend(plan.findings)
    if dry_run or not plan.dirty:
        return result
    entry = LogEntry(action=ACTION, result=result.summary_line(),
                     counts="; ".join(f"tổ {g}: +{c['added']} ~{c['changed']} -{c['removed']} "
                                      f"={c['unchanged']} !{c['held']}"
                                      for g, c in result.groups.items()),
                     files=[(r.file, r.sha256) for r in accepted])
    rows = {k: p.rows for k, p in plan.sheets.items() if p.dirty}
    result.backup, result.writer = write_master(master, rows, entry, fast=fast)
    result.written = True
    return result


def _accept(reads: list[GroupRead], known: set[str], result: ConsolidationResult
            ) -> list[GroupRead]:
    """Files that can be merged; the rest go to ``result.set_aside`` with their reason."""
    by_group: dict[str, list[GroupRead]] = defaultdict(list)
    for read in reads:
        if not read.ok:
            result.set_aside.append(SetAside(read.path, read.error_code, read.error, read.sha256,
                                             read.group, read.row_count))
            result.findings.extend(f for f in read.findings if f.code.startswith("missing-"))
        elif read.group not in known:
            result.set_aside.append(SetAside(
                read.path, "unknown-group", f"Sổ của tổ '{read.group}' nhưng sổ chính không có "
                "tổ này (trang Tổ công đoàn). Thêm tổ vào sổ chính hoặc kiểm tra lại tệp.",
                read.sha256, read.group, read.row_count))
        else:
            by_group[read.group].append(read)
    accepted = []
    for group, claimants in by_group.items():
        if len(claimants) == 1:
            accepted.append(claimants[0])
            result.files.append(FileOutcome(claimants[0].path, claimants[0].sha256, group,
                                            "gộp", claimants[0].row_count))
            continue
        names = ", ".join(r.file for r in claimants)
        for read in claimants:
            result.set_aside.append(SetAside(
                read.path, "group-claimed-twice",
                f"Có {len(claimants)} tệp cùng là sổ của tổ {group}: {names}. Không tự chọn "
                "tệp nào; giữ một tệp đúng (bản mới nhất) rồi gộp lại. Dữ liệu của tổ trong "
                "sổ chính giữ nguyên.", read.sha256, group, read.row_count))
    order = {r.path: i for i, r in enumerate(reads)}
    accepted.sort(key=lambda r: order[r.path])
    result.files.sort(key=lambda f: order[f.path])
    return accepted
