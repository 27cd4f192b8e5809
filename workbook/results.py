"""Running scoring, the shortlist, the reports and the TDKT export on a master workbook.

Each ``*_master`` function reads the master, computes (pure functions of the data), and writes
only output sheets (through ``rewrite_outputs``: atomic, with a backup and a Nhật ký row) or new
files. Results carry ``to_dict()`` for the CLI's --json.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .export_tdkt import export_tdkt
from .outputs import LogEntry, rewrite_outputs
from .reading import read_workbook
from .reports import report_context, report_result, save_report
from .reports.build import writers
from .safe_io import file_hash
from .scoring import ScoreResult, ScoringInput, prepare, score_campaign
from .scoring.sheet import write_scores
from .shortlist import ShortlistResult, make_shortlist
from .shortlist.sheet import write_shortlist


@dataclass
class RunResult:
    """What a run did to the master, around the library result."""

    master: Path
    result: Any  # ScoreResult | ShortlistResult | ReportResult
    written: list[str] = field(default_factory=list)  # sheet names or files written
    backup: Path | None = None

    @property
    def has_errors(self) -> bool:
        excluded = getattr(self.result, "excluded", None) or getattr(
            getattr(self.result, "scores", None), "excluded", {})
        return bool(excluded and excluded.get("count"))

    def to_dict(self) -> dict[str, Any]:
        return {"master": str(self.master), "written": self.written,
                "backup": str(self.backup) if self.backup else None,
                "result": self.result.to_dict()}


def compute(master: str | Path, excluded: dict | set | None = None
            ) -> tuple[ScoringInput, ScoreResult, ShortlistResult]:
    """Scores and shortlist of a master, without writing anything."""
    inp = prepare(read_workbook(master), excluded=excluded)
    scores = score_campaign(inp)
    return inp, scores, make_shortlist(inp, scores)


def _log(master: Path, action: str, headline: str, counts: str) -> LogEntry:
    return LogEntry(action=action, result=headline, counts=counts,
                    files=[(master.name, file_hash(master))])


def score_master(master: str | Path, excluded: dict | set | None = None) -> RunResult:
    master = Path(master)
    inp = prepare(read_workbook(master), excluded=excluded)
    scores = score_campaign(inp)
    counts = f"bộ quy tắc {scores.choice.ruleset.code}; bỏ qua {scores.excluded['count']} dòng"
    backup = rewrite_outputs(master, {"diem": lambda ws: write_scores(ws, scores)},
                             log=_log(master, "Tính điểm", scores.headline, counts))
    return RunResult(master, scores, ["Điểm"], backup)


def shortlist_master(master: str | Path, excluded: dict | set | None = None) -> RunResult:
    master = Path(master)
    _, scores, shortlist = compute(master, excluded)
    counts = "; ".join(f"{t.code}: {t.proposed}/{t.eligible}" for t in shortlist.titles)
    backup = rewrite_outputs(
        master, {"diem": lambda ws: write_scores(ws, scores),
                 "de_nghi": lambda ws: write_shortlist(ws, shortlist)},
        log=_log(master, "Lập danh sách khen thưởng", shortlist.headline, counts))
    return RunResult(master, shortlist, ["Điểm", "Đề nghị khen thưởng"], backup)


def report_master(master: str | Path, out: str | Path | None = None,
                  day: dt.date | None = None, excluded: dict | set | None = None,
                  force: bool = True) -> RunResult:
    """BC sheets into the master's output sheets, or (``out``) into a new workbook."""
    master = Path(master)
    inp, scores, shortlist = compute(master, excluded)
    rc = report_context(inp, scores, shortlist, day)
    if out is not None:
        out = Path(out)
        backup = save_report(rc, out, force=force)
        result = report_result(rc, out)
        return RunResult(master, result, [str(out)], backup)
    result = report_result(rc)
    backup = rewrite_outputs(master, writers(rc),
                             log=_log(master, "Báo cáo cấp trên", result.headline,
                                      f"bộ quy tắc {result.ruleset}"))
    return RunResult(master, result, result.sheets, backup)


def export_tdkt_master(master: str | Path, outdir: str | Path, force: bool = False,
                       excluded: dict | set | None = None) -> RunResult:
    """CANHAN.xlsx, TAPTHE.xlsx, DETAI.xlsx of the shortlist in ``outdir`` (new files)."""
    master = Path(master)
    inp, _, shortlist = compute(master, excluded)
    result = export_tdkt(inp, shortlist, outdir, force=force)
    return RunResult(master, result, [str(p) for p in result.files.values()])
