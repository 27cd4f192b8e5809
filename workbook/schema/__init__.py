"""The schema: every sheet of the master and group workbooks, every column once.

>>> from workbook.schema import SHEETS, sheet
>>> sheet("doan_vien").column("ma_doan_vien").header
'Mã đoàn viên'
"""

from __future__ import annotations

from .data_sheets import DATA_SHEETS, PROVENANCE
from .lists import FIXED_LIST_VALUES, LIST_TABLES, LISTS, LISTS_SHEET_NAME
from .model import DATE_FORMAT, Column, ListDef, Sheet
from .output_sheets import OUTPUT_SHEETS, STAMP
from .setup_sheets import CONFIG_ITEMS, SETUP_SHEETS

# Bump when a sheet or column changes in a way old group workbooks cannot be read with.
TEMPLATE_VERSION = "1.1"  # 1.1: Xếp loại năm, Danh hiệu by track, Tổ công đoàn department

# Master sheet order as the officer sees it (list tables share one sheet, after the set-up).
MASTER_ORDER: tuple[Sheet, ...] = (*SETUP_SHEETS, *LIST_TABLES, *DATA_SHEETS, *OUTPUT_SHEETS)
SHEETS: dict[str, Sheet] = {s.key: s for s in (*MASTER_ORDER, STAMP)}


def sheet(key: str) -> Sheet:
    return SHEETS[key]


def master_columns(s: Sheet) -> tuple[Column, ...]:
    """Columns as laid out in the master: data sheets carry provenance columns at the end."""
    return s.columns + PROVENANCE if s.role == "data" else s.columns


def sheet_names(role: str | None = None) -> list[str]:
    """Distinct Excel sheet names, in order (all list tables share "Danh mục")."""
    names: list[str] = []
    for s in MASTER_ORDER:
        if (role is None or s.role == role) and s.name not in names:
            names.append(s.name)
    return names


__all__ = [
    "Column",
    "ListDef",
    "Sheet",
    "DATE_FORMAT",
    "TEMPLATE_VERSION",
    "SHEETS",
    "MASTER_ORDER",
    "SETUP_SHEETS",
    "DATA_SHEETS",
    "OUTPUT_SHEETS",
    "LIST_TABLES",
    "LISTS",
    "LISTS_SHEET_NAME",
    "FIXED_LIST_VALUES",
    "PROVENANCE",
    "CONFIG_ITEMS",
    "STAMP",
    "sheet",
    "master_columns",
    "sheet_names",
]
