"""Typing cell values from the schema, not by guessing.

Readers hand us whatever the file held: calamine gives whole numbers as floats and blanks as
'', openpyxl gives datetimes, people type "15/3/2023" or "1.500.000". Each converter returns the
typed value or raises ``BadValue`` with a Vietnamese reason; nothing is silently coerced.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .excel_dates import WINDOWS_1900, serial_date, serial_datetime
from .text import CONTROL, INVISIBLE_CHARACTERS, clean_text

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


class BadValue(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def is_blank(value: Any) -> bool:
    """Nothing a person could see: None, NaN, spaces, and invisible or control characters
    (a row holding only a zero-width space is a blank row)."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    if value.__class__ is not str:
        return False
    stripped = value.strip()
    if not stripped:
        return True
    first = stripped[0]  # cheap test first: most text starts with a visible letter
    if first > "\x7f" and first not in INVISIBLE_CHARACTERS or " " <= first < "\x7f":
        return False
    return clean_text(CONTROL.sub("", stripped)) is None


def to_text(value: Any, *, keep_lines: bool = False) -> str | None:
    """Text as read: NFC, trimmed; ``keep_lines`` keeps typed line breaks and tabs."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number: 12.0 -> "12"
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return clean_text(str(value), keep_lines=keep_lines)


def to_date(value: Any, epoch: dt.datetime = WINDOWS_1900) -> dt.date | None:
    """A day: a date, an Excel serial (counted in the workbook's date system ``epoch``) or
    'dd/mm/yyyy' text."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return serial_date(value, epoch)
        except ValueError:
            raise BadValue("số ngày kiểu Excel nằm ngoài khoảng hợp lệ") from None
    text = clean_text(str(value)) or ""
    if m := _DMY.match(text):  # day first, always
        day, month, year = (int(g) for g in m.groups())
        if year < 100:
            year += 2000 if year < 70 else 1900
    elif m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise BadValue("không phải ngày; hãy nhập dạng ngày/tháng/năm, ví dụ 15/03/2023")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadValue("ngày không có thật trên lịch (kiểm tra ngày và tháng)") from None


_DMY_TIME = re.compile(r"^(.*?)\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def to_datetime(value: Any, epoch: dt.datetime = WINDOWS_1900) -> dt.datetime | None:
    """A date and time: a datetime, an Excel serial with its fraction, or 'dd/mm/yyyy hh:mm:ss'."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return serial_datetime(value, epoch)
        except ValueError:
            raise BadValue("số ngày kiểu Excel nằm ngoài khoảng hợp lệ") from None
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    text = clean_text(str(value)) or ""
    m = _DMY_TIME.match(text)
    day = to_date(m.group(1) if m else text)
    if day is None:  # only invisible characters: blank
        return None
    if not m:
        return dt.datetime.combine(day, dt.time())
    try:
        return dt.datetime.combine(
            day, dt.time(int(m.group(2)), int(m.group(3)), int(m.group(4) or 0))
        )
    except ValueError:
        raise BadValue("giờ không hợp lệ (giờ:phút:giây)") from None


def _number_text(text: str) -> str:
    text = text.replace(" ", "").replace("\u00a0", "")
    for suffix in ("đồng", "đ", "VNĐ", "VND", "vnđ", "vnd"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if re.fullmatch(r"-?\d{1,3}([.,]\d{3})+", text):
        # Vietnamese thousands separator is '.', Excel users also type ','.
        return text.replace(".", "").replace(",", "")
    return text.replace(",", ".")


def to_number(value: Any) -> float | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise BadValue("không phải số")
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(_number_text(clean_text(str(value)) or ""))
    except ValueError:
        raise BadValue("không phải số") from None


def to_int(value: Any) -> int | None:
    number = to_number(value)
    if number is None:
        return None
    if not number.is_integer():
        raise BadValue("phải là số nguyên")
    return int(number)


def convert(value: Any, column_type: str, epoch: dt.datetime = WINDOWS_1900) -> Any:
    """Typed value for a schema column type; raises BadValue. ``epoch``: the date system of
    the workbook the value came from, for dates given as bare serials."""
    if column_type == "text":
        return to_text(value, keep_lines=True)  # free text stays as the person typed it
    if column_type == "code":
        return to_text(value)
    if column_type == "date":
        return to_date(value, epoch)
    if column_type == "datetime":
        return to_datetime(value, epoch)
    if column_type == "int":
        return to_int(value)
    if column_type == "money":  # đồng: thousands separators and a currency suffix, as "int"
        return to_int(value)
    if column_type == "number":
        number = to_number(value)
        return int(number) if number is not None and number.is_integer() else number
    raise ValueError(column_type)
