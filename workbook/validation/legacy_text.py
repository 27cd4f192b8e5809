"""Text typed in the legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows): find, convert, report.

The cell's font decides first: Excel keeps such text as the Windows-1252 reading of the bytes
and draws it with a ".Vn…" or "VNI-…" font. calamine gives no fonts, so ``legacy_font_cells``
scans the .xlsx/.xlsm package itself (styles.xml fonts → cellXfs → the ``s`` attribute of each
cell, sheet XML parsed as a stream). Cells without such a font are checked by content
(``workbook.text.detect_legacy``); for .xls and .ods files content is all there is.

``fix_text_cells`` converts in place, in the frames, so every later step (validation rules,
consolidation) works on the Unicode text; each conversion becomes a ``legacy-encoding`` warning
with the cell, also appended to ``data.findings`` so the conversion is reported once however
many times the data is looked at.
"""

from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from .. import schema
from ..findings import WARNING, Finding, a1, define
from ..ooxml import MAIN_NS
from ..package_parts import sheet_parts
from ..reading import ROW, WorkbookData
from ..text import clean_text, encoding_from_font, fix_legacy
from ..values import to_text

LEGACY_ENCODING = define(
    "legacy-encoding",
    WARNING,
    "Chữ trong ô được gõ bằng bảng mã cũ {encoding} ({how}); đã tự chuyển thành '{converted}'. "
    "Hãy gõ lại bằng Unicode (phông Times New Roman) để không phải chuyển đổi nữa.",
)
ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}

MAIN = f"{{{MAIN_NS}}}"
FONT_FORMATS = (".xlsx", ".xlsm")

Fonts = dict[str, dict[str, str]]  # sheet name -> cell (A1) -> legacy font name


def fonts_readable(path: str | Path) -> bool:
    """Whether cell fonts can be read from this file (Office Open XML only)."""
    return Path(path).suffix.lower() in FONT_FORMATS


def _legacy_styles(zf: zipfile.ZipFile) -> dict[str, str]:
    """Style index (the ``s`` attribute) -> font name, for styles using a legacy font."""
    try:
        root = ET.fromstring(zf.read("xl/styles.xml"))
    except KeyError:
        return {}
    fonts = []
    for font in root.iter(f"{MAIN}font"):
        face = font.find(f"{MAIN}name")
        fonts.append(face.get("val", "") if face is not None else "")
    xfs = root.find(f"{MAIN}cellXfs")
    out: dict[str, str] = {}
    for i, xf in enumerate(xfs if xfs is not None else ()):
        font_id = int(xf.get("fontId", "0"))
        name = fonts[font_id] if font_id < len(fonts) else ""
        if encoding_from_font(name):
            out[str(i)] = name
    return out


def legacy_font_cells(path: str | Path, sheets: list[str] | None = None) -> Fonts:
    """Cells drawn with a ".Vn…" or "VNI-…" font, per sheet name ({} for .xls/.ods)."""
    path = Path(path)
    if not fonts_readable(path) or not zipfile.is_zipfile(path):
        return {}
    out: Fonts = {}
    with zipfile.ZipFile(path) as zf:
        styles = _legacy_styles(zf)
        if not styles:
            return {}
        names = set(zf.namelist())
        for name, part in sheet_parts(zf).items():
            if (sheets is not None and name not in sheets) or part not in names:
                continue
            found: dict[str, str] = {}
            with zf.open(part) as fh:
                for _, elem in ET.iterparse(fh, events=("end",)):
                    if elem.tag == f"{MAIN}c":
                        style, ref = elem.get("s"), elem.get("r")
                        if style in styles and ref:
                            found[ref] = styles[style]
                        elem.clear()
                    elif elem.tag == f"{MAIN}row":
                        elem.clear()
            if found:
                out[name] = found
    return out


@lru_cache(maxsize=100_000)
def _by_content(text: str) -> tuple[str, str | None]:
    """``fix_legacy`` by content alone, once per text across a batch's workbooks (names,
    titles and movements recur from group to group); safe to share between threads."""
    return fix_legacy(text)


def _converts(value: Any) -> bool:
    """Whether content alone converts this value (ASCII text never does)."""
    return value.__class__ is str and not value.isascii() and _by_content(value)[1] is not None


def fix_text_cells(data: WorkbookData, fonts: Fonts | None = None) -> list[Finding]:
    """Convert legacy-encoded text in the tables to Unicode; return the new warnings.

    Cells already converted (a ``legacy-encoding`` finding in ``data.findings``) are skipped,
    so calling this again does nothing.
    """
    done = {(f.sheet_key, f.row, f.column) for f in data.findings if f.code == LEGACY_ENCODING.code}
    new: list[Finding] = []
    tables = data.tables  # read a column at a time: no frame is made for this
    for key in list(tables):
        sheet = schema.SHEETS[key]
        letters = data.columns.get(key, {})
        name = data.sheet_names.get(key, sheet.name)
        sheet_fonts = (fonts or {}).get(name, {})
        rows = tables.column(key, ROW) or []
        # the row's key as read, before any of its cells is converted
        key_values = [list(v) for k in sheet.row_key if (v := tables.column(key, k)) is not None]
        for col in schema.master_columns(sheet):
            if col.type != "text" or col.key not in letters:
                continue
            letter, values = letters[col.key], tables.column(key, col.key)
            if values is None or not sheet_fonts and not any(map(_converts, set(values))):
                continue  # most columns: no distinct value converts, no cell to visit
            for i, value in enumerate(values):
                if not isinstance(value, str) or (not sheet_fonts and value.isascii()):
                    continue
                # the cell's address only where fonts are known (most batches: none)
                font = sheet_fonts.get(a1(letter, rows[i])) if sheet_fonts else None
                if font is None and value.isascii():
                    continue
                if font is None:
                    converted, encoding = _by_content(value)
                else:
                    converted, encoding = fix_legacy(value, font)
                if encoding is None or (key, rows[i], col.key) in done:
                    continue
                cell = a1(letter, rows[i])
                converted = clean_text(converted) or ""
                tables.set_value(key, i, col.key, converted)
                new.append(
                    LEGACY_ENCODING.at(
                        file=data.file,
                        sheet=name,
                        cell=cell,
                        sheet_key=key,
                        row=rows[i],
                        column=col.key,
                        value=value,
                        converted=converted,
                        row_key=" / ".join(str(to_text(v[i]) or "") for v in key_values),
                        encoding=ENCODING_NAMES[encoding],
                        how=f"phông {font}" if font else "nhận ra theo nội dung",
                    )
                )
    data.findings.extend(new)
    return new
