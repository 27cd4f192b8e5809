"""A sheet that already shows what its writer would draw is left as it is (workbook/fingerprint.py):
`shortlist` after `score` on the same data does not draw the Điểm sheet again, and the master
comes out as a run that drew it; anything that changes what the sheet shows draws it again."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import workbook.results as results
from tests.excel_like import as_excel_saves_it
from tests.foundation.test_outputs_hollow import _copy_beside, _same_cells, _whole_load
from workbook.reading import read_workbook
from workbook.scoring import prepare, score_campaign
from workbook.scoring.sheet import scores_fingerprint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def score_sheets_drawn(monkeypatch) -> list[int]:
    """How many times the Điểm sheet is drawn."""
    drawn: list[int] = []
    real = results.write_scores

    def counting(ws, scores):
        drawn.append(1)
        real(ws, scores)

    monkeypatch.setattr(results, "write_scores", counting)
    return drawn


def test_shortlist_after_score_leaves_the_score_sheet_as_score_drew_it(
    filled_master, tmp_path, score_sheets_drawn, monkeypatch
):
    whole = _copy_beside(filled_master, tmp_path / "whole")
    results.score_master(filled_master)
    assert len(score_sheets_drawn) == 1
    results.shortlist_master(filled_master)
    assert len(score_sheets_drawn) == 1  # not drawn again

    _whole_load(monkeypatch)
    results.score_master(whole)
    results.shortlist_master(whole)  # a whole load draws every sheet
    assert len(score_sheets_drawn) == 3
    _same_cells(filled_master, whole)


def test_a_master_saved_by_excel_since_has_its_score_sheet_drawn_again(
    filled_master, score_sheets_drawn
):
    results.score_master(filled_master)
    as_excel_saves_it(filled_master)  # Excel keeps no outline: nothing says what Điểm shows
    results.shortlist_master(filled_master)
    assert len(score_sheets_drawn) == 2


def test_scores_that_differ_are_drawn_again(filled_master, score_sheets_drawn, monkeypatch):
    results.score_master(filled_master)
    monkeypatch.setattr(results, "scores_fingerprint", lambda scores: "0" * 32)
    results.shortlist_master(filled_master)
    assert len(score_sheets_drawn) == 2


def _scores(master):
    return score_campaign(prepare(read_workbook(master)))


def test_the_fingerprint_changes_with_a_value_its_type_or_a_note(filled_master):
    scores = _scores(filled_master)
    first = scores_fingerprint(scores)
    assert scores_fingerprint(_scores(filled_master)) == first  # computed again: the same

    members = scores.members
    changed = members.copy()
    changed.loc[changed.index[0], "tong"] = 12345.5  # a total no member has
    assert scores_fingerprint(_with(scores, members=changed)) != first

    typed = members.copy()
    typed["ho_ten"] = typed["ho_ten"].astype(object)
    typed.loc[typed.index[0], "ho_ten"] = dt.date(2024, 1, 5)
    as_text = typed.copy()
    as_text.loc[as_text.index[0], "ho_ten"] = "2024-01-05"
    assert scores_fingerprint(_with(scores, members=typed)) != scores_fingerprint(
        _with(scores, members=as_text)
    )

    assert scores_fingerprint(_with(scores, notes=[*scores.notes, "Ghi chú mới."])) != first


def _with(scores, **changes):
    from dataclasses import replace

    return replace(scores, **changes)


def test_the_fingerprint_is_the_same_in_another_process(filled_master):
    """Python salts its string hashes per process: nothing in the fingerprint may depend on
    them (a set's order, say), or no run would ever find the sheet it left."""
    here = scores_fingerprint(_scores(filled_master))
    code = (
        "import json, sys\n"
        "from workbook.reading import read_workbook\n"
        "from workbook.scoring import prepare, score_campaign\n"
        "from workbook.scoring.sheet import scores_fingerprint\n"
        "print(json.dumps(scores_fingerprint(score_campaign(prepare(read_workbook(sys.argv[1]))))))"
    )
    there = subprocess.run(
        [sys.executable, "-c", code, str(filled_master)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert json.loads(there.stdout) == here
