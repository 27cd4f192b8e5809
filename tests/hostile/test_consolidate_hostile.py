"""Consolidating a batch with one hostile workbook: the file is set aside with the right reason,
or its value kept exactly with a finding naming the cell, and every other workbook is merged."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from workbook import schema
from workbook.consolidation import consolidate
from workbook.consolidation.long_text import LONG_TEXT_DIR
from workbook.errors import ThiduaError
from workbook.ooxml import MAX_CELL_CHARS
from workbook.reading import read_workbook
from workbook.safe_io import file_hash

from . import defects
from .conftest import HOSTILE_GROUP, assert_others_merged


def set_aside_of(result, path):
    return next(s for s in result.set_aside if s.path.name == path.name)


def findings_of(result, code):
    return [f for f in result.findings if f.code == code]


def by_key(rows, key):
    return {r[key]: r for r in rows}


def test_corrupt_sheet_xml_is_set_aside_and_the_batch_goes_on(batch):
    bad = batch.damage(defects.corrupt_sheet_xml)
    result = consolidate(batch.master, [batch.folder])
    aside = set_aside_of(result, bad)
    assert aside.code == "corrupt" and aside.blocking
    assert "trang 'Kết quả' bị hỏng" in aside.reason and bad.name in aside.reason
    assert result.written and result.exit_code == 1
    assert HOSTILE_GROUP not in {r["to_nguon"] for r in batch.rows("ket_qua")}
    assert_others_merged(result, batch)


def test_html_saved_as_xls_is_set_aside_as_a_web_page(batch):
    page = defects.html_saved_as_xls(batch.folder / "Danh-sach-tu-phan-mem.xls")
    result = consolidate(batch.master, [batch.folder])
    aside = set_aside_of(result, page)
    assert aside.code == "web-page-as-workbook"
    assert "trang web" in aside.reason and "Save As" in aside.reason and ".xlsx" in aside.reason
    assert "mật khẩu" not in aside.reason
    assert_others_merged(result, batch)
    assert HOSTILE_GROUP in {f.group for f in result.files}  # group 01's own workbook too


def test_control_characters_become_spaces_with_a_warning_per_cell(batch):
    bad = batch.damage(defects.control_characters)
    result = consolidate(batch.master, [batch.folder])
    warned = {(f.file, f.sheet, f.cell) for f in findings_of(result, "control-characters")}
    assert warned == {
        (bad.name, defects.NEWS, "C2"),
        (bad.name, defects.NEWS, "D3"),
        (bad.name, defects.RESULTS, "B4"),
    }
    news = by_key(batch.rows("tin_bai"), "ma_tin_bai")
    assert news["TB01-01"]["tac_gia"] == "Hà Hữu Cường"
    assert news["TB01-02"]["tieu_de"] == "Đoàn viên công đoàn chung tay vì người nghèo"
    results = [r for r in batch.rows("ket_qua") if r["dong_nguon"] == 4 and r["to_nguon"] == "01"]
    assert results[0]["ho_ten"] == "Vi Minh Khánh"  # never "Vi MinhKhỏnh"
    assert not [f for f in result.findings if f.code == "legacy-encoding" and f.file == bad.name]
    assert_others_merged(result, batch)


def test_cell_over_32767_keeps_the_full_text_in_the_side_file_it_names(batch):
    bad = batch.damage(defects.cell_over_32767)
    result = consolidate(batch.master, [batch.folder])
    [too_long] = findings_of(result, "cell-too-long")
    assert (too_long.file, too_long.sheet, too_long.cell) == (bad.name, defects.NEWS, "D2")
    assert "40.000 ký tự" in too_long.message
    [kept] = findings_of(result, "long-text-kept-aside")
    assert (kept.file, kept.sheet, kept.cell) == (bad.name, defects.NEWS, "D2")
    [side] = list((batch.root / LONG_TEXT_DIR).iterdir())
    assert side.name in kept.message
    assert side.read_text(encoding="utf-8") == defects.LONG_TEXT
    in_master = load_workbook(batch.master)[defects.NEWS]["D2"].value
    assert len(in_master) <= MAX_CELL_CHARS
    assert in_master.startswith(defects.LONG_TEXT[:30_000]) and side.name in in_master
    before = file_hash(batch.master)
    again = consolidate(batch.master, [batch.folder])  # the cut value compares equal next time
    assert not again.written and file_hash(batch.master) == before
    assert_others_merged(result, batch)


def test_read_only_master_writes_no_side_file_either(batch):
    batch.damage(defects.cell_over_32767)
    batch.master.chmod(0o444)
    before = file_hash(batch.master)
    with pytest.raises(ThiduaError) as refused:
        consolidate(batch.master, [batch.folder])
    assert "chỉ đọc" in refused.value.message
    assert file_hash(batch.master) == before
    assert not (batch.root / LONG_TEXT_DIR).exists()  # "nothing was written" holds


def test_line_breaks_and_tabs_come_back_exactly_as_typed(batch):
    batch.damage(defects.line_breaks_and_tabs)
    result = consolidate(batch.master, [batch.folder])
    assert by_key(batch.rows("tin_bai"), "ma_tin_bai")["TB01-01"]["tieu_de"] == defects.TYPED_LINES
    ws = load_workbook(batch.master)[defects.NEWS]
    assert ws["D2"].value == defects.TYPED_LINES
    before = file_hash(batch.master)
    assert not consolidate(batch.master, [batch.folder]).written
    assert file_hash(batch.master) == before
    assert_others_merged(result, batch)


def test_line_breaks_survive_the_openpyxl_writer_too(batch):
    batch.damage(defects.line_breaks_and_tabs)
    consolidate(batch.master, [batch.folder], fast=False)
    assert load_workbook(batch.master)[defects.NEWS]["D2"].value == defects.TYPED_LINES


def test_merged_cells_fill_their_rows_with_a_warning_naming_the_range(batch):
    bad = batch.damage(defects.merged_cells_across_rows)
    first = read_workbook(batch.root / f"goc-{bad.name}", sheets=("tin_bai",)).table("tin_bai")
    shown = (first["ma_doan_vien"].iloc[0], first["tac_gia"].iloc[0])  # what B2 and C2 hold
    result = consolidate(batch.master, [batch.folder])
    areas = {f.message.split()[2]: f for f in findings_of(result, "merged-cells-filled")}
    assert set(areas) == {"B2:B4", "C2:C4"}
    assert all(f.file == bad.name and f.sheet == defects.NEWS for f in areas.values())
    news = by_key(batch.rows("tin_bai"), "ma_tin_bai")
    for code in ("TB01-01", "TB01-02", "TB01-03"):
        assert (news[code]["ma_doan_vien"], news[code]["tac_gia"]) == shown
    assert result.totals["held"] == 0
    assert_others_merged(result, batch)


def test_workbook_of_another_campaign_is_set_aside(batch):
    bad = batch.damage(defects.other_campaign_stamp)
    result = consolidate(batch.master, [batch.folder])
    aside = set_aside_of(result, bad)
    assert aside.code == "other-campaign"
    assert "12/KH-CĐCS" in aside.reason and "45/KH-CĐCS" in aside.reason
    assert HOSTILE_GROUP not in {r["to_nguon"] for r in batch.rows("ket_qua")}
    assert aside.rows > 0 and result.balanced
    assert_others_merged(result, batch)


def test_workbook_of_another_union_is_set_aside(batch):
    bad = batch.damage(defects.other_union_stamp)
    result = consolidate(batch.master, [batch.folder])
    aside = set_aside_of(result, bad)
    assert aside.code == "other-union" and "Sở Tài chính" in aside.reason
    assert_others_merged(result, batch)


def test_row_of_zero_width_spaces_is_a_blank_row(batch):
    bad = batch.damage(defects.zero_width_space_row)
    result = consolidate(batch.master, [batch.folder])
    assert not [f for f in result.findings if f.file == bad.name and f.sheet == defects.RESULTS]
    assert result.totals["held"] == 0
    ours = [r for r in batch.rows("ket_qua") if r["to_nguon"] == HOSTILE_GROUP]
    assert len(ours) == 20  # the group's rows, and no row made of invisible characters
    assert_others_merged(result, batch)


def test_phone_number_is_not_taken_for_a_formula(batch):
    bad = batch.damage(defects.phone_number_note)
    result = consolidate(batch.master, [batch.folder])
    assert not [f for f in findings_of(result, "formula-like-text") if f.file == bad.name]
    works = by_key(batch.rows("cong_trinh"), "ma_cong_trinh")
    assert works["CT01-01"]["ghi_chu"] == "+84912345678"
    assert_others_merged(result, batch)


def test_group_code_typed_as_a_number_is_the_groups_code(batch):
    bad = batch.damage(defects.group_code_typed_as_number)
    result = consolidate(batch.master, [batch.folder])
    _read_as_group_code(result, bad, "1", "01")
    assert not [
        f
        for f in result.findings
        if f.code in ("unknown-group", "not-own-group") and f.file == bad.name
    ]
    assert by_key(batch.rows("cong_trinh"), "ma_cong_trinh")["CT01-01"]["ma_to"] == "01"
    assert_others_merged(result, batch)


def test_another_groups_code_typed_as_a_number_is_read_against_the_masters_groups(batch):
    """The workbook knows only its own group; the master knows '02': the '2' typed in group
    01's workbook is group 02's code, said so in a warning, and the row is merged as '02'."""
    bad = batch.damage(defects.other_group_code_typed_as_number)
    result = consolidate(batch.master, [batch.folder])
    _read_as_group_code(result, bad, "2", "02")
    assert not [f for f in findings_of(result, "unknown-group") if f.file == bad.name]
    assert by_key(batch.rows("cong_trinh"), "ma_cong_trinh")["CT01-01"]["ma_to"] == "02"


def _read_as_group_code(result, bad, typed: str, code: str) -> None:
    """One warning: Công trình D2 of ``bad`` held ``typed``, read as group ``code``."""
    [read_as] = findings_of(result, "group-code-as-number")
    assert (read_as.file, read_as.sheet, read_as.cell, read_as.value) == (
        bad.name,
        schema.sheet("cong_trinh").name,
        "D2",
        typed,
    )
    assert f"'{code}'" in read_as.message
