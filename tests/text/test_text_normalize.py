"""clean_text, looks_like_formula, ascii_fold, slug_filename."""

import unicodedata

import pytest

from workbook.text import ascii_fold, clean_text, looks_like_formula, slug_filename
from workbook.text._tables import VIETNAMESE_LETTERS

# --- clean_text ---------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  Công đoàn  ", "Công đoàn"),
        ("Công\u00a0đoàn", "Công đoàn"),  # non-breaking space
        ("Tổ\t03\r\n- Kế  hoạch", "Tổ 03 - Kế hoạch"),
        ("Nguy\u200bễn", "Nguyễn"),  # zero-width space
        ("\ufeffHà Nội", "Hà Nội"),  # BOM from CSV exports
        ("", None),
        ("   \u00a0\t\n", None),
        (None, None),
        (123, "123"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_makes_nfd_equal_nfc():
    nfd = unicodedata.normalize("NFD", "Phí Xuân Trường")
    assert nfd != "Phí Xuân Trường"
    assert clean_text(nfd) == "Phí Xuân Trường"


def test_clean_text_keeps_soft_hyphen_which_is_tcvn3_u_horn():
    assert clean_text("Tr\xadêng") == "Tr\xadêng"


# --- looks_like_formula ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "=SUM(A1:A3)",
        "+1",
        "-1",
        "@SUM(A1)",
        "   =1+1",
        "\t=1",
        "\r=1",
        "\tplain",
        "\rplain",
        "\n =cmd",
        "\uff1d1",
        '=HYPERLINK("http://x","y")',
        "- Nội dung thi đua",
    ],
)
def test_formula_like_text_is_flagged(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize(
    "text",
    [
        "Công đoàn",
        "a=b",
        "email@example.com",
        "",
        "   ",
        None,
        5,
        "1-2",
        "Tổ 03",
    ],
)
def test_ordinary_text_is_not_flagged(text):
    assert not looks_like_formula(text)


# --- ascii_fold ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đoàn Thị Ánh", "Doan Thi Anh"),
        ("Phí Xuân Trường", "Phi Xuan Truong"),
        ("ĐIỂM THI ĐUA", "DIEM THI DUA"),
        ("Họ và tên", "Ho va ten"),
    ],
)
def test_ascii_fold(text, expected):
    assert ascii_fold(text) == expected


def test_ascii_fold_covers_whole_alphabet():
    folded = ascii_fold("".join(VIETNAMESE_LETTERS))
    assert folded.isascii() and folded.isalpha()
    assert set(folded) <= set("aeiouydAEIOUYD")


def test_ascii_fold_is_nfd_insensitive():
    assert ascii_fold(unicodedata.normalize("NFD", "Nguyễn")) == "Nguyen"


# --- slug_filename ------------------------------------------------------------

_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tổ 03 - Kế hoạch tổng hợp", "To-03-Ke-hoach-tong-hop"),
        ("Công đoàn cơ sở Sở KH&ĐT", "Cong-doan-co-so-So-KH-DT"),
        ('a<b>c:d"e/f\\g|h?i*j', "a-b-c-d-e-f-g-h-i-j"),
        ("Báo cáo.  ", "Bao-cao"),
        ("...", "file"),
        ("", "file"),
    ],
)
def test_slug_filename(text, expected):
    assert slug_filename(text) == expected


@pytest.mark.parametrize("name", ["con", "CON", "Prn", "aux", "NUL", "com1", "LPT9", "  Con  "])
def test_slug_avoids_reserved_device_names(name):
    slug = slug_filename(name)
    assert slug.upper() not in _RESERVED
    assert slug.lower().startswith(name.strip().lower())


def test_slug_respects_max_len_and_cuts_at_word():
    title = "Danh sách đề nghị khen thưởng tập thể và cá nhân xuất sắc năm 2023"
    slug = slug_filename(title, max_len=30)
    assert len(slug) <= 30
    assert slug == "Danh-sach-de-nghi-khen-thuong"
    assert len(slug_filename("x" * 200)) == 60


@pytest.mark.parametrize(
    "text",
    [
        "Tổ 03.",
        "Tổ 03 ",
        "CON.",
        "a" * 59 + " b",
        "Ảnh: <đẹp>?",
        "COM1 ",
        "Đ" * 100,
    ],
)
def test_slug_is_always_windows_safe(text):
    slug = slug_filename(text)
    assert slug and slug.isascii()
    assert not slug.endswith((".", " "))
    assert not _FORBIDDEN & set(slug)
    assert slug.upper() not in _RESERVED


def test_slug_rejects_nonsense_max_len():
    with pytest.raises(ValueError):
        slug_filename("x", max_len=0)
