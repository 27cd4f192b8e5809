"""Character tables for the legacy Vietnamese encodings (data only).

Every table lists the 12 vowels x 6 tones plus đ, lower and upper case:
67 + 67 = 134 non-ASCII letters (the toneless a/e/i/o/u/y are plain ASCII).

Tone order used in every row: plain, sắc (acute), huyền (grave), hỏi (hook
above), ngã (tilde), nặng (dot below) — the order of the VNI keys 1..5.

Sources, cross-checked against each other: TCVN 5712:1993 as shipped in the
XFree86 / GNU libiconv "TCVN" converter and the xvnkb keyboard's TCVN and VNI
tables; samples such as "C«ng ®oµn c¬ së" = "Công đoàn cơ sở" and
"Coâng ñoaøn cô sôû" = "Công đoàn cơ sở" are checked in the tests.
"""

from __future__ import annotations

import unicodedata

# Combining marks in row order (index 0 = no tone).
TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


# --- TCVN3 (ABC, TCVN 5712 VN3 + VN1 capitals) -------------------------------
# Byte value per tone; None = the plain ASCII letter itself.
# Lower case lives in 0xA8-0xFF: this is all an ".Vn…" font needs.
_TCVN3_LOWER = {
    "a": (None, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (None, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (None, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (None, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (None, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),  # ư = 0xAD, the latin-1 soft hyphen
    "y": (None, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
# Capitals with tone marks sit in the gaps of the lower-case block, in
# 0x80-0x9F, and (Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ) in C0 control positions.
# ".Vn…H" fonts instead draw capitals for the lower-case codes.
_TCVN3_UPPER = {
    "A": (None, 0x83, 0x80, 0x81, 0x82, 0x84),
    "Ă": (0xA1, 0xC0, 0xAF, 0xBA, 0xBF, 0x85),
    "Â": (0xA2, 0xC4, 0xC1, 0xC2, 0xC3, 0x86),
    "E": (None, 0x8A, 0x87, 0x88, 0x89, 0x8B),
    "Ê": (0xA3, 0xDA, 0xC5, 0xCD, 0xD9, 0x8C),
    "I": (None, 0x90, 0x8D, 0x8E, 0x8F, 0x91),
    "O": (None, 0x95, 0x92, 0x93, 0x94, 0x96),
    "Ô": (0xA4, 0xFF, 0xDB, 0xE0, 0xF0, 0x97),
    "Ơ": (0xA5, 0x9B, 0x98, 0x99, 0x9A, 0x9C),
    "U": (None, 0x01, 0x9D, 0x9E, 0x9F, 0x02),
    "Ư": (0xA6, 0x11, 0x04, 0x05, 0x06, 0x12),
    "Y": (None, 0x16, 0x13, 0x14, 0x15, 0x17),
}
_TCVN3_D = {"đ": 0xAE, "Đ": 0xA7}


def _with_tone(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + TONE_MARKS[tone])


def _build_tcvn3() -> dict[str, int]:
    """Unicode letter -> TCVN3 byte, for the 134 non-ASCII letters."""
    table: dict[str, int] = dict(_TCVN3_D)
    for rows in (_TCVN3_LOWER, _TCVN3_UPPER):
        for base, codes in rows.items():
            for tone, code in enumerate(codes):
                if code is not None:
                    table[_with_tone(base, tone)] = code
    return table


# --- VNI-Windows --------------------------------------------------------------
# A VNI letter is an ASCII base letter followed by one "mark" byte that encodes
# both the vowel modifier and the tone; ơ, ư, đ and the toned i / ỵ are single
# bytes.  Capitals use the upper-case form of every byte ("aù" -> "AÙ").
_VNI_PLAIN_TONES = ("", "ù", "ø", "û", "õ", "ï")  # a e o u y, and ơ ư
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # â ê ô (+ tone)
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # ă (+ tone)
_VNI_LOWER = {
    "a": ("a", _VNI_PLAIN_TONES),
    "ă": ("a", _VNI_BREVE),
    "â": ("a", _VNI_CIRCUMFLEX),
    "e": ("e", _VNI_PLAIN_TONES),
    "ê": ("e", _VNI_CIRCUMFLEX),
    "o": ("o", _VNI_PLAIN_TONES),
    "ô": ("o", _VNI_CIRCUMFLEX),
    "ơ": ("ô", _VNI_PLAIN_TONES),
    "u": ("u", _VNI_PLAIN_TONES),
    "ư": ("ö", _VNI_PLAIN_TONES),
    "y": ("y", _VNI_PLAIN_TONES),
}
# i has whole-byte forms; so does ỵ (y + nặng).
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")
_VNI_SPECIAL = {"ỵ": "î", "đ": "ñ"}


def _build_vni() -> dict[str, str]:
    """Unicode letter -> VNI sequence (1 or 2 chars), for all 134 letters."""
    table: dict[str, str] = {}
    for vowel, (base, marks) in _VNI_LOWER.items():
        for tone, mark in enumerate(marks):
            table[_with_tone(vowel, tone)] = base + mark
    for tone, seq in enumerate(_VNI_I):
        table[_with_tone("i", tone)] = seq
    table.update(_VNI_SPECIAL)
    # Drop the plain ASCII vowels; keep í/ì, which VNI happens to share with latin-1.
    table = {k: v for k, v in table.items() if not k.isascii()}
    table.update({k.upper(): v.upper() for k, v in list(table.items())})
    return table


# Every non-ASCII Vietnamese letter, NFC, lower then upper case.
VIETNAMESE_LETTERS: tuple[str, ...] = tuple(sorted(_build_tcvn3(), key=lambda c: (c.isupper(), c)))

UNICODE_TO_TCVN3: dict[str, int] = _build_tcvn3()
UNICODE_TO_VNI: dict[str, str] = _build_vni()
