"""The state a consolidation keeps stays usable across the output runs after it (validate,
score, shortlist, report put every row back as it was and record it, ``note_same_rows``): the
officer's next batch reads only what changed, and equals a run that reads the master whole."""

from __future__ import annotations

import shutil

import pytest

from workbook import user_cache
from workbook.consolidation import consolidate, master_cache
from workbook.results import report_master, score_master, shortlist_master
from workbook.safe_io import file_hash
from workbook.validation.checking import check_workbook
from workbook.writing import fill_tables

from .consolidation_helpers import MASTER, RETURNED, rows_of
from .test_master_state import (
    TIN_BAI,
    _assert_same_master,
    _comparable,
    _drop_a_row,
    _retitle,
    _state_dir,
    _whole_reads,
)

OUTPUT_RUNS = {
    "validate": check_workbook,  # marks cells of the data sheets: fills and notes
    "score": score_master,
    "shortlist": shortlist_master,
    "report": report_master,
    "all-four": lambda m: [run(m) for run in (check_workbook, score_master, report_master)],
}


@pytest.mark.parametrize("change", [_drop_a_row, _retitle], ids=["a-row-removed", "retitled"])
@pytest.mark.parametrize("outputs", OUTPUT_RUNS.values(), ids=OUTPUT_RUNS.keys())
def test_output_runs_between_two_consolidations_keep_the_state_usable(
    batch, tmp_path, monkeypatch, outputs, change
):
    """The officer's round: consolidate, validate (score, report), then the next batch. The
    output runs put every row back as it was, so the state stands in for the master they
    wrote, and the run equals one that reads that master whole."""
    consolidate(batch / MASTER, [batch / RETURNED])
    outputs(batch / MASTER)
    # the rows are the zip writer's no longer: the next write checks them all, patches none
    assert master_cache.load(file_hash(batch / MASTER)).writer == ""
    reference = tmp_path / "doc-ca-so"
    reference.mkdir()
    shutil.copy(batch / MASTER, reference / MASTER)
    change(batch / RETURNED)
    whole = _whole_reads(monkeypatch)
    result = consolidate(batch / MASTER, [batch / RETURNED])
    assert whole == [] and result.written
    _state_dir(monkeypatch, tmp_path / "trong")
    expected = consolidate(reference / MASTER, [batch / RETURNED])
    assert whole == [MASTER]
    assert _comparable(result, batch) == _comparable(expected, batch)
    _assert_same_master(batch / MASTER, reference / MASTER)


def test_a_master_edited_after_an_output_run_is_read_whole(batch, monkeypatch):
    consolidate(batch / MASTER, [batch / RETURNED])
    score_master(batch / MASTER)
    fill_tables(batch / MASTER, {TIN_BAI: rows_of(batch / MASTER, TIN_BAI)[1:]})  # an edit
    whole = _whole_reads(monkeypatch)
    consolidate(batch / MASTER, [batch / RETURNED])
    assert whole == [MASTER]


def test_same_rows_records_that_are_damaged_or_loop_are_not_followed(tmp_path, monkeypatch):
    _state_dir(monkeypatch, tmp_path)
    a, b, c = ("a" * 64, "b" * 64, "c" * 64)
    assert user_cache.note_same_rows(a, b) and user_cache.note_same_rows(b, c)
    assert user_cache.same_rows_as(c) == [b, a]  # nearest first
    user_cache.note_same_rows(c, a)  # a loop back
    assert user_cache.same_rows_as(c) == [b, a]
    (tmp_path / "same-rows" / f"{b}.txt").write_text("not a hash", encoding="ascii")
    assert user_cache.same_rows_as(c) == [b]
    assert not user_cache.note_same_rows(a, a) and user_cache.same_rows_as("d" * 64) == []
