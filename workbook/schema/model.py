"""The building blocks of the schema: a column, a dropdown list, a sheet.

Each sheet and column is declared once (in the sibling modules); headers, dropdowns, reading,
validation messages and report layouts all read these objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["text", "code", "int", "number", "money", "date", "datetime"]
SheetRole = Literal["setup", "lists", "data", "output", "stamp"]

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"
NUMBER_FORMATS: dict[str, str] = {
    "text": "@",
    "code": "@",  # codes and phone numbers are text: their leading zeros matter
    "int": "0",
    "number": "0.##",
    "money": "#,##0",
    "date": DATE_FORMAT,
    "datetime": DATETIME_FORMAT,  # a real date and time Excel sorts and filters, not text
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: ColumnType = "text"
    required: bool = False
    choices: str | None = None  # key of a ListDef: the dropdown and the allowed values
    width: float = 14
    aliases: tuple[str, ...] = ()  # header wording variants people type
    help: str = ""  # Vietnamese input message shown when the cell is selected
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None  # regular expression a code must match

    @property
    def number_format(self) -> str:
        return NUMBER_FORMATS[self.type]


@dataclass(frozen=True)
class ListDef:
    """A dropdown list. Its values live in a table column of some sheet; a workbook-level
    defined name (``name``) points at that column so data validation can use it."""

    key: str
    name: str  # defined name, e.g. DS_DOT
    sheet: str  # sheet key holding the values
    column: str  # column key holding the values
    fixed: tuple[str, ...] = ()  # values that come from the schema, not the campaign


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str  # Vietnamese sheet name shown in Excel
    role: SheetRole
    columns: tuple[Column, ...] = ()
    table: str = ""  # Excel Table (ListObject) display name, ASCII
    row_key: tuple[str, ...] = ()  # columns identifying a row in messages
    in_group: bool = False  # also present in group workbooks
    title: str = ""  # one-line Vietnamese description, shown above nothing: used in guides
    landscape: bool = True

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.key}.{key}")

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]
