"""Control characters and typed line breaks: what the reader keeps, what it turns into a space,
and why a control character never makes valid Unicode look like a legacy encoding."""

import pytest

from workbook.cell_checks import without_controls
from workbook.text import clean_text, control_characters, detect_legacy, fix_legacy
from workbook.values import is_blank


@pytest.mark.parametrize(
    "text",
    [
        "Vi Minh\x01Khánh",  # a Unicode name with junk inside: "Khánh" is already valid
        "Vi Minh\x08Khánh",  # was "converted" from TCVN3 into "Vi Minh\x08Khỏnh"
        "Vi Minh\x00Khánh",
        "Phạm Thị\x07Ánh",
        "Lò Văn\x0eThái",
        "Khánh\x01",
    ],
)
def test_control_character_never_makes_unicode_look_legacy(text):
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (text, None)


def test_tcvn3_capitals_in_control_positions_are_still_converted():
    assert fix_legacy("\x16 kiÕn cña tæ") == ("Ý kiến của tổ", "tcvn3")


def test_reader_turns_junk_control_characters_into_spaces():
    assert without_controls("Vi Minh\x01Khánh") == ("Vi Minh Khánh", ["\\x01"])
    assert without_controls("Hoàng\x00Thị\x07") == ("Hoàng Thị ", ["\\x00", "\\x07"])
    assert without_controls("Không có gì") == ("Không có gì", [])


def test_reader_keeps_tcvn3_capitals_for_the_legacy_conversion():
    text = "\x16 kiÕn cña tæ"
    assert without_controls(text) == (text, [])


def test_control_characters_are_listed_as_escapes():
    assert control_characters("a\x01b\x1fc\td\ne") == ["\\x01", "\\x1f"]


def test_free_text_keeps_line_breaks_and_tabs():
    typed = "Dòng một\nDòng hai\tcột ba\r\nDòng  ba "
    assert clean_text(typed, keep_lines=True) == "Dòng một\nDòng hai\tcột ba\r\nDòng ba"
    assert clean_text(typed) == "Dòng một Dòng hai cột ba Dòng ba"


@pytest.mark.parametrize("value", ["\u200b", " \u200b\u200b ", "\ufeff", "\x01", "\u2060\x07"])
def test_invisible_characters_alone_are_blank(value):
    assert is_blank(value)


@pytest.mark.parametrize("value", ["\u200bA", "0", "\x01Ú"])
def test_visible_text_is_not_blank(value):
    assert not is_blank(value)
