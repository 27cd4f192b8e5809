"""Running the per-workbook step over a batch: a thread pool here, Dask on a cluster.

The step (``read_group``) is a pure function of a path, so the same call runs in threads (the
default: python-calamine releases the GIL while it parses) or on Dask distributed workers when a
scheduler address or client is given. Results come back in input order whatever finishes first.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Callable, Sequence

from ..errors import ThiduaError

ProgressFn = Callable[[int, int, str], None]  # (done, total, file name)


def default_workers() -> int:
    # calamine parses without the GIL, but building its rows and the typing pass hold it: on
    # two cores a second thread gains ~10%, a third only queues behind the GIL.
    return max(1, min(2, os.cpu_count() or 1))


def run_batch(
    func: Callable[..., Any],
    items: Sequence[tuple],
    *,
    scheduler: Any = None,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    label: Callable[[tuple], str] = str,
) -> list[Any]:
    """``[func(*item) for item in items]``, in parallel, in input order."""
    total = len(items)
    results: list[Any] = [None] * total
    if total == 0:
        return results
    if scheduler is not None:
        return _run_dask(func, items, scheduler, progress, label)
    workers = workers or default_workers()
    if workers == 1:
        for i, item in enumerate(items):
            results[i] = func(*item)
            if progress:
                progress(i + 1, total, label(item))
        return results
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(func, *item): i for i, item in enumerate(items)}
        for done, future in enumerate(as_completed(futures), start=1):
            i = futures[future]
            results[i] = future.result()
            if progress:
                progress(done, total, label(items[i]))
    return results


def _run_dask(
    func: Callable[..., Any],
    items: Sequence[tuple],
    scheduler: Any,
    progress: ProgressFn | None,
    label: Callable[[tuple], str],
) -> list[Any]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:  # an optional extra: say how to get it instead of a crash log
        raise ThiduaError(
            "Chạy trên cụm Dask cần gói dask[distributed]. Cài phần cụm của "
            'thidua (trong thư mục mã nguồn: pip install ".[cluster]"; hoặc '
            'tệp phát hành: pip install "thidua-….whl[cluster]"), hoặc bỏ tùy '
            "chọn --scheduler."
        ) from None

    own = isinstance(scheduler, str)
    client = Client(scheduler) if own else scheduler
    if not isinstance(client, Client):  # a cluster object
        client, own = Client(client), True
    try:
        # An argument every item shares (the master's set-up, its lookups) goes to the workers
        # once, not pickled into each task: 1,000 tasks × 2.7 MiB exhausted a machine's memory.
        shared = {
            i: client.scatter([arg], broadcast=True)[0]
            for i, arg in enumerate(items[0])
            if arg is not None
            and not isinstance(arg, (str, bytes, int, float, Path))
            and all(len(item) > i and item[i] is arg for item in items)
        }
        futures = [
            client.submit(func, *(shared.get(i, arg) for i, arg in enumerate(item)), pure=False)
            for item in items
        ]
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(items)
        for done, future in enumerate(dask_completed(futures), start=1):
            i = index[future.key]
            results[i] = future.result()
            if progress:
                progress(done, len(items), label(items[i]))
        return results
    finally:
        if own:
            client.close()
