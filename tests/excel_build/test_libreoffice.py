"""LibreOffice (headless) opens the built .xlsm and imports its VBA project.

LibreOffice loads VBA code by default ("Load Basic code" in the VBA properties options)
and keeps it as the Basic library ``VBAProject`` when saving to .ods; the modules and
their kinds (document / normal / class) are visible in ``Basic/VBAProject/*.xml``.
Skipped when neither ``soffice`` nor ``libreoffice`` is on PATH
(Debian/Ubuntu: ``apt-get install libreoffice-calc-nogui``).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from .conftest import SHEETS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not on PATH")

NS_SCRIPT = "http://openoffice.org/2000/script"
NS_LIBRARY = "http://openoffice.org/2000/library"
NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


@pytest.fixture(scope="module")
def ods(built_xlsm, tmp_path_factory):
    work = tmp_path_factory.mktemp("lo")
    profile = (work / "profile").as_uri()  # private profile: no clash with a running office
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "ods",
            "--outdir",
            str(work),
            str(built_xlsm),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    out = work / (built_xlsm.stem + ".ods")
    assert out.exists(), f"conversion failed: {result.stdout}\n{result.stderr}"
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
