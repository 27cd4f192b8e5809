"""Detect and convert legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows).

Before Unicode, Vietnamese text was stored as 8-bit bytes and drawn by special
fonts: ".Vn…" fonts for TCVN3 (ABC), "VNI-…" fonts for VNI-Windows.  Excel
keeps such a cell as the Windows-1252 (or latin-1) reading of those bytes, so
"Công đoàn cơ sở" arrives as "C«ng ®oµn c¬ së" (TCVN3) or
"Coâng ñoaøn cô sôû" (VNI).  This module turns it back into Unicode NFC.

Detection uses the cell's font first, the text second.  Content detection
only fires when the text could be legacy at all (every character fits in a
single byte) and converting it turns non-Vietnamese words into valid
Vietnamese syllables; text that is already valid Vietnamese is left alone.

Call ``fix_legacy`` before ``normalize.clean_text`` (see that module).
"""

from __future__ import annotations

import re
import string
import unicodedata

from ._tables import UNICODE_TO_TCVN3, UNICODE_TO_VNI
from .syllable import is_vietnamese_syllable

__all__ = [
    "LEGACY_ENCODINGS",
    "detect_legacy",
    "convert_legacy",
    "fix_legacy",
    "encode_legacy",
    "encoding_from_font",
    "is_uppercase_font",
]

LEGACY_ENCODINGS = ("tcvn3", "vni")


