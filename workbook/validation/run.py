"""Running validation: on data already read, on one workbook file, on several together.

* ``validate_data(data, reference)`` — one workbook's data against a set-up;
* ``validate_many(datas, reference)`` — several (the returned group workbooks): duplicates across
  them are found and cite both places;
* ``validate_workbook(path, reference)`` / ``validate_workbooks(paths, reference)`` — read the
  files (with the cell fonts, for legacy encodings) and validate.

All return a ``ValidationReport`` and write nothing; ``sheet.check_workbooks`` also writes the
``Kiểm tra`` sheet and the highlights.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from ..reading import WorkbookData, read_workbook
from .engine import DATA_KEYS, Context, Rule, default_rules, run_rules
from .legacy_text import Fonts, fix_text_cells, fonts_readable, legacy_font_cells
from .lookups import Lookups, build_lookups
from .report import CheckedFile, ValidationReport

Reference = WorkbookData | str | Path | None


def _reference(reference: Reference) -> WorkbookData | None:
    if reference is None or isinstance(reference, WorkbookData):
        return reference
    return read_workbook(reference)


def _checked_file(data: WorkbookData) -> CheckedFile:
    rows = sum(len(data.tables[k]) for k in DATA_KEYS if k in data.tables)
    return CheckedFile(file=data.file, path=str(data.path), kind=data.kind or "",
                       group=str(data.stamp.get("ma_to") or "") if data.kind == "group" else "",
                       rows=rows)


def validate_many(datas: Sequence[WorkbookData], reference: Reference = None, *,
                  rules: Iterable[Rule] | None = None,
                  fonts: dict[str, Fonts] | None = None,
                  lookups: Lookups | None = None) -> ValidationReport:
    """Validate workbooks together against ``reference``'s set-up (each its own when None).

    ``fonts`` maps a file name to its legacy-font cells (``legacy_font_cells``); legacy text in
    other cells is still found by content. Converts legacy text in the frames (see
    ``fix_text_cells``). ``lookups`` are ``reference``'s, built once by a caller validating many
    batches against the same reference.
    """
    ref_data = _reference(reference)
    ref_lookups: Lookups | None = lookups if lookups is not None else \
        build_lookups(ref_data) if ref_data is not None else None
    contexts = []
    for data in datas:
        fix_text_cells(data, (fonts or {}).get(data.file))
        own = ref_data is None or ref_data is data
        contexts.append(Context(data=data, ref=build_lookups(data) if own else ref_lookups,
                                check_setup=own))
    run_rules(contexts, default_rules() if rules is None else rules)
    findings, seen = [], set()
    for ctx in contexts:
        for f in (*ctx.data.findings, *ctx.findings):
            if f not in seen:  # two rules may flag the same cell for the same reason
                seen.add(f)
                findings.append(f)
    report = ValidationReport(findings=findings, files=[_checked_file(d) for d in datas],
                              reference=ref_data.file if ref_data is not None and
                              all(ref_data is not d for d in datas) else "")
    return report.sort()


def validate_data(data: WorkbookData, reference: Reference = None, *,
                  rules: Iterable[Rule] | None = None, fonts: Fonts | None = None,
                  lookups: Lookups | None = None) -> ValidationReport:
    return validate_many([data], reference, rules=rules,
                         fonts={data.file: fonts} if fonts else None, lookups=lookups)


def read_for_validation(path: str | Path) -> tuple[WorkbookData, Fonts, list[str]]:
    """Read a workbook and the fonts of its cells; notes say what could not be checked."""
    data = read_workbook(path)
    notes = []
    if fonts_readable(path):
        fonts = legacy_font_cells(path, sheets=list(data.sheet_names.values()))
    else:
        fonts = {}
        notes.append(f"{data.file}: tệp {Path(path).suffix.lower()} không cho đọc phông chữ của ô; "
                     "bảng mã cũ (TCVN3, VNI) chỉ được nhận ra theo nội dung.")
    return data, fonts, notes


def validate_workbooks(paths: Sequence[str | Path], reference: Reference = None, *,
                       rules: Iterable[Rule] | None = None) -> ValidationReport:
    datas, fonts, notes = [], {}, []
    for path in paths:
        data, cell_fonts, more = read_for_validation(path)
        datas.append(data)
        fonts[data.file] = cell_fonts
        notes += more
    report = validate_many(datas, reference, rules=rules, fonts=fonts)
    report.notes = notes
    return report


def validate_workbook(path: str | Path, reference: Reference = None, *,
                      rules: Iterable[Rule] | None = None) -> ValidationReport:
    return validate_workbooks([path], reference, rules=rules)
