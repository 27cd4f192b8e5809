"""What a consolidation run found and did: per file, per group, per row held back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import ERROR, WARNING, Finding
from ..outputs import LogEntry
from .collect import HASH_CHARS, SKIPPED_CODES, SetAside
from .long_text import LongText
from .merge import KINDS, Change, HeldRow
from .unchanged import UNCHANGED_STATUS

ACTION = "Gộp sổ tổ"


@dataclass
class FileOutcome:
    path: Path
    sha256: str
    group: str
    status: str  # "gộp" | "không đọc lại" (unchanged since it was merged, not read again)
    rows: int
    reason: str = ""
    code: str = ""
    earlier_errors: int = 0  # a file not read again: what its rows had when merged
    earlier_warnings: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.path.name,
            "path": str(self.path),
            "hash": self.sha256[:HASH_CHARS],
            "group": self.group,
            "status": self.status,
            "rows": self.rows,
            "code": self.code,
            "reason": self.reason,
            "earlier_errors": self.earlier_errors,
            "earlier_warnings": self.earlier_warnings,
        }


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
    long_texts: list[LongText] = field(default_factory=list)  # full texts cut in the master
    marks: dict[str, str] = field(default_factory=dict)  # sha256 -> ledger data mark
    log_only: bool = False  # no row changes; only the ledger is written, to record new marks

    @property
    def rows_read(self) -> int:
        """Rows accounted for: read from the files, or kept from a file not read again."""
        return sum(f.rows for f in self.files) + sum(s.rows for s in self.set_aside)

    @property
    def totals(self) -> dict[str, int]:
        out = {k: sum(g[k] for g in self.groups.values()) for k in KINDS}
        out["merged"] = out["added"] + out["changed"] + out["unchanged"]
        out["held_in_files_set_aside"] = sum(s.rows for s in self.set_aside)
        out["held"] += out["held_in_files_set_aside"]
        out["rows_read"] = self.rows_read
        out["files_merged"] = sum(1 for f in self.files if f.status == "gộp")
        out["files_unchanged"] = sum(1 for f in self.files if f.status == UNCHANGED_STATUS)
        out["files_set_aside"] = sum(1 for s in self.set_aside if s.blocking)
        out["files_skipped"] = len(self.set_aside) - out["files_set_aside"]
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
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    @property
    def exit_code(self) -> int:
        blocking = any(s.blocking for s in self.set_aside)
        earlier = any(f.earlier_errors for f in self.files)  # as a full read would find them
        return 1 if blocking or self.held or self.errors or earlier else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "master": str(self.master),
            "dry_run": self.dry_run,
            "written": self.written,
            "log_only": self.log_only,
            "writer": self.writer,
            "backup": str(self.backup) if self.backup else None,
            "totals": self.totals,
            "balanced": self.balanced,
            "exit_code": self.exit_code,
            "groups": self.groups,
            "files": [f.to_dict() for f in self.files],
            "set_aside": [s.to_dict() for s in self.set_aside],
            "held": [h.to_dict() for h in self.held],
            "changes": [c.to_dict() for c in self.changes],
            "findings": [f.to_dict() for f in self.findings],
            "long_texts": [t.to_dict() for t in self.long_texts],
        }

    def summary_line(self) -> str:
        t = self.totals
        skipped = f", {t['files_skipped']} bản kiểm tra bỏ qua" if t["files_skipped"] else ""
        if t["files_unchanged"]:
            skipped += f", {t['files_unchanged']} sổ không đổi (không đọc lại)"
        earlier = sum(f.earlier_errors for f in self.files)
        earlier_text = f" (và {earlier} lỗi đã báo ở lần gộp trước)" if earlier else ""
        return (
            f"{t['files_merged']} sổ gộp, {t['files_set_aside']} tệp để riêng{skipped}; dòng: "
            f"{t['added']} thêm, {t['changed']} sửa, {t['removed']} bỏ, {t['unchanged']} "
            f"giữ nguyên, {t['held']} chưa gộp; {self.errors} lỗi{earlier_text}, "
            f"{self.warnings} cảnh báo"
        )

    def log_entry(self) -> LogEntry:
        """The run's row(s) for ``Nhật ký``: the result line, counts per group, merged files."""
        return LogEntry(
            action=ACTION,
            result=self.summary_line(),
            counts="; ".join(
                f"tổ {g}: +{c['added']} ~{c['changed']} "
                f"-{c['removed']} ={c['unchanged']} !{c['held']}"
                for g, c in self.groups.items()
            ),
            files=self.logged_files(),
            marks=self.marks,
        )

    def logged_files(self) -> list[tuple[str, str]]:
        """(name, sha256) of the files the ledger records: merged, not read again, and the
        checked copies skipped beside them (their mark lets a re-run skip them unread)."""
        return [(f.path.name, f.sha256) for f in self.files] + [
            (s.path.name, s.sha256) for s in self.set_aside if s.code in SKIPPED_CODES
        ]
