"""Works and products (Công trình, sản phẩm): dates, values, plaque level, status.

The status of a row is a snapshot; it must agree with the row's other facts (a finished work has
a finish date, a work proposed for a plaque has a plaque level and a kind that may carry one),
and, when the reference (the master) already holds the work, it must not move backwards.
"""

from __future__ import annotations

from ..findings import ERROR, WARNING, define
from ..schema.lists import PLAQUE_KINDS, WORK_DONE, WORK_FOR_PLAQUE, WORK_KINDS, WORK_STATUSES
from .engine import Context, rule
from .frames import as_dates, day_number, fmt_date

FINISH_BEFORE_START = define(
    "finish-before-start",
    ERROR,
    "Ngày hoàn thành {value} trước ngày bắt đầu {start}. Kiểm tra lại hai ngày (ngày/tháng/năm).",
)
DATE_OUTSIDE_CAMPAIGN = define(
    "date-outside-campaign",
    WARNING,
    "Cột '{header}': ngày {value} nằm ngoài thời gian của phong trào ({start} – {end}). Kiểm tra "
    "lại ngày; công trình cần thực hiện trong thời gian thi đua.",
)
PLAQUE_NOT_ALLOWED = define(
    "plaque-not-allowed",
    ERROR,
    "Loại '{kind}' không được đề nghị gắn biển (chỉ {kinds}). Xóa cột '{header}' hoặc sửa lại "
    "loại.",
)
STATUS_INCONSISTENT = define(
    "status-inconsistent", ERROR, "Trạng thái '{value}' nhưng {reason}. {fix}"
)
STATUS_BACKWARDS = define(
    "status-backwards",
    WARNING,
    "Trạng thái '{value}' lùi so với '{before}' đã ghi trong sổ {source}. Kiểm tra lại trạng "
    "thái; nếu đúng, Ban Chấp hành sửa ở sổ chính.",
)

KEY = "cong_trinh"
STATUSES = WORK_STATUSES
DONE, PLAQUE_STATUSES = WORK_DONE, WORK_FOR_PLAQUE


@rule("works.dates")
def work_dates(ctx: Context) -> None:
    frame = ctx.frame(KEY)
    if frame is None or frame.empty:
        return
    start, finish = as_dates(frame["ngay_bat_dau"]), as_dates(frame["ngay_hoan_thanh"])
    backwards = finish < start
    ctx.emit(
        FINISH_BEFORE_START,
        KEY,
        frame[backwards],
        "ngay_hoan_thanh",
        start=start[backwards].map(fmt_date),
    )
    first, last = ctx.ref.campaign
    if first is None or last is None:
        return
    low, high = day_number(first), day_number(last)
    for column, days in (("ngay_bat_dau", start), ("ngay_hoan_thanh", finish)):
        outside = days.notna() & ((days < low) | (days > high))
        ctx.emit(
            DATE_OUTSIDE_CAMPAIGN,
            KEY,
            frame[outside],
            column,
            start=fmt_date(first),
            end=fmt_date(last),
        )


@rule("works.plaque")
def plaque(ctx: Context) -> None:
    frame = ctx.frame(KEY)
    if frame is None or frame.empty:
        return
    kind = frame["loai"]
    no_plaque = kind.notna() & kind.isin(WORK_KINDS) & ~kind.isin(PLAQUE_KINDS)
    kinds = " và ".join(k.lower() for k in PLAQUE_KINDS)
    ctx.emit(
        PLAQUE_NOT_ALLOWED,
        KEY,
        frame[no_plaque & frame["cap_gan_bien"].notna()],
        "cap_gan_bien",
        kind=kind,
        kinds=kinds,
    )
    ctx.emit(
        PLAQUE_NOT_ALLOWED,
        KEY,
        frame[no_plaque & frame["trang_thai"].isin(PLAQUE_STATUSES)],
        "trang_thai",
        kind=kind,
        kinds=kinds,
        header="Cấp gắn biển",
    )


@rule("works.status")
def status(ctx: Context) -> None:
    frame = ctx.frame(KEY)
    if frame is None or frame.empty:
        return
    state = frame["trang_thai"]
    finish = as_dates(frame["ngay_hoan_thanh"])
    no_finish = state.isin(DONE) & finish.isna() & frame["ngay_hoan_thanh"].isna()
    ctx.emit(
        STATUS_INCONSISTENT,
        KEY,
        frame[no_finish],
        "trang_thai",
        reason="chưa có ngày hoàn thành",
        fix="Điền ngày hoàn thành, hoặc sửa trạng thái.",
    )
    no_level = (
        state.isin(PLAQUE_STATUSES)
        & frame["loai"].isin(PLAQUE_KINDS)
        & frame["cap_gan_bien"].isna()
    )
    ctx.emit(
        STATUS_INCONSISTENT,
        KEY,
        frame[no_level],
        "trang_thai",
        reason="chưa chọn cấp gắn biển",
        fix="Chọn cấp gắn biển, hoặc sửa trạng thái.",
    )
    # A workbook that is its own reference has nothing earlier to compare with.
    itself = ctx.per_source(frame, [s.file == ctx.ref.file for s in ctx.sources]).astype(bool)
    before = frame["ma_cong_trinh"].map(ctx.ref.works_status).where(~itself)
    if before.isna().all():
        return
    rank = {s: i for i, s in enumerate(STATUSES)}
    backwards = state.map(rank) < before.map(rank)
    ctx.emit(
        STATUS_BACKWARDS, KEY, frame[backwards], "trang_thai", before=before, source=ctx.ref.file
    )
