"""The "Gộp sổ tổ" button, run on xlwings' remote engine against the open master, leaves each
data sheet holding exactly what `thidua consolidate` writes into a copy of the same file."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

import xlsources.macros as macros
from cli.main import cli
from tests.excel_entry.payload import alerts, apply_actions, caller_book, payload_from_file, trimmed
from workbook import schema
from workbook.consolidation import consolidate
from workbook.reading import read_workbook
from workbook.writing import fill_tables

MASTER = "so-thi-dua.xlsx"
RETURNED = "so-to-gui-lai"
DATA_SHEETS = [s.name for s in schema.DATA_SHEETS]
LOG = schema.sheet("nhat_ky").name


@pytest.fixture
def batch(returned_demo, tmp_path) -> Path:
    shutil.copy(returned_demo / MASTER, tmp_path / MASTER)
    shutil.copytree(returned_demo / RETURNED, tmp_path / RETURNED)
    return tmp_path


def cli_copy(master: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "cli"
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(master, folder / master.name))


def run_cli(master: Path, folder: Path) -> None:
    result = CliRunner().invoke(cli, ["consolidate", str(master), str(folder)])
    assert result.exit_code in (0, 1), result.output  # 1: the demo's planted mistakes


def norm(value):
    """One spelling per value: dates as ISO dates, whole floats as ints."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00(\.000)?Z?", value):
        return value[:10]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def normed(grid):
    return [[norm(v) for v in row] for row in trimmed(grid)]


def file_values(path: Path, name: str):
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    return normed([["" if v is None else v for v in r] for r in rows])


def press(master: Path, folder: Path, tables: bool = False):
    """Press the button on the open master: (message, boxes, actions, sheet grids after)."""
    book = caller_book(master, tables=tables)
    text = macros.consolidate(str(folder), book=book)
    actions = book.json()["actions"]
    return text, alerts(actions), actions, apply_actions(payload_from_file(master), actions)


def assert_same_data_sheets(grids, cli_file: Path) -> None:
    for name in DATA_SHEETS:
        expected = file_values(cli_file, name)
        assert normed(grids[name]) == expected, name


def test_button_writes_the_data_sheets_as_the_cli_does(batch, tmp_path):
    master, folder = batch / MASTER, batch / RETURNED
    copy = cli_copy(master, tmp_path)
    run_cli(copy, folder)
    text, shown, actions, grids = press(master, folder)
    assert shown == [(text, "info")]
    assert text.startswith("Đã gộp vào sổ chính đang mở: 6 sổ gộp, 0 tệp để riêng")
    assert text.endswith("Nhấn Lưu (Ctrl+S) để lưu sổ chính.")
    assert_same_data_sheets(grids, copy)
    assert all(len(file_values(copy, n)) > 1 for n in DATA_SHEETS)  # rows were added
    # One setValues per data sheet for the body; nothing written to the set-up sheets.
    positions = [s["name"] for s in payload_from_file(master)["sheets"]]
    written = [positions[a["sheet_position"]] for a in actions if a["func"] == "setValues"]
    assert sorted(written) == sorted(DATA_SHEETS + [LOG])
    for name in positions:
        if name not in DATA_SHEETS and name != LOG:
            assert (
                grids[name] == payload_from_file(master)["sheets"][positions.index(name)]["values"]
            ), name


def test_button_appends_the_run_to_the_log(batch):
    master, folder = batch / MASTER, batch / RETURNED
    _, _, _, grids = press(master, folder)
    log = trimmed(grids[LOG])
    files = sorted(p.name for p in folder.glob("*.xlsx"))
    assert log[0] == [c.header for c in schema.sheet("nhat_ky").columns]
    assert sorted(r[4] for r in log[1:]) == files
    assert {r[1] for r in log[1:]} == {"Gộp sổ tổ"}
    assert all(re.fullmatch(r"[0-9a-f]{16}", r[5]) for r in log[1:])
    # a real date and time was sent, not text: the remote engine hands datetimes back as ISO
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d", r[0]) for r in log[1:])


def test_changed_and_removed_rows_match_the_cli_and_manual_columns_follow(batch, tmp_path):
    """Second round on a consolidated master: the last group drops an article and retitles
    another; a manual column the officer added to Tin bài keeps its notes on the right rows;
    rows of the other groups above are not rewritten."""
    master, folder = batch / MASTER, batch / RETURNED
    consolidate(master, [folder])
    add_manual_column(master, "tin_bai", "Ghi chú BCH")
    last = sorted(folder.glob("To-*.xlsx"))[-1]
    rows = [
        {k: v for k, v in r.items() if k != "_row"}
        for r in read_workbook(last, sheets=("tin_bai",)).table("tin_bai").to_dict("records")
    ]
    assert len(rows) >= 2
    rows[1]["tieu_de"] = "Tiêu đề đã sửa"
    fill_tables(last, {"tin_bai": rows[1:]})
    copy = cli_copy(master, tmp_path)
    run_cli(copy, folder)
    text, _, actions, grids = press(master, folder, tables=True)
    assert "1 sửa, 1 bỏ" in text
    assert_same_data_sheets(grids, copy)
    articles = schema.sheet("tin_bai").name
    assert file_values(copy, articles)[0][-1] == "Ghi chú BCH"
    before = len(file_values(master, articles))
    assert len(trimmed(grids[articles])) == before - 1  # the leftover last row is cleared
    resized = [a for a in actions if a["func"] == "resizeTable"]
    assert any(a["args"][1].endswith(f"${before - 1}") for a in resized), resized
    positions = [s["name"] for s in payload_from_file(master)["sheets"]]
    first_rewritten = {
        positions[a["sheet_position"]]: a["start_row"] for a in actions if a["func"] == "setValues"
    }
    assert first_rewritten[articles] > 1  # the earlier groups' rows are left as they are


