"""The per-workbook step of a batch: one pure function, path → GroupRead.

``read_group`` never raises for a bad file and never touches the master: it returns the typed
rows of the data sheets with their Excel row numbers, the reader's findings, and — when the file
cannot be merged at all — the reason. Validation is not part of it: ``check_reads`` checks the
rows of the whole batch in one vectorised pass (``validation.batch``), once they are read. Being
pure and picklable, it runs in a thread pool here and on Dask workers on a cluster alike. Text
in a legacy Vietnamese encoding (TCVN3, VNI) is converted to Unicode here, with a warning naming
the cell (``validation.legacy_text``, by content: reading the cell fonts would cost a second
pass over every sheet)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import schema
from ..cell_checks import GROUP_CODE_AS_NUMBER, group_code_places
from ..errors import UnreadableWorkbook
from ..findings import Finding, a1
from ..reading import ROW, WRONG_TEMPLATE_CODES, read_workbook
from ..safe_io import file_hash
from ..stamps import KIND_NAMES, version_refusal
from ..validation.batch import validate_rows
from ..validation.engine import Source
from ..validation.legacy_text import fix_text_cells
from ..validation.lookups import Lookups
from .collect import HASH_CHARS

DATA_KEYS = tuple(s.key for s in schema.DATA_SHEETS)
SHEET = "_sheet"  # the sheet's name in the source file, carried with each row


@dataclass
class GroupRead:
    path: Path
    sha256: str
    stamp: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # sheet key -> rows
    sheet_names: dict[str, str] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> key -> letter
    findings: list[Finding] = field(default_factory=list)
    error_code: str = ""  # set when the file cannot be merged at all
    error: str = ""  # Vietnamese reason

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def short_hash(self) -> str:
        return self.sha256[:HASH_CHARS]

    @property
    def group(self) -> str:
        return self.stamp.get("ma_to", "")

    @property
    def ok(self) -> bool:
        return not self.error_code

    @property
    def row_count(self) -> int:
        return sum(len(r) for r in self.rows.values())

    def cell(self, sheet_key: str, excel_row: int, column_key: str) -> str:
        return a1(self.columns.get(sheet_key, {}).get(column_key, "A"), excel_row)


def read_group(path: str | Path, sha256: str | None = None) -> GroupRead:
    """Read one returned group workbook; never raises for what is wrong with the file.

    The rows are typed, not validated: ``check_reads`` validates the batch's rows at once.
    """
    path = Path(path)
    out = GroupRead(path=path, sha256=sha256 or file_hash(path))
    try:
        data = read_workbook(path, sheets=DATA_KEYS)
    except UnreadableWorkbook as err:
        out.error_code, out.error = err.reason_code, err.message
        return out
    out.stamp = dict(data.stamp)
    out.sheet_names, out.columns = data.sheet_names, data.columns
    kind = data.kind
    if kind is None or (kind == "group" and not data.stamp.get("ma_to")):
        out.error_code, out.error = (
            "not-a-group-workbook",
            (
                "Không phải sổ tổ công đoàn do thidua tạo (không có dấu phiên bản và mã tổ). "
                "Hãy điền vào sổ tổ do Ban Chấp hành phát hành rồi gửi lại."
            ),
        )
        return out
    if kind != "group":
        out.error_code, out.error = (
            "not-a-group-workbook",
            (
                f"Đây là {KIND_NAMES.get(kind, 'sổ loại ' + repr(kind))}, không phải sổ tổ; "
                "không gộp."
            ),
        )
        return out
    refusal = version_refusal(data.stamp, out.file)
    if refusal:
        out.error_code, out.error = refusal.code, refusal.message
        return out
    structure = [f for f in data.findings if f.code in WRONG_TEMPLATE_CODES]
    if not structure:  # a file set aside is not converted: its rows are not merged
        fix_text_cells(data)
    out.findings = [f for f in data.findings if f not in structure]
    for key in DATA_KEYS:
        sheet_name = data.sheet_names.get(key, schema.SHEETS[key].name)
        out.rows[key] = data.tables.rows(key, {SHEET: sheet_name}) if key in data.tables else []
    if structure:
        out.error_code = "wrong-template"
        out.error = "Sổ không đúng mẫu: " + "; ".join(f.message for f in structure)
        out.findings = structure + out.findings
    return out


def restore_group_codes(read: GroupRead, known: set[str]) -> None:
    """Codes of the master's groups typed as numbers in this file ("2" for "02"), with the
    reader's warning: the reader restored the file's own group's code, the others are known
    only against the master's groups."""

    def column_of(sheet_key: str, column: str) -> list[Any] | None:
        rows = read.rows.get(sheet_key) or []
        return [row.get(column) for row in rows] if rows and column in rows[0] else None

    for sheet_key, i, column, value, code in list(group_code_places(column_of, known)):
        row = read.rows[sheet_key][i]
        row[column] = code
        read.findings.append(
            GROUP_CODE_AS_NUMBER.at(
                file=read.file,
                sheet=row[SHEET],
                cell=read.cell(sheet_key, row[ROW], column),
                sheet_key=sheet_key,
                row=row[ROW],
                column=column,
                value=value,
                code=code,
                row_key=row_key_text(schema.SHEETS[sheet_key], row),
            )
        )


def check_reads(reads: list[GroupRead], lookups: Lookups) -> None:
    """Validate the rows of ``reads`` against the master's set-up (``lookups``), all at once.

    Each read's findings gain those of its rows, after the reader's (which they do not repeat),
    as ``validate_data`` on that workbook alone would find them; findings name the cell, and
    the rows are merged all the same (nothing is lost: the master's own check shows them again).
    """
    sources = [Source(r.file, r.group, r.sheet_names, r.columns) for r in reads]
    for read, found in zip(reads, validate_rows(sources, [r.rows for r in reads], lookups)):
        known = set(read.findings)  # the reader's, and the legacy-text conversions
        read.findings.extend(f for f in found if f not in known)


def row_key(sheet: schema.Sheet, row: dict[str, Any]) -> tuple | None:
    """The row's identity (sheet.row_key values), or None when any part is blank."""
    key = tuple([row.get(k) for k in sheet.row_key])
    return None if None in key or "" in key else key


def row_key_text(sheet: schema.Sheet, row: dict[str, Any]) -> str:
    return " / ".join("" if row.get(k) is None else str(row.get(k)) for k in sheet.row_key)
