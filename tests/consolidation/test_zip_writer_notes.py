"""Notes on a master's data sheets (``validate``'s marks, a person's own) move with their rows
when the zip writer consolidates again: the master is not handed to openpyxl for them."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.utils import range_boundaries

from tests.office import convert, needs_soffice
from workbook import schema
from workbook.consolidation import consolidate
from workbook.consolidation.zip_notes import _moved_shapes, notes_parts
from workbook.detached_notes import REL_COMMENTS, REL_VML, rels_part
from workbook.ooxml import CONTENT_TYPES_PART
from workbook.package_parts import resolve_target, sheet_parts
from workbook.sheet_xml import Unsupported
from workbook.validation.checking import check_workbook
from workbook.validation.marks import NOTE_AUTHOR
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, RETURNED, group_file, rows_of

DATA_KEYS = [s.key for s in schema.DATA_SHEETS]
Row = tuple  # a table row's values, left to right: the row's identity in these tests


def table_rows(ws, key: str) -> tuple[int, list[Row]]:
    """(header row, the body rows' values) of a data sheet's table."""
    table = ws.tables[schema.SHEETS[key].table]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    rows = [
        tuple(ws.cell(r, c).value for c in range(min_col, max_col + 1))
        for r in range(min_row + 1, max_row + 1)
    ]
    return min_row, rows


def notes_by_row(master: Path) -> dict[tuple[str, Row, int], tuple[str, str]]:
    """(sheet key, the noted row's values, column) -> (author, text), for every body note."""
    wb = load_workbook(master)
    out = {}
    for key in DATA_KEYS:
        ws = wb[schema.SHEETS[key].name]
        header, rows = table_rows(ws, key)
        for cells in ws.iter_rows(min_row=header + 1):
            for cell in cells:
                if cell.comment is not None:
                    row = rows[cell.row - header - 1]
                    out[(key, row, cell.column)] = (cell.comment.author, cell.comment.text)
    return out


def body_rows(master: Path) -> dict[str, set[Row]]:
    wb = load_workbook(master)
    return {k: set(table_rows(wb[schema.SHEETS[k].name], k)[1]) for k in DATA_KEYS}


def shapes_match_notes(master: Path) -> None:
    """Each sheet's VML shapes sit on its notes' cells, one each (Excel draws a note from it)."""
    with zipfile.ZipFile(master) as z:
        for part in sheet_parts(z).values():
            rels = rels_part(part)
            if rels not in z.namelist():
                continue
            targets = {
                r.get("Type"): resolve_target(part, r.get("Target"))
                for r in etree.fromstring(z.read(rels))
            }
            if REL_COMMENTS not in targets:
                assert b"<legacyDrawing" not in z.read(part), part
                continue
            assert b"<legacyDrawing" in z.read(part), part
            comments = etree.fromstring(z.read(targets[REL_COMMENTS]))
            refs = sorted(c.get("ref") for c in comments.iter("{*}comment"))
            vml = z.read(targets[REL_VML]).decode()
            cells = sorted(
                f"{_letters(int(c) + 1)}{int(r) + 1}"
                for r, c in re.findall(
                    r"<(?:\w+:)?Row>(\d+)</(?:\w+:)?Row>\s*"
                    r"<(?:\w+:)?Column>(\d+)</(?:\w+:)?Column>",
                    vml,
                )
            )
            assert cells == refs, part


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def drop_first_rows(path: Path) -> None:
    """Each data sheet of the file loses its first row: every row below moves up."""
    fill_tables(path, {k: rows_of(path, k)[1:] for k in DATA_KEYS})


@pytest.fixture
def checked(batch) -> Path:
    """The batch merged, then checked: ``validate``'s notes on the master's data sheets."""
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    check_workbook(batch / MASTER)
    assert any(author == NOTE_AUTHOR for author, _ in notes_by_row(batch / MASTER).values())
    return batch


def test_validates_notes_move_with_their_rows_and_leave_with_their_old_values(checked, tmp_path):
    before = notes_by_row(checked / MASTER)
    drop_first_rows(group_file(checked / RETURNED, "01"))
    retitled = group_file(checked / RETURNED, "02")
    news = rows_of(retitled, "tin_bai")
    news[0]["tieu_de"] = "Tổ Thanh tra Sở hoàn thành kế hoạch năm"
    fill_tables(retitled, {"tin_bai": news})
    plain = tmp_path / "khong-ghi-chu"  # the same runs on a master never checked
    plain.mkdir()

    result = consolidate(checked / MASTER, [checked / RETURNED], check=False)

    assert result.written and result.writer == "zip"
    after = notes_by_row(checked / MASTER)
    rows_now = body_rows(checked / MASTER)
    # a note stays exactly where its row's values still are, and nowhere else
    assert after == {k: v for k, v in before.items() if k[1] in rows_now[k[0]]}
    assert len(after) < len(before)  # the rows that left took their notes
    shapes_match_notes(checked / MASTER)
    assert load_workbook(checked / MASTER)  # and the package opens


def test_a_persons_note_on_a_rewritten_row_moves_with_it(checked):
    wb = load_workbook(checked / MASTER)
    ws = wb[schema.sheet("tin_bai").name]
    header, rows = table_rows(ws, "tin_bai")
    group_of_row = {i: r for i, r in enumerate(rows)}
    owner_col = [c.value for c in ws[header]].index(schema.PROVENANCE[0].header)
    target = next(i for i, r in group_of_row.items() if r[owner_col] == "03")
    ws.cell(header + 1 + target, 4).comment = Comment("Ban Chấp hành đã xác minh", "BCH")
    wb.save(checked / MASTER)
    drop_first_rows(group_file(checked / RETURNED, "01"))  # group 03's rows move up
    path = group_file(checked / RETURNED, "03")
    news = rows_of(path, "tin_bai")
    news[0]["tieu_de"] = "Bài đã sửa tiêu đề"  # and the noted row gets new values
    fill_tables(path, {"tin_bai": news})

    result = consolidate(checked / MASTER, [checked / RETURNED], check=False)

    assert result.writer == "zip"
    mine = {k: v for k, v in notes_by_row(checked / MASTER).items() if v[0] == "BCH"}
    assert [(k[1][3], v[1]) for k, v in mine.items()] == [
        ("Bài đã sửa tiêu đề", "Ban Chấp hành đã xác minh")
    ]
    shapes_match_notes(checked / MASTER)


def test_a_persons_note_on_a_row_the_run_removes_is_left_to_openpyxl_and_kept(checked):
    wb = load_workbook(checked / MASTER)
    ws = wb[schema.sheet("tin_bai").name]
    header, rows = table_rows(ws, "tin_bai")
    owner_col = [c.value for c in ws[header]].index(schema.PROVENANCE[0].header)
    first_of_01 = next(i for i, r in enumerate(rows) if r[owner_col] == "01")
    ws.cell(header + 1 + first_of_01, 4).comment = Comment("Giữ lại bài này", "BCH")
    wb.save(checked / MASTER)
    drop_first_rows(group_file(checked / RETURNED, "01"))

    result = consolidate(checked / MASTER, [checked / RETURNED], check=False)

    assert result.written and result.writer == "openpyxl"
    ws = load_workbook(checked / MASTER)[schema.sheet("tin_bai").name]
    texts = [c.comment.text for cells in ws.iter_rows() for c in cells if c.comment]
    assert "Giữ lại bài này" in texts  # where it was: openpyxl keeps a note on its cell


def test_a_sheet_whose_notes_all_leave_is_left_without_a_notes_drawing(batch):
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    wb = load_workbook(batch / MASTER)
    ws = wb[schema.sheet("tin_bai").name]
    header, rows = table_rows(ws, "tin_bai")
    owner_col = [c.value for c in ws[header]].index(schema.PROVENANCE[0].header)
    for i, r in enumerate(rows):
        if r[owner_col] == "02":
            ws.cell(header + 1 + i, 4).comment = Comment("[Lỗi] Tiêu đề: cũ", NOTE_AUTHOR)
    wb.save(batch / MASTER)
    path = group_file(batch / RETURNED, "02")
    news = [dict(r, tieu_de=f"{r['tieu_de']} (bản mới)") for r in rows_of(path, "tin_bai")]
    fill_tables(path, {"tin_bai": news})

    result = consolidate(batch / MASTER, [batch / RETURNED], check=False)

    assert result.writer == "zip" and notes_by_row(batch / MASTER) == {}
    with zipfile.ZipFile(batch / MASTER) as z:
        names = z.namelist()
        part = sheet_parts(z)[schema.sheet("tin_bai").name]
        rels = z.read(rels_part(part))
        types = z.read(CONTENT_TYPES_PART)
        assert b"<legacyDrawing" not in z.read(part)
        assert not [n for n in names if "comment" in n.lower() or n.endswith(".vml")]
    assert b"/comments" not in rels and b"vmlDrawing" not in rels and b"comments" not in types
    shapes_match_notes(batch / MASTER)


@needs_soffice
def test_libreoffice_shows_the_notes_moved(checked, tmp_path):
    drop_first_rows(group_file(checked / RETURNED, "01"))
    consolidate(checked / MASTER, [checked / RETURNED], check=False)
    notes = notes_by_row(checked / MASTER)
    (ods,), log = convert([checked / MASTER], tmp_path, "ods")
    assert ods.exists(), f"conversion failed: {log}"
    with zipfile.ZipFile(ods) as z:
        content = z.read("content.xml").decode("utf-8")
    # the data sheets' notes, and the Kiểm tra sheet has none
    assert content.count("<office:annotation") == len(notes) > 0


def test_the_master_opens_after_two_runs_that_move_notes(checked):
    """The second run patches the file the first wrote (its segments): notes move again."""
    drop_first_rows(group_file(checked / RETURNED, "01"))
    consolidate(checked / MASTER, [checked / RETURNED], check=False)
    before = notes_by_row(checked / MASTER)
    drop_first_rows(group_file(checked / RETURNED, "02"))
    backup = checked / "truoc.xlsx"
    shutil.copy(checked / MASTER, backup)
    result = consolidate(checked / MASTER, [checked / RETURNED], check=False)
    assert result.writer == "zip"
    rows_now = body_rows(checked / MASTER)
    after = notes_by_row(checked / MASTER)
    assert after == {k: v for k, v in before.items() if k[1] in rows_now[k[0]]}
    shapes_match_notes(checked / MASTER)


EXCEL_NOTE_SHAPE = b"""<v:shape id="_x0000_s1025" type="#_x0000_t202"
 style='position:absolute;margin-left:59.25pt;width:108pt;height:59.25pt;visibility:hidden'
 fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>
 <v:textbox style='mso-direction-alt:auto'><div style='text-align:left'></div></v:textbox>
 <x:ClientData ObjectType="Note">
  <x:MoveWithCells/>
  <x:SizeWithCells/>
  <x:Anchor>
   2, 15, %d, 2, 4, 15, %d, 6</x:Anchor>
  <x:AutoFill>False</x:AutoFill>
  <x:Row>%d</x:Row>
  <x:Column>1</x:Column>
 </x:ClientData>
</v:shape>"""


def test_a_note_shape_as_excel_writes_it_moves_its_row_and_its_anchor():
    """Excel's VML (v:, x: prefixes, an anchor over rows) as openpyxl's (no anchor) moves."""
    vml = b"<xml>" + EXCEL_NOTE_SHAPE % (9, 13, 9) + EXCEL_NOTE_SHAPE % (19, 23, 19) + b"</xml>"
    # the note on B10 moves up to B8, the one on B20 leaves with its row
    moved = _moved_shapes(vml, {(10, 2): 8, (20, 2): None}, lambda old, ours: None)
    assert moved.count(b"<v:shape ") == 1
    assert (
        b"<x:Row>7</x:Row>" in moved and b"<x:Anchor>2, 15, 7, 2, 4, 15, 11, 6</x:Anchor>" in moved
    )
    assert b"<x:Column>1</x:Column>" in moved and b"<xml>" in moved
    # VML in its default namespace, no prefix at all
    plain = (EXCEL_NOTE_SHAPE % (9, 13, 9)).replace(b"v:", b"").replace(b"x:", b"")
    moved = _moved_shapes(plain, {(10, 2): 8}, lambda old, ours: None)
    assert b"<Row>7</Row>" in moved and b"<Anchor>2, 15, 7, 2, 4, 15, 11, 6</Anchor>" in moved


def test_threaded_comments_send_the_write_to_openpyxl(checked):
    """Excel 365's threaded comments keep their own cell refs: the zip writer does not move
    half of a note."""
    with zipfile.ZipFile(checked / MASTER) as z:
        part = next(
            p
            for p in sheet_parts(z).values()
            if p and rels_part(p) in z.namelist() and b"/comments" in z.read(rels_part(p))
        )
        rels = z.read(rels_part(part))
    threaded = rels.replace(
        b"</Relationships>",
        b'<Relationship Id="rIdT1" Target="../threadedComments/threadedComment1.xml" Type="'
        b'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment"/>'
        b"</Relationships>",
    )
    with zipfile.ZipFile(checked / MASTER) as z, pytest.raises(Unsupported):
        notes_parts(_Replaced(z, {rels_part(part): threaded}), part)


class _Replaced:
    """A zip file with some parts read as other bytes."""

    def __init__(self, z: zipfile.ZipFile, parts: dict[str, bytes]) -> None:
        self.z, self.parts = z, parts

    def namelist(self) -> list[str]:
        return self.z.namelist()

    def read(self, name: str) -> bytes:
        return self.parts.get(name) or self.z.read(name)
