"""Python entry points of the "Thi đua" ribbon (called by VBA through xlwings' RunPython).

Each function takes the calling workbook (``xw.Book.caller()``) or, for tests and xlwings
Server/Lite, a ``book`` argument; reads the sheets it needs through xlwings into the schema's
tables; calls one library function; writes only output sheets; and ends with a short Vietnamese
message box. Errors become a Vietnamese message box, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Callable

import xlwings as xw

from workbook.collector import fewer_collections
from workbook.errors import ThiduaError, unexpected_message, write_crash_log
from workbook.findings import ERROR, WARNING
from workbook.groups import make_group_workbooks
from workbook.members_import import plan_member_import
from workbook.outputs import LogEntry
from workbook.reports import Moment, default_moment, report_moments, save_report
from workbook.reports.docx import write_narrative
from workbook.results import Outputs, report_outputs, score_outputs, shortlist_outputs
from workbook.scoring.context import read_config, read_phases
from workbook.text import slug_filename
from workbook.validation import validate_data
from workbook.validation.sheet import checks_writer

from .bridge import book_path, read_book, write_outputs
from .doctor import diagnose
from .live_tables import append_rows, log_run
from .marks import clear_live_marks, mark

TITLE = "Thi đua"


class ExcelUI:
    """Status bar, screen updating and message boxes; each degrades quietly where an engine
    (the remote one, macOS) lacks it."""

    def __init__(self, book):
        self.book = book
        self.app = book.app

    def status(self, text: str | None) -> None:
        with contextlib.suppress(Exception):
            self.app.status_bar = text if text else False

    @contextlib.contextmanager
    def busy(self, text: str):
        self.status(text)
        with contextlib.suppress(Exception):
            self.app.screen_updating = False
        try:
            yield
        finally:
            with contextlib.suppress(Exception):
                self.app.screen_updating = True
            self.status(None)

    @property
    def can_ask(self) -> bool:
        """A question needs a synchronous dialog: desktop Excel, not the remote engine, not the
        maintainer's silent smoke test."""
        if os.environ.get("THIDUA_SILENT"):
            return False
        with contextlib.suppress(Exception):
            return self.app.engine.name != "remote"
        return False

    def ask(self, text: str) -> str | None:
        """'yes', 'no' or 'cancel'; None when no answer can be had."""
        if not self.can_ask:
            return None
        answer = self.app.alert(text, title=TITLE, buttons="yes_no_cancel", mode="info")
        return answer if answer in ("yes", "no", "cancel") else None

    def message(self, text: str, *, error: bool = False) -> None:
        if os.environ.get("THIDUA_SILENT"):  # the maintainer's smoke test: no modal boxes
            self.status(text[:250])
            return
        self.app.alert(text, title=TITLE, buttons="ok", mode="critical" if error else "info")


def run(label: str, action: Callable[[object, ExcelUI], str], book=None) -> str:
    """Run one button's work with the error edge; returns the message shown."""
    book = book or xw.Book.caller()
    ui = ExcelUI(book)
    try:
        with ui.busy(f"{label}: đang chạy…"), fewer_collections():
            text = action(book, ui)
        ui.message(text)
    except ThiduaError as err:
        text = err.message
        ui.message(text, error=True)
    except Exception as err:  # the one place an unknown failure is caught in Excel
        text = unexpected_message(err, write_crash_log())
        ui.message(text, error=True)
    return text


def groups_folder(book) -> Path:
    """'so-to' next to the master (relative to the working folder on the remote engine)."""
    return book_path(book).parent / "so-to"


def make_groups(book=None, outdir: str | None = None) -> str:
    def action(book, ui):
        ui.status("Tạo sổ tổ: đang đọc sổ chính…")
        result = make_group_workbooks(read_book(book), outdir or groups_folder(book))
        text = f"Đã tạo {len(result.files)} sổ tổ trong thư mục {result.outdir}."
        replaced = [f for f in result.files if f.backup]
        if replaced:
            text += (
                f" {len(replaced)} sổ đã có từ trước được thay bằng sổ mới; bản cũ được sao "
                f"lưu trong {replaced[0].backup.parent}."
            )
        return text

    return run("Tạo sổ tổ", action, book)


