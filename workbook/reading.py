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

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import pandas as pd
from openpyxl.utils import get_column_letter
from python_calamine import CalamineError

from . import schema
from .cell_checks import (
    CELL_TOO_LONG,
    CONTROL_CHARACTERS,
    GROUP_CODE_AS_NUMBER,
    MERGED_ROWS,
    Merge,
    area_a1,
    fill_merged,
    group_code_places,
    preview,
    show_controls,
)
from .errors import UnreadableWorkbook
from .excel_dates import WINDOWS_1900
from .findings import ERROR, WARNING, Finding, a1, define
from .headers import (
    HEADER_SCAN_ROWS,
    block_for_list_table,
    find_header,
    header_key,
    match_sheet_name,
)
from .ooxml import MAX_CELL_CHARS
from .opening import damage_reason, open_with_epoch
from .read_ahead import read_ahead
from .schema import Column, Sheet
from .tables import Columns, Tables
from .typing_pass import Odd, body_columns, keep_rows, type_column
from .values import to_text

ROW = "_row"

MISSING_SHEET = define(
    "missing-sheet",
    ERROR,
    "Không có trang '{sheet_name}'. Dùng sổ mẫu do Ban Chấp hành phát hành, không đổi tên trang.",
)
MISSING_COLUMN = define(
    "missing-column",
    ERROR,
    "Trang '{sheet_name}' thiếu cột '{header}'. Thêm lại cột này vào dòng "
    "tiêu đề (có thể chép từ sổ mẫu).",
)
MISSING_OPTIONAL_COLUMN = define(
    "missing-optional-column",
    WARNING,
    "Trang '{sheet_name}' thiếu cột '{header}' (không bắt buộc); "
    "dữ liệu của cột này được coi là để trống.",
)
BAD_VALUE = define(
    "invalid-value", ERROR, "Cột '{header}': '{value}' {reason}. Giá trị đã được giữ nguyên để sửa."
)

# A workbook missing one of the template's sheets or required columns is not the template: its
# rows cannot be trusted to mean what the schema says, so it is set aside, not merged.
WRONG_TEMPLATE_CODES = frozenset({MISSING_SHEET.code, MISSING_COLUMN.code})
# What is said about a workbook's shape (sheets and columns, not cells): all that is reported of
# a file set aside for its shape, as its other findings would point into rows never merged.
STRUCTURE_CODES = WRONG_TEMPLATE_CODES | {MISSING_OPTIONAL_COLUMN.code}


@dataclass
class WorkbookData:
    path: Path
    tables: Tables = field(default_factory=Tables)  # frames made when first asked for
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> key -> letter
    sheet_names: dict[str, str] = field(default_factory=dict)  # sheet key -> name in the file
    stamp: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    epoch: dt.datetime = WINDOWS_1900  # the workbook's date system, for bare date serials

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def kind(self) -> str | None:
        """'master', 'group' or None for a workbook thidua did not make."""
        return self.stamp.get("loai_so")

    def cell(self, sheet_key: str, excel_row: int, column_key: str) -> str:
        return a1(self.columns.get(sheet_key, {}).get(column_key, "A"), excel_row)

    def table(self, sheet_key: str) -> pd.DataFrame:
        """The sheet's frame; an empty one with the schema's columns when the sheet is absent."""
        if sheet_key in self.tables:
            return self.tables[sheet_key]
        columns = schema.master_columns(schema.SHEETS[sheet_key])
        return pd.DataFrame({k: pd.Series(dtype=object) for k in (*(c.key for c in columns), ROW)})


def read_workbook(path: str | Path, sheets: tuple[str, ...] | None = None) -> WorkbookData:
    """Read the schema's sheets (all, or the keys given) from any workbook format we accept.

    A sheet whose XML is damaged makes the whole file unreadable (``UnreadableWorkbook`` naming
    the sheet): half a group's data must not be merged as if it were all of it."""
    path = Path(path)
    book, epoch = open_with_epoch(path)
    merges: dict[str, list[Merge]] = {}
    names = list(book.sheet_names)
    ahead = read_ahead(path, _names_read(names, sheets))

    def get_rows(name: str) -> list[list[Any]]:
        try:
            parsed = ahead.take(name) if ahead else None
            if parsed is None:
                sheet = book.get_sheet_by_name(name)
                parsed = sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or []
            rows, merges[name] = parsed[0], list(parsed[1])
        except CalamineError as err:
            raise UnreadableWorkbook(
                f"Không đọc được tệp {path.name}: trang '{name}' bị hỏng "
                f"({damage_reason(err)}). Mở tệp bằng Excel (Excel thường tự sửa được) rồi lưu "
                "lại và gửi lại; hoặc chép dữ liệu sang sổ tổ mới."
            ) from err
        return rows

    try:
        return read_sheets(
            path, names, get_rows, sheets, get_merges=lambda n: merges.get(n, []), epoch=epoch
        )
    finally:  # the file is free at once (Windows cannot delete or replace an open file)
        if ahead:
            ahead.close()
        book.close()


