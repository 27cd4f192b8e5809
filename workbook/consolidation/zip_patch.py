"""Rewriting a data sheet the zip writer wrote itself, touching only the rows that change.

``SheetRewrite`` splits every row of a sheet and checks every cell before it writes: the only
safe way into a master someone else may have saved. When the master is byte for byte the one
the last run wrote (``master_cache``), those checks passed then, and a re-run in which one group
of two hundred changed need not look at the other rows at all: ``PatchedSheet`` finds the rows
it needs by their number (one C-speed search per run of rows) and copies every run of rows that
keeps its place as one slice of the old XML. The result is byte for byte what ``SheetRewrite``
writes for the same plan (the tests compare them).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from bisect import bisect_left, bisect_right
from typing import Any, BinaryIO, Iterable

from .. import schema
from ..excel_dates import WINDOWS_1900
from ..sheet_xml import Unsupported, element_end
from ..zip_raw import (
    FINAL_BLOCK,
    Deflated,
    Segment,
    assemble,
    data_offset,
    deflate_rows,
    deflate_segment,
    inflate_segment,
)
from .merge import OutRow
from .zip_write import SheetRewrite, _renumber


class RowFinder:
    """The rows of a sheet body, found by number when asked (no split of the whole body)."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.hint = 0  # where the row asked for last ended: rows are mostly asked in order

    def start(self, n: int, hint: int = 0) -> int:
        """Where row ``n`` starts; rows are in order, so a search may begin at an earlier row."""
        tag = b'<row r="%d"' % n
        at = self.body.find(tag, hint)
        if at == -1 and hint:
            at = self.body.find(tag)
        if at == -1:
            raise Unsupported(f"row {n} not found")
        return at

    def end(self, start: int) -> int:
        """Where the row starting at ``start`` ends (after its ``</row>`` or ``/>``)."""
        return element_end(self.body, start, b"</row>")

    def get(self, n: int, default: bytes = b"") -> bytes:
        try:
            at = self.start(n, self.hint)
        except Unsupported:
            return default
        self.hint = self.end(at)
        return self.body[at : self.hint]


class PatchedSheet(SheetRewrite):
    """A ``SheetRewrite`` over a sheet the zip writer wrote: rows found on demand, and no scan
    for what that writer refuses (merged cells, hyperlinks...): the sheet had none then."""

    def _check_sheet(self, sheet: schema.Sheet, xml: bytes) -> None:
        pass  # the zip writer wrote it: nothing it refuses is in it

    def _rows_of(self, body: bytes) -> Any:
        return RowFinder(body)

    def build(self, out_rows: Iterable[OutRow]) -> tuple[bytes, bytes]:
        finder: RowFinder = self.rows
        body = finder.body
        first = body.find(b'<row r="%d"' % (self.min_row + 1))
        header_end = first if first != -1 else finder.end(finder.start(self.min_row))
        parts: list[bytes] = [self.head, b"<sheetData>", body[:header_end]]
        n = self.min_row
        fresh: list[tuple[int, int, OutRow]] = []
        run: list[int] = []  # [start offset, first row, last row] of rows kept in place
        hint = header_end

        def close_run() -> None:
            nonlocal hint
            if run:
                last = finder.start(run[2], run[0])
                hint = finder.end(last)
                parts.append(body[run[0] : hint])
                run.clear()

        for row in out_rows:
            n += 1
            if row.values is None and row.origin == n:
                if not run:
                    run.extend((finder.start(n, hint), n, n))
                else:
                    run[2] = n
                continue
            close_run()
            if row.values is None:
                at = finder.start(row.origin or 0, hint)
                parts.append(_renumber(body[at : finder.end(at)], n))
            else:
                fresh.append((len(parts), n, row))
                parts.append(b"")
        close_run()
        for (at, _, _), xml in zip(fresh, self._new_rows([(n, row) for _, n, row in fresh])):
            parts[at] = xml
        return self._finish(parts, n)


