"""Upper-union mode: the reports CĐCSs send → one table of the province (or the upper union),
one line per CĐCS, with totals, charts, the CĐCSs still missing and the files set aside.

Accepted per file: the report workbook ``thidua report --out`` writes, an earlier one-line
summary sheet, or a CĐCS master (see ``summary_read``). One moment is consolidated at a time:
the sơ kết of a phase or the tổng kết of the year (``moment``; by default the one most reports
carry, the year on a tie); a report of another moment is set aside with the reason. A CĐCS that
sent twice counts once: the report with the later date (then the later written) is kept, and the
run says which file it replaced. With the upper union's list of CĐCSs (``expected``), those that
sent nothing are listed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..reports.figures import percent
from ..reports.moment import MomentError, find_phase
from ..safe_io import atomic_write
from ..text import vn_sort_key
from .collect import HASH_CHARS, Candidate, SetAside, collect
from .expected import read_expected, unit_key
from .runner import ProgressFn, run_batch
from .summary_read import (
    COUNT_KEYS,
    NAME_KEY,
    REPORT_SHEET,
    SUMMARY_COLUMNS,
    YEAR,
    SummaryRead,
    master_figures,
    read_summary,
)
from .summary_write import OUT_SHEET, write_summary_book

__all__ = [
    "COUNT_KEYS",
    "NAME_KEY",
    "OUT_SHEET",
    "REPORT_SHEET",
    "SUMMARY_COLUMNS",
    "SummaryResult",
    "consolidate_summaries",
    "moment_label",
    "read_summary",
]


@dataclass
class Replaced:
    name: str
    kept: Path
    dropped: Path
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "cong_doan": self.name,
            "kept": self.kept.name,
            "dropped": self.dropped.name,
            "reason": self.reason,
        }


@dataclass
class SummaryResult:
    out: Path
    moment: str = YEAR  # phase code, or 'Cả năm'
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    set_aside: list[SetAside] = field(default_factory=list)
    replaced: list[Replaced] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    backup: Path | None = None

    @property
    def label(self) -> str:
        return moment_label(self.moment)

    @property
    def exit_code(self) -> int:
        return 1 if self.set_aside or self.missing else 0

    @property
    def headline(self) -> str:
        text = f"Tổng hợp {self.label}: {len(self.rows)} CĐCS vào {self.out.name}"
        if self.expected:
            text += f"; {len(self.missing)}/{len(self.expected)} CĐCS chưa gửi báo cáo"
        if self.set_aside:
            text += f"; {len(self.set_aside)} tệp để riêng"
        if self.replaced:
            text += f"; {len(self.replaced)} báo cáo gửi lại thay bản trước"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "out": str(self.out),
            "moment": self.moment,
            "label": self.label,
            "units": len(self.rows),
            "rows": self.rows,
            "totals": self.totals,
            "set_aside": [s.to_dict() for s in self.set_aside],
            "replaced": [r.to_dict() for r in self.replaced],
            "expected": len(self.expected),
            "missing": self.missing,
            "backup": str(self.backup) if self.backup else None,
            "exit_code": self.exit_code,
        }


def moment_label(code: str) -> str:
    return "tổng kết năm" if code == YEAR else f"sơ kết {code}"


def _chosen_moment(reads: list[SummaryRead], wanted: str | None) -> str:
    """The moment asked for, else the one most reports carry (the year on a tie)."""
    if wanted is not None and str(wanted).strip():
        phases = sorted({r.moment for r in reads if r.moment and r.moment != YEAR})
        try:
            return find_phase(phases, str(wanted)) or YEAR
        except MomentError:
            return str(wanted).strip()  # no report names it yet: taken as written
    counts = Counter(r.moment for r in reads if r.moment)
    if not counts:
        return YEAR
    best = max(counts.values())
    tied = [m for m, n in counts.items() if n == best]
    return YEAR if YEAR in tied else sorted(tied)[-1]


def _later(read: SummaryRead) -> tuple:
    day = read.day.toordinal() if read.day else 0
    return (day, read.made, read.path.stat().st_mtime if read.path.exists() else 0)


def _read_reports(
    candidates: list[Candidate],
    wanted: str | None,
    workers: int | None,
    scheduler: Any,
    progress: ProgressFn | None,
) -> tuple[list[SummaryRead], str]:
    """Every candidate read (in a batch), the moment to consolidate, and the masters' figures
    for that moment (known only once every file is read)."""
    reads = run_batch(
        read_summary,
        [(c.path, c.sha256) for c in candidates],
        workers=workers,
        scheduler=scheduler,
        progress=progress,
        label=lambda item: Path(item[0]).name,
    )
    moment = _chosen_moment(reads, wanted)
    masters = [i for i, r in enumerate(reads) if r.source == "master" and not r.error_code]
    if masters:
        phase = None if moment == YEAR else moment
        done = run_batch(master_figures, [(reads[i], phase) for i in masters], workers=workers)
        for i, read in zip(masters, done):
            reads[i] = read
    return reads, moment


def _keep_one_per_unit(result: SummaryResult, reads: list[SummaryRead]) -> None:
    """Set aside what cannot be counted (unreadable, another moment); of a CĐCS's reports keep
    the later one as its row, and say which it replaced."""
    by_unit: dict[str, list[SummaryRead]] = defaultdict(list)
    for read in reads:
        if read.error_code:
            result.set_aside.append(SetAside(read.path, read.error_code, read.error, read.sha256))
        elif read.moment and read.moment != result.moment:
            result.set_aside.append(
                SetAside(
                    read.path,
                    "other-moment",
                    f"Báo cáo {moment_label(read.moment)}, không phải "
                    f"{result.label}: không tổng hợp vào bảng này.",
                    read.sha256,
                )
            )
        else:
            by_unit[unit_key(read.name)].append(read)
    for claimants in by_unit.values():
        claimants.sort(key=_later)
        kept = claimants[-1]
        for older in claimants[:-1]:
            when = kept.day.strftime("%d/%m/%Y") if kept.day else "không ghi ngày"
            result.replaced.append(
                Replaced(
                    kept.name,
                    kept.path,
                    older.path,
                    f"{kept.name} gửi {len(claimants)} báo cáo: tính bản {kept.path.name} "
                    f"(ngày {when}), bỏ bản {older.path.name}.",
                )
            )
        result.rows.append(
            {
                **kept.row,
                "ngay_bao_cao": kept.day,
                "tep_nguon": kept.path.name,
                "bam_nguon": kept.sha256[:HASH_CHARS],
                "nguon": kept.source,
            }
        )
    result.rows.sort(key=lambda r: vn_sort_key(r[NAME_KEY]))


def _count(result: SummaryResult) -> None:
    """The totals, each CĐCS's registration share, and the expected CĐCSs that sent nothing."""
    result.totals = {k: sum(r.get(k) or 0 for r in result.rows) for k in COUNT_KEYS}
    for row in result.rows:
        row["ty_le"] = percent(row.get("dk_ca_nhan") or 0, row.get("so_doan_vien") or 0)
    received = {unit_key(r[NAME_KEY]) for r in result.rows}
    result.missing = [n for n in result.expected if unit_key(n) not in received]


def consolidate_summaries(
    out: str | Path,
    paths: Sequence[str | Path],
    *,
    force: bool = False,
    moment: str | None = None,
    expected: str | Path | None = None,
    workers: int | None = None,
    scheduler: Any = None,
    progress: ProgressFn | None = None,
) -> SummaryResult:
    out = Path(out)
    names = read_expected(expected) if expected else []
    candidates, aside = collect(paths, out)
    result = SummaryResult(out=out, set_aside=list(aside), expected=names)
    reads, result.moment = _read_reports(candidates, moment, workers, scheduler, progress)
    _keep_one_per_unit(result, reads)
    _count(result)
    result.backup = atomic_write(out, lambda tmp: write_summary_book(tmp, result), overwrite=force)
    return result
