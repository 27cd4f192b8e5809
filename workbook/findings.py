"""The catalogue of findings: stable codes, severities and Vietnamese message templates.

Every module that reports a problem declares its codes with ``define`` (next to the code
that raises them) and creates findings with ``Code.at(...)``. A finding always names a place:
file, sheet and A1 cell, so an officer can go straight to it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["Lỗi", "Cảnh báo"]
ERROR: Severity = "Lỗi"
WARNING: Severity = "Cảnh báo"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    row_key: str = ""
    value: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @property
    def place(self) -> str:
        """'tệp › trang!ô' as officers read it."""
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return " › ".join(p for p in (self.file, where) if p)


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    template: str  # str.format template, Vietnamese, says what is wrong and how to fix it

    def at(self, *, file: str = "", sheet: str = "", cell: str = "", row_key: Any = "",
           value: Any = "", message: str | None = None, **context: Any) -> Finding:
        context.setdefault("value", value)
        text = (message or self.template).format(**context)
        return Finding(self.code, self.severity, text, file, sheet, cell,
                       "" if row_key is None else str(row_key),
                       "" if value is None else str(value))


CATALOGUE: dict[str, Code] = {}


def define(code: str, severity: Severity, template: str) -> Code:
    """Register a finding code once; redefining with other text is a programming error."""
    existing = CATALOGUE.get(code)
    if existing and (existing.severity, existing.template) != (severity, template):
        raise ValueError(f"finding code {code!r} defined twice differently")
    CATALOGUE[code] = Code(code, severity, template)
    return CATALOGUE[code]


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    out = {ERROR: 0, WARNING: 0}
    for f in findings:
        out[f.severity] += 1
    return out
