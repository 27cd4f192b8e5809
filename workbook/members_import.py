"""Importing a member list officers already keep in Excel into the master's set-up.

Officers have their union's member list in some workbook: one row per person, headers worded
their own way ("Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Tổ", …), a full name in one
column or split in two, the group as a name or a code. ``plan_member_import`` reads such a list
(the first sheet with a recognisable header), types and checks each cell, and works out what to
add: groups the master does not have yet (a code each) and members (a code each when the list
has none). People already in the master (same code, or same name and birth date) and repeated
rows are not added twice, so importing the same list again adds nothing. ``import_members``
writes the result into the master file; the Excel button appends the same rows to the open book.

Nothing in the list is changed. A row without a name cannot be a member and is left out with a
finding naming its cell; any other problem (a date that is not a date, a gender not in the list)
is a finding too, and the row is imported with the value as typed, for the officer to correct.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from . import schema
from .cell_checks import padded_group_code, without_controls
from .errors import ThiduaError
from .excel_dates import workbook_epoch
from .findings import ERROR, WARNING, Finding, a1, count_by_severity, define
from .headers import find_header, header_key
from .opening import open_calamine
from .outputs import LogEntry, append_log
from .reading import WorkbookData, read_workbook
from .safe_io import atomic_write, ensure_not_open, file_hash
from .schema import Column
from .values import BadValue, convert, is_blank, to_text
from .writing import append_table_rows, load_for_edit

MEMBERS = schema.sheet("doan_vien")
GROUPS = schema.sheet("to_cong_doan")
ACTION = "Nhập danh sách đoàn viên"

# What the list's columns may be called, beyond the master's own headers and aliases: these are
# other people's lists, so the words are theirs.
FULL_NAME = Column(
    "ho_ten",
    "Họ và tên",
    required=True,
    aliases=(
        "Họ tên",
        "Họ, tên",
        "Họ và tên đoàn viên",
        "Tên đoàn viên",
        "Họ tên đoàn viên",
        "Họ và tên cán bộ",
    ),
)
GROUP = Column(
    "to",
    "Tổ công đoàn",
    aliases=(
        "Tổ",
        "Tên tổ",
        "Tổ CĐ",
        "Phòng",
        "Phòng/tổ",
        "Phòng, tổ",
        "Phòng ban",
        "Bộ phận",
        "Đơn vị",
        "Khoa/phòng",
    ),
)
GROUP_CODE = Column("ma_to", "Mã tổ", "code", aliases=("Mã tổ công đoàn",))
MORE_ALIASES = {
    "gioi_tinh": ("Phái", "Nam/Nữ", "Nam, nữ"),
    "chuc_vu": ("Chức danh",),
    "ngay_tuyen_dung": ("Ngày vào làm", "Ngày vào cơ quan", "Ngày vào ngành"),
    "ma_doan_vien": ("Mã", "Số thẻ đoàn viên", "Mã cán bộ"),
}
SOURCE_COLUMNS = (
    FULL_NAME,
    GROUP,
    GROUP_CODE,
    *(
        dataclasses.replace(c, required=False, aliases=c.aliases + MORE_ALIASES.get(c.key, ()))
        for c in MEMBERS.columns
        if c.key != "ma_to"
    ),
)
GENDERS = {header_key(v): v for v in schema.FIXED_LIST_VALUES["ds_gioi_tinh"]}
GENDERS.update({"m": "Nam", "male": "Nam", "f": "Nữ", "female": "Nữ"})

NO_LIST = define(
    "member-list-not-found",
    ERROR,
    "Không tìm thấy danh sách đoàn viên: cần một trang có dòng tiêu đề với cột 'Họ và tên' "
    "(hoặc 'Họ đệm' và 'Tên'). Thêm dòng tiêu đề rồi nhập lại.",
)
NO_NAME = define(
    "member-without-name",
    ERROR,
    "Dòng có dữ liệu nhưng không có họ tên: không nhập dòng này. Điền họ tên rồi nhập lại.",
)
BAD_CELL = define(
    "member-invalid-value",
    ERROR,
    "Cột '{header}': '{value}' {reason}. Đoàn viên vẫn được nhập với giá trị như đã gõ; sửa ô "
    "này trên trang Đoàn viên.",
)
NO_GROUP = define(
    "member-without-group",
    WARNING,
    "Đoàn viên '{name}' chưa có tổ: nhập với mã tổ để trống. Chọn tổ trên trang Đoàn viên trước "
    "khi tạo sổ tổ.",
)
ALREADY_THERE = define(
    "member-already-in-master",
    WARNING,
    "'{name}' đã có trong sổ chính (mã {code}): không nhập lại.",
)
REPEATED = define(
    "member-repeated-in-list",
    WARNING,
    "'{name}' đã có ở dòng {first} của danh sách: không nhập hai lần.",
)


class NoMemberList(ThiduaError):
    code = "member-list-not-found"


@dataclass
class MembersImport:
    master: Path
    source: Path
    groups: list[dict[str, Any]] = field(default_factory=list)  # new rows of Tổ công đoàn
    members: list[dict[str, Any]] = field(default_factory=list)  # new rows of Đoàn viên
    findings: list[Finding] = field(default_factory=list)
    rows_read: int = 0
    written: bool = False
    backup: Path | None = None

    @property
    def errors(self) -> int:
        return count_by_severity(self.findings)[ERROR]

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    @property
    def headline(self) -> str:
        return (
            f"Danh sách {self.source.name}: {self.rows_read} dòng; thêm {len(self.members)} "
            f"đoàn viên và {len(self.groups)} tổ công đoàn; {self.errors} lỗi, "
            f"{count_by_severity(self.findings)[WARNING]} lưu ý"
        )

    def log_entry(self) -> LogEntry:
        return LogEntry(
            action=ACTION,
            result=self.headline,
            counts=f"+{len(self.members)} đoàn viên, +{len(self.groups)} tổ",
            files=[(self.source.name, file_hash(self.source))],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "master": str(self.master),
            "source": str(self.source),
            "rows_read": self.rows_read,
            "written": self.written,
            "backup": str(self.backup) if self.backup else None,
            "groups": self.groups,
            "members": self.members,
            "findings": [f.to_dict() for f in self.findings],
            "exit_code": self.exit_code,
        }


def read_member_list(source: Path) -> tuple[str, int, dict[int, str], list[list[Any]]]:
    """(sheet name, header row index, {column index: key}, rows) of the first sheet holding a
    member list."""
    book = open_calamine(source)
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        header, mapping = find_header(SOURCE_COLUMNS, rows)
        keys = set(mapping.values())
        if "ho_ten" in keys or {"ho_dem", "ten"} <= keys:
            return name, header, mapping, rows
    raise NoMemberList(f"{source.name}: " + NO_LIST.template)


def split_name(full: str) -> tuple[str, str]:
    """'Nguyễn Thị Minh Anh' -> ('Nguyễn Thị Minh', 'Anh'): the given name is the last word."""
    words = full.split()
    return " ".join(words[:-1]), words[-1]


def _member_key(name: str, born: Any) -> tuple[str, Any]:
    return header_key(name), born if isinstance(born, dt.date) else None


class _Codes:
    """New codes that follow the ones in use: DV061 after DV060, group 07 after 06."""

    def __init__(self, used: set[str], prefix: str, width: int):
        self.used, self.prefix, self.width = set(used), prefix, width
        numbers = [int(m.group(1)) for c in used if (m := re.fullmatch(rf"{prefix}(\d+)", c))]
        self.next = max(numbers, default=0) + 1

    def new(self) -> str:
        while True:
            code = f"{self.prefix}{self.next:0{self.width}d}"
            self.next += 1
            if code not in self.used:
                self.used.add(code)
                return code


def plan_member_import(master: WorkbookData, source: str | Path) -> MembersImport:
    """What importing ``source`` into ``master`` adds (nothing is written)."""
    source = Path(source)
    out = MembersImport(master=master.path, source=source)
    sheet_name, header, mapping, rows = read_member_list(source)
    epoch = workbook_epoch(source)  # a birth date kept as a bare serial counts in its system
    by_key = {c.key: c for c in SOURCE_COLUMNS}
    letters = {key: get_column_letter(j + 1) for j, key in mapping.items()}
    groups = master.table("to_cong_doan")
    group_codes = {str(c) for c in groups["ma_to"] if c}
    group_by_name = {
        header_key(n): str(c) for c, n in zip(groups["ma_to"], groups["ten_to"]) if c and n
    }
    new_group = _Codes(group_codes, "", 2)
    existing = master.table("doan_vien")
    codes_in_use = {str(c) for c in existing["ma_doan_vien"] if c}
    known = {
        _member_key(f"{h or ''} {t or ''}", b): str(c)
        for c, h, t, b in zip(
            existing["ma_doan_vien"], existing["ho_dem"], existing["ten"], existing["ngay_sinh"]
        )
    }
    new_member = _Codes(codes_in_use, "DV", 3)
    seen: dict[tuple, int] = {}
    name_key = next(k for k in ("ho_ten", "ho_dem", "ten") if k in letters)  # where names start

    def finding(kind, key: str | None, excel_row: int, into: list | None = None, **context) -> None:
        column = key if key in letters else ""  # the list is not a thidua sheet: no sheet key
        (out.findings if into is None else into).append(
            kind.at(
                file=source.name,
                sheet=sheet_name,
                cell=a1(letters.get(column, "A"), excel_row),
                row=excel_row,
                column=column,
                **context,
            )
        )

    for i in range(header + 1, len(rows)):
        raw = {key: rows[i][j] if j < len(rows[i]) else None for j, key in mapping.items()}
        if all(is_blank(v) for v in raw.values()):
            continue
        out.rows_read += 1
        excel_row = i + 1
        typed: dict[str, Any] = {}
        cells: list[Finding] = []  # reported only when the row is imported
        for key, value in raw.items():
            col = by_key[key]
            text = without_controls(value)[0] if isinstance(value, str) else value
            try:
                typed[key] = convert(text, col.type, epoch)
            except BadValue as err:
                typed[key] = to_text(text)
                finding(
                    BAD_CELL,
                    key,
                    excel_row,
                    cells,
                    value=to_text(value),
                    header=col.header,
                    reason=err.reason,
                )
        full = typed.get("ho_ten") or " ".join(
            str(typed[k]) for k in ("ho_dem", "ten") if typed.get(k)
        )
        if not full:
            finding(NO_NAME, name_key, excel_row)
            continue
        if typed.get("ho_ten") and not (typed.get("ho_dem") and typed.get("ten")):
            typed["ho_dem"], typed["ten"] = split_name(full)
        if typed.get("gioi_tinh") is not None:
            gender = GENDERS.get(header_key(typed["gioi_tinh"]))
            if gender is None:
                finding(
                    BAD_CELL,
                    "gioi_tinh",
                    excel_row,
                    cells,
                    value=typed["gioi_tinh"],
                    header=by_key["gioi_tinh"].header,
                    reason="không phải Nam hoặc Nữ",
                )
            typed["gioi_tinh"] = gender or typed["gioi_tinh"]
        person = _member_key(full, typed.get("ngay_sinh"))
        code = typed.get("ma_doan_vien")
        if (code and code in codes_in_use) or person in known:
            finding(
                ALREADY_THERE,
                name_key,
                excel_row,
                name=full,
                code=code if code in codes_in_use else known[person],
            )
            continue
        if person in seen:
            finding(REPEATED, name_key, excel_row, name=full, first=seen[person])
            continue
        seen[person] = excel_row
        out.findings.extend(cells)
        typed["ma_to"] = _group_code(
            typed.get("ma_to"), typed.get("to"), group_codes, group_by_name, new_group, out
        )
        if not typed["ma_to"]:
            finding(NO_GROUP, "to" if "to" in letters else name_key, excel_row, name=full)
        if code:
            new_member.used.add(code)
        else:
            code = new_member.new()
        typed["ma_doan_vien"] = code
        out.members.append({c.key: typed.get(c.key) for c in MEMBERS.columns})
    return out


def _group_code(
    code: Any, name: Any, codes: set[str], by_name: dict[str, str], new: _Codes, out: MembersImport
) -> str | None:
    """The group a member's row names: by code ('03', or 3 typed as a number) or by name. A
    group the master does not know becomes a new group, with the list's code when it has one."""
    for value in (code, name):
        if value is None:
            continue
        text = str(value)
        known = (
            text
            if text in codes
            else padded_group_code(text, codes) or by_name.get(header_key(text))
        )
        if known:
            return known
    if code is None and name is None:
        return None
    new_code = str(code) if code is not None else new.new()
    new.used.add(new_code)
    codes.add(new_code)
    title = str(name if name is not None else code)
    by_name[header_key(title)] = new_code
    out.groups.append({c.key: None for c in GROUPS.columns} | {"ma_to": new_code, "ten_to": title})
    return new_code


def import_members(
    master: str | Path, source: str | Path, *, dry_run: bool = False
) -> MembersImport:
    """Add the members (and groups) of the list ``source`` to the master file."""
    master = Path(master)
    if not dry_run:
        ensure_not_open(master)
    data = read_workbook(master, sheets=("to_cong_doan", "doan_vien"))
    if data.kind != "master":
        raise ThiduaError(
            f"{master.name} không phải sổ chính do thidua tạo (thiếu dấu phiên "
            "bản). Hãy tạo sổ bằng lệnh thidua init."
        )
    result = plan_member_import(data, source)
    if dry_run or not (result.members or result.groups):
        return result
    wb = load_for_edit(master)
    append_table_rows(wb[GROUPS.name], "to_cong_doan", result.groups)
    append_table_rows(wb[MEMBERS.name], "doan_vien", result.members)
    append_log(wb, result.log_entry())
    result.backup = atomic_write(master, wb.save)
    result.written = True
    return result
