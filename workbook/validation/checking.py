"""The check run: validate workbooks together, then write each file's findings where they belong.

* a master is marked up in place, through ``outputs.rewrite_outputs`` (Kiểm tra redrawn, a row in
  Nhật ký, atomic save with a backup);
* a group workbook is never touched: a *copy* is marked up and saved as
  ``bien-nhan/<stem>-ket-qua-kiem-tra.xlsx`` beside it (or where ``out`` says) — the group's
  return receipt, opening on its Kiểm tra sheet. Its own folder, so that consolidating the
  returned workbooks' folder does not meet two books per group; and its stamp names the file it
  copies, so that if it is met anyway it is recognised and skipped. A receipt already there is
  replaced, with a backup.

What the Kiểm tra sheet and the marks look like is ``sheet``'s business.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook

from .. import schema
from ..errors import FileExistsRefused
from ..findings import ERROR, WARNING, Finding
from ..outputs import LogEntry, rewrite_outputs
from ..package_parts import escape_control_characters
from ..safe_io import HASH_CHARS, atomic_write, file_hash
from ..stamps import CHECKED_COPY_OF
from .report import CheckedFile, ValidationReport
from .run import Reference, validate_workbooks
from .sheet import CHECKS, checks_writer, highlighter

RECEIPT_SUFFIX = "-ket-qua-kiem-tra"
RECEIPTS_DIR = "bien-nhan"  # beside the checked workbooks, the default home of their receipts
WRITABLE = (".xlsx", ".xlsm")


def receipt_path(source: Path, out: Path | None = None) -> Path:
    """Where the marked-up copy of ``source`` goes: ``out`` (a file or a folder) or the
    receipts folder beside it."""
    name = f"{source.stem}{RECEIPT_SUFFIX}{source.suffix}"
    if out is None:
        return source.parent / RECEIPTS_DIR / name
    if out.is_dir() or not out.suffix:
        return out / name
    return out


def _open_on_checks(wb: Workbook) -> None:
    ws = wb[CHECKS.name]
    wb.move_sheet(ws, offset=-wb.index(ws))
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    wb.active = 0
    ws.sheet_view.tabSelected = True


def _mark_as_copy(wb: Workbook, source_hash: str) -> None:
    """The stamp names the file this receipt copies (see ``stamps.CHECKED_COPY_OF``)."""
    ws = wb[schema.STAMP.name]
    for row in ws.iter_rows(min_col=1, max_col=2):
        if row[0].value == CHECKED_COPY_OF:
            row[1].value = source_hash
            return
    ws.append([CHECKED_COPY_OF, source_hash])


def write_receipt(source: Path, target: Path, findings: list[Finding]) -> tuple[Path, Path | None]:
    """A marked-up copy of ``source`` at ``target`` (and the backup of the receipt it
    replaced); ``source`` is only read."""
    if target.resolve() == source.resolve():
        raise FileExistsRefused(
            f"Không ghi đè sổ gốc {source.name}: hãy chọn tệp khác cho kết quả kiểm tra (--out)."
        )
    highlight = highlighter(findings, source.name)
    source_hash = file_hash(source)[:HASH_CHARS]

    def mark_up(wb: Workbook) -> None:
        highlight(wb)
        _open_on_checks(wb)
        if schema.STAMP.name in wb.sheetnames:
            _mark_as_copy(wb, source_hash)

    stamp = {schema.STAMP.name}  # read whole: it gains the line naming the source
    edit = replace(highlight, apply=mark_up, skip=highlight.skip - stamp, whole=stamp)

    def write(work: Path) -> None:
        shutil.copyfile(source, work)
        escape_control_characters(work)  # openpyxl cannot load XML holding them raw
        rewrite_outputs(
            work, {"kiem_tra": checks_writer(findings, source.name)}, edit=edit, make_backup=False
        )

    return target, atomic_write(target, write)


def save_checked_master(path: Path, report: ValidationReport, findings: list[Finding]) -> Path:
    counts = report.counts
    digest = file_hash(path)
    log = LogEntry(
        action="Kiểm tra dữ liệu",
        result="Không có lỗi"
        if not findings
        else f"{counts[ERROR]} lỗi, {counts[WARNING]} cảnh báo",
        counts=f"{len(findings)} mục",
        files=[(path.name, digest)],
    )
    rewrite_outputs(
        path,
        {"kiem_tra": checks_writer(findings, path.name)},
        log=log,
        edit=highlighter(findings, path.name),
        master_sha256=digest,
    )
    return path


def write_checked(
    report: ValidationReport, checked: CheckedFile, out: Path | None = None
) -> str | None:
    """Write one file's findings where they belong; a Vietnamese note when that cannot be."""
    if not checked.path:  # a file that could not be read: its finding says why
        return None
    source = Path(checked.path)
    findings = report.for_file(checked.file)
    if source.suffix.lower() not in WRITABLE:
        return (
            f"{checked.file}: không ghi kết quả vào tệp {source.suffix.lower()}; "
            "xem trang Kiểm tra bằng --json hoặc lưu tệp thành .xlsx rồi kiểm tra lại."
        )
    if checked.kind == "master" and out is None:
        checked.written = str(save_checked_master(source, report, findings))
    elif checked.kind in ("master", "group"):
        written, saved = write_receipt(source, receipt_path(source, out), findings)
        checked.written = str(written)
        if saved:
            return f"{checked.file}: bản kết quả kiểm tra cũ được sao lưu tại {saved}."
    else:
        return (
            f"{checked.file}: không phải sổ do thidua tạo (thiếu dấu phiên bản), nên không "
            "ghi trang Kiểm tra; các lỗi vẫn có trong báo cáo này."
        )
    return None


def check_workbooks(
    paths: Sequence[str | Path],
    reference: Reference = None,
    *,
    write: bool = True,
    out: str | Path | None = None,
) -> ValidationReport:
    """Validate together, then mark up each file (the master in place, groups as copies).

    ``out``: for one workbook a file or folder for its checked copy, for several a folder.
    """
    report = validate_workbooks(paths, reference)
    if write:
        target = Path(out) if out else None
        if target is not None and len(report.files) > 1:
            target.mkdir(parents=True, exist_ok=True)
        for checked in report.files:
            note = write_checked(report, checked, target)
            if note:
                report.notes.append(note)
    return report


def check_workbook(
    path: str | Path,
    reference: Reference = None,
    *,
    write: bool = True,
    out: str | Path | None = None,
) -> ValidationReport:
    return check_workbooks([path], reference, write=write, out=out)
