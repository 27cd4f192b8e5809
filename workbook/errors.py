"""Exceptions for things that stop a run (data problems are findings, not exceptions).

Each carries a Vietnamese message ready for an officer; the CLI and the Excel entry points map
them to a message once, at the edge.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

LOG_DIR_ENV = "THIDUA_LOG_DIR"  # where crash logs go instead of the user's own folder (tests)
CRASH_LOG = "thidua-loi.log"


class ThiduaError(Exception):
    """A problem the user can fix; ``str(err)`` is the Vietnamese message."""

    code = "thidua-error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WorkbookLocked(ThiduaError):
    code = "workbook-locked"


class WorkbookChanged(ThiduaError):
    """The file a run was writing changed under it (saved from elsewhere meanwhile)."""

    code = "workbook-changed"


class FileExistsRefused(ThiduaError):
    code = "file-exists"


class UnreadableWorkbook(ThiduaError):
    """A file that cannot be read at all; ``reason_code`` says why (stable slug: corrupt,
    password-protected, web-page-as-workbook, …), for a batch that sets the file aside."""

    code = "unreadable-workbook"

    def __init__(self, message: str, reason_code: str = "corrupt"):
        super().__init__(message)
        self.reason_code = reason_code


class ReadOnlyFile(ThiduaError):
    code = "read-only-file"


class FolderNotWritable(ThiduaError):
    code = "folder-not-writable"


class NotOurWorkbook(ThiduaError):
    code = "not-our-workbook"


class CampaignError(ThiduaError):
    code = "campaign-error"


def log_folder() -> Path:
    """The user's own folder for thidua's logs: never a shared one, where another user's file
    of the same name would make the crash handler itself fail."""
    if os.environ.get(LOG_DIR_ENV):
        return Path(os.environ[LOG_DIR_ENV])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "thidua"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "thidua"


def write_crash_log() -> Path | None:
    """Append the current exception's traceback to a log file for the maintainer; the user
    only sees a short Vietnamese message naming this file. None when no log could be written
    (the message then says so): the crash handler itself must never fail."""
    path = log_folder() / CRASH_LOG
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            fh.write(traceback.format_exc())
    except OSError:
        return None
    return path


def unexpected_message(err: BaseException, log: Path | None) -> str:
    where = (
        f"Gửi tệp {log} cho người quản trị để được hỗ trợ."
        if log
        else "Không ghi được tệp nhật ký lỗi; hãy chụp màn hình thông báo này gửi người quản trị."
    )
    return f"Lỗi không mong đợi ({type(err).__name__}). Dữ liệu không bị thay đổi. {where}"
