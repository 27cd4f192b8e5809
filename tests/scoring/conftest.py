import pytest

from tests.scoring.small_campaign import build_small_master


@pytest.fixture
def small_master(tmp_path):
    """The hand-computed campaign (10 members, 2 groups, rule set 2023)."""
    return build_small_master(tmp_path / "so-thi-dua.xlsx")
