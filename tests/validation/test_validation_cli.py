"""`thidua validate`: JSON equal to the library's report, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli.common import to_jsonable
from cli.main import cli
from workbook.findings import title_of
from workbook.validation import validate_workbook, validate_workbooks
from workbook.validation.checking import check_workbook


def run(*args):
    return CliRunner().invoke(cli, ["validate", *map(str, args)])


def test_json_equals_the_library_report(books, tmp_path):
    path = books.group_copy(tmp_path, "03", lambda rows: rows["ket_qua"][3].update(xep_loai="Tốt"))
    result = run(path, "--reference", books.master, "--json", "--no-write")
    assert result.exit_code == 1
    library = validate_workbook(path, reference=books.master).to_dict()
    assert json.loads(result.output) == to_jsonable(library)
    assert [f["code"] for f in library["findings"]] == ["not-in-list"]


def test_json_when_writing_equals_the_library_report(books, tmp_path):
    path = books.group_copy(tmp_path, "03", lambda rows: rows["ket_qua"][3].update(xep_loai="Tốt"))
    out = tmp_path / "receipt.xlsx"
    result = run(path, "-r", books.master, "--json", "--out", out)
    out.unlink()  # the same starting point (a receipt already there is replaced, with a note)
    library = check_workbook(path, reference=books.master, out=out).to_dict()
    assert json.loads(result.output) == to_jsonable(library)
    assert library["files"][0]["written"] == str(out)


def test_several_files_together(books, tmp_path):
    paths = [books.group_copy(tmp_path, code) for code in ("01", "02")]
    result = run(*paths, "-r", books.master, "--json", "--no-write")
    assert result.exit_code == 0
    library = validate_workbooks(paths, reference=books.master).to_dict()
    assert json.loads(result.output) == to_jsonable(library)
    assert [f["file"] for f in library["files"]] == [p.name for p in paths]


def test_exit_code_0_when_clean_with_a_summary(books, tmp_path):
    path = books.group_copy(tmp_path, "04")
    result = run(path, "-r", books.master, "--no-write")
    assert result.exit_code == 0
    assert "không có lỗi" in result.output


def test_exit_code_0_with_warnings_only_and_summary_per_sheet_and_code(books, tmp_path):
    path = books.group_copy(
        tmp_path, "04", lambda rows: rows["dang_ky"][0].update(cam_ket="@mention")
    )
    result = run(path, "-r", books.master, "--no-write")
    assert result.exit_code == 0
    assert title_of("formula-like-text") in result.output and "Đăng ký thi đua" in result.output
    assert "formula-like-text" not in result.output  # the code is for --json
    assert "0 lỗi, 1 cảnh báo" in result.output


def test_exit_code_1_with_errors(books, tmp_path):
    path = books.group_copy(
        tmp_path, "04", lambda rows: rows["dang_ky"][0].update(ma_doi_tuong="DV999")
    )
    result = run(path, "-r", books.master)
    assert result.exit_code == 1
    assert title_of("unknown-member") in result.output and "ket-qua-kiem-tra" in result.output


def test_exit_code_2_when_the_file_cannot_be_read(tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"not a workbook")
    result = run(bad)
    assert result.exit_code == 2
    assert "Không đọc được tệp hong.xlsx" in result.output
