"""Files thidua writes can be opened by colleagues sharing the folder: under umask 022 every new
file is 0644 (not the 0600 of a temporary file), and a replaced file keeps the mode it had."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import cli
from tests.members.lists import list_with_own_headers


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="thidua")
    assert result.exit_code in (0, 1), result.output
    return result


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): mode(p) for p in folder.rglob("*") if p.is_file()}


def test_every_writing_command_leaves_readable_files(umask_022, tmp_path, returned_demo):
    master = tmp_path / "So-thi-dua.xlsm"
    run("init", master)
    assert mode(master) == 0o644
    run("members", "import", master, list_with_own_headers(tmp_path / "danh-sach.xlsx"))
    run("groups", "make", master, tmp_path / "so-to")
    run("validate", master)
    run("excel", "build", master)
    demo_master = tmp_path / "demo" / "so-thi-dua.xlsx"
    shutil.copytree(returned_demo, tmp_path / "demo")
    for path in (tmp_path / "demo").rglob("*"):
        if path.is_file():
            path.chmod(0o644)
    run("validate", tmp_path / "demo" / "so-to-gui-lai", "-r", demo_master)
    run("consolidate", demo_master, tmp_path / "demo" / "so-to-gui-lai")
    run("score", demo_master)
    run("shortlist", demo_master)
    run("report", demo_master)
    run("report", demo_master, "--out", tmp_path / "bao-cao.xlsx")
    for _ in range(2):  # the second run replaces the Word files, with backups
        run(
            "report",
            demo_master,
            "--out",
            tmp_path / "bao-cao.xlsx",
            "--word",
            tmp_path / "bao-cao.docx",
        )
        run("dossier", demo_master, tmp_path / "ho-so")
    run("export", "tdkt", demo_master, tmp_path / "tdkt")
    run("export", "tdkt", demo_master, tmp_path / "tdkt")  # replaced, with backups
    run("consolidate-summaries", tmp_path / "tong-hop.xlsx", demo_master)
    written = modes(tmp_path)
    private = {
        name: oct(m)
        for name, m in written.items()
        if m != 0o644 and not name.startswith("nhat-ky-loi")
    }
    assert not private
    for kind in ("sao-luu", "bien-nhan", "so-to", "tdkt", "bao-cao.docx", "ho-so"):
        assert any(kind in name for name in written), kind


def test_a_replaced_file_keeps_its_mode(umask_022, filled_master):
    filled_master.chmod(0o640)
    run("score", filled_master)
    assert mode(filled_master) == 0o640
    backups = list((filled_master.parent / "sao-luu").iterdir())
    assert backups and all(mode(b) == 0o640 for b in backups)
