"""A re-run reads the master from the state the last run kept (``master_cache``), not whole.

The state is trusted only while the master is byte for byte the file it describes. These tests
hold a run from the state to the run that reads the master whole, on the same master and the
same files: the result and every part of the master written must be the same (the ledger's
time column aside). They also check the state is ignored when it must be: the master edited,
a damaged or hostile state file."""

from __future__ import annotations

import datetime as dt
import importlib
import pickle
import shutil
import zipfile
from pathlib import Path

import pytest

from workbook import schema, zip_raw
from workbook.consolidation import consolidate, master_cache, master_rows
from workbook.package_parts import sheet_parts
from workbook.reading import ROW
from workbook.safe_io import file_hash
from workbook.validation.lookups import build_lookups
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, RETURNED, group_file, rows_of
from .test_consolidate_master_safety import add_manual_column, manual_notes

# the module, not the function the package exports under the same name
consolidate_module = importlib.import_module("workbook.consolidation.consolidate")

TIN_BAI = "tin_bai"


def _retitle(folder: Path) -> None:
    path = group_file(folder, "02")
    rows = rows_of(path, TIN_BAI)
    rows[0]["tieu_de"] = "Tổ Thanh tra Sở hoàn thành kế hoạch năm"
    fill_tables(path, {TIN_BAI: rows})


def _drop_a_row(folder: Path) -> None:  # the rows after it move up: renumbered
    path = group_file(folder, "02")
    rows = rows_of(path, TIN_BAI)
    del rows[0]
    fill_tables(path, {TIN_BAI: rows})


def _add_a_row(folder: Path) -> None:
    path = group_file(folder, "05")
    rows = rows_of(path, TIN_BAI)
    rows.append(dict(rows[0], ma_tin_bai="TB05-99", tieu_de="Bài mới của tổ"))
    fill_tables(path, {TIN_BAI: rows})


def _claim_another_groups_key(folder: Path) -> None:
    theirs = rows_of(group_file(folder, "04"), TIN_BAI)[0]["ma_tin_bai"]
    path = group_file(folder, "03")
    rows = rows_of(path, TIN_BAI)
    rows[0]["ma_tin_bai"] = theirs
    fill_tables(path, {TIN_BAI: rows})


def _nothing(folder: Path) -> None:
    pass


CHANGES = {
    "a-row-retitled": _retitle,
    "a-row-removed": _drop_a_row,
    "a-row-added": _add_a_row,
    "a-key-of-another-group": _claim_another_groups_key,
    "nothing-changed": _nothing,
}


def _state_dir(monkeypatch, folder: Path) -> None:
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(folder))


