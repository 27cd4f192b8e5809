"""Vietnamese letter and syllable analysis.

Used by ``legacy`` (does a conversion produce real Vietnamese?) and by
``collation`` (split a letter into base letter + tone).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ._tables import TONE_MARKS

__all__ = [
    "split_letter",
    "is_vietnamese_syllable",
    "TONE_NONE",
    "TONE_SAC",
    "TONE_HUYEN",
    "TONE_HOI",
    "TONE_NGA",
    "TONE_NANG",
]

# Tone indices follow the table row order: plain, sắc, huyền, hỏi, ngã, nặng.
TONE_NONE, TONE_SAC, TONE_HUYEN, TONE_HOI, TONE_NGA, TONE_NANG = range(6)
_MARK_TO_TONE = {mark: i for i, mark in enumerate(TONE_MARKS) if mark}

_VOWELS = frozenset("aăâeêioôơuưy")


@lru_cache(maxsize=8192)
def split_letter(ch: str) -> tuple[str, int]:
    """Split one character into (base letter with its vowel modifier, tone index).

    "ấ" → ("â", TONE_SAC); "Ự" → ("Ư", TONE_NANG); "đ" → ("đ", TONE_NONE).
    Case is kept.  Works for NFC or NFD input of a single letter (an NFD
    letter must be passed as the whole base+marks sequence).
    """
    tone = TONE_NONE
    kept: list[str] = []
    for c in unicodedata.normalize("NFD", ch):
        t = _MARK_TO_TONE.get(c)
        if t is not None and tone == TONE_NONE and kept:
            tone = t
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)), tone


_ONSET = r"(?:ngh|ng|gh|gi|ch|kh|nh|ph|th|tr|qu|[bcdđghklmnprstvx])"
_CODA = r"(?:ch|ng|nh|[cmnpt])"
# Vowel nuclei (toneless) in three classes, because a final consonant is
# forbidden after a glide ("cauc" is impossible) and required after some
# nuclei ("ăn", "tiên").  Longest first so the regex tries them first.
_OPEN_ONLY = """ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu
    iêu oai oao oay oeo uây uôi uya uyu ươi ươu yêu""".split()
_NEEDS_CODA = "ă â iê yê uô ươ oă uâ uyê oo".split()
_FREE = "a e ê i o ô ơ u ư y oa oe uê uy".split()


def _alt(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


_SYLLABLE = re.compile(
    f"{_ONSET}?(?:(?:{_alt(_OPEN_ONLY)})|(?:{_alt(_NEEDS_CODA)}){_CODA}|(?:{_alt(_FREE)}){_CODA}?)"
)


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is shaped like one Vietnamese syllable.

    Checks onset + vowel nucleus + final consonant against the standard
    inventories and allows at most one tone mark, placed on a vowel.  It is a
    phonotactic check, not a dictionary: "cơng" passes, "Muñoz" and "Coâng"
    (VNI bytes read as Unicode) do not.
    """
    if not word:
        return False
    letters = []
    tones = 0
    for ch in unicodedata.normalize("NFC", word).lower():
        letter, tone = split_letter(ch)
        if tone:
            if letter not in _VOWELS:
                return False
            tones += 1
        letters.append(letter)
    return tones <= 1 and _SYLLABLE.fullmatch("".join(letters)) is not None
