"""`thidua members import`: bring an existing member list into the master's set-up."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbook.findings import ERROR
from workbook.members_import import import_members

from .common import echo_json, edge, json_option


@click.group("members")
def members_cmd() -> None:
    """Danh sách đoàn viên của sổ chính.

    \b
    Ví dụ:
      thidua members import So-thi-dua.xlsm danh-sach-doan-vien.xlsx
    """


@members_cmd.command("import")
@click.argument("master", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("members_list", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ báo sẽ thêm gì; không ghi sổ chính.")
@json_option
@edge
def members_import_cmd(master: Path, members_list: Path, dry_run: bool, as_json: bool) -> None:
    """Nhập danh sách đoàn viên có sẵn (tệp Excel) vào trang Tổ công đoàn và Đoàn viên.

    Danh sách cần một dòng tiêu đề; tên cột viết tự do: Họ và tên (hoặc Họ đệm, Tên), Ngày
    sinh, Giới tính, Chức vụ, Tổ (tên hoặc mã tổ), Điện thoại, Mã đoàn viên… Tổ chưa có được
    thêm (có mã mới); đoàn viên chưa có mã được cấp mã; người đã có trong sổ chính không bị
    nhập lại. Ô sai được kể ra (ô, lý do). Sổ chính được sao lưu trước khi ghi. Mã thoát:
    0 không có lỗi, 1 có ô sai, 2 không chạy được.

    \b
    Ví dụ:
      thidua members import So-thi-dua.xlsm danh-sach-doan-vien.xlsx
    """
    result = import_members(master, members_list, dry_run=dry_run)
    if as_json:
        echo_json(result.to_dict())
        sys.exit(result.exit_code)
    for group in result.groups:
        click.echo(f"  Thêm tổ {group['ma_to']}: {group['ten_to']}")
    for f in result.findings:
        click.secho(
            f"  {f.severity} ở {f.file} › {f.sheet}!{f.cell}: {f.message}",
            fg="red" if f.severity == ERROR else "yellow",
        )
    click.echo(result.headline + ".")
    if dry_run:
        click.echo("Chạy thử: sổ chính chưa được ghi.")
    elif result.written:
        click.echo(f"Đã ghi sổ chính {master.name} (bản cũ sao lưu tại {result.backup}).")
        click.echo(f"Bước tiếp theo: thidua groups make {master.name} so-to/")
    else:
        click.echo("Không có gì mới để thêm; sổ chính giữ nguyên.")
    sys.exit(result.exit_code)
