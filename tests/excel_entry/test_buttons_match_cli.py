"""Each ribbon button, run on xlwings' remote engine, writes the same output sheets as the CLI
run on the same file (values compared cell by cell)."""
import shutil

from click.testing import CliRunner
from python_calamine import CalamineWorkbook

import xlsources.macros as macros
from cli.main import cli
from tests.excel_entry.payload import (alerts, apply_actions, caller_book, payload_from_file,
                                       trimmed)


def cli_copy(master, tmp_path):
    """The same file, same name, in its own folder, for the CLI to write into."""
    folder = tmp_path / "cli"
    folder.mkdir()
    return shutil.copy(master, folder / master.name)


def sheet_values(path, name):
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    return trimmed([["" if v is None else v for v in r] for r in rows])


def button_values(master, button, sheet_name, *args):
    book = caller_book(master)
    text = getattr(macros, button)(*args, book=book) if args else getattr(macros, button)(book)
    actions = book.json()["actions"]
    return text, alerts(actions), trimmed(apply_actions(payload_from_file(master),
                                                        actions)[sheet_name])


def test_validate_button_equals_cli(filled_master, tmp_path):
    copy = cli_copy(filled_master, tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(copy)])
    assert result.exit_code == 1  # the demo data carries planted errors
    text, shown, grid = button_values(filled_master, "validate", "Kiểm tra")
    assert shown == [(text, "info")] and "lỗi" in text
    expected = sheet_values(copy, "Kiểm tra")
    assert len(expected) > 5
    assert grid == expected


def test_validate_button_marks_cells(filled_master):
    book = caller_book(filled_master, client="Office.js")
    macros.validate(book)
    notes = [a for a in book.json()["actions"] if a["func"] == "addNote"]
    colours = [a for a in book.json()["actions"] if a["func"] == "setRangeColor"]
    assert notes and len(colours) >= len(notes)
    assert all(a["args"][1].startswith(("[Lỗi]", "[Cảnh báo]")) for a in notes)
