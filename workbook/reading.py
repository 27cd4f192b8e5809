"""Reading a master or group workbook into typed DataFrames keyed by the schema.

One pure function, ``read_workbook(path) -> WorkbookData``, so it can run in a thread pool or on
a cluster. Rust-backed calamine reads .xlsx/.xlsm/.xls/.ods fast and never runs macros. The reader
is tolerant of what people do — blank rows, extra or reordered columns, header wording variants,
dates as serials or text, numbers as text — and reports, with the cell, what it could not read.

Frames hold Python objects (str, int, float, datetime.date, None) in object columns: exact,
no float-for-int or NaN-for-blank surprises. A value that could not be typed is kept as the text
that was there (nothing typed is lost) and reported. Column ``_row`` is the Excel row number.
"""
from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from . import schema
from .errors import UnreadableWorkbook
from .findings import ERROR, WARNING, Finding, define
from .schema import Column, Sheet
from .text import ascii_fold
from .values import BadValue, convert, is_blank, to_text

HEADER_SCAN_ROWS = 10
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # a zip bomb, not a union's workbook
ROW = "_row"

MISSING_SHEET = define("missing-sheet", ERROR,
                       "Không có trang '{sheet_name}'. Dùng sổ mẫu do Ban Chấp hành phát hành, "
                       "không đổi tên trang.")
MISSING_COLUMN = define("missing-column", ERROR,
                        "Trang '{sheet_name}' thiếu cột '{header}'. Thêm lại cột này vào dòng "
                        "tiêu đề (có thể chép từ sổ mẫu).")
MISSING_OPTIONAL_COLUMN = define("missing-optional-column", WARNING,
                                 "Trang '{sheet_name}' thiếu cột '{header}' (không bắt buộc); "
                                 "dữ liệu của cột này được coi là để trống.")
BAD_VALUE = define("invalid-value", ERROR,
                   "Cột '{header}': '{value}' {reason}. Giá trị đã được giữ nguyên để sửa.")


@dataclass
class WorkbookData:
    path: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> key -> letter
    sheet_names: dict[str, str] = field(default_factory=dict)  # sheet key -> name in the file
    stamp: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def kind(self) -> str | None:
        """'master', 'group' or None for a workbook thidua did not make."""
        return self.stamp.get("loai_so")

    def cell(self, sheet_key: str, excel_row: int, column_key: str) -> str:
        letter = self.columns.get(sheet_key, {}).get(column_key, "A")
        return f"{letter}{excel_row}"

    def table(self, sheet_key: str) -> pd.DataFrame:
        """The sheet's frame; an empty one with the schema's columns when the sheet is absent."""
        if sheet_key in self.tables:
            return self.tables[sheet_key]
        columns = schema.master_columns(schema.SHEETS[sheet_key])
        return pd.DataFrame({k: pd.Series(dtype=object) for k in (*(c.key for c in columns), ROW)})


def header_key(text: Any) -> str:
    """Headers compare without case, diacritics, spaces or punctuation."""
    return _header_key(text) if isinstance(text, str) else _header_key(str(to_text(text) or ""))


@functools.lru_cache(maxsize=8192)
def _header_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", ascii_fold(str(to_text(text) or "")).lower())


def read_workbook(path: str | Path, sheets: tuple[str, ...] | None = None) -> WorkbookData:
    """Read the schema's sheets (all, or the keys given) from any workbook format we accept."""
    path = Path(path)
    book = open_calamine(path)
    return read_sheets(path, list(book.sheet_names),
                       lambda name: book.get_sheet_by_name(name).to_python(skip_empty_area=False),
                       sheets)


def read_sheets(path: Path, names: list[str], get_rows: Callable[[str], list[list[Any]]],
                sheets: tuple[str, ...] | None = None) -> WorkbookData:
    """The reader proper, over any source of rows: a file (calamine) or a live workbook
    (xlwings, in the Excel entry points). ``get_rows(sheet_name)`` returns the sheet's cells
    from A1 as a list of rows."""
    data = WorkbookData(path=Path(path))
    if schema.STAMP.name in names:
        data.stamp = {str(r[0]): str(to_text(r[1]) or "") for r in get_rows(schema.STAMP.name)
                      if len(r) >= 2 and r[0]}
    wanted = [schema.SHEETS[k] for k in sheets] if sheets else [
        s for s in schema.MASTER_ORDER if s.role != "output"]
    if data.kind == "group" and not sheets:
        wanted = [s for s in wanted if s.in_group]
    rows_cache: dict[str, list[list[Any]]] = {}
    for sheet in wanted:
        actual = _match_sheet_name(sheet.name, names)
        if actual is None:
            if sheet.role != "lists" or sheet is schema.LIST_TABLES[0]:
                data.findings.append(MISSING_SHEET.at(file=data.file, sheet=sheet.name,
                                                      sheet_name=sheet.name))
            continue
        if actual not in rows_cache:
            rows_cache[actual] = get_rows(actual)
        _read_table(data, sheet, actual, rows_cache[actual])
    return data


