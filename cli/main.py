"""Entry point of the `thidua` command."""

from __future__ import annotations

import importlib
import sys

import click

from workbook import __version__
from workbook.collector import fewer_collections

from .common import echo_json
from .help import vietnamese_help

# Each command's module is imported when that command runs: a run pays for its own libraries
# only (``thidua consolidate`` does not load the report writers), which an officer waiting on a
# small batch notices.
COMMANDS = {
    "init": ("setup_cmds", "init_cmd"),
    "members": ("members_cmd", "members_cmd"),
    "groups": ("setup_cmds", "groups_cmd"),
    "demo": ("setup_cmds", "demo_cmd"),
    "validate": ("validate_cmd", "validate_cmd"),
    "consolidate": ("consolidate_cmd", "consolidate_cmd"),
    "consolidate-summaries": ("summaries_cmd", "consolidate_summaries_cmd"),
    "score": ("results_cmds", "score_cmd"),
    "shortlist": ("results_cmds", "shortlist_cmd"),
    "rules": ("rules_cmd", "rules_cmd"),
    "report": ("results_cmds", "report_cmd"),
    "dossier": ("results_cmds", "dossier_cmd"),
    "export": ("results_cmds", "export_cmd"),
    "excel": ("excel_cmds", "excel_cmd"),
    "doctor": ("excel_cmds", "doctor_cmd"),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (Click's documented lazy pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            module, attribute = COMMANDS[name]
            command = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
            if command.name != name:
                raise RuntimeError(f"COMMANDS[{name!r}] names the command {command.name!r}")
            vietnamese_help(command)
            self.add_command(command)
        return super().get_command(ctx, name)


@click.group(
    cls=LazyGroup,
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


vietnamese_help(cli)


def main(argv: list[str] | None = None) -> None:
    """Run ``thidua``. Click's own errors (a missing file, a wrong option) are shown as Click
    shows them; with ``--json`` they are also printed on stdout as the JSON error object every
    command prints, so a script reading the output always gets JSON."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        with fewer_collections():  # see workbook.collector
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
