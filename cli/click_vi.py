"""Click's own messages in Vietnamese: usage errors, missing files, unknown commands and options.

Click marks every message it prints with gettext (``from gettext import gettext as _`` in each of
its modules) but ships no translations. Officers read these messages, so ``install()`` points
those module-level ``_`` / ``ngettext`` names at this catalogue. A message not listed stays as
Click wrote it; ``tests/foundation/test_cli_vietnamese.py`` runs the common mistakes and checks
that nothing English is left in what they print.
"""

from __future__ import annotations

import importlib

MESSAGES: dict[str, str] = {
    # exceptions.py
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: {command} {option}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    # core.py
    "Aborted!": "Đã dừng.",
    "Missing command.": "Thiếu lệnh.",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "deprecated": "không còn dùng",
    "default: {default}": "mặc định: {default}",
    "(dynamic)": "(tùy lúc)",
    "env var: {var}": "biến môi trường: {var}",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    # decorators.py
    "Do you want to continue?": "Tiếp tục?",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    # formatting.py
    "Usage:": "Cách dùng:",
    # parser.py
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} cần {nargs} giá trị.",
    "Invalid start character for option ({option})": (
        "Ký tự đầu của tùy chọn không hợp lệ ({option})"
    ),
    # types.py
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp, cần một thư mục.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục, cần một tệp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được (không có quyền).",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được (không có quyền).",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải giá trị có/không. Các giá trị nhận được: {states}"
    ),
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    # termui.py
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị vừa nhập không khớp.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
}

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Thừa đối số ({args})",
        "Thừa các đối số ({args})",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Có phải ý bạn là {possibility}?",
        "(Có phải ý bạn là một trong: {possibilities}?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Tùy chọn {name!r} cần một giá trị.",
        "Tùy chọn {name!r} cần {nargs} giá trị.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} không phải {choice}.",
        "{value!r} không thuộc {choices}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): ("{value!r} không đúng dạng {format}.", "{value!r} không đúng các dạng {formats}."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Cần {nargs} giá trị nhưng chỉ có 1.",
        "Cần {nargs} giá trị nhưng có {len}.",
    ),
}

# Click's words for numbers in "{value!r} is not a valid {number_type}."
NUMBER_TYPES = {"integer": "số nguyên", "float": "số", "integer range": "số nguyên"}

CLICK_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "types",
    "termui",
    "utils",
)


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Route Click's message look-ups through this catalogue (once, at CLI import)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        names = vars(module)  # Click's private aliases of gettext, replaced in place
        if "_" in names:
            names["_"] = gettext
        if "ngettext" in names:
            names["ngettext"] = ngettext
    types = importlib.import_module("click.types")
    for cls in (types.IntParamType, types.FloatParamType, types.IntRange, types.FloatRange):
        if getattr(cls, "name", None) in NUMBER_TYPES:
            cls.name = NUMBER_TYPES[cls.name]
