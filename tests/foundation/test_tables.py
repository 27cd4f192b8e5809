"""Tables: the reader's columns give the same rows, values and frame as the frame made of them."""

import pytest

from workbook.reading import ROW, read_workbook
from workbook.tables import Columns, Tables, records


def columns_and_frame():
    columns = Columns(["ma", "ten", ROW], {"ma": ["01", "02"], ROW: [3, 4]}, 2)
    tables = Tables()
    tables.put_columns("to_cong_doan", columns)
    return tables, columns.frame()


def test_rows_from_columns_equal_rows_from_the_frame():
    tables, frame = columns_and_frame()
    also = {"_sheet": "Tổ công đoàn"}
    assert tables.rows("to_cong_doan", also) == records(frame, also)
    assert tables.rows("to_cong_doan") == [
        {"ma": "01", "ten": None, ROW: 3},
        {"ma": "02", "ten": None, ROW: 4},
    ]


@pytest.mark.parametrize("made", [False, True], ids=["columns", "frame made"])
def test_column_and_set_value_before_and_after_the_frame_is_made(made):
    tables, _ = columns_and_frame()
    if made:
        assert list(tables["to_cong_doan"].columns) == ["ma", "ten", ROW]
    assert tables.column("to_cong_doan", "ten") == [None, None]
    expected = {"ma": ["01", "02"], "ten": [None, None], ROW: [3, 4]}
    assert tables.columns_of("to_cong_doan") == expected
    assert tables.column("to_cong_doan", "khong_co") is None
    assert tables.column("khong_co", "ma") is None
    tables.set_value("to_cong_doan", 1, "ma", "03")
    assert tables.column("to_cong_doan", "ma") == ["01", "03"]
    assert tables["to_cong_doan"]["ma"].tolist() == ["01", "03"]
    assert tables.rows("to_cong_doan")[1]["ma"] == "03"


def test_the_frame_is_made_once_and_only_when_asked(demo_master):
    data = read_workbook(demo_master)
    assert "dang_ky" in data.tables and "khong_co" not in data.tables
    assert all(isinstance(item, Columns) for item in data.tables._items.values())
    frame = data.tables["dang_ky"]
    assert data.tables["dang_ky"] is frame and data.table("dang_ky") is frame
    assert frame.to_dict("records") == data.tables.rows("dang_ky")
