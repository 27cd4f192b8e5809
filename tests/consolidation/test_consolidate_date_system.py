"""A master kept in the 1904 date system (made or last saved by old Mac Excel) receives the
groups' dates as the same days, whichever writer consolidates it."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from openpyxl import load_workbook

from workbook import schema
from workbook.consolidation import consolidate
from workbook.excel_dates import MAC_1904

from .consolidation_helpers import MASTER, RETURNED, rows_of

DATED = [
    s.key for s in schema.DATA_SHEETS if any(c.type in ("date", "datetime") for c in s.columns)
]


@pytest.mark.parametrize("fast", [True, False], ids=["zip-writer", "openpyxl-writer"])
def test_a_1904_master_gets_the_same_days_as_a_1900_master(batch, tmp_path, fast):
    mac = tmp_path / "so-thi-dua-1904.xlsx"
    shutil.copy(batch / MASTER, mac)
    wb = load_workbook(mac)
    wb.epoch = MAC_1904
    wb.save(mac)
    with zipfile.ZipFile(mac) as zf:
        assert b'date1904="1"' in zf.read("xl/workbook.xml")
    a = consolidate(batch / MASTER, [batch / RETURNED], fast=fast)
    b = consolidate(mac, [batch / RETURNED], fast=fast)
    assert a.writer == b.writer == ("zip" if fast else "openpyxl")
    assert DATED
    for key in DATED:
        assert rows_of(mac, key) == rows_of(batch / MASTER, key)
