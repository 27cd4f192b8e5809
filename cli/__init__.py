"""The `thidua` command line: parse input, call one library function, render its result."""

from . import click_vi

# Before any command is declared: Click translates some words (a Path's "file") when a
# parameter is created, not when the message is shown.
click_vi.install()
