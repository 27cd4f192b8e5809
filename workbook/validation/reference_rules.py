"""References: members, groups, phases, movements and titles must exist in the set-up.

The set-up is the reference workbook's (the master's, when a group workbook is checked against
it) or the workbook's own. In a group workbook, rows about another group are flagged too.
"""

from __future__ import annotations

import pandas as pd

from .. import schema
from ..findings import ERROR, WARNING, define
from .engine import Context, rule
from .field_rules import REFERENCE_LISTS, check_choices

UNKNOWN_MEMBER = define(
    "unknown-member",
    ERROR,
    "Mã đoàn viên '{value}' không có trong danh sách đoàn viên (trang 'Đoàn viên' của sổ "
    "{source}). Kiểm tra lại mã; nếu là người mới, báo Ban Chấp hành thêm vào sổ chính trước.",
)
UNKNOWN_GROUP = define(
    "unknown-group",
    ERROR,
    "Mã tổ '{value}' không có trong danh sách tổ công đoàn (trang 'Tổ công đoàn' của sổ "
    "{source}). Chọn mã tổ trong danh sách thả xuống.",
)
UNKNOWN_PHASE = define(
    "unknown-phase",
    ERROR,
    "Đợt '{value}' không có trong trang 'Đợt thi đua' (sổ {source}).{hint} Chọn đợt trong danh "
    "sách thả xuống.",
)
UNKNOWN_MOVEMENT = define(
    "unknown-movement",
    ERROR,
    "Phong trào '{value}' không có trong trang 'Phong trào' (sổ {source}).{hint} Chọn tên "
    "phong trào trong danh sách thả xuống.",
)
UNKNOWN_TITLE = define(
    "unknown-title",
    ERROR,
    "Danh hiệu '{value}' không có trong trang 'Danh hiệu' (sổ {source}).{hint} Chọn danh hiệu "
    "trong danh sách thả xuống.",
)
NOT_OWN_GROUP = define(
    "not-own-group",
    WARNING,
    "Dòng này thuộc tổ {other}, không phải tổ {own} của sổ này. Chuyển dòng sang sổ của tổ "
    "{other}, hoặc sửa lại mã cho đúng.",
)

CODE_FOR_LIST = {
    "doan_vien": UNKNOWN_MEMBER,
    "to": UNKNOWN_GROUP,
    "dot": UNKNOWN_PHASE,
    "phong_trao": UNKNOWN_MOVEMENT,
    "danh_hieu": UNKNOWN_TITLE,
}
assert set(CODE_FOR_LIST) == REFERENCE_LISTS
INDIVIDUAL, COLLECTIVE = schema.FIXED_LIST_VALUES["ds_doi_tuong"]


@rule("reference.lists")
def set_up_references(ctx: Context) -> None:
    for key in ctx.checked_keys():
        for col in schema.SHEETS[key].columns:
            if col.choices in CODE_FOR_LIST:
                check_choices(
                    ctx, key, col.key, CODE_FOR_LIST[col.choices], col.choices, source=ctx.ref.file
                )


@rule("reference.subject")
def registration_subject(ctx: Context) -> None:
    """The subject code of a registration or an annual rating: a member (Cá nhân) or a group
    (Tập thể)."""
    for key in ("dang_ky", "xep_loai_nam"):
        frame = ctx.frame(key)
        if frame is None or not ctx.has(key, "ma_doi_tuong"):
            continue
        kind, code = frame["loai_doi_tuong"], frame["ma_doi_tuong"]
        person = (kind == INDIVIDUAL) & code.notna() & ~code.isin(set(ctx.ref.members))
        group = (kind == COLLECTIVE) & code.notna() & ~code.isin(ctx.ref.groups)
        ctx.emit(UNKNOWN_MEMBER, key, frame[person], "ma_doi_tuong", source=ctx.ref.file)
        ctx.emit(UNKNOWN_GROUP, key, frame[group], "ma_doi_tuong", source=ctx.ref.file)


def _group_of_rows(ctx: Context, key: str, frame: pd.DataFrame) -> tuple[pd.Series, str]:
    """The group each row is about, and the column that says so."""
    members = ctx.ref.members
    if key == "dang_ky":
        kind, code = frame["loai_doi_tuong"], frame["ma_doi_tuong"]
        by_member = code.map(members)
        return by_member.where(kind == INDIVIDUAL, code.where(kind == COLLECTIVE)), "ma_doi_tuong"
    if key == "cong_trinh":
        return frame["ma_to"], "ma_to"
    return frame["ma_doan_vien"].map(members), "ma_doan_vien"


@rule("reference.own-group")
def own_group(ctx: Context) -> None:
    """In a group workbook, every row is about that group or one of its members."""
    if not any(s.group for s in ctx.sources):
        return
    for key in ("dang_ky", "cong_trinh", "ket_qua", "tin_bai"):
        frame = ctx.frame(key)
        if frame is None or frame.empty:
            continue
        groups, column = _group_of_rows(ctx, key, frame)
        own = ctx.own_groups(frame)
        known = groups.notna() & groups.isin(ctx.ref.groups | set(ctx.ref.members.values()))
        bad = known & (own != "") & (groups != own)
        ctx.emit(NOT_OWN_GROUP, key, frame[bad], column, other=groups[bad], own=own)
