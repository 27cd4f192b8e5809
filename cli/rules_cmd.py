"""`thidua rules`: the award law a review day applies, or the whole page of every rule set."""

from __future__ import annotations

import datetime as dt

import click

from workbook.rulesets import pick_regime
from workbook.rulesets.doc import regime_lines, render_markdown

from .common import echo_json, edge, json_option


@click.command("rules")
@click.option(
    "--date",
    "day",
    type=click.DateTime(["%d/%m/%Y", "%Y-%m-%d"]),
    help="Ngày xét khen thưởng (dd/mm/yyyy). Mặc định: hôm nay.",
)
@click.option(
    "--markdown",
    is_flag=True,
    help="In trang Tiêu chuẩn khen thưởng của mọi bộ quy tắc (Markdown).",
)
@json_option
@edge
def rules_cmd(day: dt.datetime | None, markdown: bool, as_json: bool) -> None:
    """Tiêu chuẩn khen thưởng áp dụng cho một ngày xét, kèm căn cứ pháp lý.

    Bộ quy tắc được chọn theo ngày xét khen thưởng: khen thưởng của Nhà nước theo Luật Thi
    đua, khen thưởng có hiệu lực ngày đó; khen thưởng của Công đoàn theo Quy chế khen thưởng
    của tổ chức Công đoàn. Mỗi tiêu chuẩn ghi điều, khoản; căn cứ chưa xác minh được ghi rõ.

    \b
    Ví dụ:
      thidua rules --date 05/01/2024
    """
    if markdown:
        click.echo(render_markdown(), nl=False)
        return
    regime = pick_regime(day.date() if day else dt.date.today())
    if as_json:
        echo_json(
            {
                "regime": regime.to_dict(),
                "awards": [a.to_dict() for rs in regime.sets for a in rs.awards],
            }
        )
        return
    for line in regime_lines(regime):
        click.echo(line)
