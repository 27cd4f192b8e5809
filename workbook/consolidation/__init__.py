"""Batch consolidation of returned group workbooks into the master, and of many CĐCS
summaries into one provincial summary.

>>> from workbook.consolidation import consolidate
>>> result = consolidate("so-thi-dua.xlsx", ["so-to-gui-lai/"])  # doctest: +SKIP
"""
from __future__ import annotations

from .consolidate import ConsolidationResult, FileOutcome, consolidate
from .read_group import GroupRead, read_group

__all__ = ["consolidate", "ConsolidationResult", "FileOutcome", "read_group", "GroupRead"]
