"""Benchmark: consolidating N group workbooks, thidua against the naive pandas script.

One command builds the corpus (bench/make_corpus.py) unless it exists, then times, each in its
own subprocess so peak memory (max RSS) is measured per contender:
  bytes floor       unzip every sheet's XML and scan it (no parsing into cells)
  pandas read       pd.read_excel(f, sheet_name=None) with openpyxl, every file
  pandas merge      the naive script end to end: read, pd.concat per sheet, to_excel
  thidua read       the per-workbook step over the batch (thread pool, typed by the schema)
  thidua first run  `thidua consolidate` into an empty master, master written
  thidua update     again, one group's file changed, into the now full master
  summaries         `thidua consolidate-summaries` over S CĐCS summary workbooks
and prints a table with the time, the ratio to the floor and to the naive script, and the
peak memory. It also counts the phone numbers and codes pandas turned into numbers.

    python bench/bench_consolidate.py [--groups 50] [--members 150] [--summaries 1000] [--dir D]
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _files(corpus: Path) -> list[Path]:
    return sorted((corpus / "so-to-gui-lai").glob("*.xlsx"))


def run_floor(corpus: Path) -> dict:
    cells = 0
    for f in _files(corpus):
        with zipfile.ZipFile(f) as zf:
            for name in zf.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    cells += zf.read(name).count(b"<c ")
    return {"cells": cells}


def _naive_read(corpus: Path) -> dict:
    import pandas as pd
    frames: dict[str, list] = {}
    for f in _files(corpus):
        for name, df in pd.read_excel(f, sheet_name=None, engine="openpyxl").items():
            df["Tệp"] = f.name
            frames.setdefault(name, []).append(df)
    return frames


def run_pandas_read(corpus: Path) -> dict:
    frames = _naive_read(corpus)
    return {"rows": sum(len(df) for v in frames.values() for df in v)}


def run_pandas_merge(corpus: Path) -> dict:
    import pandas as pd
    frames = _naive_read(corpus)
    merged = {name: pd.concat(parts, ignore_index=True) for name, parts in frames.items()}
    out = Path(tempfile.mkdtemp()) / "tong-hop-pandas.xlsx"
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for name, df in merged.items():
            df.to_excel(writer, sheet_name=name[:31], index=False)
    phones = merged.get("Đoàn viên", pd.DataFrame()).get("Số điện thoại")
    lost = 0 if phones is None else int(sum(not isinstance(v, str) for v in phones.dropna()))
    codes = merged.get("Công trình, sản phẩm", pd.DataFrame()).get("Mã tổ")
    lost_codes = 0 if codes is None else int(sum(not isinstance(v, str) for v in codes.dropna()))
    shutil.rmtree(out.parent)
    return {"rows": sum(len(df) for df in merged.values()),
            "phones_corrupted": lost, "codes_corrupted": lost_codes}


def run_thidua_read(corpus: Path) -> dict:
    from workbook.consolidation.collect import collect
    from workbook.consolidation.read_group import read_group
    from workbook.consolidation.runner import run_batch
    candidates, _ = collect([corpus / "so-to-gui-lai"])
    reads = run_batch(read_group, [(c.path, c.sha256) for c in candidates])
    return {"rows": sum(r.row_count for r in reads)}


def run_thidua_first(corpus: Path) -> dict:
    from workbook.consolidation import consolidate
    master = corpus / "run" / "so-thi-dua.xlsx"
    result = consolidate(master, [corpus / "so-to-gui-lai"])
    return {"rows": result.totals["merged"], "writer": result.writer,
            "balanced": result.balanced}


def run_thidua_first_unchecked(corpus: Path) -> dict:
    from workbook.consolidation import consolidate
    master = corpus / "run" / "so-thi-dua-khong-kiem-tra.xlsx"
    result = consolidate(master, [corpus / "so-to-gui-lai"], check=False)
    return {"rows": result.totals["merged"], "writer": result.writer,
            "balanced": result.balanced}


def run_thidua_update(corpus: Path) -> dict:
    from workbook.consolidation import consolidate
    master = corpus / "run" / "so-thi-dua.xlsx"
    result = consolidate(master, [corpus / "run" / "so-to-gui-lai"])
    t = result.totals
    return {"rows": t["merged"], "changed": t["changed"], "writer": result.writer}


def run_summaries(corpus: Path) -> dict:
    from workbook.consolidation.summaries import consolidate_summaries
    result = consolidate_summaries(corpus / "run" / "tong-hop-tinh.xlsx",
                                   [corpus / "bao-cao-cdcs"], force=True)
    return {"units": len(result.rows)}


RUNNERS = {"floor": run_floor, "pandas_read": run_pandas_read, "pandas_merge": run_pandas_merge,
           "thidua_read": run_thidua_read, "thidua_first": run_thidua_first,
           "thidua_unchecked": run_thidua_first_unchecked,
           "thidua_update": run_thidua_update, "summaries": run_summaries}


def child(name: str, corpus: Path) -> None:
    start = time.perf_counter()
    info = RUNNERS[name](corpus)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mib": peak, **info}, ensure_ascii=False))


def measure(name: str, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", name, "--dir", str(corpus)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def prepare_run(corpus: Path) -> None:
    """A fresh copy of the master and of the returned files for the thidua runs."""
    run = corpus / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir()
    shutil.copy(corpus / "so-thi-dua.xlsx", run / "so-thi-dua.xlsx")
    shutil.copy(corpus / "so-thi-dua.xlsx", run / "so-thi-dua-khong-kiem-tra.xlsx")


def change_one_group(corpus: Path) -> None:
    """The update run: group 001 resends its workbook with one article retitled."""
    from openpyxl import load_workbook
    shutil.copytree(corpus / "so-to-gui-lai", corpus / "run" / "so-to-gui-lai")
    path = corpus / "run" / "so-to-gui-lai" / "To-001.xlsx"
    wb = load_workbook(path)
    wb["Tin bài"]["D2"].value = "Bài viết đã được tổ sửa lại tiêu đề"
    wb.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark thidua consolidate.")
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--members", type=int, default=150)
    parser.add_argument("--summaries", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--child", default=None)
    args = parser.parse_args()
    corpus = args.dir or Path(tempfile.gettempdir()) / f"thidua-bench-{args.groups}"
    if args.child:
        child(args.child, corpus)
        return
    if not (corpus / "so-thi-dua.xlsx").exists():
        from make_corpus import make_corpus
        print(f"Making the corpus ({args.groups} group workbooks) in {corpus} …", flush=True)
        make_corpus(corpus, args.groups, args.members, args.summaries)
    prepare_run(corpus)
    results = {}
    for name in ("floor", "pandas_read", "pandas_merge", "thidua_read", "thidua_first",
                 "thidua_unchecked"):
        results[name] = measure(name, corpus)
        print(f"  {name}: {results[name]['seconds']:.2f} s", flush=True)
    change_one_group(corpus)
    results["thidua_update"] = measure("thidua_update", corpus)
    if (corpus / "bao-cao-cdcs").exists():
        results["summaries"] = measure("summaries", corpus)
    floor = results["floor"]["seconds"]
    naive = results["pandas_merge"]["seconds"]
    labels = {
        "floor": "bytes floor (unzip + scan XML)",
        "pandas_read": "naive pandas read (openpyxl)",
        "pandas_merge": "naive pandas end to end",
        "thidua_read": "thidua read phase",
        "thidua_first": "thidua consolidate, first run",
        "thidua_unchecked": "  same, --no-check (rows not validated)",
        "thidua_update": "thidua consolidate, 1 group changed",
        "summaries": "thidua consolidate-summaries",
    }
    cells = results["floor"]["cells"]
    print(f"\n{args.groups} group workbooks, {cells:,} cells "
          f"({results['pandas_read']['rows']:,} rows in all sheets)")
    print(f"{'step':40} {'seconds':>8} {'× floor':>8} {'naive ÷':>8} {'peak MiB':>9}")
    for name, label in labels.items():
        if name not in results:
            continue
        r = results[name]
        speedup = naive / r["seconds"] if name.startswith("thidua") or name == "summaries" \
            else float("nan")
        print(f"{label:40} {r['seconds']:8.2f} {r['seconds'] / floor:8.1f} "
              f"{speedup:8.1f} {r['peak_mib']:9.0f}")
    m = results["pandas_merge"]
    print(f"\nnaive pandas turned {m['phones_corrupted']:,} phone numbers and "
          f"{m['codes_corrupted']:,} group codes into numbers (leading zeros lost); thidua: 0.")
    if "summaries" in results:
        print(f"upper-union mode: {results['summaries']['units']} CĐCS summaries merged.")
    print(f"thidua first run: writer={results['thidua_first']['writer']}, every row accounted "
          f"for: {results['thidua_first']['balanced']}; update run changed "
          f"{results['thidua_update']['changed']} row(s).")


if __name__ == "__main__":
    main()
