"""A hollowed sheet's notes (cell comments) set aside with its rows and put back as stored.

``validate`` leaves a note on each cell it marks: on a provincial master, thousands of them, in a
comments part and its VML drawing. openpyxl loads every note of every sheet to save a workbook
and writes them all again, the slowest part of its save. A run that keeps a sheet's rows as they
are (``hollow``) keeps its notes as they are too: in the hollowed copy the sheet loses its
relationships to its comments and VML parts and its ``<legacyDrawing>``; once openpyxl has saved,
the two parts go back as stored, under names openpyxl did not use, with the relationships, the
element and the comments part's content type.

A sheet whose VML drawing is not a notes drawing (form controls: no comments relationship) is
left to openpyxl, as is a sheet whose cells the run edits (validation's marks change notes).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from .ooxml import CONTENT_TYPES_NS, CONTENT_TYPES_PART, DOC_REL_NS, PKG_REL_NS
from .package_parts import resolve_target
from .zip_raw import Deflated, stored_bytes

REL_COMMENTS = DOC_REL_NS + "/comments"
REL_VML = DOC_REL_NS + "/vmlDrawing"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
# What may follow <legacyDrawing> in a worksheet (CT_Worksheet's sequence).
_AFTER_LEGACY = {
    b"legacyDrawingHF",
    b"drawingHF",
    b"picture",
    b"oleObjects",
    b"controls",
    b"webPublishItems",
    b"tableParts",
    b"extLst",
}
_TAG = re.compile(
    rb"""<(/?)([A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>"""
)
LEGACY_DRAWING = re.compile(rb"<legacyDrawing\b[^>]*/>")


@dataclass(frozen=True)
class Notes:
    """A sheet's comments and VML drawing parts, as stored in the source package."""

    comments: bytes | Deflated
    vml: bytes | Deflated


def rels_part(sheet_part: str) -> str:
    folder, name = posixpath.split(sheet_part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def detach(
    zin: zipfile.ZipFile, fh: BinaryIO, sheet_part: str, sheet_xml: bytes
) -> tuple[Notes, bytes, bytes] | None:
    """The sheet's notes, its relationships without them and its XML without its
    ``<legacyDrawing>``; None if it has no notes drawing to set aside."""
    rels_name = rels_part(sheet_part)
    if rels_name not in zin.namelist():
        return None
    rels = etree.fromstring(zin.read(rels_name))
    found = [[r for r in rels if r.get("Type") == kind] for kind in (REL_COMMENTS, REL_VML)]
    drawings = LEGACY_DRAWING.findall(sheet_xml)
    if [len(f) for f in found] != [1, 1] or len(drawings) != 1:
        return None  # no notes, or not the one notes drawing Excel and openpyxl write
    (comments,), (vml,) = found
    parts = [resolve_target(sheet_part, r.get("Target", "")) for r in (comments, vml)]
    points_at = re.search(rb'\bid="%s"' % re.escape(vml.get("Id", "").encode()), drawings[0])
    if not points_at or not all(p in zin.namelist() for p in parts):
        return None
    for r in (comments, vml):
        rels.remove(r)
    notes = Notes(*(_as_stored(zin, fh, p) for p in parts))
    xml = LEGACY_DRAWING.sub(b"", sheet_xml)
    return notes, etree.tostring(rels, xml_declaration=True, encoding="UTF-8"), xml


def _as_stored(zin: zipfile.ZipFile, fh: BinaryIO, part: str) -> bytes | Deflated:
    info = zin.getinfo(part)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return zin.read(part)
    return Deflated([stored_bytes(fh, info)], info.file_size, info.CRC, [])


@dataclass
class Reattached:
    """What putting notes back changes in the saved package."""

    replaced: dict[str, bytes]  # parts rewritten: relationships, content types
    added: dict[str, bytes | Deflated]  # the notes' parts, and relationships a sheet lacked
    tails: dict[str, bytes]  # sheet part -> the <legacyDrawing> element to put in its tail


def reattach(zin: zipfile.ZipFile, notes: dict[str, Notes]) -> Reattached:
    """Put the notes of each sheet part (of the saved package) back under names unused."""
    names = set(zin.namelist())
    out = Reattached({}, {}, {})
    types = etree.fromstring(zin.read(CONTENT_TYPES_PART))
    number = 1
    for sheet_part, sheet_notes in sorted(notes.items()):
        while {_comments_name(number), _vml_name(number)} & names:
            number += 1
        comments, vml = _comments_name(number), _vml_name(number)
        names |= {comments, vml}
        out.added |= {comments: sheet_notes.comments, vml: sheet_notes.vml}
        rels_name = rels_part(sheet_part)
        rels = (
            etree.fromstring(zin.read(rels_name))
            if rels_name in names
            else etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
        )
        used = {r.get("Id") for r in rels}
        ids = [_free_id(used, "rIdNotes"), _free_id(used, "rIdNotes")]
        for rel_id, kind, target in ((ids[0], REL_COMMENTS, comments), (ids[1], REL_VML, vml)):
            etree.SubElement(
                rels,
                f"{{{PKG_REL_NS}}}Relationship",
                {"Id": rel_id, "Type": kind, "Target": "/" + target},
            )
        xml = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
        if rels_name in zin.namelist():
            out.replaced[rels_name] = xml
        else:
            out.added[rels_name] = xml
            names.add(rels_name)
        out.tails[sheet_part] = b'<legacyDrawing xmlns:r="%s" r:id="%s"/>' % (
            DOC_REL_NS.encode(),
            ids[1].encode(),
        )
        etree.SubElement(
            types,
            f"{{{CONTENT_TYPES_NS}}}Override",
            {"PartName": "/" + comments, "ContentType": COMMENTS_TYPE},
        )
        number += 1
    if notes and not any(d.get("Extension", "").lower() == "vml" for d in types):
        etree.SubElement(
            types, f"{{{CONTENT_TYPES_NS}}}Default", {"Extension": "vml", "ContentType": VML_TYPE}
        )
    if notes:
        out.replaced[CONTENT_TYPES_PART] = etree.tostring(
            types, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    return out


def with_legacy_drawing(tail: bytes, element: bytes) -> bytes:
    """A sheet's tail (from ``</sheetData>``) with ``element`` where the schema puts it: before
    the first of the worksheet's own children that follow it (not an ``extLst`` inside a
    conditional format), else before ``</worksheet>``."""
    depth = 0
    for tag in _TAG.finditer(tail, tail.find(b">") + 1):  # after </sheetData>
        closing, name, empty = tag.groups()
        if closing:
            if depth == 0:  # </worksheet>
                return tail[: tag.start()] + element + tail[tag.start() :]
            depth -= 1
        elif depth == 0 and name.rpartition(b":")[2] in _AFTER_LEGACY:
            return tail[: tag.start()] + element + tail[tag.start() :]
        elif not empty:
            depth += 1
    raise ValueError("no end of the worksheet in its tail")


def _comments_name(number: int) -> str:
    return f"xl/comments/comment{number}.xml"


def _vml_name(number: int) -> str:
    return f"xl/drawings/commentsDrawing{number}.vml"


def _free_id(used: set, stem: str) -> str:
    n = 1
    while f"{stem}{n}" in used:
        n += 1
    used.add(f"{stem}{n}")
    return f"{stem}{n}"
