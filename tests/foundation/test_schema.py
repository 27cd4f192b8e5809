"""The schema is consistent: one definition per sheet and column, lists that resolve."""

import unicodedata

from workbook import schema


def test_sheet_names_fit_excel_and_are_nfc():
    for name in schema.sheet_names():
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
        assert unicodedata.is_normalized("NFC", name)


def test_headers_unique_per_sheet_and_nfc():
    for sheet in schema.SHEETS.values():
        headers = [c.header for c in schema.master_columns(sheet)]
        assert len(headers) == len(set(headers)), sheet.key
        for col in schema.master_columns(sheet):
            for text in (col.header, *col.aliases, col.help):
                assert unicodedata.is_normalized("NFC", text)


def test_table_names_unique():
    tables = [s.table for s in schema.SHEETS.values() if s.table]
    assert len(tables) == len(set(tables))


def test_every_dropdown_resolves_to_a_table_column():
    for sheet in schema.SHEETS.values():
        for col in sheet.columns:
            if col.choices:
                lst = schema.LISTS[col.choices]
                assert lst.column in schema.SHEETS[lst.sheet].keys


def test_fixed_lists_have_their_tables():
    list_keys = {t.key for t in schema.LIST_TABLES}
    assert set(schema.FIXED_LIST_VALUES) <= list_keys
