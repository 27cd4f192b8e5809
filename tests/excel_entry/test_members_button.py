"""The "Nhập đoàn viên" button, run on xlwings' remote engine against the open master, adds to
Tổ công đoàn and Đoàn viên exactly what `thidua members import` writes into a copy of the file."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from python_calamine import CalamineWorkbook

import xlsources.macros as macros
from cli.main import cli
from tests.excel_entry.payload import alerts, apply_actions, caller_book, payload_from_file, trimmed
from tests.members.lists import list_for_existing_groups, list_with_own_headers
from workbook import schema

SHEETS = [schema.sheet("to_cong_doan").name, schema.sheet("doan_vien").name]


def values(grid):
    out = []
    for row in trimmed(grid):
        out.append(
            [
                v[:10]
                if isinstance(v, str) and v.endswith("T00:00:00.000Z")
                else int(v)
                if isinstance(v, float) and v.is_integer()
                else v
                for v in row
            ]
        )
    return out


def file_grid(path, name):
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    return values([[v.isoformat()[:10] if hasattr(v, "isoformat") else v for v in r] for r in rows])


def press(master, source):
    book = caller_book(master)
    text = macros.import_members(str(source), book=book)
    actions = book.json()["actions"]
    return text, alerts(actions), apply_actions(payload_from_file(master), actions)


def cli_copy(master, tmp_path, source):
    copy = tmp_path / "cli" / master.name
    copy.parent.mkdir()
    shutil.copy(master, copy)
    result = CliRunner().invoke(cli, ["members", "import", str(copy), str(source)])
    assert result.exit_code in (0, 1), result.output
    return copy


def test_button_adds_what_the_cli_adds_to_an_empty_master(empty_master, tmp_path):
    source = list_with_own_headers(tmp_path / "danh-sach.xlsx")
    copy = cli_copy(empty_master, tmp_path, source)
    text, shown, grids = press(empty_master, source)
    assert shown == [(text, "info")]
    assert text.startswith("Danh sách danh-sach.xlsx: 5 dòng; thêm 3 đoàn viên và 2 tổ")
    assert "Nhấn Lưu (Ctrl+S)" in text
    for name in SHEETS:
        assert values(grids[name]) == file_grid(copy, name), name


def test_button_appends_below_the_members_already_there(demo_master, tmp_path):
    source = list_for_existing_groups(tmp_path / "ds.xlsx")
    copy = cli_copy(demo_master, tmp_path, source)
    _, _, grids = press(demo_master, source)
    for name in SHEETS:
        assert values(grids[name]) == file_grid(copy, name), name
    assert len(trimmed(grids[SHEETS[1]])) == 1 + 62


def test_a_list_that_cannot_be_read_is_a_message_box(empty_master, tmp_path):
    bad = tmp_path / "ds.xls"
    bad.write_text("<html><table><tr><td>x</td></tr></table></html>", encoding="utf-8")
    text, shown, _ = press(empty_master, bad)
    assert shown == [(text, "critical")] and "trang web" in text
