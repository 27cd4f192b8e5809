"""Group workbooks: one .xlsx per union group, its members pre-filled, no macros.

A group workbook is the master cut down to one group: the set-up tables the dropdowns need
(read-only), the group's members, the campaign-data tables, and a hidden stamp naming the group
and the template version, so consolidation knows whose rows it is reading.

Making them again replaces the workbooks in the folder, each old one backed up first (the one
rule for every file thidua writes); the result says which were replaced and where the backups are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Font

from . import schema
from .campaign import Campaign
from .errors import ThiduaError
from .layout import (
    FONT_NAME,
    define_list_names,
    new_workbook,
    print_setup,
    protect,
    write_lists_sheet,
    write_stamp,
    write_table,
)
from .master import stamp_values
from .reading import ROW, WorkbookData, read_workbook
from .safe_io import atomic_write, make_folder
from .text import slug_filename

GUIDE_SHEET = "Hướng dẫn"


CREATED, REPLACED = "tạo mới", "thay bản cũ"


class NoGroups(ThiduaError):
    code = "no-groups"


@dataclass
class GroupFile:
    group: str
    name: str
    path: Path
    members: int
    status: str  # CREATED | REPLACED
    backup: Path | None = None  # the replaced workbook, kept in sao-luu/


@dataclass
class GroupsResult:
    outdir: Path
    files: list[GroupFile] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outdir": str(self.outdir),
            "files": [
                {
                    "group": f.group,
                    "name": f.name,
                    "path": str(f.path),
                    "members": f.members,
                    "status": f.status,
                    "backup": str(f.backup) if f.backup else None,
                }
                for f in self.files
            ],
        }


def group_file_name(code: str, name: str) -> str:
    """Readable and safe on Windows: 'To-03-Ke-hoach-tong-hop.xlsx'."""
    return slug_filename(f"Tổ {code} {name}") + ".xlsx"


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame.drop(columns=[ROW], errors="ignore").to_dict("records")


def campaign_from_master(master: WorkbookData) -> Campaign:
    config = {r["ma_muc"]: r["gia_tri"] for r in records(master.table("cau_hinh"))}
    return Campaign(
        id=str(config.get("so_ke_hoach") or master.stamp.get("ke_hoach") or ""),
        config=config,
        source=master.file,
    )


def group_rows(master: WorkbookData, group: str) -> dict[str, list[dict[str, Any]]]:
    """The master's campaign-data rows that belong to one group."""
    members = master.table("doan_vien")
    codes = set(members.loc[members["ma_to"] == group, "ma_doan_vien"])
    reg = master.table("dang_ky")
    keep = {
        "dang_ky": reg[reg["ma_doi_tuong"].isin(codes | {group})],
        "cong_trinh": master.table("cong_trinh").query("ma_to == @group"),
        "ket_qua": master.table("ket_qua")[master.table("ket_qua")["ma_doan_vien"].isin(codes)],
        "tin_bai": master.table("tin_bai")[master.table("tin_bai")["ma_doan_vien"].isin(codes)],
    }
    return {k: records(v) for k, v in keep.items()}


def results_skeleton(members: list[dict[str, Any]], phases: list[str]) -> list[dict[str, Any]]:
    """One row per member and phase, so the group leader fills in rather than types codes."""
    return [
        {
            "ma_doan_vien": m["ma_doan_vien"],
            "ho_ten": f"{m.get('ho_dem') or ''} {m.get('ten') or ''}".strip(),
            "dot": p,
        }
        for p in phases
        for m in members
    ]


