"""Writing workbooks safely: never half a file, never over a file Excel holds open.

Writes go to a temporary file in the same folder, flushed to disk, then replace the target in one
rename, after a timestamped backup of what was there; ``atomic_write`` is the one place that does
this, for every file thidua writes or rewrites in place. Excel marks an open workbook with an
owner file ``~$name`` next to it; when present we refuse and say so. A file marked read-only is
refused too: someone protected it on purpose. The new file keeps the mode of the file it
replaces; a new file gets the mode the user's umask gives (the temporary file would otherwise
leave it readable by its owner only, and colleagues sharing the folder could not open it).

Why this core module knows about the ribbon: openpyxl re-saves an .xlsm master without the
relationship of its "Thi đua" ribbon (``package_parts.carry_custom_ui``). Every writer that re-saves
a workbook with openpyxl (set-up, data, outputs, members import, consolidation, the checked copy)
replaces it through ``atomic_write``, so the repair is made here, once, just before
the replacement: no writer can forget it, and a writer added later gets it for free. It changes
nothing when the file being replaced has no ribbon, or when the new file kept it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Callable

from .errors import FileExistsRefused, FolderNotWritable, ReadOnlyFile, WorkbookLocked
from .package_parts import carry_custom_ui  # it rewrites through atomic_write, imported late

BACKUP_DIR = "sao-luu"  # folder next to the master holding timestamped backups


def owner_file(path: Path) -> Path:
    return path.with_name("~$" + path.name)


def ensure_not_open(path: Path) -> None:
    if owner_file(path).exists():
        raise WorkbookLocked(
            f"Tệp {path.name} đang được mở trong Excel (có tệp khóa {owner_file(path).name}). "
            "Hãy lưu và đóng tệp trong Excel rồi chạy lại; chưa có gì được ghi."
        )


def ensure_writable(path: Path) -> None:
    """Refuse to replace a file marked read-only (the owner's write bit, Windows' attribute)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & stat.S_IWUSR:
        raise ReadOnlyFile(
            f"Tệp {path.name} đang đặt chế độ chỉ đọc (read-only), nên không ghi đè. Nếu muốn "
            "ghi, bỏ chế độ chỉ đọc (Windows: chuột phải vào tệp › Properties › bỏ chọn "
            "Read-only) rồi chạy lại; chưa có gì được ghi."
        )


def folder_not_writable(folder: Path) -> FolderNotWritable:
    return FolderNotWritable(
        f"Không ghi được vào thư mục {folder}: không có quyền ghi (hoặc thư mục chỉ đọc). Chọn "
        "thư mục khác, hoặc nhờ người quản trị cấp quyền ghi, rồi chạy lại; chưa có gì được ghi."
    )


def default_mode() -> int:
    """The mode a new file gets under the current umask (0o644 under umask 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def give_mode(tmp: Path, target: Path) -> None:
    """The file about to replace ``target`` gets ``target``'s mode, or the umask's default."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = default_mode()
    os.chmod(tmp, mode)


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise folder_not_writable(folder) from None


HASH_CHARS = 16  # provenance, stamps and the ledger keep the first 16 hex digits of the sha256


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(path: Path, now: dt.datetime | None = None, *, replaced: bool = False) -> Path:
    """A copy of ``path`` in the backup folder beside it. ``replaced``: the caller is about to
    put a new file in its place (``os.replace``), never to write into it: the backup is then a
    second name of the old file (a hard link: nothing to copy, however big the master), and a
    copy only where the disk has no hard links."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = path.parent / BACKUP_DIR
    make_folder(folder)
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    n = 1
    while target.exists():
        target = folder / f"{path.stem}.{stamp}-{n}{path.suffix}"
        n += 1
    if replaced:
        try:
            os.link(path, target)
            return target
        except OSError:  # FAT, some network shares: no hard links
            pass
    shutil.copy2(path, target)
    return target


def atomic_write(
    path: str | Path,
    write: Callable[[Path], None],
    *,
    overwrite: bool = True,
    make_backup: bool = True,
) -> Path | None:
    """Call ``write(tmp_path)`` then move the result over ``path``. Returns the backup path.

    The temporary file is removed when anything fails: ``path`` is either the old file or the
    whole new one."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsRefused(
            f"Tệp {path} đã có. Chọn tên khác, hoặc dùng --force để ghi đè (bản cũ được sao lưu)."
        )
    ensure_not_open(path)
    ensure_writable(path)
    make_folder(path.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".thidua-", suffix=path.suffix, dir=path.parent)
    except PermissionError:
        raise folder_not_writable(path.parent) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:  # on disk before the rename: a power cut leaves one file
            os.fsync(fh.fileno())
        if path.exists():
            carry_custom_ui(path, tmp)  # openpyxl drops the ribbon: see the module docstring
        give_mode(tmp, path)
        saved = backup(path, replaced=True) if path.exists() and make_backup else None
        try:
            os.replace(tmp, path)
        except OSError as err:
            if saved is not None:  # nothing was replaced: the "backup" is the file itself
                saved.unlink(missing_ok=True)
            if not isinstance(err, PermissionError):
                raise
            raise WorkbookLocked(
                f"Không ghi được {path.name}: tệp đang bị chương trình khác (thường là Excel) "
                "giữ. Hãy đóng tệp rồi chạy lại; chưa có gì được ghi."
            ) from None
        return saved
    finally:
        if tmp.exists():
            tmp.unlink()
