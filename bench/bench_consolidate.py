"""Benchmark: consolidating group workbooks, thidua against the naive pandas script.

    python bench/bench_consolidate.py [--groups 200] [--members 150] [--summaries 1000]
        [--cdcs-groups 20] [--big-groups 1000] [--big-members 30] [--dask-workers 2]
        [--master-rows 100000] [--command-timeout 900] [--dir D]

Quick run (about a minute on 2 cores):
    python bench/bench_consolidate.py --groups 50 --big-groups 0 --master-rows 0

Corpora are built with bench/make_corpus.py under D (default: the temp folder) and kept for
the next run. Every row runs in its own fresh process (bench/consolidate_contenders.py, or the
`thidua` command itself) and reports its own peak memory, so no row inherits another's.

What each row means (developer note):
  N groups (--groups; the issue's Targets use 200):
    bytes floor            unzip every worksheet's XML and count cells: no reader can do less
    naive pandas read      pd.read_excel(f, sheet_name=None) with openpyxl, every file
    naive pandas end to end  read, pd.concat per sheet, to_excel: the script an officer writes
    thidua read phase      the per-workbook step alone (thread pool, typed by the schema)
    thidua consolidate, first run   library call into the empty master, validated (default)
    same, --no-check       the same without the row checks (batches already validated)
    1 group changed        the first run's folder again after one group resent its workbook
                           with one article retitled; "% first" is its share of the first run
    consolidate-summaries  the upper union merging S CĐCS summary workbooks
  CĐCS scale (--cdcs-groups): the whole `thidua consolidate` command, first run, timed from
    outside as a user waits for it (interpreter start and imports included).
  --big-groups groups of --big-members members (0 skips the section): consolidate first run on
    threads; the same on a local Dask cluster of --dask-workers processes when dask[distributed]
    is installed (cluster start reported apart; worker peaks apart; stopped, and shown so, when
    the process and its workers pass --dask-memory-cap MiB); both again with --no-check (no
    master set-up shipped with each task); and reading the merged
    master alone, the memory floor: consolidation memory should be bounded by the largest
    workbook plus the merged master, not grow with the number of files.
  A master holding --master-rows data rows (0 skips the section): `thidua consolidate` writes
    it from a corpus of that many rows, then `thidua validate`, `score`, `shortlist` and
    `report` run on it in an officer's order; "÷ consolidate" is each command's time over the
    consolidate command's time. A command slower than --command-timeout is stopped and shown
    as such. Exit code 1 in these rows is expected: make_corpus registers some members for a
    movement meant for collectives, so every run has findings to report.
The Targets of issue 13 are printed last, each with the measured value.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from consolidate_tables import print_big, print_cdcs, print_groups, print_master, print_targets

BENCH = Path(__file__).resolve().parent
CONTENDERS = BENCH / "consolidate_contenders.py"
RETURNED = "so-to-gui-lai"
MASTER = "so-thi-dua.xlsx"


def own_peak_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def contender(run: Path, label: str, name: str, **arguments) -> dict:
    """One contender in a fresh process: its result, seconds and own peak MiB.

    A contender that fails or is stopped gives a row saying so; the bench goes on.
    """
    arguments = {k: str(v) if isinstance(v, Path) else v for k, v in arguments.items()}
    result, log = run / f"{label}.json", run / f"{label}.log"
    result.unlink(missing_ok=True)
    with open(log, "w", encoding="utf-8") as sink:
        code = subprocess.run(
            [sys.executable, str(CONTENDERS), name, json.dumps(arguments), str(result)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        ).returncode
    info = json.loads(result.read_text(encoding="utf-8")) if result.exists() else {}
    if code and "stopped" not in info:
        info["stopped"] = f"failed (exit {code}, see {log})"
    info.setdefault("seconds", float("nan"))
    info.setdefault("peak_mib", float("nan"))
    return info


def thidua_command() -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from cli.main import main; main()"]


def command(args: list[str], log: Path, timeout: float) -> dict:
    """A `thidua` command end to end, as a user waits for it.

    Its peak comes from wait4 on that one process: ru_maxrss there is the command's own peak or
    this driver's at fork time, whichever is larger; the driver stays small (it imports no
    pandas and builds nothing itself) and prints its own peak under the table.
    """
    argv = thidua_command() + [str(a) for a in args]
    # what a run keeps for the next (master states, outlines) goes beside the run's files, not
    # into the user's cache folder
    env = {**os.environ, "THIDUA_CACHE_DIR": str(log.parent / "bo-nho-dem")}
    with open(log, "w", encoding="utf-8") as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, env=env)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        timer.cancel()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    return {
        "seconds": seconds,
        "peak_mib": usage.ru_maxrss / 1024,
        "exit_code": code,
        "stopped": f"stopped after {timeout:.0f} s" if code < 0 else "",
        "log": str(log),
    }


def make_corpus(corpus: Path, groups: int, members: int, summaries: int = 0) -> None:
    """Build the corpus in a child process (the driver must stay small, see ``command``)."""
    if (corpus / MASTER).exists():
        return
    print(f"Making {groups} group workbooks of {members} members in {corpus} …", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "make_corpus.py"),
            str(corpus),
            "--groups",
            str(groups),
            "--members",
            str(members),
            "--summaries",
            str(summaries),
            "--workers",
            str(min(2, os.cpu_count() or 1)),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"  made in {time.perf_counter() - started:.1f} s", flush=True)


def fresh_run(corpus: Path, masters: list[str], copy_returned: bool = False) -> Path:
    """A run folder with copies of the empty master (and of the returned files if asked)."""
    run = corpus / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir()
    for name in masters:
        shutil.copy(corpus / MASTER, run / name)
    if copy_returned:
        shutil.copytree(corpus / RETURNED, run / RETURNED)
    return run


def rows_per_group(members: int) -> int:
    """Data rows make_corpus gives one group: registrations, 2 results, articles, works."""
    return members + 2 * members + math.ceil(members / 3) + max(1, members // 15)


def step(label: str, r: dict) -> None:
    print(f"  {label}: {r['seconds']:.2f} s, {r['peak_mib']:.0f} MiB", flush=True)


def bench_groups(base: Path, args) -> dict:
    corpus = base / f"{args.groups}x{args.members}"
    make_corpus(corpus, args.groups, args.members, args.summaries)
    run = fresh_run(corpus, [MASTER, "khong-kiem-tra.xlsx"], copy_returned=True)
    r = {}
    for name in ("floor", "pandas_read", "pandas_merge", "thidua_read"):
        r[name] = contender(run, name, name, corpus=corpus)
        step(name, r[name])
    r["first"] = contender(run, "first", "consolidate", master=run / MASTER, folder=run / RETURNED)
    step("first", r["first"])
    r["unchecked"] = contender(
        run,
        "unchecked",
        "consolidate",
        master=run / "khong-kiem-tra.xlsx",
        folder=corpus / RETURNED,
        check=False,
    )
    step("unchecked", r["unchecked"])
    r["changed_file"] = contender(run, "change", "change_one_group", folder=run / RETURNED).get(
        "file", "nothing"
    )
    r["update"] = contender(
        run, "update", "consolidate", master=run / MASTER, folder=run / RETURNED
    )
    step("update", r["update"])
    r["validate"] = contender(run, "validate", "validate_folder", corpus=corpus)
    step("validate", r["validate"])
    r["validate_each"] = contender(
        run, "validate_each", "validate_folder", corpus=corpus, stack=False
    )
    step("validate_each", r["validate_each"])
    if (corpus / "bao-cao-cdcs").exists():
        r["summaries"] = contender(run, "summaries", "summaries", corpus=corpus)
        step("summaries", r["summaries"])
    return r


def bench_cdcs(base: Path, args) -> dict:
    corpus = base / f"{args.cdcs_groups}x{args.members}"
    make_corpus(corpus, args.cdcs_groups, args.members)
    run = fresh_run(corpus, [MASTER])
    r = command(
        ["consolidate", run / MASTER, corpus / RETURNED],
        run / "consolidate.log",
        args.command_timeout,
    )
    step("cdcs command", r)
    return r


def bench_big(base: Path, args) -> dict:
    corpus = base / f"{args.big_groups}x{args.big_members}"
    make_corpus(corpus, args.big_groups, args.big_members)
    names = {
        "threads": MASTER,
        "dask": "dask.xlsx",
        "threads_unchecked": "nc.xlsx",
        "dask_unchecked": "dask-nc.xlsx",
    }
    run = fresh_run(corpus, list(names.values()))
    dask = bool(args.dask_workers) and _has_dask()
    r: dict = {}
    for label, master in names.items():
        check = not label.endswith("unchecked")
        if label.startswith("dask"):
            if not dask:
                continue
            r[label] = contender(
                run,
                label,
                "consolidate_dask",
                master=run / master,
                folder=corpus / RETURNED,
                workers=args.dask_workers,
                memory_cap_mib=args.dask_memory_cap,
                check=check,
            )
        else:
            r[label] = contender(
                run,
                label,
                "consolidate",
                master=run / master,
                folder=corpus / RETURNED,
                check=check,
            )
        step(f"big {label}", r[label])
    r["master"] = contender(run, "master", "read_master", master=run / MASTER)
    step("big master read", r["master"])
    files = list((corpus / RETURNED).glob("*.xlsx"))
    r["largest_kib"] = max(f.stat().st_size for f in files) / 1024
    r["all_kib"] = sum(f.stat().st_size for f in files) / 1024
    r["master_kib"] = (run / MASTER).stat().st_size / 1024
    return r


def _has_dask() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import distributed"], capture_output=True)
    return probe.returncode == 0


def bench_master(base: Path, args) -> dict:
    groups = math.ceil(args.master_rows / rows_per_group(args.members))
    corpus = base / f"{groups}x{args.members}"
    make_corpus(corpus, groups, args.members)
    run = fresh_run(corpus, [MASTER], copy_returned=True)
    master, r = run / MASTER, {"groups": groups}
    steps = [
        ("consolidate", ["consolidate", master, run / RETURNED]),
        ("validate", ["validate", master]),
        ("score", ["score", master]),
        ("shortlist", ["shortlist", master]),
        ("report", ["report", master]),
        # the officer's next batch: one group resends its file into a master validate marked
        ("consolidate_again", ["consolidate", master, run / RETURNED]),
    ]
    for name, argv in steps:
        if name == "consolidate_again":
            contender(run, "change", "change_one_group", folder=run / RETURNED)
        r[name] = command(argv, run / f"{name}.log", args.command_timeout)
        step(f"master {name}", r[name])
    return r


def compile_sources() -> None:
    """Compile thidua's modules to bytecode first, as ``pip install`` does: a source tree run
    with PYTHONDONTWRITEBYTECODE set would otherwise compile them again in every contender
    (about 0.1 s a process)."""
    import compileall

    for folder in ("workbook", "cli"):
        compileall.compile_dir(BENCH.parent / folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark thidua consolidate.")
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--members", type=int, default=150, help="members per group")
    parser.add_argument("--summaries", type=int, default=1000, help="CĐCS summaries (0: none)")
    parser.add_argument("--cdcs-groups", type=int, default=20, help="0 skips the CĐCS row")
    parser.add_argument("--big-groups", type=int, default=1000, help="0 skips the section")
    parser.add_argument("--big-members", type=int, default=30)
    parser.add_argument("--dask-workers", type=int, default=2, help="0 skips the Dask rows")
    parser.add_argument(
        "--dask-memory-cap",
        type=float,
        default=3072,
        help="MiB (process and workers) past which a Dask row is stopped",
    )
    parser.add_argument(
        "--master-rows",
        type=int,
        default=100_000,
        help="data rows of the big master (0 skips the section)",
    )
    parser.add_argument(
        "--command-timeout",
        type=float,
        default=900,
        help="seconds after which a command of the master section is stopped",
    )
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "thidua-bench")
    args = parser.parse_args()
    compile_sources()
    results: dict = {}
    if args.groups:
        results["groups"] = bench_groups(args.dir, args)
    if args.cdcs_groups:
        results["cdcs"] = bench_cdcs(args.dir, args)
    if args.big_groups:
        results["big"] = bench_big(args.dir, args)
    if args.master_rows:
        results["master"] = bench_master(args.dir, args)
    if "groups" in results:
        print_groups(results["groups"], args)
    if "cdcs" in results:
        print_cdcs(results["cdcs"], args)
    if "big" in results:
        print_big(results["big"], args)
    if "master" in results:
        print_master(results["master"], args)
    print_targets(results, args)
    print(f"\n(driver peak {own_peak_mib():.0f} MiB: the floor under the command rows' peaks)")


if __name__ == "__main__":
    main()
