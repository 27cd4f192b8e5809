"""Excel's two date systems: a workbook counting days from 1904 (old Mac Excel) reads and is
written with its own epoch; the 1900 system keeps Lotus's 29/02/1900."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from workbook.excel_dates import (
    MAC_1904,
    WINDOWS_1900,
    date_serial,
    package_epoch,
    serial_date,
    serial_datetime,
)
from workbook.reading import read_workbook
from workbook.sheet_xml import cell_xml

from .test_reading_variants import HEADERS, ROW_1

DAY = dt.date(2023, 3, 15)


@pytest.mark.parametrize(("epoch", "serial"), [(WINDOWS_1900, 45000), (MAC_1904, 43538)])
def test_a_serial_stands_for_the_day_of_its_date_system(epoch, serial):
    assert serial_date(serial, epoch) == DAY
    assert date_serial(DAY, epoch) == serial
    assert serial_datetime(serial + 0.5, epoch) == dt.datetime(2023, 3, 15, 12)
    assert date_serial(dt.datetime(2023, 3, 15, 12), epoch) == serial + 0.5


def test_lotus_leap_day_and_out_of_range_serials():
    assert serial_date(59) == dt.date(1900, 2, 28)
    assert serial_date(61) == dt.date(1900, 3, 1)
    for bad in (0, -3, 2958466, float("inf"), float("nan")):
        with pytest.raises(ValueError):
            serial_date(bad)


def test_the_workbook_part_says_which_system():
    assert package_epoch(b'<workbook><workbookPr date1904="1"/></workbook>') is MAC_1904
    assert package_epoch(b'<x:workbook><x:workbookPr date1904="true"/></x:workbook>') is MAC_1904
    assert package_epoch(b'<workbook><workbookPr date1904="0"/></workbook>') is WINDOWS_1900
    assert package_epoch(b"<workbook><workbookPr/></workbook>") is WINDOWS_1900


@pytest.mark.parametrize(("epoch", "serial"), [(WINDOWS_1900, 45000), (MAC_1904, 43538)])
def test_a_bare_serial_and_a_date_cell_read_as_the_same_day(tmp_path, epoch, serial):
    wb = Workbook()
    wb.epoch = epoch
    ws = wb.active
    ws.title = "Đăng ký thi đua"
    ws.append(HEADERS)
    ws.append(["DK-1", *ROW_1[1:8], DAY])  # formatted as a date: the reader converts it
    ws.append(["DK-2", *ROW_1[1:8], serial])  # a date cell that lost its format
    path = tmp_path / f"dang-ky-{epoch.year}.xlsx"
    wb.save(path)
    data = read_workbook(path, sheets=("dang_ky",))
    assert data.epoch == epoch
    assert list(data.table("dang_ky")["ngay_dang_ky"]) == [DAY, DAY]
    assert data.findings == []


def test_the_zip_writer_writes_serials_in_the_masters_system():
    assert cell_xml(b"I2", b"3", DAY) == b'<c r="I2" s="3"><v>45000</v></c>'
    assert cell_xml(b"I2", b"3", DAY, MAC_1904) == b'<c r="I2" s="3"><v>43538</v></c>'
    assert (
        cell_xml(b"I2", b"3", dt.datetime(2023, 3, 15, 6), MAC_1904)
        == b'<c r="I2" s="3"><v>43538.25</v></c>'
    )
