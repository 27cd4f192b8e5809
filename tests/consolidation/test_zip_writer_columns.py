"""The fast writer spells each column's distinct values once and joins a row's pieces by its
number; every cell must still be what the one-cell writer (``cell_xml``) gives, whatever the
column holds: repeated text, numbers that compare equal across types, -0.0 beside 0.0."""

from __future__ import annotations

import datetime as dt
import zipfile

import numpy as np
import pytest

from workbook import schema
from workbook.consolidation.merge import OutRow
from workbook.consolidation.zip_write import SheetRewrite, _table_part, date_styles
from workbook.excel_dates import MAC_1904, WINDOWS_1900
from workbook.package_parts import sheet_parts
from workbook.sheet_xml import cell_tails_utf8, cell_xml, rows_xml

from .consolidation_helpers import MASTER

DAY = dt.date(2024, 1, 2)
COLUMNS = {
    "repeated text": ["Đợt 1", "Đợt 2", "Đợt 1", None, "", "Đợt 1", "Đợt 2"],
    "text to escape": ["A & B", "<b>", "A & B", "x\r\ny", " lề", "lề ", "\x02mã", "\ufffe"],
    "codes": ["001", "001", "002", None, "001"],
    "ints": [3, 0, 3, None, -7, 10**20, 3],
    "floats": [3.5, 0.0, -0.0, float("nan"), 3.5, None, 1e-300],
    "floats without zero": [3.5, float("nan"), 3.5, None, 2.25],
    "bools": [True, False, True, None],
    "numbers mixed": [1, True, 1.0, 0, False, 0.0, -0.0, 1],
    "ints and bools": [1, True, 0, False, 1, True],
    "dates": [DAY, DAY, dt.date(1900, 3, 1), None, DAY],
    "dates and times": [DAY, dt.datetime(2024, 1, 2), dt.datetime(2024, 1, 2, 6, 30), DAY],
    "numpy": [np.int64(4), np.float64(2.5), 4, np.int64(4)],
    "everything": ["Đợt 1", 3, DAY, None, "", 2.5, True, dt.datetime(2024, 1, 2, 6, 30)],
}


@pytest.mark.parametrize("epoch", [WINDOWS_1900, MAC_1904], ids=["1900", "1904"])
@pytest.mark.parametrize("name", list(COLUMNS))
def test_each_cell_is_the_cell_cell_xml_writes(name, epoch):
    values = COLUMNS[name]
    cells = [cell_xml(b"C%d" % (n + 2), b"5", v, epoch) for n, v in enumerate(values)]
    tails = [c[len(b'<c r="C%d' % (n + 2)) :] for n, c in enumerate(cells)]
    assert cell_tails_utf8("5", values, epoch, '<c r="D') == [t + b'<c r="D' for t in tails]
    numbers = [n + 2 for n in range(len(values))]
    rows = [b'<row r="%d">%s</row>' % (n, c) for n, c in zip(numbers, cells)]
    assert rows_xml(numbers, ["C"], ["5"], [values], epoch) == rows


def _rewrite(path, key: str) -> SheetRewrite:
    sheet = schema.sheet(key)
    with zipfile.ZipFile(path) as z:
        part = sheet_parts(z)[sheet.name]
        xml, table = z.read(part), z.read(_table_part(z, part, sheet.table))
        return SheetRewrite(sheet, xml, table, date_styles(z))


def test_new_rows_are_their_cells_in_column_order(batch):
    rewrite = _rewrite(batch / MASTER, "dang_ky")
    keys = [c.key if c else None for c in rewrite.columns]
    full = {k: f"giá trị {k} & <x>" for k in keys if k}
    rows = [
        (2, OutRow(full, None)),
        (3, OutRow({"ma_dang_ky": "DK-03", "ngay_dang_ky": DAY}, None)),  # the rest blank
        (4, OutRow(full | {"ma_dang_ky": " DK-04 "}, None)),
        (5, OutRow({}, None)),
    ]
    expected = []
    for n, row in rows:
        cells = [
            cell_xml(
                b"%s%d" % (bytes([64 + rewrite.min_col + j]), n),
                rewrite.styles[j],
                (row.values or {}).get(k),
                rewrite.epoch,
            )
            for j, k in enumerate(keys)
            if k
        ]
        expected.append(b'<row r="%d">%s</row>' % (n, b"".join(cells)))
    assert rewrite._new_rows(rows) == expected
