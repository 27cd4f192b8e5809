"""Package-level repairs around openpyxl, which cannot do these itself.

* ``carry_custom_ui``: openpyxl keeps the VBA project (keep_vba) but rewrites ``_rels/.rels``
  without the ribbon's relationship, so a master saved by the library would lose its "Thi đua"
  tab. After any save over an existing workbook we copy the ``customUI/`` parts and their
  relationship back from the file being replaced.
* ``sheet_parts``: which worksheet part holds which sheet, and ``copy_package``: a package with
  some parts replaced, for every module that works on a package's parts directly (the
  consolidation's zip writer, the hollow output writer).
* ``escape_control_characters``: some software writes control characters into a sheet's XML
  (raw, or as ``&#1;``), which XML 1.0 forbids and openpyxl refuses to load. Excel's own form
  for them is the ``_x0001_`` escape; rewriting them so lets a copy of such a workbook be
  marked up, and shows the same text in Excel.

Pure zip/XML work: nothing here runs or parses VBA.
"""

from __future__ import annotations

import posixpath
import re
import time
import zipfile
from collections.abc import Mapping, Set
from contextlib import ExitStack
from pathlib import Path
from typing import Callable

from lxml import etree

from .ooxml import DOC_REL_NS, MAIN_NS, WORKBOOK_PART, WORKBOOK_RELS_PART
from .ooxml import PACKAGE_RELS_PART as RELS
from .ooxml import PKG_REL_NS as REL_NS
from .ooxml import REL_UI as UI_TYPES
from .zip_raw import Deflated, stored_bytes, write_stored


def resolve_target(source_part: str, target: str) -> str:
    """A relationship's target as a part name: absolute ("/xl/…") or relative to its source."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def sheet_parts(zin: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part name ('' for a sheet whose relationship is missing)."""
    book = etree.fromstring(zin.read(WORKBOOK_PART))
    rels = etree.fromstring(zin.read(WORKBOOK_RELS_PART))
    targets = {r.get("Id"): resolve_target(WORKBOOK_PART, r.get("Target", "")) for r in rels}
    return {
        sheet.get("name", ""): targets.get(sheet.get(f"{{{DOC_REL_NS}}}id"), "")
        for sheet in book.iter(f"{{{MAIN_NS}}}sheet")
    }


FAST_DEFLATE_BYTES = 1 << 20  # parts past this (a master's data sheets) compress at level 1


def is_binary_workbook(zin: zipfile.ZipFile) -> bool:
    """An .xlsb: its sheets are binary parts, not XML."""
    return any(n.startswith("xl/worksheets/") and n.endswith(".bin") for n in zin.namelist())


def copy_package(
    zin: zipfile.ZipFile,
    target: Path,
    replaced: Mapping[str, bytes | Deflated],
    drop: Set[str] = frozenset(),
    added: Mapping[str, bytes | Deflated] | None = None,
) -> None:
    """``zin`` into ``target`` in its order, without the parts in ``drop``, the parts in
    ``replaced`` by their new content, as XML or already deflated (``zip_raw``,
    ``sheet_segments``), and the parts in ``added`` at the end. Every other part is copied as
    the bytes it is stored as, not inflated and deflated again."""
    with ExitStack() as stack:
        source = stack.enter_context(open(zin.filename, "rb")) if zin.filename else None
        zout = stack.enter_context(zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED))
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = replaced.get(info.filename)
            out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            out.external_attr = info.external_attr
            if data is None and source is not None:  # as it is stored
                out.compress_type = info.compress_type
                raw = stored_bytes(source, info)
                write_stored(zout, out, [raw], info.file_size, info.CRC)
                continue
            if data is None:
                data = zin.read(info)
            out.compress_type = zipfile.ZIP_DEFLATED if info.compress_type else zipfile.ZIP_STORED
            if isinstance(data, Deflated):
                out.compress_type = zipfile.ZIP_DEFLATED
                write_stored(zout, out, data.chunks, data.size, data.crc)
                continue
            out.file_size = len(data)  # zipfile decides on zip64 from it
            # a part written as a stream takes its level from here
            level = 1 if out.file_size > FAST_DEFLATE_BYTES else 6
            out._compresslevel = level  # type: ignore[attr-defined]
            with zout.open(out, "w") as stream:
                stream.write(data)
        for name, data in (added or {}).items():
            if isinstance(data, Deflated):
                new = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
                new.compress_type = zipfile.ZIP_DEFLATED
                write_stored(zout, new, data.chunks, data.size, data.crc)
            else:
                zout.writestr(name, data)


