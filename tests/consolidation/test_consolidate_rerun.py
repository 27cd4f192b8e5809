"""Re-runs cost what changed: a file merged cleanly, unchanged since, and whose group's rows the
master still holds as they were merged, is not read or checked again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from workbook import schema
from workbook.consolidation import consolidate
from workbook.consolidation import plan as planning
from workbook.safe_io import file_hash
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, RETURNED, group_file, rows_of

DATA_KEYS = [s.key for s in schema.DATA_SHEETS]
GROUPS = ["01", "02", "03", "04", "05", "06"]


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files ``read_group`` is called on, run after run."""
    calls: list[str] = []
    real = planning.read_group

    def counting(path, *args):
        calls.append(Path(path).name)
        return real(path, *args)

    monkeypatch.setattr(planning, "read_group", counting)
    return calls


def full_run(monkeypatch, master: Path, folder: Path, **kw):
    """The same run with nothing skipped: the reference a skipping run must equal."""
    with monkeypatch.context() as m:
        m.setattr(planning, "find_unchanged", lambda *a: {})
        return consolidate(master, [folder], **kw)


def data_sheets(master: Path) -> dict[str, list[dict]]:
    return {k: rows_of(master, k) for k in DATA_KEYS}


def names(folder: Path, *codes: str) -> list[str]:
    return [group_file(folder, c).name for c in codes]


def test_unchanged_batch_reads_no_file_and_leaves_the_master_as_it_was(batch, reads):
    first = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert first.written and sorted(reads) == sorted(names(batch / RETURNED, *GROUPS))
    before = file_hash(batch / MASTER)
    reads.clear()
    again = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert reads == []
    assert not again.written and file_hash(batch / MASTER) == before
    assert [(f.path.name, f.status, f.code) for f in again.files] == [
        (f.path.name, "không đọc lại", "unchanged") for f in first.files
    ]
    assert {g: c["unchanged"] for g, c in again.groups.items()} == {
        g: c["added"] for g, c in first.groups.items()
    }
    t = again.totals
    assert (t["files_unchanged"], t["files_merged"], t["removed"], t["added"]) == (6, 0, 0, 0)
    assert t["unchanged"] == first.totals["added"] and again.balanced and again.exit_code == 0
    assert "6 sổ không đổi (không đọc lại)" in again.summary_line()


def test_one_changed_file_is_the_only_one_read_and_the_master_equals_a_full_run(
    batch, reads, monkeypatch, tmp_path
):
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    path = group_file(batch / RETURNED, "02")
    rows = rows_of(path, "tin_bai")
    rows[0]["tieu_de"] = "Tổ Thanh tra Sở hoàn thành kế hoạch năm"
    del rows[1]
    fill_tables(path, {"tin_bai": rows})
    reference = tmp_path / "full"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    reads.clear()
    result = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert reads == [path.name]
    expected = full_run(monkeypatch, reference / MASTER, batch / RETURNED, check=False)
    assert len(reads) == 1 + 6  # the full run read them all
    assert data_sheets(batch / MASTER) == data_sheets(reference / MASTER)
    assert result.groups == expected.groups and result.changes == expected.changes
    assert (result.groups["02"]["changed"], result.groups["02"]["removed"]) == (1, 1)
    # the next run has nothing to read: the changed file was merged cleanly and recorded
    reads.clear()
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert reads == []


def test_checked_rerun_reads_nothing_and_still_counts_the_errors_found_before(batch, reads):
    """The demo's planted mistakes were reported by the run that merged them; a re-run does
    not list them again but says how many each file had, and still exits 1 as a full run."""
    first = consolidate(batch / MASTER, [batch / RETURNED])
    reads.clear()
    again = consolidate(batch / MASTER, [batch / RETURNED])
    assert reads == [] and again.findings == [] and not again.written
    group_of = {f.path.name: f.group for f in first.files}
    for f in again.files:
        mine = [x for x in first.findings if x.file == f.path.name]
        assert (f.earlier_errors, f.earlier_warnings) == (
            sum(1 for x in mine if x.severity == "Lỗi"),
            sum(1 for x in mine if x.severity == "Cảnh báo"),
        ), group_of[f.path.name]
    assert sum(f.earlier_errors for f in again.files) == first.errors > 0
    assert again.exit_code == first.exit_code == 1
    assert f"(và {first.errors} lỗi đã báo ở lần gộp trước)" in again.summary_line()
    one = next(f for f in again.files if f.group == "01")
    assert "thidua validate" in one.reason and "1 lỗi" in one.reason


def test_a_file_with_rows_held_back_is_read_on_every_run(batch, reads):
    path = group_file(batch / RETURNED, "01")
    rows = rows_of(path, "tin_bai")
    rows.append(dict(rows[0]))  # the same key twice: the second is held back
    fill_tables(path, {"tin_bai": rows})
    first = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert [h.group for h in first.held] == ["01"]
    reads.clear()
    again = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert reads == [path.name]
    assert again.held == first.held and again.exit_code == 1


def test_marks_made_without_checking_never_spare_a_checked_run(batch, reads):
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    reads.clear()
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert sorted(reads) == sorted(names(batch / RETURNED, *GROUPS))
    assert result.errors > 0  # the planted mistakes are found: the rows were checked


def _edit_master_row(master: Path, group: str, key: str, value) -> str:
    sheet = schema.sheet("dang_ky")
    wb = load_workbook(master)
    ws = wb[sheet.name]
    columns = {c.value: c.column for c in ws[1]}
    header = sheet.column(key).header
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, columns[schema.PROVENANCE[0].header]).value == group:
            old = ws.cell(r, columns[header]).value
            ws.cell(r, columns[header]).value = value
            wb.save(master)
            return old
    raise AssertionError(f"no row of group {group}")


def test_an_officer_edit_of_a_groups_rows_makes_its_file_read_again(
    batch, reads, monkeypatch, tmp_path
):
    """The group's file owns its rows: as in a full run, its value comes back, reported as a
    change (the master's backup keeps the edit)."""
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    merged = data_sheets(batch / MASTER)
    old = _edit_master_row(batch / MASTER, "03", "cam_ket", "Sửa tay trong sổ chính")
    reference = tmp_path / "full"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    reads.clear()
    result = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert reads == names(batch / RETURNED, "03")
    assert result.groups["03"]["changed"] == 1 and result.written
    assert [c.columns for c in result.changes] == [
        [schema.sheet("dang_ky").column("cam_ket").header]
    ]
    expected = full_run(monkeypatch, reference / MASTER, batch / RETURNED, check=False)
    assert result.groups == expected.groups
    assert data_sheets(batch / MASTER) == data_sheets(reference / MASTER) == merged
    assert old in {r["cam_ket"] for r in merged["dang_ky"]}


def test_a_deleted_row_of_a_group_brings_its_file_back(batch, reads):
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    merged = data_sheets(batch / MASTER)
    rows = [r for r in merged["tin_bai"] if not (r["to_nguon"] == "05")]
    assert len(rows) < len(merged["tin_bai"])
    fill_tables(batch / MASTER, {"tin_bai": rows})
    reads.clear()
    result = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert reads == names(batch / RETURNED, "05")
    assert result.groups["05"]["added"] == len(merged["tin_bai"]) - len(rows)
    after = data_sheets(batch / MASTER)
    assert after["tin_bai"][: len(rows)] == rows  # the group's rows come back at the end
    assert sorted(after["tin_bai"], key=str) == sorted(merged["tin_bai"], key=str)
    assert {k: after[k] for k in DATA_KEYS if k != "tin_bai"} == {
        k: merged[k] for k in DATA_KEYS if k != "tin_bai"
    }


def test_a_second_file_claiming_a_skipped_group_sets_both_aside(batch, reads):
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    merged = data_sheets(batch / MASTER)
    source = group_file(batch / RETURNED, "04")
    copy = batch / RETURNED / "To-04-ban-sua.xlsx"
    shutil.copy(source, copy)
    rows = rows_of(copy, "tin_bai")
    rows[0]["tieu_de"] = "Bản sửa"
    fill_tables(copy, {"tin_bai": rows})
    reads.clear()
    result = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert sorted(reads) == sorted([copy.name, source.name])
    aside = {s.path.name: s.code for s in result.set_aside}
    assert aside == {copy.name: "group-claimed-twice", source.name: "group-claimed-twice"}
    assert data_sheets(batch / MASTER) == merged


def test_a_row_claiming_a_skipped_groups_key_is_a_conflict_as_in_a_full_run(
    batch, reads, monkeypatch, tmp_path
):
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    taken = next(r for r in rows_of(batch / MASTER, "tin_bai") if r["to_nguon"] == "06")
    path = group_file(batch / RETURNED, "02")
    rows = rows_of(path, "tin_bai")
    rows[0]["ma_tin_bai"] = taken["ma_tin_bai"]
    fill_tables(path, {"tin_bai": rows})
    reference = tmp_path / "full"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    reads.clear()
    result = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert sorted(reads) == sorted(names(batch / RETURNED, "02", "06"))
    expected = full_run(monkeypatch, reference / MASTER, batch / RETURNED, check=False)
    # the same findings, but the warnings of the files not read again (group 05's legacy text)
    read_now = set(names(batch / RETURNED, "02", "06"))
    assert result.findings == [f for f in expected.findings if not f.file or f.file in read_now]
    assert [f.code for f in result.findings] == ["key-conflict"]
    assert result.held == expected.held and result.groups == expected.groups
    assert data_sheets(batch / MASTER) == data_sheets(reference / MASTER)


def test_cli_lists_the_files_not_read_again_in_vietnamese_and_json(batch):
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    args = ["consolidate", str(batch / MASTER), str(batch / RETURNED), "--no-check"]
    run = CliRunner().invoke(cli, args)
    assert run.exit_code == 0, run.output
    one = group_file(batch / RETURNED, "01").name
    assert f"(tệp {one} không đổi, không đọc lại)" in run.output
    assert "6 sổ không đổi (không đọc lại)" in run.output
    assert "Không có gì thay đổi; sổ chính giữ nguyên." in run.output
    got = json.loads(CliRunner().invoke(cli, [*args, "--json"]).output)
    assert {f["status"] for f in got["files"]} == {"không đọc lại"}
    assert got["totals"]["files_unchanged"] == 6 and got["balanced"]


