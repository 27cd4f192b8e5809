"""A new officer's first day: the mistakes anyone makes get a clear Vietnamese answer, files
replaced keep a backup and say so, and what officers open reads well (real dates, headers
that stay in view)."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from workbook import schema
from workbook.errors import CRASH_LOG
from workbook.validation.checking import check_workbook


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="thidua")


def test_init_refuses_a_name_that_is_not_a_workbook(tmp_path):
    result = run("init", tmp_path / "abc.txt")
    assert result.exit_code == 2 and "đuôi .xlsm" in result.output
    assert not (tmp_path / "abc.txt").exists()


def test_json_prints_an_error_object_on_exit_2(tmp_path, empty_master):
    empty_master.chmod(0o444)
    result = run("init", empty_master, "--force", "--json")
    assert result.exit_code == 2
    error = json.loads(result.stdout)
    assert error["exit_code"] == 2 and error["error"]["code"] == "read-only-file"
    assert "chỉ đọc" in error["error"]["message"]


def test_json_error_object_also_for_clicks_own_errors(tmp_path, capsys):
    # a wrong path or option is found by Click before any command runs: the script reading
    # stdout still gets the JSON error object; the officer still reads the Vietnamese message
    from cli.main import main

    for args in (
        ["score", str(tmp_path / "khong-co.xlsx"), "--json"],
        ["score", "--json", "--khong-co-tuy-chon", str(tmp_path)],
    ):
        with pytest.raises(SystemExit) as stop:
            main(args)
        out, err = capsys.readouterr()
        assert stop.value.code == 2
        error = json.loads(out)
        assert error["exit_code"] == 2 and error["error"]["code"] == "usage"
        assert error["error"]["message"] in err and "Lỗi:" in err
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and "phiên bản" in capsys.readouterr().out


def test_read_only_master_is_refused_and_left_as_it_was(filled_master):
    before = filled_master.read_bytes()
    filled_master.chmod(0o444)
    result = run("score", filled_master)
    assert result.exit_code == 2 and "chỉ đọc" in result.output
    assert filled_master.read_bytes() == before
    assert not (filled_master.parent / "sao-luu").exists()


def test_unwritable_folder_names_the_folder_and_the_fix(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, dir=None, **kwargs):
        raise PermissionError(13, "Permission denied", str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = run("init", tmp_path / "So-thi-dua.xlsx")
    assert result.exit_code == 2
    assert f"Không ghi được vào thư mục {tmp_path}" in result.output
    assert "Chọn thư mục khác" in result.output


def test_crash_log_goes_to_the_users_own_folder_and_never_fails(tmp_path, monkeypatch):
    import workbook.master

    monkeypatch.setattr(
        workbook.master, "build_master", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("hỏng"))
    )
    result = run("init", tmp_path / "So.xlsx")
    log = tmp_path / "nhat-ky-loi" / CRASH_LOG  # THIDUA_LOG_DIR, set for every test
    assert result.exit_code == 2 and str(log) in result.output
    assert "RuntimeError" in log.read_text(encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("THIDUA_LOG_DIR", str(blocker))  # the log cannot be written at all
    result = run("init", tmp_path / "So.xlsx")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Không ghi được tệp nhật ký lỗi" in result.output


def test_log_time_is_a_real_date_and_time(filled_master):
    check_workbook(filled_master)
    ws = load_workbook(filled_master)[schema.sheet("nhat_ky").name]
    cell = ws["A2"]
    assert isinstance(cell.value, dt.datetime)
    assert abs(cell.value - dt.datetime.now()) < dt.timedelta(minutes=5)
    assert cell.number_format == "dd/mm/yyyy hh:mm:ss"


def test_scores_and_tdkt_exports_keep_their_header_in_view(filled_master, tmp_path):
    assert run("score", filled_master).exit_code in (0, 1)
    ws = load_workbook(filled_master)["Điểm"]
    row = int(ws.freeze_panes[1:])
    assert ws.freeze_panes[0] == "E"
    header = [c.value for c in ws[row - 1]]
    assert "Mã đoàn viên" in header and "Tổng điểm" in header  # the members' header is frozen
    assert run("export", "tdkt", filled_master, tmp_path / "tdkt").exit_code in (0, 1)
    for name in ("CANHAN", "TAPTHE", "DETAI"):
        sheet = load_workbook(tmp_path / "tdkt" / f"{name}.xlsx").active
        assert sheet.freeze_panes == "A4" and sheet["A3"].value  # below the column headers


def test_provenance_columns_carry_no_input_rule(empty_master):
    wb = load_workbook(empty_master)
    for sheet in schema.DATA_SHEETS:
        ws = wb[sheet.name]
        provenance = set(range(len(sheet.columns) + 1, len(schema.master_columns(sheet)) + 1))
        assert [ws.cell(1, c).value for c in sorted(provenance)] == [
            c.header for c in schema.PROVENANCE
        ]
        ruled = {
            c
            for dv in ws.data_validations.dataValidation
            for r in dv.sqref.ranges
            for c in range(r.min_col, r.max_col + 1)
        }
        assert ruled and not ruled & provenance, sheet.name


def test_outputs_are_replaced_with_a_backup_and_a_line_saying_so(filled_master, tmp_path):
    out = tmp_path / "tdkt"
    assert run("export", "tdkt", filled_master, out).exit_code in (0, 1)
    again = run("export", "tdkt", filled_master, out)
    assert again.exit_code in (0, 1)
    for name in ("CANHAN", "TAPTHE", "DETAI"):
        assert f"Bản cũ của {name}.xlsx được sao lưu tại" in again.output
    assert len(list((out / "sao-luu").iterdir())) == 3
    summary = tmp_path / "tong-hop.xlsx"
    assert run("consolidate-summaries", summary, filled_master).exit_code in (0, 1)
    again = run("consolidate-summaries", summary, filled_master)
    assert "Bản cũ được sao lưu tại" in again.output


def test_master_is_never_replaced_without_force_and_backup(empty_master):
    refused = run("init", empty_master)
    assert refused.exit_code == 2 and "--force" in refused.output
    forced = run("init", empty_master, "--force")
    assert forced.exit_code == 0 and "sao lưu" in forced.output
    assert len(list((empty_master.parent / "sao-luu").iterdir())) == 1


def test_phone_number_is_not_flagged_by_validate(returned_demo, tmp_path):
    from .defects import phone_number_note

    source = next((returned_demo / "so-to-gui-lai").glob("To-01-*.xlsx"))
    bad = phone_number_note(source, tmp_path / source.name)
    report = check_workbook(bad, returned_demo / "so-thi-dua.xlsx", write=False)
    assert not [f for f in report.findings if f.code == "formula-like-text" and f.cell == "M2"]
    shutil.rmtree(tmp_path / "nhat-ky-loi", ignore_errors=True)


def test_officers_read_titles_and_the_code_stays_for_machines(filled_master):
    import workbook.members_import  # noqa: F401  (every module that defines codes)
    import workbook.scoring  # noqa: F401
    from workbook.findings import CATALOGUE, TITLES

    assert set(CATALOGUE) <= set(TITLES)
    result = run("validate", filled_master)
    assert result.exit_code == 1
    table = result.output.split("Tệp › Trang", 1)[1]
    assert not [code for code in CATALOGUE if code in table]
    wb = load_workbook(filled_master)
    checks = wb[schema.sheet("kiem_tra").name]
    header = [c.value for c in checks[1]]
    assert header[1] == "Loại lỗi" and header[-1] == "Mã lỗi"
    assert checks.column_dimensions["I"].width < 10
    config = wb[schema.sheet("cau_hinh").name]
    assert [c.value for c in config[1]] == ["Nội dung", "Giá trị", "Mã mục"]  # the key last
    assert run("validate", filled_master, "--json").stdout.count('"code": ') > 5
