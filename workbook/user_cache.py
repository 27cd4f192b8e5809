"""The user's cache folder, where runs keep what makes the next run cheaper (never what it
needs to be right): consolidation's master states, the outlines of sheets stored in segments."""

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
