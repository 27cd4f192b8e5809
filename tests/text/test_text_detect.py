"""detect_legacy by content: real legacy text is found, nothing else is."""

from pathlib import Path

import pytest

from workbook.text import detect_legacy, fix_legacy, is_vietnamese_syllable

SEED = Path(__file__).with_name("data") / "ke_hoach_45.txt"
SEED_LINES = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]

UNICODE_VIETNAMESE = [
    "Công đoàn",
    "Công an",
    "Phí Xuân Trường",
    "Nguyễn Thị Ánh",
    "Lê Văn Tám",
    "Hà Nội",
    "Tô Thị Hà",
    "Trần Đức Thắng",
    "Lao động giỏi",
    "Tổ 03",
    "Ông",
    "Bà",
    "Cô",
    "Lý",
    "Hồ",
    "Tú",
    "Tó",
    "Hòa",
    "Hoà",
    "Khánh",
    "Thảo",
    "Đạt",
    "Ngô Bảo Châu",
    "Sở Kế hoạch và Đầu tư",
]
ENGLISH_AND_FOREIGN = [
    "Hello world",
    "Total score",
    "N/A",
    "2023-12-09",
    "=SUM(A1:A3)",
    "Muñoz",
    "José García",
    "Björn Müller",
    "Zoë",
    "Ñandú",
    "Françoise",
    "São Paulo",
    "Œuvre",
    "café crème",
    "naïve résumé",
    "Jürgen Klöpp",
    "Ångström",
    "Dvořák",
    "“Quoted” — text…",
    "Señor Peña",
    "Göran Persson",
    "© 2023 Công ty",
    "½ điểm",
    "10 × 20",
]


@pytest.mark.parametrize("line", SEED_LINES)
def test_seed_plan_sentences_are_not_flagged(line):
    assert detect_legacy(line) is None
    assert fix_legacy(line) == (line, None)


def test_seed_plan_single_words_are_not_flagged():
    words = {w for line in SEED_LINES for w in line.split()}
    flagged = sorted(w for w in words if detect_legacy(w) is not None)
    assert flagged == []


@pytest.mark.parametrize("text", UNICODE_VIETNAMESE + ENGLISH_AND_FOREIGN)
def test_unicode_and_foreign_text_is_not_flagged(text):
    assert detect_legacy(text) is None


@pytest.mark.parametrize("text", UNICODE_VIETNAMESE + ENGLISH_AND_FOREIGN)
def test_no_false_positive_with_an_ordinary_font(text):
    assert detect_legacy(text, "Times New Roman") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("C«ng ®oµn c¬ së", "tcvn3"),
        ("KÕ ho¹ch", "tcvn3"),
        ("Hµ", "tcvn3"),
        ("Th¶o", "tcvn3"),
        ("NguyÔn ThÞ ¸nh", "tcvn3"),
        ("§ç", "tcvn3"),
        ("“Lao ®éng giái”", "tcvn3"),
        ("Coâng ñoaøn cô sôû", "vni"),
        ("caùc", "vni"),
        ("Vieät Nam", "vni"),
        ("Nguyeãn Thò AÙnh", "vni"),
        ("Tröôøng", "vni"),
    ],
)
def test_legacy_text_is_flagged_by_content(text, expected):
    assert detect_legacy(text) == expected
    assert detect_legacy(text, "Arial") == expected


def test_syllable_check_accepts_real_syllables_and_rejects_mojibake():
    real = "người quyết khuya gì giữa hoà thuở uống ấy xoong ăn tiên Nguyễn oanh quạ".split()
    assert all(is_vietnamese_syllable(w) for w in real)
    fake = "caùc Coâng sôû C«ng Muñoz cauc ia̋ Tröôøng ma̛".split()
    assert not any(is_vietnamese_syllable(w) for w in fake)
