"""People's work in the master survives consolidation, with either writer; the two writers
agree; Dask gives the thread pool's result; the CLI's JSON is the library's result."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import zipfile

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from workbook import schema
from workbook.consolidation import consolidate
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, RETURNED, group_file, rows_of

DATA_KEYS = [s.key for s in schema.DATA_SHEETS]
NOTE = "Ghi chú của BCH"


def add_manual_column(path, notes: dict[str, str]) -> None:
    """An officer adds a column to tblDangKy and types notes against some registrations."""
    wb = load_workbook(path)
    ws = wb[schema.sheet("dang_ky").name]
    table = ws.tables["tblDangKy"]
    last_col = ws.max_column + 1
    ws.cell(1, last_col, NOTE)
    for r in range(2, ws.max_row + 1):
        key = ws.cell(r, 1).value
        if key in notes:
            ws.cell(r, last_col, notes[key])
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import TableColumn

    table.ref = f"A1:{get_column_letter(last_col)}{ws.max_row}"
    table.autoFilter.ref = table.ref
    table.tableColumns.append(TableColumn(id=last_col, name=NOTE))
    members = wb[schema.sheet("doan_vien").name]
    members["A70"] = "Ghi chú riêng của BCH, không thuộc bảng"
    wb.save(path)


def manual_notes(path) -> dict[str, str]:
    ws = load_workbook(path)[schema.sheet("dang_ky").name]
    header = [c.value for c in ws[1]]
    j = header.index(NOTE)
    return {row[0]: row[j] for row in ws.iter_rows(min_row=2, values_only=True) if row[j]}


@pytest.mark.parametrize("fast", [True, False], ids=["zip-writer", "openpyxl-writer"])
def test_manual_columns_and_setup_sheets_survive(batch, fast):
    consolidate(batch / MASTER, [batch / RETURNED], fast=fast)
    notes = {"DK01-01": "Đã xác minh", "DK02-03": "Chờ bổ sung", "DK03-05": "0912 số cũ"}
    add_manual_column(batch / MASTER, notes)
    # Group 01 resends with its first registration changed and one removed: the rows after
    # it move up, and the notes must move with them.
    path = group_file(batch / RETURNED, "01")
    rows = rows_of(path, "dang_ky")
    rows[0]["cam_ket"] = "Cam kết mới"
    del rows[4]
    fill_tables(path, {"dang_ky": rows})
    result = consolidate(batch / MASTER, [batch / RETURNED], fast=fast)
    assert (result.groups["01"]["changed"], result.groups["01"]["removed"]) == (1, 1)
    assert result.writer == ("zip" if fast else "openpyxl")
    assert manual_notes(batch / MASTER) == notes
    wb = load_workbook(batch / MASTER)
    assert wb[schema.sheet("doan_vien").name]["A70"].value.startswith("Ghi chú riêng")
    regs = {r["ma_dang_ky"]: r for r in rows_of(batch / MASTER, "dang_ky")}
    assert regs["DK01-01"]["cam_ket"] == "Cam kết mới"
    ws = wb[schema.sheet("nhat_ky").name]
    actions = [r[1] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert actions.count("Gộp sổ tổ") == 12  # two runs, one line per source file


def test_rows_typed_in_the_master_are_never_touched(batch):
    typed = {
        "ma_tin_bai": "TB-BCH-01",
        "ma_doan_vien": "DV001",
        "tieu_de": "Bài do BCH nhập",
        "co_quan_bao": "Báo Lạng Sơn",
        "ngay_dang": dt.date(2023, 3, 1),
        "dot": "Đợt 1",
    }
    fill_tables(batch / MASTER, {"tin_bai": [typed]})
    consolidate(batch / MASTER, [batch / RETURNED])
    consolidate(batch / MASTER, [batch / RETURNED])
    mine = [r for r in rows_of(batch / MASTER, "tin_bai") if r["ma_tin_bai"] == "TB-BCH-01"]
    assert len(mine) == 1 and mine[0]["to_nguon"] is None and mine[0]["tieu_de"] == typed["tieu_de"]


def test_both_writers_give_the_same_master(batch, tmp_path):
    other = tmp_path / "other.xlsx"
    shutil.copy(batch / MASTER, other)
    a = consolidate(batch / MASTER, [batch / RETURNED], fast=True)
    b = consolidate(other, [batch / RETURNED], fast=False)
    assert (a.writer, b.writer) == ("zip", "openpyxl")
    for key in DATA_KEYS:
        assert rows_of(batch / MASTER, key) == rows_of(other, key)


def test_dask_local_cluster_writes_the_thread_pool_master_byte_for_byte(batch, tmp_path):
    distributed = pytest.importorskip("distributed")
    on_cluster = tmp_path / "cluster"
    on_cluster.mkdir()
    shutil.copy(batch / MASTER, on_cluster / MASTER)
    expected = consolidate(batch / MASTER, [batch / RETURNED])
    import dask

    # the workers' scratch space inside the test's own folder, not the shared /tmp
    with (
        dask.config.set({"temporary-directory": str(tmp_path / "dask")}),
        distributed.LocalCluster(
            processes=False,
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=None,
            local_directory=str(tmp_path / "dask"),
        ) as cluster,
    ):
        got = consolidate(
            on_cluster / MASTER, [batch / RETURNED], scheduler=cluster.scheduler_address
        )
    assert got.written and expected.written
    assert _without_times(got.to_dict()) == _without_times(expected.to_dict())
    # Every part of the package byte for byte, the ledger's aside: its lines carry the time.
    ledger = _part_of(batch / MASTER, schema.sheet("nhat_ky").name)
    with zipfile.ZipFile(batch / MASTER) as a, zipfile.ZipFile(on_cluster / MASTER) as b:
        assert a.namelist() == b.namelist()
        differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert differ in ([], [ledger])
    ledger_a = load_workbook(batch / MASTER)[schema.sheet("nhat_ky").name]
    ledger_b = load_workbook(on_cluster / MASTER)[schema.sheet("nhat_ky").name]
    rows_a = [[c.value for c in r[1:]] for r in ledger_a.iter_rows()]
    rows_b = [[c.value for c in r[1:]] for r in ledger_b.iter_rows()]
    assert rows_a == rows_b and len(rows_a) > 1


def _without_times(result: dict) -> dict:
    return {k: v for k, v in result.items() if k not in ("backup", "master")}


def _part_of(path, sheet_name: str) -> str:
    from workbook.package_parts import sheet_parts

    with zipfile.ZipFile(path) as z:
        return sheet_parts(z)[sheet_name]


def test_cli_json_is_the_library_result(batch):
    expected = consolidate(batch / MASTER, [batch / RETURNED], dry_run=True).to_dict()
    run = CliRunner().invoke(
        cli, ["consolidate", str(batch / MASTER), str(batch / RETURNED), "--dry-run", "--json"]
    )
    assert run.exit_code == expected["exit_code"] == 1, run.output  # the planted mistakes
    assert json.loads(run.output) == json.loads(
        json.dumps(expected, ensure_ascii=False, default=str)
    )


def test_cli_refuses_a_locked_master_with_exit_2(batch):
    (batch / ("~$" + MASTER)).write_bytes(b"owner")
    run = CliRunner().invoke(cli, ["consolidate", str(batch / MASTER), str(batch / RETURNED)])
    assert run.exit_code == 2 and "đang được mở trong Excel" in run.output


def test_cli_exit_1_and_reason_when_a_file_is_set_aside(batch):
    (batch / RETURNED / "So-to-hong.xlsx").write_bytes(b"PK\x03\x04 not really")
    run = CliRunner().invoke(cli, ["consolidate", str(batch / MASTER), str(batch / RETURNED)])
    assert run.exit_code == 1
    assert "So-to-hong.xlsx" in run.output and "bị hỏng" in run.output


def test_cells_beside_a_table_send_the_write_to_openpyxl_and_survive(batch):
    wb = load_workbook(batch / MASTER)
    wb[schema.sheet("dang_ky").name]["T3"] = "Ghi chú ngoài bảng"
    wb.save(batch / MASTER)
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert result.writer == "openpyxl"
    ws = load_workbook(batch / MASTER)[schema.sheet("dang_ky").name]
    assert ws["T3"].value == "Ghi chú ngoài bảng"
    assert len(rows_of(batch / MASTER, "dang_ky")) == sum(
        len(rows_of(p, "dang_ky")) for p in (batch / RETURNED).glob("*.xlsx")
    )


def test_cluster_without_dask_says_how_to_install_it(batch, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    run = CliRunner().invoke(
        cli,
        [
            "consolidate",
            str(batch / MASTER),
            str(batch / RETURNED),
            "--dry-run",
            "--scheduler",
            "tcp://127.0.0.1:8786",
        ],
    )
    assert run.exit_code != 0
    assert 'pip install ".[cluster]"' in run.output
    assert "Traceback" not in run.output
