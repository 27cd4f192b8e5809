"""Text clean-up helpers shared by every reader and writer.

* ``clean_text`` — the one normalisation applied to every text cell on read
  (``keep_lines=True`` for free text: the line breaks and tabs a person typed stay).
* ``control_characters`` — the control characters of a value (XML cannot hold them); the
  reader decides what they are (a TCVN3 capital letter, or junk that hid a space).
* ``looks_like_formula`` — untrusted text that Excel (or a CSV consumer) would
  turn into a formula; callers must store such values as text, never as a formula.
* ``ascii_fold`` / ``slug_filename`` — diacritic-free forms for fuzzy header
  matching and for file names that survive Windows, zip tools and e-mail.

Order matters when reading legacy-font cells: run ``legacy.fix_legacy`` *before*
``clean_text``.  TCVN3 text viewed through latin-1 can contain U+0085 ("Ặ"),
which Python counts as whitespace and ``clean_text`` would collapse.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "clean_text",
    "control_characters",
    "looks_like_formula",
    "ascii_fold",
    "slug_filename",
    "INVISIBLE_CHARACTERS",
]

# Invisible characters that sneak in from Word/web copy-paste and break
# equality tests.  The soft hyphen (U+00AD) is deliberately NOT here: in a
# TCVN3 string it is the letter "ư".
INVISIBLE_CHARACTERS = "\u200b\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS))
_HAS_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]").search

# C0 control characters other than tab, line feed and carriage return: XML 1.0 cannot hold
# them, Excel shows nothing for them, and between two words they hide the space the person
# meant ("Hoàng\x01Thị"). C1 controls (U+0080-U+009F) are NOT here: in TCVN3 text seen
# through latin-1 they are letters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Runs of spaces other than the line breaks and tabs of free text.
_SPACES = re.compile(r"[^\S\t\n\r]+")


def control_characters(text: str) -> list[str]:
    """The control characters in ``text``, as ``\\x01``-style escapes, in order of appearance."""
    return [f"\\x{ord(c):02x}" for c in CONTROL.findall(text)]


def clean_text(value: object, *, keep_lines: bool = False) -> str | None:
    """Return ``value`` as tidy NFC text, or ``None`` when nothing is left.

    Rules (kept deliberately simple):
    - ``None`` stays ``None``; any other non-string is passed through ``str()``.
    - Unicode NFC (so "Đức" typed on a Mac equals "Đức" typed on Windows).
    - Zero-width space, word joiner and BOM are removed.
    - Control characters are left alone: in TCVN3 text some are capital
      letters (0x01 is "Ú"), so the reader decides about them.
    - Every run of whitespace — spaces, non-breaking spaces, tabs, newlines,
      any other Unicode space — becomes one ordinary space; ends are stripped.
      With ``keep_lines`` (free text: notes, commitments, titles) tabs and line
      breaks stay exactly as typed and only runs of other spaces become one.
    - An empty result becomes ``None``.
    """
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    text = unicodedata.normalize("NFC", text)
    if _HAS_INVISIBLE(text):  # a search is ten times cheaper than translate on most text
        text = text.translate(_INVISIBLE)
    if keep_lines and ("\n" in text or "\t" in text or "\r" in text):
        text = _SPACES.sub(" ", text).strip()
    else:
        text = " ".join(text.split())
    return text or None


# '=', '+', '-', '@' start a formula in Excel; full-width forms are accepted by
# Excel with East-Asian input methods, so treat them the same.
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")


def looks_like_formula(text: object) -> bool:
    """True when ``text`` would be interpreted as a formula if written as-is.

    Covers the CSV-injection cases too: a value that starts with a tab or a
    carriage return is flagged on its own, and leading whitespace is skipped
    before looking for ``= + - @``.  A legitimate "-5" or "- Nội dung" is also
    flagged: the answer means "write this as a string", not "reject it".
    """
    if not isinstance(text, str) or not text:
        return False
    if text[0] in "\t\r":
        return True
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in _FORMULA_START


# đ/Đ have no Unicode decomposition, so NFD alone would leave them in place.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "D"})


def ascii_fold(text: str) -> str:
    """Remove Vietnamese (and other Latin) diacritics: "Đoàn Thị Ánh" → "Doan Thi Anh".

    Only combining marks are removed; letters without a decomposition other
    than đ/Đ (e.g. "ß", "ø") are left untouched, so the result is not
    guaranteed to be pure ASCII.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


# Only ASCII letters/digits survive slugging, so the ASCII device names suffice.
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{dev}{n}" for dev in ("COM", "LPT") for n in "0123456789"]
)
_NOT_SAFE = re.compile(r"[^A-Za-z0-9_]+")


def slug_filename(text: str, max_len: int = 60, default: str = "file") -> str:
    """A readable, Windows-safe file *stem* (no extension) built from ``text``.

    "Tổ 03 - Kế hoạch tổng hợp" → "To-03-Ke-hoach-tong-hop".
    Diacritics are folded, every run of other characters (spaces, dots,
    ``<>:"/\\|?*``, non-Latin letters) becomes a single "-", and the result is
    trimmed to ``max_len`` characters, preferring to cut at a "-".  Device
    names such as CON or COM1 get a trailing "_" so Windows accepts them.
    Add the extension yourself: ``slug_filename(name) + ".xlsx"``.
    """
    if max_len < 1:
        raise ValueError("max_len must be at least 1")
    slug = _NOT_SAFE.sub("-", ascii_fold(text or "")).strip("-_")
    if len(slug) > max_len:
        cut = slug[:max_len]
        # Cut at the last separator if that keeps at least half the budget,
        # so names do not end mid-word.
        dash = cut.rfind("-")
        slug = (cut[:dash] if dash >= max_len // 2 else cut).strip("-_")
    if not slug:
        slug = default
    if slug.upper() in _RESERVED:
        slug = slug[: max_len - 1] + "_" if max_len > 1 else "_"
    return slug
