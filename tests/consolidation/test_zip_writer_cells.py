"""The fast writer builds new rows a column at a time; each cell must be what the one-cell writer
(``cell_xml``) gives, and text with white space at its edges must come back as typed."""

from __future__ import annotations

import datetime as dt
import zipfile

from openpyxl import load_workbook

from workbook import schema
from workbook.consolidation.merge import OutRow
from workbook.consolidation.zip_package import rewrite_package
from workbook.consolidation.zip_write import SheetRewrite, _table_part, date_styles
from workbook.package_parts import sheet_parts
from workbook.sheet_xml import cell_xml, rows_xml

from .consolidation_helpers import MASTER

ODD_VALUES = [
    "",
    None,
    "Thư & tin <số 3>",
    "dòng một\r\ndòng hai",
    " thụt đầu",
    "thừa cuối ",
    "\x01ký tự điều khiển",
    "\ufffe",
    0,
    3,
    3.5,
    float("nan"),
    True,
    dt.date(2024, 1, 2),
    dt.datetime(2024, 1, 2, 6, 30),
    "Nguyễn Thị Hồng Nhung",
]


def test_rows_spelled_a_column_at_a_time_are_the_cells_cell_xml_writes(batch):
    sheet = schema.sheet("dang_ky")
    with zipfile.ZipFile(batch / MASTER) as z:
        part = sheet_parts(z)[sheet.name]
        rewrite = SheetRewrite(
            sheet, z.read(part), z.read(_table_part(z, part, sheet.table)), date_styles(z)
        )
    numbers = list(range(2, 2 + len(ODD_VALUES)))
    for j, col in enumerate(rewrite.columns):
        letter = chr(ord("A") + rewrite.min_col - 1 + j).encode()
        expected = [
            cell_xml(b"%s%d" % (letter, n), rewrite.styles[j], v, rewrite.epoch)
            for n, v in zip(numbers, ODD_VALUES)
        ]
        style = rewrite.styles[j].decode()
        rows = rows_xml(numbers, [letter.decode()], [style], [ODD_VALUES], rewrite.epoch)
        assert rows == [b'<row r="%d">%s</row>' % (n, c) for n, c in zip(numbers, expected)], col


def test_text_with_spaces_at_its_edges_comes_back_as_written(batch, tmp_path):
    # The reader trims what groups type; text the master gets from elsewhere keeps its edges.
    sheet = schema.sheet("tin_bai")
    titles = [" Tin đầu có dấu cách", "Tin cuối có dấu cách ", "Tin\tcó tab", "Tin\r\n", "Tin"]
    target = tmp_path / "ghi.xlsx"
    rows = [OutRow({"ma_tin": f"T{i}", "tieu_de": t}, None) for i, t in enumerate(titles)]

    rewrite_package(batch / MASTER, target, {"tin_bai": rows}, [])

    ws = load_workbook(target)[sheet.name]
    header = next(c.header for c in sheet.columns if c.key == "tieu_de")
    column = next(c.column for c in ws[1] if c.value == header)
    assert [ws.cell(r, column).value for r in range(2, 2 + len(titles))] == titles


def test_only_text_with_edges_to_keep_says_so():
    # Excel trims the edges of text not marked xml:space="preserve".
    marked = b' xml:space="preserve"'
    assert marked in cell_xml(b"A2", b"0", " thụt đầu")
    assert marked in cell_xml(b"A2", b"0", "thừa cuối\r")
    assert marked in cell_xml(b"A2", b"0", "\x01điều khiển")  # written as a space
    assert marked not in cell_xml(b"A2", b"0", "Nguyễn Văn An")