def test_a_checked_run_after_an_unchecked_one_records_its_marks_once(batch, reads):
    """Nothing to change but the ledger lacks the checked marks: the ledger alone is written,
    and the run after that reads nothing and writes nothing."""
    consolidate(batch / MASTER, [batch / RETURNED], check=False)
    data = {k: rows_of(batch / MASTER, k) for k in DATA_KEYS}
    checked = consolidate(batch / MASTER, [batch / RETURNED])
    assert checked.written and checked.log_only and checked.errors > 0
    assert data_sheets(batch / MASTER) == data
    before = file_hash(batch / MASTER)
    reads.clear()
    again = consolidate(batch / MASTER, [batch / RETURNED])
    assert reads == [] and not again.written and not again.log_only
    assert file_hash(batch / MASTER) == before
    assert sum(f.earlier_errors for f in again.files) == checked.errors


def _drop_mark_column(master: Path) -> None:
    """A master made before the ledger kept data marks: its log has six columns."""
    log = schema.sheet("nhat_ky")
    wb = load_workbook(master)
    ws = wb[log.name]
    table = ws.tables[log.table]
    header = next(
        c
        for row in ws.iter_rows(max_row=5)
        for c in row
        if c.value == log.column("dau_du_lieu").header
    )
    ws.delete_cols(header.column)
    table.ref = table.ref.replace("G", "F")
    table.tableColumns = table.tableColumns[:-1]
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    wb.save(master)


@pytest.mark.parametrize("fast", [True, False])
def test_a_master_without_the_mark_column_reads_every_file_and_stays_idempotent(batch, reads, fast):
    _drop_mark_column(batch / MASTER)
    consolidate(batch / MASTER, [batch / RETURNED], check=False, fast=fast)
    before = file_hash(batch / MASTER)
    reads.clear()
    again = consolidate(batch / MASTER, [batch / RETURNED], check=False, fast=fast)
    assert sorted(reads) == sorted(names(batch / RETURNED, *GROUPS))
    assert not again.written and file_hash(batch / MASTER) == before
    ws = load_workbook(batch / MASTER)[schema.sheet("nhat_ky").name]
    assert ws.tables[schema.sheet("nhat_ky").table].ref == f"A1:F{1 + len(GROUPS)}"
    assert ws.max_column == 6


def test_a_changed_set_up_makes_a_checked_run_read_again_but_not_an_unchecked_one(batch, reads):
    """Checking depends on the master's members, phases and lists; merging without it does not."""
    consolidate(batch / MASTER, [batch / RETURNED])
    members = rows_of(batch / MASTER, "doan_vien")
    fill_tables(batch / MASTER, {"doan_vien": members + [{**members[0], "ma_doan_vien": "DV999"}]})
    reads.clear()
    unchecked = consolidate(batch / MASTER, [batch / RETURNED], check=False)
    assert reads == []  # a checked mark serves a run without checking
    # ... which, like reading the files without checking, reports no checked findings
    assert unchecked.exit_code == 0 and not any(f.earlier_errors for f in unchecked.files)
    checked = consolidate(batch / MASTER, [batch / RETURNED])
    assert sorted(reads) == sorted(names(batch / RETURNED, *GROUPS))
    assert checked.log_only  # new marks for the new set-up
    reads.clear()
    consolidate(batch / MASTER, [batch / RETURNED])
    assert reads == []


def test_checked_copies_beside_unchanged_files_are_skipped_unread(batch, reads):
    """validate writes receipts into the folder (bien-nhan/); a re-run reads none of them."""
    from workbook.validation.checking import check_workbooks

    check_workbooks([batch / RETURNED], batch / MASTER)
    first = consolidate(batch / MASTER, [batch / RETURNED])
    copies = sorted(s.path.name for s in first.set_aside if s.code == "checked-copy")
    assert len(copies) == 6 and len(reads) == 12
    reads.clear()
    again = consolidate(batch / MASTER, [batch / RETURNED])
    assert reads == [] and not again.written
    assert [(s.path.name, s.code, s.reason) for s in again.set_aside] == [
        (s.path.name, s.code, s.reason) for s in first.set_aside
    ]
    assert again.totals["files_unchanged"] == 6 and again.totals["files_skipped"] == 6
    # a changed original brings its receipt back: it no longer copies it, and is merged
    path = group_file(batch / RETURNED, "02")
    rows = rows_of(path, "tin_bai")
    rows[0]["tieu_de"] = "Bản sửa"
    fill_tables(path, {"tin_bai": rows})
    reads.clear()
    third = consolidate(batch / MASTER, [batch / RETURNED])
    receipt = next(s.path for s in first.set_aside if s.group == "02")
    assert sorted(reads) == sorted([path.name, receipt.name])
    assert {s.path.name: s.code for s in third.set_aside}.get(receipt.name) == "group-claimed-twice"
