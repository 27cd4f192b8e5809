"""Text longer than an Excel cell holds: what fits goes into the master, the whole of it beside.

An Excel cell holds 32,767 characters; a master written with more is reported damaged by Excel,
or cut without a word. So before the merge is planned, such a value is cut to what fits, ending
with a note naming the side file that holds the full text (``noi-dung-dai/`` next to the master),
and a warning names the source cell and that file. Cutting before planning keeps re-runs
idempotent: the next run compares the same cut value and finds nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from .. import schema
from ..findings import WARNING, Finding, define
from ..ooxml import MAX_CELL_CHARS
from ..reading import ROW
from ..safe_io import make_folder
from ..text import slug_filename
from .read_group import SHEET, GroupRead, row_key_text

LONG_TEXT_DIR = "noi-dung-dai"

LONG_TEXT_KEPT = define(
    "long-text-kept-aside",
    WARNING,
    "Cột '{header}': ô dài {length} ký tự, quá sức chứa một ô Excel. Sổ chính giữ phần đầu, "
    "toàn văn được lưu ở tệp {side} (thư mục {folder} cạnh sổ chính).",
)


@dataclass
class LongText:
    side_name: str  # file name inside LONG_TEXT_DIR
    text: str  # the full value, exactly as read

    def to_dict(self) -> dict[str, str | int]:
        return {"file": f"{LONG_TEXT_DIR}/{self.side_name}", "length": len(self.text)}


def side_name(file: str, sheet: str, cell: str) -> str:
    return f"{slug_filename(Path(file).stem)}_{slug_filename(sheet)}_{cell}.txt"


def cut(text: str, name: str) -> str:
    """The value the master holds: the start of the text and where the rest is."""
    note = f" … [toàn văn: {LONG_TEXT_DIR}/{name}]"
    return text[: MAX_CELL_CHARS - len(note)].rstrip() + note  # read back, it compares equal


def cut_long_text(reads: list[GroupRead]) -> tuple[list[LongText], list[Finding]]:
    """Cut over-long text values of the rows read, in place; the full texts and warnings."""
    kept, findings = [], []
    for read in reads:
        for key, rows in read.rows.items():
            if _longest_text(rows) <= MAX_CELL_CHARS:  # every file but a rare one
                continue
            sheet = schema.SHEETS[key]
            for row in rows:
                for col in sheet.columns:
                    value = row.get(col.key)
                    if not isinstance(value, str) or len(value) <= MAX_CELL_CHARS:
                        continue
                    cell = read.cell(key, row[ROW], col.key)
                    name = side_name(read.file, row[SHEET], cell)
                    kept.append(LongText(name, value))
                    row[col.key] = cut(value, name)
                    findings.append(
                        LONG_TEXT_KEPT.at(
                            file=read.file,
                            sheet=row[SHEET],
                            cell=cell,
                            sheet_key=key,
                            row=row[ROW],
                            column=col.key,
                            row_key=row_key_text(sheet, row),
                            value=value[:60] + "…",
                            header=col.header,
                            length=f"{len(value):,}".replace(",", "."),
                            side=name,
                            folder=LONG_TEXT_DIR,
                        )
                    )
    return kept, findings


def _longest_text(rows: list[dict[str, Any]]) -> int:
    """The length of the longest text among the rows' values, told in C: no row is visited."""
    texts = filter(str.__instancecheck__, chain.from_iterable(map(dict.values, rows)))
    return max(map(len, texts), default=0)


def save_long_text(kept: list[LongText], master_folder: Path) -> list[Path]:
    """Write the side files (only those missing or different: a re-run changes nothing)."""
    if not kept:
        return []
    folder = master_folder / LONG_TEXT_DIR
    make_folder(folder)
    written = []
    for item in kept:
        path = folder / item.side_name
        data = item.text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(path)
    return written
