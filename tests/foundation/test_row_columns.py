"""Columns taken out of row dicts must be exactly the rows' values, whatever the rows lack."""

from __future__ import annotations

import datetime as dt

from workbook.row_columns import row_block, row_columns

ROWS = [
    {"ma": "001", "ngay": dt.date(2024, 1, 2), "so": 3, "ds": ("tuple", "kept whole")},
    {"ma": "002", "ngay": None, "so": 2.5, "ds": ["a list", "kept whole"]},
]


def test_every_row_holding_every_key():
    assert row_columns(ROWS, ["so", "ma", "ds"]) == [
        [3, 2.5],
        ["001", "002"],
        [("tuple", "kept whole"), ["a list", "kept whole"]],
    ]
    assert row_columns(ROWS, ["ngay"]) == [[dt.date(2024, 1, 2), None]]


def test_rows_lacking_keys_or_missing_give_none():
    rows = [*ROWS, {"ma": "003"}, None, {}]
    assert row_columns(rows, ["ma", "so"]) == [
        ["001", "002", "003", None, None],
        [3, 2.5, None, None, None],
    ]
    assert row_columns(rows, ["so"]) == [[3, 2.5, None, None, None]]


def test_no_rows_or_no_keys():
    assert row_block([], ["ma", "so"]).shape == (2, 0)
    assert row_block(ROWS, []).shape == (0, 2)
    assert row_columns([], ["ma"]) == [[]]
