"""The user's cache folder, where runs keep what makes the next run cheaper (never what it
needs to be right): consolidation's master states, the outlines of sheets stored in segments,
and which masters hold the same rows as an earlier one (an output run in between)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """``THIDUA_CACHE_DIR``, else the platform's per-user cache."""
    if os.environ.get("THIDUA_CACHE_DIR"):
        return Path(os.environ["THIDUA_CACHE_DIR"])
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return root / "thidua" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "thidua"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "thidua"


def keep_file(target: Path, data: bytes, keep: int) -> bool:
    """Write ``target`` in its cache folder atomically, then drop the oldest files of its kind
    beyond the newest ``keep``; returns whether it was written (a read-only profile, a full
    disk: the next run does without it)."""
    from .safe_io import give_mode  # safe_io is the heavier module: only when writing

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            give_mode(Path(tmp), target)  # as every file thidua writes
            os.replace(tmp, target)
        finally:
            Path(tmp).unlink(missing_ok=True)
        kind = sorted(
            target.parent.glob(f"*{target.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in kind[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        return False
    return True


SAME_ROWS_KEEP = 40  # the newest records kept: a few output runs after each of a few masters
_MAX_HOPS = 16  # output runs in a row between two consolidations that a record chain follows


def _same_rows_path(master_sha256: str) -> Path:
    return cache_dir() / "same-rows" / f"{master_sha256}.txt"


def note_same_rows(before: str, after: str) -> bool:
    """Record that the master file hashed ``after`` holds every sheet's rows exactly as the
    file hashed ``before`` did (an output run that redrew only its own sheets and marks, rows
    put back byte for byte): what a run kept for ``before`` still describes its rows."""
    if not before or before == after:
        return False
    return keep_file(_same_rows_path(after), before.encode("ascii"), SAME_ROWS_KEEP)


def same_rows_as(master_sha256: str) -> list[str]:
    """The earlier masters (nearest first) whose rows the master with this hash holds as they
    were, following the records of the output runs between them."""
    found: list[str] = []
    current = master_sha256
    for _ in range(_MAX_HOPS):
        try:
            before = _same_rows_path(current).read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            break
        if len(before) != 64 or before in found or before == master_sha256:
            break  # damaged, or a loop
        found.append(before)
        current = before
    return found
