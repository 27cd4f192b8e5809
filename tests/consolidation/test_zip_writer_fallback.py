"""The fast zip writer hands a master to openpyxl whenever its sheet holds something it does not
rewrite byte for byte (a hyperlink, merged cells, cells below the table; notes it moves with
their rows, ``test_zip_writer_notes``). Each trigger
is built here in a real master: the merge still happens, every row equals a master without the
trigger, and what the officer added survives."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from workbook import schema
from workbook.consolidation import consolidate

from .consolidation_helpers import MASTER, RETURNED, rows_of

REGISTRATIONS = schema.sheet("dang_ky").name


def hyperlink(ws):
    ws["B1"].hyperlink = "https://congdoan.example/huong-dan"
    return lambda ws: ws["B1"].hyperlink is not None


def merged_cells(ws):
    ws["Z1"], ws["AA1"] = "Ghi chú của Ban Chấp hành", None
    ws.merge_cells("Z1:AA1")
    return lambda ws: "Z1:AA1" in {str(r) for r in ws.merged_cells.ranges}


def cells_below_the_table(ws):
    # outside the table's columns: in them, the reader would take it for a data row
    ws.cell(row=400, column=26, value="Người lập bảng: Phí Xuân Trường")
    return lambda ws: ws.cell(row=400, column=26).value == "Người lập bảng: Phí Xuân Trường"


@pytest.mark.parametrize("trigger", [hyperlink, merged_cells, cells_below_the_table])
def test_trigger_sends_the_write_to_openpyxl_and_nothing_is_lost(batch, tmp_path, trigger):
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(batch / MASTER, plain / MASTER)
    expected = consolidate(plain / MASTER, [batch / RETURNED])
    assert expected.writer == "zip"

    wb = load_workbook(batch / MASTER)
    survived = trigger(wb[REGISTRATIONS])
    wb.save(batch / MASTER)
    result = consolidate(batch / MASTER, [batch / RETURNED])

    assert result.written and result.writer == "openpyxl"
    assert result.groups == expected.groups
    for key in ("dang_ky", "cong_trinh", "ket_qua", "tin_bai"):
        assert rows_of(batch / MASTER, key) == rows_of(plain / MASTER, key), key
    assert survived(load_workbook(batch / MASTER)[REGISTRATIONS])
