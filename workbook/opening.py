"""Opening a workbook file for reading, safely: calamine never runs macros, and before it opens
anything the file is checked for what is not a workbook (a web page saved as .xls, an empty
file), a zip bomb, a password and damage, each refused with a Vietnamese reason and a code. The
package's date system (1900 or 1904) is read on the way."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, XmlError, ZipError

from .errors import UnreadableWorkbook
from .excel_dates import WINDOWS_1900, zip_epoch
from .sniff import encrypted_package, not_a_workbook_reason

MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # a zip bomb, not a union's workbook


def damage_reason(err: Exception) -> str:
    """What broke, in the officer's words (calamine's own text is English)."""
    if isinstance(err, XmlError):
        return "nội dung XML của trang không đọc được"
    if isinstance(err, ZipError):
        return "phần nén của trang không giải nén được"
    return "không đọc được nội dung trang"


def open_calamine(path: Path) -> CalamineWorkbook:
    return open_with_epoch(path)[0]


def open_with_epoch(path: Path) -> tuple[CalamineWorkbook, dt.datetime]:
    """The workbook and its date system (read from the package while it is open anyway)."""
    if not path.exists():
        raise UnreadableWorkbook(f"Không tìm thấy tệp {path}.", "not-found")
    not_a_workbook = not_a_workbook_reason(path)
    if not_a_workbook:
        code, reason = not_a_workbook
        raise UnreadableWorkbook(f"Không đọc được tệp {path.name}: {reason}.", code)
    epoch = WINDOWS_1900
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                total = sum(i.file_size for i in zf.infolist())
                if total > MAX_UNZIPPED_BYTES:
                    raise UnreadableWorkbook(
                        f"Tệp {path.name} giải nén ra quá lớn ({total // 2**20} MiB): có thể là "
                        "tệp độc hại (zip bomb); không đọc.",
                        "zip-bomb",
                    )
                epoch = zip_epoch(zf)
        except zipfile.BadZipFile as err:
            raise UnreadableWorkbook(f"Tệp {path.name} bị hỏng, không mở được.", "corrupt") from err
    try:
        return CalamineWorkbook.from_path(str(path)), epoch
    except (CalamineError, OSError) as err:  # OSError: calamine's own I/O failures
        # calamine says PasswordError for an encrypted package named .xlsx; named .xls it
        # tries the legacy reader, which fails on the compound file: look for the package.
        if isinstance(err, PasswordError) or encrypted_package(path):
            code, reason = (
                "password-protected",
                "có mật khẩu hoặc bị mã hóa; hãy gỡ mật khẩu rồi gửi lại",
            )
        else:
            code, reason = "corrupt", "bị hỏng hoặc không phải sổ Excel (.xlsx, .xlsm, .xls, .ods)"
        raise UnreadableWorkbook(f"Không đọc được tệp {path.name}: {reason}.", code) from err
