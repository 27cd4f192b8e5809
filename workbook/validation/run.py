"""Running validation: on data already read, on one workbook file, on several together.

* ``validate_data(data, reference)`` — one workbook's data against a set-up;
* ``validate_many(datas, reference)`` — several (the returned group workbooks): duplicates across
  them are found and cite both places;
* ``validate_workbook(path, reference)`` / ``validate_workbooks(paths, reference)`` — read the
  files and folders named (with the cell fonts, for legacy encodings) and validate. A file
  that cannot be read is a finding and the others are checked all the same; a group workbook
  of another campaign or union, or of an old template, is an error; a checked copy of a
  workbook also in the run (an earlier ``thidua validate``'s receipt) is skipped, with a note.

All return a ``ValidationReport`` and write nothing; ``sheet.check_workbooks`` also writes the
``Kiểm tra`` sheet and the highlights.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterable, Sequence
from xml.etree import ElementTree as ET

from ..errors import NotOurWorkbook, UnreadableWorkbook
from ..findings import ERROR, Finding, define
from ..reading import WorkbookData, read_workbook
from ..safe_io import HASH_CHARS, file_hash
from ..stamps import CHECKED_COPY_OF, KIND_NAMES, campaign_refusal, master_identity, version_refusal
from .batch import stacked_contexts
from .engine import DATA_KEYS, Context, Rule, default_rules, run_rules
from .legacy_text import Fonts, fix_text_cells, fonts_readable, legacy_font_cells
from .lookups import Lookups, build_lookups
from .report import CheckedFile, ValidationReport

Reference = WorkbookData | str | Path | None

UNREADABLE_FILE = define(
    "unreadable-file", ERROR, "Không đọc được tệp này: {reason}. Các tệp khác vẫn được kiểm tra."
)


def _reference(reference: Reference) -> WorkbookData | None:
    if reference is None or isinstance(reference, WorkbookData):
        return reference
    data = read_workbook(reference)
    if data.kind != "master":
        what = KIND_NAMES.get(data.kind or "", "không phải sổ do thidua tạo")
        raise NotOurWorkbook(
            f"Tệp {data.file} ({what}) không dùng làm chuẩn được: --reference cần sổ chính của "
            "Ban Chấp hành (có đủ đợt, phong trào, danh hiệu và đoàn viên của mọi tổ). Chọn sổ "
            "chính rồi chạy lại."
        )
    return data


def _config(data: WorkbookData) -> dict:
    frame = data.table("cau_hinh")
    return dict(zip(frame["ma_muc"].tolist(), frame["gia_tri"].tolist()))


def stamp_findings(data: WorkbookData, reference: WorkbookData | None) -> list[Finding]:
    """A group workbook of an old template, or (against the master) of another campaign or
    union: the same judgement ``consolidate`` makes, so validate warns before it refuses."""
    if data.kind != "group":
        return []
    found = [version_refusal(data.stamp, data.file)]
    if reference is not None and reference is not data:
        found.append(
            campaign_refusal(
                data.stamp, *master_identity(reference.stamp, _config(reference)), data.file
            )
        )
    return [f for f in found if f is not None]


def _checked_file(data: WorkbookData) -> CheckedFile:
    rows = sum(len(data.tables[k]) for k in DATA_KEYS if k in data.tables)
    return CheckedFile(
        file=data.file,
        path=str(data.path),
        kind=data.kind or "",
        group=str(data.stamp.get("ma_to") or "") if data.kind == "group" else "",
        rows=rows,
    )


def validate_many(
    datas: Sequence[WorkbookData],
    reference: Reference = None,
    *,
    rules: Iterable[Rule] | None = None,
    fonts: dict[str, Fonts] | None = None,
    lookups: Lookups | None = None,
    stack: bool = True,
) -> ValidationReport:
    """Validate workbooks together against ``reference``'s set-up (each its own when None).

    Workbooks checked against one reference are stacked (``stacked_contexts``) unless
    ``stack`` is False: each is then checked in a context of its own, the same findings slower.

    ``fonts`` maps a file name to its legacy-font cells (``legacy_font_cells``); legacy text in
    other cells is still found by content. Converts legacy text in the frames (see
    ``fix_text_cells``). ``lookups`` are ``reference``'s, built once by a caller validating many
    batches against the same reference.
    """
    ref_data = _reference(reference)
    ref_lookups: Lookups | None = (
        lookups
        if lookups is not None
        else build_lookups(ref_data)
        if ref_data is not None
        else None
    )
    for data in datas:
        fix_text_cells(data, (fonts or {}).get(data.file))
    chosen = default_rules() if rules is None else rules
    if (
        stack
        and ref_lookups is not None
        and len(datas) > 1
        and all(ref_data is not d for d in datas)
    ):
        # many group workbooks against one master: the rules run once per layout
        stacked = stacked_contexts(datas, ref_lookups)
        run_rules(stacked, chosen)
        found: list[list[Finding]] = [[] for _ in datas]
        for ctx in stacked:
            for i, its in zip(ctx.books or (), ctx.found):
                found[i] = its
    else:
        contexts = []
        for data in datas:
            own = ref_data is None or ref_data is data
            contexts.append(
                Context.of(
                    data,
                    build_lookups(data) if own or ref_lookups is None else ref_lookups,
                    check_setup=own,
                )
            )
        run_rules(contexts, chosen)
        found = [ctx.findings for ctx in contexts]
    findings, seen = [], set()
    for data, its in zip(datas, found):
        for f in (*data.findings, *its):
            if f not in seen:  # two rules may flag the same cell for the same reason
                seen.add(f)
                findings.append(f)
    report = ValidationReport(
        findings=findings,
        files=[_checked_file(d) for d in datas],
        reference=ref_data.file
        if ref_data is not None and all(ref_data is not d for d in datas)
        else "",
    )
    return report.sort()


def validate_data(
    data: WorkbookData,
    reference: Reference = None,
    *,
    rules: Iterable[Rule] | None = None,
    fonts: Fonts | None = None,
    lookups: Lookups | None = None,
) -> ValidationReport:
    return validate_many(
        [data], reference, rules=rules, fonts={data.file: fonts} if fonts else None, lookups=lookups
    )


def read_for_validation(path: str | Path) -> tuple[WorkbookData, Fonts, list[str]]:
    """Read a workbook and the fonts of its cells; notes say what could not be checked."""
    data = read_workbook(path)
    notes = []
    if fonts_readable(path):
        try:
            fonts = legacy_font_cells(path, sheets=list(data.sheet_names.values()))
        except (ET.ParseError, zipfile.BadZipFile, KeyError):  # damaged styles, not data
            fonts = {}
            notes.append(
                f"{data.file}: không đọc được phông chữ của ô (phần định dạng của tệp "
                "bị hỏng); bảng mã cũ (TCVN3, VNI) chỉ được nhận ra theo nội dung."
            )
    else:
        fonts = {}
        notes.append(
            f"{data.file}: tệp {Path(path).suffix.lower()} không cho đọc phông chữ của ô; "
            "bảng mã cũ (TCVN3, VNI) chỉ được nhận ra theo nội dung."
        )
    return data, fonts, notes


def _read_one(path: Path) -> tuple[WorkbookData, Fonts, list[str], str] | UnreadableWorkbook:
    """One file of a folder, read on a worker thread: an unreadable file is a finding, and the
    others are still read."""
    try:
        return (*read_for_validation(path), file_hash(path))
    except UnreadableWorkbook as err:
        return err


def input_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named and workbooks found under folders named; notes for what was left out."""
    # Imported here: consolidation validates with this package, which must load first.
    from ..consolidation.collect import expand, is_owner_file

    files, aside = expand(paths)
    notes = [f"{a.path.name}: {a.reason}" for a in aside]
    kept = []
    for path in dict.fromkeys(files):
        if is_owner_file(path):
            notes.append(f"{path.name}: tệp khóa tạm của Excel (~$…), không phải sổ; bỏ qua.")
        else:
            kept.append(path)
    return kept, notes


