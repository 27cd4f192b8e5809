"""The master's data rows, as a consolidation plans with them: read whole, or from its state.

``MasterRows`` holds every row with every column, as ``read_workbook`` gives them. ``StateRows``
starts from the state the last run kept (``master_cache``): every row with only the columns the
merge reads for a group not in the batch; the rows of the groups the batch does touch are read
from the master when the plan asks (``load_groups``), by reading a copy of the master that holds
only those rows: the same reader, the same typing, the same values as a whole read.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections import Counter
from dataclasses import astuple
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from lxml import etree
from openpyxl.utils import range_boundaries

from .. import schema
from ..package_parts import copy_package, sheet_parts
from ..reading import ROW, WorkbookData, read_workbook
from ..sheet_xml import Unsupported
from ..tables import records
from ..zip_raw import Segment
from .master_cache import MasterState, lite_columns, lite_keys
from .merge import MergePlan, OutRow
from .read_group import DATA_KEYS, row_key
from .result import ConsolidationResult
from .sheet_rows import SheetRows, column
from .unchanged import (
    LEDGER_KEY,
    Context,
    context,
    context_base,
    group_lines,
    mark_digest,
    rows_digest,
)
from .zip_patch import RowFinder, SegmentRows
from .zip_write import _renumber, _table_part

_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)


class StaleState(Exception):
    """The state does not describe the master after all: read it whole instead."""


class MasterRows:
    """Every data row of the master, whole."""

    def __init__(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        self.rows = rows
        self.known_digests: dict[str, tuple[str, int]] = {}  # group -> (rows digest, rows)
        self.touched: set[str] = set()  # groups the batch merges: their rows may change
        self.context: Context | None = None
        self.segments_written: dict[str, list[Segment]] = {}  # the data sheets' new segments

    def context_of(self, data: WorkbookData, identity: tuple[set[str], str]) -> Context:
        """The run's merge context (the digests are made in it)."""
        self.context = context(data, identity)
        return self.context

    @classmethod
    def of(cls, data: WorkbookData) -> MasterRows:
        return cls({k: records(data.table(k)) for k in DATA_KEYS})

    def digests(self, groups: set[str], ctx: Context) -> dict[str, tuple[str, int]]:
        """Each group's rows digest (as the ledger's data marks carry it) and row count."""
        lines = group_lines(self.rows, groups)
        for g in groups:
            count = sum(1 for line in lines[g] if not line.startswith("\x1d"))
            self.known_digests[g] = (rows_digest(ctx, lines[g]), count)
        return {g: self.known_digests[g] for g in groups}

    def load_groups(self, groups: Iterable[str]) -> None:
        """Make the rows of ``groups`` whole (they are), before the merge plans with them."""
        self.touched |= set(groups)

    def state_after(
        self,
        plan: MergePlan,
        result: ConsolidationResult,
        master_sha256: str,
        data: WorkbookData,
        header_rows: dict[str, int],
    ) -> MasterState:
        """The state of the master once ``plan`` is written (or as it is, nothing written)."""
        lite: dict[str, dict[str, list]] = {}
        owners: Counter[str | None] = Counter()  # rows per owner (None: typed in by hand)
        for key in DATA_KEYS:
            sheet_plan = plan.sheets.get(key)
            if sheet_plan is None or not sheet_plan.dirty or not result.written:
                lite[key] = self._lite_as_read(key)
            else:  # written in the plan's order below the header
                lite[key] = self._lite_written(key, sheet_plan.rows, header_rows[key] + 1)
            owners.update(lite[key]["to_nguon"])
        digests = {g: d for g, d in self.known_digests.items() if g not in self.touched}
        for outcome in result.files:
            found = mark_digest(result.marks.get(outcome.sha256, ""))
            if outcome.group in self.touched and found:
                digests[outcome.group] = (found, owners.get(outcome.group, 0))
        kept = [k for k in data.tables if k not in DATA_KEYS and k != LEDGER_KEY]
        segments = self.segments_before()  # a sheet not written keeps its stored bytes
        if result.written and result.writer != "zip":
            segments = {}  # openpyxl wrote it (a zip attempt that gave up may have left some)
        elif result.written:
            segments |= {k: [astuple(s) for s in v] for k, v in self.segments_written.items()}
        return MasterState(
            master_sha256,
            self.context.base if self.context else "",
            self.context.setup if self.context else "",
            result.writer or "",
            header_rows,
            {k: data.sheet_names.get(k, schema.SHEETS[k].name) for k in (*DATA_KEYS, *kept)},
            {k: data.columns.get(k, {}) for k in (*DATA_KEYS, *kept)},
            lite,
            digests,
            {k: data.tables.columns_of(k) for k in kept},
            dict(data.stamp),
            data.epoch,
            segments,
        )

    def segments_before(self) -> dict[str, list[tuple]]:
        """The data sheets' segments in the master as read (none known when read whole)."""
        return {}

    def _lite_as_read(self, key: str) -> dict[str, list]:
        rows = self.rows[key]
        return lite_columns(schema.SHEETS[key], rows, [row[ROW] for row in rows])

    def _lite_written(self, key: str, out_rows: list[OutRow], first: int) -> dict[str, list]:
        by_row = {row[ROW]: row for row in self.rows[key]}
        rows = [
            out.values if out.values is not None else by_row[out.origin or 0] for out in out_rows
        ]
        return lite_columns(schema.SHEETS[key], rows, range(first, first + len(rows)))


