import datetime as dt

import pytest

from tests.scoring.small_campaign import build_small_master
from workbook.campaign import load_campaign
from workbook.reading import read_workbook
from workbook.scoring import prepare, score_campaign
from workbook.shortlist import make_shortlist
from workbook.writing import fill_tables

REVIEW_2024 = dt.date(2024, 1, 2)  # the same 2023 campaign, reviewed after Luật TĐKT 2022


def shortlist_of(path):
    inp = prepare(read_workbook(path))
    return make_shortlist(inp, score_campaign(inp))


def with_quotas(path, **quotas):
    """Write the quotas an upper body gave ({'GKCT': '3', 'BKLD': '1'}) on Danh hiệu."""
    rows = [
        {**r, "chi_tieu": quotas.get(r["ma_danh_hieu"], r.get("chi_tieu"))}
        for r in load_campaign().rows("danh_hieu")
    ]
    fill_tables(path, {"danh_hieu": rows})
    return path


@pytest.fixture
def small_master(tmp_path):
    """The hand-computed campaign, reviewed on 28/12/2023 (rule sets 2023 + 1689)."""
    return build_small_master(tmp_path / "so-thi-dua.xlsx")


@pytest.fixture
def shortlist_2023(small_master):
    return shortlist_of(small_master)


@pytest.fixture
def shortlist_2024(tmp_path):
    """The same 2023 campaign reviewed on 02/01/2024: rule sets 2024 + 1689."""
    return shortlist_of(build_small_master(tmp_path / "so-2024.xlsx", review=REVIEW_2024))


@pytest.fixture
def quota_master(tmp_path):
    """Reviewed 28/12/2023 with quotas: 3 Giấy khen, 1 Bằng khen, 2 Giấy khen của Giám đốc."""
    return with_quotas(
        build_small_master(tmp_path / "so-chi-tieu.xlsx"), GKCT="3", BKLD="1", GKCQ="2", GKCTTT="1"
    )
