"""Results (Kết quả), annual ratings (Xếp loại năm) and articles (Tin bài).

Duty ratings, outlets and columns come from the lists and initiative counts are at least 0 (the
field rules see to that, from the schema). Here: one result per member and phase, across group
workbooks too; one official annual rating per member (or collective) and year; an article dated
inside the phase it is counted in.
"""

from __future__ import annotations

from ..findings import ERROR, define
from .engine import Context, rule
from .field_rules import first_occurrences
from .frames import as_dates, date_map, fmt_date

DUPLICATE_RESULT = define(
    "duplicate-result",
    ERROR,
    "Đoàn viên '{value}' đã có kết quả {phase} ở {other}. Mỗi đoàn viên chỉ có một dòng kết quả "
    "mỗi đợt: gộp hai dòng thành một rồi xóa dòng thừa.",
)
DUPLICATE_ANNUAL_RATING = define(
    "duplicate-annual-rating",
    ERROR,
    "'{value}' đã có xếp loại năm {year} ở {other}. Mỗi người, mỗi tập thể chỉ có một kết quả "
    "xếp loại chất lượng mỗi năm: giữ dòng đúng theo văn bản của cơ quan, xóa dòng thừa.",
)
DATE_OUTSIDE_PHASE = define(
    "date-outside-phase",
    ERROR,
    "Ngày đăng {value} không thuộc {phase} ({start} – {end}). Sửa cột 'Đợt' cho đúng đợt của "
    "ngày đăng, hoặc sửa lại ngày.",
)


@rule("results.once", batch=True)
def one_result_per_phase(contexts: list[Context]) -> None:
    columns = ("ma_doan_vien", "dot")
    for ctx, rows, places in first_occurrences(contexts, "ket_qua", columns, across_files=True):
        ctx.emit(DUPLICATE_RESULT, "ket_qua", rows, "ma_doan_vien", other=places, phase=rows["dot"])


@rule("ratings.once", batch=True)
def one_annual_rating(contexts: list[Context]) -> None:
    columns = ("ma_doi_tuong", "loai_doi_tuong", "nam")
    for ctx, rows, places in first_occurrences(
        contexts, "xep_loai_nam", columns, across_files=False
    ):
        ctx.emit(
            DUPLICATE_ANNUAL_RATING,
            "xep_loai_nam",
            rows,
            "ma_doi_tuong",
            other=places,
            year=rows["nam"],
        )


@rule("articles.date-in-phase")
def article_in_phase(ctx: Context) -> None:
    frame = ctx.frame("tin_bai")
    if frame is None or frame.empty or not ctx.has("tin_bai", "ngay_dang"):
        return
    phases = ctx.ref.phases
    day = as_dates(frame["ngay_dang"])
    start = date_map(frame["dot"], {k: p.start for k, p in phases.items()})
    end = date_map(frame["dot"], {k: p.end for k, p in phases.items()})
    outside = day.notna() & ((day < start) | (day > end))
    ctx.emit(
        DATE_OUTSIDE_PHASE,
        "tin_bai",
        frame[outside],
        "ngay_dang",
        phase=frame["dot"],
        start=start[outside].map(fmt_date),
        end=end[outside].map(fmt_date),
    )
