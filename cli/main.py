"""Entry point of the `thidua` command."""

from __future__ import annotations

import sys

import click

from workbook import __version__

from .common import echo_json
from .consolidate_cmd import consolidate_cmd, consolidate_summaries_cmd
from .excel_cmds import doctor_cmd, excel_cmd
from .help import vietnamese_help
from .members_cmd import members_cmd
from .results_cmds import dossier_cmd, export_cmd, report_cmd, score_cmd, shortlist_cmd
from .rules_cmd import rules_cmd
from .setup_cmds import demo_cmd, groups_cmd, init_cmd
from .validate_cmd import validate_cmd


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    invoke_without_command=True,
)
@click.version_option(
    __version__,
    prog_name="thidua",
    help="Hiện phiên bản rồi thoát.",
    message="%(prog)s, phiên bản %(version)s",
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """thidua: điều hành phong trào thi đua công đoàn trên Excel.

    Sổ chính của Ban Chấp hành, sổ của các tổ công đoàn, kiểm tra dữ liệu, tính điểm, danh sách
    khen thưởng và báo cáo cấp trên.

    \b
    Ví dụ:
      thidua demo thidua-demo/
    """
    if ctx.invoked_subcommand is None:  # `thidua` alone: the help page, which is not an error
        click.echo(ctx.get_help())


for command in (
    init_cmd,
    members_cmd,
    groups_cmd,
    demo_cmd,
    validate_cmd,
    consolidate_cmd,
    consolidate_summaries_cmd,
    score_cmd,
    shortlist_cmd,
    rules_cmd,
    report_cmd,
    dossier_cmd,
    export_cmd,
    excel_cmd,
    doctor_cmd,
):
    cli.add_command(command)
vietnamese_help(cli)


def main(argv: list[str] | None = None) -> None:
    """Run ``thidua``. Click's own errors (a missing file, a wrong option) are shown as Click
    shows them; with ``--json`` they are also printed on stdout as the JSON error object every
    command prints, so a script reading the output always gets JSON."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        code = cli.main(args=args, prog_name="thidua", standalone_mode=False)
    except click.ClickException as err:
        if "--json" in args:
            echo_json(
                {
                    "error": {"code": "usage", "message": err.format_message()},
                    "exit_code": err.exit_code,
                }
            )
        err.show()
        sys.exit(err.exit_code)
    except click.Abort:
        click.echo("Đã dừng theo yêu cầu.", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)  # ctx.exit(n): --help, --version


if __name__ == "__main__":
    main()
