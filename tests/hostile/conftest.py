"""A batch as it comes back: the demo's master and returned group workbooks, one of them hostile."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from workbook.reading import read_workbook

MASTER = "so-thi-dua.xlsx"
RETURNED = "so-to-gui-lai"
HOSTILE_GROUP = "01"  # the group whose workbook carries the defect
OTHER_GROUPS = {"02", "03", "04", "05", "06"}


def group_file(folder: Path, code: str) -> Path:
    return next(folder.glob(f"To-{code}-*.xlsx"))


class Batch:
    def __init__(self, root: Path):
        self.root = root
        self.master = root / MASTER
        self.folder = root / RETURNED

    def group(self, code: str = HOSTILE_GROUP) -> Path:
        return group_file(self.folder, code)

    def damage(self, defect: Callable[[Path, Path], Path], code: str = HOSTILE_GROUP) -> Path:
        """Replace a group's returned workbook by its copy carrying ``defect``."""
        source = self.group(code)
        original = self.root / ("goc-" + source.name)
        shutil.move(source, original)
        return defect(original, source)

    def rows(self, sheet_key: str) -> list[dict]:
        frame = read_workbook(self.master, sheets=(sheet_key,)).table(sheet_key)
        return frame.to_dict("records")


@pytest.fixture
def batch(returned_demo, tmp_path) -> Batch:
    shutil.copy(returned_demo / MASTER, tmp_path / MASTER)
    shutil.copytree(returned_demo / RETURNED, tmp_path / RETURNED)
    return Batch(tmp_path)


def assert_others_merged(result, batch: Batch) -> None:
    """The rest of the batch went in: every other group's file merged, its rows in the master."""
    merged = {f.group for f in result.files if f.status == "gộp"}
    assert OTHER_GROUPS <= merged, merged
    in_master = {r["to_nguon"] for r in batch.rows("ket_qua")}
    assert OTHER_GROUPS <= in_master
    for code in OTHER_GROUPS:
        source = read_workbook(batch.group(code), sheets=("ket_qua",)).table("ket_qua")
        assert sum(r["to_nguon"] == code for r in batch.rows("ket_qua")) == len(source)
