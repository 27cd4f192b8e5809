"""Zip entries written from deflated bytes, and sheets deflated in independent segments."""

from __future__ import annotations

import random
import zipfile
import zlib

import pytest

from workbook import zip_raw


def _sheet(rows: int) -> bytes:
    body = b"".join(
        '<row r="%d"><c r="A%d" t="inlineStr"><is><t>Dòng %d &amp; x</t></is></c></row>'.encode()
        % (i, i, i * 7)
        for i in range(2, rows + 2)
    )
    return (
        b'<?xml version="1.0"?><worksheet><dimension ref="A1:A9"/><sheetData>'
        + '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row>'.encode()
        + body
        + b"</sheetData><tableParts/></worksheet>"
    )


def test_crc32_combine_equals_the_crc_of_the_joined_bytes():
    rng = random.Random(13)
    for _ in range(300):
        a = rng.randbytes(rng.randint(0, 3000))
        b = rng.randbytes(rng.randint(0, 3000))
        assert zip_raw.crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


@pytest.mark.parametrize("segment_bytes", [300, 5000, 1 << 20])
def test_a_sheet_in_segments_inflates_whole_and_each_segment_alone(monkeypatch, segment_bytes):
    monkeypatch.setattr(zip_raw, "SEGMENT_BYTES", segment_bytes)
    xml = _sheet(400)
    deflated = zip_raw.deflate_sheet(xml, 2)
    stored = b"".join(deflated.chunks)
    assert zlib.decompressobj(-15).decompress(stored) == xml
    assert (deflated.size, deflated.crc) == (len(xml), zlib.crc32(xml))
    assert (deflated.segments[0].first, deflated.segments[0].last) == (0, 0)
    assert deflated.segments[-1].last == 401
    rows = 0
    for seg in deflated.segments:
        alone = zip_raw.inflate_segment(stored[seg.offset : seg.offset + seg.length])
        assert (len(alone), zlib.crc32(alone)) == (seg.size, seg.crc)
        if seg.first:  # a segment of rows starts on its first row and holds its rows only
            assert alone.startswith(b'<row r="%d"' % seg.first)
            assert alone.count(b"<row ") == seg.last - seg.first + 1
            rows += seg.last - seg.first + 1
    assert rows == 400


def test_entries_written_from_stored_bytes_read_back_with_their_crc(tmp_path):
    xml = _sheet(2000)
    deflated = zip_raw.deflate_sheet(xml, 2)
    source = tmp_path / "nguon.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("docProps/app.xml", b"<Properties/>")
        zf.writestr("stored.txt", b"kh\xc3\xb4ng n\xc3\xa9n", compress_type=zipfile.ZIP_STORED)
    target = tmp_path / "dich.zip"
    with (
        zipfile.ZipFile(source) as zin,
        open(source, "rb") as fh,
        zipfile.ZipFile(target, "w") as zout,
    ):
        for info in zin.infolist():  # copied as stored, deflated or not
            out = zipfile.ZipInfo(info.filename, info.date_time)
            out.compress_type = info.compress_type
            zip_raw.write_stored(
                zout, out, [zip_raw.stored_bytes(fh, info)], info.file_size, info.CRC
            )
        sheet = zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2026, 12, 3, 0, 0, 0))
        sheet.compress_type = zipfile.ZIP_DEFLATED
        zip_raw.write_stored(zout, sheet, deflated.chunks, deflated.size, deflated.crc)
        zout.writestr("after.txt", b"sau")  # zipfile's own writing goes on after ours
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        assert zf.read("xl/worksheets/sheet1.xml") == xml
        assert zf.read("stored.txt") == "không nén".encode()
        assert zf.getinfo("stored.txt").compress_type == zipfile.ZIP_STORED
        assert zf.namelist() == [
            "docProps/app.xml",
            "stored.txt",
            "xl/worksheets/sheet1.xml",
            "after.txt",
        ]