def open_calamine(path: Path) -> CalamineWorkbook:
    if not path.exists():
        raise UnreadableWorkbook(f"Không tìm thấy tệp {path}.")
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                total = sum(i.file_size for i in zf.infolist())
        except zipfile.BadZipFile:
            raise UnreadableWorkbook(f"Tệp {path.name} bị hỏng, không mở được.") from None
        if total > MAX_UNZIPPED_BYTES:
            raise UnreadableWorkbook(
                f"Tệp {path.name} giải nén ra quá lớn ({total // 2**20} MiB): có thể là tệp "
                "độc hại (zip bomb); không đọc.")
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as err:  # calamine raises several types; all mean "cannot read this file"
        text = str(err).lower()
        if "password" in text or "encrypt" in text or "cfb" in text:
            reason = "có mật khẩu hoặc bị mã hóa; hãy gỡ mật khẩu rồi gửi lại"
        else:
            reason = "bị hỏng hoặc không phải sổ Excel (.xlsx, .xlsm, .xls, .ods)"
        raise UnreadableWorkbook(f"Không đọc được tệp {path.name}: {reason}.") from None


def _match_sheet_name(name: str, names: list[str]) -> str | None:
    if name in names:
        return name
    wanted = header_key(name)
    return next((n for n in names if header_key(n) == wanted), None)


def _find_header(columns: tuple[Column, ...], rows: list[list[Any]]
                 ) -> tuple[int, dict[int, str]]:
    """Best header row within the first rows: (row index, {column index: column key})."""
    lookup = {}
    for col in columns:
        for variant in (col.header, *col.aliases):
            lookup.setdefault(header_key(variant), col.key)
    best: tuple[int, dict[int, str]] = (-1, {})
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[int, str] = {}
        for j, value in enumerate(row):
            key = lookup.get(header_key(value)) if not is_blank(value) else None
            if key and key not in found.values():
                found[j] = key
        if len(found) > len(best[1]):
            best = (i, found)
    return best


def _block_for_list_table(sheet: Sheet, rows: list[list[Any]]) -> list[list[Any]]:
    """The columns of one list table on the shared 'Danh mục' sheet, found by its header."""
    if not rows:
        return []
    first = header_key(sheet.columns[0].header)
    for j, value in enumerate(rows[0]):
        if header_key(value) == first:
            return [r[j:j + len(sheet.columns)] for r in rows]
    return []


def _read_table(data: WorkbookData, sheet: Sheet, actual: str, rows: list[list[Any]]) -> None:
    offset = 0
    if sheet.role == "lists":
        width = len(rows[0]) if rows else 0
        block = _block_for_list_table(sheet, rows)
        offset = next((j for j in range(width) if header_key(rows[0][j]) ==
                       header_key(sheet.columns[0].header)), 0)
        rows = block
    columns = schema.master_columns(sheet)  # provenance columns are read when present
    by_key = {c.key: c for c in columns}
    header_index, mapping = _find_header(columns, rows)
    data.sheet_names[sheet.key] = actual
    letters = {key: get_column_letter(j + 1 + offset) for j, key in mapping.items()}
    data.columns[sheet.key] = letters
    header_row = header_index + 1
    for col in sheet.columns:
        if col.key not in letters and (col.required or sheet.role != "lists"):
            code = MISSING_COLUMN if col.required else MISSING_OPTIONAL_COLUMN
            data.findings.append(code.at(
                file=data.file, sheet=actual, cell=f"A{max(header_row, 1)}",
                sheet_name=actual, header=col.header))
    records: list[dict[str, Any]] = []
    # Repeated values (dropdown choices, dates, codes) are typed once per column.
    typed_cache: dict[str, dict[Any, Any]] = {key: {} for key in mapping.values()}
    for i in range(header_index + 1, len(rows)):
        row = rows[i]
        raw = {key: row[j] if j < len(row) else None for j, key in mapping.items()}
        if all(is_blank(v) for v in raw.values()):
            continue  # blank rows between data are normal in hand-kept sheets
        record: dict[str, Any] = {}
        for key, value in raw.items():
            cache = typed_cache[key]
            if value.__class__ is not bool:  # True == 1 == 1.0 share a hash: never cached
                try:
                    record[key] = cache[value]
                    continue
                except KeyError:
                    pass
            col = by_key[key]
            try:
                record[key] = cache[value] = convert(value, col.type)
            except BadValue as err:
                record[key] = to_text(value)
                data.findings.append(BAD_VALUE.at(
                    file=data.file, sheet=actual, cell=f"{letters[key]}{i + 1}",
                    row_key=_row_key(sheet, raw), value=to_text(value), header=col.header,
                    reason=err.reason))
        record[ROW] = i + 1
        records.append(record)
    keys = [*(c.key for c in columns), ROW]
    data.tables[sheet.key] = pd.DataFrame(
        {k: pd.Series([r.get(k) for r in records], dtype=object) for k in keys})


def _row_key(sheet: Sheet, raw: dict[str, Any]) -> str:
    return " / ".join(str(to_text(raw.get(k)) or "") for k in sheet.row_key)
