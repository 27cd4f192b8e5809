"""Fixtures shared by every feature's tests: real workbook files built on disk."""

from __future__ import annotations

import os

import pytest

from workbook.campaign import load_campaign
from workbook.demo_data import demo_setup
from workbook.master import init_master

# Tests only: xlwings' remote engine wants a key; the union's use is noncommercial.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")


@pytest.fixture(autouse=True)
def crash_log_in_tmp(tmp_path, monkeypatch):
    """Crash logs of a test go to its own folder, never to the user's or a shared one."""
    monkeypatch.setenv("THIDUA_LOG_DIR", str(tmp_path / "nhat-ky-loi"))
    # The masters' states a consolidation keeps (master_cache): per test, never the user's.
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "bo-nho-dem"))


@pytest.fixture(scope="session")
def campaign():
    return load_campaign()


@pytest.fixture(scope="session")
def setup_rows():
    return demo_setup()


@pytest.fixture
def empty_master(tmp_path, campaign):
    """A freshly initialised master: set-up from plan 45, no groups or members."""
    path = tmp_path / "so-thi-dua.xlsx"
    init_master(path, campaign)
    return path


@pytest.fixture
def demo_master(tmp_path, campaign, setup_rows):
    """A master with the demo's 6 groups and 60 members, no campaign data yet."""
    path = tmp_path / "so-thi-dua.xlsx"
    init_master(path, campaign, extra=setup_rows)
    return path


@pytest.fixture
def filled_master(tmp_path, campaign, setup_rows):
    """A master holding every group's demo data (planted mistakes included) in its data sheets,
    as after consolidation."""
    from workbook.demo_data import demo_group_data
    from workbook.writing import fill_tables

    folder = tmp_path / "filled"
    folder.mkdir()
    path = folder / "so-thi-dua.xlsx"
    init_master(path, campaign, extra=setup_rows)
    by_group, _ = demo_group_data(setup_rows)
    rows = {
        key: [r for g in sorted(by_group) for r in by_group[g][key]]
        for key in ("dang_ky", "cong_trinh", "ket_qua", "tin_bai")
    }
    fill_tables(path, rows)
    return path


@pytest.fixture(scope="session")
def returned_demo(tmp_path_factory):
    """Built once: the demo master with its set-up only (so-thi-dua.xlsx) and the six group
    workbooks as the groups return them, filled in (so-to-gui-lai/). Copy before changing."""
    from workbook.demo import DemoContext, step_fill, step_groups, step_init

    base = tmp_path_factory.mktemp("returned-demo")
    ctx = DemoContext(
        outdir=base,
        campaign=load_campaign(),
        master=base / "so-thi-dua.xlsx",
        issued_dir=base / "so-to",
        returned_dir=base / "so-to-gui-lai",
    )
    step_init(ctx)
    step_groups(ctx)
    step_fill(ctx)
    return base
