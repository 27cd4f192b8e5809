"""``thidua validate so-to-gui-lai/ --reference so-thi-dua.xlsx`` checks the group workbooks of a
folder stacked, one context per layout, the rules run once: the findings must be exactly those
of one context per workbook (duplicates across workbooks included), in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.consolidation.consolidation_helpers import MASTER, RETURNED, group_file
from tests.consolidation.test_consolidate_validate_once import (
    _drop_optional_column,
    _plant,
    _shift_columns,
)
from workbook.validation import run
from workbook.validation.run import read_for_validation, validate_many, validate_workbooks


@pytest.fixture(scope="module")
def planted(returned_demo, tmp_path_factory) -> tuple[Path, list[Path]]:
    """The six demo groups and three resent copies (the same registrations in two workbooks),
    mistakes planted in each, one with its columns shifted, one lacking an optional column."""
    base = tmp_path_factory.mktemp("planted-folder")
    shutil.copy(returned_demo / MASTER, base / MASTER)
    folder = base / RETURNED
    shutil.copytree(returned_demo / RETURNED, folder)
    paths = sorted(folder.glob("*.xlsx"))
    for code in ("01", "02", "03"):
        copy = folder / f"To-{code}-ban-sua.xlsx"
        shutil.copy(group_file(folder, code), copy)
        paths.append(copy)
    for i, path in enumerate(paths):
        _plant(path, i)
    _shift_columns(paths[6], "ket_qua")
    # group 02's own workbook lacks a column: it is stacked apart, after the template's layout
    # (group 01's, first in the folder) and so after its resent copy, yet it comes first in the
    # folder: its rows are the first occurrences the copy repeats
    _drop_optional_column(paths[1], "cong_trinh", "Ghi chú")
    return base, sorted(paths)


def _read(paths: list[Path]) -> tuple[list, dict]:
    datas, fonts = [], {}
    for path in paths:
        data, cell_fonts, _ = read_for_validation(path)
        datas.append(data)
        fonts[data.file] = cell_fonts
    return datas, fonts


def test_stacked_findings_equal_one_context_per_workbook(planted):
    base, paths = planted
    master = read_for_validation(base / MASTER)[0]
    datas, fonts = _read(paths)
    stacked = validate_many(datas, master, fonts=fonts)
    datas, fonts = _read(paths)  # read again: a check converts legacy text in the frames
    alone = validate_many(datas, master, fonts=fonts, stack=False)
    assert stacked.findings == alone.findings
    assert stacked.files == alone.files
    # across workbooks: the resent copy's registrations repeat the first workbook's
    across = [
        f
        for f in stacked.findings
        if f.code == "duplicate-registration" and f.file.endswith("-ban-sua.xlsx")
    ]
    assert across and all("To-0" in f.message for f in across)
    first = next(p.name for p in paths if p.name.startswith("To-02-") and "ban-sua" not in p.name)
    assert any(first in f.message for f in across if f.file == "To-02-ban-sua.xlsx")
    codes = {f.code for f in stacked.findings}
    expected = {"duplicate-id", "duplicate-result", "missing-optional-column", "unknown-member"}
    assert expected <= codes


def test_the_folder_command_takes_the_stacked_way_once(planted, monkeypatch):
    base, paths = planted
    calls: list[int] = []
    real = run.stacked_contexts

    def counted(datas, ref):
        contexts = real(datas, ref)
        calls.append(len(contexts))
        return contexts

    monkeypatch.setattr(run, "stacked_contexts", counted)
    report = validate_workbooks([base / RETURNED], base / MASTER)
    assert calls == [2]  # the template's layout and the one lacking a column (shifted letters
    # are the workbook's own: its column keys are the template's)
    assert len(report.files) == len(paths)
