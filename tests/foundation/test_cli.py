"""The CLI: every command's help ends with a runnable example; the demo runs end to end."""

import json
import shlex

import click
import pytest
from click.testing import CliRunner

from cli.main import cli


def all_commands(group=cli, prefix=()):
    yield prefix, group
    if isinstance(group, click.Group):
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            yield from all_commands(group.get_command(ctx, name), (*prefix, name))


def test_every_command_is_listed_and_loads():
    names = [p[0] for p, _ in all_commands() if len(p) == 1]
    assert {"init", "demo", "validate", "consolidate", "score", "shortlist", "report"} <= set(names)
    assert all(command is not None for _, command in all_commands())


@pytest.mark.parametrize("path", [p for p, _ in all_commands()], ids=" ".join)
def test_help_ends_with_a_runnable_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    tail = result.output.rstrip().splitlines()
    assert tail[-2].strip() == "Ví dụ:", result.output  # the page's last lines: the example
    example = shlex.split(tail[-1].strip())
    assert example[0] == "thidua"
    assert tuple(example[1 : 1 + len(path)]) == path  # the example runs this very command


@pytest.mark.parametrize("path", [p for p, _ in all_commands()], ids=" ".join)
def test_help_speaks_vietnamese(path):
    output = CliRunner().invoke(cli, [*path, "--help"], prog_name="thidua").output
    assert output.startswith("Cách dùng: thidua")
    assert "Tùy chọn:" in output and "Hiện hướng dẫn này rồi thoát." in output
    assert "Options:" not in output and "Show this message" not in output


def test_demo_runs_every_step_and_json_matches(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["demo", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "Xong." in result.output
    assert (tmp_path / "demo" / "So-thi-dua-45-KH-CDCS.xlsm").exists()
    assert len(list((tmp_path / "demo" / "so-to-gui-lai").glob("*.xlsx"))) == 6
    as_json = runner.invoke(cli, ["demo", str(tmp_path / "demo"), "--json"])
    assert as_json.exit_code == 0
    steps = json.loads(as_json.output)["steps"]
    assert [s["name"] for s in steps] == [
        "init",
        "groups",
        "fill",
        "read",
        "validate",
        "consolidate",
        "check",
        "score",
        "shortlist",
        "report",
        "dossier",
        "export",
    ]
    # the JSON says what the officer read, step by step
    shown = [
        line.removeprefix("✓ ") for line in result.output.splitlines() if line.startswith("✓ ")
    ]
    assert [s["summary"] for s in steps] == shown
