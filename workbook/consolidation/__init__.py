"""Batch consolidation of returned group workbooks into the master, and of many CĐCS
summaries into one provincial summary.

>>> from workbook.consolidation import consolidate
>>> result = consolidate("so-thi-dua.xlsx", ["so-to-gui-lai/"])  # doctest: +SKIP

``plan_consolidation(data, master_name, paths)`` plans the same merge from a master already read
(the open workbook, for the Excel button) without touching any file.
"""

from __future__ import annotations

from .consolidate import ConsolidationResult, FileOutcome, consolidate
from .plan import plan_consolidation
from .read_group import GroupRead, read_group

__all__ = [
    "consolidate",
    "plan_consolidation",
    "ConsolidationResult",
    "FileOutcome",
    "read_group",
    "GroupRead",
]