def _names_read(names: list[str], sheets: tuple[str, ...] | None) -> list[str]:
    """The workbook's sheets ``read_sheets`` asks for, in the order it asks."""
    found = (match_sheet_name(s.name, names) for s in [schema.STAMP, *_wanted(sheets)])
    return [name for name in found if name is not None]


def _wanted(sheets: tuple[str, ...] | None) -> list[Sheet]:
    """The sheets to read: the keys given, or every sheet but the outputs."""
    if sheets:
        return [schema.SHEETS[k] for k in sheets]
    return [s for s in schema.MASTER_ORDER if s.role != "output"]


def read_sheets(
    path: Path,
    names: list[str],
    get_rows: Callable[[str], list[list[Any]]],
    sheets: tuple[str, ...] | None = None,
    get_merges: Callable[[str], list[Merge]] | None = None,
    epoch: dt.datetime = WINDOWS_1900,
) -> WorkbookData:
    """The reader proper, over any source of rows: a file (calamine) or a live workbook
    (xlwings, in the Excel entry points). ``get_rows(sheet_name)`` returns the sheet's cells
    from A1 as a list of rows; ``get_merges(sheet_name)``, when given, the merged areas of the
    sheet read last (0-based ((row, col), (row, col)) corners); ``epoch``, the workbook's date
    system."""
    data = WorkbookData(path=Path(path), epoch=epoch)
    if schema.STAMP.name in names:
        data.stamp = {
            str(r[0]): str(to_text(r[1]) or "")
            for r in get_rows(schema.STAMP.name)
            if len(r) >= 2 and r[0]
        }
    wanted = _wanted(sheets)
    if data.kind == "group" and not sheets:
        wanted = [s for s in wanted if s.in_group]
    rows_cache: dict[str, list[list[Any]]] = {}
    for sheet in wanted:
        actual = match_sheet_name(sheet.name, names)
        if actual is None:
            if sheet.role != "lists" or sheet is schema.LIST_TABLES[0]:
                data.findings.append(
                    MISSING_SHEET.at(
                        file=data.file, sheet=sheet.name, sheet_key=sheet.key, sheet_name=sheet.name
                    )
                )
            continue
        if actual not in rows_cache:
            rows_cache[actual] = get_rows(actual)
        merges = get_merges(actual) if get_merges and sheet.role != "lists" else []
        _read_table(data, sheet, actual, rows_cache[actual], merges)
    _restore_group_codes(data)
    return data


def _restore_group_codes(data: WorkbookData) -> None:
    """Group codes typed as numbers ("1" for "01") become the group's code, with a warning."""
    known = {str(v) for v in data.tables.column("to_cong_doan", "ma_to") or [] if v}
    if data.stamp.get("ma_to"):
        known.add(data.stamp["ma_to"])
    tables = data.tables
    for sheet_key, i, column, value, code in list(group_code_places(tables.column, known)):
        tables.set_value(sheet_key, i, column, code)
        excel_row = (tables.column(sheet_key, ROW) or [])[i]
        sheet = schema.SHEETS[sheet_key]
        raw = {k: _value_at(tables.column(sheet_key, k), i) for k in sheet.row_key}
        data.findings.append(
            GROUP_CODE_AS_NUMBER.at(
                file=data.file,
                sheet=data.sheet_names.get(sheet_key, ""),
                cell=data.cell(sheet_key, excel_row, column),
                sheet_key=sheet_key,
                row=excel_row,
                column=column,
                value=value,
                code=code,
                row_key=_row_key(sheet, raw),
            )
        )


def _value_at(values: list[Any] | None, i: int) -> Any:
    return None if values is None else values[i]


