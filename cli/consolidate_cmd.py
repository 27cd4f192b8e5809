"""``thidua consolidate``: merge the groups' returned workbooks into the master."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbook.consolidation import consolidate
from workbook.findings import ERROR

from .common import echo_json, edge, json_option, progress_bar

SHOWN_AT_MOST = 50  # lines of one kind in the terminal; --json carries them all


@click.command("consolidate")
@click.argument("master", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ báo sẽ thay đổi gì; không ghi sổ chính.")
@click.option(
    "--scheduler",
    metavar="ĐỊA_CHỈ",
    help="Đọc sổ trên cụm Dask (địa chỉ bộ điều phối, ví dụ tcp://10.0.0.5:8786).",
)
@click.option("--workers", type=click.IntRange(1, 64), help="Số luồng đọc (mặc định: theo CPU).")
@click.option(
    "--no-check",
    "no_check",
    is_flag=True,
    help="Không kiểm tra nội dung từng dòng (khi các sổ đã được kiểm tra bằng "
    "thidua validate); vẫn kiểm tra mẫu, tổ và mã dòng.",
)
@json_option
@edge
def consolidate_cmd(
    master: Path,
    paths: tuple[Path, ...],
    dry_run: bool,
    scheduler: str | None,
    workers: int | None,
    no_check: bool,
    as_json: bool,
) -> None:
    """Gộp các sổ tổ gửi lại (thư mục hoặc tệp .xlsx, .xlsm, .xls, .ods) vào sổ chính.

    Mỗi dòng gộp ghi rõ tổ, tệp, trang, dòng nguồn và mã băm tệp. Gộp lại cùng các tệp
    không thay đổi gì; bản mới của một tổ thay các dòng của tổ đó. Tệp đã gộp sạch (không
    lỗi, không dòng chưa gộp) mà không đổi, và các dòng của tổ trong sổ chính vẫn như lúc gộp,
    thì không đọc và kiểm tra lại. Tệp hỏng, có mật khẩu, sai mẫu, của kế hoạch hoặc công đoàn
    khác, trùng lặp được để riêng kèm lý do; bản kết quả kiểm tra (thidua validate) nằm cạnh sổ
    gốc thì được bỏ qua. Các dòng được kiểm tra theo danh sách đoàn viên, đợt và danh mục của
    sổ chính; dòng có lỗi vẫn được gộp và được kể ra (ô, lý do). Mã thoát: 0 gộp hết, không
    lỗi; 1 có lỗi, tệp để riêng hoặc dòng chưa gộp; 2 không chạy được (ví dụ sổ chính đang mở
    trong Excel).

    \b
    Ví dụ:
      thidua consolidate so-thi-dua.xlsm so-to-gui-lai/
    """
    with progress_bar("Đọc sổ tổ", as_json) as bar:
        result = consolidate(
            master,
            paths,
            dry_run=dry_run,
            scheduler=scheduler,
            workers=workers,
            progress=bar,
            check=not no_check,
        )
    if as_json:
        echo_json(result.to_dict())
        sys.exit(result.exit_code)
    unchanged = {f.group: f for f in result.files if f.code == "unchanged"}
    for code, c in result.groups.items():
        kept = unchanged.get(code)
        note = (
            ""
            if kept is None
            else f" (tệp {kept.path.name} không đổi, không đọc lại"
            + (
                f"; lần gộp trước có {kept.earlier_errors} lỗi, {kept.earlier_warnings} cảnh báo"
                if kept.earlier_errors or kept.earlier_warnings
                else ""
            )
            + ")"
        )
        click.echo(
            f"  Tổ {code}: {c['added']} thêm, {c['changed']} sửa, {c['removed']} bỏ, "
            f"{c['unchanged']} giữ nguyên, {c['held']} chưa gộp{note}"
        )
    for s in result.set_aside:
        if s.blocking:
            click.secho(f"  Để riêng {s.path.name}: {s.reason}", fg="yellow")
        else:
            click.echo(f"  Bỏ qua {s.path.name}: {s.reason}")
    for h in result.held[:SHOWN_AT_MOST]:
        click.secho(
            f"  Chưa gộp {h.file} › {h.sheet}!{h.cell} ({h.row_key}): {h.reason}", fg="yellow"
        )
    if len(result.held) > SHOWN_AT_MOST:
        click.echo(f"  … và {len(result.held) - SHOWN_AT_MOST} dòng chưa gộp khác (xem --json).")
    conflicts = [f for f in result.findings if f.code == "key-conflict"]
    for f in conflicts:
        click.secho(f"  Xung đột: {f.message}", fg="red")
    others = [f for f in result.findings if f.code != "key-conflict"]
    for f in others[:SHOWN_AT_MOST]:
        click.secho(
            f"  {f.severity} ở {f.file} › {f.sheet}!{f.cell}: {f.message}",
            fg="red" if f.severity == ERROR else "yellow",
        )
    if len(others) > SHOWN_AT_MOST:
        click.echo(f"  … và {len(others) - SHOWN_AT_MOST} mục khác (xem --json).")
    click.echo(result.summary_line() + ".")
    if result.dry_run:
        click.echo("Chạy thử: sổ chính chưa được ghi.")
    elif result.written and result.log_only:
        click.echo(
            f"Dữ liệu không thay đổi; chỉ ghi thêm Nhật ký của sổ chính "
            f"{result.master.name} để lần sau không đọc lại các sổ không đổi."
        )
    elif result.written:
        click.echo(
            f"Đã ghi sổ chính {result.master.name}"
            + (f" (bản cũ sao lưu tại {result.backup})." if result.backup else ".")
        )
    else:
        click.echo("Không có gì thay đổi; sổ chính giữ nguyên.")
    sys.exit(result.exit_code)
