"""Validating a folder of returned workbooks with one hostile file: the run reports it and checks
the others; receipts go to their own folder, and consolidating afterwards merges every group."""

from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from workbook import schema
from workbook.consolidation import consolidate
from workbook.safe_io import file_hash
from workbook.stamps import CHECKED_COPY_OF
from workbook.validation.checking import RECEIPTS_DIR, check_workbooks

from . import defects
from .conftest import OTHER_GROUPS, assert_others_merged

GROUPS = 6


def receipts(batch):
    return sorted((batch.folder / RECEIPTS_DIR).glob("*.xlsx"))


def test_unreadable_file_is_a_finding_and_the_others_are_checked(batch):
    bad = batch.damage(defects.corrupt_sheet_xml)
    report = check_workbooks([batch.folder], batch.master)
    [unreadable] = [f for f in report.findings if f.code == "unreadable-file"]
    assert unreadable.file == bad.name and "trang 'Kết quả' bị hỏng" in unreadable.message
    assert len(receipts(batch)) == GROUPS - 1 and report.exit_code == 1
    assert {f.group for f in report.files if f.group} == OTHER_GROUPS


def test_control_characters_do_not_stop_the_receipt(batch):
    bad = batch.damage(defects.control_characters)
    report = check_workbooks([bad], batch.master)
    cells = {f.cell for f in report.findings if f.code == "control-characters"}
    assert cells == {"C2", "D3", "B4"}
    [written] = [f.written for f in report.files]
    assert load_workbook(written)[schema.sheet("kiem_tra").name].max_row > 1


def test_other_campaign_and_old_template_are_errors_in_validate_too(batch):
    other = batch.damage(defects.other_campaign_stamp, "02")
    old = batch.damage(defects.old_template_version, "03")
    report = check_workbooks([other, old], batch.master, write=False)
    codes = {(f.file, f.code) for f in report.findings}
    assert (other.name, "other-campaign") in codes
    assert (old.name, "wrong-template-version") in codes
    consolidated = consolidate(batch.master, [other, old], dry_run=True)
    assert {s.code for s in consolidated.set_aside} == {"other-campaign", "wrong-template-version"}


def test_checked_copies_go_to_their_own_folder_and_consolidate_skips_them(batch):
    """The trap: validate then consolidate the same folder. Every group is still merged."""
    check_workbooks([batch.folder], batch.master)
    copies = receipts(batch)
    assert len(copies) == GROUPS
    assert all(p.parent == batch.folder / RECEIPTS_DIR for p in copies)
    stamp = {
        r[0].value: r[1].value for r in load_workbook(copies[0])[schema.STAMP.name].iter_rows()
    }
    source = batch.folder / copies[0].name.replace("-ket-qua-kiem-tra", "")
    assert stamp[CHECKED_COPY_OF] == file_hash(source)[:16]
    result = consolidate(batch.master, [batch.folder])
    skipped = [s for s in result.set_aside if s.code == "checked-copy"]
    assert len(skipped) == GROUPS and not any(s.blocking for s in skipped)
    assert not [s for s in result.set_aside if s.blocking]
    assert len(result.files) == GROUPS
    assert_others_merged(result, batch)
    again = check_workbooks([batch.folder], batch.master)  # receipts are not checked again
    assert len(again.files) == GROUPS
    assert sum("bỏ qua" in n for n in again.notes) == GROUPS


def test_a_receipt_sent_back_alone_is_merged_like_any_workbook(batch):
    check_workbooks([batch.group("02")], batch.master)
    [receipt] = receipts(batch)
    batch.group("02").unlink()
    receipt.rename(batch.folder / receipt.name)
    result = consolidate(batch.master, [batch.folder])
    assert "02" in {f.group for f in result.files}


def test_group_workbook_refused_as_reference(batch):
    result = CliRunner().invoke(
        cli, ["validate", str(batch.group("03")), "--reference", str(batch.group("02")), "--json"]
    )
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert "sổ tổ" in error["message"] and "sổ chính" in error["message"]


def test_validate_accepts_a_folder_on_the_command_line(batch):
    result = CliRunner().invoke(
        cli, ["validate", str(batch.folder), "-r", str(batch.master), "--no-write", "--json"]
    )
    report = json.loads(result.stdout)
    assert len(report["files"]) == GROUPS and result.exit_code == report["exit_code"]


def test_the_receipt_of_a_file_set_aside_is_skipped_as_a_copy_not_set_aside_again(batch):
    """Group 02 is not in the master any more: its workbook is set aside, and its receipt
    beside it (the same rows) is a copy to skip, not a second file for the officer to fix."""
    from workbook.writing import fill_tables

    from ..consolidation.consolidation_helpers import rows_of

    check_workbooks([batch.folder], batch.master)
    groups = [r for r in rows_of(batch.master, "to_cong_doan") if r["ma_to"] != "02"]
    fill_tables(batch.master, {"to_cong_doan": groups})
    result = consolidate(batch.master, [batch.folder])
    about_02 = [(s.path.name, s.code, s.blocking) for s in result.set_aside if s.group == "02"]
    receipt = next(p.name for p in receipts(batch) if "02" in p.name)
    assert sorted(about_02) == sorted(
        [(batch.group("02").name, "unknown-group", True), (receipt, "checked-copy", False)]
    )
    assert sum(s.blocking for s in result.set_aside) == 1
