"""Where a master's sheets lie as stored (``sheet_segments``' outlines), kept in the user's cache.

An output run stores the sheets it puts back as head, rows and tail segments; the next run needs
to know where those segments lie to copy the rows as stored. That is kept here, outside the
workbook (the package itself stays as any zip writer would write it): a small JSON file named by
the sha256 of the master file it describes, so it is used only while the master is byte for byte
that file. Any edit, by Excel or anything else, and the next run inflates the sheets as before.
Like the consolidation's state it is an optional speed-up: missing, damaged or unwritable, it is
ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from .user_cache import cache_dir, keep_file

KEEP = 20  # the newest outline files kept (several masters, some backups)


def _path(master_sha256: str) -> Path:
    return cache_dir() / "outlines" / f"{master_sha256}.json"


def load_outlines(master_sha256: str) -> dict[str, bytes]:
    """Part name -> outline, for the master with this hash ({} if none is kept)."""
    try:
        kept = json.loads(_path(master_sha256).read_text(encoding="ascii"))
        return {str(part): str(text).encode("ascii") for part, text in kept.items()}
    except (OSError, ValueError, AttributeError):  # absent, damaged: read the sheets whole
        return {}


def keep_outlines(master_sha256: str, outlines: Mapping[str, bytes]) -> bool:
    """Keep the outlines of the master with this hash (atomically), dropping the oldest beyond
    ``KEEP``; returns whether they were kept (a read-only profile is not an error)."""
    if not outlines:
        return False
    text = json.dumps({part: o.decode("ascii") for part, o in sorted(outlines.items())})
    return keep_file(_path(master_sha256), text.encode("ascii"), KEEP)
