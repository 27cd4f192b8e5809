"""Zip entries moved as their deflated bytes, and sheets deflated in independent segments.

``zipfile`` inflates every entry it copies and deflates it again: for a master whose data sheets
hold a hundred megabytes of XML, most of a run's writing time. Here an entry a run does not
change is copied as the bytes it is stored as, and a data sheet is deflated in *segments* of
about a megabyte of whole rows, each ending on a full flush: a segment can be inflated alone,
and a later run whose rows in it did not change copies its deflated bytes as they are. The
part's CRC-32 is put together from the segments' (``crc32_combine``, zlib's method).
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable, TypeVar

SEGMENT_BYTES = 1 << 20  # about this much XML per segment: a re-run rewrites a few of them
MAX_DEFLATE_THREADS = 4  # beyond a few, the row building feeding them is the limit
LEVEL = 1  # the level of the big parts (package_parts.FAST_DEFLATE_BYTES): speed first
FINAL_BLOCK = zlib.compressobj(LEVEL, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # empty, last
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_POLY = 0xEDB88320
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Segment:
    """Rows ``first``..``last`` of a sheet part (0: the part's start, before its body rows),
    ``size`` bytes of XML with CRC ``crc``, deflated to ``length`` bytes at ``offset`` from the
    start of the part's data in the file."""

    first: int
    last: int
    size: int
    crc: int
    offset: int
    length: int


@dataclass
class Deflated:
    """A part's deflated data in pieces, with what its zip entry records."""

    chunks: list[bytes]
    size: int
    crc: int
    segments: list[Segment]
    outline: bytes = b""  # where its segments lie, for the next run (``sheet_segments``)


def _multmodp(a: int, b: int) -> int:
    m, p = 1 << 31, 0
    while True:
        if a & m:
            p ^= b
            if a & (m - 1) == 0:
                return p
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1


def _x2n_table() -> list[int]:
    table, p = [], 1 << 30  # x^1
    for _ in range(32):
        table.append(p)
        p = _multmodp(p, p)
    return table


_X2N = _x2n_table()


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC-32 of A+B from CRC(A), CRC(B) and len(B) (zlib's crc32_combine)."""
    p, k = 1 << 31, 3
    while len2:
        if len2 & 1:
            p = _multmodp(_X2N[k & 31], p)
        len2 >>= 1
        k += 1
    return _multmodp(p, crc1) ^ crc2


def deflate_segment(xml: bytes, first: int, last: int) -> tuple[bytes, Segment]:
    """One segment deflated alone (offset set by ``assemble``)."""
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    data = packer.compress(xml) + packer.flush(zlib.Z_FULL_FLUSH)
    return data, Segment(first, last, len(xml), zlib.crc32(xml), 0, len(data))


def assemble(pieces: Iterable[tuple[bytes, Segment]]) -> Deflated:
    """Segments (new, or copied as they were) one after another, and the final block."""
    out = Deflated([], 0, 0, [])
    offset = 0
    for data, seg in pieces:
        out.chunks.append(data)
        out.crc = crc32_combine(out.crc, seg.crc, seg.size) if out.segments else seg.crc
        out.size += seg.size
        out.segments.append(Segment(seg.first, seg.last, seg.size, seg.crc, offset, len(data)))
        offset += len(data)
    out.chunks.append(FINAL_BLOCK)
    return out


def _row_number(xml: bytes, at: int) -> int:
    return int(xml[at : at + 32].split(b'r="', 1)[1].split(b'"', 1)[0])


def deflate_rows(xml: bytes, first: int) -> list[tuple[bytes, Segment]]:
    """Rows from row ``first`` on (the last piece may go on to the part's end), deflated in
    segments of about ``SEGMENT_BYTES`` cut where a row starts. A piece without rows (the
    part's end alone) is one segment of rows -1..-1."""
    return _deflate_all(_row_pieces(xml, first))


def deflate_sheet(xml: bytes, first_body_row: int) -> Deflated:
    """A whole sheet part deflated in segments: its start up to the first body row (rows 0..0),
    then its rows, cut where a row starts."""
    start = xml.find(b'<row r="%d"' % first_body_row)
    if start == -1:  # no body row: one segment
        return assemble([deflate_segment(xml, 0, 0)])
    head = (xml[:start], 0, 0)
    return assemble(_deflate_all([head, *_row_pieces(xml[start:], first_body_row)]))


def _row_pieces(xml: bytes, first: int) -> list[tuple[bytes, int, int]]:
    """``deflate_rows``' segments before deflating: (XML, first row, last row)."""
    if not xml.startswith(b"<row "):
        return [(xml, -1, -1)]
    cuts = [(0, first)]
    while (at := xml.find(b"<row ", cuts[-1][0] + SEGMENT_BYTES)) != -1:
        cuts.append((at, _row_number(xml, at)))
    pieces = []
    for i, (at, row) in enumerate(cuts):
        if i + 1 < len(cuts):
            end, last = cuts[i + 1][0], cuts[i + 1][1] - 1
        else:
            end, last = len(xml), _row_number(xml, xml.rfind(b"<row ", at))
        pieces.append((xml[at:end], row, last))
    return pieces


def _deflate_all(pieces: list[tuple[bytes, int, int]]) -> list[tuple[bytes, Segment]]:
    """``deflate_segment`` of each piece, in order, side by side."""
    return side_by_side(lambda piece: deflate_segment(*piece), pieces)


def side_by_side(work: Callable[[T], R], items: list[T]) -> list[R]:
    """``work`` of each item, in order; several items at once on threads when there are cores
    (zlib lets go of the GIL while it deflates, so deflating threads use every core)."""
    workers = min(len(items), os.cpu_count() or 1, MAX_DEFLATE_THREADS)
    if workers < 2:
        return [work(item) for item in items]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, items))


