"""Report generation time: the demo CĐCS (60 members) and a 2,000-member CĐCS (40 groups).

Run:  python bench/bench_report.py [--members 2000] [--dir D]

Builds both masters (the demo's data; a synthetic one from bench/make_corpus.py), then times,
for the year's tổng kết (the biggest report: it carries the award list):
  read master        python-calamine, every sheet typed by the schema
  compute            validation, scores and the award shortlist
  BC sheets          the print-ready workbook (openpyxl), paginated by us
  …, naive           the same drawing with a new style object per cell (openpyxl hashes each)
  Word report        the narrative report (python-docx)
  council list       the list to the agency's council (the sheet `thidua shortlist` draws)
  dossier (Word)     a tờ trình per destination with its list, and the biên bản
  thidua report      end to end: `thidua report --dot "cả năm" --out … --word …`
and prints a table with the seconds and the pages the workbook prints to.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402
from openpyxl.styles import Alignment, Font  # noqa: E402

from bench.make_corpus import group_data, members_of  # noqa: E402
from workbook.campaign import load_campaign  # noqa: E402
from workbook.demo_data import demo_group_data, demo_setup, demo_titles  # noqa: E402
from workbook.layout import (
    FONT_NAME,  # noqa: E402
    new_workbook,  # noqa: E402
)
from workbook.master import init_master  # noqa: E402
from workbook.reading import read_workbook  # noqa: E402
from workbook.reports import (  # noqa: E402
    choose_moment,
    document,  # noqa: E402
    report_context,
    save_report,
)
from workbook.reports.docx import write_dossier, write_narrative  # noqa: E402
from workbook.reports.lists import write_council_list  # noqa: E402
from workbook.results import compute, report_master  # noqa: E402
from workbook.writing import fill_tables  # noqa: E402

DATA_KEYS = ("dang_ky", "cong_trinh", "ket_qua", "tin_bai")


def demo_master(path: Path) -> Path:
    setup = demo_setup()
    campaign = load_campaign()
    init_master(
        path,
        campaign,
        force=True,
        extra={**setup, "danh_hieu": demo_titles(campaign.rows("danh_hieu"))},
    )
    by_group, _ = demo_group_data(setup)
    fill_tables(path, {k: [r for g in sorted(by_group) for r in by_group[g][k]] for k in DATA_KEYS})
    return path


def big_master(path: Path, members: int, per_group: int = 50) -> Path:
    """Synthetic groups and members (bench/make_corpus.py), the year's official ratings, and
    the demo's award list with quotas scaled to the size (10% Giấy khen of the upper union)."""
    rng = random.Random(45)
    groups, people, data = [], [], {k: [] for k in DATA_KEYS}
    ratings = []
    for g in range(1, max(1, members // per_group) + 1):
        code = f"{g:03d}"
        mine = members_of(code, per_group, rng)
        groups.append({"ma_to": code, "ten_to": f"Tổ công đoàn số {g}"})
        people += mine
        for key, rows in group_data(code, mine, rng).items():
            data[key] += rows
        ratings += [
            {
                "nam": 2023,
                "loai_doi_tuong": "Cá nhân",
                "ma_doi_tuong": m["ma_doan_vien"],
                "xep_loai": rng.choices(["HTXSNV", "HTTNV", "HTNV"], [20, 70, 10])[0],
            }
            for m in mine
        ]
        ratings.append(
            {
                "nam": 2023,
                "loai_doi_tuong": "Tập thể",
                "ma_doi_tuong": code,
                "xep_loai": "HTXSNV" if g % 4 == 0 else "HTTNV",
            }
        )
    campaign = load_campaign()
    titles = [
        {
            **t,
            "chi_tieu": {"GKCT": "10%", "BKLD": "1%", "GKCQ": "5%", "GKCTTT": "2"}.get(
                t["ma_danh_hieu"], t.get("chi_tieu")
            ),
        }
        for t in demo_titles(campaign.rows("danh_hieu"))
    ]
    init_master(
        path,
        campaign,
        force=True,
        extra={
            "to_cong_doan": groups,
            "doan_vien": people,
            "xep_loai_nam": ratings,
            "danh_hieu": titles,
        },
    )
    fill_tables(path, data)
    return path


def naive_style(self, cell, look, align, wrap=False, boxed=False, fmt=None, valign="center"):
    """What drawing cost before styles were shared: new objects for every cell."""
    cell.font = Font(name=FONT_NAME, size=look.size, bold=look.bold, italic=look.italic)
    cell.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=wrap)
    if boxed:
        cell.border = document.BOX
    if fmt:
        cell.number_format = fmt


def naive(func):
    """Run ``func`` with the per-cell-style drawing."""
    shared = document.Document._style
    document.Document._style = naive_style
    try:
        return func()
    finally:
        document.Document._style = shared


def timed(func):
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def measure(name: str, master: Path, work: Path) -> list[tuple[str, str, float, str]]:
    rows = []
    t, data = timed(lambda: read_workbook(master))
    members = len(data.table("doan_vien"))
    rows.append((name, "read master", t, f"{members} đoàn viên"))
    t, (inp, scores, shortlist) = timed(lambda: compute(data))
    rows.append(
        (name, "compute", t, f"{int((shortlist.decisions['ket_qua'] == 'Đề nghị').sum())} đề nghị")
    )
    rc = report_context(inp, scores, shortlist, choose_moment(inp.config, inp.phases, "cả năm"))
    t, _ = timed(lambda: save_report(rc, work / f"{name}-bc.xlsx"))
    wb = load_workbook(work / f"{name}-bc.xlsx")
    pages = sum(len(ws.row_breaks.brk) + 1 for ws in wb.worksheets if ws.sheet_state == "visible")
    rows.append((name, "BC sheets", t, f"{pages} trang"))
    t, _ = timed(lambda: naive(lambda: save_report(rc, work / f"{name}-naive.xlsx")))
    rows.append((name, "BC sheets, naive", t, "style per cell"))
    t, _ = timed(lambda: write_narrative(rc, work / f"{name}.docx"))
    rows.append((name, "Word report", t, ""))
    wb = new_workbook()
    t, _ = timed(lambda: write_council_list(wb.create_sheet("Trình Hội đồng TĐKT"), rc))
    council = len(wb["Trình Hội đồng TĐKT"].row_breaks.brk) + 1
    rows.append((name, "council list", t, f"{council} trang (sheet of `shortlist`)"))
    wb = new_workbook()
    t, _ = timed(lambda: naive(lambda: write_council_list(wb.create_sheet("DS"), rc)))
    rows.append((name, "council list, naive", t, "style per cell"))
    t, dossier = timed(lambda: write_dossier(rc, work / f"{name}-ho-so"))
    rows.append(
        (name, "dossier (Word)", t, "; ".join(f"{n}: {k}" for n, k in dossier.destinations.items()))
    )
    t, _ = timed(
        lambda: report_master(
            master, out=work / f"{name}-e2e.xlsx", moment="cả năm", word=work / f"{name}-e2e.docx"
        )
    )
    rows.append((name, "thidua report", t, "end to end"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="bench-report-"))
    work.mkdir(parents=True, exist_ok=True)
    cases = [
        ("demo", demo_master(work / "demo.xlsx")),
        (f"{args.members} ĐV", big_master(work / "big.xlsx", args.members)),
    ]
    rows = [row for name, master in cases for row in measure(name, master, work)]
    print(f"{'case':<10} {'step':<20} {'seconds':>8}  note")
    for name, step, seconds, note in rows:
        print(f"{name:<10} {step:<20} {seconds:>8.2f}  {note}")


if __name__ == "__main__":
    main()