def _checked_copies(datas: list[WorkbookData], hashes: dict[str, str]) -> set[str]:
    """Files that are checked copies of another file of the run, with the same data."""
    by_hash = {h[:HASH_CHARS]: d for d in datas for h in [hashes[d.file]]}
    copies = set()
    for data in datas:
        original = by_hash.get(data.stamp.get(CHECKED_COPY_OF, ""))
        if (
            original is not None
            and original is not data
            and all(
                original.table(k).drop(columns="_row").equals(data.table(k).drop(columns="_row"))
                for k in DATA_KEYS
            )
        ):
            copies.add(data.file)
    return copies


def validate_workbooks(
    paths: Sequence[str | Path],
    reference: Reference = None,
    *,
    rules: Iterable[Rule] | None = None,
    stack: bool = True,
) -> ValidationReport:
    """Validate the workbooks named and found under the folders named (see ``validate_many``,
    ``stack`` too); a file that cannot be read is a finding, the others are checked."""
    from ..consolidation.runner import run_batch  # see input_files

    ref_data = _reference(reference)
    files, notes = input_files(paths)
    datas, fonts, unreadable, hashes = [], {}, [], {}
    for path, read in zip(files, run_batch(_read_one, [(p,) for p in files])):
        if isinstance(read, UnreadableWorkbook):
            unreadable.append(UNREADABLE_FILE.at(file=path.name, message=read.message))
            continue
        data, cell_fonts, more, digest = read
        datas.append(data)
        fonts[data.file] = cell_fonts
        hashes[data.file] = digest
        notes += more
    if unreadable and not datas:  # nothing could be checked: the run itself failed
        raise UnreadableWorkbook(" ".join(f.message for f in unreadable))
    copies = _checked_copies(datas, hashes)
    notes += [
        f"{name}: bản kết quả kiểm tra của một sổ cũng có trong lần kiểm tra này, dữ liệu "
        "giống hệt; bỏ qua."
        for name in sorted(copies)
    ]
    datas = [d for d in datas if d.file not in copies]
    report = validate_many(datas, ref_data, rules=rules, fonts=fonts, stack=stack)
    extra = [f for d in datas for f in stamp_findings(d, ref_data)] + unreadable
    report.findings.extend(extra)
    report.files += [CheckedFile(file=f.file, path="", kind="") for f in unreadable]
    report.notes = notes
    return report.sort()


def validate_workbook(
    path: str | Path, reference: Reference = None, *, rules: Iterable[Rule] | None = None
) -> ValidationReport:
    return validate_workbooks([path], reference, rules=rules)
