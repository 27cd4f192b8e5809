"""Commands for the Excel side: build the macro workbook, point it at Python, diagnose."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import click

from xlsources.doctor import diagnose
from xlsources.setup import configure
from xlsources.xlsm import rebuild_xlsm

from .common import EXIT_CANNOT_RUN, echo_json, edge, json_option


def _macro_module() -> ModuleType | Exception:
    """xlsources.macros, or why it cannot be imported: what the doctor diagnoses."""
    try:
        return importlib.import_module("xlsources.macros")
    except Exception as err:  # any import failure is the finding, not a crash
        return err


@click.group("excel")
def excel_cmd() -> None:
    """Sổ thi đua có thẻ Thi đua trên Excel (macro, ribbon, cấu hình Python).

    \b
    Ví dụ:
      thidua excel setup So-thi-dua.xlsm
    """


@excel_cmd.command("build")
@click.argument("master", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp .xlsm ghi ra (mặc định: cùng tên, đuôi .xlsm).",
)
@json_option
@edge
def excel_build_cmd(master: Path, out: Path | None, as_json: bool) -> None:
    """Gắn (hoặc làm mới) thẻ Thi đua và macro vào sổ thi đua, giữ nguyên mọi dữ liệu.

    \b
    Ví dụ:
      thidua excel build So-thi-dua.xlsx
    """
    target = out or master.with_suffix(".xlsm")
    from workbook.safe_io import backup, ensure_not_open, ensure_writable

    ensure_not_open(target)
    ensure_writable(target)
    saved = backup(target) if target.exists() else None
    rebuild_xlsm(master, target)
    result = {"master": str(master), "xlsm": str(target), "backup": str(saved) if saved else None}
    if as_json:
        echo_json(result)
        return
    click.echo(f"Đã ghi sổ có thẻ Thi đua: {target}")


@excel_cmd.command("setup")
@click.argument("master", required=False, type=click.Path(dir_okay=False, path_type=Path))
@json_option
@edge
def excel_setup_cmd(master: Path | None, as_json: bool) -> None:
    """Chỉ cho sổ thi đua dùng Python của máy này (ghi tệp xlwings.conf).

    Không nêu sổ: ghi cấu hình chung của người dùng (~/.xlwings/xlwings.conf).

    \b
    Ví dụ:
      thidua excel setup So-thi-dua.xlsm
    """
    result = configure(master)
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(f"Đã ghi {result.conf_path}:")
    for key, value in result.settings.items():
        click.echo(f"  {key} = {value}")
    click.echo("Việc còn lại:")
    for i, step in enumerate(result.steps, start=1):
        click.echo(f"  {i}. {step}")


@click.command("doctor")
@click.argument("master", required=False, type=click.Path(dir_okay=False, path_type=Path))
@json_option
@edge
def doctor_cmd(master: Path | None, as_json: bool) -> None:
    """Chẩn đoán: Python, các gói, mô-đun macro, sổ thi đua (macro, ribbon, cấu hình).

    \b
    Ví dụ:
      thidua doctor So-thi-dua.xlsm
    """
    report = diagnose(_macro_module(), master)
    if as_json:
        echo_json(report.to_dict())
    else:
        for c in report.checks:
            mark = click.style("✓", fg="green") if c.ok else click.style("✗", fg="red")
            click.echo(f"{mark} {c.name}: {c.detail}")
            if not c.ok:
                click.echo(f"    Cách sửa: {c.fix}")
        click.echo("Mọi thứ đều ổn." if report.ok else "Có mục cần xử lý (xem Cách sửa).")
    if not report.ok:
        raise SystemExit(EXIT_CANNOT_RUN)
