"""Field-level rules, driven by the schema: required, allowed values, ranges, code formats, ids.

Typing (dates, integers, money) is checked by the reader, which reports ``invalid-value`` and keeps
the text; those findings are part of every report. The rules here skip values of the wrong type.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from ..findings import ERROR, Code, define
from ..reading import ROW
from .engine import DATA_KEYS, SOURCE, Context, rule
from .frames import as_numbers, is_text

MISSING_VALUE = define(
    "missing-value",
    ERROR,
    "Cột '{header}' không được để trống. Hãy điền (chọn trong danh sách thả xuống nếu có), "
    "hoặc xóa cả dòng nếu dòng này thừa.",
)
NOT_IN_LIST = define(
    "not-in-list",
    ERROR,
    "Cột '{header}': '{value}' không có trong danh sách {list_name}.{hint} Hãy chọn một giá trị "
    "trong danh sách thả xuống{allowed}.",
)
OUT_OF_RANGE = define(
    "out-of-range",
    ERROR,
    "Cột '{header}': {value} nằm ngoài khoảng cho phép (từ {low} đến {high}). Sửa lại cho đúng.",
)
NEGATIVE_VALUE = define(
    "negative-value",
    ERROR,
    "Cột '{header}': {value} là số âm, cột này phải từ 0 trở lên. Sửa lại (để trống nếu không có).",
)
BAD_CODE_FORMAT = define(
    "bad-code-format",
    ERROR,
    "Cột '{header}': mã '{value}' không đúng dạng. Mã chỉ gồm chữ, số, dấu cách, dấu chấm, "
    "gạch ngang, gạch dưới, tối đa 30 ký tự.",
)
DUPLICATE_ID = define(
    "duplicate-id",
    ERROR,
    "Cột '{header}': mã '{value}' trùng với dòng ở {other}. Mỗi dòng cần một mã riêng: đổi mã "
    "của một trong hai dòng (hoặc xóa dòng thừa).",
)

# Lists whose values live on set-up sheets get their own "unknown-…" code (reference_rules).
REFERENCE_LISTS = frozenset({"dot", "phong_trao", "danh_hieu", "to", "doan_vien"})
SHOW_ALLOWED_UP_TO = 8


def _number(x: float) -> str:
    return f"{int(x):,}".replace(",", ".") if float(x).is_integer() else str(x)


def check_choices(
    ctx: Context, key: str, column: str, code: Code, choices: str, **extra: object
) -> None:
    """Values of a column that are not in the list ``choices`` (blank values are fine)."""
    frame = ctx.frame(key)
    if frame is None or not ctx.has(key, column):
        return
    allowed = ctx.ref.allowed(choices)
    s = frame[column]
    bad = frame[s.notna() & ~s.isin(allowed)]
    if bad.empty:
        return
    lst = schema.LISTS[choices]
    list_name = f"'{_header(lst.sheet, lst.column)}'"
    shown = list(lst.fixed) or sorted(allowed)
    allowed_text = (
        f" ({'; '.join(shown)})"
        if 0 < len(shown) <= SHOW_ALLOWED_UP_TO
        else f" (trang '{schema.SHEETS[lst.sheet].name}')"
    )
    hints = [ctx.ref.suggestion(choices, v) for v in bad[column].tolist()]
    ctx.emit(
        code,
        key,
        bad,
        column,
        list_name=list_name,
        allowed=allowed_text,
        hint=[f" Có phải là '{h}'?" if h else "" for h in hints],
        **extra,
    )


def _header(sheet_key: str, column: str) -> str:
    return schema.SHEETS[sheet_key].column(column).header


@rule("field.required")
def required(ctx: Context) -> None:
    for key in ctx.checked_keys():
        frame = ctx.tables[key]
        for col in schema.SHEETS[key].columns:
            if col.required and ctx.has(key, col.key):
                ctx.emit(MISSING_VALUE, key, frame[frame[col.key].isna()], col.key)


@rule("field.list")
def in_list(ctx: Context) -> None:
    for key in ctx.checked_keys():
        for col in schema.SHEETS[key].columns:
            if col.choices and col.choices not in REFERENCE_LISTS:
                check_choices(ctx, key, col.key, NOT_IN_LIST, col.choices)


@rule("field.range")
def in_range(ctx: Context) -> None:
    for key in ctx.checked_keys():
        frame = ctx.tables[key]
        for col in schema.SHEETS[key].columns:
            if (col.minimum is None and col.maximum is None) or not ctx.has(key, col.key):
                continue
            n = as_numbers(frame[col.key])
            low = n < col.minimum if col.minimum is not None else pd.Series(False, n.index)
            high = n > col.maximum if col.maximum is not None else pd.Series(False, n.index)
            if col.minimum == 0:
                ctx.emit(NEGATIVE_VALUE, key, frame[low], col.key)
                low = pd.Series(False, index=n.index)
            bounds = {
                "low": _number(col.minimum) if col.minimum is not None else "…",
                "high": _number(col.maximum) if col.maximum is not None else "…",
            }
            ctx.emit(OUT_OF_RANGE, key, frame[low | high], col.key, **bounds)


@rule("field.code-format")
def code_format(ctx: Context) -> None:
    for key in ctx.checked_keys():
        frame = ctx.tables[key]
        for col in schema.SHEETS[key].columns:
            if not col.pattern or not ctx.has(key, col.key):
                continue
            s = frame[col.key]
            text = is_text(s)
            ok = s[text].astype(str).str.fullmatch(col.pattern).reindex(s.index, fill_value=True)
            ctx.emit(BAD_CODE_FORMAT, key, frame[text & ~ok.astype(bool)], col.key)


def first_occurrences(
    contexts: list[Context], key: str, columns: tuple[str, ...], across_files: bool
) -> list[tuple[Context, pd.DataFrame, list[str]]]:
    """Rows repeating an earlier row's ``columns`` (all non-blank), each with the earlier place.

    ``across_files`` compares rows of different workbooks: of different contexts, and of the
    workbooks stacked in a context that is not ``isolated``; the workbooks stacked in an
    isolated context are each checked alone, so their rows are never compared with one another.
    Returns (context, its repeated rows, 'file › sheet!cell' of the first occurrence per row).
    """
    parts = []
    books = 0  # workbooks of the contexts before: each workbook's number in the run
    for i, ctx in enumerate(contexts):
        frame = ctx.frame(key)
        if frame is not None and all(ctx.has(key, c) for c in columns):
            part = frame.loc[
                frame[list(columns)].notna().all(axis=1),
                [*columns, ROW, *([SOURCE] if SOURCE in frame.columns else [])],
            ]
            if SOURCE not in part.columns:
                part = part.assign(**{SOURCE: 0})
            numbers = np.asarray(ctx.books or range(books, books + len(ctx.sources)))
            book = numbers[part[SOURCE].to_numpy(dtype=int)]
            scope = book if across_files and ctx.isolated else -1  # -1: every workbook's rows
            parts.append(part.assign(_ctx=i, _pos=range(len(part)), _scope=scope, _book=book))
        books += len(ctx.sources)
    if not parts:
        return []
    # the run's workbooks in order, each one's rows in order: the first occurrence is the
    # earliest (contexts stacked by layout hold them out of order)
    both = pd.concat(parts, ignore_index=True).sort_values(["_book", "_pos"], kind="stable")
    group_cols = [*columns, "_scope"] if across_files else [*columns, "_book"]
    both["_first"] = ~both.duplicated(group_cols, keep="first")
    repeated = both[~both["_first"]]
    if repeated.empty:
        return []
    firsts = both[both["_first"]].set_index(group_cols, drop=False)
    out = []
    for i, rows in repeated.groupby("_ctx", sort=True):
        ctx = contexts[i]
        frame = ctx.tables[key]
        origin = firsts.loc[list(rows[group_cols].itertuples(index=False, name=None))]
        places = [
            contexts[c].place(key, r, columns[0], s)
            for c, r, s in zip(
                origin["_ctx"].tolist(), origin[ROW].tolist(), origin[SOURCE].tolist()
            )
        ]
        positions = rows["_pos"].tolist()
        present = frame.loc[frame[list(columns)].notna().all(axis=1)]
        out.append((ctx, present.iloc[positions], places))
    return out


@rule("field.duplicate-id", batch=True)
def duplicate_ids(contexts: list[Context]) -> None:
    for sheet in schema.MASTER_ORDER:
        if len(sheet.row_key) != 1:
            continue
        across = sheet.key in DATA_KEYS  # set-up copies repeat across group workbooks
        for ctx, rows, places in first_occurrences(contexts, sheet.key, sheet.row_key, across):
            ctx.emit(DUPLICATE_ID, sheet.key, rows, sheet.row_key[0], other=places)
