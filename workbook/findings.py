"""The catalogue of findings: stable codes, severities and Vietnamese message templates.

Every module that reports a problem declares its codes with ``define`` (next to the code
that raises them) and creates findings with ``Code.at(...)``. A finding always names a place:
file, sheet and A1 cell, so an officer can go straight to it. The place is also kept structured
(the schema's sheet key, the Excel row, the schema's column key), so code that needs the row or
the sheet reads them instead of parsing what was rendered for the officer.

Officers read a short Vietnamese title (``title_of``) and the message; the code itself is for
machines (``--json``) and for a narrow last column of the Kiểm tra sheet. The titles of all codes
are kept together here, so the catalogue reads as one list.
"""

from __future__ import annotations

import re
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
    sheet_key: str = ""  # schema sheet key ("dang_ky"); "" when not about a schema sheet
    row: int | None = None  # Excel row number; None when about a whole sheet or file
    column: str = ""  # schema column key; "" when not about one column

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def a1(letter: str, row: int) -> str:
    """The A1 reference an officer reads ("C15"): column letters, then the Excel row."""
    return f"{letter}{int(row)}"


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    template: str  # str.format template, Vietnamese, says what is wrong and how to fix it

    def at(
        self,
        *,
        file: str = "",
        sheet: str = "",
        cell: str = "",
        row_key: Any = "",
        value: Any = "",
        sheet_key: str = "",
        row: int | None = None,
        column: str = "",
        message: str | None = None,
        **context: Any,
    ) -> Finding:
        context.setdefault("value", value)
        text = (message or self.template).format(**context)
        return Finding(
            self.code,
            self.severity,
            text,
            file,
            sheet,
            cell,
            "" if row_key is None else str(row_key),
            "" if value is None else str(value),
            sheet_key,
            None if row is None else int(row),
            column,
        )


CATALOGUE: dict[str, Code] = {}


def define(code: str, severity: Severity, template: str) -> Code:
    """Register a finding code once; redefining with other text is a programming error."""
    existing = CATALOGUE.get(code)
    if existing and (existing.severity, existing.template) != (severity, template):
        raise ValueError(f"finding code {code!r} defined twice differently")
    CATALOGUE[code] = Code(code, severity, template)
    return CATALOGUE[code]


TITLES: dict[str, str] = {
    # reading a workbook
    "missing-sheet": "Thiếu trang",
    "missing-column": "Thiếu cột",
    "missing-optional-column": "Thiếu cột không bắt buộc",
    "invalid-value": "Giá trị sai kiểu",
    "control-characters": "Ký tự điều khiển trong ô",
    "cell-too-long": "Ô quá dài",
    "merged-cells-filled": "Ô gộp qua nhiều dòng",
    "group-code-as-number": "Mã tổ gõ dạng số",
    "unreadable-file": "Tệp không đọc được",
    # the workbook's stamp
    "wrong-template-version": "Mẫu sổ cũ",
    "other-campaign": "Sổ của kế hoạch khác",
    "other-union": "Sổ của công đoàn khác",
    # cells and columns
    "missing-value": "Thiếu thông tin",
    "not-in-list": "Không có trong danh sách",
    "out-of-range": "Số ngoài khoảng cho phép",
    "negative-value": "Số âm",
    "bad-code-format": "Mã sai dạng",
    "duplicate-id": "Trùng mã",
    "formula-like-text": "Chữ giống công thức",
    "legacy-encoding": "Bảng mã cũ (TCVN3, VNI)",
    # references to the set-up
    "unknown-member": "Đoàn viên không có trong danh sách",
    "unknown-group": "Tổ không có",
    "unknown-phase": "Đợt không có",
    "unknown-movement": "Phong trào không có",
    "unknown-title": "Danh hiệu không có",
    "not-own-group": "Dòng của tổ khác",
    # registrations, works, results
    "subject-title-mismatch": "Danh hiệu không hợp đối tượng",
    "movement-subject-mismatch": "Phong trào không hợp đối tượng",
    "registration-outside-phase": "Ngày đăng ký ngoài đợt",
    "registration-late": "Đăng ký quá hạn",
    "duplicate-registration": "Đăng ký trùng",
    "finish-before-start": "Ngày hoàn thành trước ngày bắt đầu",
    "date-outside-campaign": "Ngày ngoài thời gian phong trào",
    "plaque-not-allowed": "Không được đề nghị gắn biển",
    "status-inconsistent": "Trạng thái không khớp",
    "status-backwards": "Trạng thái lùi",
    "duplicate-result": "Kết quả trùng",
    "date-outside-phase": "Ngày ngoài đợt",
    "duplicate-annual-rating": "Xếp loại năm trùng",
    # consolidation
    "missing-row-key": "Dòng thiếu mã",
    "duplicate-row-key": "Mã trùng trong sổ",
    "key-conflict": "Mã trùng giữa các nơi",
    "long-text-kept-aside": "Ô dài lưu riêng",
    # scoring
    "rubric-bad-row": "Dòng thang điểm sai",
    "rubric-source-not-applicable": "Tiêu chí không áp dụng",
    "ruleset-mismatch": "Bộ quy tắc không khớp",
    "review-date-unreadable": "Ngày xét khen thưởng không đọc được",
    # importing members
    "member-list-not-found": "Không thấy danh sách",
    "member-without-name": "Thiếu họ tên",
    "member-invalid-value": "Giá trị sai",
    "member-without-group": "Chưa có tổ",
    "member-already-in-master": "Đã có trong sổ chính",
    "member-repeated-in-list": "Lặp lại trong danh sách",
}


def title_of(code: str) -> str:
    """The Vietnamese title officers read for a code; for a code without one, the first clause
    of its message template (never the bare code)."""
    if code in TITLES:
        return TITLES[code]
    template = CATALOGUE[code].template if code in CATALOGUE else ""
    first = re.split(r"[.:;(]", re.sub(r"\{[^}]*\}", "…", template), maxsplit=1)[0].strip()
    return first or code


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    out: dict[str, int] = {ERROR: 0, WARNING: 0}
    for f in findings:
        out[f.severity] += 1
    return out
