"""Vietnamese text handling: normalisation, legacy encodings, sorting, file names."""

from .collation import ALPHABET, person_sort_key, vn_sort_key
from .legacy import (
    LEGACY_ENCODINGS,
    convert_legacy,
    detect_legacy,
    encode_legacy,
    encoding_from_font,
    fix_legacy,
    is_uppercase_font,
)
from .normalize import (
    CONTROL,
    INVISIBLE_CHARACTERS,
    ascii_fold,
    clean_text,
    control_characters,
    looks_like_formula,
    slug_filename,
)
from .syllable import is_vietnamese_syllable

__all__ = [
    "ALPHABET",
    "LEGACY_ENCODINGS",
    "CONTROL",
    "INVISIBLE_CHARACTERS",
    "ascii_fold",
    "clean_text",
    "control_characters",
    "looks_like_formula",
    "slug_filename",
    "convert_legacy",
    "detect_legacy",
    "encode_legacy",
    "encoding_from_font",
    "fix_legacy",
    "is_uppercase_font",
    "is_vietnamese_syllable",
    "person_sort_key",
    "vn_sort_key",
]
