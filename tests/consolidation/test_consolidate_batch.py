"""Consolidating the demo's returned group workbooks: merge, provenance, re-run, update,
conflicts, bad files, lock, and the count that proves nothing was lost."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from workbook import schema
from workbook.consolidation import consolidate
from workbook.demo_mistakes import MISTAKES
from workbook.errors import WorkbookLocked
from workbook.reading import read_workbook
from workbook.safe_io import file_hash
from workbook.text import fix_legacy
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, PHONE_ID, RETURNED, group_file, make_bad_folder, rows_of

DATA_KEYS = [s.key for s in schema.DATA_SHEETS]
BAD_KINDS = [
    "corrupt",
    "password-protected",
    "not-a-group-workbook",
    "wrong-template-version",
    "owner-file",
    "duplicate-file",
    "group-claimed-twice",
]


def test_first_run_merges_every_row_with_provenance(batch):
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert result.written and not result.set_aside
    assert result.exit_code == 1  # the demo's planted mistakes: merged, and reported
    t = result.totals
    assert t["added"] == t["rows_read"] > 200 and t["held"] == 0
    regs = read_workbook(batch / MASTER, sheets=("dang_ky",)).table("dang_ky")
    row = regs[regs["ma_dang_ky"] == "DK03-01"].iloc[0]
    source = group_file(batch / RETURNED, "03")
    assert row["to_nguon"] == "03" and row["tep_nguon"] == source.name
    assert row["trang_nguon"] == "Đăng ký thi đua" and row["dong_nguon"] == 2
    assert row["bam_nguon"] == file_hash(source)[:16]


def test_rows_are_validated_against_the_master_and_merged_all_the_same(batch):
    """Each planted mistake is reported once, at its file and cell; its row is merged."""
    result = consolidate(batch / MASTER, [batch / RETURNED])
    group_of = {f.path.name: f.group for f in result.files}
    found = {(f.code, group_of[f.file], f.row_key) for f in result.findings}
    assert found == {(m.code, m.group, m.row_key) for m in MISTAKES}
    assert all(f.sheet and f.cell for f in result.findings)
    assert result.errors == sum(
        1
        for m in MISTAKES
        if m.code not in ("registration-late", "formula-like-text", "legacy-encoding")
    )
    regs = read_workbook(batch / MASTER, sheets=("dang_ky",)).table("dang_ky")
    assert "DK01-90" in set(regs["ma_dang_ky"])  # the row naming an unknown member is there
    assert result.totals["held"] == 0


def test_every_cell_of_the_master_equals_its_source(batch):
    """Leading zeros, whole numbers, blanks and dates come through exactly as typed."""
    result = consolidate(batch / MASTER, [batch / RETURNED])
    converted = {
        (f.file, f.sheet, f.row_key, f.value)
        for f in result.findings
        if f.code == "legacy-encoding"
    }
    assert [(v[0][:5], v[3]) for v in converted] == [("To-05", "Hoµng V¨n B×nh")]
    master = load_workbook(batch / MASTER)
    books = {p.name: load_workbook(p) for p in (batch / RETURNED).glob("*.xlsx")}
    checked = 0
    kinds: set = set()
    for sheet in schema.DATA_SHEETS:
        ws = master[sheet.name]
        header = [c.value for c in ws[1]]
        for values in ws.iter_rows(min_row=2, values_only=True):
            row = dict(zip(header, values))
            src = books[row["Tệp nguồn"]][row["Trang nguồn"]]
            src_header = [c.value for c in src[1]]
            src_row = dict(
                zip(
                    src_header,
                    next(
                        src.iter_rows(
                            min_row=row["Dòng nguồn"], max_row=row["Dòng nguồn"], values_only=True
                        )
                    ),
                )
            )
            for col in sheet.columns:
                if (
                    isinstance(src_row[col.header], str)
                    and (
                        row["Tệp nguồn"],
                        row["Trang nguồn"],
                        src_row[sheet.columns[0].header] + " / " + str(src_row.get("Đợt")),
                        src_row[col.header],
                    )
                    in converted
                ):
                    assert fix_legacy(src_row[col.header])[0] == row[col.header]
                    continue
                assert row[col.header] == src_row[col.header], (sheet.name, row, col.key)
                assert type(row[col.header]) is type(src_row[col.header])
                kinds.add(type(row[col.header]))
                checked += 1
    assert checked > 2000
    assert {str, int, dt.datetime, type(None)} <= kinds
    tin = rows_of(batch / MASTER, "tin_bai")
    assert PHONE_ID in [r["ma_tin_bai"] for r in tin]
    works = rows_of(batch / MASTER, "cong_trinh")
    assert {r["ma_to"] for r in works} == {"01", "02", "03", "04", "05", "06"}


def test_formula_like_text_stays_text(batch):
    consolidate(batch / MASTER, [batch / RETURNED])
    ws = load_workbook(batch / MASTER)[schema.sheet("dang_ky").name]
    cells = [c for c in ws["H"] if isinstance(c.value, str) and c.value.startswith("=")]
    assert [c.value for c in cells] == ["=Hoàn thành 100% chỉ tiêu được giao"]
    assert cells[0].data_type == "s"


def test_sources_are_never_modified(batch):
    before = {p.name: file_hash(p) for p in (batch / RETURNED).iterdir()}
    consolidate(batch / MASTER, [batch / RETURNED])
    assert {p.name: file_hash(p) for p in (batch / RETURNED).iterdir()} == before


def test_rerun_changes_nothing(batch):
    consolidate(batch / MASTER, [batch / RETURNED])
    before = file_hash(batch / MASTER)
    again = consolidate(batch / MASTER, [batch / RETURNED])
    assert not again.written and file_hash(batch / MASTER) == before
    t = again.totals
    assert t["unchanged"] == t["rows_read"] and t["added"] == t["changed"] == t["removed"] == 0


def test_newer_file_replaces_its_groups_rows(batch):
    consolidate(batch / MASTER, [batch / RETURNED])
    path = group_file(batch / RETURNED, "02")
    rows = rows_of(path, "tin_bai")
    removed = rows.pop(1)["ma_tin_bai"]
    rows[0]["tieu_de"] = "Tổ Thanh tra Sở hoàn thành kế hoạch năm"
    rows.append({**rows[0], "ma_tin_bai": "TB02-77", "ngay_dang": dt.date(2023, 5, 5)})
    fill_tables(path, {"tin_bai": rows})
    result = consolidate(batch / MASTER, [batch / RETURNED])
    g = result.groups["02"]
    assert (g["added"], g["changed"], g["removed"]) == (1, 1, 1)
    assert all(
        c["changed"] == c["added"] == c["removed"] == 0
        for k, c in result.groups.items()
        if k != "02"
    )
    change = next(c for c in result.changes if c.kind == "changed")
    assert change.columns == ["Tiêu đề tin, bài"]
    tin = {r["ma_tin_bai"]: r for r in rows_of(batch / MASTER, "tin_bai")}
    assert removed not in tin and "TB02-77" in tin
    assert tin[rows[0]["ma_tin_bai"]]["tieu_de"] == "Tổ Thanh tra Sở hoàn thành kế hoạch năm"
    assert tin["TB02-77"]["bam_nguon"] == file_hash(path)[:16]
    assert len([r for r in rows_of(batch / MASTER, "tin_bai") if r["to_nguon"] == "02"]) == len(
        rows
    )


def test_same_id_in_two_groups_is_a_conflict_never_resolved(batch):
    consolidate(batch / MASTER, [batch / RETURNED])
    path = group_file(batch / RETURNED, "02")
    rows = rows_of(path, "dang_ky")
    rows[0]["ma_dang_ky"] = "DK01-01"  # group 01's registration id
    fill_tables(path, {"dang_ky": rows})
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert result.exit_code == 1
    conflict = next(f for f in result.findings if f.code == "key-conflict")
    assert "To-01-" in conflict.message and "To-02-" in conflict.message
    held = [h for h in result.held if h.code == "key-conflict"]
    assert {(h.group, h.row_key) for h in held} == {("01", "DK01-01"), ("02", "DK01-01")}
    regs = [r for r in rows_of(batch / MASTER, "dang_ky") if r["ma_dang_ky"] == "DK01-01"]
    assert len(regs) == 1 and regs[0]["to_nguon"] == "01"
    assert result.balanced


def test_rows_without_key_or_repeating_one_are_held_with_reason(batch):
    path = group_file(batch / RETURNED, "04")
    rows = rows_of(path, "cong_trinh")
    rows.append({**rows[0], "ma_cong_trinh": None})
    rows.append({**rows[0], "ten_cong_trinh": "Bản lặp"})
    fill_tables(path, {"cong_trinh": rows})
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert sorted(h.code for h in result.held) == ["duplicate-row-key", "missing-row-key"]
    assert all(h.file == path.name and h.cell.startswith("A") for h in result.held)
    assert result.balanced and result.exit_code == 1


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_file_is_set_aside_and_the_batch_goes_on(batch, kind):
    good = group_file(batch / RETURNED, "01")
    folder = make_bad_folder(kind, batch, good)
    result = consolidate(batch / MASTER, [folder])
    codes = {s.code for s in result.set_aside}
    assert kind in codes, result.to_dict()["set_aside"]
    assert all(s.reason for s in result.set_aside)
    assert result.exit_code == 1 and result.balanced
    merged_groups = {f.group for f in result.files}
    if kind == "group-claimed-twice":
        assert merged_groups == set() and len(result.set_aside) == 2
        assert rows_of(batch / MASTER, "dang_ky") == []
    else:
        assert merged_groups == {"01"}
        assert result.totals["added"] == sum(len(rows_of(good, k)) for k in DATA_KEYS)


def test_locked_master_is_refused_and_untouched(batch):
    before = file_hash(batch / MASTER)
    (batch / ("~$" + MASTER)).write_bytes(b"owner")
    with pytest.raises(WorkbookLocked):
        consolidate(batch / MASTER, [batch / RETURNED])
    assert file_hash(batch / MASTER) == before
    assert not (batch / "sao-luu").exists()


def test_counts_add_up_inputs_equal_merged_plus_reported(batch):
    """Rows counted independently in every readable input = merged + held back."""
    folder = batch / RETURNED
    make_bad_folder("group-claimed-twice", batch, group_file(folder, "03"))
    path = group_file(folder, "05")
    rows = rows_of(path, "ket_qua")
    rows.append({**rows[0], "ma_doan_vien": None})
    fill_tables(path, {"ket_qua": rows})
    result = consolidate(batch / MASTER, [folder, batch / "bad-group-claimed-twice"])
    counted = 0
    for p in [*folder.glob("*.xlsx"), *(batch / "bad-group-claimed-twice").glob("*.xlsx")]:
        if p.name == group_file(folder, "03").name and p.parent == folder:
            continue  # the same bytes are in both folders: read once
        book = CalamineWorkbook.from_path(str(p))
        for s in schema.DATA_SHEETS:
            data = book.get_sheet_by_name(s.name).to_python()
            counted += sum(1 for r in data[1:] if any(v not in ("", None) for v in r))
    t = result.totals
    assert t["rows_read"] == counted == t["merged"] + t["held"]
    # the key-less row, and every row of the two files both claiming group 03
    assert t["held"] == 1 + 2 * sum(len(rows_of(group_file(folder, "03"), k)) for k in DATA_KEYS)
    assert "duplicate-file" in {s.code for s in result.set_aside}
    master_rows = sum(len(rows_of(batch / MASTER, k)) for k in DATA_KEYS)
    assert master_rows == t["merged"]


def test_dry_run_writes_nothing(batch):
    before = file_hash(batch / MASTER)
    result = consolidate(batch / MASTER, [batch / RETURNED], dry_run=True)
    assert result.totals["added"] > 0 and not result.written
    assert file_hash(batch / MASTER) == before
    shutil.rmtree(batch / RETURNED)


def test_no_check_merges_the_same_rows_without_validating(batch, tmp_path):
    other = tmp_path / "other.xlsx"
    shutil.copy(batch / MASTER, other)
    checked = consolidate(batch / MASTER, [batch / RETURNED])
    unchecked = consolidate(other, [batch / RETURNED], check=False)
    assert checked.totals == unchecked.totals
    assert {f.code for f in unchecked.findings} == {"legacy-encoding"}  # converted all the same
    assert unchecked.exit_code == 0 and checked.exit_code == 1
    for key in DATA_KEYS:
        assert rows_of(batch / MASTER, key) == rows_of(other, key)


def test_legacy_text_is_converted_once_with_the_validation_warning(batch):
    """Consolidation and validation share one conversion and one finding: the cell is named,
    the master gets the Unicode text."""
    result = consolidate(batch / MASTER, [batch / RETURNED])
    legacy = [f for f in result.findings if f.code == "legacy-encoding"]
    assert len(legacy) == 1
    found = legacy[0]
    assert (found.file[:5], found.sheet, found.row_key, found.value) == (
        "To-05",
        schema.sheet("ket_qua").name,
        "DV042 / Đợt 1",
        "Hoµng V¨n B×nh",
    )
    assert found.cell.startswith(
        read_workbook(batch / RETURNED / found.file).columns["ket_qua"]["ho_ten"]
    )
    assert found.message == (
        "Chữ trong ô được gõ bằng bảng mã cũ TCVN3 (ABC) (nhận ra theo nội "
        "dung); đã tự chuyển thành 'Hoàng Văn Bình'. Hãy gõ lại bằng Unicode "
        "(phông Times New Roman) để không phải chuyển đổi nữa."
    )
    names = {r["ho_ten"] for r in rows_of(batch / MASTER, "ket_qua")}
    assert "Hoàng Văn Bình" in names and "Hoµng V¨n B×nh" not in names
