"""Help pages in Vietnamese, each ending with its runnable example.

Click prints a command's docstring before its options and labels them in English. Officers read
the help, so: the "Ví dụ:" block of each docstring moves after the options (the epilog), Click's
own headings and the help option's text are given in Vietnamese, and so are the placeholders
(MASTER, FILES, PATH → SỔ_CHÍNH, TỆP, ĐƯỜNG_DẪN) that usage lines and error messages show.
"""

from __future__ import annotations

import inspect

import click

EXAMPLE_MARK = "\b\nVí dụ:"
HEADINGS = {"Options": "Tùy chọn", "Commands": "Lệnh", "Arguments": "Đối số"}
HELP_OPTION_TEXT = "Hiện hướng dẫn này rồi thoát."
HELP_OPTION_NAMES = ["-h", "--help"]

# Placeholders by parameter name: what officers read in "Cách dùng: thidua score SỔ_CHÍNH".
METAVARS = {
    "master": "SỔ_CHÍNH",
    "files": "TỆP_HOẶC_THƯ_MỤC",
    "paths": "TỆP_HOẶC_THƯ_MỤC",
    "outdir": "THƯ_MỤC",
    "path": "TỆP",
    "out": "TỆP",
    "members_list": "DANH_SÁCH",
    "reference": "SỔ_CHÍNH",
    "campaign_file": "TỆP_JSON",
    "day": "NGÀY",
    "workers": "SỐ",
}


class VietnameseHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Cách dùng: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))


class VietnameseContext(click.Context):
    formatter_class = VietnameseHelpFormatter


def vietnamese_help(command: click.Command) -> None:
    """Apply to a command and all its subcommands, once, after they are registered."""
    command.context_class = VietnameseContext
    command.options_metavar = "[TÙY_CHỌN]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "LỆNH [ĐỐI_SỐ]..."
    head, mark, example = inspect.cleandoc(command.help or "").partition(EXAMPLE_MARK)
    if mark:
        command.help = head.rstrip()
        command.epilog = mark + example
    for param in command.params:
        if (
            param.metavar is None
            and not getattr(param, "is_flag", False)
            and param.name in METAVARS
        ):
            param.metavar = METAVARS[param.name]
    ctx = VietnameseContext(command, help_option_names=HELP_OPTION_NAMES)
    option = command.get_help_option(ctx)  # cached by Click: the text set here is what it prints
    if option is not None:
        option.help = HELP_OPTION_TEXT
    for sub in getattr(command, "commands", {}).values():
        vietnamese_help(sub)
