"""SheetRows: a state's columns read as rows, with rows read whole in their place."""

import pytest

from workbook.consolidation.sheet_rows import SheetRows, column
from workbook.reading import ROW


def state_rows():
    return SheetRows({ROW: [3, 4, 5], "to_nguon": ["01", "02", None], "ma": ["a", "b", "c"]})


def test_a_row_is_its_columns_values():
    rows = state_rows()
    assert len(rows) == 3
    assert rows[1] == {ROW: 4, "to_nguon": "02", "ma": "b"}
    assert rows[-1] == {ROW: 5, "to_nguon": None, "ma": "c"}
    assert rows[1:] == [rows[1], rows[2]]
    assert list(rows) == [rows[0], rows[1], rows[2]]
    with pytest.raises(IndexError):
        rows[3]


def test_a_row_read_whole_takes_its_place_and_the_columns_stay():
    rows = state_rows()
    whole = {ROW: 4, "to_nguon": "02", "ma": "b", "tieu_de": "Bài viết"}
    rows[-2] = whole
    assert rows[1] is whole and rows.whole == {1: whole}
    assert column(rows, "to_nguon") is rows.columns["to_nguon"]


def test_column_of_rows_read_whole_and_of_a_key_the_state_lacks():
    plain = [{ROW: 3, "ma": "a"}, {ROW: 4}]
    assert column(plain, "ma") == ["a", None]
    assert column(state_rows(), "tieu_de") == [None, None, None]
