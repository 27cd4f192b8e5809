"""The collector policy: fewer collections while thidua runs, the caller's thresholds after.

Both edges use it: the ``thidua`` command and every Excel button (``macros.run``)."""

import gc

import pytest

import cli.main as cli_main
import xlsources.macros as macros
from tests.excel_entry.payload import caller_book
from workbook.collector import THRESHOLDS, fewer_collections


@pytest.fixture
def default_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*before)


def test_raised_inside_and_given_back_after_even_on_error(default_thresholds):
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == default_thresholds
    with pytest.raises(ValueError), fewer_collections():
        raise ValueError
    assert gc.get_threshold() == default_thresholds


def test_never_more_often_than_the_caller_asked(default_thresholds):
    gc.set_threshold(500_000, 5, 1_000)
    with fewer_collections():
        assert gc.get_threshold() == (500_000, 50, 1_000)
    assert gc.get_threshold() == (500_000, 5, 1_000)


def test_the_command_runs_under_the_policy(default_thresholds, monkeypatch):
    seen = []
    monkeypatch.setattr(cli_main.cli, "main", lambda **_: seen.append(gc.get_threshold()) or 0)
    with pytest.raises(SystemExit):
        cli_main.main(["--version"])
    assert seen == [THRESHOLDS] and gc.get_threshold() == default_thresholds


def test_an_excel_button_runs_under_the_policy(default_thresholds, demo_master):
    seen = []
    text = macros.run(
        "Thử", lambda book, ui: seen.append(gc.get_threshold()) or "xong", caller_book(demo_master)
    )
    assert text == "xong" and seen == [THRESHOLDS]
    assert gc.get_threshold() == default_thresholds
