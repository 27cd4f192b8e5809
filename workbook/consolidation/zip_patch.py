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
from typing import Iterable

from .. import schema
from ..excel_dates import WINDOWS_1900
from ..sheet_xml import Unsupported
from .merge import OutRow
from .zip_write import SheetRewrite, _renumber


class RowFinder:
    """The rows of a sheet body, found by number when asked (no split of the whole body)."""

    def __init__(self, body: bytes) -> None:
        self.body = body

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
        close = self.body.find(b">", start)
        if close == -1:
            raise Unsupported("a row cut short")
        if self.body[close - 1] == ord("/"):
            return close + 1
        end = self.body.find(b"</row>", close)
        if end == -1:
            raise Unsupported("a row cut short")
        return end + len(b"</row>")

    def get(self, n: int, default: bytes = b"") -> bytes:
        try:
            at = self.start(n)
        except Unsupported:
            return default
        return self.body[at : self.end(at)]


class PatchedSheet(SheetRewrite):
    """A ``SheetRewrite`` over a sheet the zip writer wrote: rows found on demand, and no scan
    for what that writer refuses (merged cells, hyperlinks...): the sheet had none then."""

    def __init__(
        self,
        sheet: schema.Sheet,
        xml: bytes,
        table_xml: bytes,
        dates: set[bytes] | None = None,
        epoch: dt.datetime = WINDOWS_1900,
    ):
        body = self._read_table(sheet, xml, table_xml, dates, epoch)
        self.rows = RowFinder(body)  # type: ignore[assignment]
        self.styles = self._column_styles()

    def build(self, out_rows: Iterable[OutRow]) -> tuple[bytes, bytes]:
        finder: RowFinder = self.rows  # type: ignore[assignment]
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
