"""Commands that create workbooks: init, groups make, demo."""

from __future__ import annotations

from pathlib import Path

import click

from workbook.campaign import load_campaign
from workbook.demo import run_demo
from workbook.groups import make_group_workbooks
from workbook.master import init_master
from xlsources.xlsm import build_xlsm

from .common import echo_json, edge, json_option


@click.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--campaign",
    "campaign_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Tệp kế hoạch thi đua (JSON). Mặc định: Kế hoạch 45/KH-CĐCS.",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có (bản cũ được sao lưu).")
@json_option
@edge
def init_cmd(path: Path, campaign_file: str | None, force: bool, as_json: bool) -> None:
    """Tạo sổ thi đua (sổ chính của Ban Chấp hành) cho một kế hoạch thi đua.

    Các trang thiết lập được điền sẵn theo kế hoạch; các trang dữ liệu là bảng Excel trống có
    danh sách thả xuống; các trang kết quả được khóa.

    Đuôi .xlsm: sổ có thẻ Thi đua trên Excel (macro); đuôi .xlsx: sổ không có macro.

    \b
    Ví dụ:
      thidua init So-thi-dua.xlsm
    """
    result = init_master(path, load_campaign(campaign_file), force=force)
    if path.suffix.lower() == ".xlsm":
        build_xlsm(path, path)  # the ribbon and the VBA project, built from xlsources/
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(f"Đã tạo sổ thi đua {result.path} ({len(result.sheets)} trang).")
    if result.backup:
        click.echo(f"Bản cũ được sao lưu tại {result.backup}.")


@click.group("groups")
def groups_cmd() -> None:
    """Sổ của các tổ công đoàn.

    \b
    Ví dụ:
      thidua groups make so-thi-dua.xlsx so-to/
    """


@groups_cmd.command("make")
@click.argument("master", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@json_option
@edge
def groups_make_cmd(master: Path, outdir: Path, as_json: bool) -> None:
    """Tạo một sổ cho mỗi tổ công đoàn, điền sẵn đoàn viên của tổ, không có macro.

    Sổ tổ đã có trong thư mục được thay bằng sổ mới; bản cũ được sao lưu trong sao-luu/.

    \b
    Ví dụ:
      thidua groups make so-thi-dua.xlsx so-to/
    """
    result = make_group_workbooks(master, outdir)
    if as_json:
        echo_json(result.to_dict())
        return
    for f in result.files:
        click.echo(f"  Tổ {f.group} {f.name}: {f.path.name} ({f.members} đoàn viên, {f.status})")
        if f.backup:
            click.echo(f"    Bản cũ được sao lưu tại {f.backup}.")
    click.echo(f"{len(result.files)} sổ tổ trong {result.outdir}.")


@click.command("demo")
@click.argument(
    "outdir", type=click.Path(file_okay=False, path_type=Path), default=Path("thidua-demo")
)
@json_option
@edge
def demo_cmd(outdir: Path, as_json: bool) -> None:
    """Chạy thử toàn bộ quy trình trên đợt thi đua mẫu (Kế hoạch 45/KH-CĐCS).

    Tạo sổ chính, 6 sổ tổ với khoảng 60 đoàn viên, các tổ điền dữ liệu (có vài lỗi cố ý), rồi
    chạy mọi bước hiện có và cho biết các tệp nằm ở đâu.

    \b
    Ví dụ:
      thidua demo thidua-demo/
    """
    progress = None if as_json else (lambda s: click.echo(f"✓ {s.summary}"))
    result = run_demo(outdir, progress=progress, make_macro_workbook=build_xlsm)
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(f"Xong. Mở sổ chính: {result.master}")
