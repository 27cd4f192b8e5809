"""`thidua validate`: check a master or returned group workbooks, report what to fix."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbook.findings import ERROR, title_of
from workbook.validation.checking import check_workbooks

from .common import echo_json, edge, json_option


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--reference",
    "-r",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Sổ chính dùng làm chuẩn (đợt, phong trào, danh hiệu, đoàn viên) khi kiểm tra "
    "sổ tổ. Mặc định: dùng các trang thiết lập có sẵn trong từng sổ.",
)
@click.option(
    "--no-write", is_flag=True, help="Chỉ báo cáo, không ghi trang Kiểm tra và không tô màu ô nào."
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Nơi ghi bản sao đã kiểm tra (biên nhận) của sổ tổ: một tệp, hoặc một thư mục "
    "khi kiểm tra nhiều sổ. Mặc định: thư mục bien-nhan cạnh sổ gốc, tên có đuôi "
    "-ket-qua-kiem-tra.",
)
@json_option
@edge
def validate_cmd(
    files: tuple[Path, ...], reference: Path | None, no_write: bool, out: Path | None, as_json: bool
) -> None:
    """Kiểm tra dữ liệu của sổ chính hoặc các sổ tổ gửi lại (tệp hoặc cả thư mục).

    Mỗi lỗi có mã, mức độ (Lỗi / Cảnh báo), ô cụ thể và cách sửa. Sổ chính được ghi trang
    Kiểm tra và tô màu các ô có lỗi; sổ tổ không bao giờ bị sửa: kết quả được ghi vào một bản
    sao (biên nhận gửi lại tổ) trong thư mục bien-nhan cạnh sổ gốc. Kiểm tra nhiều sổ cùng lúc
    thì tìm được cả đăng ký trùng giữa các sổ; tệp không đọc được được kể ra, các sổ khác vẫn
    được kiểm tra. Kiểm tra sổ chính: thidua validate so-thi-dua.xlsm. Mã thoát: 0 không có
    lỗi, 1 có lỗi, 2 không chạy được.

    \b
    Ví dụ:
      thidua validate so-to-gui-lai/ --reference so-thi-dua.xlsm
    """
    report = check_workbooks(list(files), reference, write=not no_write, out=out)
    if as_json:
        echo_json(report.to_dict())
        sys.exit(report.exit_code)
    for checked in report.files:
        if checked.written:
            click.echo(f"Đã ghi kết quả kiểm tra của {checked.file} vào {checked.written}")
    for note in report.notes:
        click.secho(f"Lưu ý: {note}", fg="yellow")
    summary = report.summary()
    if summary:
        click.echo("")
        click.echo(f"{'Mức độ':<9} {'Loại lỗi':<34} {'Số':>4}  Tệp › Trang")
        for row in summary:
            colour = "red" if row["severity"] == ERROR else "yellow"
            click.secho(
                f"{row['severity']:<9} {title_of(row['code']):<34} {row['count']:>4}  "
                f"{row['file']} › {row['sheet']}",
                fg=colour,
            )
        click.echo("")
    click.secho(report.headline(), fg="red" if report.has_errors else "green")
    sys.exit(report.exit_code)
