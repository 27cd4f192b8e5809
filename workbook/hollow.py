"""Redrawing output sheets without loading the rows of every other sheet.

openpyxl loads a whole workbook to save one sheet: with a provincial master (a hundred thousand
data rows, a million cells) that is a minute and a gigabyte for a score sheet of a few thousand
rows. So the sheets a run does not draw are *hollowed* first: a copy of the package whose
worksheets keep everything (columns, tables, validations, formats, protection) but their rows,
which are put aside. openpyxl loads that copy, the run draws its sheets and saves it, and the rows
go back into their sheets, each in the same place, byte for byte, with the same style indexes
(openpyxl writes a workbook's cell formats back in the order it read them; new ones go at the
end). A cell that pointed into the shared-string table, which openpyxl rewrites, carries its text
itself (an inline string of the same rich text). The result is the workbook a full load and save
would have given.

An edit of a few cells of those sheets (validation's marks) gets them *partly* hollowed: the
cells it reads stay in the copy, the others are set aside (``partial_rows``).

The sheets filled here are stored as head, rows and tail segments (``sheet_segments``), their
outlines kept in the user's cache (``kept_outlines``): the next run inflates the head and tail of
such a sheet alone and copies its rows back as the bytes they are stored as.

When a package holds something this does not handle it raises ``Unsupported`` and the caller
loads the workbook whole.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from openpyxl.utils import column_index_from_string, get_column_letter

from .detached_notes import Notes, detach, reattach, rels_part, with_legacy_drawing
from .package_parts import copy_package, is_binary_workbook, sheet_parts
from .partial_rows import (
    Partial,
    SetAside,
    cells_openpyxl_makes,
    merge_sheet,
    split_sheet,
    styles_with_fill,
    wanted_places,
)
from .sheet_segments import (
    ROWS_CLOSE,
    ROWS_OPEN,
    Ends,
    StoredRows,
    read_outline,
    segmented,
    stored_ends,
)
from .sheet_xml import Unsupported, split_rows
from .zip_raw import Deflated

_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_CELL_COLUMN = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)\d+"')
_ROOT = re.compile(rb"<worksheet\b[^>]*>")
_DECLARATION = re.compile(rb'\s(xmlns:[\w.-]+|mc:Ignorable)="[^"]*"')
_SHARED_CELL = re.compile(rb'<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)</v>\s*</c>')
_STRING_ITEM = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
SHARED_STRINGS_PART = "xl/sharedStrings.xml"


@dataclass(frozen=True)
class RowsElement:
    """Where a sheet's <sheetData> element stands, and its body (b"" when empty or not
    asked for)."""

    start: int
    end: int
    body: bytes


def _sheet_data(xml: bytes, with_body: bool = True) -> RowsElement | None:
    # by searching for tags: a lazy regular expression over a hundred megabytes takes seconds
    start = xml.find(b"<sheetData")
    if start == -1:
        return None
    close = xml.find(b">", start)
    if close == -1:
        return None
    if xml[close - 1] == ord("/"):
        return RowsElement(start, close + 1, b"")
    end = xml.rfind(b"</sheetData>")
    if end < close:
        return None
    return RowsElement(
        start, end + len(b"</sheetData>"), xml[close + 1 : end] if with_body else b""
    )


@dataclass(frozen=True)
class Hollowed:
    body: bytes  # the rows, shared strings made inline (b"" for a sheet partly hollowed)
    dimension: bytes  # the original <dimension/> element ('' if none)
    declarations: list[bytes]  # the root's namespace declarations the rows may need
    partly: SetAside | None = None  # what was set aside of a sheet partly hollowed
    stored: StoredRows | None = None  # the rows as stored, copied back as they are (body b"")
    fingerprint: str = ""  # of what the sheet shows (``fingerprint``), kept with its rows
    notes: Notes | None = None  # its notes, set aside as stored (``detached_notes``)


def _shared_strings(zin: zipfile.ZipFile) -> list[bytes]:
    if SHARED_STRINGS_PART not in zin.namelist():
        return []
    xml = zin.read(SHARED_STRINGS_PART)
    if re.search(rb"<[A-Za-z_][\w.-]*:sst\b", xml):
        raise Unsupported("prefixed shared strings")
    return [m.group(1) or b"" for m in _STRING_ITEM.finditer(xml)]


def _inline(body: bytes, strings: list[bytes]) -> bytes:
    def swap(m: re.Match) -> bytes:
        index = int(m.group(3))
        if index >= len(strings):
            raise Unsupported("a shared string out of range")
        return b'<c%s t="inlineStr"%s><is>%s</is></c>' % (m.group(1), m.group(2), strings[index])

    return _SHARED_CELL.sub(swap, body)


def hollow_package(
    source: Path,
    target: Path,
    keep: Set[str],
    redrawn: Set[str] = frozenset(),
    partial: Partial | None = None,
    outlines: Mapping[str, bytes] | None = None,
) -> dict[str, Hollowed]:
    """Write ``target``: ``source`` with the rows of every sheet not named in ``keep`` taken
    out; returns them by sheet name, but for the sheets in ``redrawn``, whose rows the run
    clears anyway (so loading them would be wasted). With ``partial``, the sheets it reads
    keep the cells it reads. ``outlines`` (by part, ``kept_outlines``): where the sheets
    stored in segments lie, whose rows then stay as stored."""
    outlines = outlines or {}
    hollowed: dict[str, Hollowed] = {}
    with zipfile.ZipFile(source) as zin, open(source, "rb") as fh:
        if is_binary_workbook(zin):
            raise Unsupported("binary workbook")
        parts, present = sheet_parts(zin), set(zin.namelist())
        strings: list[bytes] | None = None
        styles: set[int] | None = None
        replaced: dict[str, bytes] = {}
        for name, part in parts.items():
            if name in keep or part not in present:
                continue
            # the rows of a sheet whose cells the run's edit reads are read
            read = name not in redrawn and _reads(partial, name)
            outline = None if read else outlines.get(part)
            ends = _ends(fh, source, zin.getinfo(part), outline, name in redrawn)
            xml = ends.head + ends.tail if ends else zin.read(part)
            root = _ROOT.search(xml)
            if root is None:
                raise Unsupported(f"{name}: no unprefixed worksheet root")
            found = _sheet_data(xml, with_body=name not in redrawn)
            if found is None:
                raise Unsupported(f"no rows element in {name}")
            emptied = xml[: found.start] + b"<sheetData/>" + xml[found.end :]
            if name in redrawn:  # its rows are cleared anyway: not even copied out
                if ends and ends.rows.piece.size or xml.find(b"<row", found.start, found.end) != -1:
                    replaced[part] = emptied
                continue
            if ends is not None:  # its rows stay as stored, neither inflated nor read here
                if ends.rows.piece.size:
                    replaced[part], notes = _without_notes(zin, fh, part, emptied, replaced)
                    hollowed[name] = _hollowed(
                        xml, root, b"", None, ends.rows, ends.fingerprint, notes
                    )
                continue
            body = found.body
            if not body.strip():
                continue
            if b' t="s"' in body:
                strings = _shared_strings(zin) if strings is None else strings
                body = _inline(body, strings)
            loaded, partly = b"", None
            if partial is not None and _reads(partial, name):
                styles = styles_with_fill(zin, partial.fill) if styles is None else styles
                wanted = wanted_places(partial.cells, name) | cells_openpyxl_makes(
                    zin, part, (xml[: found.start], xml[found.end :])
                )
                loaded, partly = split_sheet(body, wanted, styles)
                body = body if partly is None else b""
            rows = b"<sheetData>" + loaded + b"</sheetData>" if loaded else b"<sheetData/>"
            replaced[part] = xml[: found.start] + rows + xml[found.end :]
            notes = None
            if not read:  # the run edits none of its cells: its notes stay as they are
                replaced[part], notes = _without_notes(zin, fh, part, replaced[part], replaced)
            hollowed[name] = _hollowed(xml, root, body, partly, notes=notes)
        copy_package(zin, target, replaced)
    return hollowed


def _ends(
    fh: BinaryIO, source: Path, info: zipfile.ZipInfo, outline: bytes | None, redrawn: bool
) -> Ends | None:
    """A sheet's head and tail alone, when its rows can stay as stored (or go, if redrawn):
    rows with shared-string cells must have their text made inline."""
    ends = stored_ends(fh, source, info, outline) if outline else None
    return ends if ends and (redrawn or not ends.shared) else None


def _reads(partial: Partial | None, name: str) -> bool:
    """Whether the run's cell edit reads cells of the sheet."""
    return partial is not None and name not in partial.skip


