"""Helpers for the consolidation tests: one folder per kind of bad file, built from real
workbooks and named by the defect it carries; small readers."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import Workbook, load_workbook

from workbook import schema
from workbook.writing import fill_tables

RETURNED = "so-to-gui-lai"
MASTER = "so-thi-dua.xlsx"
PHONE_ID = "0936861564"  # an ID-like code whose leading zero must survive


def group_file(folder: Path, code: str) -> Path:
    return next(folder.glob(f"To-{code}-*.xlsx"))


def set_stamp(path: Path, key: str, value: str) -> None:
    wb = load_workbook(path)
    ws = wb[schema.STAMP.name]
    for row in ws.iter_rows():
        if row[0].value == key:
            row[1].value = value
    wb.save(path)


def rows_of(path: Path, sheet_key: str) -> list[dict]:
    from workbook.reading import read_workbook

    frame = read_workbook(path, sheets=(sheet_key,)).table(sheet_key)
    return frame.drop(columns=["_row"]).to_dict("records")


def make_bad_folder(kind: str, base: Path, source: Path) -> Path:
    """A folder holding one good group workbook (``source``) and one file of the given defect."""
    folder = base / f"bad-{kind}"
    folder.mkdir()
    shutil.copy(source, folder / source.name)
    if kind == "corrupt":
        (folder / "So-to-hong.xlsx").write_bytes(source.read_bytes()[:4000])
    elif kind == "password-protected":
        from msoffcrypto.format.ooxml import OOXMLFile

        other = group_file(source.parent, "02")
        with open(other, "rb") as fin, open(folder / "So-to-co-mat-khau.xlsx", "wb") as fout:
            OOXMLFile(fin).encrypt("matkhau", fout)
    elif kind == "not-a-group-workbook":
        wb = Workbook()
        wb.active.append(["Họ và tên", "Số điện thoại"])
        wb.active.append(["Nguyễn Văn An", "0912345678"])
        wb.save(folder / "Danh-ba.xlsx")
    elif kind == "wrong-template-version":
        target = folder / "So-to-mau-cu.xlsx"
        shutil.copy(group_file(source.parent, "02"), target)
        set_stamp(target, "phien_ban_mau", "0.9")
    elif kind == "owner-file":
        (folder / ("~$" + source.name)).write_bytes(b"\x0bthidua  " + b"\x00" * 150)
    elif kind == "duplicate-file":
        shutil.copy(source, folder / ("Ban sao " + source.name))
    elif kind == "group-claimed-twice":
        target = folder / "To-01-ban-sua.xlsx"
        shutil.copy(source, target)
        rows = rows_of(target, "tin_bai")
        rows[0]["tieu_de"] = "Tiêu đề đã sửa"
        fill_tables(target, {"tin_bai": rows})
    else:
        raise ValueError(kind)
    return folder
