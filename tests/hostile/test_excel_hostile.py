"""The "Gộp sổ tổ" button on a hostile batch (xlwings' remote engine): the message box tells a
file set aside from a checked copy skipped, and over-long text is kept beside the master."""

from __future__ import annotations

import xlsources.macros as macros
from tests.excel_entry.payload import alerts, caller_book
from workbook.consolidation.long_text import LONG_TEXT_DIR
from workbook.validation.checking import check_workbooks

from . import defects


def press(batch):
    book = caller_book(batch.master)
    text = macros.consolidate(str(batch.folder), book=book)
    return text, alerts(book.json()["actions"])


def test_button_sets_aside_the_bad_file_and_skips_checked_copies(batch, monkeypatch):
    monkeypatch.chdir(batch.root)  # the remote engine knows only the master's name
    bad = batch.damage(defects.corrupt_sheet_xml)
    check_workbooks([batch.folder], batch.master)  # receipts in so-to-gui-lai/bien-nhan/
    text, shown = press(batch)
    assert shown == [(text, "info")]
    aside, skipped = text.split("Tệp để riêng (không gộp):")[1].split("Bỏ qua:")
    assert bad.name in aside and "trang 'Kết quả' bị hỏng" in aside
    assert skipped.count("-ket-qua-kiem-tra.xlsx") == 5


def test_button_keeps_over_long_text_beside_the_master(batch, monkeypatch):
    monkeypatch.chdir(batch.root)
    batch.damage(defects.cell_over_32767)
    text, _ = press(batch)
    [side] = (batch.root / LONG_TEXT_DIR).iterdir()
    assert side.read_text(encoding="utf-8") == defects.LONG_TEXT
    assert text.startswith("Đã gộp vào sổ chính đang mở: 6 sổ gộp")