def _read_table(
    data: WorkbookData,
    sheet: Sheet,
    actual: str,
    rows: list[list[Any]],
    merges: Sequence[Merge] = (),
) -> None:
    offset = 0
    if sheet.role == "lists":
        width = len(rows[0]) if rows else 0
        block = block_for_list_table(sheet, rows)
        offset = next(
            (
                j
                for j in range(width)
                if header_key(rows[0][j]) == header_key(sheet.columns[0].header)
            ),
            0,
        )
        rows = block
    columns = schema.master_columns(sheet)  # provenance columns are read when present
    by_key = {c.key: c for c in columns}
    # A row matches at most as many headers as it has cells: when the first row matches one
    # per cell of the rows below it (a sheet made from the template), none of them can match
    # more, and their cells (data, each folded to compare) are not looked at.
    header_index, mapping = find_header(columns, rows[:1])
    if any(len(row) > len(mapping) for row in rows[1:HEADER_SCAN_ROWS]):
        header_index, mapping = find_header(columns, rows)
    data.sheet_names[sheet.key] = actual
    letters = {key: get_column_letter(j + 1 + offset) for j, key in mapping.items()}
    data.columns[sheet.key] = letters
    header_row = header_index + 1
    for col in sheet.columns:
        if col.key not in letters and (col.required or sheet.role != "lists"):
            code = MISSING_COLUMN if col.required else MISSING_OPTIONAL_COLUMN
            data.findings.append(
                code.at(
                    file=data.file,
                    sheet=actual,
                    cell=a1("A", max(header_row, 1)),  # where the headers are to be fixed
                    sheet_key=sheet.key,
                    column=col.key,
                    sheet_name=actual,
                    header=col.header,
                )
            )
    keys_at = {j + offset: key for j, key in mapping.items()}  # 0-based column -> key
    for merge, value in fill_merged(rows, list(merges), header_index + 1):
        (first_row, first_col), _ = merge
        data.findings.append(
            MERGED_ROWS.at(
                file=data.file,
                sheet=actual,
                cell=a1(get_column_letter(first_col + 1), first_row + 1),
                sheet_key=sheet.key,
                row=first_row + 1,
                column=keys_at.get(first_col, ""),
                area=area_a1(merge),
                rows=merge[1][0] - merge[0][0] + 1,
                value=preview(str(to_text(value) or "")),
            )
        )
    keys = list(mapping.values())
    raw_columns, kept = keep_rows(
        body_columns(rows, header_index + 1, list(mapping)), max(len(rows) - header_index - 1, 0)
    )
    table: dict[str, list[Any]] = {}
    odd: list[Odd] = []
    for index, (key, values) in enumerate(zip(keys, raw_columns)):
        table[key], cells = type_column(values, by_key[key].type, index, data.epoch)
        odd.extend(cells)
    odd.sort(key=lambda cell: (cell.pos, cell.column))
    for cell in odd:
        key = keys[cell.column]
        excel_row = header_index + 2 + kept[cell.pos]
        raw = {k: column[cell.pos] for k, column in zip(keys, raw_columns)}
        if cell.reason is not None:
            data.findings.append(
                BAD_VALUE.at(
                    file=data.file,
                    sheet=actual,
                    cell=a1(letters[key], excel_row),
                    sheet_key=sheet.key,
                    row=excel_row,
                    column=key,
                    row_key=_row_key(sheet, raw),
                    value=cell.typed,
                    header=by_key[key].header,
                    reason=cell.reason,
                )
            )
        else:
            _report_text(
                data,
                actual,
                sheet,
                by_key[key],
                (a1(letters[key], excel_row), excel_row),
                raw,
                cell.value,
                cell.typed,
                (cell.chars or [], cell.length),
            )
    table[ROW] = [header_index + 2 + i for i in kept]
    data.tables.put_columns(sheet.key, Columns([*(c.key for c in columns), ROW], table, len(kept)))


def _report_text(
    data: WorkbookData,
    actual: str,
    sheet: Sheet,
    col: Column,
    place: tuple[str, int],  # the cell (A1) and its Excel row
    raw: dict[str, Any],
    value: str,
    typed: Any,
    problems: tuple[list[str], int],
) -> None:
    chars, length = problems
    row_key = _row_key(sheet, raw)
    where: dict[str, Any] = {
        "file": data.file,
        "sheet": actual,
        "cell": place[0],
        "sheet_key": sheet.key,
        "row": place[1],
        "column": col.key,
        "row_key": row_key,
    }
    if chars:
        data.findings.append(
            CONTROL_CHARACTERS.at(
                **where,
                value=preview(show_controls(value)),
                header=col.header,
                chars=", ".join(dict.fromkeys(chars)),
                cleaned=preview(str(typed or "")),
            )
        )
    if length:
        data.findings.append(
            CELL_TOO_LONG.at(
                **where,
                value=preview(value),
                header=col.header,
                length=f"{length:,}".replace(",", "."),
                limit=f"{MAX_CELL_CHARS:,}".replace(",", "."),
            )
        )


def _row_key(sheet: Sheet, raw: dict[str, Any]) -> str:
    return " / ".join(str(to_text(raw.get(k)) or "") for k in sheet.row_key)
