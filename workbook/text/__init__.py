"""Vietnamese text: NFC cleaning, legacy encodings (TCVN3, VNI), sorting, safe file names."""
from .normalize import ascii_fold, clean_text, looks_like_formula, slug_filename