def _hollowed(
    xml: bytes,
    root: re.Match,
    body: bytes,
    partly: SetAside | None = None,
    stored: StoredRows | None = None,
    fingerprint: str = "",
    notes: Notes | None = None,
) -> Hollowed:
    dimension = _DIMENSION.search(xml)
    return Hollowed(
        body,
        dimension.group(0) if dimension else b"",
        [m.group(0) for m in _DECLARATION.finditer(root.group(0))],
        partly,
        stored,
        fingerprint,
        notes,
    )


def _without_notes(
    zin: zipfile.ZipFile, fh: BinaryIO, part: str, xml: bytes, replaced: dict[str, bytes]
) -> tuple[bytes, Notes | None]:
    """The hollowed sheet's XML without its notes drawing, and the notes set aside (their
    relationships go from the copy too), or as it is when it has none."""
    found = detach(zin, fh, part, xml)
    if found is None:
        return xml, None
    notes, rels, xml = found
    replaced[rels_part(part)] = rels
    return xml, notes


def kept_fingerprints(source: Path, outlines: Mapping[str, bytes]) -> dict[str, str]:
    """Sheet name -> the fingerprint its outline keeps (``fingerprint``), for the sheets that
    have one."""
    with zipfile.ZipFile(source) as zin:
        present = {i.filename: i for i in zin.infolist()}
        read = {
            name: read_outline(present[part], outlines.get(part))
            for name, part in sheet_parts(zin).items()
            if part in present
        }
    return {name: o.fingerprint for name, o in read.items() if o and o.fingerprint}


