"""`thidua groups make`: one macro-free workbook per group that reads back exactly."""

import datetime as dt
import json
import shutil
import unicodedata
import zipfile

from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from workbook import schema
from workbook.groups import make_group_workbooks
from workbook.reading import ROW, read_workbook
from workbook.writing import fill_tables


def test_one_workbook_per_group_with_readable_safe_names(demo_master, tmp_path):
    result = make_group_workbooks(demo_master, tmp_path / "so-to")
    names = sorted(f.path.name for f in result.files)
    assert names[2] == "To-03-Ke-hoach-tong-hop.xlsx"
    assert len(names) == 6
    for name in names:
        assert name.isascii() and not set(name) & set('<>:"/\\|?* ')


def test_group_workbook_has_its_members_lists_stamp_and_no_macros(demo_master, tmp_path):
    result = make_group_workbooks(demo_master, tmp_path)
    path = next(f.path for f in result.files if f.group == "03")
    with zipfile.ZipFile(path) as zf:
        assert not [n for n in zf.namelist() if "vba" in n.lower()]
    data = read_workbook(path)
    assert data.stamp["loai_so"] == "group" and data.stamp["ma_to"] == "03"
    assert data.stamp["phien_ban_mau"] == schema.TEMPLATE_VERSION
    members = data.table("doan_vien")
    assert len(members) == 10 and set(members["ma_to"]) == {"03"}
    assert list(data.table("to_cong_doan")["ma_to"]) == ["03"]
    assert len(data.table("phong_trao")) == 9
    # The results sheet is pre-filled: one row per member and phase.
    results = data.table("ket_qua")
    assert len(results) == 20 and set(results["dot"]) == {"Đợt 1", "Đợt 2"}
    wb = load_workbook(path)
    assert wb["Đoàn viên"].protection.sheet and not wb["Đăng ký thi đua"].protection.sheet
    assert "DS_DOT" in wb.defined_names


def test_making_again_replaces_each_workbook_after_a_backup(demo_master, tmp_path):
    first = make_group_workbooks(demo_master, tmp_path)
    assert {f.status for f in first.files} == {"tạo mới"} and not any(f.backup for f in first.files)
    again = make_group_workbooks(demo_master, tmp_path)
    assert {f.status for f in again.files} == {"thay bản cũ"}
    assert [f.members for f in again.files] == [f.members for f in first.files]
    assert sum(f.members for f in again.files) == 60  # not "0 đoàn viên" for books that hold 10
    for f in again.files:
        assert f.backup.parent == tmp_path / "sao-luu" and f.backup.stem.startswith(f.path.stem)


def test_empty_master_says_what_to_do(empty_master, tmp_path):
    result = CliRunner().invoke(cli, ["groups", "make", str(empty_master), str(tmp_path / "so-to")])
    assert result.exit_code == 2
    assert "chưa có tổ công đoàn" in result.output and "thidua members import" in result.output


ROWS = [
    {
        "ma_dang_ky": "DK-001",
        "loai_doi_tuong": "Cá nhân",
        "ma_doi_tuong": "DV021",
        "ten_doi_tuong": "Lương Minh Đức",
        "dot": "Đợt 1",
        "phong_trao": "Lao động giỏi – Lao động sáng tạo",
        "danh_hieu": "Lao động tiên tiến",
        "cam_ket": "Hoàn thành xuất sắc nhiệm vụ; “không” vi phạm",
        "ngay_dang_ky": dt.date(2023, 1, 5),
    },
    {
        "ma_dang_ky": "0042",
        "loai_doi_tuong": "Tập thể",
        "ma_doi_tuong": "03",
        "ten_doi_tuong": None,
        "dot": "Đợt 2",
        "phong_trao": "Tham mưu giỏi, phục vụ tốt",
        "danh_hieu": "Tập thể lao động tiên tiến",
        "cam_ket": None,
        "ngay_dang_ky": dt.date(2023, 7, 3),
    },
]
WORKS = [
    {
        "ma_cong_trinh": "CT-1",
        "ten_cong_trinh": "Nhà văn hóa thôn Nà Pàn",
        "loai": "Công trình",
        "ma_to": "03",
        "dot": "Đợt 1",
        "quy_mo": "120 m²",
        "gia_tri": 1_250_000_000,
        "nguon_kinh_phi": None,
        "ngay_bat_dau": dt.date(2023, 2, 1),
        "ngay_hoan_thanh": None,
        "cap_gan_bien": "Đại hội XIII Công đoàn Việt Nam",
        "trang_thai": "Đang thực hiện",
        "ghi_chu": "=không phải công thức",
    }
]


def test_round_trip_filled_group_workbook(demo_master, tmp_path):
    path = next(
        f.path for f in make_group_workbooks(demo_master, tmp_path).files if f.group == "03"
    )
    fill_tables(path, {"dang_ky": ROWS, "cong_trinh": WORKS})
    data = read_workbook(path)
    assert data.findings == []
    for sheet_key, expected in (("dang_ky", ROWS), ("cong_trinh", WORKS)):
        got = data.table(sheet_key).drop(columns=[ROW]).to_dict("records")
        got = [{k: v for k, v in r.items() if k in schema.sheet(sheet_key).keys} for r in got]
        assert got == expected  # every cell: text, codes with leading zeros, dates, blanks
    assert list(data.table("dang_ky")[ROW]) == [2, 3]
    assert all(unicodedata.is_normalized("NFC", v) for v in data.table("dang_ky")["cam_ket"] if v)
    ws = load_workbook(path)["Công trình, sản phẩm"]
    note = ws.cell(2, schema.sheet("cong_trinh").keys.index("ghi_chu") + 1)
    assert note.data_type == "s" and note.value == "=không phải công thức"


def test_cli_groups_make_json_equals_library(demo_master, tmp_path):
    out = tmp_path / "cli"
    result = CliRunner().invoke(cli, ["groups", "make", str(demo_master), str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert {f["status"] for f in json.loads(result.output)["files"]} == {"tạo mới"}
    shutil.rmtree(out)  # the same starting point for the library
    library = make_group_workbooks(demo_master, out).to_dict()
    assert json.loads(result.output) == library
