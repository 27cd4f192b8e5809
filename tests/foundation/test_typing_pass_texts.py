"""Vietnamese text is typed once across the workbooks of a batch: a text met again, in a text or
a code column, in another workbook, or after the shared table was emptied, types the same."""

from __future__ import annotations

import unicodedata

import pytest

from workbook import typing_pass
from workbook.typing_pass import type_column
from workbook.values import to_text

TEXTS = [
    "Lao động giỏi – Lao động sáng tạo",
    unicodedata.normalize("NFD", "Hoàng Thị Lan"),  # typed on a Mac
    "  Đợt   1 ",
    "dòng một\ndòng\thai",
    "\u200b",  # an invisible character alone: blank
    "Nguyễn\u00a0Văn An",
]


@pytest.mark.parametrize("limit", [100_000, 2], ids=["kept", "emptied-when-full"])
def test_texts_met_again_type_the_same(monkeypatch, limit):
    monkeypatch.setattr(typing_pass, "_TYPED_TEXTS", ({}, {}))
    monkeypatch.setattr(typing_pass, "_TYPED_TEXTS_MAX", limit)
    for column_type, keep_lines in (("text", True), ("code", False), ("text", True)):
        expected = [to_text(v, keep_lines=keep_lines) for v in TEXTS]
        for _ in range(2):  # a second workbook with the same texts
            typed, odd = type_column(list(TEXTS), column_type, 0)
            assert (typed, odd) == (expected, [])
    assert len(typing_pass._TYPED_TEXTS[True]) <= max(limit, 1)
