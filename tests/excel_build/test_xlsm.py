"""The built .xlsm: package parts, VBA project, code names, round trips, rebuild keeps data."""

from __future__ import annotations

import os
import re
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from oletools.olevba import VBA_Parser

from xlsources.ovba import normalise_source
from xlsources.ovba_compression import decompress
from xlsources.xlsm import (
    CT_VBA,
    NS_CT,
    NS_MAIN,
    NS_R,
    NS_REL,
    REL_UI,
    REL_VBA,
    build_xlsm,
    customui_xml,
    rebuild_xlsm,
    vba_modules,
    xlwings_modules,
)

from .conftest import SHEETS, make_master_xlsx, ole, vba_bin, zip_parts

MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def _content_types(parts: dict[str, bytes]) -> tuple[dict[str, str], dict[str, str]]:
    root = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {
        e.get("Extension").lower(): e.get("ContentType")
        for e in root.findall(f"{{{NS_CT}}}Default")
    }
    overrides = {
        e.get("PartName"): e.get("ContentType") for e in root.findall(f"{{{NS_CT}}}Override")
    }
    return defaults, overrides


def _rels(parts: dict[str, bytes], name: str) -> list[dict[str, str]]:
    return [dict(r.attrib) for r in etree.fromstring(parts[name])]


def _codenames(parts: dict[str, bytes]) -> tuple[str, list[str]]:
    wb = etree.fromstring(parts["xl/workbook.xml"])
    rels = {r["Id"]: r["Target"] for r in _rels(parts, "xl/_rels/workbook.xml.rels")}
    sheets = []
    for sheet in wb.iter(f"{{{NS_MAIN}}}sheet"):
        target = rels[sheet.get(f"{{{NS_R}}}id")].lstrip("/").removeprefix("xl/")
        ws = etree.fromstring(parts["xl/" + target])
        assert etree.QName(ws[0]).localname == "sheetPr", "sheetPr must be the first child"
        sheets.append(ws[0].get("codeName"))
    return wb.find(f"{{{NS_MAIN}}}workbookPr").get("codeName"), sheets


