"""The contenders of bench/bench_consolidate.py, each run alone in a fresh process.

    python bench/consolidate_contenders.py NAME '{"corpus": "...", ...}' RESULT.json

writes one JSON object to RESULT.json (not to stdout: a process the contender starts, such as
Dask's resource tracker, may keep stdout open after the contender ends): the contender's own
result, its wall time (imports included, as a user would wait for them) and its own peak memory.
The peak is the high-water mark of this process's address space (VmHWM in /proc/self/status),
not ``ru_maxrss``: on Linux ``ru_maxrss`` of an exec'd child starts at its parent's peak at fork
time, so a child of a large parent reports the parent's memory (that is how every row of the old
table repeated an earlier peak)."""

from __future__ import annotations

import gc
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbook.collector import THRESHOLDS  # noqa: E402

RETURNED = "so-to-gui-lai"


def own_peak_mib() -> float:
    """This process's peak resident memory in MiB (see the module docstring)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.xlsx"))


def floor(corpus: str) -> dict:
    """Unzip every worksheet and count its cells: the bytes any reader must at least touch."""
    cells = 0
    for f in _files(Path(corpus) / RETURNED):
        with zipfile.ZipFile(f) as zf:
            for name in zf.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    cells += zf.read(name).count(b"<c ")
    return {"cells": cells}


def _naive_read(folder: Path) -> dict:
    import pandas as pd

    frames: dict[str, list] = {}
    for f in _files(folder):
        for name, df in pd.read_excel(f, sheet_name=None, engine="openpyxl").items():
            df["Tệp"] = f.name
            frames.setdefault(name, []).append(df)
    return frames


def pandas_read(corpus: str) -> dict:
    frames = _naive_read(Path(corpus) / RETURNED)
    return {"rows": sum(len(df) for v in frames.values() for df in v)}


def pandas_merge(corpus: str) -> dict:
    """The naive script end to end: read every sheet, concat per sheet, write one workbook."""
    import pandas as pd

    frames = _naive_read(Path(corpus) / RETURNED)
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
    return {
        "rows": sum(len(df) for df in merged.values()),
        "phones_corrupted": lost,
        "codes_corrupted": lost_codes,
    }


def thidua_read(corpus: str) -> dict:
    """The per-workbook step alone over the batch (thread pool, typed by the schema)."""
    from workbook.consolidation.collect import collect
    from workbook.consolidation.read_group import read_group
    from workbook.consolidation.runner import run_batch

    candidates, _ = collect([Path(corpus) / RETURNED])
    reads = run_batch(read_group, [(c.path, c.sha256) for c in candidates])
    return {"rows": sum(r.row_count for r in reads)}


def _consolidate(master: str, folder: str, **options) -> dict:
    from workbook.consolidation import consolidate

    # The state a run keeps for the next (master_cache) goes beside the bench's masters, not
    # into the user's cache folder.
    os.environ.setdefault("THIDUA_CACHE_DIR", str(Path(master).parent / "bo-nho-dem"))
    result = consolidate(Path(master), [Path(folder)], **options)
    t = result.totals
    return {
        "rows": t["merged"],
        "added": t["added"],
        "changed": t["changed"],
        "removed": t["removed"],
        "rows_read": t["rows_read"],
        "files_merged": t["files_merged"],
        "writer": result.writer,
        "balanced": result.balanced,
    }


def consolidate(master: str, folder: str, check: bool = True) -> dict:
    """``consolidate`` as a library call (first run or re-run, whatever the master holds)."""
    return _consolidate(master, folder, check=check)


def consolidate_dask(
    master: str, folder: str, workers: int = 2, memory_cap_mib: float = 3072, check: bool = True
) -> dict:
    """The same call with the reads on a local Dask cluster of ``workers`` processes.

    The cluster is started before the clock (its start is reported apart): a province runs a
    standing cluster, it does not start one per batch. Each task carries the master's set-up
    (for the row checks); its pickled size is reported. A watchdog stops the run when this
    process and its workers together hold more than ``memory_cap_mib`` (the machine is shared).
    """
    import pickle

    import psutil
    from distributed import Client, LocalCluster

    from workbook.consolidation.consolidate import read_master as read
    from workbook.validation.lookups import build_lookups

    data = read(Path(master))
    reference_mib = len(pickle.dumps((data, build_lookups(data)))) / 2**20 if check else 0.0
    del data
    started = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    cluster_start = time.perf_counter() - started
    watch = _Watchdog(
        memory_cap_mib,
        psutil.Process(),
        {"cluster_start": cluster_start, "reference_mib": reference_mib},
    )
    started = time.perf_counter()
    info = _consolidate(master, folder, scheduler=client, check=check)
    info["seconds"] = time.perf_counter() - started
    watch.done = True
    info.update(
        cluster_start=cluster_start,
        reference_mib=reference_mib,
        worker_peak_mib=max(client.run(own_peak_mib).values()),
        total_peak_mib=watch.peak,
    )
    client.close()
    cluster.close()
    return info


class _Watchdog:
    """Polls the memory of a process tree; past the cap, reports and ends the tree."""

    def __init__(self, cap_mib: float, process, known: dict) -> None:
        import threading

        self.cap, self.process, self.peak, self.done = cap_mib, process, 0.0, False
        self.known = known  # what the stopped row can still report
        self.started = time.perf_counter()
        threading.Thread(target=self._watch, daemon=True).start()

    def _rss_mib(self) -> float:
        total = 0
        for p in [self.process, *self.process.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except Exception:  # a worker that just ended
                pass
        return total / 2**20

    def _watch(self) -> None:
        while not self.done:
            self.peak = max(self.peak, self._rss_mib())
            if self.peak > self.cap:
                _write(
                    {
                        "stopped": f"memory over {self.cap:.0f} MiB",
                        "total_peak_mib": self.peak,
                        "seconds": time.perf_counter() - self.started,
                        "peak_mib": own_peak_mib(),
                        **self.known,
                    }
                )
                for child in self.process.children(recursive=True):
                    child.kill()
                os._exit(3)
            time.sleep(0.2)


def read_master(master: str) -> dict:
    """Reading a master alone: the memory floor of any command that takes the whole master."""
    from workbook.reading import read_workbook

    data = read_workbook(Path(master))
    return {"rows": sum(len(df) for df in data.tables.values())}


def validate_folder(corpus: str, stack: bool = True) -> dict:
    """``thidua validate so-to-gui-lai/ --reference so-thi-dua.xlsx --no-write``: the groups'
    workbooks checked against the master, stacked (``stack=False``: one context each, as
    before)."""
    from workbook.validation import validate_workbooks

    report = validate_workbooks(
        [Path(corpus) / RETURNED], Path(corpus) / "so-thi-dua.xlsx", stack=stack
    )
    return {"findings": len(report.findings), "files": len(report.files)}


def summaries(corpus: str) -> dict:
    from workbook.consolidation.summaries import consolidate_summaries

    result = consolidate_summaries(
        Path(corpus) / "run" / "tong-hop-tinh.xlsx", [Path(corpus) / "bao-cao-cdcs"], force=True
    )
    return {"units": len(result.rows)}


def change_one_group(folder: str) -> dict:
    """One group resends its workbook with one article retitled (not timed: set-up)."""
    from openpyxl import load_workbook

    path = _files(Path(folder))[0]
    wb = load_workbook(path)
    ws = wb["Tin bài"]
    ws["D2"].value = f"{ws['D2'].value} (tổ sửa lại tiêu đề)"
    wb.save(path)
    return {"file": path.name}


CONTENDERS = {
    f.__name__: f
    for f in (
        floor,
        pandas_read,
        pandas_merge,
        thidua_read,
        consolidate,
        consolidate_dask,
        read_master,
        validate_folder,
        summaries,
        change_one_group,
    )
}


def _write(info: dict) -> None:
    Path(sys.argv[3]).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    name, arguments = sys.argv[1], json.loads(sys.argv[2])
    gc.set_threshold(*THRESHOLDS)  # as `thidua` runs (workbook.collector), for every contender
    started = time.perf_counter()
    info = CONTENDERS[name](**arguments)
    info.setdefault("seconds", time.perf_counter() - started)
    info["peak_mib"] = own_peak_mib()
    _write(info)


if __name__ == "__main__":
    main()
