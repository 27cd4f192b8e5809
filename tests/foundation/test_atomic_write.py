"""Every rewrite of a file goes through one atomic replacement: a failure halfway leaves the old
file as it was and no temporary file behind."""

from __future__ import annotations

import zipfile

import pytest

from workbook.errors import WorkbookLocked
from workbook.package_parts import escape_control_characters
from workbook.safe_io import atomic_write

SHEET = "xl/worksheets/sheet1.xml"


def _package(path):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(SHEET, b"<worksheet><c><is><t>Ha&#1;Noi</t></is></c></worksheet>")
    return path


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "so.xlsx"
    target.write_bytes(b"old")

    def half(tmp):
        tmp.write_bytes(b"new, cut")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, half)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["so.xlsx"]


def test_escaping_control_characters_rewrites_in_place(tmp_path):
    path = _package(tmp_path / "so.xlsx")
    assert escape_control_characters(path)
    with zipfile.ZipFile(path) as zf:
        assert zf.read(SHEET) == b"<worksheet><c><is><t>Ha_x0001_Noi</t></is></c></worksheet>"
    assert [p.name for p in tmp_path.iterdir()] == ["so.xlsx"]  # no backup of a work copy


def test_a_failed_package_rewrite_leaves_no_temporary(tmp_path, monkeypatch):
    path = _package(tmp_path / "so.xlsx")
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full)
    with pytest.raises(OSError, match="disk full"):
        escape_control_characters(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["so.xlsx"]


def test_the_backup_of_a_replaced_file_keeps_the_old_bytes_and_is_not_a_copy(tmp_path):
    target = tmp_path / "so.xlsx"
    target.write_bytes(b"old")
    old_inode = target.stat().st_ino
    saved = atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert saved is not None and saved.parent.name == "sao-luu"
    assert target.read_bytes() == b"new" and saved.read_bytes() == b"old"
    assert saved.stat().st_ino == old_inode  # the old file under a second name: nothing copied
    target.write_bytes(b"edited in place")  # a later edit of the master leaves the backup be
    assert saved.read_bytes() == b"old"


def test_without_hard_links_the_backup_is_a_copy(tmp_path, monkeypatch):
    def no_links(*args):
        raise OSError("operation not supported")

    monkeypatch.setattr("os.link", no_links)
    target = tmp_path / "so.xlsx"
    target.write_bytes(b"old")
    saved = atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert saved is not None and saved.read_bytes() == b"old" and target.read_bytes() == b"new"


@pytest.mark.parametrize(
    "failure, shown",
    [(PermissionError("in use"), WorkbookLocked), (OSError("disk gone"), OSError)],
    ids=["locked", "other"],
)
def test_a_failed_replacement_leaves_no_backup_sharing_the_file(
    tmp_path, monkeypatch, failure, shown
):
    target = tmp_path / "so.xlsx"
    target.write_bytes(b"old")

    def fail(*args):
        raise failure

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(shown):
        atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"old" and not list((tmp_path / "sao-luu").iterdir())
