"""A file that cannot be read is classified by what the reader raised and by what the file is,
never by the words of an (English) error message; the reader's own error stays the cause."""

from __future__ import annotations

import zipfile

import pytest
import xlsxwriter
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook
from python_calamine import CalamineError, PasswordError, ZipError

from workbook.consolidation.summary_read import REPORT_SHEET, read_summary
from workbook.errors import UnreadableWorkbook
from workbook.reading import read_workbook
from workbook.sniff import encrypted_package
from xlsources.cfb import write_cfb

LOCKED = "có mật khẩu hoặc bị mã hóa; hãy gỡ mật khẩu rồi gửi lại"
DAMAGED = "bị hỏng hoặc không phải sổ Excel (.xlsx, .xlsm, .xls, .ods)"


def _plain(path):
    wb = Workbook()
    wb.active["A1"] = "Họ và tên"
    wb.save(path)
    return path


def _encrypted(source, target):
    with open(source, "rb") as fin, open(target, "wb") as fout:
        OOXMLFile(fin).encrypt("matkhau", fout)
    return target


def _unreadable(path) -> UnreadableWorkbook:
    with pytest.raises(UnreadableWorkbook) as caught:
        read_workbook(path)
    return caught.value


@pytest.mark.parametrize("name", ["So-to-co-mat-khau.xlsx", "So-to-co-mat-khau.xls"])
def test_an_encrypted_package_is_password_protected_whatever_its_name(tmp_path, name):
    bad = _encrypted(_plain(tmp_path / "plain.xlsx"), tmp_path / name)
    err = _unreadable(bad)
    assert err.reason_code == "password-protected"
    assert err.message == f"Không đọc được tệp {name}: {LOCKED}."
    assert isinstance(err.__cause__, CalamineError)
    assert isinstance(err.__cause__, PasswordError) == name.endswith(".xlsx")


def test_a_compound_file_that_is_not_a_workbook_is_not_called_password_protected(tmp_path):
    bad = tmp_path / "Van-ban.xls"  # a Word 97 document renamed: a compound file, no Workbook
    bad.write_bytes(write_cfb({"WordDocument": b"\0" * 600, "1Table": b"\0" * 64}))
    assert not encrypted_package(bad)
    err = _unreadable(bad)
    assert (err.reason_code, err.message) == (
        "corrupt",
        f"Không đọc được tệp Van-ban.xls: {DAMAGED}.",
    )
    assert isinstance(err.__cause__, CalamineError)


def test_a_cut_zip_is_corrupt_with_the_zip_error_as_cause(tmp_path):
    source = _plain(tmp_path / "plain.xlsx")
    bad = tmp_path / "So-to-hong.xlsx"
    bad.write_bytes(source.read_bytes()[:2000])
    err = _unreadable(bad)
    assert err.reason_code == "corrupt" and isinstance(err.__cause__, ZipError)


def test_a_damaged_report_sheet_sets_the_summary_aside_instead_of_raising(tmp_path):
    good = tmp_path / "BC.xlsx"
    wb = xlsxwriter.Workbook(str(good))
    wb.add_worksheet(REPORT_SHEET).write_string(0, 0, "BÁO CÁO TỔNG HỢP")
    wb.close()
    bad = tmp_path / "BC-hong.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            zout.writestr(
                item, data[: len(data) // 2] if item.filename.endswith("sheet1.xml") else data
            )
    read = read_summary(bad, "0" * 64)
    assert read.error_code == "corrupt"
    assert read.error == (
        "Không đọc được tệp BC-hong.xlsx: có trang bị hỏng (nội dung XML của "
        "trang không đọc được). Mở tệp bằng Excel rồi lưu lại và gửi lại."
    )


def test_an_encrypted_summary_is_set_aside_as_password_protected(tmp_path):
    bad = _encrypted(_plain(tmp_path / "plain.xlsx"), tmp_path / "BC-mat-khau.xlsx")
    read = read_summary(bad, "0" * 64)
    assert (read.error_code, read.error) == (
        "password-protected",
        f"Không đọc được tệp BC-mat-khau.xlsx: {LOCKED}.",
    )