def import_members(path: str, book=None) -> str:
    """ "Nhập đoàn viên": add the members (and groups) of the list file ``path`` to the open
    master's Tổ công đoàn and Đoàn viên tables; the officer saves the workbook afterwards."""

    def action(book, ui):
        ui.status("Nhập đoàn viên: đang đọc danh sách…")
        grids: dict = {}
        data = read_book(book, sheets=("to_cong_doan", "doan_vien"), grids=grids)
        result = plan_member_import(data, path)
        for key, rows in (("to_cong_doan", result.groups), ("doan_vien", result.members)):
            append_rows(book, data, key, rows, grids.get(data.sheet_names.get(key), []))
        if result.members or result.groups:
            log_run(book, result.log_entry())
        lines = [result.headline + "."]
        lines += [f"• {f.sheet}!{f.cell}: {f.message}" for f in result.findings[:8]]
        if len(result.findings) > 8:
            lines.append(f"… và {len(result.findings) - 8} mục khác.")
        if result.members or result.groups:
            lines.append("Nhấn Lưu (Ctrl+S) để lưu sổ chính, rồi bấm Tạo sổ tổ.")
        return "\n".join(lines)

    return run("Nhập đoàn viên", action, book)


def doctor(book=None) -> str:
    def action(book, ui):
        report = diagnose(
            sys.modules[__name__], book_path(book) if book_path(book).exists() else None
        )
        lines = [
            ("✓ " if c.ok else "✗ ") + f"{c.name}: {c.detail}" + ("" if c.ok else f" — {c.fix}")
            for c in report.checks
        ]
        head = "Mọi thứ đều ổn." if report.ok else "Có mục cần xử lý:"
        return head + "\n" + "\n".join(lines)

    return run("Chẩn đoán", action, book)


def validate(book=None) -> str:
    def action(book, ui):
        ui.status("Kiểm tra dữ liệu: đang đọc các trang…")
        data = read_book(book)
        report = validate_data(data)
        ui.status("Kiểm tra dữ liệu: đang ghi kết quả…")
        findings = report.for_file(data.file)
        write_outputs(book, {"kiem_tra": checks_writer(findings, data.file)})
        errors = sum(f.severity == ERROR for f in findings)
        warnings = sum(f.severity == WARNING for f in findings)
        log_run(
            book,
            LogEntry(
                "Kiểm tra dữ liệu",
                f"{errors} lỗi, {warnings} cảnh báo" if findings else "Không có lỗi",
                f"{len(findings)} mục",
                [(data.file, "")],
            ),
        )
        clear_live_marks(book)
        marked = mark(book, findings, data.file)
        text = report.headline()
        if marked:
            text += f" Đã tô màu và ghi chú {marked} ô; xem danh sách ở trang Kiểm tra."
        return text

    return run("Kiểm tra dữ liệu", action, book)


def _draw(book, ui, label: str, compute: Callable[..., Outputs]) -> Outputs:
    """Read the open book, compute, draw the output sheets and log the run."""
    ui.status(f"{label}: đang đọc các trang…")
    outputs = compute(read_book(book))
    ui.status(f"{label}: đang ghi kết quả…")
    write_outputs(book, outputs.writers)
    log_run(book, outputs.log)
    return outputs


def score(book=None) -> str:
    def action(book, ui):
        scores = _draw(book, ui, "Tính điểm", score_outputs).result
        notes = "".join(f"\n{n}" for n in scores.side_notes)
        return f"{scores.headline}.{notes}\nXem trang Điểm."

    return run("Tính điểm", action, book)


def shortlist(book=None) -> str:
    def action(book, ui):
        result = _draw(book, ui, "Lập danh sách khen thưởng", shortlist_outputs).result
        lines = [
            f"{t.name}: {t.proposed} đề nghị / {t.eligible} đủ tiêu chuẩn"
            for t in result.titles
            if t.eligible or t.proposed
        ]
        return "\n".join(
            [
                "Đã lập danh sách đề nghị khen thưởng.",
                *lines,
                "Lý do cho từng người, từng tổ ở trang Đề nghị khen thưởng.",
            ]
        )

    return run("Lập danh sách khen thưởng", action, book)