def data_offset(path_fh: BinaryIO, info: zipfile.ZipInfo) -> int:
    """Where an entry's stored bytes start in the file (after its local header)."""
    path_fh.seek(info.header_offset)
    fields = _LOCAL_HEADER.unpack(path_fh.read(_LOCAL_HEADER.size))
    if fields[0] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    return info.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11]


def stored_bytes(fh: BinaryIO, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes as stored (deflated or not)."""
    fh.seek(data_offset(fh, info))
    return fh.read(info.compress_size)


def inflate_segment(data: bytes) -> bytes:
    return zlib.decompressobj(-15).decompress(data)


def write_stored(
    zout: zipfile.ZipFile, info: zipfile.ZipInfo, chunks: list[bytes], size: int, crc: int
) -> int:
    """Write an entry from its stored bytes (``info.compress_type`` says how they are stored);
    returns where they start in the file. Relies on ``ZipFile``'s bookkeeping as its own
    ``open(mode="w")`` does it (``start_dir``, ``filelist``, ``NameToInfo``)."""
    info.file_size, info.compress_size, info.CRC = size, sum(map(len, chunks)), crc
    info.flag_bits &= ~0x08  # sizes in the local header, no data descriptor
    zip64 = max(info.file_size, info.compress_size) > zipfile.ZIP64_LIMIT
    zout._writecheck(info)  # type: ignore[attr-defined]
    fp = zout.fp
    assert fp is not None
    fp.seek(zout.start_dir)  # type: ignore[attr-defined]
    info.header_offset = fp.tell()
    header = info.FileHeader(zip64)
    fp.write(header)
    for chunk in chunks:
        fp.write(chunk)
    zout.start_dir = fp.tell()  # type: ignore[attr-defined]
    zout.filelist.append(info)
    zout.NameToInfo[info.filename] = info
    zout._didModify = True  # type: ignore[attr-defined]
    return info.header_offset + len(header)