def fill_package(
    saved: Path,
    target: Path,
    hollowed: dict[str, Hollowed],
    spelled: Mapping[str, dict[int, bytes]] | None = None,
    fingerprints: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """Write ``target``: ``saved`` (the hollowed copy as openpyxl saved it) with the rows put
    back into their sheets, and the rows spelled outside openpyxl (``deferred_rows``) added
    to theirs, each at its number. Each such sheet is stored as head, rows and tail
    (``sheet_segments``): rows kept as stored go back as they are, others are deflated in
    pieces of about a megabyte, side by side. ``fingerprints``: of the sheets drawn, by
    name, kept with them; a sheet whose rows stay as stored keeps its own. Returns the
    outlines of the parts so stored (for ``kept_outlines``)."""
    spelled = {k: v for k, v in (spelled or {}).items() if v}
    fingerprints = fingerprints or {}
    with zipfile.ZipFile(saved) as zin:
        parts = sheet_parts(zin)
        notes = reattach(zin, {parts[n]: h.notes for n, h in hollowed.items() if h.notes})
        replaced: dict[str, Deflated | bytes] = dict(notes.replaced)
        strings: list[bytes] | None = None
        for name in {*hollowed, *spelled, *fingerprints}:
            if name not in parts:
                raise Unsupported(f"sheet {name} gone")  # a writer never drops a sheet
            xml = zin.read(parts[name])
            if name in hollowed:
                xml = _declare(xml, hollowed[name].declarations)
            found = _sheet_data(xml)
            if found is None:
                raise Unsupported(f"no rows element in {name}")
            rows: list[bytes] | StoredRows
            shows = fingerprints.get(name, "")  # what the sheet shows, kept with it
            if name in hollowed:
                h = hollowed[name]
                partly, dimension = h.partly, h.dimension
                shows = h.fingerprint if partly is None else ""
                if h.stored is not None:
                    rows = h.stored
                elif partly is None:
                    rows = [h.body]
                else:
                    strings, drawn = _text_inline(zin, found.body, strings)
                    rows = merge_sheet(drawn, partly)
            else:
                strings, drawn = _text_inline(zin, found.body, strings)
                rows, dimension = _merged(drawn, spelled.get(name, {}))
            head = xml[: found.start]
            old = _DIMENSION.search(head)
            if dimension and old:
                head = head[: old.start()] + dimension + head[old.end() :]
            tail = ROWS_CLOSE + xml[found.end :]
            if parts[name] in notes.tails:
                tail = with_legacy_drawing(tail, notes.tails[parts[name]])
            replaced[parts[name]] = segmented(head + ROWS_OPEN, rows, tail, shows)
        copy_package(zin, target, replaced, added=notes.added)
    return {p: d.outline for p, d in replaced.items() if isinstance(d, Deflated) and d.outline}


def _text_inline(
    zin: zipfile.ZipFile, drawn: bytes, strings: list[bytes] | None
) -> tuple[list[bytes] | None, bytes]:
    """The rows openpyxl saved with their shared strings' text in the cells, so that the rows
    can stay as stored next time (``sheet_segments``); the package's strings, read once."""
    if b' t="s"' not in drawn:
        return strings, drawn
    strings = _shared_strings(zin) if strings is None else strings
    return strings, _inline(drawn, strings)


def _merged(drawn: bytes, spelled: dict[int, bytes]) -> tuple[list[bytes], bytes]:
    """The rows openpyxl drew and the spelled ones, in row order (Excel requires it), and the
    sheet's dimension over both."""
    rows = split_rows(drawn)
    if rows.keys() & spelled.keys():
        raise Unsupported("a spelled row drawn too")  # a writer touched a deferred row
    rows.update(spelled)
    ordered = sorted(rows)
    widest = max((_last_column(raw) for raw in rows.values()), default=1)
    dimension = b'<dimension ref="A1:%s%d"/>' % (
        get_column_letter(widest).encode(),
        ordered[-1] if ordered else 1,
    )
    return [rows[n] for n in ordered], dimension


def _last_column(row: bytes) -> int:
    last = _CELL_COLUMN.match(row, max(row.rfind(b"<c "), 0))  # a row's cells are in order
    return column_index_from_string(last.group(1).decode()) if last else 1


def _declare(xml: bytes, declarations: list[bytes]) -> bytes:
    """The original root's namespace declarations the saved root lacks (Excel writes rows with
    attributes such as ``x14ac:dyDescent``, whose prefix must be declared)."""
    root = _ROOT.search(xml)
    if root is None:
        raise Unsupported("no worksheet root")
    have = {m.group(1) for m in _DECLARATION.finditer(root.group(0))}
    wanted = [d for d in declarations if d.split(b"=")[0].strip() not in have]
    if not wanted:
        return xml
    return xml[: root.end() - 1] + b"".join(wanted) + xml[root.end() - 1 :]
