"""A save over an .xlsm with a ribbon keeps the ribbon (openpyxl drops its relationship), without
changing ElementTree's process-wide namespace prefixes and without leaving a temporary behind."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import pytest

from workbook.ooxml import PACKAGE_RELS_PART, PKG_REL_NS, REL_OFFICE_DOCUMENT, REL_UI
from workbook.safe_io import atomic_write

UI_PART = "customUI/customUI14.xml"
UI_XML = b'<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"/>'


def _rels(*relationships: tuple[str, str, str]) -> bytes:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in relationships)
    return (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL_NS}">{body}</Relationships>'.encode()
    )


WORKBOOK_REL = ("rId1", REL_OFFICE_DOCUMENT, "xl/workbook.xml")


def _package(path, ribbon: bool):
    with zipfile.ZipFile(path, "w") as zf:
        if ribbon:
            zf.writestr(PACKAGE_RELS_PART, _rels(WORKBOOK_REL, ("rId1", REL_UI[0], UI_PART)))
            zf.writestr(UI_PART, UI_XML)
        else:
            zf.writestr(PACKAGE_RELS_PART, _rels(WORKBOOK_REL))
        zf.writestr("xl/workbook.xml", b"<workbook/>")
    return path


@pytest.fixture
def ribbonless(tmp_path):
    """What openpyxl gives back: the same workbook without the ribbon, made outside the folder."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return _package(elsewhere / "saved.xlsm", ribbon=False).read_bytes()


def test_a_save_over_a_ribbon_workbook_keeps_the_ribbon(tmp_path, ribbonless):
    folder = tmp_path / "master"
    folder.mkdir()
    path = _package(folder / "so.xlsm", ribbon=True)
    atomic_write(path, lambda tmp: tmp.write_bytes(ribbonless), make_backup=False)
    with zipfile.ZipFile(path) as zf:
        assert zf.read(UI_PART) == UI_XML
        rels = ET.fromstring(zf.read(PACKAGE_RELS_PART))
    assert [(r.tag, r.get("Id"), r.get("Type"), r.get("Target")) for r in rels] == [
        (f"{{{PKG_REL_NS}}}Relationship", *WORKBOOK_REL),
        # the ribbon's own id is taken by the workbook: it gets a fresh one
        (f"{{{PKG_REL_NS}}}Relationship", "rIdUi1", REL_UI[0], UI_PART),
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["so.xlsm"]


def test_carrying_the_ribbon_leaves_elementtree_prefixes_alone(tmp_path, ribbonless):
    path = _package(tmp_path / "so.xlsm", ribbon=True)
    atomic_write(path, lambda tmp: tmp.write_bytes(ribbonless), make_backup=False)
    # had the package namespace been made ElementTree's default for the whole process, every
    # later serialisation of it would come out unprefixed
    serialised = ET.tostring(ET.Element(f"{{{PKG_REL_NS}}}Relationships"))
    assert not serialised.startswith(b"<Relationships ")


def test_a_failed_ribbon_carry_leaves_the_old_file_and_no_temporary(
    tmp_path, ribbonless, monkeypatch
):
    folder = tmp_path / "master"
    folder.mkdir()
    path = _package(folder / "so.xlsm", ribbon=True)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError("disk full")

    # the new file is written whole; the failure comes while the ribbon is copied into it
    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, lambda tmp: tmp.write_bytes(ribbonless))
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["so.xlsm"]
