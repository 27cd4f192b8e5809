"""Big output tables are spelled a column at a time from a frame (workbook/deferred_rows.py):
the cells must be those openpyxl writes from the frame's records, whatever the column holds."""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook, load_workbook

import workbook.outputs as outputs
from workbook.deferred_rows import column_values, columns_xml
from workbook.hollow import Unsupported
from workbook.layout import as_written
from workbook.outputs import rewrite_outputs
from workbook.schema import Column
from workbook.scoring.sheet import put_table
from workbook.sheet_xml import cell_xml, split_rows

TEXTS = [
    " lề trái",
    "lề phải ",
    "dòng\nmới",
    "<b> & \"ngoặc\" 'đơn'",
    "=SUM(A1:A2)",
    "",
    "ký tự\x01điều khiển",
    "xuống\rdòng",
    "Nguyễn Thị Ánh",
    "\tthụt",
]


def edge_frame(for_openpyxl: bool = False) -> pd.DataFrame:
    """Every kind of column an output table holds, with the values at its edges.

    ``for_openpyxl`` leaves out what the whole save cannot take or spells its own way (kept
    apart, in ``sheet_xml``'s spelling, not here): a control character (openpyxl refuses it),
    a float needing 17 digits (openpyxl writes 16) and a time of day whose serial openpyxl
    rounds in the last digit."""
    texts = [t.replace("\x01", " ") for t in TEXTS] if for_openpyxl else TEXTS
    n = len(texts)
    floats = [1.5, float("nan"), -0.0, 1e-7, 3.0, 12345678.25, 0.1 + 0.2, float("inf"), 100.0, 7.75]
    if for_openpyxl:
        floats[6] = 0.3
    mixed = [
        "chữ",
        None,
        np.float64(2.5),
        np.int64(7),
        dt.datetime(2024, 3, 1),  # midnight: written as a date
        dt.datetime(2024, 3, 1, 12) if for_openpyxl else dt.datetime(2024, 3, 1, 8, 30),
        dt.date(2023, 12, 31),
        True,
        float("nan"),
        4.0,
    ]
    return pd.DataFrame(
        {
            "text": texts,
            "float": floats,
            "int": np.arange(n, dtype=np.int64) * 1000 - 3,
            "flag": [i % 2 == 0 for i in range(n)],
            "mixed": pd.Series(mixed, dtype=object),
            "when": pd.to_datetime(["2024-01-05 00:00"] * (n - 1) + ["2024-01-05 13:45"]),
            "dates": [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(n)],
            # plain Python values only: text, blanks and midnight datetimes
            "days": pd.Series(
                [
                    dt.datetime(2024, 2, i + 1) if i % 3 else ("" if i % 2 else None)
                    for i in range(n)
                ],
                dtype=object,
            ),
        }
    )


KEYS = ["text", "float", "int", "flag", "mixed", "when", "dates", "days", "absent"]


def _as_cell(value):
    """A record's value as a cell takes it: a number that is not finite is blank (openpyxl
    writes an empty value for it)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return as_written(value)


def test_column_values_are_the_records_values_as_a_cell_takes_them():
    frame = edge_frame()
    records = frame.to_dict("records")
    for key in KEYS:
        expected = [_as_cell(r.get(key)) for r in records]
        got = column_values(frame, key)
        assert [type(v) for v in got] == [type(v) for v in expected], key
        assert [repr(v) for v in got] == [repr(v) for v in expected], key


def test_columns_are_spelled_as_each_cell_alone():
    frame = edge_frame()
    ws = Workbook().active
    numbers = list(range(5, 5 + len(frame)))
    columns = list(range(2, 2 + len(KEYS)))
    styles = [3 + k for k in range(len(KEYS))]
    spelled = columns_xml(ws, numbers, columns, [column_values(frame, k) for k in KEYS], styles)

    records = frame.to_dict("records")
    for n, record in zip(numbers, records):
        cells = b"".join(
            cell_xml(f"{chr(64 + c)}{n}".encode(), str(s).encode(), _as_cell(record.get(k)))
            for c, s, k in zip(columns, styles, KEYS)
        )
        assert spelled[n] == b'<row r="%d">%s</row>' % (n, cells)
    assert list(split_rows(b"".join(spelled.values()))) == numbers


COLUMNS = [
    Column("text", "Chữ"),
    Column("float", "Số", "number"),
    Column("int", "Nguyên", "int"),
    Column("flag", "Cờ"),
    Column("mixed", "Lẫn"),
    Column("when", "Lúc", "date"),
    Column("dates", "Ngày", "date"),
    Column("days", "Hôm", "date"),
    Column("absent", "Không có"),
]


def _draw(frame: pd.DataFrame):
    def write(ws):
        put_table(ws, 3, 1, "tblThu", COLUMNS, frame, wrap=("text",))
        put_table(ws, 6 + len(frame), 2, "tblThuHai", COLUMNS[:3], frame.iloc[:1])

    return write


def _cells(path: Path, sheet: str):
    ws = load_workbook(path)[sheet]
    return [
        [(c.value, c.number_format, repr(c.font), repr(c.border), repr(c.alignment)) for c in row]
        for row in ws.iter_rows()
    ]


def test_a_table_spelled_as_xml_has_the_cells_openpyxl_draws(empty_master, tmp_path, monkeypatch):
    frame = edge_frame(for_openpyxl=True)
    whole = tmp_path / "whole" / empty_master.name
    whole.parent.mkdir()
    shutil.copy(empty_master, whole)

    rewrite_outputs(empty_master, {"diem": _draw(frame)}, make_backup=False)

    def refuse(*args, **kwargs):
        raise Unsupported("forced whole load")

    monkeypatch.setattr(outputs, "_redraw_hollow", refuse)
    rewrite_outputs(whole, {"diem": _draw(frame)}, make_backup=False)

    sheet = "Điểm"
    fast_cells, whole_cells = _cells(empty_master, sheet), _cells(whole, sheet)
    assert fast_cells == whole_cells
    assert len(fast_cells) == 6 + len(frame) + 1  # both tables, the second of one row
    ws = load_workbook(empty_master)[sheet]
    assert ws.tables["tblThu"].ref == f"A3:I{3 + len(frame)}"
    assert ws["A4"].value == " lề trái" and ws["A7"].value == "<b> & \"ngoặc\" 'đơn'"
