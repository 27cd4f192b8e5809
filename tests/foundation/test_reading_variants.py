"""Reading tolerates what people do to a sheet; one fixture per variant, named by it."""

import datetime as dt
import unicodedata

import pytest
from openpyxl import Workbook

from tests.office import convert, needs_soffice
from workbook.errors import UnreadableWorkbook
from workbook.reading import ROW, read_workbook

HEADERS = [
    "Mã đăng ký",
    "Cá nhân/Tập thể",
    "Mã đoàn viên/tổ",
    "Họ tên/Tên tổ",
    "Đợt",
    "Phong trào",
    "Danh hiệu đăng ký",
    "Nội dung cam kết",
    "Ngày đăng ký",
]
ROW_1 = [
    "DK-01",
    "Cá nhân",
    "DV001",
    "Hoàng Thị Lan",
    "Đợt 1",
    "Lao động giỏi – Lao động sáng tạo",
    "Lao động tiên tiến",
    None,
    dt.date(2023, 1, 5),
]


def people_workbook(path, headers, rows, title_rows=0, sheet="Đăng ký thi đua"):
    """A workbook as a person made it: plain cells, no Table, whatever layout."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for i in range(title_rows):
        ws.append([f"DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2023 ({i})"])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def registrations(path):
    data = read_workbook(path, sheets=("dang_ky",))
    return data, data.table("dang_ky")


def test_blank_rows_between_data_are_skipped(tmp_path):
    row_2 = ["DK-02", *ROW_1[1:]]
    path = people_workbook(
        tmp_path / "blank-rows.xlsx", HEADERS, [ROW_1, [None] * 9, [None, "", "  "], row_2]
    )
    data, frame = registrations(path)
    assert list(frame["ma_dang_ky"]) == ["DK-01", "DK-02"]
    assert list(frame[ROW]) == [2, 5]
    assert data.findings == []


def test_extra_and_reordered_columns(tmp_path):
    order = [8, 0, 2, 1, 4, 3, 5, 6, 7]
    headers = ["Ghi chú riêng của tổ", *(HEADERS[i] for i in order)]
    path = people_workbook(
        tmp_path / "extra-reordered-columns.xlsx",
        headers,
        [["ghi chú", *(ROW_1[i] for i in order)]],
    )
    data, frame = registrations(path)
    assert frame.drop(columns=[ROW]).iloc[0].tolist()[:9] == ROW_1
    assert data.columns["dang_ky"]["ma_dang_ky"] == "C"
    assert data.findings == []


def test_header_wording_variants_and_title_rows_above(tmp_path):
    headers = [
        "Mã đăng ký",
        "Loại đối tượng",
        "Mã đối tượng",
        "Họ và tên",
        "Mã đợt",
        "PHONG TRÀO",
        "Danh hiệu",
        "Nội dung cam kết",
        "Ngày ĐK",
    ]
    path = people_workbook(tmp_path / "header-variants.xlsx", headers, [ROW_1], title_rows=2)
    data, frame = registrations(path)
    assert frame.drop(columns=[ROW]).iloc[0].tolist()[:9] == ROW_1
    assert list(frame[ROW]) == [4]
    assert data.findings == []


def test_dates_as_serials_text_and_nonsense(tmp_path):
    rows = [
        ["DK-1", *ROW_1[1:8], 44931],
        ["DK-2", *ROW_1[1:8], "15/3/2023"],
        ["DK-3", *ROW_1[1:8], "2023-03-15"],
        ["DK-4", *ROW_1[1:8], "31/2/2023"],
        ["DK-5", *ROW_1[1:8], "hôm qua"],
    ]
    path = people_workbook(tmp_path / "dates-as-serials-and-text.xlsx", HEADERS, rows)
    data, frame = registrations(path)
    assert list(frame["ngay_dang_ky"])[:3] == [
        dt.date(2023, 1, 5),
        dt.date(2023, 3, 15),
        dt.date(2023, 3, 15),
    ]
    assert list(frame["ngay_dang_ky"])[3:] == ["31/2/2023", "hôm qua"]  # kept for fixing
    assert [(f.code, f.cell, f.severity) for f in data.findings] == [
        ("invalid-value", "I5", "Lỗi"),
        ("invalid-value", "I6", "Lỗi"),
    ]
    assert "ngày không có thật" in data.findings[0].message
    assert data.findings[0].file == "dates-as-serials-and-text.xlsx"


def test_numbers_as_text_and_codes_keep_leading_zeros(tmp_path):
    headers = [
        "Mã công trình",
        "Tên công trình, sản phẩm, phần việc",
        "Loại",
        "Mã tổ",
        "Đợt",
        "Giá trị (đồng)",
        "Trạng thái",
    ]
    rows = [
        ["007", "Tủ sách", "Sản phẩm", "03", "Đợt 1", "1.500.000", "Hoàn thành"],
        ["008", "Vườn rau", "Phần việc", 3.0, "Đợt 1", 2500000.0, "Hoàn thành"],
        ["009", "Sân", "Công trình", "03", "Đợt 1", "hai triệu", "Hoàn thành"],
    ]
    path = people_workbook(
        tmp_path / "numbers-as-text.xlsx", headers, rows, sheet="Công trình, sản phẩm"
    )
    data = read_workbook(path, sheets=("cong_trinh",))
    frame = data.table("cong_trinh")
    assert list(frame["ma_cong_trinh"]) == ["007", "008", "009"]
    assert list(frame["ma_to"]) == ["03", "3", "03"]  # a number typed lost its zero at source
    assert list(frame["gia_tri"]) == [1_500_000, 2_500_000, "hai triệu"]
    assert type(frame["gia_tri"][1]) is int
    assert [(f.code, f.cell) for f in data.findings if f.severity == "Lỗi"] == [
        ("invalid-value", "F4")
    ]
    absent = {f.message.split("'")[3] for f in data.findings if f.severity == "Cảnh báo"}
    assert absent == {
        "Quy mô",
        "Nguồn kinh phí",
        "Ngày bắt đầu",
        "Ngày hoàn thành",
        "Cấp gắn biển",
        "Ghi chú",
    }


def test_text_is_nfc_trimmed_and_spaces_collapsed(tmp_path):
    decomposed = unicodedata.normalize("NFD", "  Hoàng   Thị\u00a0Lan ")
    path = people_workbook(
        tmp_path / "nfd-text.xlsx", HEADERS, [[*ROW_1[:3], decomposed, *ROW_1[4:]]]
    )
    _, frame = registrations(path)
    assert frame["ten_doi_tuong"][0] == "Hoàng Thị Lan"
    assert unicodedata.is_normalized("NFC", frame["ten_doi_tuong"][0])


def test_missing_sheet_and_missing_column_are_reported_with_place(tmp_path):
    path = people_workbook(tmp_path / "missing-column.xlsx", HEADERS[:-1], [ROW_1[:-1]])
    data = read_workbook(path, sheets=("dang_ky", "ket_qua"))
    codes = [(f.code, f.sheet, f.cell) for f in data.findings]
    assert ("missing-column", "Đăng ký thi đua", "A1") in codes
    assert ("missing-sheet", "Kết quả", "") in codes
    assert "Ngày đăng ký" in next(f.message for f in data.findings if f.code == "missing-column")


def test_corrupt_and_foreign_files_raise_a_clear_error(tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableWorkbook, match="hong.xlsx"):
        read_workbook(bad)
    text = tmp_path / "ghi-chu.xlsx"
    text.write_text("xin chào", encoding="utf-8")
    with pytest.raises(UnreadableWorkbook, match="không phải sổ Excel|bị hỏng"):
        read_workbook(text)


@needs_soffice
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_old_xls_and_ods_read_the_same(tmp_path, fmt):
    source = people_workbook(tmp_path / "dang-ky.xlsx", HEADERS, [ROW_1])
    (converted,), log = convert([source], tmp_path, fmt)
    assert converted.exists(), f"conversion failed: {log}"
    data, frame = registrations(converted)
    assert frame.drop(columns=[ROW]).iloc[0].tolist()[:9] == ROW_1
    assert data.findings == []
