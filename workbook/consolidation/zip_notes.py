"""A data sheet's notes (cell comments) moved with their rows by the zip writer.

After ``validate`` a master's data sheets carry its notes, thousands on a provincial master. The
zip writer used to give such a master up to openpyxl, which loads every cell of it (minutes and
gigabytes on 100,000 rows) and leaves each note where it was, on whatever row moved there. Here
a note follows its row, as Excel moves a note with a row a person deletes above it:

* on a row that stays or moves unchanged: it moves with the row (its ref, its VML shape's row
  and anchor);
* ours (author ``thidua``) on a row the run rewrites with new values or removes: dropped, as the
  row's own fill is (new values are spelled in plain cells): it describes values no longer
  there, and the check of this run or the next ``validate`` says what is wrong now;
* a person's note on a row the run rewrites: moves with it (the row is the same record);
* a person's note on a row the run removes, or below the table, and a sheet with Excel 365's
  threaded comments (their replies have cell refs of their own): ``Unsupported``, and the
  openpyxl path keeps the notes where they were, as it always did;
* on the rows above the body (the header): left as it is.

When no note is left, the sheet loses its ``<legacyDrawing>``, the two relationships, the two
parts and the comments part's content type: a sheet without notes, as Excel writes one.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Iterable

from lxml import etree
from openpyxl.utils import column_index_from_string

from ..detached_notes import LEGACY_DRAWING, REL_COMMENTS, REL_VML, rels_part
from ..ooxml import MAIN_NS
from ..package_parts import resolve_target
from ..sheet_xml import Unsupported
from ..validation.marks import NOTE_AUTHOR
from .merge import OutRow

_REF = re.compile(r"([A-Z]{1,3})(\d+)")
# VML by its elements' local names: Excel writes them as v:shape and x:Row, openpyxl with
# prefixes of its own (ns0:shape); a <v:shape> holds no other shape
# (the prefix groups match an empty prefix too: a backreference to a group that did not take
# part would never match)
_SHAPE = re.compile(rb"<((?:[\w.-]+:)?)shape\b.*?</\1shape>", re.S)
_SHAPE_ROW = re.compile(rb"(<((?:[\w.-]+:)?)Row>\s*)(\d+)(\s*</\2Row>)")
_SHAPE_COLUMN = re.compile(rb"<((?:[\w.-]+:)?)Column>\s*(\d+)\s*</\1Column>")
_ANCHOR = re.compile(rb"(<((?:[\w.-]+:)?)Anchor>)([^<]*)(</\2Anchor>)")
_NOTE_SHAPE = re.compile(rb'<(?:[\w.-]+:)?ClientData\b[^>]*\bObjectType="Note"')


@dataclass
class NotesMoved:
    """What the package gets instead of a sheet's notes parts (``replaced``: part -> bytes;
    ``drop``: parts to leave out, their content types too) and whether the sheet keeps its
    ``<legacyDrawing>``."""

    replaced: dict[str, bytes] = field(default_factory=dict)
    drop: set[str] = field(default_factory=set)
    kept: int = 0  # notes left on the sheet

    @property
    def none_left(self) -> bool:
        return self.kept == 0


def notes_parts(zin: zipfile.ZipFile, sheet_part: str) -> tuple[str, str, bytes] | None:
    """(comments part, VML part, the sheet's rels) of a sheet with notes; None without."""
    rels_name = rels_part(sheet_part)
    if rels_name not in zin.namelist():
        return None
    rels = zin.read(rels_name)
    targets: dict[str, str] = {}
    for rel in etree.fromstring(rels):
        kind = rel.get("Type", "")
        if kind.endswith("/threadedComment"):  # Excel 365's replies: refs of their own
            raise Unsupported("threaded comments")
        if kind in (REL_COMMENTS, REL_VML):
            if kind in targets or rel.get("TargetMode") == "External":
                raise Unsupported("notes in more than one drawing")
            targets[kind] = resolve_target(sheet_part, rel.get("Target", ""))
    if not targets:
        return None
    if set(targets) != {REL_COMMENTS, REL_VML}:  # form controls, or notes without a drawing
        raise Unsupported("a drawing that is not a notes drawing")
    return targets[REL_COMMENTS], targets[REL_VML], rels


def move_notes(
    zin: zipfile.ZipFile,
    sheet_part: str,
    out_rows: Iterable[OutRow],
    header_row: int,
    last_row: int,
) -> NotesMoved | None:
    """The sheet's notes moved as the rows of ``out_rows`` are written below ``header_row``
    (the body held rows ``header_row + 1 .. last_row`` before); None: the sheet has none."""
    found = notes_parts(zin, sheet_part)
    if found is None:
        return None
    comments_name, vml_name, rels = found
    moves: dict[int, int] = {}  # old row -> new row
    rewritten: set[int] = set()
    for n, row in enumerate(out_rows, start=header_row + 1):
        if row.origin is not None:
            moves[row.origin] = n
            if row.values is not None:
                rewritten.add(row.origin)

    def new_row(old: int, ours: bool) -> int | None:
        """Where a note on row ``old`` goes; None: dropped."""
        if old <= header_row:
            return old
        if old > last_row:
            raise Unsupported("a note below the table")
        if ours and (old in rewritten or old not in moves):
            return None
        if old not in moves:
            raise Unsupported("a person's note on a row the run removes")
        return moves[old]

    root = etree.fromstring(zin.read(comments_name))
    authors = [a.text or "" for a in root.iterfind(f"{{{MAIN_NS}}}authors/{{{MAIN_NS}}}author")]
    places: dict[tuple[int, int], int | None] = {}  # (old row, column) -> new row or None
    moved = NotesMoved()
    for comment in list(root.iterfind(f"{{{MAIN_NS}}}commentList/{{{MAIN_NS}}}comment")):
        ref = _REF.fullmatch(comment.get("ref", ""))
        if ref is None:
            raise Unsupported("a note on a range")
        author_id = int(comment.get("authorId", "0"))
        ours = 0 <= author_id < len(authors) and authors[author_id] == NOTE_AUTHOR
        letters, old = ref.group(1), int(ref.group(2))
        new = new_row(old, ours)
        places[(old, column_index_from_string(letters))] = new
        if new is None:
            comment.getparent().remove(comment)
        else:
            comment.set("ref", f"{letters}{new}")
            moved.kept += 1
    vml = _moved_shapes(zin.read(vml_name), places, new_row)
    if moved.none_left:
        moved.drop |= {comments_name, vml_name}
        moved.replaced[rels_part(sheet_part)] = _without_notes_rels(rels)
    else:
        moved.replaced[comments_name] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        moved.replaced[vml_name] = vml
    return moved


def without_legacy_drawing(tail: bytes) -> bytes:
    return LEGACY_DRAWING.sub(b"", tail, count=1)


def _moved_shapes(vml: bytes, places: dict[tuple[int, int], int | None], new_row) -> bytes:
    """The VML drawing with each note's shape moved to its note's new row, or left out."""

    def one(shape: re.Match) -> bytes:
        xml = shape.group(0)
        row, column = _SHAPE_ROW.search(xml), _SHAPE_COLUMN.search(xml)
        if not _NOTE_SHAPE.search(xml) or row is None or column is None:
            raise Unsupported("a shape that is not a note")
        old = int(row.group(3)) + 1  # VML counts rows and columns from 0
        key = (old, int(column.group(2)) + 1)
        new = places[key] if key in places else new_row(old, False)
        if new is None:
            return b""
        if new == old:
            return xml
        xml = _SHAPE_ROW.sub(lambda m: m.group(1) + b"%d" % (new - 1) + m.group(4), xml, count=1)
        return _ANCHOR.sub(lambda m: m.group(1) + _shifted(m.group(3), new - old) + m.group(4), xml)

    return _SHAPE.sub(one, vml)


def _shifted(anchor: bytes, rows: int) -> bytes:
    """An anchor (left column, offset, top row, offset, right column, offset, bottom row,
    offset) moved down ``rows`` rows."""
    numbers = [int(x) for x in anchor.split(b",")]
    if len(numbers) != 8:
        raise Unsupported("a note's anchor")
    numbers[2] += rows
    numbers[6] += rows
    return b", ".join(b"%d" % x for x in numbers)


def _without_notes_rels(rels: bytes) -> bytes:
    root = etree.fromstring(rels)
    for rel in list(root):
        if rel.get("Type") in (REL_COMMENTS, REL_VML):
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def without_overrides(content_types: bytes, parts: Iterable[str]) -> bytes:
    """The package's content types without the overrides of ``parts`` (parts left out)."""
    for part in parts:
        content_types = _without_override(content_types, part)
    return content_types


def _without_override(content_types: bytes, part: str) -> bytes:
    name = "/" + posixpath.normpath(part).lstrip("/")
    return re.sub(
        rb'<Override\b[^>]*PartName="%s"[^>]*/>' % re.escape(name.encode()), b"", content_types
    )