def _ui_relationships(rels_xml: bytes) -> list[etree._Element]:
    root = etree.fromstring(rels_xml)
    return [r for r in root if r.get("Type") in UI_TYPES]


def carry_custom_ui(source: Path, target: Path) -> bool:
    """Copy the ribbon parts of ``source`` into ``target`` if ``target`` lost them."""
    if not (zipfile.is_zipfile(source) and zipfile.is_zipfile(target)):
        return False
    with zipfile.ZipFile(source) as src:
        if RELS not in src.namelist():
            return False
        wanted = _ui_relationships(src.read(RELS))
        if not wanted:
            return False
        parts = {n: src.read(n) for n in src.namelist() if n.lower().startswith("customui/")}
    with zipfile.ZipFile(target) as dst:
        names = dst.namelist()
        rels_xml = dst.read(RELS)
        if _ui_relationships(rels_xml):
            return False
        # lxml keeps the part's own namespace declarations: no process-wide prefix registry
        root = etree.fromstring(rels_xml)
        used = {r.get("Id") for r in root}
        for rel in wanted:
            rel_id, n = rel.get("Id", ""), 1
            while rel_id in used:
                rel_id, n = f"rIdUi{n}", n + 1
            used.add(rel_id)
            etree.SubElement(
                root,
                f"{{{REL_NS}}}Relationship",
                {"Id": rel_id, "Type": rel.get("Type", ""), "Target": rel.get("Target", "")},
            )
        new_rels = etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def write(tmp: Path) -> None:  # the other parts as stored: a master's sheets keep theirs
        with zipfile.ZipFile(target) as dst:
            added = {n: data for n, data in parts.items() if n not in names}
            copy_package(dst, tmp, {RELS: new_rels}, added=added)

    _rewrite(target, write)
    return True


def _rewrite(path: Path, write: Callable[[Path], None]) -> None:
    """Replace ``path`` in place (no backup: callers rewrite a file they are still making).
    ``write`` opens ``path`` itself: a file still open for reading cannot be replaced on
    Windows."""
    from .safe_io import atomic_write  # safe_io calls carry_custom_ui: a late import

    atomic_write(path, write, make_backup=False)


_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CHAR_REF = re.compile(rb"&#(x[0-9a-fA-F]+|[0-9]+);")
_TEXT_PARTS = re.compile(r"^xl/(worksheets/[^/]+|sharedStrings)\.xml$")


def _escape(code: int) -> bytes:
    return b"_x%04X_" % code


def _escape_part(xml: bytes) -> bytes:
    def char_ref(m: re.Match) -> bytes:
        text = m.group(1).decode()
        code = int(text[1:], 16) if text[0] in "xX" else int(text)
        return _escape(code) if code < 0x20 and code not in (0x9, 0xA, 0xD) else m.group(0)

    xml = _RAW_CONTROL.sub(lambda m: _escape(m.group(0)[0]), xml)
    return _CHAR_REF.sub(char_ref, xml)


def escape_control_characters(path: Path) -> bool:
    """Rewrite control characters in the sheets' and shared strings' XML of ``path`` as Excel's
    ``_xHHHH_`` escapes, in place; returns whether anything changed."""
    if not zipfile.is_zipfile(path):
        return False
    changed: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if _TEXT_PARTS.match(name):
                xml = zf.read(name)
                fixed = _escape_part(xml)
                if fixed != xml:
                    changed[name] = fixed
    if not changed:
        return False

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(path) as zf, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            for info in zf.infolist():
                out.writestr(info, changed.get(info.filename, zf.read(info)))

    _rewrite(path, write)
    return True
