"""The ribbon's Python entry points against xlwings' real remote engine.

`xw.Book(json=payload)` + `set_mock_caller()` make `xw.Book.caller()` return a book built from a
master file; the actions in `book.json()` are what Excel would be told to do.
"""

import datetime as dt

import pytest
from openpyxl.styles import Font

import xlsources.macros as macros
from tests.excel_entry.payload import alerts, apply_actions, caller_book, payload_from_file, trimmed
from workbook.groups import make_group_workbooks
from workbook.reading import read_workbook
from xlsources.bridge import read_book, replay, write_outputs


def test_reading_through_xlwings_equals_reading_the_file(demo_master):
    book = caller_book(demo_master)
    live, from_file = read_book(book), read_workbook(demo_master)
    assert live.stamp == from_file.stamp
    assert set(live.tables) == set(from_file.tables)
    for key, frame in from_file.tables.items():
        assert live.tables[key].to_dict("records") == frame.to_dict("records"), key


def test_make_groups_button_writes_the_same_workbooks_as_the_cli(demo_master, tmp_path):
    book = caller_book(demo_master)
    text = macros.make_groups(book, outdir=str(tmp_path / "excel"))
    assert text.startswith("Đã tạo 6 sổ tổ")
    assert alerts(book.json()["actions"]) == [(text, "info")]
    cli_result = make_group_workbooks(demo_master, tmp_path / "cli")
    for made in cli_result.files:
        excel_file = tmp_path / "excel" / made.path.name
        a, b = read_workbook(excel_file), read_workbook(made.path)
        for key in b.tables:
            assert a.tables[key].to_dict("records") == b.tables[key].to_dict("records")


def test_errors_become_a_vietnamese_message_box_not_a_traceback(tmp_path, demo_master):
    book = caller_book(demo_master)
    blocker = tmp_path / "so-to"
    blocker.write_text("a file where the folder should be")
    text = macros.make_groups(book, outdir=str(blocker))
    ((message, mode),) = alerts(book.json()["actions"])
    assert mode == "critical" and message == text
    assert "Lỗi không mong đợi" in text and "Traceback" not in text


def test_doctor_button_reports_in_vietnamese(demo_master):
    book = caller_book(demo_master)
    text = macros.doctor(book)
    lines = text.splitlines()
    # what this machine has is sound: each of these checks passes, not just appears
    for name in ("Python", "Gói thidua", "Gói xlwings", "Gói openpyxl", "Mô-đun macro"):
        assert any(line.startswith(f"✓ {name}:") for line in lines), (name, text)
    assert any(line.startswith("✓ Mô-đun macro:") and "đều có hàm Python" in line for line in lines)
    # the remote engine's book has no file on disk, so only the installation is checked
    assert lines[0] == "Mọi thứ đều ổn." and all(line.startswith("✓ ") for line in lines[1:])
    assert alerts(book.json()["actions"])[0][0] == text


def test_output_sheet_is_written_in_few_calls_and_formula_text_stays_text(demo_master):
    rows = 2000

    def writer(ws):
        ws.append(["Mã", "Ngày", "Ghi chú"])
        for i in range(rows):
            ws.append([f"DV{i:04d}", dt.date(2023, 1, 1 + i % 28), "=không phải công thức"])
            ws.cell(i + 2, 2).number_format = "dd/mm/yyyy"
        ws["A1"].font = Font(bold=True)

    book = caller_book(demo_master)
    write_outputs(book, {"kiem_tra": writer})
    actions = book.json()["actions"]
    assert len(actions) < 12  # one setValues for the grid, formats grouped into runs
    grid = trimmed(apply_actions(payload_from_file(demo_master), actions)["Kiểm tra"])
    assert grid[0] == ["Mã", "Ngày", "Ghi chú"] and len(grid) == rows + 1
    assert grid[1] == ["DV0000", "2023-01-01", "=không phải công thức"]


@pytest.mark.parametrize("value", ["=1+1", "+84 912", "-5 điểm", "@mention", "'trích dẫn'"])
def test_replay_never_turns_text_into_a_formula(demo_master, value):
    book = caller_book(demo_master)
    replay(_one_cell(value), book.sheets["Kiểm tra"])
    (set_values,) = [a for a in book.json()["actions"] if a["func"] == "setValues"]
    assert set_values["values"] == [["'" + value]]


def _one_cell(value):
    from openpyxl import Workbook

    ws = Workbook().active
    ws["A1"] = value
    ws["A1"].data_type = "s"
    return ws