def test_running_again_changes_nothing(batch, tmp_path):
    master, folder = batch / MASTER, batch / RETURNED
    copy = cli_copy(master, tmp_path)
    run_cli(copy, folder)
    again = consolidate(copy, [folder], dry_run=True)
    t = again.totals
    assert t["added"] == t["changed"] == t["removed"] == 0 and t["unchanged"] > 0
    text, shown, actions, _ = press(copy, folder)
    assert not [a for a in actions if a["func"] in ("setValues", "rangeClearContents")]
    assert shown == [(text, "info")] and "không có gì thay đổi" in text
    assert "Ctrl+S" not in text


def test_missing_folder_is_a_vietnamese_error_box(batch):
    master = batch / MASTER
    text, shown, actions, _ = press(master, batch / "khong-co-thu-muc-nay")
    assert shown == [(text, "critical")]
    assert text.startswith("Không tìm thấy thư mục") and "Traceback" not in text
    assert not [a for a in actions if a["func"] == "setValues"]


def test_message_names_files_set_aside(batch):
    master, folder = batch / MASTER, batch / RETURNED
    (folder / "Ghi-chu.xlsx").write_text("không phải sổ tính, chỉ là chữ", encoding="utf-8")
    owner = next(folder.glob("To-02-*.xlsx"))
    (folder / ("~$" + owner.name)).write_bytes(b"\x0bthidua  " + b"\x00" * 150)
    text, shown, _, grids = press(master, folder)
    assert shown == [(text, "info")]
    assert "6 sổ gộp, 2 tệp để riêng" in text
    assert "Tệp để riêng (không gộp):" in text
    assert "• Ghi-chu.xlsx: Không đọc được tệp Ghi-chu.xlsx" in text
    assert f"• ~${owner.name}: Tệp khóa tạm của Excel" in text


def test_excel_value_keeps_text_that_excel_would_retype():
    from xlsources.bridge import excel_value as cell_value

    assert cell_value("0936861564") == "'0936861564"
    assert cell_value("15/3/2023") == "'15/3/2023"
    assert cell_value("=SUM(A1)") == "'=SUM(A1)"
    assert cell_value("TRUE") == "'TRUE"
    assert cell_value("Nguyễn Văn An") == "Nguyễn Văn An"
    assert cell_value("") is None
    assert cell_value(dt.date(2023, 3, 15)) == dt.datetime(2023, 3, 15)
    assert cell_value(7) == 7


def add_manual_column(master: Path, sheet_key: str, header: str) -> None:
    """The officer adds a column of notes to a data table (not in the schema), one per row."""
    from openpyxl.utils import get_column_letter, range_boundaries

    sheet = schema.sheet(sheet_key)
    wb = load_workbook(master)
    ws = wb[sheet.name]
    table = ws.tables[sheet.table]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    col = max_col + 1
    ws.cell(min_row, col).value = header
    for r in range(min_row + 1, max_row + 1):
        ws.cell(r, col).value = f"ghi chú dòng {ws.cell(r, min_col).value}"
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(col)}{max_row}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    from openpyxl.worksheet.table import TableColumn

    table.tableColumns.append(TableColumn(id=col - min_col + 1, name=header))
    wb.save(master)


def test_every_ribbon_command_names_an_existing_function_and_doctor_agrees():
    from xlsources.doctor import check_macro_module
    from xlsources.xlsm import own_bas_sources, runpython_targets

    targets = [t for text in own_bas_sources().values() for t in runpython_targets(text)]
    assert ("xlsources.macros", "consolidate") in targets
    assert all(callable(getattr(macros, f, None)) for _, f in targets)
    check = check_macro_module(macros)
    assert check.ok, check.detail


def test_button_after_the_cli_reads_no_unchanged_file(batch, monkeypatch):
    """The marks the CLI left in the ledger serve the button's read of the open workbook."""
    import workbook.consolidation.plan as planning

    master, folder = batch / MASTER, batch / RETURNED
    run_cli(master, folder)
    calls = []
    real = planning.read_group
    monkeypatch.setattr(planning, "read_group", lambda *a: calls.append(a[0]) or real(*a))
    text, shown, actions, _ = press(master, folder)
    assert calls == []
    assert text.startswith(
        "Sổ chính đã khớp với các sổ tổ, không có gì thay đổi: 0 sổ gộp, "
        "0 tệp để riêng, 6 sổ không đổi (không đọc lại)"
    )
    assert not [a for a in actions if a["func"] == "setValues"]
