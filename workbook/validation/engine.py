"""The rule engine: rules registered once, run in one pass over typed DataFrames.

A rule is a function that looks at whole columns (vectorised masks, set look-ups) and emits a
finding for each offending row through its ``Context``. Rules never raise for data problems and
never print; the engine collects everything into a ``ValidationReport``.

* file rules (``batch=False``) see one context at a time, with the set-up to check against;
* batch rules (``batch=True``) see every context of the run together, so a duplicate across two
  group workbooks is found and cites both places.

A context is one workbook, or (``validation.batch``, for ``consolidate``) the rows of many
workbooks stacked in one frame per sheet with each row's workbook in a column: the rules then
run once over all of them, and each workbook is checked as if alone.

Messages come from the code's template (``findings.define``); a rule may override the template of
any code it emits (``Rule.messages``, like XLSForm's ``constraint_message``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from .. import schema
from ..findings import Code, Finding, a1
from ..reading import ROW, WorkbookData
from ..values import to_text
from .lookups import Lookups

DATA_KEYS = tuple(s.key for s in schema.DATA_SHEETS)
SOURCE = "_source"  # in a context of several workbooks: the row's workbook (index in sources)


@dataclass(frozen=True)
class Rule:
    name: str  # dotted, e.g. "registration.deadline"
    check: Callable[[Any], None]  # (Context) or, for batch rules, (list[Context])
    batch: bool = False
    messages: Mapping[str, str] = field(default_factory=dict)  # code -> message template

    def with_message(self, code: str, template: str) -> "Rule":
        """A copy of the rule whose findings of ``code`` carry ``template`` as message."""
        return dataclasses.replace(self, messages={**self.messages, code: template})


RULES: list[Rule] = []


def rule(name: str, *, batch: bool = False, messages: Mapping[str, str] | None = None):
    """Register a rule function (module import time)."""

    def register(func: Callable[[Any], None]) -> Callable[[Any], None]:
        RULES.append(Rule(name, func, batch, dict(messages or {})))
        return func

    return register


def default_rules() -> list[Rule]:
    return list(RULES)


@dataclass(frozen=True)
class Source:
    """A workbook whose rows a context checks: what the findings name and where its cells are."""

    file: str
    group: str  # the group a group workbook belongs to ('' for a master)
    sheet_names: Mapping[str, str]
    columns: Mapping[str, Mapping[str, str]]  # sheet key -> column key -> letter

    @classmethod
    def of(cls, data: WorkbookData) -> "Source":
        group = str(data.stamp.get("ma_to") or "") if data.kind == "group" else ""
        return cls(data.file, group, data.sheet_names, data.columns)


@dataclass
class Context:
    """Rows under check, their set-up, and where findings go.

    Usually one workbook (``Context.of``). A context may also hold the rows of several
    workbooks stacked in one frame per sheet, each row's workbook in the ``SOURCE`` column
    (``validation.batch``): every workbook is then checked as if alone, in one vectorised pass.
    The workbooks of such a context share the set-up and the columns found (``has``).
    """

    tables: Mapping[str, pd.DataFrame]
    sources: list[Source]
    ref: Lookups
    check_setup: bool  # also check the set-up sheets (the workbook is its own reference)
    data: WorkbookData | None = None  # the workbook, for a context of one
    found: list[list[Finding]] = field(default_factory=list)  # per source
    # True: the workbooks stacked here are each checked alone, batch rules never compare their
    # rows (consolidate: across files, the merge judges). False: compared as the rows of
    # separate contexts are (validate of a folder reports a registration made in two groups).
    isolated: bool = False
    # Each source's number among the run's workbooks, when its contexts stack them out of the
    # run's order (by layout): batch rules take the earlier workbook's row as the first.
    books: list[int] | None = None
    rule: Rule | None = None

    def __post_init__(self) -> None:
        self.found = self.found or [[] for _ in self.sources]

    @classmethod
    def of(cls, data: WorkbookData, ref: Lookups, check_setup: bool) -> "Context":
        return cls(data.tables, [Source.of(data)], ref, check_setup, data)

    @property
    def findings(self) -> list[Finding]:
        return [f for found in self.found for f in found]

    def checked_keys(self) -> list[str]:
        """Sheet keys read that the rules should look at."""
        keys = [k for k in self.tables if k in schema.SHEETS]
        if not self.check_setup:
            keys = [k for k in keys if k in DATA_KEYS]
        return keys

    def frame(self, key: str) -> pd.DataFrame | None:
        """The sheet's frame when it was read and is to be checked, else None."""
        if key not in self.tables or (not self.check_setup and key not in DATA_KEYS):
            return None
        return self.tables[key]

    def has(self, key: str, column: str) -> bool:
        """The column was found in the sheet (absent columns are all blank in the frame)."""
        return column in self.sources[0].columns.get(key, {})

    def per_source(self, frame: pd.DataFrame, values: list[Any]) -> pd.Series:
        """``values[source]`` for each row of ``frame`` (a slice of a sheet's frame)."""
        if SOURCE not in frame.columns:
            return pd.Series([values[0]] * len(frame), index=frame.index, dtype=object)
        return pd.Series(
            np.array(values, dtype=object)[frame[SOURCE].to_numpy(dtype=int)],
            index=frame.index,
            dtype=object,
        )

    def own_groups(self, frame: pd.DataFrame) -> pd.Series:
        """The group each row's workbook belongs to ('' for a master)."""
        return self.per_source(frame, [s.group for s in self.sources])

    def sheet_name(self, key: str, source: int = 0) -> str:
        return self.sources[source].sheet_names.get(key, schema.SHEETS[key].name)

    def cell(self, key: str, excel_row: Any, column: str, source: int = 0) -> str:
        letter = self.sources[source].columns.get(key, {}).get(column)
        return a1(letter, excel_row) if letter else ""

    def place(self, key: str, excel_row: Any, column: str, source: int = 0) -> str:
        """'file › sheet!C5', for messages that cite another place."""
        return (
            f"{self.sources[source].file} › {self.sheet_name(key, source)}!"
            f"{self.cell(key, excel_row, column, source)}"
        )

    def emit(self, code: Code, key: str, rows: pd.DataFrame, column: str, **context: Any) -> None:
        """One finding per row of ``rows`` (a slice of the sheet's frame), at ``column``.

        ``context`` fills the message template: scalars, lists aligned with ``rows`` or Series
        indexed like the frame. ``value=`` overrides the cell's value shown in the finding.
        """
        if rows is None or rows.empty:
            return
        sheet = schema.SHEETS[key]
        template = self.rule.messages.get(code.code) if self.rule else None
        header = _header(sheet, column)
        per_row = {
            k: (v.reindex(rows.index).tolist() if isinstance(v, pd.Series) else v)
            for k, v in context.items()
        }
        lists = {k for k, v in per_row.items() if isinstance(v, list)}
        key_columns = [rows[k].tolist() for k in sheet.row_key if k in rows]
        values = rows[column].tolist() if column in rows else [None] * len(rows)
        sources = rows[SOURCE].tolist() if SOURCE in rows.columns else [0] * len(rows)
        names = [self.sheet_name(key, s) for s in range(len(self.sources))]
        for i, excel_row in enumerate(rows[ROW].tolist()):
            ctx = {k: (v[i] if k in lists else v) for k, v in per_row.items()}
            value = ctx.pop("value", values[i])
            row_key = " / ".join(str(to_text(col[i]) or "") for col in key_columns)
            source = sources[i]
            self.found[source].append(
                code.at(
                    file=self.sources[source].file,
                    sheet=names[source],
                    cell=self.cell(key, excel_row, column, source),
                    sheet_key=key,
                    row=excel_row,
                    column=column,
                    row_key=row_key,
                    value=to_text(value) or "",
                    message=template,
                    header=header,
                    **ctx,
                )
            )


def _header(sheet: schema.Sheet, column: str) -> str:
    for col in schema.master_columns(sheet):
        if col.key == column:
            return col.header
    return column


def run_rules(contexts: list[Context], rules: Iterable[Rule]) -> None:
    for r in rules:
        if r.batch:
            for ctx in contexts:
                ctx.rule = r
            r.check(contexts)
        else:
            for ctx in contexts:
                ctx.rule = r
                r.check(ctx)
    for ctx in contexts:
        ctx.rule = None