class SegmentRows:
    """The rows of a sheet part deflated in segments (``zip_raw``): a segment is inflated when
    a row in it is asked for, and only then."""

    def __init__(self, fh: BinaryIO, info: zipfile.ZipInfo, segments: list[Segment]) -> None:
        stored = sum(s.length for s in segments) + len(FINAL_BLOCK)
        crc = assemble((b"", s) for s in segments).crc if segments else -1
        if not segments or segments[0].first != 0 or info.compress_size != stored:
            raise Unsupported("segments do not match the part")
        if info.CRC != crc:
            raise Unsupported("segments do not match the part's CRC")
        if len(segments) < 2:
            raise Unsupported("no rows in segments of their own")
        self.fh, self.info, self.segments = fh, info, segments
        with_rows = [(s.first, i) for i, s in enumerate(segments) if s.first > 0]
        self.firsts, self.places = [f for f, _ in with_rows], [i for _, i in with_rows]
        self.finders: dict[int, RowFinder] = {}
        self.start = data_offset(fh, info)

    def stored(self, i: int) -> bytes:
        seg = self.segments[i]
        self.fh.seek(self.start + seg.offset)
        return self.fh.read(seg.length)

    def xml(self, i: int) -> bytes:
        if i not in self.finders:
            self.finders[i] = RowFinder(inflate_segment(self.stored(i)))
        return self.finders[i].body

    def index_of(self, n: int) -> int:
        """The segment holding row ``n`` (0: before the body rows)."""
        at = bisect_right(self.firsts, n) - 1
        if at < 0:
            return 0
        i = self.places[at]
        return i if self.segments[i].first <= n <= self.segments[i].last else 0

    def get(self, n: int, default: bytes = b"") -> bytes:
        i = self.index_of(n)
        if not i:
            return default
        self.xml(i)
        return self.finders[i].get(n, default)

    def tail(self) -> bytes:
        """The part after its rows (from ``</sheetData>``)."""
        last = self.xml(len(self.segments) - 1)
        at = last.rfind(b"</sheetData>")
        if at == -1:
            raise Unsupported("no end of rows")
        return last[at:]


class SegmentedSheet(PatchedSheet):
    """A data sheet the zip writer wrote in segments: a re-run copies, as they are stored, the
    segments whose rows all keep their place, and deflates anew only the rest."""

    def __init__(
        self,
        sheet: schema.Sheet,
        rows: SegmentRows,
        table_xml: bytes,
        dates: set[bytes] | None = None,
        epoch: dt.datetime = WINDOWS_1900,
    ):
        self.segment_rows = rows
        outline = rows.xml(0) + rows.tail()  # head and header rows, then the part's end
        super().__init__(sheet, outline, table_xml, dates, epoch)

    def _rows_of(self, body: bytes) -> Any:
        self.header_body = body  # the header rows: the rows themselves stay in their segments
        return self.segment_rows

    def build(self, out_rows: Iterable[OutRow]) -> tuple[Deflated, bytes]:  # type: ignore[override]
        plan = list(out_rows)
        last = self.min_row + len(plan)
        if not plan:
            raise Unsupported("an empty table")  # SheetRewrite writes its one empty row

        # rows not kept byte for byte in their place, in order: a segment holding none is reused
        moved = [
            n
            for n, row in enumerate(plan, start=self.min_row + 1)
            if row.values is not None or row.origin != n
        ]

        def all_kept(first: int, last: int) -> bool:
            at = bisect_left(moved, first)
            return at == len(moved) or moved[at] > last

        segments = self.segment_rows.segments
        reusable = {
            s.first: (i, s)
            for i, s in enumerate(segments)
            if s.first > 0
            and s.last <= last
            # the last holds the part's end, reused only as it was
            and (i + 1 < len(segments) or (s.last == last and not self.tail_changed))
            and all_kept(s.first, s.last)
        }
        head = self._with_dimension(self.head, last) + b"<sheetData>" + self.header_body
        pieces = [deflate_segment(head, 0, 0)]
        n, pending = self.min_row + 1, self.min_row + 1
        ends_with_part_end = False
        while n <= last:
            if n not in reusable:
                n += 1
                continue
            if pending < n:
                pieces.extend(self._deflated_rows(plan, pending, n - 1, False))
            i, seg = reusable[n]
            pieces.append((self.segment_rows.stored(i), seg))
            ends_with_part_end = i + 1 == len(segments)
            n = pending = seg.last + 1
        if pending <= last or not ends_with_part_end:
            pieces.extend(self._deflated_rows(plan, pending, last, True))
        return assemble(pieces), self._fitted_table(last)

    def _deflated_rows(
        self, plan: list[OutRow], first: int, last: int, part_end: bool
    ) -> list[tuple[bytes, Segment]]:
        """Rows ``first``..``last`` of the plan as new segments (and the part's end)."""
        offset = self.min_row + 1
        parts = self._placed([(n, plan[n - offset]) for n in range(first, last + 1)])
        if part_end:
            parts.append(b"</sheetData>" + self.tail)
        return deflate_rows(b"".join(parts), first)
