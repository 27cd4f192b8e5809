"""What every command shares: the error edge, JSON output, Vietnamese rendering helpers.

Library exceptions become a clear Vietnamese message here, once; anything unexpected becomes a
short message plus a log file holding the traceback for the maintainer, never a traceback on the
officer's screen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import click

from workbook.errors import ThiduaError, unexpected_message, write_crash_log

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2


def edge(func: Callable) -> Callable:
    """Run a command body; map failures to Vietnamese messages and exit code 2.

    With ``--json`` the failure is also printed on stdout as ``{"error": {...}, "exit_code": 2}``,
    so a script reading the output always gets JSON."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        as_json = bool(kwargs.get("as_json"))
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except ThiduaError as err:
            _fail(err.code, f"Lỗi: {err.message}", as_json)
        except PermissionError as err:
            _fail("permission-denied", permission_message(err), as_json)
        except KeyboardInterrupt:
            _fail("interrupted", "Đã dừng theo yêu cầu; tệp chính chưa bị thay đổi.", as_json)
        except Exception as err:  # the one place an unknown failure is caught
            _fail("unexpected", unexpected_message(err, write_crash_log()), as_json)

    return wrapper


def permission_message(err: PermissionError) -> str:
    """A PermissionError the library did not foresee: name the file or folder, say the fix."""
    where = Path(err.filename) if err.filename else None
    target = f" {where}" if where else ""
    return (
        f"Lỗi: không có quyền ghi hoặc đọc{target}. Kiểm tra tệp có đang mở trong chương "
        "trình khác, thư mục có cho phép ghi (hoặc chọn thư mục khác), rồi chạy lại."
    )


def _fail(code: str, message: str, as_json: bool) -> None:
    if as_json:
        echo_json(
            {
                "error": {"code": code, "message": message.removeprefix("Lỗi: ")},
                "exit_code": EXIT_CANNOT_RUN,
            }
        )
    click.secho(message, fg="red", err=True)
    sys.exit(EXIT_CANNOT_RUN)


def to_jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def echo_json(data: Any) -> None:
    click.echo(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2))


json_option = click.option(
    "--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho máy đọc)."
)


class _Bar:
    """A click progress bar on stderr that appears once the batch size is known."""

    def __init__(self, label: str):
        self.label, self.done = label, 0
        self.bar: Any = None  # click's progress bar, made when the batch size is known

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label=self.label, file=sys.stderr, show_pos=True
            )
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@contextlib.contextmanager
def progress_bar(label: str, quiet: bool) -> Iterator[_Bar | None]:
    """A progress bar for the terminal; none when the output is JSON for machines."""
    bar = None if quiet else _Bar(label)
    try:
        yield bar
    finally:
        if bar:
            bar.close()
