"""The master workbook: written from a campaign, with set-up filled and data tables empty.

``build_master`` returns an openpyxl Workbook (the Excel side turns it into an .xlsm with the
ribbon); ``init_master`` saves it safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import schema, stamps
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
from .safe_io import atomic_write

MASTER_SUFFIXES = (".xlsx", ".xlsm")

OUTPUT_NOTE = (
    "Trang này do thidua tự ghi mỗi lần chạy (nút trên thẻ Thi đua hoặc lệnh thidua); "
    "mọi chỉnh sửa tay sẽ bị ghi đè."
)


@dataclass
class InitResult:
    path: Path
    sheets: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "sheets": self.sheets,
            "counts": self.counts,
            "backup": str(self.backup) if self.backup else None,
        }


def setup_rows(
    campaign: Campaign, extra: dict[str, list[dict]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every set-up and list table: the campaign's, plus any given (groups, members)."""
    rows = {s.key: campaign.rows(s.key) for s in (*schema.SETUP_SHEETS, *schema.LIST_TABLES)}
    rows["cau_hinh"] = campaign.config_rows()
    for key, more in (extra or {}).items():
        rows[key] = list(more)
    return rows


def build_master(campaign: Campaign, extra: dict[str, list[dict]] | None = None) -> Workbook:
    rows = setup_rows(campaign, extra)
    wb = new_workbook()
    for sheet in schema.SETUP_SHEETS:
        ws = wb.create_sheet(sheet.name)
        write_table(ws, sheet, rows[sheet.key])
        ws.freeze_panes = "B2" if sheet.key == "doan_vien" else "A2"
        print_setup(ws, sheet.landscape)
    write_lists_sheet(wb.create_sheet(schema.LISTS_SHEET_NAME), rows)
    for sheet in schema.DATA_SHEETS:
        ws = wb.create_sheet(sheet.name)
        write_table(
            ws, sheet, (extra or {}).get(sheet.key, []), columns=schema.master_columns(sheet)
        )
        ws.freeze_panes = "B2"
        print_setup(ws, sheet.landscape)
    for sheet in schema.OUTPUT_SHEETS:
        write_empty_output(wb, sheet)
    define_list_names(wb)
    write_stamp(wb, stamp_values("master", campaign))
    wb.active = 0
    return wb


def write_empty_output(wb: Workbook, sheet: schema.Sheet) -> None:
    ws = wb.create_sheet(sheet.name)
    if sheet.columns:
        write_table(ws, sheet, [], dropdowns=False)
        ws.freeze_panes = "A2"
    else:
        ws["A1"] = sheet.title
        ws["A1"].font = Font(name=FONT_NAME, size=14, bold=True)
        ws["A2"] = OUTPUT_NOTE
        ws["A2"].font = Font(name=FONT_NAME, size=11, italic=True)
        ws["A2"].alignment = Alignment(wrap_text=False)
    print_setup(ws, sheet.landscape, title_rows="1:1" if sheet.columns else None)
    protect(ws)


def stamp_values(kind: str, campaign: Campaign, **more: str) -> dict[str, str]:
    """The hidden stamp: kind, template version, campaign and union (see ``stamps``)."""
    return stamps.stamp_values(
        kind, campaign.id, str(campaign.config.get("ten_cong_doan") or ""), **more
    )


def init_master(
    path: str | Path,
    campaign: Campaign,
    *,
    force: bool = False,
    extra: dict[str, list[dict]] | None = None,
) -> InitResult:
    """Write a new master workbook; refuses to overwrite unless ``force`` (then backs up).

    The master is the one file thidua does not replace on its own: an empty new one over the
    officer's data would be a loss, even with the backup. Every other file it writes is an
    output, replaced with a backup."""
    path = Path(path)
    if path.suffix.lower() not in MASTER_SUFFIXES:
        raise ThiduaError(
            f"Tên tệp {path.name} không phải tên sổ Excel: sổ thi đua phải có đuôi .xlsm (có thẻ "
            "Thi đua trên Excel) hoặc .xlsx. Ví dụ: thidua init So-thi-dua.xlsm"
        )
    wb = build_master(campaign, extra)
    saved = atomic_write(path, lambda tmp: wb.save(tmp), overwrite=force)
    counts = {s.name: len(setup_rows(campaign, extra)[s.key]) for s in schema.SETUP_SHEETS}
    return InitResult(path=path, sheets=list(wb.sheetnames), counts=counts, backup=saved)
