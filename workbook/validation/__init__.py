"""Validation: one pass over a workbook (or several) finds every problem, as a report.

>>> from workbook.validation import validate_workbook
>>> report = validate_workbook("So-thi-dua.xlsx")          # doctest: +SKIP
>>> report.exit_code, [f.code for f in report.findings]    # doctest: +SKIP
"""

from __future__ import annotations

# Rule modules register their rules on import, in this order (the report is sorted anyway).
from . import (  # noqa: F401  # noqa: F401
    field_rules,
    reference_rules,
    registration_rules,
    result_rules,
    text_rules,
    works_rules,
)
from .engine import RULES, Context, Rule, default_rules, rule
from .legacy_text import LEGACY_ENCODING, fix_text_cells, legacy_font_cells
from .report import CheckedFile, ValidationReport
from .run import validate_data, validate_many, validate_workbook, validate_workbooks

__all__ = [
    "RULES",
    "Context",
    "Rule",
    "default_rules",
    "rule",
    "LEGACY_ENCODING",
    "fix_text_cells",
    "legacy_font_cells",
    "CheckedFile",
    "ValidationReport",
    "validate_data",
    "validate_many",
    "validate_workbook",
    "validate_workbooks",
]
