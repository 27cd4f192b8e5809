"""Splitting a sheet's rows into the cells openpyxl loads and the ones set aside, and putting
them back together (workbook/partial_rows.py), on the row spellings the writers produce."""

from __future__ import annotations

import pytest

from workbook.partial_rows import merge_sheet, row_cells, split_sheet
from workbook.sheet_xml import Unsupported

BODY = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>M\xc3\xa3</t></is></c><c r="B1"/></row>'
    b'<row r="2" spans="1:3" x14ac:dyDescent="0.25"><c r="A2" s="3"><v>1</v></c>'
    b'<c r="B2" s="9" t="inlineStr"><is><r><rPr><color rgb="FF0000"/></rPr><t>x</t></r></is></c>'
    b'<c r="C2" s="3"><v>3</v></c></row>'
    b'<row r="3" ht="20" customHeight="1"/>'
    b'<row r="4"><c r="A4" s="3"><v>4</v></c></row>'
)


def test_a_row_is_its_start_tag_and_its_cells_by_column():
    tag, cells = row_cells(BODY[BODY.index(b'<row r="2"') : BODY.index(b'<row r="3"')])
    assert tag == b'<row r="2" spans="1:3" x14ac:dyDescent="0.25">'
    assert [c for c, _ in cells] == [1, 2, 3]
    assert cells[1][1].startswith(b'<c r="B2" s="9"') and cells[1][1].endswith(b"</c>")
    assert row_cells(b'<row r="3" ht="20"/>') == (b'<row r="3" ht="20">', [])


def test_only_the_wanted_cells_and_the_cells_in_marked_formats_are_loaded():
    loaded, aside = split_sheet(BODY, {(4, 1)}, {9})
    assert loaded == (
        b'<row r="2" spans="1:3" x14ac:dyDescent="0.25">'
        b'<c r="B2" s="9" t="inlineStr"><is><r><rPr><color rgb="FF0000"/></rPr><t>x</t></r>'
        b'</is></c></row><row r="4"><c r="A4" s="3"><v>4</v></c></row>'
    )
    assert aside is not None and sorted(aside.rows) == [1, 3]
    assert [c for c, _ in aside.cells[2]] == [1, 3] and aside.cells[4] == []


def test_rows_go_back_in_order_with_the_cells_openpyxl_wrote_between_the_others():
    _, aside = split_sheet(BODY, {(4, 1)}, {9})
    assert aside is not None
    drawn = b'<row r="2"><c r="B2" s="12"/></row><row r="4"><c r="A4" s="3"><v>4</v></c></row>'
    merged = b"".join(merge_sheet(drawn, aside))
    # B2 as openpyxl left it (its mark cleared), under the row's own tag less its spans
    assert merged == BODY.replace(
        BODY[BODY.index(b'<c r="B2"') : BODY.index(b'<c r="C2"')], b'<c r="B2" s="12"/>'
    ).replace(b' spans="1:3"', b"")


def test_a_cell_the_edit_makes_in_a_row_it_did_not_load_joins_that_row():
    _, aside = split_sheet(BODY, {(1, 3)}, set())  # C1 is not in the sheet: a mark makes it
    assert aside is not None and 1 in aside.rows
    drawn = b'<row r="1"><c r="C1" s="14"/></row>'
    merged = b"".join(merge_sheet(drawn, aside))
    assert merged == BODY.replace(b'<c r="B1"/></row>', b'<c r="B1"/><c r="C1" s="14"/></row>')


def test_nothing_to_load_leaves_the_sheet_hollowed_whole():
    assert split_sheet(BODY, set(), {42}) == (b"", None)


def test_a_cell_drawn_twice_or_a_shared_formula_to_load_is_not_handled():
    _, aside = split_sheet(BODY, {(4, 1)}, set())
    assert aside is not None
    with pytest.raises(Unsupported):
        merge_sheet(b'<row r="2"><c r="A2" s="3"/></row>', aside)
    shared = b'<row r="5"><c r="A5"><f t="shared" ref="A5:A6" si="0">1</f><v>1</v></c></row>'
    with pytest.raises(Unsupported):
        split_sheet(BODY + shared, {(5, 1)}, set())
    with pytest.raises(Unsupported):
        row_cells(b'<row r="6"><c s="3"><v>1</v></c></row>')  # a cell without its place
