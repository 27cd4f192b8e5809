"""TCVN3 / VNI conversion: known samples, tables, round trips, fonts."""

from pathlib import Path

import pytest

from workbook.text import (
    convert_legacy,
    detect_legacy,
    encode_legacy,
    encoding_from_font,
    fix_legacy,
    is_uppercase_font,
)
from workbook.text._tables import UNICODE_TO_TCVN3, UNICODE_TO_VNI, VIETNAMESE_LETTERS

SEED = Path(__file__).with_name("data") / "ke_hoach_45.txt"


# --- known samples ------------------------------------------------------------


@pytest.mark.parametrize(
    "legacy, unicode",
    [
        ("C«ng ®oµn c¬ së", "Công đoàn cơ sở"),
        ("KÕ ho¹ch", "Kế hoạch"),
        ("Kª ho¹ch", "Kê hoạch"),  # ª is ê (0xAA); "Kế" needs Õ (0xD5)
        ("Tr\xadêng", "Trường"),  # ư is 0xAD, the latin-1 soft hyphen
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\xadêng Kh\xad¬ng", "Mường Khương"),
        ("§¹i héi C«ng ®oµn c¸c cÊp", "Đại hội Công đoàn các cấp"),
        ("Phong trµo thi ®ua", "Phong trào thi đua"),
    ],
)
def test_tcvn3_samples(legacy, unicode):
    assert convert_legacy(legacy, "tcvn3") == unicode
    assert fix_legacy(legacy, ".VnTime") == (unicode, "tcvn3")


@pytest.mark.parametrize(
    "legacy, unicode",
    [
        ("Coâng ñoaøn cô sôû", "Công đoàn cơ sở"),
        ("caùc", "các"),
        ("Vieät Nam", "Việt Nam"),
        ("ÑAÏI HOÄI COÂNG ÑOAØN", "ĐẠI HỘI CÔNG ĐOÀN"),
        ("Phí Xuaân Tröôøng", "Phí Xuân Trường"),
        ("Nguyeãn Thò Yeán", "Nguyễn Thị Yến"),
        ("ö ô ñ Ñ", "ư ơ đ Đ"),
    ],
)
def test_vni_samples(legacy, unicode):
    assert convert_legacy(legacy, "vni") == unicode
    assert fix_legacy(legacy, "VNI-Times") == (unicode, "vni")


def test_vni_mark_case_follows_base_letter():
    # Mixed-case typing: an upper-case mark after a lower-case base and back.
    assert convert_legacy("aÙ Aù", "vni") == "á Á"


# --- Windows-1252 view of bytes 0x80-0x9F ----------------------------------------


def test_tcvn3_capitals_in_cp1252_and_latin1_views():
    # "À" is byte 0x80: U+0080 through latin-1, "€" through cp1252.
    assert convert_legacy("\x80", "tcvn3") == "À"
    assert convert_legacy("€", "tcvn3") == "À"
    assert convert_legacy("H\x93I", "tcvn3") == "HỎI"
    assert convert_legacy("H“I", "tcvn3") == "HỎI"
    assert convert_legacy("N\x84M", "tcvn3") == convert_legacy("N„M", "tcvn3") == "NẠM"


def test_tcvn3_curly_quotes_and_dashes_stay_punctuation():
    text = "“Lao ®éng giái”, ‘Xanh’ – 2020 — 2025…"
    assert convert_legacy(text, "tcvn3") == "“Lao động giỏi”, ‘Xanh’ – 2020 — 2025…"
    # A capitalised quotation keeps its closing quote.
    assert convert_legacy("“LAO §éNG”", "tcvn3").endswith("”")


# --- tables and round trips -------------------------------------------------------


def test_tables_cover_134_letters_injectively():
    assert len(VIETNAMESE_LETTERS) == 134
    assert sum(c.islower() for c in VIETNAMESE_LETTERS) == 67
    for table in (UNICODE_TO_TCVN3, UNICODE_TO_VNI):
        assert set(table) == set(VIETNAMESE_LETTERS)
        assert len(set(table.values())) == 134


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("view", ["latin-1", "cp1252"])
def test_full_alphabet_round_trip(encoding, view):
    # Each letter inside a capitalised word, so ambiguous cp1252 punctuation
    # (“ = Ỏ, … = Ặ) is in the context where it stands for a letter.
    text = " ".join(f"X{c}C" for c in VIETNAMESE_LETTERS)
    legacy = encode_legacy(text, encoding, view=view)
    assert legacy != text
    assert all(ord(c) < 0x100 or view == "cp1252" for c in legacy)
    assert convert_legacy(legacy, encoding) == text


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_bare_alphabet_round_trip_latin1(encoding):
    text = " ".join(VIETNAMESE_LETTERS)
    assert convert_legacy(encode_legacy(text, encoding, view="latin-1"), encoding) == text


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_seed_plan_round_trips_and_is_detected_by_content(encoding):
    for line in SEED.read_text(encoding="utf-8").splitlines():
        legacy = encode_legacy(line, encoding)
        assert convert_legacy(legacy, encoding) == line
        if legacy != line:
            assert fix_legacy(legacy) == (line, encoding), line


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError):
        convert_legacy("abc", "viscii")
    with pytest.raises(ValueError):
        encode_legacy("abc", "tcvn3", view="utf-8")


# --- fonts --------------------------------------------------------------------


@pytest.mark.parametrize(
    "font, expected",
    [
        (".VnTime", "tcvn3"),
        (".VnTimeH", "tcvn3"),
        (".vnarial", "tcvn3"),
        ("VNI-Times", "vni"),
        ("vni-helve", "vni"),
        ("Times New Roman", None),
        ("Arial", None),
        ("", None),
        (None, None),
    ],
)
def test_encoding_from_font(font, expected):
    assert encoding_from_font(font) == expected


def test_uppercase_font_gives_capitals():
    assert is_uppercase_font(".VnTimeH") and is_uppercase_font(".VnArialH ")
    assert not is_uppercase_font(".VnTime") and not is_uppercase_font("VNI-Times")
    assert fix_legacy("c«ng ®oµn c¬ së", ".VnTimeH") == ("CÔNG ĐOÀN CƠ SỞ", "tcvn3")


def test_font_decides_even_when_content_is_ambiguous():
    # "Tó" is valid Unicode Vietnamese and valid TCVN3 ("Tú"): only the font can tell.
    assert detect_legacy("Tó") is None
    assert fix_legacy("Tó", ".VnTime") == ("Tú", "tcvn3")


def test_stale_legacy_font_on_unicode_text_is_ignored():
    assert detect_legacy("Phí Xuân Trường", ".VnTime") is None
    assert fix_legacy("Công đoàn cơ sở", "VNI-Times") == ("Công đoàn cơ sở", None)


def test_plain_ascii_in_legacy_font_reports_no_change():
    assert fix_legacy("Nguyen Van A", ".VnTime") == ("Nguyen Van A", None)
    assert fix_legacy("2023", "VNI-Times") == ("2023", None)
