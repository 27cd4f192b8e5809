"""Each ribbon button, run on xlwings' remote engine, writes the same output sheets as the CLI
run on the same file (values compared cell by cell)."""

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

import xlsources.macros as macros
from cli.main import cli
from tests.excel_entry.payload import alerts, apply_actions, caller_book, payload_from_file, trimmed
from workbook.reading import read_workbook
from workbook.validation import validate_data
from workbook.validation.marks import cells_to_mark


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
    return (
        text,
        alerts(actions),
        trimmed(apply_actions(payload_from_file(master), actions)[sheet_name]),
    )


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
    assert all(a["args"][1].startswith(("[Lỗi]", "[Cảnh báo]")) for a in notes)
    # exactly the cells of the library's findings get a note, each once
    names = [sheet.name for sheet in book.sheets]
    noted = [
        (
            names[a["sheet_position"]],
            f"{get_column_letter(a['start_column'] + 1)}{a['start_row'] + 1}",
        )
        for a in notes
    ]
    findings = validate_data(read_workbook(filled_master)).findings
    expected = cells_to_mark(findings, filled_master.name, names)
    assert expected and sorted(noted) == sorted(expected)
    coloured = {
        (
            names[a["sheet_position"]],
            f"{get_column_letter(a['start_column'] + 1)}{a['start_row'] + 1}",
        )
        for a in book.json()["actions"]
        if a["func"] == "setRangeColor"
    }
    assert set(expected) <= coloured


def comparable(grid):
    """Dates as the remote engine writes them to Excel (ISO text: the date alone at midnight),
    for cell-by-cell comparison."""

    def cell(v):
        if isinstance(v, dt.datetime) and v.time() != dt.time(0, 0):
            return v.isoformat(sep=" ")
        if isinstance(v, dt.date):
            return (v.date() if isinstance(v, dt.datetime) else v).isoformat()
        return v

    return [[cell(v) for v in row] for row in grid]


def run_button(master, button):
    book = caller_book(master)
    text = getattr(macros, button)(book)
    actions = book.json()["actions"]
    return text, alerts(actions), apply_actions(payload_from_file(master), actions)


@pytest.mark.parametrize(
    "button, command, sheets",
    [
        ("score", ["score"], ["Điểm"]),
        ("shortlist", ["shortlist"], ["Điểm", "Đề nghị khen thưởng"]),
        ("report", ["report"], ["BC Tổng hợp", "BC Công trình", "BC Khen thưởng", "BC Tin bài"]),
    ],
)
def test_result_buttons_equal_cli(filled_master, tmp_path, monkeypatch, button, command, sheets):
    copy = cli_copy(filled_master, tmp_path)
    run = CliRunner().invoke(cli, [*command, str(copy)])
    assert run.exit_code == 1, run.output  # rows with planted errors are left out and said so
    monkeypatch.chdir(filled_master.parent)  # the remote engine knows only the file's name
    text, shown, grids = run_button(filled_master, button)
    assert shown == [(text, "info")]
    for name in sheets:
        expected = comparable(sheet_values(copy, name))
        assert len(expected) > 3, name
        assert comparable(trimmed(grids[name])) == expected, name


def test_result_buttons_log_their_run(filled_master, monkeypatch):
    monkeypatch.chdir(filled_master.parent)
    _, _, grids = run_button(filled_master, "score")
    log = trimmed(grids["Nhật ký"])
    assert log[-1][1:5] == ["Tính điểm", log[-1][2], "bỏ qua 7 dòng có lỗi", filled_master.name]
    assert log[-1][2].startswith("Đã tính điểm 60 đoàn viên")


def test_report_button_saves_the_print_ready_file(filled_master, monkeypatch):
    monkeypatch.chdir(filled_master.parent)
    text, _, _ = run_button(filled_master, "report")
    # The remote engine cannot ask: the latest phase ended (here the year's tổng kết).
    out = filled_master.parent / f"{filled_master.stem}-bao-cao-tong-ket-nam-2023.xlsx"
    word = out.with_suffix(".docx")
    assert out.name in text and word.name in text and "Kỳ mặc định" in text
    wb = load_workbook(out)
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == ["BC Tổng hợp", "BC Công trình", "BC Khen thưởng", "BC Tin bài"]
    assert wb["BC Tổng hợp"]._charts  # the picture the sheets in the master cannot carry
    assert word.exists()


class AskingUI(macros.ExcelUI):
    """Desktop Excel's dialog, answered from a list."""

    answers: list[str] = []
    asked: list[str] = []

    @property
    def can_ask(self):
        return True

    def ask(self, text):
        AskingUI.asked.append(text)
        return AskingUI.answers.pop(0)


@pytest.mark.parametrize(
    "answers, written",
    [
        (["yes"], "tong-ket-nam-2023"),  # the default offered first: the year is over
        (["no", "yes"], "so-ket-dot-1"),  # Không: the other moment
        (["no", "no", "yes"], "tong-ket-nam-2023"),  # round again
        (["cancel"], None),
    ],
)
def test_report_button_asks_which_moment(filled_master, monkeypatch, answers, written):
    monkeypatch.chdir(filled_master.parent)
    monkeypatch.setattr(macros, "ExcelUI", AskingUI)
    AskingUI.answers, AskingUI.asked = list(answers), []
    text, _, _ = run_button(filled_master, "report")
    assert AskingUI.asked[0].startswith("Lập báo cáo tổng kết năm 2023 (ngày 05/01/2024)?")
    files = sorted(p.name for p in filled_master.parent.glob("*-bao-cao-*"))
    if written is None:
        assert files == [] and text == "Đã hủy: chưa lập báo cáo."
    else:
        stem = f"{filled_master.stem}-bao-cao-{written}"
        assert files == [f"{stem}.docx", f"{stem}.xlsx"]
        assert "Kỳ mặc định" not in text


def test_result_button_on_a_locked_sheet_error_is_a_message_box(filled_master, monkeypatch):
    monkeypatch.chdir(filled_master.parent)
    monkeypatch.setattr(
        macros, "score_outputs", lambda data: (_ for _ in ()).throw(RuntimeError("boom"))
    )
    text, shown, grids = run_button(filled_master, "score")
    assert shown == [(text, "critical")] and "Lỗi không mong đợi" in text
    assert "Traceback" not in text
