"""Consolidation validates the rows of the whole batch in one pass (``check_reads``): the
findings must be exactly those of checking each workbook alone (``validate_data``), in the
same order, naming the same file, sheet and cell."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from workbook import schema
from workbook.consolidation.consolidate import consolidate, read_master
from workbook.consolidation.read_group import DATA_KEYS, check_reads, read_group
from workbook.reading import read_workbook
from workbook.validation import fix_text_cells, validate_data
from workbook.validation.lookups import build_lookups
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, RETURNED, group_file, rows_of


def per_workbook(path: Path, master) -> list:
    """The findings of one group workbook as consolidation reported them before the batch
    pass: the reader's, then those of ``validate_data`` against the master not already there."""
    data = read_workbook(path, sheets=DATA_KEYS)
    fix_text_cells(data)
    known = list(data.findings)
    return known + [f for f in validate_data(data, master).findings if f not in set(known)]


def batch_findings(paths: list[Path], master) -> list[list]:
    reads = [read_group(p) for p in paths]
    assert all(r.ok for r in reads), [r.error for r in reads]
    check_reads(reads, build_lookups(master))
    return [r.findings for r in reads]


def test_demo_batch_finds_what_each_workbook_alone_finds(batch):
    master = read_master(batch / MASTER)
    paths = sorted((batch / RETURNED).glob("*.xlsx"))
    expected = [per_workbook(p, master) for p in paths]
    assert batch_findings(paths, master) == expected
    # And consolidate reports them per file, in the files' order, before its own findings.
    result = consolidate(batch / MASTER, [batch / RETURNED], dry_run=True)
    flat = [f for found in expected for f in found]
    assert result.findings[: len(flat)] == flat


def _plant(path: Path, variant: int) -> None:
    """A few mistakes of several kinds, a different mix per workbook."""
    regs, works = rows_of(path, "dang_ky"), rows_of(path, "cong_trinh")
    results, articles = rows_of(path, "ket_qua"), rows_of(path, "tin_bai")
    if variant % 2 == 0:
        regs[0]["danh_hieu"] = "lao dong tien tien"  # unknown title, with a hint
        regs.append({**regs[1]})  # the same registration id and registration twice
        results[1]["so_sang_kien"] = -2
        articles[0]["tieu_de"] = "=SUM(A1)"
    else:
        regs[1]["ngay_dang_ky"] = dt.date(2031, 1, 5)  # outside its phase
        results.append({**results[0], "ghi_chu": "dòng lặp"})  # a second result, same phase
        results[2]["xep_loai"] = "Tốt"
        articles[1]["co_quan_bao"] = "Báo không có trong danh sách"
    if variant % 3 == 0:
        results[3]["ma_doan_vien"] = "DV-KHONG-CO"
        results[4]["xep_loai"] = None
        articles[2]["ngay_dang"] = dt.date(2030, 6, 1)
    if variant % 3 == 1 and works:
        works[0]["ngay_bat_dau"], works[0]["ngay_hoan_thanh"] = (
            dt.date(2023, 5, 2),
            dt.date(2023, 3, 1),
        )
        works[0]["ma_to"] = "02" if works[0]["ma_to"] != "02" else "03"  # another group's
    if variant % 3 == 2:
        articles[0]["ngay_dang"] = "32/13/2023"  # the reader's finding, not repeated
        regs[2]["phong_trao"] = "Phong trào không có"
    fill_tables(
        path, {"dang_ky": regs, "cong_trinh": works, "ket_qua": results, "tin_bai": articles}
    )


def _shift_columns(path: Path, key: str) -> None:
    """An extra column of the group's own before the others: every letter moves."""
    wb = load_workbook(path)
    ws = wb[schema.SHEETS[key].name]
    ws.insert_cols(2)
    ws.cell(row=1, column=2, value="Ghi chú riêng của tổ")
    wb.save(path)


def _drop_optional_column(path: Path, key: str, header: str) -> None:
    wb = load_workbook(path)
    ws = wb[schema.SHEETS[key].name]
    column = next(c.column for c in ws[1] if c.value == header)
    ws.delete_cols(column)
    wb.save(path)


@pytest.fixture(scope="module")
def planted(demo_base, tmp_path_factory) -> tuple[Path, list[Path]]:
    """Ten group workbooks with planted mistakes: the six demo groups and four more copies,
    one with its columns shifted, one lacking an optional column, one under the same name
    as another in a second folder."""
    base = tmp_path_factory.mktemp("planted")
    shutil.copy(demo_base / MASTER, base / MASTER)
    folder = base / RETURNED
    shutil.copytree(demo_base / RETURNED, folder)
    paths = sorted(folder.glob("*.xlsx"))
    for code, name in (
        ("01", "To-01-ban-sua.xlsx"),
        ("02", "To-02-ban-sua.xlsx"),
        ("03", "To-03-ban-sua.xlsx"),
    ):
        shutil.copy(group_file(folder, code), folder / name)
        paths.append(folder / name)
    (base / "dot-sau").mkdir()
    same_name = base / "dot-sau" / paths[0].name
    shutil.copy(paths[0], same_name)
    paths.append(same_name)
    for i, path in enumerate(paths):
        _plant(path, i)
    _shift_columns(paths[6], "ket_qua")
    _drop_optional_column(paths[7], "cong_trinh", "Ghi chú")
    return base, paths


def test_planted_mistakes_are_found_as_each_workbook_alone_finds_them(planted):
    base, paths = planted
    master = read_master(base / MASTER)
    expected = [per_workbook(p, master) for p in paths]
    got = batch_findings(paths, master)
    assert got == expected
    codes = {f.code for found in got for f in found}
    assert {
        "unknown-title",
        "duplicate-id",
        "duplicate-registration",
        "negative-value",
        "formula-like-text",
        "registration-outside-phase",
        "duplicate-result",
        "not-in-list",
        "unknown-member",
        "missing-value",
        "date-outside-phase",
        "finish-before-start",
        "not-own-group",
        "invalid-value",
        "unknown-movement",
        "missing-optional-column",
    } <= codes
    # Duplicates are found within a workbook only, and cite that workbook's cells.
    for path, found in zip(paths, got):
        assert {f.file for f in found} == {path.name}
    # The workbook with an extra column cites its own letters (E, F), not the template's.
    shifted = [(f.code, f.cell) for f in got[6] if f.sheet == schema.SHEETS["ket_qua"].name]
    assert shifted == [("negative-value", "F3"), ("unknown-member", "A5"), ("missing-value", "E6")]
