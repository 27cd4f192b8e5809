"""Sheets stored as head, rows and tail segments (workbook/sheet_segments.py): the outline kept
in the user's cache under the master's hash (workbook/kept_outlines.py), how far it is trusted,
and output runs that copy a sheet's rows back as stored instead of inflating and deflating them
again."""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

import pytest

import workbook.outputs as outputs
import workbook.user_cache as user_cache
from workbook import schema
from workbook.errors import WorkbookChanged
from workbook.hollow import Unsupported
from workbook.kept_outlines import load_outlines
from workbook.package_parts import copy_package, sheet_parts
from workbook.results import report_master, score_master
from workbook.safe_io import file_hash
from workbook.sheet_segments import (
    PIECE_BYTES,
    read_outline,
    segmented,
    stored_ends,
)

HEAD = b'<worksheet xmlns="x"><dimension ref="A1:B3"/><sheetData>'
TAIL = b'</sheetData><pageMargins left="0.7"/></worksheet>'
REGISTRATIONS = schema.sheet("dang_ky").name


def _rows(n: int, text: bytes = b"ok") -> list[bytes]:
    return [
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (i, i, text)
        for i in range(1, n + 1)
    ]


def _store(tmp_path: Path, name: str, deflated) -> Path:
    """A one-part package holding ``deflated`` as part ``s.xml``."""
    source = tmp_path / f"{name}-src.zip"
    with zipfile.ZipFile(source, "w") as z:
        z.writestr("s.xml", b"placeholder")
    target = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(source) as zin:
        copy_package(zin, target, {"s.xml": deflated})
    return target


def _ends(path: Path, outline: bytes):
    with zipfile.ZipFile(path) as z, open(path, "rb") as fh:
        return stored_ends(fh, path, z.getinfo("s.xml"), outline)


@pytest.mark.parametrize("count", [0, 3, 9000])  # no rows; a few; several pieces
def test_a_segmented_part_inflates_to_its_xml_and_its_outline_agrees(tmp_path, count):
    rows = _rows(count)
    deflated = segmented(HEAD, rows, TAIL)
    part = _store(tmp_path, "p", deflated)
    with zipfile.ZipFile(part) as z:
        assert z.read("s.xml") == HEAD + b"".join(rows) + TAIL  # CRC checked by zipfile too
        assert not z.getinfo("s.xml").comment  # a plain zip entry: the outline is kept apart
        outline = read_outline(z.getinfo("s.xml"), deflated.outline)
    assert outline is not None and not outline.shared
    assert outline.rows.size == sum(map(len, rows))
    ends = _ends(part, deflated.outline)
    assert ends is not None and (ends.head, ends.tail) == (HEAD, TAIL)
    assert zlib.decompressobj(-15).decompress(ends.rows.read()) == b"".join(rows)


def test_stored_rows_go_back_as_the_bytes_they_are_stored_as(tmp_path):
    rows = _rows(9000)
    deflated = segmented(HEAD, rows, TAIL)
    first = _store(tmp_path, "first", deflated)
    ends = _ends(first, deflated.outline)
    assert ends is not None
    new_head = HEAD.replace(b"A1:B3", b"A1:B9000")
    deflated = segmented(new_head, ends.rows, TAIL)
    second = _store(tmp_path, "second", deflated)
    with zipfile.ZipFile(second) as z:
        assert z.read("s.xml") == new_head + b"".join(rows) + TAIL
    again = _ends(second, deflated.outline)
    assert again is not None and again.rows.read() == ends.rows.read()


