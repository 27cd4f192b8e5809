"""Re-saving an .xlsm through openpyxl (results, member import) keeps its VBA project and leaves
nothing that makes Python print "Exception ignored" at the officer when it is freed."""

from __future__ import annotations

import gc
import shutil
import sys
import zipfile

from workbook.writing import load_for_edit


def test_a_loaded_xlsm_is_freed_quietly_and_saves_its_vba(built_xlsm, tmp_path, monkeypatch):
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    source = shutil.copy(built_xlsm, tmp_path / "so.xlsm")

    wb = load_for_edit(source)
    # a zip left open for writing over a buffer is what complains when freed after the buffer
    assert wb.vba_archive.mode == "r"
    wb.save(tmp_path / "luu.xlsm")
    del wb
    gc.collect()

    assert unraisable == []
    with zipfile.ZipFile(built_xlsm) as a, zipfile.ZipFile(tmp_path / "luu.xlsm") as b:
        assert b.read("xl/vbaProject.bin") == a.read("xl/vbaProject.bin")