def _macros(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {stream.split("/")[-1]: code for _, stream, _, code in parser.extract_macros()}
    finally:
        parser.close()


def test_content_types_and_relationships(built_xlsm):
    parts = zip_parts(built_xlsm)
    assert next(iter(parts)) == "[Content_Types].xml"
    defaults, overrides = _content_types(parts)
    assert overrides["/xl/workbook.xml"] == MACRO_MAIN
    assert overrides["/xl/vbaProject.bin"] == CT_VBA
    assert "spreadsheetml.sheet.main+xml" not in parts["[Content_Types].xml"].decode()
    for name in overrides:
        assert name.lstrip("/") in parts, f"Override for a missing part {name}"
    for name in parts:  # every part has a content type
        assert "/" + name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
    ui = [r for r in _rels(parts, "_rels/.rels") if r["Type"] in REL_UI]
    assert ui == [{"Id": ui[0]["Id"], "Type": REL_UI[0], "Target": "customUI/customUI14.xml"}]
    assert parts["customUI/customUI14.xml"] == customui_xml()
    vba = [r for r in _rels(parts, "xl/_rels/workbook.xml.rels") if r["Type"] == REL_VBA]
    assert [r["Target"] for r in vba] == ["vbaProject.bin"]
    for name in ("_rels/.rels", "xl/_rels/workbook.xml.rels"):
        ids = [r["Id"] for r in _rels(parts, name)]
        assert len(ids) == len(set(ids))
        assert etree.fromstring(parts[name]).tag == f"{{{NS_REL}}}Relationships"


def test_vba_project_streams(built_xlsm):
    f = ole(vba_bin(built_xlsm))
    assert f.openstream("VBA/_VBA_PROJECT").read() == b"\xcc\x61\xff\xff\x00\x00\x00"
    version = struct.unpack_from("<H", f.openstream("VBA/_VBA_PROJECT").read(), 2)[0]
    assert version == 0xFFFF
    project = f.openstream("PROJECT").read().decode("cp1252")
    assert project.startswith('ID="{') and project.endswith("\r\n")
    names = [m.name for m in vba_modules(["Sheet1", "Sheet2", "Sheet3"])]
    assert names == [
        "ThisWorkbook",
        "Sheet1",
        "Sheet2",
        "Sheet3",
        "ThiDua",
        "xlwings",
        "Dictionary",
    ]
    streams = {"/".join(p) for p in f.listdir()}
    assert streams == {"PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT"} | {
        f"VBA/{n}" for n in names
    }
    for n in names:  # source only: every module stream is one compressed container from offset 0
        assert f.openstream(f"VBA/{n}").read()[0] == 0x01


def test_codenames_match_document_modules(built_xlsm):
    parts = zip_parts(built_xlsm)
    workbook, sheets = _codenames(parts)
    assert workbook == "ThisWorkbook"
    assert sheets == ["Sheet1", "Sheet2", "Sheet3"]
    project = ole(parts["xl/vbaProject.bin"]).openstream("PROJECT").read().decode("cp1252")
    documents = re.findall(r"^Document=(\w+)/&H00000000\r$", project, re.M)
    assert documents == [workbook] + sheets
    assert re.findall(r"^Module=(\w+)\r$", project, re.M) == ["ThiDua", "xlwings"]
    assert re.findall(r"^Class=(\w+)\r$", project, re.M) == ["Dictionary"]


def test_every_module_source_roundtrips_through_olevba(built_xlsm):
    """olevba returns the stored source verbatim (it strips nothing): compare exactly."""
    codes = _macros(built_xlsm)
    modules = vba_modules(["Sheet1", "Sheet2", "Sheet3"])
    assert set(codes) == {m.name for m in modules}
    for m in modules:
        assert codes[m.name] == normalise_source(m.source), m.name
        assert codes[m.name].endswith("\r\n") and "\r\n\r\n\r\n" not in codes[m.name][-6:]


def test_xlwings_module_is_the_installed_one(built_xlsm):
    import xlwings

    codes = _macros(built_xlsm)
    installed = (Path(xlwings.__file__).parent / "xlwings.bas").read_bytes().decode("cp1252")
    assert (
        codes["xlwings"].replace("\r\n", "\n")
        == installed.replace("\r\n", "\n").rstrip("\n") + "\n"
    )
    assert f"'Version: {xlwings.__version__}" in codes["xlwings"]
    assert [m.name for m in xlwings_modules()] == ["xlwings", "Dictionary"]


def test_own_module_text_is_the_repository_file(built_xlsm):
    from xlsources.xlsm import own_bas_sources

    codes = _macros(built_xlsm)
    assert (
        codes["ThiDua"].replace("\r\n", "\n") == own_bas_sources()["ThiDua.bas"].rstrip("\n") + "\n"
    )


def test_dir_stream_module_types(built_xlsm):
    from .test_ovba import parse_dir

    recs = parse_dir(decompress(ole(vba_bin(built_xlsm)).openstream("VBA/dir").read()))
    names = [p.decode() for r, p in recs if r == 0x19]
    types = [r for r, _ in recs if r in (0x21, 0x22)]
    assert dict(zip(names, types)) == {
        "ThisWorkbook": 0x22,
        "Sheet1": 0x22,
        "Sheet2": 0x22,
        "Sheet3": 0x22,
        "ThiDua": 0x21,
        "xlwings": 0x21,
        "Dictionary": 0x22,
    }


def test_openpyxl_opens_it_with_keep_vba(built_xlsm, master_xlsx):
    wb = openpyxl.load_workbook(built_xlsm, keep_vba=True)
    assert wb.sheetnames == SHEETS
    assert wb.vba_archive is not None
    wb.vba_archive.close()  # openpyxl leaves it open: closed by the collector, it warns
    assert "DoanVien" in wb[SHEETS[1]].tables
    assert wb[SHEETS[1]]["C3"].value == "Bình"
    assert wb[SHEETS[2]]["B1"].value == "=COUNTA('Đoàn viên'!A:A)-1"
    assert [ws.sheet_properties.codeName for ws in wb] == ["Sheet1", "Sheet2", "Sheet3"]


def _cells(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {
        (ws.title, c.coordinate): (c.value, c.number_format)
        for ws in wb
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    }


def test_build_keeps_every_cell_and_other_parts(master_xlsx, built_xlsm):
    assert _cells(built_xlsm) == _cells(master_xlsx)
    before, after = zip_parts(master_xlsx), zip_parts(built_xlsm)
    changed = {
        "[Content_Types].xml",
        "xl/workbook.xml",
        "_rels/.rels",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    }
    for name, data in before.items():
        if name not in changed:
            assert after[name] == data, name
    assert set(after) - set(before) == {"xl/vbaProject.bin", "customUI/customUI14.xml"}


def test_rebuild_keeps_every_cell(built_xlsm, tmp_path):
    out = rebuild_xlsm(built_xlsm, tmp_path / "again.xlsm")
    assert _cells(out) == _cells(built_xlsm)
    assert zip_parts(out) == zip_parts(built_xlsm)  # deterministic: same sources, same bytes


def test_rebuild_in_place_is_atomic(master_xlsx, tmp_path):
    target = build_xlsm(master_xlsx.read_bytes(), tmp_path / "m.xlsm")
    original = target.read_bytes()
    rebuild_xlsm(target, target)
    assert target.read_bytes() == original
    assert os.listdir(tmp_path) == ["m.xlsm"]  # no temp file left behind
    (tmp_path / "broken.xlsm").write_bytes(b"not a zip")
    with pytest.raises(zipfile.BadZipFile):
        rebuild_xlsm(tmp_path / "broken.xlsm", target)
    assert target.read_bytes() == original
    assert sorted(os.listdir(tmp_path)) == ["broken.xlsm", "m.xlsm"]


def test_rebuild_excel_made_workbook(xlwings_template, tmp_path):
    """An .xlsm saved by Excel (xlwings' template): old VBA replaced, XML otherwise intact."""
    out = rebuild_xlsm(xlwings_template, tmp_path / "rebuilt.xlsm")
    before, after = zip_parts(xlwings_template), zip_parts(out)
    codes = _macros(out)
    assert "Module1" not in codes and set(codes) >= {"ThisWorkbook", "Sheet1", "Sheet2", "ThiDua"}
    assert _codenames(after) == ("ThisWorkbook", ["Sheet1", "Sheet2"])
    for name in ("xl/workbook.xml", "xl/worksheets/sheet1.xml"):
        old, new = etree.fromstring(before[name]), etree.fromstring(after[name])
        assert new.nsmap == old.nsmap  # mc:Ignorable prefixes stay declared
        assert after[name].split(b"?>")[0] == before[name].split(b"?>")[0]  # same declaration
        assert len(new) == len(old)
    assert _cells(out) == _cells(xlwings_template)
    assert _content_types(after)[1]["/xl/vbaProject.bin"] == CT_VBA


def test_rebuild_replaces_an_old_ribbon(built_xlsm, tmp_path):
    import zipfile

    src = tmp_path / "old-ribbon.xlsm"
    with zipfile.ZipFile(built_xlsm) as zin, zipfile.ZipFile(src, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "_rels/.rels":
                data = data.replace(b"customUI/customUI14.xml", b"customUI/customUI.xml").replace(
                    REL_UI[0].encode(), REL_UI[1].encode()
                )
            if info.filename == "customUI/customUI14.xml":
                info.filename = "customUI/customUI.xml"
                data = b"<customUI xmlns='http://schemas.microsoft.com/office/2006/01/customui'/>"
            zout.writestr(info, data)
    parts = zip_parts(rebuild_xlsm(src, tmp_path / "new.xlsm"))
    assert "customUI/customUI.xml" not in parts
    assert [r["Target"] for r in _rels(parts, "_rels/.rels") if r["Type"] in REL_UI] == [
        "customUI/customUI14.xml"
    ]


def test_sheet_order_drives_codenames(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Một"
    for title in ("Hai", "Ba", "Bốn"):
        wb.create_sheet(title)
    wb.move_sheet("Bốn", offset=-3)
    wb.save(tmp_path / "order.xlsx")
    parts = zip_parts(build_xlsm(tmp_path / "order.xlsx", tmp_path / "order.xlsm"))
    assert _codenames(parts)[1] == ["Sheet1", "Sheet2", "Sheet3", "Sheet4"]
    names = [ws.title for ws in openpyxl.load_workbook(tmp_path / "order.xlsm")]
    assert names == ["Bốn", "Một", "Hai", "Ba"]


def test_rejects_non_workbooks(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(zipfile.BadZipFile):
        build_xlsm(tmp_path / "x.docx", tmp_path / "x.xlsm")
    assert not (tmp_path / "x.xlsm").exists()


def test_build_accepts_bytes(tmp_path):
    src = make_master_xlsx(tmp_path / "a.xlsx")
    a = build_xlsm(src, tmp_path / "a.xlsm").read_bytes()
    b = build_xlsm(src.read_bytes(), tmp_path / "b.xlsm").read_bytes()
    assert a == b


def test_openpyxl_resave_drops_the_ribbon_and_rebuild_restores_it(built_xlsm, tmp_path):
    """openpyxl (keep_vba=True) keeps vbaProject.bin but rewrites _rels/.rels without the
    customUI relationship, so the ribbon disappears; rebuild_xlsm puts it back."""
    wb = openpyxl.load_workbook(built_xlsm, keep_vba=True)
    wb[SHEETS[0]]["B2"] = "Công đoàn cơ sở (đã sửa)"
    wb.save(tmp_path / "resaved.xlsm")
    wb.vba_archive.close()
    resaved = zip_parts(tmp_path / "resaved.xlsm")
    assert not [r for r in _rels(resaved, "_rels/.rels") if r["Type"] in REL_UI]
    fixed = rebuild_xlsm(tmp_path / "resaved.xlsm", tmp_path / "fixed.xlsm")
    parts = zip_parts(fixed)
    assert [r["Target"] for r in _rels(parts, "_rels/.rels") if r["Type"] in REL_UI] == [
        "customUI/customUI14.xml"
    ]
    assert _cells(fixed) == _cells(tmp_path / "resaved.xlsm")
    assert openpyxl.load_workbook(fixed)[SHEETS[0]]["B2"].value == "Công đoàn cơ sở (đã sửa)"
    assert set(_macros(fixed)) == {
        "ThisWorkbook",
        "Sheet1",
        "Sheet2",
        "Sheet3",
        "ThiDua",
        "xlwings",
        "Dictionary",
    }


def test_rebuild_drops_a_stale_vba_signature(built_xlsm, tmp_path):
    import zipfile

    sig_ct = "application/vnd.ms-office.vbaProjectSignature"
    src = tmp_path / "signed.xlsm"
    with zipfile.ZipFile(built_xlsm) as zin, zipfile.ZipFile(src, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    f'<Override PartName="/xl/vbaProjectSignature.bin" '
                    f'ContentType="{sig_ct}"/></Types>'.encode(),
                )
            zout.writestr(info, data)
        zout.writestr(
            "xl/_rels/vbaProject.bin.rels",
            f'<Relationships xmlns="{NS_REL}"><Relationship Id="rId1" Type="http://schemas.'
            f'microsoft.com/office/2006/relationships/vbaProjectSignature" '
            f'Target="vbaProjectSignature.bin"/></Relationships>',
        )
        zout.writestr("xl/vbaProjectSignature.bin", b"\x01signature")
    parts = zip_parts(rebuild_xlsm(src, tmp_path / "unsigned.xlsm"))
    assert "xl/vbaProjectSignature.bin" not in parts
    assert "xl/_rels/vbaProject.bin.rels" not in parts
    assert sig_ct not in parts["[Content_Types].xml"].decode()
    assert _content_types(parts)[1]["/xl/vbaProject.bin"] == CT_VBA
    assert _macros(tmp_path / "unsigned.xlsm")["ThiDua"].startswith('Attribute VB_Name = "ThiDua"')
