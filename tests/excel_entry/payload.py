"""Simulating Excel for the entry points: a workbook file as the JSON payload Excel would send
to xlwings' remote engine, and the engine's answer applied back onto sheet grids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlwings as xw
from python_calamine import CalamineWorkbook


def _cell(value: Any) -> Any:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    return value


def payload_from_file(path: Path, client: str = "Microsoft Excel", tables: bool = False) -> dict:
    """What the VBA client sends: every sheet's values, dates as ISO strings, blanks as ''.
    ``tables=True`` adds each sheet's Excel Tables (name and range), as the client does."""
    book = CalamineWorkbook.from_path(str(path))
    found = _tables(path) if tables else {}
    sheets = []
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False) or [[""]]
        width = max(len(r) for r in rows)
        values = [[_cell(v) for v in r] + [""] * (width - len(r)) for r in rows]
        sheets.append(
            {
                "name": name,
                "values": values,
                "pictures": [],
                "tables": found.get(name, []),
                "notes": [],
            }
        )
    return {
        "client": client,
        "version": xw.__version__,
        "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }


def _tables(path: Path) -> dict[str, list[dict]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return {
        ws.title: [{"name": t.displayName, "range_address": t.ref} for t in ws.tables.values()]
        for ws in wb.worksheets
    }


def caller_book(path: Path, client: str = "Microsoft Excel", tables: bool = False):
    """xw.Book.caller() answers with this book, as when a ribbon button calls Python.
    ``client="Office.js"`` makes the engine accept what only Office.js relays (notes)."""
    book = xw.Book(json=payload_from_file(path, client, tables))
    book.set_mock_caller()
    return xw.Book.caller()


def apply_actions(payload: dict, actions: list[dict]) -> dict[str, list[list[Any]]]:
    """The values each sheet would hold after Excel ran the actions (setValues, clears,
    added sheets); formats are not simulated."""
    names = [s["name"] for s in payload["sheets"]]
    grids = {s["name"]: [list(r) for r in s["values"]] for s in payload["sheets"]}
    for action in actions:
        func = action["func"]
        if func == "addSheet":
            index, name = action["args"]
            names.insert(index, name)
            grids[name] = [[""]]
        elif func in ("sheetClear", "sheetClearContents"):
            grids[names[action["sheet_position"]]] = [[""]]
        elif func in ("rangeClear", "rangeClearContents"):
            grid = grids[names[action["sheet_position"]]]
            r0, c0 = action["start_row"], action["start_column"]
            for row in grid[r0 : r0 + action["row_count"]]:
                row[c0 : c0 + action["column_count"]] = [""] * len(
                    row[c0 : c0 + action["column_count"]]
                )
        elif func == "setValues":
            grid = grids[names[action["sheet_position"]]]
            r0, c0 = action["start_row"], action["start_column"]
            for i, row in enumerate(action["values"]):
                while len(grid) <= r0 + i:
                    grid.append([])
                target = grid[r0 + i]
                while len(target) < c0 + len(row):
                    target.append("")
                # Excel stores "'text" as text without its apostrophe (the text prefix).
                target[c0 : c0 + len(row)] = [
                    v[1:] if isinstance(v, str) and v.startswith("'") else v for v in row
                ]
    return grids


def alerts(actions: list[dict]) -> list[tuple[str, str]]:
    """(message, mode) of every message box Excel would show."""
    return [(a["args"][0], a["args"][3]) for a in actions if a["func"] == "alert"]


def trimmed(grid: list[list[Any]]) -> list[list[Any]]:
    """Rows without trailing blanks, blank rows at the end dropped: for comparisons."""
    rows = []
    for row in grid:
        row = ["" if v is None else v for v in row]
        while row and row[-1] == "":
            row.pop()
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows
