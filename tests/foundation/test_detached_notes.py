"""The notes validation leaves on the data sheets stay as stored through the output runs that
keep those sheets' rows (workbook/detached_notes.py): every note comes out on its cell, with its
text and author, as a whole load and save would leave it, Excel's package rules kept (a content
type for the comments part, the drawing element in its place), and LibreOffice shows them."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

import workbook.hollow as hollow
from tests.foundation.test_outputs_hollow import _whole_load
from tests.office import convert, needs_soffice
from workbook import schema
from workbook.detached_notes import COMMENTS_TYPE, rels_part, with_legacy_drawing
from workbook.package_parts import sheet_parts
from workbook.results import report_master, score_master, shortlist_master
from workbook.validation.checking import check_workbook

REGISTRATIONS = schema.sheet("dang_ky").name
LOG = schema.sheet("nhat_ky").name


def _notes(path):
    """(sheet, cell) -> (text, author) of every note."""
    wb = load_workbook(path)
    return {
        (ws.title, c.coordinate): (c.comment.text, c.comment.author)
        for ws in wb.worksheets
        for c in ws._cells.values()
        if c.comment
    }


@pytest.fixture
def checked_master(filled_master):
    check_workbook(filled_master)
    assert _notes(filled_master)  # the demo data carries planted mistakes
    return filled_master


def _detached(monkeypatch) -> list[str]:
    """The sheets whose notes a run set aside."""
    names: list[str] = []
    real = hollow.detach

    def counted(zin, fh, part, xml):
        found = real(zin, fh, part, xml)
        if found is not None:
            names.append(part)
        return found

    monkeypatch.setattr(hollow, "detach", counted)
    return names


@pytest.mark.parametrize("runs", [[score_master], [score_master, shortlist_master, report_master]])
def test_notes_set_aside_come_back_on_their_cells(checked_master, tmp_path, monkeypatch, runs):
    before = _notes(checked_master)
    whole = tmp_path / "whole"
    whole.mkdir()
    plain = Path(shutil.copy(checked_master, whole / checked_master.name))
    detached = _detached(monkeypatch)
    for run in runs:
        run(checked_master)
    assert detached  # the notes went around openpyxl
    assert _notes(checked_master) == before
    _whole_load(monkeypatch)
    for run in runs:
        run(plain)
    assert _notes(checked_master) == _notes(plain)
    with zipfile.ZipFile(checked_master) as z:
        assert z.testzip() is None
        _package_rules_kept(z)


def _package_rules_kept(z: zipfile.ZipFile) -> None:
    """Each comments part has its content type and its sheet's relationship, and each sheet's
    <legacyDrawing> points at a VML drawing relationship of that sheet."""
    types = etree.fromstring(z.read("[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types if o.get("PartName")}
    defaults = {d.get("Extension").lower() for d in types if d.get("Extension")}
    comments = [n for n in z.namelist() if n.startswith("xl/comments/")]
    assert comments and "vml" in defaults
    assert all(overrides.get("/" + n) == COMMENTS_TYPE for n in comments)
    for name, part in sheet_parts(z).items():
        xml = z.read(part)
        if b"<legacyDrawing" not in xml:
            continue
        rels = {r.get("Id"): r for r in etree.fromstring(z.read(rels_part(part)))}
        drawing = etree.fromstring(xml).find("{*}legacyDrawing")
        rel = rels[
            drawing.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        ]
        assert rel.get("Type").endswith("/vmlDrawing"), name
        assert z.read(rel.get("Target").lstrip("/"))
        children = [etree.QName(c).localname for c in etree.fromstring(xml)]
        if "tableParts" in children:
            assert children.index("legacyDrawing") < children.index("tableParts"), name


def test_a_run_that_edits_cells_does_not_set_their_notes_aside(checked_master, monkeypatch):
    detached = _detached(monkeypatch)
    check_workbook(checked_master)  # marks cleared and drawn again: the notes are its own
    with zipfile.ZipFile(checked_master) as z:
        registrations = sheet_parts(z)[REGISTRATIONS]
    assert registrations not in detached


@needs_soffice
def test_libreoffice_shows_the_notes_put_back(checked_master, tmp_path):
    score_master(checked_master)
    report_master(checked_master)
    notes = _notes(checked_master)
    (ods,), log = convert([checked_master], tmp_path, "ods")
    assert ods.exists(), f"conversion failed: {log}"
    with zipfile.ZipFile(ods) as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation") == len(notes) > 0


@pytest.mark.parametrize(
    "tail, expected",
    [
        (
            b"</sheetData><pageMargins/><tableParts/></worksheet>",
            b"<pageMargins/><L/><tableParts/>",
        ),
        (  # an extLst inside a conditional format is not the worksheet's own
            b"</sheetData><conditionalFormatting><cfRule><extLst/></cfRule>"
            b'</conditionalFormatting><hyperlinks><hyperlink display="a>b"/></hyperlinks>'
            b"<extLst/></worksheet>",
            b"</hyperlinks><L/><extLst/>",
        ),
        (b"</sheetData></worksheet>", b"</sheetData><L/></worksheet>"),
    ],
)
def test_the_drawing_element_goes_where_the_schema_puts_it(tail, expected):
    assert expected in with_legacy_drawing(tail, b"<L/>")