def build_group_workbook(master: WorkbookData, group: dict[str, Any]):
    code = group["ma_to"]
    members = records(master.table("doan_vien").query("ma_to == @code"))
    tables: dict[str, list[dict[str, Any]]] = {
        "dot_thi_dua": records(master.table("dot_thi_dua")),
        "phong_trao": records(master.table("phong_trao")),
        "to_cong_doan": [group],
        "doan_vien": members,
        "danh_hieu": records(master.table("danh_hieu")),
    }
    tables.update({s.key: records(master.table(s.key)) for s in schema.LIST_TABLES})
    data = group_rows(master, code)
    if not any(data.values()):
        phases = [p["ma_dot"] for p in tables["dot_thi_dua"]]
        data["ket_qua"] = results_skeleton(members, phases)
    wb = new_workbook()
    _write_guide(wb.create_sheet(GUIDE_SHEET), group)
    for sheet in schema.DATA_SHEETS:
        ws = wb.create_sheet(sheet.name)
        write_table(ws, sheet, data.get(sheet.key, []))
        ws.freeze_panes = "B2"
        print_setup(ws, sheet.landscape)
    for sheet in schema.SETUP_SHEETS:
        if sheet.in_group:
            ws = wb.create_sheet(sheet.name)
            write_table(ws, sheet, tables[sheet.key], dropdowns=False)
            ws.freeze_panes = "A2"
            print_setup(ws, sheet.landscape)
            protect(ws)
    lists_ws = wb.create_sheet(schema.LISTS_SHEET_NAME)
    write_lists_sheet(lists_ws, tables)
    protect(lists_ws)
    define_list_names(wb)
    write_stamp(
        wb,
        stamp_values(
            "group", campaign_from_master(master), ma_to=code, ten_to=str(group.get("ten_to") or "")
        ),
    )
    wb.active = 1  # open on the first data sheet
    return wb, len(members)


def make_group_workbooks(master: str | Path | WorkbookData, outdir: str | Path) -> GroupsResult:
    """One workbook per group of the master (a file, or tables already read from Excel); a
    workbook already in ``outdir`` is replaced, after a backup."""
    if not isinstance(master, WorkbookData):
        master = read_workbook(master)
    groups = [g for g in records(master.table("to_cong_doan")) if g.get("ma_to")]
    if not groups:
        raise NoGroups(
            f"Sổ {master.file} chưa có tổ công đoàn nào (trang 'Tổ công đoàn' trống), nên chưa "
            "tạo được sổ tổ. Điền trang Tổ công đoàn và Đoàn viên trong Excel, hoặc nhập danh "
            f"sách đoàn viên có sẵn: thidua members import {master.file} danh-sach.xlsx — rồi "
            "chạy lại."
        )
    outdir = Path(outdir)
    make_folder(outdir)
    result = GroupsResult(outdir=outdir)
    for group in groups:
        name = str(group.get("ten_to") or "")
        path = outdir / group_file_name(group["ma_to"], name)
        existed = path.exists()
        wb, n_members = build_group_workbook(master, group)
        saved = atomic_write(path, wb.save, make_backup=True)
        result.files.append(
            GroupFile(
                group["ma_to"], name, path, n_members, REPLACED if existed else CREATED, saved
            )
        )
    return result


def _write_guide(ws, group: dict[str, Any]) -> None:
    lines = [
        f"SỔ THI ĐUA CỦA TỔ CÔNG ĐOÀN: {group.get('ten_to') or ''} (mã tổ {group['ma_to']})",
        "",
        "Cách điền:",
        "1. Trang 'Đăng ký thi đua': mỗi dòng là một đăng ký của cá nhân hoặc của tổ "
        "(chọn trong danh sách thả xuống).",
        "2. Trang 'Công trình, sản phẩm': các công trình, sản phẩm, phần việc đăng ký gắn biển.",
        "3. Trang 'Kết quả': xếp loại, sáng kiến, hoạt động của từng đoàn viên theo đợt.",
        "4. Trang 'Tin bài': tin, bài đã đăng trên báo, đài, trang thông tin.",
        "Ngày nhập dạng ngày/tháng/năm (ví dụ 15/03/2023). Không đổi tên trang, không xóa cột.",
        "Các trang Đoàn viên, Đợt thi đua, Phong trào, Danh hiệu, Danh mục chỉ để tra cứu.",
        "Điền xong, lưu tệp và gửi lại cho Ban Chấp hành Công đoàn cơ sở.",
    ]
    for i, line in enumerate(lines, start=1):
        ws.cell(row=i, column=1, value=line).font = Font(name=FONT_NAME, size=12, bold=(i == 1))
        ws.cell(row=i, column=1).alignment = Alignment(wrap_text=False)
    ws.column_dimensions["A"].width = 110
    print_setup(ws, landscape=False, title_rows=None)
    protect(ws)
