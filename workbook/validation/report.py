"""The validation report: every finding of one run, in a stable order, with summaries.

A report is plain data: ``to_dict()`` is what ``thidua validate --json`` prints, and the
``Kiểm tra`` sheet, the highlights and the terminal summary are all drawn from it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import schema
from ..findings import ERROR, WARNING, Finding, count_by_severity

_SHEET_ORDER = {s.key: i for i, s in enumerate(schema.MASTER_ORDER)}
_COLUMN_ORDER = {
    (s.key, c.key): j for s in schema.MASTER_ORDER for j, c in enumerate(schema.master_columns(s))
}


def position(f: Finding) -> tuple[int, int]:
    """(row, column) of the finding's place, from its structured fields: the Excel row and the
    column's place in the schema's sheet (a finding without a row sorts first, one without a
    column first in its row). Nothing is read back from the cell rendered for the officer."""
    if f.row is None:
        return (0, 0)
    return (f.row, _COLUMN_ORDER.get((f.sheet_key, f.column), -1) + 1)


@dataclass
class CheckedFile:
    """One workbook of the run: what it is and where its marked-up copy went."""

    file: str
    path: str
    kind: str  # "master" | "group" | "" (not made by thidua)
    group: str = ""  # ma_to of a group workbook
    rows: int = 0  # campaign-data rows read
    written: str = ""  # workbook the Kiểm tra sheet and highlights went into, if any

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "path": self.path,
            "kind": self.kind,
            "group": self.group,
            "rows": self.rows,
            "written": self.written,
        }


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)
    files: list[CheckedFile] = field(default_factory=list)
    reference: str = ""  # file whose set-up the data was checked against
    notes: list[str] = field(default_factory=list)  # Vietnamese remarks about the run itself

    def sort(self) -> "ValidationReport":
        """Stable order: file (as given), sheet (as in the master), row, column, code."""
        order = {f.file: i for i, f in enumerate(self.files)}

        def key(f: Finding) -> tuple:
            return (
                order.get(f.file, len(order)),
                f.file,
                _SHEET_ORDER.get(f.sheet_key, 99),
                f.sheet,
                *position(f),
                f.code,
                f.message,
            )

        self.findings.sort(key=key)
        return self

    @property
    def counts(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)

    @property
    def exit_code(self) -> int:
        """0 clean (warnings allowed), 1 when some finding is an error (Lỗi)."""
        return 1 if self.has_errors else 0

    def for_file(self, file: str) -> list[Finding]:
        return [f for f in self.findings if f.file == file]

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def summary(self) -> list[dict[str, Any]]:
        """Counts per file, sheet and code, errors first."""
        counter = Counter((f.file, f.sheet, f.code, f.severity) for f in self.findings)
        rows: list[dict[str, Any]] = [
            {"file": k[0], "sheet": k[1], "code": k[2], "severity": k[3], "count": n}
            for k, n in counter.items()
        ]
        rank = {ERROR: 0, WARNING: 1}
        rows.sort(
            key=lambda r: (
                rank[r["severity"]],
                r["file"],
                _SHEET_ORDER.get(r["sheet"], 99),
                r["code"],
            )
        )
        return rows

    def headline(self) -> str:
        """One Vietnamese line: how many files, errors and warnings."""
        c = self.counts
        if not self.findings:
            return f"Đã kiểm tra {len(self.files)} sổ: không có lỗi."
        return (
            f"Đã kiểm tra {len(self.files)} sổ: {c[ERROR]} lỗi, {c[WARNING]} cảnh báo "
            f"(tổng {len(self.findings)} mục)."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": [f.to_dict() for f in self.files],
            "reference": self.reference,
            "counts": {
                "errors": self.counts[ERROR],
                "warnings": self.counts[WARNING],
                "total": len(self.findings),
            },
            "exit_code": self.exit_code,
            "summary": self.summary(),
            "findings": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
        }
