"""The demo campaign, end to end: what `thidua demo OUTDIR` runs.

Each step is a small function taking the shared context and returning a one-line Vietnamese
summary; features add their step to ``STEPS``. Files land in OUTDIR:
  So-thi-dua-45-KH-CDCS.xlsm   the master (BCH's workbook; .xlsx without the Excel side)
  so-to/                        group workbooks as issued
  so-to-gui-lai/                the same workbooks as the groups return them, filled in
  Bao-cao-so-ket-Dot-1.xlsx/.docx, Bao-cao-tong-ket-nam.xlsx/.docx   the reports sent upward
  ho-so-khen-thuong/            the proposal dossier drafts: a tờ trình per destination and
                                the biên bản
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .campaign import Campaign, load_campaign
from .demo_data import demo_group_data, demo_setup, demo_titles
from .demo_mistakes import MISTAKES
from .groups import make_group_workbooks
from .master import init_master
from .reading import read_workbook
from .validation.checking import check_workbook, check_workbooks
from .writing import fill_tables

MASTER_NAME = "So-thi-dua-45-KH-CDCS.xlsx"


@dataclass
class DemoContext:
    outdir: Path
    campaign: Campaign
    master: Path
    issued_dir: Path
    returned_dir: Path
    returned: list[Path] = field(default_factory=list)
    make_macro_workbook: Callable[[Path, Path], object] | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # steps share results here


@dataclass
class DemoStep:
    name: str
    summary: str


@dataclass
class DemoResult:
    outdir: Path
    master: Path
    steps: list[DemoStep] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outdir": str(self.outdir),
            "master": str(self.master),
            "steps": [{"name": s.name, "summary": s.summary} for s in self.steps],
        }


def step_init(ctx: DemoContext) -> str:
    setup = demo_setup()
    ctx.facts["setup"] = setup
    titles = demo_titles(ctx.campaign.rows("danh_hieu"))
    init_master(ctx.master, ctx.campaign, force=True, extra={**setup, "danh_hieu": titles})
    if ctx.make_macro_workbook:
        ctx.make_macro_workbook(ctx.master, ctx.master)  # ribbon + VBA (the Excel side's job)
    return (
        f"Tạo sổ thi đua của BCH: {len(setup['to_cong_doan'])} tổ công đoàn, "
        f"{len(setup['doan_vien'])} đoàn viên → {ctx.master.name}"
    )


def step_groups(ctx: DemoContext) -> str:
    result = make_group_workbooks(ctx.master, ctx.issued_dir)
    return f"Tạo {len(result.files)} sổ tổ công đoàn trong {ctx.issued_dir.name}/"


def step_fill(ctx: DemoContext) -> str:
    data, fonts = demo_group_data(ctx.facts["setup"])
    ctx.returned_dir.mkdir(parents=True, exist_ok=True)
    rows = 0
    for issued in sorted(ctx.issued_dir.glob("*.xlsx")):
        code = read_workbook(issued, sheets=("to_cong_doan",)).stamp["ma_to"]
        target = ctx.returned_dir / issued.name
        shutil.copyfile(issued, target)
        rows += sum(fill_tables(target, data[code], fonts.get(code)).values())
        ctx.returned.append(target)
    return (
        f"Các tổ điền và gửi lại {len(ctx.returned)} sổ ({rows} dòng, có "
        f"{len(MISTAKES)} lỗi cố ý) trong {ctx.returned_dir.name}/"
    )


def step_read_back(ctx: DemoContext) -> str:
    rows = findings = 0
    for path in ctx.returned:
        data = read_workbook(path)
        rows += sum(len(data.table(k)) for k in ("dang_ky", "cong_trinh", "ket_qua", "tin_bai"))
        findings += len(data.findings)
    return f"Đọc lại các sổ tổ: {rows} dòng dữ liệu, {findings} ô không đọc được kiểu"


def step_consolidate(ctx: DemoContext) -> str:
    from .consolidation import consolidate

    result = consolidate(ctx.master, [ctx.returned_dir])
    ctx.facts["consolidation"] = result
    return f"Gộp sổ tổ vào sổ chính: {result.summary_line()}"


def step_validate(ctx: DemoContext) -> str:
    receipts = ctx.outdir / "bien-nhan"
    groups = check_workbooks(ctx.returned, reference=ctx.master, out=receipts)
    ctx.facts["validation"] = {"groups": groups}
    c = groups.counts
    return (
        f"Kiểm tra {len(groups.files)} sổ tổ gửi lại: {c['Lỗi']} lỗi, {c['Cảnh báo']} "
        f"cảnh báo; biên nhận cho từng tổ trong {receipts.name}/"
    )


def step_check_master(ctx: DemoContext) -> str:
    master = check_workbook(ctx.master)
    ctx.facts["validation"]["master"] = master
    return (
        f"Kiểm tra sổ chính sau khi gộp: {len(master.findings)} mục cần sửa, ghi ở trang "
        "Kiểm tra và tô màu ô"
    )


def step_score(ctx: DemoContext) -> str:
    from .results import score_master

    result = score_master(ctx.master).result
    return "; ".join(["Tính điểm: " + result.headline, *result.side_notes])


def step_shortlist(ctx: DemoContext) -> str:
    from .results import shortlist_master

    return shortlist_master(ctx.master).result.headline


REPORTS = (("1", "Bao-cao-so-ket-Dot-1"), ("cả năm", "Bao-cao-tong-ket-nam"))


def step_report(ctx: DemoContext) -> str:
    """The sơ kết of Đợt 1 and the year's tổng kết: each a workbook to send upward (the BC
    sheets) and its narrative report in Word."""
    from .results import report_master

    lines = []
    for moment, stem in REPORTS:
        run = report_master(
            ctx.master,
            out=ctx.outdir / f"{stem}.xlsx",
            moment=moment,
            word=ctx.outdir / f"{stem}.docx",
        )
        lines.append(f"{run.result.headline} và {stem}.docx")
    return "; ".join(lines)


def step_dossier(ctx: DemoContext) -> str:
    from .results import dossier_master

    result = dossier_master(ctx.master, ctx.outdir / "ho-so-khen-thuong", force=True).result
    return f"{result.headline} trong ho-so-khen-thuong/"


def step_export(ctx: DemoContext) -> str:
    from .results import export_tdkt_master

    return export_tdkt_master(ctx.master, ctx.outdir / "xuat-tdkt", force=True).result.headline


STEPS: list[tuple[str, Callable[[DemoContext], str]]] = [
    ("init", step_init),
    ("groups", step_groups),
    ("fill", step_fill),
    ("read", step_read_back),
    ("validate", step_validate),
    ("consolidate", step_consolidate),
    ("check", step_check_master),
    ("score", step_score),
    ("shortlist", step_shortlist),
    ("report", step_report),
    ("dossier", step_dossier),
    ("export", step_export),
]


def run_demo(
    outdir: str | Path,
    progress: Callable[[DemoStep], None] | None = None,
    make_macro_workbook: Callable[[Path, Path], object] | None = None,
) -> DemoResult:
    """Run every step. With ``make_macro_workbook`` (the Excel side's builder) the master is an
    .xlsm with the ribbon; the library alone writes an .xlsx."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    name = MASTER_NAME if make_macro_workbook is None else MASTER_NAME.replace(".xlsx", ".xlsm")
    ctx = DemoContext(
        outdir=outdir,
        campaign=load_campaign(),
        master=outdir / name,
        issued_dir=outdir / "so-to",
        returned_dir=outdir / "so-to-gui-lai",
        make_macro_workbook=make_macro_workbook,
    )
    result = DemoResult(outdir=outdir, master=ctx.master)
    for name, step in STEPS:
        done = DemoStep(name, step(ctx))
        result.steps.append(done)
        if progress:
            progress(done)
    return result
