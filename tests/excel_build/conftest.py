"""Fixtures for the .xlsm build tests: a small master-like .xlsx and the .xlsm built from it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.table import Table, TableStyleInfo

from xlsources.xlsm import build_xlsm


def pytest_configure(config):
    # oletools 0.60 uses pyparsing names deprecated in pyparsing 3: not our concern here.
    config.addinivalue_line("filterwarnings", "ignore::DeprecationWarning:oletools.olevba")


SHEETS = ["Cấu hình", "Đoàn viên", "Kiểm tra"]


def make_master_xlsx(path: Path) -> Path:
    """Three sheets with Vietnamese names, an Excel Table, dates, a formula."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEETS[0]
    ws.append(["Khoá", "Giá trị"])
    ws.append(["Tên công đoàn", "Công đoàn cơ sở Trường THPT Việt Bắc"])
    ws.append(["Số kế hoạch", "45/KH-CĐCS"])
    ws.append(["Ngày kế hoạch", dt.date(2022, 12, 9)])
    members = wb.create_sheet(SHEETS[1])
    members.append(["Mã", "Họ đệm", "Tên", "Ngày sinh", "Số ngày nghỉ"])
    members.append(["DV001", "Nguyễn Văn", "An", dt.date(1990, 1, 2), 0])
    members.append(["DV002", "Trần Thị", "Bình", dt.date(1985, 5, 6), 3])
    members.append(["DV003", "Hoàng Đức", "Cường", dt.date(1979, 11, 30), 1.5])
    table = Table(displayName="DoanVien", ref="A1:E4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    members.add_table(table)
    members.freeze_panes = "A2"
    check = wb.create_sheet(SHEETS[2])
    check["A1"] = "Số đoàn viên"
    check["B1"] = "=COUNTA('Đoàn viên'!A:A)-1"
    wb.save(path)
    return path


@pytest.fixture(scope="session")
def master_xlsx(tmp_path_factory) -> Path:
    return make_master_xlsx(tmp_path_factory.mktemp("src") / "master.xlsx")


@pytest.fixture(scope="session")
def built_xlsm(master_xlsx, tmp_path_factory) -> Path:
    return build_xlsm(master_xlsx, tmp_path_factory.mktemp("out") / "master.xlsm")


@pytest.fixture(scope="session")
def xlwings_template() -> Path:
    """xlwings' own standalone template, read in place from the installed package."""
    import xlwings

    path = Path(xlwings.__file__).with_name("quickstart_standalone.xlsm")
    if not path.exists():
        pytest.skip("xlwings quickstart_standalone.xlsm not installed")
    return path


def zip_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def vba_bin(path: Path) -> bytes:
    return zip_parts(path)["xl/vbaProject.bin"]


def ole(data: bytes):
    import olefile

    return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