def test_a_long_body_given_whole_is_cut_into_pieces_and_its_shared_cells_still_seen(tmp_path):
    body = b"".join(_rows(PIECE_BYTES // 40))
    cell = b'<row r="0"><c r="A0" t="s"><v>0</v></c></row>'
    cut = PIECE_BYTES - 3  # the marker straddles the first cut
    whole = body[:cut] + cell + body[cut:]
    deflated = segmented(HEAD, [whole], TAIL)
    part = _store(tmp_path, "long", deflated)
    with zipfile.ZipFile(part) as z:
        assert z.read("s.xml") == HEAD + whole + TAIL
        outline = read_outline(z.getinfo("s.xml"), deflated.outline)
    assert outline is not None and outline.shared and outline.rows.length > 0


@pytest.mark.parametrize(
    "spoil",
    [
        lambda c: c.replace(b"r=", b"r=1"),  # the rows' length no longer adds up
        lambda c: c[: c.rindex(b",")] + b",1",  # the tail's CRC is wrong
        lambda c: c.replace(b"thidua-rows/1", b"thidua-rows/9"),  # a format we do not know
        lambda c: b"",  # no outline kept (a package Excel saved)
        lambda c: _shift_rows_start(c),  # sums agree, but the head is cut in the wrong place
    ],
)
def test_an_outline_that_does_not_agree_with_its_entry_is_not_used(tmp_path, spoil):
    deflated = segmented(HEAD, _rows(50), TAIL)
    part = _store(tmp_path, "p", deflated)
    assert _ends(part, deflated.outline) is not None
    assert _ends(part, spoil(deflated.outline)) is None


def _shift_rows_start(comment: bytes) -> bytes:
    head, rest = comment.split(b" r=")
    h = head.split(b"h=")[1].split(b",")
    r = rest.split(b",")
    h[0], r[0] = b"%d" % (int(h[0]) + 1), b"%d" % (int(r[0]) - 1)
    return head.split(b"h=")[0] + b"h=" + b",".join(h) + b" r=" + b",".join(r)


def _rows_segment(path: Path, sheet: str) -> bytes:
    outlines = load_outlines(file_hash(path))
    with zipfile.ZipFile(path) as z:
        part = sheet_parts(z)[sheet]
        with open(path, "rb") as fh:
            ends = stored_ends(fh, path, z.getinfo(part), outlines.get(part))
    assert ends is not None, f"{sheet} has no outline"
    return ends.rows.read()


def test_a_second_output_run_keeps_the_data_sheets_rows_as_stored(filled_master, tmp_path):
    score_master(filled_master)  # rows written by openpyxl (shared strings) made inline
    before = _rows_segment(filled_master, REGISTRATIONS)
    report_master(filled_master)
    assert _rows_segment(filled_master, REGISTRATIONS) == before


def test_a_master_zipped_again_by_another_tool_is_inflated_as_before(filled_master, tmp_path):
    """Another tool that zips the package again (same parts, other bytes) leaves a file no
    outline is kept for: the run inflates the sheets and gives what it gives on any package."""
    score_master(filled_master)
    rezipped = tmp_path / "rezipped"
    rezipped.mkdir()
    again = rezipped / filled_master.name
    with zipfile.ZipFile(filled_master) as zin, zipfile.ZipFile(again, "w") as zout:
        part = sheet_parts(zin)[REGISTRATIONS]
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info), zipfile.ZIP_DEFLATED, 9)
    assert load_outlines(file_hash(filled_master)) and not load_outlines(file_hash(again))
    report_master(again)
    report_master(filled_master)
    with zipfile.ZipFile(again) as a, zipfile.ZipFile(filled_master) as b:
        assert a.read(part) == b.read(part)


def test_the_outline_is_only_a_hint_a_whole_load_ignores_it(filled_master, monkeypatch):
    score_master(filled_master)

    def refuse(*args, **kwargs):
        raise Unsupported("forced whole load")

    monkeypatch.setattr(outputs, "_redraw_hollow", refuse)
    report_master(filled_master)  # openpyxl reads the segmented parts as any zip entry
    with zipfile.ZipFile(filled_master) as z:
        assert z.testzip() is None


def test_a_ribbon_master_keeps_its_ribbon_and_its_rows_as_stored(filled_master, tmp_path):
    """Officers work in the .xlsm: putting the ribbon back after openpyxl's save must copy the
    sheets as stored too, or every run would inflate the whole master again."""
    from xlsources.xlsm import build_xlsm

    master = build_xlsm(filled_master, tmp_path / "so-thi-dua.xlsm")
    score_master(master)
    before = _rows_segment(master, REGISTRATIONS)
    report_master(master)
    assert _rows_segment(master, REGISTRATIONS) == before
    with zipfile.ZipFile(master) as z:
        assert any(n.lower().startswith("customui/") for n in z.namelist())
        assert b"customUI" in z.read("_rels/.rels") and z.testzip() is None


@pytest.mark.parametrize("damage", [b"not json", b'["a list"]', b'{"xl/x.xml": "\\u00e9"}'])
def test_a_damaged_outline_file_is_ignored(filled_master, damage):
    """The outlines are a speed-up only: a file that cannot be read means reading the sheets."""
    score_master(filled_master)
    [kept] = (user_cache.cache_dir() / "outlines").glob(f"{file_hash(filled_master)}.json")
    kept.write_bytes(damage)
    assert load_outlines(file_hash(filled_master)) == {}
    report_master(filled_master)
    assert _rows_segment(filled_master, REGISTRATIONS)  # the run kept outlines of its own


def test_an_unwritable_cache_costs_only_speed(filled_master, tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(blocked / "cache"))  # no folder can be made
    score_master(filled_master)  # no error: the master is written, its outlines are not
    assert load_outlines(file_hash(filled_master)) == {}
    with zipfile.ZipFile(filled_master) as z:
        assert z.testzip() is None


def test_a_master_changed_during_the_run_is_left_as_it_is(filled_master, monkeypatch):
    """The rows kept as stored are read from the master when the result is put together: if
    the file changed since its outline was checked (saved from elsewhere meanwhile), the run
    stops with a message and writes nothing, rather than put other bytes under the old CRC."""
    score_master(filled_master)  # its sheets now have outlines
    real = outputs.load_for_edit

    def saved_from_elsewhere(path):
        stat = filled_master.stat()
        os.utime(filled_master, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        return real(path)

    monkeypatch.setattr(outputs, "load_for_edit", saved_from_elsewhere)
    before = filled_master.read_bytes()
    with pytest.raises(WorkbookChanged, match="vừa bị thay đổi trong lúc chạy"):
        report_master(filled_master)
    assert filled_master.read_bytes() == before
    assert sorted(p.name for p in filled_master.parent.glob(".thidua-*")) == []