def report_file(book, moment: Moment, suffix: str = ".xlsx") -> Path:
    """The print-ready report of a moment, next to the master:
    'So-thi-dua-bao-cao-so-ket-dot-1.xlsx', '…-tong-ket-nam-2023.docx'."""
    slug = slug_filename(moment.label).lower()
    return book_path(book).parent / f"{book_path(book).stem}-bao-cao-{slug}{suffix}"


def pick_moment(ui: ExcelUI, data) -> Moment | None:
    """Ask which moment, offering first the latest phase that has ended: Có takes the moment
    offered, Không offers the next, Hủy stops (None). Without a dialog: the default."""
    config, phases = read_config(data), read_phases(data)
    choices = report_moments(config, phases)
    default = default_moment(config, phases)
    start = next(i for i, m in enumerate(choices) if m.code == default.code)
    for step in range(3 * len(choices)):
        offered = choices[(start + step) % len(choices)]
        others = ", ".join(m.label for m in choices if m is not offered)
        answer = ui.ask(
            f"Lập báo cáo {offered.label} (ngày {offered.day:%d/%m/%Y})?\n\n"
            f"Có: lập báo cáo này.\nKhông: chọn kỳ khác ({others}).\n"
            "Hủy: không lập báo cáo."
        )
        if answer in (None, "yes"):
            return offered
        if answer == "cancel":
            return None
    return None


def report(book=None, moment: str | None = None) -> str:
    """'Báo cáo cấp trên': asks which moment (unless ``moment`` is given), draws the BC sheets
    into the book, and saves next to it the report file to send and its Word report."""

    def action(book, ui):
        ui.status("Báo cáo cấp trên: đang đọc các trang…")
        data = read_book(book)
        chosen = moment or pick_moment(ui, data)
        if chosen is None:
            return "Đã hủy: chưa lập báo cáo."
        code = chosen if isinstance(chosen, str) else chosen.code
        outputs = report_outputs(data, moment=code)
        ui.status("Báo cáo cấp trên: đang ghi các trang BC…")
        write_outputs(book, outputs.writers)
        log_run(book, outputs.log)
        ui.status("Báo cáo cấp trên: đang lưu bản in và bản Word…")
        rc = outputs.context
        out, word = report_file(book, rc.moment), report_file(book, rc.moment, ".docx")
        # both files are replaced on a re-run; the officer may have written in the Word one,
        # so the message names the copies kept
        backups = [
            b
            for b in (save_report(rc, out, force=True), write_narrative(rc, word, force=True))
            if b
        ]
        asked = (
            ""
            if ui.can_ask or moment
            else ("\n(Kỳ mặc định: đợt gần nhất đã kết thúc. Kỳ khác: lệnh thidua report --dot.)")
        )
        kept = "".join(f"\nBản trước được sao lưu tại {b}." for b in backups)
        return (
            f"{outputs.result.headline}.{asked}\nĐã ghi các trang BC trong sổ này; bản in "
            f"khổ A4 có biểu đồ để gửi cấp trên: {out}\nBáo cáo bằng lời (Word), viết "
            f"thêm vào các chỗ tô vàng: {word}{kept}"
        )

    return run("Báo cáo cấp trên", action, book)


def consolidate(folder: str, book=None) -> str:
    """ "Gộp sổ tổ": merge the group workbooks in ``folder`` into the open master; the officer
    saves the workbook afterwards (the file itself is not written while Excel holds it)."""
    from .consolidate_excel import consolidate_into_book, message

    def action(book, ui):
        result = consolidate_into_book(
            book,
            folder,
            status=ui.status,
            progress=lambda done, total, name: ui.status(f"Gộp sổ tổ: {done}/{total} tệp"),
        )
        return message(result)

    return run("Gộp sổ tổ", action, book)
