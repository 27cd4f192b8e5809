"""Excel date serials, in one place: openpyxl's conversion with the workbook's date system.

A workbook counts days from 30/12/1899 (the 1900 system, Windows Excel's default, Lotus's
29/02/1900 included) or from 01/01/1904 (the 1904 system, old Mac Excel's default, still set in
some workbooks). Readers get dates already converted for date-formatted cells; a bare serial (a
date whose cell lost its format) and every serial written into a package must use the system of
the workbook it came from or goes to, or the date moves by four years and a day.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from pathlib import Path

from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, to_excel

from .ooxml import WORKBOOK_PART

WINDOWS_1900 = CALENDAR_WINDOWS_1900
MAC_1904 = CALENDAR_MAC_1904
_DATE_1904 = re.compile(rb'<(?:\w+:)?workbookPr\b[^>]*?\bdate1904="(?:1|true)"')


def serial_date(serial: float, epoch: dt.datetime = WINDOWS_1900) -> dt.date:
    """The day a serial stands for (its time of day dropped); ValueError outside 1..31/12/9999."""
    return _moment(serial, epoch, with_time=False).date()


def serial_datetime(serial: float, epoch: dt.datetime = WINDOWS_1900) -> dt.datetime:
    """The moment a serial stands for, to the second; ValueError outside 1..31/12/9999."""
    return _moment(serial, epoch, with_time=True)


def _moment(serial: float, epoch: dt.datetime, with_time: bool) -> dt.datetime:
    try:
        if not serial >= 1:  # NaN too
            raise ValueError(serial)
        day = int(serial)
        moment = from_excel(day, epoch)
        return moment + dt.timedelta(seconds=round((serial - day) * 86400)) if with_time else moment
    except OverflowError:  # past 31/12/9999, or infinite
        raise ValueError(serial) from None


def date_serial(value: dt.date, epoch: dt.datetime = WINDOWS_1900) -> int | float:
    """The serial Excel stores for a date (a whole number) or a datetime (with a fraction)."""
    serial = to_excel(value, epoch)
    return serial if isinstance(value, dt.datetime) else int(serial)


def package_epoch(workbook_xml: bytes) -> dt.datetime:
    """The date system a package's ``xl/workbook.xml`` declares."""
    return MAC_1904 if _DATE_1904.search(workbook_xml) else WINDOWS_1900


def workbook_epoch(path: Path) -> dt.datetime:
    """The date system of a workbook file: an OOXML package says so in its workbook part; the
    other formats (.xls, .ods) are read as the 1900 system, as calamine's serials are."""
    if not zipfile.is_zipfile(path):
        return WINDOWS_1900
    try:
        with zipfile.ZipFile(path) as zf:
            return zip_epoch(zf)
    except (zipfile.BadZipFile, OSError):
        return WINDOWS_1900


def zip_epoch(zf: zipfile.ZipFile) -> dt.datetime:
    """The date system of an open OOXML package; 1900 when its workbook part is missing or
    damaged (the reader then says what is wrong with the file)."""
    try:
        return package_epoch(zf.read(WORKBOOK_PART))
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
        return WINDOWS_1900
