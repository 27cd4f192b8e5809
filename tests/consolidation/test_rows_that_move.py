"""Rows that move when an earlier group's rows grow keep every character a person typed: only
the row's and its cells' own references are renumbered, never text inside a cell."""

from __future__ import annotations

import pytest

from workbook.consolidation import consolidate
from workbook.consolidation.zip_write import _column_of
from workbook.sheet_xml import Unsupported
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, RETURNED, group_file, rows_of

# text an officer may paste from an Excel formula or from a web page: it looks like a cell's
# own reference attribute
LOOKS_LIKE_A_REFERENCE = 'Xem ô r="B3" và r="AB12" trong bảng'


def test_text_that_looks_like_a_cell_reference_survives_its_row_moving(batch):
    later = group_file(batch / RETURNED, "03")
    rows = rows_of(later, "tin_bai")
    rows[0]["tieu_de"] = LOOKS_LIKE_A_REFERENCE
    fill_tables(later, {"tin_bai": rows})
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    merged = rows_of(batch / MASTER, "tin_bai")
    assert LOOKS_LIKE_A_REFERENCE in [r["tieu_de"] for r in merged]

    earlier = group_file(batch / RETURNED, "01")  # a row fewer above group 03's
    rows = rows_of(earlier, "tin_bai")
    fill_tables(earlier, {"tin_bai": rows[1:]})
    result = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert result.written and result.writer == "zip"
    after = rows_of(batch / MASTER, "tin_bai")
    assert len(after) == len(merged) - 1
    assert [r["tieu_de"] for r in after].count(LOOKS_LIKE_A_REFERENCE) == 1


def test_a_cell_without_its_own_reference_is_not_placed_by_the_text_inside_it():
    """Another tool may leave out a cell's r="..."; the text inside must not stand in for it."""
    with pytest.raises(Unsupported):
        _column_of(b'<c t="inlineStr"><is><t>' + LOOKS_LIKE_A_REFERENCE.encode() + b"</t></is></c>")
    assert _column_of(b'<c s="3" r="AB12"><v>1</v></c>') == 28
