"""What the reader notices in cells people typed or pasted, beyond the value's type.

* control characters (pasted from other software; XML and Excel cannot hold them): each becomes
  a space, with a warning naming the cell — unless the text is TCVN3, where those bytes are
  capital letters ("\x16 kiÕn" is "Ý kiến") and the legacy conversion turns them into letters;
* text longer than an Excel cell can hold (32,767 characters): kept whole in the frame, with an
  error naming the cell (the master gets what fits and the full text beside it);
* merged cells spanning data rows: Excel keeps the value in the first cell only; the value is
  filled down the rows the area covers, with a warning naming the range;
* a group code typed as a number ("1" for group "01"): read as the group's code, with a warning.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from openpyxl.utils import get_column_letter

from . import schema
from .findings import ERROR, WARNING, define
from .text import CONTROL, control_characters, detect_legacy
from .text._tables import UNICODE_TO_TCVN3
from .values import is_blank

PREVIEW = 60  # characters of a long value shown in a finding

CONTROL_CHARACTERS = define(
    "control-characters",
    WARNING,
    "Cột '{header}': ô có ký tự điều khiển không nhìn thấy ({chars}), thường do dán từ phần "
    "mềm khác; đã thay mỗi ký tự bằng một dấu cách: '{cleaned}'. Kiểm tra lại nội dung ô.",
)
CELL_TOO_LONG = define(
    "cell-too-long",
    ERROR,
    "Cột '{header}': ô dài {length} ký tự, quá giới hạn {limit} ký tự một ô của Excel (Excel sẽ "
    "cắt bớt hoặc báo tệp hỏng). Nội dung được giữ nguyên để sửa; hãy rút gọn, phần dài để ở "
    "tệp riêng.",
)
MERGED_ROWS = define(
    "merged-cells-filled",
    WARNING,
    "Các ô {area} đang được gộp (Merge) qua {rows} dòng: Excel chỉ giữ giá trị ở ô đầu, nên giá "
    "trị '{value}' được áp dụng cho từng dòng của vùng này. Hãy bỏ gộp ô (Unmerge) và điền giá "
    "trị vào từng dòng.",
)
GROUP_CODE_AS_NUMBER = define(
    "group-code-as-number",
    WARNING,
    "Mã tổ '{value}' (gõ dạng số nên mất số 0 ở đầu) được hiểu là tổ '{code}'. Chọn mã tổ trong "
    "danh sách thả xuống để khỏi nhầm.",
)

Merge = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first col), (last row, last col))


# The TCVN3 capitals stored in control-character positions (Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ).
TCVN3_CONTROL_LETTERS = frozenset(chr(code) for code in UNICODE_TO_TCVN3.values() if code < 0x20)


def without_controls(text: str) -> tuple[str, list[str]]:
    """(text to type, control characters replaced by a space, as escapes).

    Text that reads as TCVN3 by its content keeps the control characters that are TCVN3
    capitals: the legacy conversion that follows turns them into letters."""
    if text.isprintable():  # the common case, checked in C: no control character at all
        return text, []
    found = CONTROL.findall(text)
    if not found:
        return text, []
    if set(found) <= TCVN3_CONTROL_LETTERS and detect_legacy(text) == "tcvn3":
        return text, []
    return CONTROL.sub(" ", text), control_characters(text)


def show_controls(text: str) -> str:
    """The text with each control character written as its escape, e.g. 'Hoàng\\x01Thị'."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def preview(text: str) -> str:
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "…"


def area_a1(merge: Merge) -> str:
    (r0, c0), (r1, c1) = merge
    return f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}"


def fill_merged(
    rows: list[list[Any]], merges: list[Merge], first_body_row: int
) -> list[tuple[Merge, Any]]:
    """Copy each merged area's value down its first column, for areas reaching into the body
    (0-based ``first_body_row`` and below); returns the areas filled with their value. Rows
    that hold nothing else stay blank: an area merged past the last record adds no rows."""
    filled = []
    for merge in merges:
        (r0, c0), (r1, _) = merge
        if r1 == r0 or r1 < first_body_row or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        if value is None or value == "":
            continue
        for r in range(max(r0 + 1, first_body_row), min(r1 + 1, len(rows))):
            row = rows[r]
            if all(is_blank(v) for j, v in enumerate(row) if j != c0):
                continue
            if len(row) <= c0:
                row.extend([""] * (c0 + 1 - len(row)))
            row[c0] = value
        filled.append((merge, value))
    return filled


# Columns holding a group's code: the group dropdown, and a registration's subject when the
# subject is a collective.
_GROUP_COLUMNS = [
    (s.key, c.key)
    for s in (*schema.SETUP_SHEETS, *schema.DATA_SHEETS)
    for c in s.columns
    if c.choices == "to"
]
_COLLECTIVE = schema.FIXED_LIST_VALUES["ds_doi_tuong"][1]


def padded_group_code(value: Any, known: set[str]) -> str | None:
    """The one known group code that ``value`` is, once its lost leading zeros are restored."""
    if not isinstance(value, str) or not value.isdigit() or value in known:
        return None
    matches = [
        k for k in known if k.isdigit() and k != value and k.lstrip("0") == value.lstrip("0")
    ]
    return matches[0] if len(matches) == 1 else None


def group_code_places(
    column_of: Callable[[str, str], list[Any] | None], known: set[str]
) -> Iterator[tuple[str, int, str, Any, str]]:
    """(sheet key, row position, column key, typed value, group code) for each group code
    typed as a number; ``column_of(sheet key, column key)`` gives that column's values in row
    order (None: no such column). The caller replaces the value and reports it."""
    if not known:
        return
    for sheet_key, column in [*_GROUP_COLUMNS, ("dang_ky", "ma_doi_tuong")]:
        values = column_of(sheet_key, column)
        if values is None:
            continue
        kinds = column_of(sheet_key, "loai_doi_tuong") if sheet_key == "dang_ky" else None
        for i, value in enumerate(values):
            if kinds is not None and kinds[i] != _COLLECTIVE:  # a person's code, not a group's
                continue
            code = padded_group_code(value, known)
            if code is not None:
                yield sheet_key, i, column, value, code
