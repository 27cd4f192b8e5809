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

from . import schema
from .export_tdkt import export_tdkt
from .outputs import LogEntry, SheetWriter, rewrite_outputs
from .reading import WorkbookData, read_workbook
from .reports import ReportContext, choose_moment, report_context, report_result, save_report
from .reports.build import writers
from .reports.docx import write_dossier, write_narrative
from .reports.lists import write_council_list
from .reports.moment import YEAR_CODE as YEAR
from .safe_io import file_hash
from .scoring import ScoreResult, ScoringInput, prepare, score_campaign
from .scoring.sheet import scores_fingerprint, write_scores
from .shortlist import ShortlistResult, make_shortlist
from .shortlist.sheet import write_shortlist


@dataclass
class RunResult:
    """What a run did to the master, around the library result."""

    master: Path
    result: Any  # ScoreResult | ShortlistResult | ReportResult
    written: list[str] = field(default_factory=list)  # sheet names or files written
    backup: Path | None = None
    word_backup: Path | None = None  # the Word report replaced (the officer may have edited it)

    @property
    def has_errors(self) -> bool:
        excluded = getattr(self.result, "excluded", None) or getattr(
            getattr(self.result, "scores", None), "excluded", {}
        )
        return bool(excluded and excluded.get("count"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "master": str(self.master),
            "written": self.written,
            "backup": str(self.backup) if self.backup else None,
            "word_backup": str(self.word_backup) if self.word_backup else None,
            "result": self.result.to_dict(),
        }


def compute(
    master: str | Path | WorkbookData, excluded: dict | set | None = None
) -> tuple[ScoringInput, ScoreResult, ShortlistResult]:
    """Scores and shortlist of a master (a path or data already read), writing nothing."""
    data = master if isinstance(master, WorkbookData) else read_workbook(master)
    inp = prepare(data, excluded=excluded)
    scores = score_campaign(inp)
    return inp, scores, make_shortlist(inp, scores)


@dataclass
class Outputs:
    """What a run would write: its result, the output sheets' writers and the Nhật ký row.
    The CLI saves them into the master file; the Excel buttons draw them into the open book."""

    result: Any
    writers: dict[str, SheetWriter]
    log: LogEntry
    context: ReportContext | None = None  # reports only: for the print-ready file
    fingerprints: dict[str, str] = field(default_factory=dict)  # of what writers draw, by key


def _log(data: WorkbookData, action: str, headline: str, counts: str) -> LogEntry:
    # No hash here: the Excel buttons compute from the open book, which may differ from the
    # saved file; saving into the file (``_save``) records the hash of what was read.
    return LogEntry(action=action, result=headline, counts=counts, files=[(data.path.name, "")])


def score_outputs(data: WorkbookData, excluded: dict | set | None = None) -> Outputs:
    scores = score_campaign(prepare(data, excluded=excluded))
    counts = f"bỏ qua {scores.excluded['count']} dòng có lỗi"
    return Outputs(
        scores,
        {"diem": lambda ws: write_scores(ws, scores)},
        _log(data, "Tính điểm", scores.headline, counts),
        fingerprints={"diem": scores_fingerprint(scores)},
    )


def shortlist_outputs(
    data: WorkbookData, excluded: dict | set | None = None, day: dt.date | None = None
) -> Outputs:
    inp, scores, shortlist = compute(data, excluded)
    # the list to the council is dated the review day unless a day is given
    rc = report_context(
        inp,
        scores,
        shortlist,
        choose_moment(inp.config, inp.phases, YEAR, day or shortlist.regime.review_date),
    )
    counts = "; ".join(f"{t.code}: {t.proposed}/{t.eligible}" for t in shortlist.titles)
    return Outputs(
        shortlist,
        {
            "diem": lambda ws: write_scores(ws, scores),
            "de_nghi": lambda ws: write_shortlist(ws, shortlist),
            "ds_hoi_dong": lambda ws: write_council_list(ws, rc),
        },
        _log(
            data,
            "Lập danh sách khen thưởng",
            shortlist.headline,
            f"{counts}; {shortlist.regime.label}",
        ),
        rc,
        {"diem": scores_fingerprint(scores)},  # Điểm as `score` drew it is left alone
    )


def report_outputs(
    data: WorkbookData,
    day: dt.date | None = None,
    excluded: dict | set | None = None,
    moment: str | None = None,
    today: dt.date | None = None,
) -> Outputs:
    """The BC sheets of one moment: ``moment`` is a phase (code or number) for its sơ kết, or
    'cả năm' for the tổng kết; by default the latest phase ended by ``today``."""
    inp, scores, shortlist = compute(data, excluded)
    chosen = choose_moment(inp.config, inp.phases, moment, day, today)
    rc = report_context(inp, scores, shortlist, chosen)
    result = report_result(rc)
    counts = f"{chosen.label}; {result.regime}"
    return Outputs(result, writers(rc), _log(data, "Báo cáo cấp trên", result.headline, counts), rc)


def _save(master: Path, outputs: Outputs) -> RunResult:
    digest = file_hash(master)
    outputs.log.files = [(master.name, digest)]
    backup = rewrite_outputs(
        master,
        outputs.writers,
        log=outputs.log,
        fingerprints=outputs.fingerprints,
        master_sha256=digest,
    )
    return RunResult(
        master, outputs.result, [schema.sheet(k).name for k in outputs.writers], backup
    )


def score_master(master: str | Path, excluded: dict | set | None = None) -> RunResult:
    master = Path(master)
    return _save(master, score_outputs(read_workbook(master), excluded))


def shortlist_master(master: str | Path, excluded: dict | set | None = None) -> RunResult:
    master = Path(master)
    return _save(master, shortlist_outputs(read_workbook(master), excluded))


def report_master(
    master: str | Path,
    out: str | Path | None = None,
    day: dt.date | None = None,
    excluded: dict | set | None = None,
    force: bool = True,
    moment: str | None = None,
    today: dt.date | None = None,
    word: str | Path | None = None,
) -> RunResult:
    """BC sheets of one moment into the master's output sheets, or (``out``) into a new
    workbook; ``word``: also the narrative report as a Word document."""
    master = Path(master)
    outputs = report_outputs(read_workbook(master), day, excluded, moment, today)
    rc = outputs.context
    assert rc is not None  # report_outputs always carries its context
    if out is None:
        run = _save(master, outputs)
    else:
        out = Path(out)
        backup = save_report(rc, out, force=force)
        run = RunResult(master, report_result(rc, out), [str(out)], backup)
    if word is not None:
        run.word_backup = write_narrative(rc, word, force=force)
        run.result.documents.append(Path(word))
        run.written.append(str(word))
    return run


def dossier_master(
    master: str | Path,
    outdir: str | Path,
    day: dt.date | None = None,
    force: bool = True,
    excluded: dict | set | None = None,
) -> RunResult:
    """The year's proposal dossier drafts (Word) in ``outdir``: a tờ trình per destination and
    the biên bản of the meeting that votes on them. Drafts already there are replaced after a
    backup, as every output is (``force=False`` refuses instead)."""
    master = Path(master)
    inp, scores, shortlist = compute(master, excluded)
    rc = report_context(inp, scores, shortlist, choose_moment(inp.config, inp.phases, YEAR))
    result = write_dossier(rc, outdir, day, force=force)
    return RunResult(master, result, [str(p) for p in result.files])


def export_tdkt_master(
    master: str | Path, outdir: str | Path, force: bool = False, excluded: dict | set | None = None
) -> RunResult:
    """CANHAN.xlsx, TAPTHE.xlsx, DETAI.xlsx of the shortlist in ``outdir`` (new files)."""
    master = Path(master)
    inp, _, shortlist = compute(master, excluded)
    result = export_tdkt(inp, shortlist, outdir, force=force)
    return RunResult(master, result, [str(p) for p in result.files.values()])
