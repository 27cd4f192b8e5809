"""Hollowing a people's sheet *partly*: the cells an edit must see stay, the others are set aside.

Validation marks a few thousand cells of a master holding a hundred thousand rows (a fill and a
note on each cell with a finding, and last run's marks cleared). Loading every cell in openpyxl
for that costs a minute; ``hollow.py`` instead gives openpyxl a copy of those sheets holding
only the cells the edit can touch:

* the cells it sets (the findings' cells);
* the cells holding a mark it may clear: a cell format whose fill has one of the edit's colours
  (read from the styles part), and every cell with a note;
* the cells openpyxl makes or changes itself when loading: those under a hyperlink or in a
  merged range (a note makes its cell too, which is why every noted cell is kept).

Each kept cell stays in its row, under the row's own start tag. After openpyxl has saved the
copy, the cells set aside go back beside the ones it wrote, in column order, and the rows set
aside between, in row order, byte for byte (text inline, as in ``hollow``). A shared formula
cannot be split this way (the cells sharing it point at its first cell): ``Unsupported``, and
the caller loads the workbook whole.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass

from lxml import etree
from openpyxl.utils import column_index_from_string, range_boundaries
from openpyxl.utils.cell import coordinate_to_tuple

from .ooxml import MAIN_NS, PKG_REL_NS, WORKBOOK_PART
from .package_parts import resolve_target
from .sheet_xml import Unsupported, element_end, split_rows

_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})\d+"')
_CELL_STYLE = re.compile(rb'\ss="(\d+)"')
_RANGE_REF = re.compile(rb'<(?:hyperlink|mergeCell)\b[^>]*?\sref="([^"]+)"')
_AFTER_CELL_NAME = frozenset(b" \t\r\n/>")
_SPANS = re.compile(rb'\sspans="[^"]*"')
MAX_SEEN_CELLS = 200_000  # merged or linked ranges past this: the whole load is simpler
REL_COMMENTS = "/comments"
REL_STYLES = "/styles"

Cell = tuple[int, bytes]  # column number, the cell's XML
Place = tuple[int, int]  # row, column


@dataclass(frozen=True)
class Partial:
    """What an edit reads of the sheets it does not redraw: ``cells`` by sheet name (A1
    references), and every cell whose fill colour ('AARRGGBB' as written) passes ``fill``;
    nothing of the sheets in ``skip``."""

    cells: Mapping[str, Set[str]]
    fill: Callable[[str], bool]
    skip: Set[str]


@dataclass(frozen=True)
class SetAside:
    """A sheet partly hollowed: the rows openpyxl did not get, and, of the rows it got a
    part of, the cells it did not get and the row's start tag."""

    rows: dict[int, bytes]
    cells: dict[int, list[Cell]]
    tags: dict[int, bytes]


def row_cells(row: bytes) -> tuple[bytes, list[Cell]]:
    """A row's start tag (as an opening tag) and its cells, each with its column number."""
    close = row.find(b">")
    if close == -1:
        raise Unsupported("a row cut short")
    if row[close - 1] == ord("/"):
        return row[: close - 1].rstrip() + b">", []
    cells: list[Cell] = []
    at = row.find(b"<c", close)
    while at != -1:
        # between cells only white space (or an extension list): anything else is a cell's
        # content, skipped whole below
        if at + 2 >= len(row) or row[at + 2] not in _AFTER_CELL_NAME:
            raise Unsupported("an element other than a cell in a row")
        end = element_end(row, at, b"</c>")
        ref = _CELL_REF.search(row, at, row.find(b">", at))
        if ref is None:
            raise Unsupported("a cell without its place")
        cells.append((column_index_from_string(ref.group(1).decode()), row[at:end]))
        at = row.find(b"<c", end)
    return row[: close + 1], cells


def _places(refs: Iterable[str]) -> set[Place]:
    places: set[Place] = set()
    for ref in refs:
        if ":" not in ref:
            places.add(coordinate_to_tuple(ref))
            continue
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if None in (min_col, min_row, max_col, max_row):
            raise Unsupported(f"a whole row or column range {ref}")
        assert min_col and min_row and max_col and max_row  # for mypy: checked just above
        if (max_row - min_row + 1) * (max_col - min_col + 1) + len(places) > MAX_SEEN_CELLS:
            raise Unsupported(f"a range too big to keep {ref}")
        places.update(
            (r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)
        )
    return places


def _related(zin: zipfile.ZipFile, part: str, kind: str) -> list[str]:
    """The parts ``part`` points at with a relationship of type ``…kind``."""
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels not in zin.namelist():
        return []
    root = etree.fromstring(zin.read(rels))
    return [
        resolve_target(part, r.get("Target", ""))
        for r in root.iter(f"{{{PKG_REL_NS}}}Relationship")
        if r.get("Type", "").endswith(kind) and r.get("TargetMode") != "External"
    ]