class StateRows(MasterRows):
    """The rows of the master a state describes; groups' rows made whole when asked."""

    def __init__(self, state: MasterState, master: Path) -> None:
        super().__init__({k: SheetRows(state.lite[k]) for k in DATA_KEYS})  # type: ignore[misc]
        self.state, self.master = state, master
        self.known_digests = dict(state.digests)
        self.whole: set[str] = set()

    def segments_before(self) -> dict[str, list[tuple]]:
        return dict(self.state.segments)

    def _lite_as_read(self, key: str) -> dict[str, list]:
        return self.state.lite[key]  # the rows made whole hold the same lite values

    def _lite_written(self, key: str, out_rows: list[OutRow], first: int) -> dict[str, list]:
        """A row not read whole keeps its state values (renumbered when it moved); the others
        are taken from the row written."""
        old = self.state.lite[key]
        rows = self.rows[key]
        places = list(range(first, first + len(out_rows)))
        whole = {old[ROW][i]: row for i, row in rows.whole.items()}  # type: ignore[attr-defined]
        fresh: list[tuple[int, Any]]  # (position, the row written) of rows not taken from old
        picks: list[int] | None  # each row's position in old (None: the same as now)
        if [row.origin for row in out_rows] == old[ROW] == places:  # no row moved (most re-runs)
            picks = None
            fresh = [
                (j, row.values if row.values is not None else whole[row.origin or 0])
                for j, row in enumerate(out_rows)
                if row.values is not None or row.origin in whole
            ]
        else:
            # where each row's values come from: an index into the state's columns (most
            # rows), else the row written
            at = {n: i for i, n in enumerate(old[ROW])}
            sources: list[int | dict[str, Any]] = [
                row.values
                if row.values is not None
                else whole.get(row.origin or 0) or at[row.origin or 0]
                for row in out_rows
            ]
            fresh = [(j, s) for j, s in enumerate(sources) if s.__class__ is not int]
            picks = [0 if s.__class__ is not int else s for s in sources]  # type: ignore[misc]
        out: dict[str, list] = {ROW: places}
        for k in lite_keys(schema.SHEETS[key]):
            values = old[k]
            if picks is None:
                out[k] = list(values)
            else:
                out[k] = list(map(values.__getitem__, picks)) if values else [None] * len(picks)
            for j, row in fresh:
                out[k][j] = row.get(k)
        return out

    def context_of(self, data: WorkbookData, identity: tuple[set[str], str]) -> Context:
        # the set-up is the state's own (the master is the file it describes): its digest too
        if context_base(identity) == self.state.base and self.state.setup:
            self.context = Context(self.state.base, self.state.setup)
            return self.context
        self.known_digests = {}  # another template version or campaign identity
        return super().context_of(data, identity)

    def digests(self, groups: set[str], ctx: Context) -> dict[str, tuple[str, int]]:
        missing = groups - self.known_digests.keys()
        if missing:  # groups whose digest the state lacks: read, not touched
            self._make_whole(missing)
            super().digests(missing, ctx)
        return {g: self.known_digests[g] for g in groups}

    def load_groups(self, groups: Iterable[str]) -> None:
        groups = set(groups)
        super().load_groups(groups)
        self._make_whole(groups)

    def _make_whole(self, groups: set[str]) -> None:
        wanted = groups - self.whole - {""}
        if not wanted:
            return
        owners = {key: column(self.rows[key], "to_nguon") for key in DATA_KEYS}
        at = {k: [i for i, owner in enumerate(owners[k]) if owner in wanted] for k in DATA_KEYS}
        places = {key: [column(self.rows[key], ROW)[i] for i in at[key]] for key in DATA_KEYS}
        wanted_rows = sum(len(p) for p in places.values())
        if 2 * wanted_rows >= sum(len(rows) for rows in self.rows.values()):
            # most rows wanted (a checked run after one that did not check): a whole read costs
            # less than a copy holding most of them
            read = rows_at(self.master, places)
        else:
            read = read_rows(self.master, places, self.state)
        for key, rows in self.rows.items():
            sheet = schema.SHEETS[key]
            for i, full in zip(at[key], read[key]):
                row = rows[i]
                if full[ROW] != row[ROW] or row_key(sheet, full) != row_key(sheet, row):
                    raise StaleState(f"{key} row {row[ROW]}")
                rows[i] = full  # type: ignore[index]
        self.whole |= wanted


