"""The list of CĐCSs the upper union expects a report from, and how names are matched.

The list is a file the upper union keeps: a spreadsheet (the column headed "Công đoàn cơ sở",
"Tên công đoàn cơ sở" or "Đơn vị", else the first column) or a text file, one name a line.
Names match without case, extra spaces or the words "Công đoàn cơ sở"/"CĐCS" in front, so
"CĐCS Sở Y tế" and "Công đoàn cơ sở Sở Y tế" are the same union.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ThiduaError
from ..headers import header_key
from ..opening import open_calamine
from ..text import clean_text
from ..values import is_blank, to_text
from .collect import WORKBOOK_SUFFIXES

NAME_HEADERS = ("Công đoàn cơ sở", "Tên công đoàn cơ sở", "Tên CĐCS", "CĐCS", "Đơn vị")
_PREFIX = re.compile(r"^(công đoàn cơ sở|cđcs|cdcs)\s+", re.IGNORECASE)


def unit_key(name: str) -> str:
    """The key two spellings of one union's name share."""
    text = (clean_text(name) or "").casefold()
    text = _PREFIX.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def read_expected(path: str | Path) -> list[str]:
    """Names on the upper union's list, in its order, each once."""
    path = Path(path)
    if not path.is_file():
        raise ThiduaError(f"Không tìm thấy danh sách CĐCS: {path}")
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        book = open_calamine(path)
        rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
        names = _column(rows)
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ThiduaError(
                f"Tệp {path.name} không phải văn bản UTF-8; lưu lại dạng UTF-8 "
                "hoặc dùng tệp Excel (mỗi CĐCS một dòng)."
            ) from None
        names = [line.split(";")[0].split("\t")[0] for line in text.splitlines()]
    headers = {header_key(h) for h in NAME_HEADERS}
    out, seen = [], set()
    for name in names:
        text = to_text(name) or ""
        if text and header_key(text) not in headers and unit_key(text) not in seen:
            seen.add(unit_key(text))
            out.append(text)
    if not out:
        raise ThiduaError(f"Danh sách CĐCS {path.name} không có tên nào.")
    return out


def _column(rows: list[list]) -> list:
    wanted = {header_key(h) for h in NAME_HEADERS}
    for i, row in enumerate(rows[:20]):
        for j, value in enumerate(row):
            if not is_blank(value) and header_key(value) in wanted:
                return [r[j] for r in rows[i + 1 :] if j < len(r)]
    return [r[0] for r in rows if r]
