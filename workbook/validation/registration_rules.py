"""Registrations (Đăng ký thi đua): who may register for what, when, and only once.

* the title's subject type (Cá nhân/Tập thể) must be the registration's, and the movement must
  apply to it;
* the registration date must fall inside the phase, and not after its registration deadline;
* one registration per subject, title and phase — also across group workbooks.
"""

from __future__ import annotations

from ..findings import ERROR, WARNING, define
from .engine import Context, rule
from .field_rules import first_occurrences
from .frames import as_dates, date_map, fmt_date

SUBJECT_TITLE_MISMATCH = define(
    "subject-title-mismatch",
    ERROR,
    "Danh hiệu '{value}' dành cho {title_subject}, nhưng dòng này đăng ký cho {subject}. Chọn "
    "danh hiệu dành cho {subject}, hoặc sửa cột '{subject_header}'.",
)
MOVEMENT_SUBJECT_MISMATCH = define(
    "movement-subject-mismatch",
    ERROR,
    "Phong trào '{value}' chỉ áp dụng cho {applies}, nhưng dòng này đăng ký cho {subject}. Chọn "
    "phong trào phù hợp.",
)
REGISTRATION_OUTSIDE_PHASE = define(
    "registration-outside-phase",
    ERROR,
    "Ngày đăng ký {value} nằm ngoài {phase} ({start} – {end}). Kiểm tra lại ngày đăng ký hoặc "
    "cột 'Đợt'.",
)
REGISTRATION_LATE = define(
    "registration-late",
    WARNING,
    "Ngày đăng ký {value} sau hạn đăng ký của {phase} ({deadline}). Nếu đúng là đăng ký muộn, "
    "Ban Chấp hành quyết định có chấp nhận hay không; nếu gõ nhầm ngày, sửa lại.",
)
DUPLICATE_REGISTRATION = define(
    "duplicate-registration",
    ERROR,
    "'{subject_code}' đã đăng ký danh hiệu '{title}' trong {phase} ở {other}. Mỗi đối tượng chỉ "
    "đăng ký một danh hiệu một lần mỗi đợt: xóa một trong hai dòng.",
)

KEY = "dang_ky"


def _subject_text(kind: str) -> str:
    return {"Cá nhân": "cá nhân", "Tập thể": "tập thể", "Cả hai": "cả cá nhân và tập thể"}.get(
        kind, kind.lower()
    )


@rule("registration.subject-fits")
def subject_fits(ctx: Context) -> None:
    frame = ctx.frame(KEY)
    if frame is None or frame.empty:
        return
    kind = frame["loai_doi_tuong"]
    valid_kind = kind.isin(("Cá nhân", "Tập thể"))
    title_kind = frame["danh_hieu"].map(ctx.ref.titles)
    bad = valid_kind & title_kind.isin(("Cá nhân", "Tập thể")) & (title_kind != kind)
    ctx.emit(
        SUBJECT_TITLE_MISMATCH,
        KEY,
        frame[bad],
        "danh_hieu",
        title_subject=title_kind[bad].map(_subject_text),
        subject=kind[bad].map(_subject_text),
        subject_header="Cá nhân/Tập thể",
    )
    applies = frame["phong_trao"].map(ctx.ref.movements)
    bad = valid_kind & applies.isin(("Cá nhân", "Tập thể")) & (applies != kind)
    ctx.emit(
        MOVEMENT_SUBJECT_MISMATCH,
        KEY,
        frame[bad],
        "phong_trao",
        applies=applies[bad].map(_subject_text),
        subject=kind[bad].map(_subject_text),
    )


@rule("registration.dates")
def registration_dates(ctx: Context) -> None:
    frame = ctx.frame(KEY)
    if frame is None or frame.empty or not ctx.has(KEY, "ngay_dang_ky"):
        return
    phases = ctx.ref.phases
    day = as_dates(frame["ngay_dang_ky"])
    start = date_map(frame["dot"], {k: p.start for k, p in phases.items()})
    end = date_map(frame["dot"], {k: p.end for k, p in phases.items()})
    deadline = date_map(frame["dot"], {k: p.deadline for k, p in phases.items()})
    outside = day.notna() & ((day < start) | (day > end))
    late = day.notna() & ~outside & (day > deadline)
    ctx.emit(
        REGISTRATION_OUTSIDE_PHASE,
        KEY,
        frame[outside],
        "ngay_dang_ky",
        phase=frame["dot"],
        start=start[outside].map(fmt_date),
        end=end[outside].map(fmt_date),
    )
    ctx.emit(
        REGISTRATION_LATE,
        KEY,
        frame[late],
        "ngay_dang_ky",
        phase=frame["dot"],
        deadline=deadline[late].map(fmt_date),
    )


@rule("registration.once", batch=True)
def once_per_subject_title_phase(contexts: list[Context]) -> None:
    columns = ("ma_doi_tuong", "danh_hieu", "dot")
    for ctx, rows, places in first_occurrences(contexts, KEY, columns, across_files=True):
        ctx.emit(
            DUPLICATE_REGISTRATION,
            KEY,
            rows,
            "ma_doi_tuong",
            other=places,
            subject_code=rows["ma_doi_tuong"],
            title=rows["danh_hieu"],
            phase=rows["dot"],
        )
