"""A sheet part stored as three deflated segments, its rows kept as stored from run to run.

An output run hollows the sheets it does not draw (``hollow``): it takes their rows out and puts
them back after openpyxl saved the rest. For a provincial master that is a hundred megabytes of
XML inflated and deflated again each run, for rows the run never changes. So the writer of the
filled package stores such a sheet as three segments, each ending on a full flush: its *head* (up
to ``<sheetData>``), its *rows*, its *tail* (from ``</sheetData>``). Where they lie (the
*outline*) is kept in the user's cache under the master file's hash (``kept_outlines``): the
package stays a plain zip. The next run inflates the head and tail alone and copies the rows
segment back as the bytes it is stored as.

The outline is a hint, not a promise: it is used only when the entry's CRC and sizes agree with
it, each segment ends on a full flush and the head and tail inflate to their recorded sizes and
CRCs. The rows are copied back only when they hold no shared-string cell (openpyxl renumbers the
shared strings when it saves). A master saved by Excel, or changed in any way, has no outline
kept and takes the inflating path.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from .errors import WorkbookChanged
from .zip_raw import (
    FINAL_BLOCK,
    LEVEL,
    Deflated,
    Segment,
    assemble,
    crc32_combine,
    data_offset,
    deflate_segment,
    side_by_side,
)

ROWS_OPEN, ROWS_CLOSE = b"<sheetData>", b"</sheetData>"
SHARED_CELL = b' t="s"'  # how openpyxl, Excel and LibreOffice mark a shared-string cell
FULL_FLUSH = b"\x00\x00\xff\xff"  # how a segment ends: an empty stored block, byte-aligned
PIECE_BYTES = 1 << 20  # rows deflated side by side in segments of about this size
CHUNK_BYTES = 1 << 16  # rows joined this much at a time to be deflated
_MARK = b"thidua-rows/1"
_OUTLINE = re.compile(
    re.escape(_MARK)
    + rb" h=(\d+),(\d+),(\d+) r=(\d+),(\d+),(\d+),([01]) t=(\d+),(\d+),(\d+)"
    + rb"(?: f=([0-9a-f]{1,64}))?\Z"
)


@dataclass(frozen=True)
class Piece:
    """One segment as stored: ``length`` deflated bytes at ``offset`` from the start of the
    entry's data, inflating to ``size`` bytes of XML with CRC ``crc``."""

    offset: int
    length: int
    size: int
    crc: int


@dataclass(frozen=True)
class Outline:
    head: Piece
    rows: Piece
    tail: Piece
    shared: bool  # the rows hold shared-string cells
    fingerprint: str = ""  # of what the sheet shows, when its writer gave one (``fingerprint``)

    def text(self) -> bytes:
        h, r, t = self.head, self.rows, self.tail
        drawn = b" f=%s" % self.fingerprint.encode() if self.fingerprint else b""
        return b"%s h=%d,%d,%d r=%d,%d,%d,%d t=%d,%d,%d%s" % (
            _MARK,
            *(h.length, h.size, h.crc),
            *(r.length, r.size, r.crc, self.shared),
            *(t.length, t.size, t.crc),
            drawn,
        )


def read_outline(info: zipfile.ZipInfo, text: bytes | None) -> Outline | None:
    """The outline ``text`` (kept for the entry's part, ``kept_outlines``), if it agrees with
    the entry."""
    found = _OUTLINE.match(text or b"")
    if found is None or info.compress_type != zipfile.ZIP_DEFLATED:
        return None
    n = [int(g) for g in found.groups()[:10]]
    head = Piece(0, n[0], n[1], n[2])
    rows = Piece(head.length, n[3], n[4], n[5])
    tail = Piece(rows.offset + rows.length, n[7], n[8], n[9])
    agrees = (
        info.compress_size == tail.offset + tail.length + len(FINAL_BLOCK)
        and info.file_size == head.size + rows.size + tail.size
        and info.CRC == _combined(head, rows, tail)
    )
    drawn = (found.group(11) or b"").decode()
    return Outline(head, rows, tail, bool(n[6]), drawn) if agrees else None


def _combined(*pieces: Piece) -> int:
    crc = pieces[0].crc
    for piece in pieces[1:]:
        crc = crc32_combine(crc, piece.crc, piece.size)
    return crc


@dataclass(frozen=True)
class StoredRows:
    """A sheet's rows segment as stored in the file at ``path``, ``start`` bytes in; ``seen``
    is the file's size and modification time when its outline was checked."""

    path: Path
    start: int
    piece: Piece
    seen: tuple[int, int]

    def read(self) -> bytes:
        """The segment's bytes, if the file is still the one checked: the run reads them
        seconds later, and a file changed meanwhile (saved from elsewhere) would put other
        bytes under the old CRC."""
        with open(self.path, "rb") as fh:
            same = _seen(fh) == self.seen
            fh.seek(self.start)
            data = fh.read(self.piece.length)
        if not same or len(data) != self.piece.length:
            raise WorkbookChanged(
                f"Tệp {self.path.name} vừa bị thay đổi trong lúc chạy (có thể được lưu từ Excel "
                "hoặc từ máy khác). Chưa có gì được ghi; hãy chạy lại."
            )
        return data


def _seen(fh: BinaryIO) -> tuple[int, int]:
    status = os.fstat(fh.fileno())
    return status.st_size, status.st_mtime_ns


