"""Fast path for writing the master: rewrite only the tables' sheet XML inside the zip.

A master of provincial size holds a million cells; loading and saving it with openpyxl costs tens
of seconds and hundreds of MiB, and drops what openpyxl does not model. Here every part of the
package is copied unchanged except the worksheets being rewritten and their table parts: the
header row and any row kept as it was are copied byte for byte (only their row number changes),
new cells are streamed as inline strings, numbers and date serials with the column's existing
style, and cells of manual columns follow their row. When a sheet holds something this path does
not handle (cells outside the table, shared formulas, hyperlinks, merged cells, a prefixed XML
namespace) it raises ``Unsupported`` and the caller uses the openpyxl path. This module rewrites
one sheet (``SheetRewrite``); ``zip_package`` puts the package together, notes moved with their
rows (``zip_notes``).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from typing import Any, Iterable

from lxml import etree
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from .. import schema
from ..excel_dates import WINDOWS_1900
from ..ooxml import MAIN_NS as NS
from ..package_parts import resolve_target
from ..row_columns import row_columns
from ..sheet_xml import Unsupported, rows_xml, split_rows
from .merge import OutRow

_CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
# the row number in a <row> tag's and each <c> tag's r="..." (a split leaves the number out);
# only inside a tag, never in a cell's text, where an officer may have typed r="B3"
_ROW_NUMBER_IN_TAG = re.compile(rb'(<(?:row|c)\b[^>]*?\br="[A-Z]{0,3})\d+(?=")')
_HAS_VALUE = re.compile(rb"<(?:v|is|f)\b")
_STYLE = re.compile(rb'\bs="(\d+)"')
_BLOCKERS = (b"<hyperlinks", b"<mergeCells", b't="shared"')  # notes move: zip_notes


def _column_of(cell: bytes) -> int:
    """The column number of a <c> element, from its r="B12" reference (in its tag: the text
    inside may hold the same letters)."""
    ref = _CELL_REF.search(cell, 0, cell.find(b">"))
    if ref is None:  # Excel writes every reference; a cell without one is not ours to move
        raise Unsupported("a cell without its reference")
    return column_index_from_string(ref.group(1).decode())


def _table_part(zin: zipfile.ZipFile, sheet_part: str, display: str) -> str:
    rels_path = posixpath.join(
        posixpath.dirname(sheet_part), "_rels", posixpath.basename(sheet_part) + ".rels"
    )
    if rels_path not in zin.namelist():
        raise Unsupported(f"no rels for {sheet_part}")
    for rel in etree.fromstring(zin.read(rels_path)):
        if rel.get("Type", "").endswith("/table"):
            part = resolve_target(sheet_part, rel.get("Target"))
            table = etree.fromstring(zin.read(part))
            if table.get("displayName") == display:
                return part
    raise Unsupported(f"table {display} not found")


BUILTIN_DATE_FORMATS = {*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)}
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def date_styles(zin: zipfile.ZipFile) -> set[bytes]:
    """Style indexes (the ``s`` attribute) whose number format shows a date or a time."""
    try:
        root = etree.fromstring(zin.read("xl/styles.xml"))
    except KeyError:
        return set()
    custom = {int(f.get("numFmtId")): f.get("formatCode", "") for f in root.iter(f"{{{NS}}}numFmt")}
    out = set()
    xfs = root.find(f"{{{NS}}}cellXfs")
    for i, xf in enumerate(xfs if xfs is not None else ()):
        fmt = int(xf.get("numFmtId", "0"))
        code = _QUOTED.sub("", custom.get(fmt, "")).lower()
        if fmt in BUILTIN_DATE_FORMATS or any(c in code for c in "dmyh"):
            out.add(str(i).encode())
    return out


class SheetRewrite:
    """One worksheet whose table body is rebuilt."""

    tail_changed = False  # the part's end differs from the source's (notes taken off)

    def __init__(
        self,
        sheet: schema.Sheet,
        xml: bytes,
        table_xml: bytes,
        dates: set[bytes] | None = None,
        epoch: dt.datetime = WINDOWS_1900,
    ):
        self._check_sheet(sheet, xml)
        body = self._read_table(sheet, xml, table_xml, dates, epoch)
        self.rows = self._rows_of(body)
        self.styles = self._column_styles()

    def _check_sheet(self, sheet: schema.Sheet, xml: bytes) -> None:
        """Refuse a sheet holding what this writer cannot carry over (merged cells, ...)."""
        if any(b in xml for b in _BLOCKERS):
            raise Unsupported(sheet.name)

    def _rows_of(self, body: bytes) -> Any:
        """The body's rows by number, each checked to stay inside the table's columns."""
        rows = split_rows(body)
        letters = {get_column_letter(c).encode() for c in range(self.min_col, self.max_col + 1)}
        for r, raw in rows.items():
            if r > self.max_row and _HAS_VALUE.search(raw):
                raise Unsupported("cells below the table")
            # Cells of a row are in column order: the first and the last tell where it reaches.
            first, last = raw.find(b'<c r="'), raw.rfind(b'<c r="')
            for at in {first, last} - {-1}:
                ref = _CELL_REF.match(raw, at + 3)
                if ref is None or ref.group(1) not in letters:
                    self._check_row_cells(raw)
                    break
        return rows

    def _read_table(
        self,
        sheet: schema.Sheet,
        xml: bytes,
        table_xml: bytes,
        dates: set[bytes] | None,
        epoch: dt.datetime,
    ) -> bytes:
        """The table's place and columns, and the sheet cut around its rows; returns the rows."""
        self.dates = dates
        self.epoch = epoch
        if b"<sheetData" not in xml:
            raise Unsupported(sheet.name)
        self.sheet = sheet
        self.table = etree.fromstring(table_xml)
        bounds = range_boundaries(self.table.get("ref") or "")
        if None in bounds:  # a whole-column or whole-row reference: not a table we wrote
            raise Unsupported("table reference")
        self.min_col, self.min_row, self.max_col, self.max_row = (int(b or 0) for b in bounds)
        self.headers = [c.get("name") for c in self.table.iter(f"{{{NS}}}tableColumn")]
        columns = {c.header: c for c in schema.master_columns(sheet)}
        self.columns = [columns.get(h) for h in self.headers]  # None: a manual column
        start = xml.index(b"<sheetData")
        if xml[start : start + 12] == b"<sheetData/>":
            self.head, body, self.tail = xml[:start], b"", xml[start + 12 :]
        else:
            open_end = xml.index(b">", start) + 1
            close = xml.index(b"</sheetData>")
            self.head, body, self.tail = xml[:start], xml[open_end:close], xml[close + 12 :]
        return body

    def _check_row_cells(self, raw: bytes) -> None:
        for cell in _CELL.finditer(raw):
            col = _column_of(cell.group(0))
            if not self.min_col <= col <= self.max_col and _HAS_VALUE.search(cell.group(0)):
                raise Unsupported("cells beside the table")

    def _column_styles(self) -> list[bytes]:
        first = self.rows.get(self.min_row + 1, b"")
        found = {}
        for cell in _CELL.finditer(first):
            style = _STYLE.search(cell.group(0)[: cell.group(0).find(b">")])
            found[_column_of(cell.group(0))] = style.group(1) if style else b"0"
        styles = []
        for j, col in enumerate(self.columns):
            s = found.get(self.min_col + j)
            if (
                col is not None
                and col.type in ("date", "datetime")
                and (s is None or (self.dates is not None and s not in self.dates))
            ):
                raise Unsupported("no date style for a new row")  # a serial would show
            styles.append(s or b"0")
        return styles

    def cells_of(self, excel_row: int) -> dict[int, bytes]:
        out = {}
        for cell in _CELL.finditer(self.rows.get(excel_row, b"")):
            out[_column_of(cell.group(0))] = cell.group(0)
        return out

    def is_blank_row(self, excel_row: int) -> bool:
        return not _HAS_VALUE.search(self.rows.get(excel_row, b""))

    def build(self, out_rows: Iterable[OutRow]) -> tuple[bytes, bytes]:
        """New worksheet XML and table XML."""
        parts: list[bytes] = [self.head, b"<sheetData>"]
        parts.extend(raw for r, raw in sorted(self.rows.items()) if r <= self.min_row)
        out_rows = list(out_rows)
        numbered = list(zip(range(self.min_row + 1, self.min_row + 1 + len(out_rows)), out_rows))
        if all(row.values is not None for row in out_rows):  # every row new (a first run)
            parts.extend(self._new_rows(numbered))
        else:
            parts.extend(self._placed(numbered))
        return self._finish(parts, self.min_row + len(out_rows))

    def _placed(self, numbered: list[tuple[int, OutRow]]) -> list[bytes]:
        """The XML of rows ``(number, row)``: a row kept in place byte for byte, a row moved
        renumbered, a row with new values spelled (all of those at once, a column at a time)."""
        parts: list[bytes] = []
        fresh: list[tuple[int, int, OutRow]] = []  # (place, number, row) of rows with new values
        for n, row in numbered:
            if row.values is None and row.origin == n:
                parts.append(self.rows.get(n, b'<row r="%d"/>' % n))  # unmoved: byte for byte
            elif row.values is None:
                parts.append(_renumber(self.rows.get(row.origin or 0, b'<row r="0"/>'), n))
            else:
                fresh.append((len(parts), n, row))
                parts.append(b"")
        for (at, _, _), xml in zip(fresh, self._new_rows([(n, row) for _, n, row in fresh])):
            parts[at] = xml
        return parts

    def _finish(self, parts: list[bytes], n: int) -> tuple[bytes, bytes]:
        """Close the body after ``n`` (the last row written) and fit the table to it."""
        last = max(n, self.min_row + 1)
        if n == self.min_row:  # an Excel Table keeps one (empty) body row
            cells = b"".join(
                b'<c r="%s%d" s="%s"/>' % (get_column_letter(self.min_col + j).encode(), last, s)
                for j, s in enumerate(self.styles)
            )
            parts.append(b'<row r="%d">%s</row>' % (last, cells))
        parts.append(b"</sheetData>")
        parts[0] = self._with_dimension(parts[0], last)
        parts.append(self.tail)
        return b"".join(parts), self._fitted_table(last)

    def _with_dimension(self, head: bytes, last: int) -> bytes:
        """The sheet's head with its used range ending on row ``last``."""
        return re.sub(
            rb'<dimension ref="[^"]*"/>',
            f'<dimension ref="A1:{get_column_letter(self.max_col)}{last}"/>'.encode(),
            head,
            count=1,
        )

    def _fitted_table(self, last: int) -> bytes:
        """The table part with the table (and its filter) ending on row ``last``."""
        ref = (
            f"{get_column_letter(self.min_col)}{self.min_row}:"
            f"{get_column_letter(self.max_col)}{last}"
        )
        self.table.set("ref", ref)
        for af in self.table.iter(f"{{{NS}}}autoFilter"):
            af.set("ref", ref)
        return etree.tostring(self.table, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _new_rows(self, rows: list[tuple[int, OutRow]]) -> list[bytes]:
        """The XML of rows with new values, built a column at a time (a provincial master has a
        million cells): each column's distinct values are spelled and encoded once, each
        spelling already followed by the start of the next cell up to its row number; a row
        is then those pieces joined by its number."""
        if not rows:
            return []
        kept = [(j, col.key) for j, col in enumerate(self.columns) if col is not None]
        numbers = [b"%d" % n for n, _ in rows]
        out = rows_xml(
            [n for n, _ in rows],
            [get_column_letter(self.min_col + j) for j, _ in kept],
            [self.styles[j].decode() for j, _ in kept],
            row_columns([row.values for _, row in rows], [k for _, k in kept]) if kept else [],
            self.epoch,
        )
        if None in self.columns:
            for i, (n, row) in enumerate(rows):
                if row.origin:
                    cells = out[i][len(b'<row r="">') + len(numbers[i]) : -len(b"</row>")]
                    cells = self._with_manual_cells(cells, n, row.origin)
                    out[i] = b'<row r="%d">%s</row>' % (n, cells)
        return out

    def _with_manual_cells(self, cells: bytes, n: int, origin: int) -> bytes:
        """A row's schema cells with the cells of its manual columns (moved to row ``n``), each
        where its column stands: Excel wants a row's cells in column order."""
        kept = self.cells_of(origin)
        if not kept:
            return cells
        schema_cells = iter(_CELL.findall(cells))
        out = []
        for j, col in enumerate(self.columns):
            if col is not None:
                out.append(next(schema_cells))
            elif self.min_col + j in kept:
                ref = b'r="%s%d"' % (get_column_letter(self.min_col + j).encode(), n)
                out.append(_CELL_REF.sub(ref, kept[self.min_col + j], count=1))
        return b"".join(out)


def _renumber(raw: bytes, n: int) -> bytes:
    """A row's XML moved to row ``n``: its tag's and its cells' references renumbered, as one
    split and join (no Python call per cell: a master's rows all move after a removed row)."""
    pieces = _ROW_NUMBER_IN_TAG.split(raw)
    number = b"%d" % n
    pieces[1::2] = [before + number for before in pieces[1::2]]
    return b"".join(pieces)
