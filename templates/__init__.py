"""Data, not code: default campaigns, rule sets and layouts shipped with thidua."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_CAMPAIGN = "ke-hoach-45-KH-CDCS"


def path(*parts: str) -> Path:
    """Filesystem path of a file shipped in templates/ (works installed or from a checkout)."""
    return Path(str(resources.files(__name__).joinpath(*parts)))
