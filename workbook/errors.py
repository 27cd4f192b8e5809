"""Exceptions for things that stop a run (data problems are findings, not exceptions).

Each carries a Vietnamese message ready for an officer; the CLI and the Excel entry points map
them to a message once, at the edge.
"""
from __future__ import annotations

import datetime as dt
import tempfile
import traceback
from pathlib import Path


class ThiduaError(Exception):
    """A problem the user can fix; ``str(err)`` is the Vietnamese message."""

    code = "thidua-error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WorkbookLocked(ThiduaError):
    code = "workbook-locked"


class FileExistsRefused(ThiduaError):
    code = "file-exists"


class UnreadableWorkbook(ThiduaError):
    code = "unreadable-workbook"


class NotOurWorkbook(ThiduaError):
    code = "not-our-workbook"


class CampaignError(ThiduaError):
    code = "campaign-error"


def write_crash_log() -> Path:
    """Append the current exception's traceback to a log file for the maintainer; the user
    only sees a short Vietnamese message naming this file."""
    path = Path(tempfile.gettempdir()) / "thidua-loi.log"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
        fh.write(traceback.format_exc())
    return path


def unexpected_message(err: BaseException, log: Path) -> str:
    return (f"Lỗi không mong đợi ({type(err).__name__}). Dữ liệu không bị thay đổi. "
            f"Gửi tệp {log} cho người quản trị để được hỗ trợ.")
