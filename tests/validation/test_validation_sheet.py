"""The Kiểm tra sheet, highlighted cells, and the group's return receipt."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from workbook.findings import title_of
from workbook.safe_io import file_hash
from workbook.validation import validate_workbook
from workbook.validation.checking import check_workbook, receipt_path
from workbook.validation.sheet import AUTHOR
from workbook.writing import fill_tables

CHECK_HEADERS = [
    "Mức độ",
    "Loại lỗi",
    "Tệp",
    "Trang tính",
    "Ô",
    "Khóa dòng",
    "Giá trị",
    "Nội dung và cách sửa",
    "Mã lỗi",
]


def body(ws):
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    return [r for r in rows if any(v is not None for v in r)]


def master_with_registrations(books, tmp_path, **change):
    rows = [dict(r) for r in books.rows["01"]["dang_ky"]]
    rows[0].update(change)
    return books.master_copy(tmp_path, {"dang_ky": rows}), rows


def test_master_gets_checks_sheet_links_and_highlights(books, tmp_path):
    master, _ = master_with_registrations(books, tmp_path, ma_doi_tuong="DV999", cam_ket="=1+1")
    report = check_workbook(master)
    assert [(f.code, f.cell) for f in report.findings] == [
        ("unknown-member", "C2"),
        ("formula-like-text", "H2"),
    ]
    assert report.files[0].written == str(master)
    wb = load_workbook(master)
    ws = wb["Kiểm tra"]
    assert [c.value for c in ws[1]] == CHECK_HEADERS
    assert body(ws) == [
        [
            f.severity,
            title_of(f.code),
            f.file,
            f.sheet,
            f.cell,
            f.row_key,
            f.value,
            f.message,
            f.code,
        ]
        for f in report.findings
    ]
    assert body(ws)[0][1] == "Đoàn viên không có trong danh sách"  # officers read a title
    assert ws["E2"].hyperlink.location == "'Đăng ký thi đua'!C2"
    assert ws.tables["tblKiemTra"].ref == "A1:I3"  # an Excel Table: sortable and filterable
    assert ws.protection.sheet and not ws.protection.sort and not ws.protection.autoFilter
    data = wb["Đăng ký thi đua"]
    assert data["C2"].value == "DV999"  # values people typed are never changed
    assert data["C2"].comment.author == AUTHOR
    first = report.findings[0]
    assert data["C2"].comment.text == f"[Lỗi] {title_of(first.code)}: {first.message}"  # no code
    assert data["C2"].fill.fgColor.rgb.endswith("F8CBD1")
    assert data["H2"].value == "=1+1" and data["H2"].data_type == "s"  # stays text
    assert data["H2"].fill.fgColor.rgb.endswith("FDE9A9")
    assert data["C3"].comment is None and data["C3"].fill.fill_type is None
    log = body(wb["Nhật ký"])
    assert log[-1][1] == "Kiểm tra dữ liệu" and log[-1][2] == "1 lỗi, 1 cảnh báo"


def test_running_twice_gives_the_same_report_and_fixed_cells_lose_their_highlight(books, tmp_path):
    master, rows = master_with_registrations(books, tmp_path, ma_doi_tuong="DV999")
    first = check_workbook(master)
    second = check_workbook(master)
    assert second.to_dict() == first.to_dict()
    rows[0]["ma_doi_tuong"] = "DV001"
    fill_tables(master, {"dang_ky": rows})
    assert check_workbook(master).findings == []
    wb = load_workbook(master)
    cell = wb["Đăng ký thi đua"]["C2"]
    assert cell.comment is None and cell.fill.fill_type is None
    assert body(wb["Kiểm tra"]) == []


def test_a_colour_people_chose_is_kept(books, tmp_path):
    master, rows = master_with_registrations(books, tmp_path, ma_doi_tuong="DV999")
    wb = load_workbook(master)
    wb["Đăng ký thi đua"]["C2"].fill = PatternFill("solid", fgColor="00B050")
    wb.save(master)
    check_workbook(master)
    rows[0]["ma_doi_tuong"] = "DV001"
    fill_tables(master, {"dang_ky": rows})
    check_workbook(master)
    cell = load_workbook(master)["Đăng ký thi đua"]["C2"]
    assert cell.fill.fgColor.rgb.endswith("00B050") and cell.comment is None


def test_group_workbook_gets_a_receipt_and_stays_untouched(books, tmp_path):
    path = books.group_copy(
        tmp_path, "06", lambda rows: rows["dang_ky"][0].update(cam_ket="=Hoàn thành")
    )
    before = file_hash(path)
    report = check_workbook(path, reference=books.master)
    assert file_hash(path) == before
    receipt = receipt_path(path)
    assert receipt.name == path.stem + "-ket-qua-kiem-tra.xlsx"
    assert report.files[0].written == str(receipt)
    wb = load_workbook(receipt)
    assert wb.sheetnames[0] == "Kiểm tra" and wb.active.title == "Kiểm tra"
    assert body(wb["Kiểm tra"])[0][:5] == [
        "Cảnh báo",
        "Chữ giống công thức",
        path.name,
        "Đăng ký thi đua",
        "H2",
    ]
    assert body(wb["Kiểm tra"])[0][-1] == "formula-like-text"
    cell = wb["Đăng ký thi đua"]["H2"]
    assert cell.value == "=Hoàn thành" and cell.data_type == "s"
    assert cell.comment.author == AUTHOR
    # The receipt reads back as the same group's data, with the same findings.
    again = validate_workbook(receipt, reference=books.master)
    assert [(f.code, f.cell) for f in again.findings] == [("formula-like-text", "H2")]


def test_out_and_no_write(books, tmp_path):
    path = books.group_copy(tmp_path, "02")
    out = tmp_path / "bien-nhan" / "to-02.xlsx"
    report = check_workbook(path, reference=books.master, out=out)
    assert report.files[0].written == str(out) and out.exists()
    report = check_workbook(path, reference=books.master, write=False)
    assert report.files[0].written == "" and not receipt_path(path).exists()


def test_checks_sheet_dates_and_values_as_text(books, tmp_path):
    master, _ = master_with_registrations(books, tmp_path, ngay_dang_ky=dt.date(2023, 8, 1))
    report = check_workbook(master)
    assert [(f.code, f.value) for f in report.findings] == [
        ("registration-outside-phase", "01/08/2023")
    ]
    assert body(load_workbook(master)["Kiểm tra"])[0][6] == "01/08/2023"
