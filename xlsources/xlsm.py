"""Build the macro-enabled master workbook (.xlsm) from text sources, without Excel.

The workbook content comes from an .xlsx (written by openpyxl); this module only works
at the zip/XML level: it switches the workbook content type to macro-enabled, adds
``xl/vbaProject.bin`` (built by :mod:`xlsources.ovba` from ``xlsources/vba/*.bas`` plus
xlwings' own VBA read from the installed xlwings package, standalone mode) and the
ribbon ``customUI/customUI14.xml``, and sets the VBA code names (``ThisWorkbook``,
``Sheet1``..``SheetN``) that must match the project's document modules. Every other
part is copied unchanged.

Public API: :func:`build_xlsm`, :func:`rebuild_xlsm`, :func:`vba_modules`,
:func:`runpython_targets`, :func:`ribbon_actions`.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from importlib import resources
from pathlib import Path

from lxml import etree

from workbook.ooxml import CONTENT_TYPES_NS as NS_CT
from workbook.ooxml import (
    CONTENT_TYPES_PART,
    PACKAGE_RELS_PART,
    REL_OFFICE_DOCUMENT,
    REL_UI,
    REL_VBA,
    REL_WORKSHEET,
)
from workbook.ooxml import DOC_REL_NS as NS_R
from workbook.ooxml import MAIN_NS as NS_MAIN
from workbook.ooxml import PKG_REL_NS as NS_REL
from workbook.safe_io import atomic_write
from xlsources.ovba import VbaModule, build_vba_project, class_module_from_cls, document_module

CT_VBA = "application/vnd.ms-office.vbaProject"
_SPREADSHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CT_MACRO_MAIN = {
    f"{_SPREADSHEETML}.sheet.main+xml": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    f"{_SPREADSHEETML}.template.main+xml": (
        "application/vnd.ms-excel.template.macroEnabled.main+xml"
    ),
}
UI_PART = "customUI/customUI14.xml"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- sources
def customui_xml() -> bytes:
    """The ribbon XML as shipped in this package (UTF-8 bytes)."""
    return resources.files("xlsources").joinpath("customUI14.xml").read_bytes()


def own_bas_sources() -> dict[str, str]:
    """Our own VBA modules, ``xlsources/vba/*.bas`` (file name -> text)."""
    folder = resources.files("xlsources").joinpath("vba")
    return {
        p.name: p.read_text(encoding="ascii")
        for p in sorted(folder.iterdir(), key=lambda p: p.name)
        if p.name.endswith(".bas")
    }


def _module_from_bas(text: str) -> VbaModule:
    match = re.match(r'\s*Attribute VB_Name = "(\w+)"', text)
    if not match:
        raise ValueError("a .bas module must start with Attribute VB_Name")
    return VbaModule(match.group(1), "standard", text)


def xlwings_modules() -> list[VbaModule]:
    """xlwings' standalone VBA (module ``xlwings`` and class ``Dictionary``), read from
    the installed xlwings package, as in xlwings' own quickstart_standalone.xlsm."""
    root = resources.files("xlwings")
    bas = root.joinpath("xlwings.bas").read_bytes().decode("cp1252")
    cls = root.joinpath("addin").joinpath("Dictionary.cls").read_bytes().decode("cp1252")
    return [_module_from_bas(bas), class_module_from_cls(cls)]


def vba_modules(sheet_codenames: list[str]) -> list[VbaModule]:
    """All modules of the master's VBA project, in the order Excel lists them."""
    modules = [document_module("ThisWorkbook", "workbook")]
    modules += [document_module(name, "worksheet") for name in sheet_codenames]
    for fname, text in own_bas_sources().items():
        if not text.isascii():
            raise ValueError(f"{fname} must be ASCII-only (VBA source is code page 1252)")
        modules.append(_module_from_bas(text))
    return modules + xlwings_modules()


# --------------------------------------------------------------------------- checks used by tests
_VBA_STRING = re.compile(r'"((?:[^"\r\n]|"")*)"')
_COMMAND = re.compile(r"^import ([A-Za-z_][\w.]*) as ([A-Za-z_]\w*); \2\.([A-Za-z_]\w*)\(")


def _code_part(line: str) -> str:
    """A VBA line without its comment (an apostrophe outside a string literal)."""
    in_string = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_string = not in_string
        elif ch == "'" and not in_string:
            return line[:i]
    return line


def runpython_targets(bas_text: str) -> list[tuple[str, str]]:
    """(module, function) for every Python command literal in VBA source.

    A Python command is any string literal starting with ``import ``; each must read
    ``import <module> as <alias>; <alias>.<function>(`` or a ValueError is raised.
    """
    targets = []
    for line in bas_text.splitlines():
        for literal in _VBA_STRING.findall(_code_part(line)):
            text = literal.replace('""', '"')
            if not text.startswith("import "):
                continue
            match = _COMMAND.match(text)
            if not match:
                raise ValueError(f"unexpected Python command in VBA: {text!r}")
            targets.append((match.group(1), match.group(3)))
    return targets


def ribbon_actions(xml: bytes) -> list[str]:
    """Every onAction callback named in a customUI document, in document order."""
    root = etree.fromstring(xml)
    return [el.get("onAction") for el in root.iter() if el.get("onAction")]


# --------------------------------------------------------------------------- package editing
def _parse(data: bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(data, etree.XMLParser(remove_blank_text=False)))


_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")
DEFAULT_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _dump(tree: etree._ElementTree, original: bytes | None = None) -> bytes:
    """Serialise as UTF-8, reusing the part's original XML declaration when it had one."""
    body = etree.tostring(tree.getroot(), encoding="UTF-8", xml_declaration=False)
    match = _DECLARATION.match(original or b"")
    declaration = match.group(0) if match else DEFAULT_DECLARATION
    if re.search(rb"encoding=[\"'](?!utf-8)", declaration, re.I):
        declaration = DEFAULT_DECLARATION
    return declaration + body


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target)).lstrip("/")


def _new_rel_id(rels: etree._Element) -> str:
    used = {r.get("Id") for r in rels}
    n = 1
    while f"rId{n}" in used:
        n += 1
    return f"rId{n}"


class _Package:
    """An OPC package held in memory: part name -> bytes, in the original order."""

    def __init__(self, data: bytes):
        self.parts: dict[str, bytes] = {}
        self.dates: dict[str, tuple] = {}
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                if info.filename in self.parts:
                    raise ValueError(f"duplicate zip entry {info.filename!r}")
                self.parts[info.filename] = zf.read(info)
                self.dates[info.filename] = info.date_time
        if CONTENT_TYPES_PART not in self.parts:
            raise ValueError("not an OPC package: no [Content_Types].xml")
        self.content_types = _parse(self.parts[CONTENT_TYPES_PART])

    def xml(self, part: str) -> etree._ElementTree:
        return _parse(self.parts[part])

    def rels(self, part: str) -> etree._ElementTree:
        name = _rels_name(part) if part else PACKAGE_RELS_PART
        if name not in self.parts:
            self.parts[name] = DEFAULT_DECLARATION + f'<Relationships xmlns="{NS_REL}"/>'.encode()
        return self.xml(name)

    def save_rels(self, part: str, tree: etree._ElementTree) -> None:
        self.store(_rels_name(part) if part else PACKAGE_RELS_PART, tree)

    def store(self, part: str, tree: etree._ElementTree) -> None:
        self.parts[part] = _dump(tree, self.parts.get(part))

    def override(self, part: str, content_type: str | None) -> None:
        root = self.content_types.getroot()
        for el in root.findall(f"{{{NS_CT}}}Override"):
            if el.get("PartName") == "/" + part:
                root.remove(el)
        if content_type:
            etree.SubElement(
                root, f"{{{NS_CT}}}Override", PartName="/" + part, ContentType=content_type
            )

    def content_type(self, part: str) -> str | None:
        root = self.content_types.getroot()
        for el in root.findall(f"{{{NS_CT}}}Override"):
            if el.get("PartName") == "/" + part:
                return el.get("ContentType")
        ext = part.rsplit(".", 1)[-1].lower()
        for el in root.findall(f"{{{NS_CT}}}Default"):
            if el.get("Extension", "").lower() == ext:
                return el.get("ContentType")
        return None

    def remove_part(self, part: str) -> None:
        """Drop a part, its own relationships (recursively) and its Override."""
        rels_name = _rels_name(part)
        if rels_name in self.parts:
            for rel in self.xml(rels_name).getroot():
                if rel.get("TargetMode") != "External":
                    target = _resolve(part, rel.get("Target"))
                    if target in self.parts:
                        self.remove_part(target)
            del self.parts[rels_name]
        self.parts.pop(part, None)
        self.override(part, None)

    def set_relationship(
        self, source: str, rel_types: tuple[str, ...], target_part: str | None
    ) -> None:
        """Make ``target_part`` the only relationship of these types from ``source``."""
        tree = self.rels(source)
        root = tree.getroot()
        for rel in list(root):
            if rel.get("Type") in rel_types:
                root.remove(rel)
                # Even when the part is about to be rewritten, drop it with its own
                # relationships: e.g. a VBA signature no longer matches the new project.
                self.remove_part(_resolve(source or "/", rel.get("Target")))
        if target_part is not None:
            target = (
                posixpath.relpath(target_part, posixpath.dirname(source) or ".")
                if source
                else target_part
            )
            etree.SubElement(
                root,
                f"{{{NS_REL}}}Relationship",
                Id=_new_rel_id(root),
                Type=rel_types[0],
                Target=target,
            )
        self.save_rels(source, tree)

    def to_bytes(self) -> bytes:
        self.store(CONTENT_TYPES_PART, self.content_types)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            names = [CONTENT_TYPES_PART] + [n for n in self.parts if n != CONTENT_TYPES_PART]
            for name in names:
                info = zipfile.ZipInfo(name, self.dates.get(name, ZIP_DATE))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, self.parts[name])
        return buf.getvalue()


def _workbook_part(pkg: _Package) -> str:
    for rel in pkg.rels("").getroot():
        if rel.get("Type") == REL_OFFICE_DOCUMENT:
            return _resolve("/", rel.get("Target"))
    raise ValueError("package has no officeDocument relationship")


def _set_codenames(pkg: _Package, workbook: str) -> list[str]:
    """Set codeName on workbookPr and on each worksheet's sheetPr; return sheet code names."""
    tree = pkg.xml(workbook)
    root = tree.getroot()
    pr = root.find(f"{{{NS_MAIN}}}workbookPr")
    if pr is None:
        pr = etree.Element(f"{{{NS_MAIN}}}workbookPr")
        before = [
            i
            for i, el in enumerate(root)
            if el.tag in (f"{{{NS_MAIN}}}fileVersion", f"{{{NS_MAIN}}}fileSharing")
        ]
        root.insert(before[-1] + 1 if before else 0, pr)
    pr.set("codeName", "ThisWorkbook")
    pkg.store(workbook, tree)

    rels = {r.get("Id"): r for r in pkg.rels(workbook).getroot()}
    codenames = []
    for i, sheet in enumerate(root.iter(f"{{{NS_MAIN}}}sheet"), start=1):
        rel = rels[sheet.get(f"{{{NS_R}}}id")]
        if rel.get("Type") != REL_WORKSHEET:
            raise ValueError(f"sheet {sheet.get('name')!r} is not a worksheet; not supported")
        part = _resolve(workbook, rel.get("Target"))
        stree = pkg.xml(part)
        sroot = stree.getroot()
        spr = sroot.find(f"{{{NS_MAIN}}}sheetPr")
        if spr is None:
            spr = etree.Element(f"{{{NS_MAIN}}}sheetPr")
            sroot.insert(0, spr)
        codename = f"Sheet{i}"
        spr.set("codeName", codename)
        pkg.store(part, stree)
        codenames.append(codename)
    return codenames


def _ensure_xml_default(pkg: _Package, part: str) -> None:
    if pkg.content_type(part) is None:
        pkg.override(part, "application/xml")


def _make_macro_enabled(data: bytes) -> bytes:
    pkg = _Package(data)
    workbook = _workbook_part(pkg)
    current = pkg.content_type(workbook)
    if current in CT_MACRO_MAIN:
        pkg.override(workbook, CT_MACRO_MAIN[current])
    elif current not in CT_MACRO_MAIN.values():
        raise ValueError(f"not a workbook package (main content type {current!r})")

    codenames = _set_codenames(pkg, workbook)
    vba_part = posixpath.join(posixpath.dirname(workbook), "vbaProject.bin")
    pkg.set_relationship(workbook, (REL_VBA,), vba_part)
    pkg.parts[vba_part] = build_vba_project(vba_modules(codenames))
    pkg.override(vba_part, CT_VBA)

    pkg.set_relationship("", REL_UI, UI_PART)
    pkg.parts[UI_PART] = customui_xml()
    _ensure_xml_default(pkg, UI_PART)
    return pkg.to_bytes()


def _read(src: str | os.PathLike | bytes) -> bytes:
    return bytes(src) if isinstance(src, (bytes, bytearray)) else Path(src).read_bytes()


def _write_atomic(out_path: str | os.PathLike, data: bytes) -> Path:
    # No backup here: the callers (init, excel build) make theirs before asking for the file.
    out = Path(out_path)

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    atomic_write(out, write, make_backup=False)
    return out


def build_xlsm(xlsx_path_or_bytes: str | os.PathLike | bytes, out_path: str | os.PathLike) -> Path:
    """Turn an .xlsx (path or bytes) into the macro-enabled master at ``out_path``."""
    return _write_atomic(out_path, _make_macro_enabled(_read(xlsx_path_or_bytes)))


def rebuild_xlsm(existing_xlsm: str | os.PathLike, out_path: str | os.PathLike) -> Path:
    """Replace the VBA project and the ribbon of an existing .xlsm/.xlsx, keeping all data.

    ``out_path`` may be the same file: the new file replaces it atomically.
    """
    return _write_atomic(out_path, _make_macro_enabled(_read(existing_xlsm)))
