"""Every thidua command line in README.md and docs/ runs as written, on the demo data.

The lines are found as ../shared/tools/check_readme_commands.py finds them (inline code, indented
and fenced blocks) and run in document order in one working folder, as a new officer following
the guides would: README first, then docs/ in name order; a line met twice (a folder written with
or without its final "/") runs once. The folder
holds what the lines name: the demo's returned group workbooks (so-to-gui-lai/), a member list
(danh-sach-doan-vien.xlsx), a master kept as .xlsx (So-thi-dua.xlsx), a CĐCS's master for the
upper union (bao-cao-cac-cdcs/). Exit codes 0 and 1 (findings in the demo's planted mistakes)
are success; 2 is a line that does not run.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from cli.main import cli
from workbook import schema
from workbook.campaign import load_campaign
from workbook.demo_data import demo_setup
from workbook.master import init_master

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
COMMAND = re.compile(r"(?:^|[\s&|;])(thidua(?:\s+[^#&|;]+)?)")


def command_lines() -> list[tuple[str, int, str]]:
    """(document, line number, command) for every thidua command line, first occurrence only."""
    found, seen = [], set()
    for doc in DOCS:
        fenced = False
        for n, text in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            if text.lstrip().startswith("```"):
                fenced = not fenced
                continue
            spans = [text] if fenced or text.startswith("    ") else re.findall(r"`([^`]+)`", text)
            for span in spans:
                for m in COMMAND.finditer(span):
                    command = m.group(1).strip()
                    same = " ".join(w.rstrip("/") for w in command.split())
                    if same not in seen:
                        seen.add(same)
                        found.append((doc.name, n, command))
    return found


def member_list(path: Path) -> Path:
    """The demo's members as a union office keeps them: its own headers, group code and name."""
    setup = demo_setup()
    names = {g["ma_to"]: g["ten_to"] for g in setup["to_cong_doan"]}
    members = schema.sheet("doan_vien")
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "STT",
            "Mã đoàn viên",
            "Họ và tên",
            "Giới tính",
            "Ngày sinh",
            "Mã tổ",
            "Tên tổ",
            "Chức vụ",
            "Số điện thoại",
        ]
    )
    for i, m in enumerate(setup["doan_vien"], start=1):
        ws.append(
            [
                i,
                m["ma_doan_vien"],
                f"{m['ho_dem']} {m['ten']}",
                m["gioi_tinh"],
                m["ngay_sinh"],
                m["ma_to"],
                names[m["ma_to"]],
                m["chuc_vu"],
                m["dien_thoai"],
            ]
        )
    assert members.column("dien_thoai").type == "code"  # the phone's leading zero is text
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def workspace(returned_demo, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("huong-dan")
    shutil.copytree(returned_demo / "so-to-gui-lai", root / "so-to-gui-lai")
    (root / "bao-cao-cac-cdcs").mkdir()
    shutil.copy(returned_demo / "so-thi-dua.xlsx", root / "bao-cao-cac-cdcs" / "CDCS-So-KHDT.xlsx")
    init_master(root / "So-thi-dua.xlsx", load_campaign(), extra=demo_setup())
    member_list(root / "danh-sach-doan-vien.xlsx")
    expected = Workbook()  # the province's list of the CĐCSs that must report
    expected.active.append(["STT", "Công đoàn cơ sở"])
    expected.active.append([1, load_campaign().config["ten_cong_doan"]])
    expected.save(root / "danh-sach-cdcs.xlsx")
    return root


LINES = command_lines()


def test_the_guides_name_the_commands_an_officer_needs():
    commands = {" ".join(c.split()[:3]) for _, _, c in LINES}
    for needed in (
        "thidua init So-thi-dua.xlsm",
        "thidua members import",
        "thidua groups make",
        "thidua validate so-to-gui-lai/",
        "thidua consolidate So-thi-dua.xlsm",
        "thidua score So-thi-dua.xlsm",
    ):
        assert any(c.startswith(needed) for c in commands), needed


@pytest.mark.parametrize("doc, line, command", LINES, ids=[f"{d}:{n}" for d, n, _ in LINES])
def test_command_line_runs_as_written(workspace, monkeypatch, doc, line, command):
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("HOME", str(workspace))  # `excel setup` may write the user's config
    args = []
    for word in shlex.split(command)[1:]:
        args += sorted(glob.glob(word)) or [word] if "*" in word else [word]
    result = CliRunner().invoke(cli, args, prog_name="thidua")
    assert result.exit_code in (0, 1), f"{doc}:{line}: {command}\n{result.output}"
    assert "Lỗi không mong đợi" not in result.output and "Traceback" not in result.output
