"""Fixtures: the demo campaign's master and returned group workbooks (built once)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from workbook import schema

from .consolidation_helpers import MASTER, PHONE_ID, RETURNED, group_file


@pytest.fixture(scope="session")
def demo_base(returned_demo, tmp_path_factory) -> Path:
    """Master (set-up only) and the six returned group workbooks, built once."""
    base = tmp_path_factory.mktemp("demo")
    shutil.copy(returned_demo / MASTER, base / MASTER)
    shutil.copytree(returned_demo / RETURNED, base / RETURNED)
    # A code that looks like a phone number: pandas would make it 936861564.
    group01 = group_file(base / RETURNED, "01")
    wb = load_workbook(group01)
    ws = wb[schema.sheet("tin_bai").name]
    ws["A2"].value = PHONE_ID
    wb.save(group01)
    return base


@pytest.fixture
def batch(demo_base, tmp_path) -> Path:
    """A fresh copy: tmp/so-thi-dua.xlsx and tmp/so-to-gui-lai/*.xlsx."""
    shutil.copy(demo_base / MASTER, tmp_path / MASTER)
    shutil.copytree(demo_base / RETURNED, tmp_path / RETURNED)
    return tmp_path
