"""LibreOffice (headless) opens the built .xlsm and imports its VBA project.

LibreOffice loads VBA code by default ("Load Basic code" in the VBA properties options)
and keeps it as the Basic library ``VBAProject`` when saving to .ods; the modules and
their kinds (document / normal / class) are visible in ``Basic/VBAProject/*.xml``.
Skipped when neither ``soffice`` nor ``libreoffice`` is on PATH
(Debian/Ubuntu: ``apt-get install libreoffice-calc-nogui``).
"""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from ..office import convert, needs_soffice
from .conftest import SHEETS

pytestmark = needs_soffice

NS_SCRIPT = "http://openoffice.org/2000/script"
NS_LIBRARY = "http://openoffice.org/2000/library"
NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


@pytest.fixture(scope="module")
def ods(built_xlsm, tmp_path_factory):
    work = tmp_path_factory.mktemp("lo")
    (out,), log = convert([built_xlsm], work, "ods")
    assert out.exists(), f"conversion failed: {log}"
    with zipfile.ZipFile(out) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_libreoffice_lists_every_vba_module(ods):
    library = etree.fromstring(ods["Basic/VBAProject/script-lb.xml"])
    names = {e.get(f"{{{NS_LIBRARY}}}name") for e in library}
    assert names == {
        "ThisWorkbook",
        "Sheet1",
        "Sheet2",
        "Sheet3",
        "ThiDua",
        "xlwings",
        "Dictionary",
    }


def test_libreoffice_sees_module_kinds_and_code(ods):
    kinds = {}
    for name in ("ThisWorkbook", "Sheet1", "ThiDua", "xlwings", "Dictionary"):
        module = etree.fromstring(ods[f"Basic/VBAProject/{name}.xml"])
        kinds[name] = module.get(f"{{{NS_SCRIPT}}}moduleType")
    assert kinds == {
        "ThisWorkbook": "document",
        "Sheet1": "document",
        "ThiDua": "normal",
        "xlwings": "normal",
        "Dictionary": "class",
    }
    code = etree.fromstring(ods["Basic/VBAProject/ThiDua.xml"]).text
    assert "Public Sub ThiDua_Consolidate(control As IRibbonControl)" in code
    assert 'CallPython "import xlsources.macros as m; m.validate()"' in code


def test_libreoffice_keeps_sheets_and_cells(ods):
    content = etree.fromstring(ods["content.xml"])
    tables = [t.get(f"{{{NS_TABLE}}}name") for t in content.iter(f"{{{NS_TABLE}}}table")]
    assert tables == SHEETS
    text = etree.tostring(content, encoding="unicode")
    assert "Nguyễn Văn" in text and "45/KH-CĐCS" in text
