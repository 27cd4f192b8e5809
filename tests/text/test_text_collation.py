"""Vietnamese sort order; each case also shows Python's default sort is wrong."""

import random
import unicodedata

import pytest

from workbook.text import person_sort_key, vn_sort_key


def vn_sorted(items):
    return sorted(items, key=vn_sort_key)


@pytest.mark.parametrize(
    "expected",
    [
        ["Dung", "Đức", "Em"],  # d < đ < e
        ["Anh", "Ăn", "Ân", "Bình"],  # a < ă < â
        ["Oanh", "Ôn", "Ơn", "Phúc"],  # o < ô < ơ
        ["Ánh", "Bình"],
        ["an", "Bình"],  # case-insensitive
        ["Uyên", "Ưng", "Vân"],  # u < ư < v
        ["ma", "mà", "mả", "mã", "má", "mạ"],  # ngang, huyền, hỏi, ngã, sắc, nặng
    ],
)
def test_vietnamese_order_where_python_is_wrong(expected):
    shuffled = list(reversed(expected))
    assert vn_sorted(shuffled) == expected
    assert sorted(shuffled) != expected


@pytest.mark.parametrize(
    "expected",
    [
        ["Fanny", "Giang", "John", "Khánh", "Wendy", "Xuân", "Yến", "Zorro"],  # f j w z
        ["Anh", "Ánh", "Ân"],  # letters first, then tone
        ["Anh", "Anh Tuấn", "Ánh Toàn"],  # syllable by syllable, like a dictionary
        ["Tổ 2", "Tổ 10", "Tổ A"],  # numbers by value
        ["", "A"],
    ],
)
def test_other_orderings(expected):
    rng = random.Random(7)
    for _ in range(5):
        items = expected[:]
        rng.shuffle(items)
        assert vn_sorted(items) == expected


def test_nfc_and_nfd_sort_together():
    nfc = "Nguyễn Ánh"
    nfd = unicodedata.normalize("NFD", nfc)
    assert vn_sort_key(nfd) == vn_sort_key(nfc)
    items = [nfd, "Nguyễn Bình", "Nguyễn An"]
    assert [unicodedata.normalize("NFC", s) for s in vn_sorted(items)] == [
        "Nguyễn An",
        "Nguyễn Ánh",
        "Nguyễn Bình",
    ]
    # Python's sort puts the NFD spelling somewhere else entirely.
    assert sorted([nfd, "Nguyễn Bình", "Nguyễn An"])[0] != "Nguyễn An"


def test_case_only_breaks_ties():
    assert vn_sorted(["ÁNH", "ánh", "Anh"]) == ["Anh", "ánh", "ÁNH"]


def test_none_sorts_first():
    assert vn_sorted([None, "A"]) == [None, "A"]


def test_person_sort_key_orders_by_ten_then_ho_dem():
    people = [
        ("Phạm", "Đào"),
        ("Nguyễn Văn", "An"),
        ("Đỗ", "Dũng"),
        ("Trần Thị", "Ánh"),
        ("Lê", "An"),
        ("Bùi Thị", "Ân"),
    ]
    ordered = sorted(people, key=lambda p: person_sort_key(*p))
    assert ordered == [
        ("Lê", "An"),
        ("Nguyễn Văn", "An"),
        ("Trần Thị", "Ánh"),
        ("Bùi Thị", "Ân"),
        ("Đỗ", "Dũng"),
        ("Phạm", "Đào"),
    ]
    # Naive sorting on the full name gets it wrong.
    assert sorted(people, key=lambda p: f"{p[1]} {p[0]}") != ordered
