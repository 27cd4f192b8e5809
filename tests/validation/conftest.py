"""Fixtures: real workbooks built like the demo's, then one planted defect each."""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

from workbook.campaign import load_campaign
from workbook.demo_data import demo_group_data, demo_setup
from workbook.groups import make_group_workbooks
from workbook.master import init_master
from workbook.reading import read_workbook
from workbook.writing import fill_tables

Rows = dict[str, list[dict[str, Any]]]


def clean_group_data(setup: dict) -> dict[str, Rows]:
    """The demo's group data with its planted mistakes taken out again."""
    data, _ = demo_group_data(setup)
    for rows in data.values():
        for key in ("dang_ky", "cong_trinh", "tin_bai"):
            id_col = {
                "dang_ky": "ma_dang_ky",
                "cong_trinh": "ma_cong_trinh",
                "tin_bai": "ma_tin_bai",
            }[key]
            rows[key] = [r for r in rows[key] if not str(r[id_col]).endswith("-90")]
    data["03"]["ket_qua"][3]["xep_loai"] = "HTTNV"
    data["05"]["ket_qua"][2]["ho_ten"] = "Hoàng Văn Bình"
    return data


@dataclass
class Books:
    master: Path
    issued: dict[str, Path]  # group code -> issued workbook
    rows: dict[str, Rows]  # group code -> clean rows
    setup: dict

    def group_copy(
        self,
        tmp: Path,
        code: str = "01",
        change: Callable[[Rows], None] | None = None,
        fonts: dict | None = None,
    ) -> Path:
        """The group's workbook as returned: clean rows, then ``change`` applied."""
        rows = copy.deepcopy(self.rows[code])
        if change:
            change(rows)
        target = tmp / self.issued[code].name
        shutil.copyfile(self.issued[code], target)
        fill_tables(target, rows, fonts)
        return target

    def master_copy(self, tmp: Path, extra: Rows | None = None) -> Path:
        """A fresh master, with data rows (as consolidation would merge them) when given."""
        path = tmp / "So-thi-dua.xlsx"
        init_master(path, load_campaign(), force=True, extra={**self.setup, **(extra or {})})
        return path


@pytest.fixture(scope="session")
def books(tmp_path_factory) -> Books:
    base = tmp_path_factory.mktemp("books")
    setup = demo_setup()
    master = base / "So-thi-dua.xlsx"
    init_master(master, load_campaign(), extra=setup)
    result = make_group_workbooks(master, base / "so-to")
    issued = {f.group: f.path for f in result.files}
    return Books(master=master, issued=issued, rows=clean_group_data(setup), setup=setup)


def row_of(rows: list[dict], column: str, value: Any) -> int:
    """Excel row of the first table row whose column holds value (header is row 1)."""
    return next(i for i, r in enumerate(rows) if r.get(column) == value) + 2


def stamp_of(path: Path) -> dict:
    return read_workbook(path, sheets=("to_cong_doan",)).stamp
