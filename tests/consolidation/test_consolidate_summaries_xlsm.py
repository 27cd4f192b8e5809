"""Upper-union mode (many CĐCS → one table with totals), and a macro-enabled master keeping
its VBA project and ribbon through consolidation."""

from __future__ import annotations

import os
import shutil
import zipfile

import xlsxwriter
from openpyxl import load_workbook

from workbook.consolidation import consolidate
from workbook.consolidation.summaries import (
    COUNT_KEYS,
    REPORT_SHEET,
    SUMMARY_COLUMNS,
    consolidate_summaries,
)
from xlsources.xlsm import build_xlsm

from .consolidation_helpers import MASTER, RETURNED, rows_of


def write_report(path, name: str, counts: dict[str, int]) -> None:
    """A CĐCS's 'BC Tổng hợp' sheet: title lines, then the standard header and one line."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(REPORT_SHEET)
    ws.write_string(0, 0, "BÁO CÁO TỔNG HỢP")
    for j, col in enumerate(SUMMARY_COLUMNS):
        ws.write_string(4, j, col.header)
        if col.type == "int":
            ws.write_number(5, j, counts[col.key])
        else:
            ws.write_string(5, j, name)
    wb.close()


def test_summaries_from_reports_and_masters_one_row_each_with_totals(batch, tmp_path):
    consolidate(batch / MASTER, [batch / RETURNED])
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    shutil.copy(batch / MASTER, folder / "so-chinh-cdcs-a.xlsx")
    write_report(
        folder / "b.xlsx", "Công đoàn cơ sở Bệnh viện Đa khoa", dict.fromkeys(COUNT_KEYS, 2)
    )
    write_report(folder / "c.xlsx", "Công đoàn cơ sở Ăn uống", dict.fromkeys(COUNT_KEYS, 5))
    (folder / "hong.xlsx").write_bytes(b"not a workbook")
    result = consolidate_summaries(tmp_path / "tinh.xlsx", [folder])
    assert [s.code for s in result.set_aside] == ["corrupt"] and result.exit_code == 1
    from_master = next(r for r in result.rows if r["nguon"] == "master")
    assert from_master["so_doan_vien"] == 60 and from_master["so_to"] == 6
    names = [r["cong_doan_co_so"] for r in result.rows]
    assert names == [
        "Công đoàn cơ sở Ăn uống",
        "Công đoàn cơ sở Bệnh viện Đa khoa",
        from_master["cong_doan_co_so"],
    ]  # Vietnamese order: Ă after A, before B
    for key in COUNT_KEYS:
        assert result.totals[key] == 2 + 5 + from_master[key]
    ws = load_workbook(tmp_path / "tinh.xlsx").active
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    assert len(values) == 4 and values[-1][1].startswith("Tổng cộng")
    assert values[-1][2] == result.totals["so_to"]


def test_two_reports_of_one_union_count_once_the_later(tmp_path):
    folder = tmp_path / "bc"
    folder.mkdir()
    write_report(folder / "a.xlsx", "CĐCS Trường THPT Việt Bắc", dict.fromkeys(COUNT_KEYS, 1))
    write_report(folder / "b.xlsx", "CĐCS Trường THPT Việt Bắc", dict.fromkeys(COUNT_KEYS, 3))
    os.utime(folder / "a.xlsx", (1_700_000_000, 1_700_000_000))  # sent earlier
    result = consolidate_summaries(tmp_path / "tinh.xlsx", [folder])
    assert result.set_aside == [] and [r.dropped.name for r in result.replaced] == ["a.xlsx"]
    assert [r["so_to"] for r in result.rows] == [3]


def test_xlsm_master_keeps_vba_and_ribbon(batch):
    xlsm = batch / "so-thi-dua.xlsm"
    build_xlsm(batch / MASTER, xlsm)
    with zipfile.ZipFile(xlsm) as zf:
        before = {
            n: zf.read(n) for n in zf.namelist() if "vba" in n.lower() or "customui" in n.lower()
        }
    assert before
    result = consolidate(xlsm, [batch / RETURNED])
    assert result.written and result.writer == "zip"
    with zipfile.ZipFile(xlsm) as zf:
        assert {n: zf.read(n) for n in before} == before
    sources = sum(len(rows_of(p, "ket_qua")) for p in (batch / RETURNED).glob("*.xlsx"))
    assert len(rows_of(xlsm, "ket_qua")) == sources > 0
