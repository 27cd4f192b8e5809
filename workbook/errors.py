"""Exceptions for things that stop a run (data problems are findings, not exceptions).

Each carries a Vietnamese message ready for an officer; the CLI and the Excel entry points map
them to a message once, at the edge.
"""
from __future__ import annotations


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
