"""Member lists as officers keep them, each a real workbook written by a function named after
what is unusual about it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook


def _save(path: Path, title: str | None, header: list[str], rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def list_with_own_headers(path: Path) -> Path:
    """A title above the header, STT, a full name, the group by name, lower-case genders,
    dates as dates and as text, a phone number with its leading zero; one row without a name,
    one impossible date, one unknown gender, one person listed twice."""
    return _save(
        path,
        "DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ NĂM 2023",
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Phòng/tổ", "Số điện thoại"],
        [
            [
                1,
                "Nguyễn Thị Minh Anh",
                dt.datetime(1985, 3, 2),
                "nữ",
                "Trưởng phòng",
                "Văn phòng",
                "0912345678",
            ],
            [2, "Trần Văn Bình", "15/7/1990", "Nam", "Chuyên viên", "Văn phòng", None],
            [3, "Lò Văn Cường", "31/2/1990", "x", "Chuyên viên", "Thanh tra", None],
            [4, None, None, "Nam", "Chuyên viên", "Thanh tra", None],
            [5, "Trần Văn Bình", "15/7/1990", "Nam", "Chuyên viên", "Văn phòng", None],
        ],
    )


def list_for_existing_groups(path: Path) -> Path:
    """Split name columns and codes: group 3 typed as a number, group 01 by its name, one person
    the master already has (same name and birth date)."""
    return _save(
        path,
        None,
        ["Mã ĐV", "Họ đệm", "Tên", "Giới tính", "Ngày sinh", "Tổ"],
        [
            [None, "Hoàng Thị", "Lan", "Nữ", dt.datetime(1997, 5, 3), "Văn phòng Sở"],
            [None, "Đinh Thị", "Hoa", "Nữ", "02/09/1992", 3],
            ["DV900", "Mã Văn", "Tùng", "Nam", None, "văn phòng sở"],
        ],
    )


def list_without_header(path: Path) -> Path:
    return _save(path, None, ["a", "b"], [[1, 2], [3, 4]])


def list_with_group_codes_and_names(path: Path) -> Path:
    """The group given twice, as a code column and a name column, as union offices keep it."""
    return _save(
        path,
        None,
        ["Mã đoàn viên", "Họ và tên", "Giới tính", "Mã tổ", "Tên tổ"],
        [
            ["DV101", "Hà Thị Mai", "Nữ", "07", "Tổ Tài vụ"],
            ["DV102", "Vy Văn Nam", "Nam", "07", "Tổ Tài vụ"],
            ["DV103", "Lục Thị Hằng", "Nữ", "08", "Tổ Hành chính"],
        ],
    )
