"""`thidua members import`: a member list kept in Excel fills Tổ công đoàn and Đoàn viên."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from cli.main import cli
from workbook.groups import make_group_workbooks
from workbook.members_import import import_members
from workbook.reading import read_workbook
from workbook.safe_io import file_hash

from .lists import (
    list_for_existing_groups,
    list_with_group_codes_and_names,
    list_with_own_headers,
    list_without_header,
)


def table(master, key):
    frame = read_workbook(master, sheets=(key,)).table(key)
    return frame.drop(columns="_row").to_dict("records")


def test_list_with_its_own_headers_fills_an_empty_master(empty_master, tmp_path):
    source = list_with_own_headers(tmp_path / "danh-sach.xlsx")
    result = import_members(empty_master, source)
    assert result.written and result.backup.exists() and result.exit_code == 1
    groups = [(g["ma_to"], g["ten_to"]) for g in table(empty_master, "to_cong_doan")]
    assert groups == [("01", "Văn phòng"), ("02", "Thanh tra")]
    members = table(empty_master, "doan_vien")
    assert [
        (
            m["ma_doan_vien"],
            m["ho_dem"],
            m["ten"],
            m["gioi_tinh"],
            m["ngay_sinh"],
            m["ma_to"],
            m["chuc_vu"],
            m["dien_thoai"],
        )
        for m in members
    ] == [
        (
            "DV001",
            "Nguyễn Thị Minh",
            "Anh",
            "Nữ",
            dt.date(1985, 3, 2),
            "01",
            "Trưởng phòng",
            "0912345678",
        ),
        ("DV002", "Trần Văn", "Bình", "Nam", dt.date(1990, 7, 15), "01", "Chuyên viên", None),
        ("DV003", "Lò Văn", "Cường", "x", "31/2/1990", "02", "Chuyên viên", None),
    ]  # as typed
    found = {(f.code, f.sheet, f.cell) for f in result.findings}
    assert found == {
        ("member-invalid-value", "Danh sách", "C6"),
        ("member-invalid-value", "Danh sách", "D6"),
        ("member-without-name", "Danh sách", "B7"),
        ("member-repeated-in-list", "Danh sách", "B8"),
    }
    made = make_group_workbooks(empty_master, tmp_path / "so-to")
    assert [(f.group, f.members) for f in made.files] == [("01", 2), ("02", 1)]


def test_importing_the_same_list_again_adds_nothing(empty_master, tmp_path):
    source = list_with_own_headers(tmp_path / "danh-sach.xlsx")
    import_members(empty_master, source)
    before = file_hash(empty_master)
    again = import_members(empty_master, source)
    assert not again.written and not again.members and not again.groups
    assert file_hash(empty_master) == before
    assert {f.code for f in again.findings} == {"member-already-in-master", "member-without-name"}


def test_existing_groups_are_matched_by_name_and_by_number(demo_master, tmp_path):
    source = list_for_existing_groups(tmp_path / "ds.xlsx")
    result = import_members(demo_master, source)
    assert not result.groups
    added = {m["ma_doan_vien"]: (m["ho_dem"], m["ten"], m["ma_to"]) for m in result.members}
    assert added == {"DV061": ("Đinh Thị", "Hoa", "03"), "DV900": ("Mã Văn", "Tùng", "01")}
    [skipped] = [f for f in result.findings if f.code == "member-already-in-master"]
    assert skipped.cell == "B2" and "DV001" in skipped.message
    assert len(table(demo_master, "doan_vien")) == 62


def test_cli_json_equals_the_library(empty_master, tmp_path):
    source = list_with_own_headers(tmp_path / "danh-sach.xlsx")
    result = CliRunner().invoke(
        cli, ["members", "import", str(empty_master), str(source), "--dry-run", "--json"]
    )
    library = import_members(empty_master, source, dry_run=True)
    assert json.loads(result.stdout) == json.loads(json.dumps(library.to_dict(), default=str))
    assert result.exit_code == library.exit_code == 1


def test_list_without_a_header_is_a_clear_error(empty_master, tmp_path):
    source = list_without_header(tmp_path / "ds.xlsx")
    result = CliRunner().invoke(cli, ["members", "import", str(empty_master), str(source)])
    assert result.exit_code == 2
    assert "Không tìm thấy danh sách đoàn viên" in result.output and "Họ và tên" in result.output


def test_group_codes_and_names_of_the_list_are_kept(empty_master, tmp_path):
    source = list_with_group_codes_and_names(tmp_path / "ds.xlsx")
    result = import_members(empty_master, source)
    assert result.exit_code == 0 and not result.findings
    assert [(g["ma_to"], g["ten_to"]) for g in table(empty_master, "to_cong_doan")] == [
        ("07", "Tổ Tài vụ"),
        ("08", "Tổ Hành chính"),
    ]
    assert [(m["ma_doan_vien"], m["ma_to"]) for m in table(empty_master, "doan_vien")] == [
        ("DV101", "07"),
        ("DV102", "07"),
        ("DV103", "08"),
    ]
