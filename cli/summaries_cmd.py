"""``thidua consolidate-summaries``: the upper union merges the CĐCS' summary reports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbook.consolidation.summaries import consolidate_summaries

from .common import echo_json, edge, json_option, progress_bar


@click.command("consolidate-summaries")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--dot",
    "moment",
    metavar="ĐỢT",
    help="Tổng hợp báo cáo sơ kết đợt này (mã hoặc số thứ tự), hoặc 'cả năm'. Mặc "
    "định: kỳ báo cáo mà nhiều tệp gửi về nhất.",
)
@click.option(
    "--expected",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Danh sách CĐCS phải báo cáo (tệp Excel có cột 'Công đoàn cơ sở', hoặc tệp "
    "văn bản mỗi dòng một tên): liệt kê CĐCS chưa gửi.",
)
@click.option("--workers", type=click.IntRange(1, 64), help="Số luồng đọc (mặc định: theo CPU).")
@json_option
@edge
def consolidate_summaries_cmd(
    out: Path,
    paths: tuple[Path, ...],
    moment: str | None,
    expected: Path | None,
    workers: int | None,
    as_json: bool,
) -> None:
    """Công đoàn cấp trên: tổng hợp báo cáo các CĐCS gửi về thành một bảng, mỗi CĐCS một
    dòng, có dòng tổng cộng, biểu đồ, danh sách CĐCS chưa gửi và tệp để riêng.

    Nhận tệp báo cáo do lệnh thidua report --out lập (hoặc trang 'BC Tổng hợp' kiểu cũ), hoặc
    chính sổ chính của CĐCS (khi đó số liệu được tính từ sổ). CĐCS gửi hai lần chỉ tính một
    lần, bản có ngày báo cáo sau. Tệp hỏng, sai mẫu, báo cáo của kỳ khác được để riêng kèm lý
    do. Tệp tổng hợp đã có được thay, bản cũ được sao lưu. Mã thoát: 0 đủ cả; 1 có tệp để
    riêng hoặc CĐCS chưa gửi; 2 không chạy được.

    \b
    Ví dụ:
      thidua consolidate-summaries tong-hop-tinh.xlsx bao-cao-cdcs/ --expected danh-sach-cdcs.xlsx
    """
    with progress_bar("Đọc báo cáo CĐCS", as_json) as bar:
        result = consolidate_summaries(
            out, paths, force=True, moment=moment, expected=expected, workers=workers, progress=bar
        )
    if as_json:
        echo_json(result.to_dict())
        sys.exit(result.exit_code)
    for s in result.set_aside:
        click.secho(f"  Để riêng {s.path.name}: {s.reason}", fg="yellow")
    for r in result.replaced:
        click.echo(f"  Gửi lại: {r.reason}")
    if result.missing:
        click.secho(
            f"  Chưa gửi báo cáo ({len(result.missing)}): " + "; ".join(result.missing), fg="yellow"
        )
    click.echo(result.headline + ".")
    if result.backup:
        click.echo(f"Bản cũ được sao lưu tại {result.backup}.")
    sys.exit(result.exit_code)