def read_rows(
    master: Path, places: dict[str, list[int]], state: MasterState
) -> dict[str, list[dict[str, Any]]]:
    """The rows at ``places`` (sheet key -> Excel rows) of the data sheets, read as a whole read
    would: from a copy of the master that holds the header and those rows alone. A sheet
    written in segments (``zip_raw``) has only the segments holding those rows inflated."""
    numbers: dict[str, list[int]] = {}
    known = state.sheet_segments()
    with zipfile.ZipFile(master) as zin, open(master, "rb") as fh:
        parts = sheet_parts(zin)
        data_parts = {parts.get(state.sheet_names.get(k, "")): k for k in places}
        if None in data_parts:
            raise StaleState("a data sheet is missing")
        replaced: dict[str, bytes] = {}
        for name, part in parts.items():
            key = data_parts.get(part)
            if key is not None:
                found = _rows_of(zin, fh, part, known.get(key))
                replaced[part] = _only_rows(found, sorted(places[key]), state.header_rows[key])
                numbers[key] = sorted(places[key])
            elif part and name != schema.STAMP.name:
                replaced[part] = EMPTY_SHEET  # read_workbook opens only the data sheets
        with tempfile.TemporaryDirectory(prefix="thidua-") as folder:
            copy = Path(folder) / master.name
            copy_package(zin, copy, replaced)
            data = read_workbook(copy, sheets=tuple(places))
    out: dict[str, list[dict[str, Any]]] = {}
    for key in places:
        rows = records(data.table(key))
        if len(rows) != len(numbers[key]):
            raise StaleState(f"{key}: {len(rows)} rows read, {len(numbers[key])} wanted")
        for row in rows:
            row[ROW] = numbers[key][row[ROW] - state.header_rows[key] - 1]
        out[key] = rows
    return out


def rows_at(master: Path, places: dict[str, list[int]]) -> dict[str, list[dict[str, Any]]]:
    """The rows at ``places`` (sheet key -> Excel rows) of the data sheets, from a whole read
    of the master."""
    data = read_workbook(master, sheets=tuple(places))
    out: dict[str, list[dict[str, Any]]] = {}
    for key, numbers in places.items():
        by_number = {row[ROW]: row for row in records(data.table(key))}
        missing = [n for n in numbers if n not in by_number]
        if missing:
            raise StaleState(f"{key}: row {missing[0]} not found")
        out[key] = [by_number[n] for n in numbers]
    return out


def _rows_of(
    zin: zipfile.ZipFile, fh: BinaryIO, part: str, segments: list[Segment] | None
) -> SegmentRows | WholeRows:
    if segments:
        try:
            return SegmentRows(fh, zin.getinfo(part), segments)
        except Unsupported:
            pass
    return WholeRows(zin.read(part))


class WholeRows:
    """A sheet part's rows when it was not written in segments: the whole part, inflated."""

    def __init__(self, xml: bytes) -> None:
        start, close = xml.find(b"<sheetData>"), xml.find(b"</sheetData>")
        if start == -1 or close == -1:
            raise StaleState("no rows in a data sheet")
        self.before = xml[: start + len(b"<sheetData>")]
        self.finder = RowFinder(xml[start + len(b"<sheetData>") : close])
        self.after = xml[close:]

    def get(self, n: int, default: bytes = b"") -> bytes:
        return self.finder.get(n, default)


def _only_rows(rows: SegmentRows | WholeRows, wanted: list[int], header_row: int) -> bytes:
    """The sheet with its header and the ``wanted`` rows, renumbered to follow the header."""
    if isinstance(rows, SegmentRows):
        first = rows.xml(0)  # the part's start, the header rows included
        head_end = first.find(b"<sheetData>") + len(b"<sheetData>")
        before, header, after = first[:head_end], first[head_end:], rows.tail()
    else:
        body = rows.finder.body
        found = body.find(b'<row r="%d"' % (header_row + 1))
        before, header, after = rows.before, body[:found] if found != -1 else body, rows.after
    parts = [_DIMENSION.sub(b"", before, count=1), header]
    for i, n in enumerate(wanted, start=header_row + 1):
        raw = rows.get(n)
        if not raw:
            raise StaleState(f"row {n} not found")
        parts.append(_renumber(raw, i))
    parts.append(after)
    return b"".join(parts)


def header_rows(master: Path, sheet_names: dict[str, str]) -> dict[str, int] | None:
    """Each data sheet's table header row in the master file (None: a table is missing)."""
    out = {}
    with zipfile.ZipFile(master) as zin:
        parts = sheet_parts(zin)
        for key in DATA_KEYS:
            sheet = schema.SHEETS[key]
            part = parts.get(sheet_names.get(key, sheet.name))
            try:
                table = etree.fromstring(zin.read(_table_part(zin, part or "", sheet.table)))
            except (Unsupported, KeyError, etree.XMLSyntaxError):
                return None
            out[key] = range_boundaries(table.get("ref") or "A1")[1] or 1
    return out