def _whole_reads(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = consolidate_module.read_master

    def counting(path):
        calls.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(consolidate_module, "read_master", counting)
    return calls


def _comparable(result, batch: Path) -> dict:
    """The result's dict with the master's folder (this run's or the reference's) and the
    batch's folder spelled the same, and no backup (named by the time)."""
    out = result.to_dict()
    out.pop("backup", None)
    text = repr(out).replace(str(batch / RETURNED), "<lo>")
    return eval(text.replace(str(result.master.parent), "<so-chinh>"))  # our repr: plain values


def _ledger_without_time(path: Path) -> list[dict]:
    return [
        {k: v for k, v in row.items() if not isinstance(v, dt.datetime)}
        for row in rows_of(path, "nhat_ky")
    ]


def _assert_same_master(mine: Path, reference: Path) -> None:
    with zipfile.ZipFile(mine) as a, zipfile.ZipFile(reference) as b:
        assert a.namelist() == b.namelist()
        ledger = sheet_parts(a)[schema.SHEETS["nhat_ky"].name]
        differ = [n for n in a.namelist() if n != ledger and a.read(n) != b.read(n)]
        assert differ == []
    assert _ledger_without_time(mine) == _ledger_without_time(reference)


def _first_run_then(batch: Path, tmp_path: Path, change, check: bool = True) -> Path:
    """The first run (keeps a state), the change to the returned files, and a copy of the
    master as it then is, for the run that reads it whole."""
    consolidate(batch / MASTER, [batch / RETURNED], check=check)
    change(batch / RETURNED)
    reference = tmp_path / "doc-ca-so"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    return reference


@pytest.fixture(params=[None, 1500], ids=["segments-of-1MiB", "segments-of-1500-bytes"])
def segment_bytes(request, monkeypatch):
    """The demo's sheets fit in one segment; small segments make many, some copied as stored."""
    if request.param:
        monkeypatch.setattr(zip_raw, "SEGMENT_BYTES", request.param)
    return request.param


@pytest.mark.parametrize("check", [True, False], ids=["checked", "unchecked"])
@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_run_from_the_state_equals_a_run_reading_the_master_whole(
    batch, tmp_path, monkeypatch, change, check, segment_bytes
):
    reference = _first_run_then(batch, tmp_path, change, check)
    whole = _whole_reads(monkeypatch)
    result = consolidate(batch / MASTER, [batch / RETURNED], check=check)
    assert whole == []  # the state stood in for the master
    _state_dir(monkeypatch, tmp_path / "trong")  # no state: the master is read whole
    expected = consolidate(reference / MASTER, [batch / RETURNED], check=check)
    assert whole == [MASTER]
    assert _comparable(result, batch) == _comparable(expected, batch)
    _assert_same_master(batch / MASTER, reference / MASTER)


def _ways_of_making_rows_whole(monkeypatch) -> list[str]:
    """The names of the functions that read the rows of the groups a run touches, in order."""
    ways: list[str] = []
    for name in ("rows_at", "read_rows"):
        real = getattr(master_rows, name)
        monkeypatch.setattr(
            master_rows, name, lambda *a, _real=real, _name=name: ways.append(_name) or _real(*a)
        )
    return ways


def test_a_checked_run_after_an_unchecked_one_reads_the_rows_it_rechecks_whole(
    batch, tmp_path, monkeypatch
):
    """Every group is read and checked again: most of the master's rows are wanted whole, and
    one read of the master gives them (a copy holding them all cost more than a full read)."""
    reference = _first_run_then(batch, tmp_path, _retitle, check=False)
    ways = _ways_of_making_rows_whole(monkeypatch)
    whole = _whole_reads(monkeypatch)
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert ways == ["rows_at"] and whole == []
    _state_dir(monkeypatch, tmp_path / "trong")
    expected = consolidate(reference / MASTER, [batch / RETURNED])
    assert _comparable(result, batch) == _comparable(expected, batch)
    _assert_same_master(batch / MASTER, reference / MASTER)


def test_a_run_touching_few_groups_reads_only_their_rows(batch, tmp_path, monkeypatch):
    _first_run_then(batch, tmp_path, _retitle)
    ways = _ways_of_making_rows_whole(monkeypatch)
    consolidate(batch / MASTER, [batch / RETURNED])
    assert ways == ["read_rows"]


def test_segments_whose_rows_keep_their_place_are_copied_as_stored(batch, monkeypatch):
    monkeypatch.setattr(zip_raw, "SEGMENT_BYTES", 1500)
    consolidate(batch / MASTER, [batch / RETURNED])
    state = master_cache.load(file_hash(batch / MASTER))
    assert state is not None and len(state.segments[TIN_BAI]) > 4
    before = _stored_segments(batch / MASTER, state.segments[TIN_BAI])
    _add_a_row(batch / RETURNED)  # group 05: its rows, then the new one at the end
    consolidate(batch / MASTER, [batch / RETURNED])
    after_state = master_cache.load(file_hash(batch / MASTER))
    assert after_state is not None
    after = _stored_segments(batch / MASTER, after_state.segments[TIN_BAI])
    lite = after_state.lite[TIN_BAI]
    group_05 = {n for n, owner in zip(lite[ROW], lite["to_nguon"]) if owner == "05"}
    old_end = list(before)[-1]  # the old last segment held the part's end: the new row follows
    untouched = [
        seg
        for seg in after_state.segments[TIN_BAI]
        if seg[0] > 0 and not group_05 & set(range(seg[0], seg[1] + 1)) and seg[:2] != old_end
    ]
    assert len(untouched) > 4 and all(
        after[tuple(seg[:2])] == before[tuple(seg[:2])] for seg in untouched
    )


def _stored_segments(master: Path, segments: list[tuple]) -> dict[tuple, bytes]:
    """Each row segment's stored (deflated) bytes, by its rows."""
    with zipfile.ZipFile(master) as zin, open(master, "rb") as fh:
        part = sheet_parts(zin)[schema.SHEETS[TIN_BAI].name]
        start = zip_raw.data_offset(fh, zin.getinfo(part))
        out = {}
        for seg in segments:
            fh.seek(start + seg[4])
            out[(seg[0], seg[1])] = fh.read(seg[5])
    return out


def test_manual_columns_follow_their_rows_when_the_rows_are_patched(batch, tmp_path, monkeypatch):
    consolidate(batch / MASTER, [batch / RETURNED])
    notes = {"DK02-01": "Đã xác minh", "DK02-03": "Chờ bổ sung", "DK01-02": "0912 số cũ"}
    add_manual_column(batch / MASTER, notes)
    _retitle(batch / RETURNED)
    consolidate(batch / MASTER, [batch / RETURNED])  # the edited master read whole, written
    # a registration of group 02 changes: its row is written anew, its note follows it
    path = group_file(batch / RETURNED, "02")
    rows = rows_of(path, "dang_ky")
    rows[0]["cam_ket"] = "Cam kết sửa lại"
    fill_tables(path, {"dang_ky": rows})
    reference = tmp_path / "doc-ca-so"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    whole = _whole_reads(monkeypatch)
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert whole == [] and result.writer == "zip" and result.groups["02"]["changed"] == 1
    _state_dir(monkeypatch, tmp_path / "trong")
    consolidate(reference / MASTER, [batch / RETURNED])
    _assert_same_master(batch / MASTER, reference / MASTER)
    assert manual_notes(batch / MASTER) == notes


def test_a_master_edited_since_is_read_whole(batch, monkeypatch):
    consolidate(batch / MASTER, [batch / RETURNED])
    fill_tables(batch / MASTER, {TIN_BAI: rows_of(batch / MASTER, TIN_BAI)[1:]})  # an edit
    whole = _whole_reads(monkeypatch)
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert whole == [MASTER] and result.written
    assert len(rows_of(batch / MASTER, TIN_BAI)) == result.totals["merged"] - sum(
        len(rows_of(batch / MASTER, k)) for k in ("dang_ky", "cong_trinh", "ket_qua")
    )


def test_the_state_is_named_by_the_masters_hash_and_replaced_by_the_next(batch, tmp_path):
    consolidate(batch / MASTER, [batch / RETURNED])
    first = file_hash(batch / MASTER)
    folder = tmp_path / "bo-nho-dem" / "masters"
    assert [p.stem for p in folder.glob("*.pickle")] == [first]
    _retitle(batch / RETURNED)
    consolidate(batch / MASTER, [batch / RETURNED])
    assert [p.stem for p in folder.glob("*.pickle")] == [file_hash(batch / MASTER)] != [first]


class _RunsCode:
    """Unpickled by the plain pickle module, it would create ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (self.marker.touch, ())


@pytest.mark.parametrize("kind", ["damaged", "another-shape", "code"])
def test_a_damaged_or_hostile_state_is_ignored_and_never_runs_code(
    batch, tmp_path, monkeypatch, kind
):
    marker = tmp_path / "da-chay-ma"
    content = {
        "damaged": b"not a pickle",
        "another-shape": pickle.dumps({"master_sha256": "x"}),
        "code": pickle.dumps({"a": _RunsCode(marker)}),
    }[kind]
    consolidate(batch / MASTER, [batch / RETURNED])
    digest = file_hash(batch / MASTER)
    state = master_cache.cache_dir() / "masters" / f"{digest}.pickle"
    state.write_bytes(content)
    assert master_cache.load(digest) is None
    assert not marker.exists()
    whole = _whole_reads(monkeypatch)
    again = consolidate(batch / MASTER, [batch / RETURNED])
    assert whole == [MASTER] and again.totals["files_unchanged"] == 6


def test_the_set_up_from_the_state_checks_rows_as_the_master_read_whole(batch):
    consolidate(batch / MASTER, [batch / RETURNED])
    state = master_cache.load(file_hash(batch / MASTER))
    assert state is not None
    data, _ = consolidate_module._read_with_state(batch / MASTER, state)
    whole = consolidate_module.read_master(batch / MASTER)
    assert build_lookups(data) == build_lookups(whole)
    assert data.stamp == whole.stamp and data.epoch == whole.epoch
    for key in state.tables:
        assert data.table(key).to_dict("records") == whole.table(key).to_dict("records")


def test_a_write_the_zip_writer_gives_up_on_keeps_no_segments_and_the_next_run_is_right(
    batch, tmp_path, monkeypatch
):
    """The zip writer gives up half-way (a sheet it cannot handle): openpyxl writes the master;
    the state then records no segments, and the next run equals a run reading it whole."""
    from workbook.consolidation import zip_write

    consolidate(batch / MASTER, [batch / RETURNED])
    _retitle(batch / RETURNED)
    real = zip_write.SheetRewrite._fitted_table  # every writer's last step for a sheet
    seen: list[str] = []

    def gives_up_on_the_second_sheet(self, last):
        seen.append(self.sheet.key)
        if len(seen) % 2 == 0:
            raise zip_write.Unsupported("a sheet this writer does not handle")
        return real(self, last)

    with monkeypatch.context() as m:
        m.setattr(zip_write.SheetRewrite, "_fitted_table", gives_up_on_the_second_sheet)
        result = consolidate(batch / MASTER, [batch / RETURNED])
    assert result.writer == "openpyxl"
    state = master_cache.load(file_hash(batch / MASTER))
    assert state is not None and state.writer == "openpyxl" and state.segments == {}
    _add_a_row(batch / RETURNED)
    reference = tmp_path / "doc-ca-so"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    again = consolidate(batch / MASTER, [batch / RETURNED])
    _state_dir(monkeypatch, tmp_path / "trong")
    expected = consolidate(reference / MASTER, [batch / RETURNED])
    assert _comparable(again, batch) == _comparable(expected, batch)
    _assert_same_master(batch / MASTER, reference / MASTER)


def test_a_state_that_does_not_match_the_master_falls_back_to_a_whole_read(
    batch, tmp_path, monkeypatch
):
    """A state whose rows are not the master's (a bug, a hand-made file under the right name)
    is caught when the touched group's rows are read, and the run reads the master whole."""
    consolidate(batch / MASTER, [batch / RETURNED])
    digest = file_hash(batch / MASTER)
    state = master_cache.load(digest)
    assert state is not None
    # group 02's rows of Tin bài claim other keys than the master's rows at those places
    lite, first = state.lite[TIN_BAI], schema.sheet(TIN_BAI).row_key[0]
    lite[first] = [
        f"{key}-sai" if owner == "02" else key for key, owner in zip(lite[first], lite["to_nguon"])
    ]
    assert master_cache.save(state)
    _retitle(batch / RETURNED)
    reference = tmp_path / "doc-ca-so"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    whole = _whole_reads(monkeypatch)
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert whole == [MASTER]  # the state was tried, found wrong, and the master read whole
    _state_dir(monkeypatch, tmp_path / "trong")
    expected = consolidate(reference / MASTER, [batch / RETURNED])
    assert _comparable(result, batch) == _comparable(expected, batch)
    _assert_same_master(batch / MASTER, reference / MASTER)
