"""Text rules: legacy encodings (converted before the rules run, see ``legacy_text``) and text
that Excel would take for a formula.

A text cell beginning with '=', '+', '-' or '@' stays text — it is never written back as a
formula — but the group should know: pasted from elsewhere, it may not say what they meant.
A phone number written the international way ("+84 912 345 678") is what it says: not flagged.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import schema
from ..findings import WARNING, define
from .engine import Context, rule

FORMULA_LIKE_TEXT = define(
    "formula-like-text",
    WARNING,
    "Cột '{header}': nội dung bắt đầu bằng '{first}' nên Excel có thể hiểu nhầm là công thức. "
    "Nội dung được giữ nguyên dạng chữ; nên bỏ ký tự '{first}' ở đầu.",
)

# What text.looks_like_formula checks, compiled once for whole columns.
FORMULA_START = re.compile(r"[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20]")
PHONE_NUMBER = re.compile(r"\s*\+\d[\d .\-()]{6,}\Z")
# A first character the pattern can start on (a sign, or white space before one): most texts
# start otherwise and need no regular expression.
FORMULA_FIRST = frozenset("=+-@\uff1d\uff0b\uff0d\uff20") | {
    chr(c)
    for c in range(0x3001)
    if chr(c).isspace()  # U+3000 is the last white space
}


@rule("text.formula-like")
def formula_like(ctx: Context) -> None:
    for key in ctx.checked_keys():
        frame = ctx.tables[key]
        for col in schema.SHEETS[key].columns:
            if col.type != "text" or not ctx.has(key, col.key):
                continue
            values = frame[col.key].tolist()
            found = {  # each distinct value looked at once: most columns have none
                v
                for v in set(values)
                if isinstance(v, str)
                and v[:1] in FORMULA_FIRST
                and FORMULA_START.match(v) is not None
                and PHONE_NUMBER.match(v) is None
            }
            if not found:
                continue
            hit = [v in found for v in values]
            rows = frame[pd.Series(hit, index=frame.index, dtype=bool)]
            ctx.emit(
                FORMULA_LIKE_TEXT,
                key,
                rows,
                col.key,
                first=[v.strip()[:1] for v in rows[col.key].tolist()],
            )