def _byte_views(code: int) -> list[str]:
    """The characters under which a byte may reach us: latin-1 and, for
    0x80-0x9F, the Windows-1252 reading Excel uses on Windows."""
    views = [chr(code)]
    if 0x80 <= code <= 0x9F:
        try:
            views.append(bytes([code]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D are unassigned
            pass
    return views


# cp1252 characters that are NOT latin-1 (the 0x80-0x9F replacements).
_CP1252_EXTRA = frozenset(v for b in range(0x80, 0xA0) for v in _byte_views(b)[1:])

_TCVN3_DECODE: dict[str, str] = {
    view: letter for letter, code in UNICODE_TO_TCVN3.items() for view in _byte_views(code)
}

# Typographic punctuation that shares a byte with a TCVN3 capital (“ = Ỏ,
# – = Ọ, … = Ặ, …).  These are real punctuation far more often, so they are
# read as letters only in a capitalised word: right after an upper-case letter,
# and a closing quote is not a letter while its opening quote is still open.
_TCVN3_AMBIGUOUS = frozenset("‘’“”•–—…")
_OPENING = {"“": "”", "‘": "’"}
_CLOSING = frozenset(_OPENING.values())

_VNI_DECODE: dict[str, str] = {}
for _letter, _seq in UNICODE_TO_VNI.items():
    _VNI_DECODE[_seq] = _letter
    if len(_seq) == 2:
        # Accept a mark byte of either case after the base letter; the base
        # letter decides the case of the result.
        _VNI_DECODE.setdefault(_seq[0] + _seq[1].swapcase(), _letter)


def _decode_tcvn3(text: str) -> str:
    out: list[str] = []
    open_quotes: list[str] = []
    for i, ch in enumerate(text):
        letter = _TCVN3_DECODE.get(ch)
        if letter is not None and ch in _TCVN3_AMBIGUOUS:
            prev = out[-1] if out else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            as_letter = prev.isalpha() and prev.isupper()
            if ch in _CLOSING and open_quotes:
                as_letter = False
            if ch == "…" and not nxt.isalpha():  # ặ never ends a syllable
                as_letter = False
            if not as_letter:
                if ch in _OPENING:
                    open_quotes.append(ch)
                elif ch in _CLOSING and open_quotes:
                    open_quotes.pop()
                letter = ch
        out.append(letter if letter is not None else ch)
    return "".join(out)


def _decode_vni(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
            continue
        out.append(_VNI_DECODE.get(text[i], text[i]))
        i += 1
    return "".join(out)


def convert_legacy(text: str, encoding: str, *, uppercase: bool = False) -> str:
    """Convert legacy-encoded ``text`` to Unicode NFC.

    ``encoding`` is "tcvn3" or "vni".  ``uppercase=True`` is for ".Vn…H"
    fonts, which draw capitals for the lower-case codes: the result is
    upper-cased so it matches what the user saw on screen.
    """
    if encoding == "tcvn3":
        result = _decode_tcvn3(text)
    elif encoding == "vni":
        result = _decode_vni(text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; use one of {LEGACY_ENCODINGS}")
    if uppercase:
        result = result.upper()
    return unicodedata.normalize("NFC", result)


def encode_legacy(text: str, encoding: str, *, view: str = "cp1252") -> str:
    """Inverse of ``convert_legacy``: Unicode → the string Excel would hold.

    ``view`` "cp1252" renders bytes 0x80-0x9F as Windows-1252 characters
    (what Excel on Windows stores); "latin-1" keeps them as U+0080-U+009F.
    Characters outside the Vietnamese alphabet are left as they are.
    Mainly for tests and for building sample files.
    """
    if view not in ("cp1252", "latin-1"):
        raise ValueError("view must be 'cp1252' or 'latin-1'")
    text = unicodedata.normalize("NFC", text)
    if encoding == "vni":
        return "".join(UNICODE_TO_VNI.get(c, c) for c in text)
    if encoding != "tcvn3":
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    out = []
    for c in text:
        code = UNICODE_TO_TCVN3.get(c)
        if code is None:
            out.append(c)
        else:
            views = _byte_views(code)
            out.append(views[-1] if view == "cp1252" else views[0])
    return "".join(out)


def encoding_from_font(font_name: str | None) -> str | None:
    """ "tcvn3" for ".Vn…" fonts, "vni" for "VNI-…" fonts (case-insensitive)."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith(("vni-", "vni ")):
        return "vni"
    return None


def is_uppercase_font(font_name: str | None) -> bool:
    """True for the TCVN3 capitals fonts (".VnTimeH", ".VnArialH", …)."""
    if not font_name or encoding_from_font(font_name) != "tcvn3":
        return False
    return font_name.strip().endswith("H")


# Legacy text is single bytes: any character beyond latin-1 and the cp1252 extras (e.g. "ư"
# U+01B0, "ạ" U+1EA1) proves it is real Unicode. A character class finds one at C speed: most
# cells of a group workbook are Unicode text, checked by the thousand.
_BEYOND_SINGLE_BYTES = re.compile(
    "[^\x00-\xff" + "".join(re.escape(c) for c in sorted(_CP1252_EXTRA)) + "]"
)


def _is_legacy_representable(text: str) -> bool:
    return _BEYOND_SINGLE_BYTES.search(text) is None


# Converted text is split on typographic punctuation too; the legacy original
# only on ASCII punctuation (after trimming typographic marks at its ends),
# because inside a word “ – … may be TCVN3 capitals ("N—I" = "NỘI").
_PART_SPLIT = re.compile(r"[\W_]+")
_TYPOGRAPHIC = "".join(sorted(_TCVN3_AMBIGUOUS))
# Control characters separate words too: "Minh\x01Khánh" is two valid words, not one
# unknown word that a conversion would "repair" into "MinhKhỏnh".
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_LEGACY_PART_SPLIT = re.compile(f"[{re.escape(string.punctuation)}{_CONTROLS}]+")
_WORD_SPLIT = re.compile(f"[\\s{_CONTROLS}]+")


def _part_valid(part: str) -> bool:
    if part.isascii() or is_vietnamese_syllable(part):
        return True
    # Upper-case abbreviations whose only non-ASCII letter is Đ: "CĐCS", "HĐND".
    return part.isupper() and set(part) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ") == set()


def _parts_valid(token: str, splitter: re.Pattern = _PART_SPLIT) -> bool:
    return all(_part_valid(part) for part in splitter.split(token) if part)


def _content_score(text: str, encoding: str) -> tuple[int, int]:
    """(good, bad): words a conversion repairs vs. words it breaks."""
    good = bad = 0
    for token in _WORD_SPLIT.split(text):
        if not token:
            continue
        converted = convert_legacy(token, encoding)
        if converted == token:
            continue
        if not _parts_valid(converted):
            bad += 1
        elif (
            not _parts_valid(token.strip(_TYPOGRAPHIC), _LEGACY_PART_SPLIT)
            and sum(c.isalpha() for c in converted) >= 2
        ):
            # A lone symbol turning into a one-letter word ("×" → "ì") is
            # too weak to count.
            good += 1
        # Valid before and after ("Tó" → "Tú"): no evidence either way.
    return good, bad


def detect_legacy(text: str, font_name: str | None = None) -> str | None:
    """Return "tcvn3", "vni" or None for a cell's text and font name.

    1. Text that cannot be legacy (has a character outside single-byte
       range, such as "ư" or "ạ") → None, whatever the font says; the font is
       then stale formatting on Unicode text.
    2. A ".Vn…" / "VNI-…" font decides.
    3. Otherwise the content decides: a conversion must repair at least one
       word into a valid Vietnamese syllable and break at most half as many as
       it repairs; the better net score wins, VNI on a tie. Words are split at
       spaces and control characters, and a word already valid Vietnamese is
       no evidence: text that reads as valid Unicode is never rewritten.

    Limits: a word valid both ways ("Tó" = TCVN3 "Tú") needs the font; a
    lone foreign word that happens to be VNI for a real syllable ("Loïc" →
    "Lọc") is flagged, so callers should show each conversion to the user.
    """
    if not isinstance(text, str) or not text or not _is_legacy_representable(text):
        return None
    by_font = encoding_from_font(font_name)
    if by_font:
        return by_font
    if text.isascii():
        return None
    scores = {}
    for encoding in LEGACY_ENCODINGS:
        good, bad = _content_score(text, encoding)
        if good and bad * 2 <= good:
            scores[encoding] = good - bad
    if not scores:
        return None
    # On a tie prefer VNI: TCVN3 maps every high byte to some letter, so a
    # chance fit is likelier there, while VNI needs exact base+mark pairs.
    return max(("vni", "tcvn3"), key=lambda enc: scores.get(enc, -1))


def fix_legacy(text: str, font_name: str | None = None) -> tuple[str, str | None]:
    """Detect and convert in one step: ``(text, encoding)``.

    ``encoding`` is reported only when the text actually changed, so callers
    can warn "converted from TCVN3 at B7" without noise from plain-ASCII cells
    that merely use a legacy font.  Non-string values are returned unchanged.
    """
    encoding = detect_legacy(text, font_name)
    if encoding is None:
        return text, None
    converted = convert_legacy(text, encoding, uppercase=is_uppercase_font(font_name))
    if converted == text:
        return text, None
    return converted, encoding