def cells_openpyxl_makes(zin: zipfile.ZipFile, part: str, outside: Iterable[bytes]) -> set[Place]:
    """The cells of a sheet that openpyxl makes or changes when loading it: those with a note,
    under a hyperlink, in a merged range. ``outside``: the sheet's XML but its rows."""
    refs = [m.group(1).decode() for xml in outside for m in _RANGE_REF.finditer(xml)]
    names = set(zin.namelist())
    for comments in _related(zin, part, REL_COMMENTS):
        if comments in names:
            root = etree.fromstring(zin.read(comments))
            refs += [c.get("ref", "") for c in root.iter(f"{{{MAIN_NS}}}comment")]
    return _places(r for r in refs if r)


def styles_with_fill(zin: zipfile.ZipFile, fill: Callable[[str], bool]) -> set[int]:
    """Indexes of the cell formats whose fill's foreground colour passes ``fill``: the cells
    that may hold a mark. More than the marks (any pattern, any colour kind) costs only time:
    the edit itself decides on each cell it sees."""
    part = next(iter(_related(zin, WORKBOOK_PART, REL_STYLES)), "")
    if part not in zin.namelist():
        return set()
    root = etree.fromstring(zin.read(part))
    fills = root.find(f"{{{MAIN_NS}}}fills")
    xfs = root.find(f"{{{MAIN_NS}}}cellXfs")
    if fills is None or xfs is None:
        return set()
    marked = {
        i
        for i, element in enumerate(fills.iterchildren(f"{{{MAIN_NS}}}fill"))
        if any(fill(c.get("rgb", "")) for c in element.iter(f"{{{MAIN_NS}}}fgColor"))
    }
    return {
        i
        for i, xf in enumerate(xfs.iterchildren(f"{{{MAIN_NS}}}xf"))
        if int(xf.get("fillId", "0")) in marked
    }


def _style(cell: bytes) -> int:
    found = _CELL_STYLE.search(cell, 0, cell.find(b">"))
    return int(found.group(1)) if found else 0


def split_sheet(body: bytes, wanted: Set[Place], styles: Set[int]) -> tuple[bytes, SetAside | None]:
    """The rows to load (each with only its wanted cells and the cells in the given formats)
    and what is set aside; None when the edit reads nothing there (hollowed whole). A cell to
    load that the sheet lacks is one the edit makes: the rows are set aside even when none is
    loaded, to go back beside the ones openpyxl writes."""
    pattern = (
        re.compile(rb'\ss="(?:%s)"' % b"|".join(b"%d" % s for s in sorted(styles)))
        if styles
        else None
    )
    if not wanted and (pattern is None or pattern.search(body) is None):
        return b"", None
    rows = split_rows(body)
    columns: dict[int, set[int]] = defaultdict(set)
    for row, column in wanted:
        columns[row].add(column)
    candidates = {n for n in columns if n in rows}
    if pattern is not None:
        candidates.update(n for n, raw in rows.items() if pattern.search(raw))
    kept: dict[int, bytes] = {}
    aside = SetAside(rows, {}, {})
    for n in sorted(candidates):
        tag, cells = row_cells(rows[n])
        wanted_columns = columns.get(n, set())
        seen = [c[0] in wanted_columns or _style(c[1]) in styles for c in cells]
        if not any(seen):
            continue
        if any(b't="shared"' in xml for (_, xml), s in zip(cells, seen) if s):
            raise Unsupported("a shared formula in a cell to load")
        kept[n] = tag + b"".join(xml for (_, xml), s in zip(cells, seen) if s) + b"</row>"
        aside.cells[n] = [c for c, s in zip(cells, seen) if not s]
        aside.tags[n] = tag
        del rows[n]
    return b"".join(kept[n] for n in sorted(kept)), aside


def merge_sheet(drawn: bytes, aside: SetAside) -> list[bytes]:
    """The rows openpyxl saved (``drawn``) with what was set aside, in row order; in a row
    both hold, the cells in column order under the row's own start tag, less its ``spans``
    (a hint of the columns it holds, which a new mark may widen)."""
    out = dict(aside.rows)
    for n, tag in aside.tags.items():  # a row openpyxl wrote nothing of keeps the rest
        out[n] = tag + b"".join(xml for _, xml in aside.cells[n]) + b"</row>"
    for n, raw in split_rows(drawn).items():
        saved_tag, saved = row_cells(raw)
        if n in aside.tags:
            tag, rest = aside.tags[n], aside.cells[n]
        elif n in aside.rows:  # a cell openpyxl made in a row it did not get (a new mark)
            tag, rest = row_cells(aside.rows[n])
        else:
            tag, rest = saved_tag, []
        tag = _SPANS.sub(b"", tag)
        taken = {c for c, _ in saved}
        if any(c in taken for c, _ in rest):
            raise Unsupported("a cell set aside was drawn too")
        cells = sorted(saved + rest, key=lambda cell: cell[0])
        out[n] = tag + b"".join(xml for _, xml in cells) + b"</row>"
    return [out[n] for n in sorted(out)]


def wanted_places(cells: Mapping[str, Set[str]], name: str) -> set[Place]:
    return _places(cells.get(name, ()))