@dataclass(frozen=True)
class Ends:
    """A sheet part's head and tail XML, and its rows as stored."""

    head: bytes
    tail: bytes
    rows: StoredRows
    shared: bool
    fingerprint: str


def stored_ends(fh: BinaryIO, path: Path, info: zipfile.ZipInfo, text: bytes | None) -> Ends | None:
    """The head and tail of a part whose outline is ``text``, inflated and checked against it;
    None if it has none or they do not agree (the caller inflates the whole part)."""
    outline = read_outline(info, text)
    if outline is None:
        return None
    start = data_offset(fh, info)
    head = _inflated(fh, start, outline.head)
    tail = _inflated(fh, start, outline.tail)
    if head is None or tail is None or not _ends_on_flush(fh, start, outline.rows):
        return None
    if not head.endswith(ROWS_OPEN) or not tail.startswith(ROWS_CLOSE):
        return None
    rows = StoredRows(path, start + outline.rows.offset, outline.rows, _seen(fh))
    return Ends(head, tail, rows, outline.shared, outline.fingerprint)


def _inflated(fh: BinaryIO, start: int, piece: Piece) -> bytes | None:
    """A segment's XML, if it ends on a full flush and inflates to its size and CRC."""
    fh.seek(start + piece.offset)
    data = fh.read(piece.length)
    if not data.endswith(FULL_FLUSH):
        return None
    try:
        xml = zlib.decompressobj(-15).decompress(data)
    except zlib.error:
        return None
    return xml if len(xml) == piece.size and zlib.crc32(xml) == piece.crc else None


def _ends_on_flush(fh: BinaryIO, start: int, piece: Piece) -> bool:
    fh.seek(start + piece.offset + piece.length - len(FULL_FLUSH))
    return fh.read(len(FULL_FLUSH)) == FULL_FLUSH


def segmented(
    head: bytes, rows: list[bytes] | StoredRows, tail: bytes, fingerprint: str = ""
) -> Deflated:
    """A sheet part deflated as its head (ending with ``<sheetData>``), rows and tail
    (starting with ``</sheetData>``), with its ``outline``. Rows given as XML are
    deflated in pieces side by side (zlib lets go of the GIL); stored rows are copied."""
    if isinstance(rows, StoredRows):
        p = rows.piece
        middle = [(rows.read(), Segment(1, 1, p.size, p.crc, 0, p.length))]
        shared = False  # stored rows are only taken without shared strings
    else:
        middle, shared = _deflate_rows(rows)
    out = assemble([deflate_segment(head, 0, 0), *middle, deflate_segment(tail, -1, -1)])
    head_segment, *row_segments, tail_segment = map(_piece, out.segments)
    outline = Outline(
        head_segment,
        Piece(
            head_segment.length,
            sum(s.length for s in row_segments),
            sum(s.size for s in row_segments),
            _combined(*row_segments),
        ),
        tail_segment,
        shared,
        fingerprint,
    )
    out.outline = outline.text()
    return out


def _piece(segment: Segment) -> Piece:
    return Piece(segment.offset, segment.length, segment.size, segment.crc)


def _deflate_rows(rows: list[bytes]) -> tuple[list[tuple[bytes, Segment]], bool]:
    """Rows deflated in segments of about ``PIECE_BYTES``, side by side, and whether a row holds
    a shared-string cell. A body given whole is cut anywhere (its pieces are only rejoined).
    Rows are joined ``CHUNK_BYTES`` at a time, not a segment at a time: small buffers are
    reused, where a fresh megabyte per segment costs its first touch of memory."""
    batches: list[list[bytes | memoryview]] = []
    batch: list[bytes | memoryview] = []
    held, shared = 0, False
    for row in rows:
        if len(row) >= PIECE_BYTES:
            shared = shared or SHARED_CELL in row  # looked for before the row is cut
            view = memoryview(row)
            batches += [[view[i : i + PIECE_BYTES]] for i in range(0, len(row), PIECE_BYTES)]
            continue
        batch.append(row)
        held += len(row)
        if held >= PIECE_BYTES:
            batches.append(batch)
            batch, held = [], 0
    if batch or not batches:
        batches.append(batch)
    deflated = side_by_side(_deflate_batch, batches)
    return [(data, segment) for data, segment, _ in deflated], shared or any(
        has_shared for _, _, has_shared in deflated
    )


def _deflate_batch(batch: list[bytes | memoryview]) -> tuple[bytes, Segment, bool]:
    """One segment of rows, deflated alone, and whether its rows hold a shared-string cell."""
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc, size, shared = 0, 0, False
    for chunk in _chunks(batch):
        out.append(packer.compress(chunk))
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        shared = shared or (isinstance(chunk, bytes) and SHARED_CELL in chunk)
    out.append(packer.flush(zlib.Z_FULL_FLUSH))
    data = b"".join(out)
    return data, Segment(1, 1, size, crc, 0, len(data)), shared


def _chunks(batch: list[bytes | memoryview]) -> Iterator[bytes | memoryview]:
    """Whole rows joined ``CHUNK_BYTES`` at a time; a cut body's piece as it is."""
    rows: list[bytes] = []
    held = 0
    for item in batch:
        if isinstance(item, memoryview):
            yield item
            continue
        rows.append(item)
        held += len(item)
        if held >= CHUNK_BYTES:
            yield b"".join(rows)
            rows, held = [], 0
    if rows:
        yield b"".join(rows)
