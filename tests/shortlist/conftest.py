import pytest

from tests.scoring.small_campaign import build_small_master
from workbook.reading import read_workbook
from workbook.scoring import prepare, score_campaign
from workbook.shortlist import make_shortlist


def shortlist_of(path):
    inp = prepare(read_workbook(path))
    return make_shortlist(inp, score_campaign(inp))


@pytest.fixture
def small_master(tmp_path):
    return build_small_master(tmp_path / "so-thi-dua.xlsx")


@pytest.fixture
def shortlist_2023(small_master):
    return shortlist_of(small_master)


@pytest.fixture
def shortlist_2024(tmp_path):
    return shortlist_of(build_small_master(tmp_path / "so-2024.xlsx", year=2024))
