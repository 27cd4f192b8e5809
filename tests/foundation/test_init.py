"""`thidua init`: the master has every sheet and column, dropdowns, and plan 45's set-up."""

import datetime as dt

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from cli.main import cli
from workbook import schema
from workbook.reading import read_workbook


def table_headers(ws, table_name):
    min_col, min_row, max_col, _ = range_boundaries(ws.tables[table_name].ref)
    return [ws.cell(min_row, c).value for c in range(min_col, max_col + 1)]


def test_every_sheet_and_column_of_the_schema_is_there(empty_master):
    wb = load_workbook(empty_master)
    assert wb.sheetnames[:-1] == schema.sheet_names()
    assert wb.sheetnames[-1] == schema.STAMP.name
    assert wb[schema.STAMP.name].sheet_state == "veryHidden"
    for sheet in schema.MASTER_ORDER:
        if not sheet.table:
            continue
        ws = wb[sheet.name]
        assert table_headers(ws, sheet.table) == [c.header for c in schema.master_columns(sheet)]


def test_dropdowns_point_at_the_right_lists(empty_master):
    wb = load_workbook(empty_master)
    for lst in schema.LISTS.values():
        source = schema.SHEETS[lst.sheet]
        assert (
            wb.defined_names[lst.name].attr_text
            == f"{source.table}[{source.column(lst.column).header}]"
        )
    for sheet in (*schema.SETUP_SHEETS, *schema.DATA_SHEETS):
        ws = wb[sheet.name]
        formulas = {}
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list":
                for rng in dv.sqref.ranges:
                    formulas[rng.coord.split(":")[0].rstrip("0123456789")] = dv.formula1
        for j, col in enumerate(sheet.columns, start=1):
            letter = ws.cell(1, j).column_letter
            if col.choices:
                assert formulas.get(letter) == f"={schema.LISTS[col.choices].name}", col.key
            else:
                assert letter not in formulas


def test_fixed_lists_are_written(empty_master):
    data = read_workbook(empty_master)
    assert list(data.table("ds_xep_loai")["gia_tri"]) == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    outlets = data.table("ds_co_quan_bao")
    assert dict(zip(outlets["gia_tri"], outlets["cap"]))["Báo Lao động"] == "Trung ương"


def test_campaign_data_matches_plan_45(empty_master):
    data = read_workbook(empty_master)
    assert data.findings == []
    config = dict(zip(data.table("cau_hinh")["ma_muc"], data.table("cau_hinh")["gia_tri"]))
    assert config["so_ke_hoach"] == "45/KH-CĐCS"
    assert config["ngay_ke_hoach"] == "09/12/2022"
    assert config["cong_doan_cap_tren"] == "Công đoàn Viên chức tỉnh Lạng Sơn"
    assert config["thay_mat"] == "TM. BAN CHẤP HÀNH" and config["chuc_vu_ky"] == "PHÓ CHỦ TỊCH"
    assert config["nguoi_ky"] == "Phí Xuân Trường"
    assert config["phien_ban_mau"] == schema.TEMPLATE_VERSION
    phases = data.table("dot_thi_dua").set_index("ma_dot")
    assert phases.loc["Đợt 1", "ngay_ket_thuc"] == dt.date(2023, 6, 30)
    assert phases.loc["Đợt 2", "ngay_bat_dau"] == dt.date(2023, 7, 1)
    assert phases.loc["Đợt 2", "ngay_ket_thuc"] == dt.date(2023, 12, 31)
    assert "77 năm ngày thành lập Công đoàn Lạng Sơn" in phases.loc["Đợt 2", "moc_ky_niem"]
    movements = list(data.table("phong_trao")["ten_phong_trao"])
    assert len(movements) == 9
    assert movements[0] == "Lao động giỏi – Lao động sáng tạo"
    assert "Giỏi việc nước, đảm việc nhà" in movements
    plaques = list(data.table("ds_cap_gan_bien")["gia_tri"])
    assert plaques == [
        "Đại hội IV Công đoàn Viên chức tỉnh",
        "Đại hội XVII Công đoàn tỉnh Lạng Sơn",
        "Đại hội XIII Công đoàn Việt Nam",
    ]
    titles = data.table("danh_hieu").set_index("ten_danh_hieu")
    assert titles.loc["Lao động tiên tiến", "ma_tdkt"] == "1647933042"
    assert titles.loc["Chiến sĩ thi đua cơ sở", "ma_tdkt"] == "1647933380"


def test_formats_print_setup_and_protection(empty_master):
    wb = load_workbook(empty_master)
    ws = wb["Đoàn viên"]
    assert ws.freeze_panes == "B2"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"
    assert ws["A1"].font.name == "Times New Roman"
    date_col = schema.sheet("doan_vien").keys.index("ngay_sinh") + 1
    assert ws.cell(2, date_col).number_format == "dd/mm/yyyy"
    phone_col = schema.sheet("doan_vien").keys.index("dien_thoai") + 1
    assert ws.cell(2, phone_col).number_format == "@"
    for sheet in schema.OUTPUT_SHEETS:
        assert wb[sheet.name].protection.sheet, sheet.name
    for sheet in (*schema.SETUP_SHEETS, *schema.DATA_SHEETS):
        assert not wb[sheet.name].protection.sheet, sheet.name


def test_init_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "so.xlsx"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(path)]).exit_code == 0
    again = runner.invoke(cli, ["init", str(path)])
    assert again.exit_code == 2
    assert "đã có" in again.output and "--force" in again.output
    forced = runner.invoke(cli, ["init", str(path), "--force"])
    assert forced.exit_code == 0
    assert list((tmp_path / "sao-luu").iterdir())  # the old file was backed up


def test_init_refuses_when_excel_holds_the_file(tmp_path):
    path = tmp_path / "so.xlsx"
    CliRunner().invoke(cli, ["init", str(path)])
    (tmp_path / "~$so.xlsx").write_bytes(b"owner")
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["init", str(path), "--force"])
    assert result.exit_code == 2 and "đang được mở trong Excel" in result.output
    assert path.read_bytes() == before


def test_init_with_another_campaign_file(tmp_path, campaign):
    import json

    import templates

    raw = json.loads(templates.path("campaigns", "ke-hoach-45-KH-CDCS.json").read_text("utf-8"))
    raw["config"]["ten_cong_doan"] = "Công đoàn cơ sở Sở Tài chính"
    raw["sheets"]["dot_thi_dua"] = raw["sheets"]["dot_thi_dua"][:1]
    other = tmp_path / "khac.json"
    other.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "so.xlsx"
    assert CliRunner().invoke(cli, ["init", str(out), "--campaign", str(other)]).exit_code == 0
    data = read_workbook(out)
    assert len(data.table("dot_thi_dua")) == 1
    assert "Công đoàn cơ sở Sở Tài chính" in set(data.table("cau_hinh")["gia_tri"].dropna())


@pytest.mark.parametrize(
    "bad, needle",
    [
        (
            {"sheets": {"dot_thi_dua": [{"ma_dot": "Đợt 1", "ngay_bat_dau": "31/02/2023"}]}},
            "ngày không có thật",
        ),
        ({"sheets": {"khong_co": []}}, "không có trong mẫu"),
    ],
)
def test_bad_campaign_file_gets_a_clear_message(tmp_path, bad, needle):
    import json

    path = tmp_path / "sai.json"
    path.write_text(json.dumps({"id": "x", "config": {}, **bad}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "so.xlsx"), "--campaign", str(path)])
    assert result.exit_code == 2 and needle in result.output
