"""Vietnamese alphabetical order.

Python's ``sorted`` orders by code point, so "Ánh" lands after "Bình", "Đức"
after "Em" and "Ân" before "Ăn"; lower case sorts after all capitals; NFC and
NFD spellings of one name sort apart.  Unicode's default collation (pyuca /
DUCET) treats ă/â as accent variants of a, so "Ăn" sorts before "Anh".
Vietnamese order instead treats ă, â, đ, ê, ô, ơ, ư as letters of their own:

    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y

(f j w z, used in foreign names, take their Latin places.)

Words are compared one syllable at a time, as in a dictionary: first the
letters of the syllable, ignoring case and tone; if they are equal, the tone;
only then the next syllable.  Case breaks remaining ties (lower first), then
the NFC text itself so the order is total and stable.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .syllable import TONE_HOI, TONE_HUYEN, TONE_NANG, TONE_NGA, TONE_NONE, TONE_SAC, split_letter

__all__ = ["vn_sort_key", "person_sort_key", "ALPHABET"]

ALPHABET = tuple("a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split())
_LETTER_RANK = {letter: i for i, letter in enumerate(ALPHABET)}
_FOREIGN_BASE = 1000  # letters outside the Latin/Vietnamese alphabet, by code point

# Tone order of Vietnamese dictionaries (e.g. Hoàng Phê, "Từ điển tiếng Việt"):
# ngang (no mark) < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {TONE_NONE: 0, TONE_HUYEN: 1, TONE_HOI: 2, TONE_NGA: 3, TONE_SAC: 4, TONE_NANG: 5}

# Token classes: punctuation < numbers < words, so "Tổ 2" < "Tổ 10" < "Tổ A".
_PUNCT, _NUMBER, _WORD = 0, 1, 2
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")


@lru_cache(maxsize=8192)
def _letter_key(ch: str) -> tuple[int, int]:
    """(letter rank, tone rank) of one lower-case character."""
    letter, tone = split_letter(ch)
    rank = _LETTER_RANK.get(letter)
    if rank is None:
        # Foreign accented letter (ü, ç, ø…): its base letter if it has one.
        base = unicodedata.normalize("NFD", letter)[:1]
        rank = _LETTER_RANK.get(base, _FOREIGN_BASE + ord(letter[:1] or " "))
    return rank, _TONE_RANK[tone]


@lru_cache(maxsize=1 << 16)
def _token_key(token: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(primary, tones) for one token; primary starts with the token class. Cached: names
    share their syllables (Nguyễn, Thị, Văn), and a province sorts a hundred thousand."""
    if token.isdigit():
        return (_NUMBER, int(token)), ()
    if not token[0].isalpha():
        return (_PUNCT, ord(token)), ()
    keys = [_letter_key(c) for c in token.lower()]
    return (_WORD, *(k[0] for k in keys)), tuple(k[1] for k in keys)


def vn_sort_key(text: str | None) -> tuple:
    """Sort key giving Vietnamese dictionary order; ``None`` sorts like "".

    >>> sorted(["Đức", "Em", "Dung"], key=vn_sort_key)
    ['Dung', 'Đức', 'Em']
    """
    text = unicodedata.normalize("NFC", text or "")
    tokens = _TOKEN.findall(text)
    # Per syllable: letters first, then tone, before moving to the next one.
    syllables = tuple(_token_key(t) for t in tokens)
    case = tuple(tuple(c.isupper() for c in t) for t in tokens)
    return syllables, case, text


def person_sort_key(ho_dem: str | None, ten: str | None) -> tuple:
    """Vietnamese name order: by given name (tên) first, then họ đệm.

    "Trần Văn An" comes before "Nguyễn Thị Bình" because An < Bình.
    """
    return vn_sort_key(ten), vn_sort_key(ho_dem)
