"""Finding a sheet's header row and its columns by their Vietnamese headers.

Headers compare without case, diacritics, spaces or punctuation, so a header retyped by hand,
renamed by an older template (a column's aliases) or moved still maps to its column; sheet
names compare the same way.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .schema import Column, Sheet
from .text import ascii_fold
from .values import is_blank, to_text

HEADER_SCAN_ROWS = 10  # the header is looked for in the first rows of a sheet


def header_key(text: Any) -> str:
    """Headers compare without case, diacritics, spaces or punctuation."""
    return _header_key(text) if isinstance(text, str) else _header_key(str(to_text(text) or ""))


@functools.lru_cache(maxsize=8192)
def _header_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", ascii_fold(str(to_text(text) or "")).lower())


def match_sheet_name(name: str, names: list[str]) -> str | None:
    if name in names:
        return name
    wanted = header_key(name)
    return next((n for n in names if header_key(n) == wanted), None)


def find_header(columns: tuple[Column, ...], rows: list[list[Any]]) -> tuple[int, dict[int, str]]:
    """Best header row within the first rows: (row index, {column index: column key})."""
    lookup = header_lookup(columns)
    best: tuple[int, dict[int, str]] = (-1, {})
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[int, str] = {}
        for j, value in enumerate(row):
            key = lookup.get(header_key(value)) if not is_blank(value) else None
            if key and key not in found.values():
                found[j] = key
        if len(found) > len(best[1]):
            best = (i, found)
    return best


@functools.lru_cache(maxsize=256)
def header_lookup(columns: tuple[Column, ...]) -> dict[str, str]:
    """{header key of each header and alias: column key}, the first column winning; shared,
    never changed."""
    lookup: dict[str, str] = {}
    for col in columns:
        for variant in (col.header, *col.aliases):
            lookup.setdefault(header_key(variant), col.key)
    return lookup


def block_for_list_table(sheet: Sheet, rows: list[list[Any]]) -> list[list[Any]]:
    """The columns of one list table on the shared 'Danh mục' sheet, found by its header."""
    if not rows:
        return []
    first = header_key(sheet.columns[0].header)
    for j, value in enumerate(rows[0]):
        if header_key(value) == first:
            return [r[j : j + len(sheet.columns)] for r in rows]
    return []
