"""Legacy encodings found by the cell's font (read from the .xlsx itself) and by content."""

from __future__ import annotations

import pytest

from workbook.findings import WARNING
from workbook.reading import read_workbook
from workbook.validation import fix_text_cells, legacy_font_cells, validate_data, validate_workbook
from workbook.validation.engine import RULES

SAMPLES = [("tcvn3", ".VnTime", "C«ng ®oµn c¬ së"), ("vni", "VNI-Times", "Coâng ñoaøn cô sôû")]


def with_name(text):
    def change(rows):
        rows["ket_qua"][0]["ho_ten"] = text

    return change


@pytest.mark.parametrize("encoding,font,text", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_legacy_cell_by_font_is_converted_and_reported(books, tmp_path, encoding, font, text):
    fonts = {"ket_qua": {(0, "ho_ten"): font}}
    path = books.group_copy(tmp_path, "01", with_name(text), fonts)
    assert legacy_font_cells(path) == {"Kết quả": {"B2": font}}
    data = read_workbook(path)
    report = validate_data(data, books.master, fonts=legacy_font_cells(path))
    assert [(f.code, f.sheet, f.cell, f.severity, f.value) for f in report.findings] == [
        ("legacy-encoding", "Kết quả", "B2", WARNING, text)
    ]
    assert "Công đoàn cơ sở" in report.findings[0].message
    assert font in report.findings[0].message
    assert data.table("ket_qua")["ho_ten"].iloc[0] == "Công đoàn cơ sở"  # the frame is converted


def test_ascii_text_in_a_legacy_font_is_left_alone(books, tmp_path):
    path = books.group_copy(
        tmp_path, "01", with_name("Nguyen Van An"), {"ket_qua": {(0, "ho_ten"): ".VnTime"}}
    )
    assert validate_workbook(path, books.master).findings == []


def test_unicode_text_in_a_stale_legacy_font_is_not_converted(books, tmp_path):
    path = books.group_copy(
        tmp_path, "01", with_name("Hoàng Văn Bình"), {"ket_qua": {(0, "ho_ten"): ".VnTime"}}
    )
    assert validate_workbook(path, books.master).findings == []


def test_conversion_is_reported_once_however_often_the_data_is_checked(books, tmp_path):
    path = books.group_copy(
        tmp_path, "01", with_name("C«ng ®oµn c¬ së"), {"ket_qua": {(0, "ho_ten"): ".VnTime"}}
    )
    data = read_workbook(path)
    first = fix_text_cells(data, legacy_font_cells(path))
    assert [f.cell for f in first] == ["B2"]
    assert fix_text_cells(data, legacy_font_cells(path)) == []
    once = validate_data(data, books.master)
    assert [f.code for f in once.findings] == ["legacy-encoding"]
    assert validate_data(data, books.master).to_dict() == once.to_dict()


def test_a_rule_message_can_be_overridden(books, tmp_path):
    path = books.group_copy(tmp_path, "01", lambda rows: rows["ket_qua"][0].update(xep_loai="Tốt"))
    rules = [
        r.with_message("not-in-list", "Xếp loại '{value}' sai, chọn trong{allowed}.")
        if r.name == "field.list"
        else r
        for r in RULES
    ]
    report = validate_data(read_workbook(path), books.master, rules=rules)
    assert report.findings[0].message == (
        "Xếp loại 'Tốt' sai, chọn trong (HTXSNV; HTTNV; HTNV; KHTNV)."
    )


def test_the_quick_first_character_test_lets_through_every_text_the_pattern_could_match():
    """The formula rule runs its regular expression only on texts whose first character could
    start a match: that set must hold every such character (all white space, every sign)."""
    from workbook.validation.text_rules import FORMULA_FIRST, FORMULA_START

    starts = {chr(c) for c in range(0x110000) if FORMULA_START.match(chr(c) + "=")}
    assert starts <= FORMULA_FIRST
    assert {"=", "+", "-", "@", "\uff1d", " ", "\t", "\u3000"} <= FORMULA_FIRST
