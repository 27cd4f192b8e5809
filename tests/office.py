"""LibreOffice (headless) for the tests: where it is, and one way to convert files with it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not on PATH")


def convert(files: list[Path], outdir: Path, to: str) -> tuple[list[Path], str]:
    """Convert ``files`` to the format ``to`` (pdf, ods, xls...) in one LibreOffice run (its
    start-up is the slow part), with a private profile (no clash with a running office).
    Returns the paths it should have written, and what it printed (for a failure message)."""
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [outdir / f"{f.stem}.{to}" for f in files], f"{result.stdout}\n{result.stderr}"
