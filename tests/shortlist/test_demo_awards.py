"""The demo year gives a plausible award picture under both regimes, and its participation
counts registrations made once for the year in every phase."""

import datetime as dt

import pytest

from tests.shortlist.conftest import shortlist_of
from workbook.campaign import load_campaign
from workbook.demo_data import demo_group_data, demo_titles
from workbook.master import init_master
from workbook.reading import read_workbook
from workbook.reports import choose_moment, report_context
from workbook.reports.tables import group_rows
from workbook.scoring import prepare, score_campaign
from workbook.shortlist import make_shortlist
from workbook.writing import fill_tables


def demo_master(path, setup_rows, **config):
    campaign = load_campaign()
    campaign.config.update(config)
    init_master(
        path, campaign, extra={**setup_rows, "danh_hieu": demo_titles(campaign.rows("danh_hieu"))}
    )
    by_group, _ = demo_group_data(setup_rows)
    fill_tables(
        path,
        {
            key: [r for g in sorted(by_group) for r in by_group[g][key]]
            for key in ("dang_ky", "cong_trinh", "ket_qua", "tin_bai")
        },
    )
    return path


@pytest.fixture(scope="module")
def regimes(tmp_path_factory, setup_rows):
    folder = tmp_path_factory.mktemp("demo-awards")
    return {
        "2024": shortlist_of(demo_master(folder / "a.xlsx", setup_rows)),
        "2023": shortlist_of(
            demo_master(folder / "b.xlsx", setup_rows, ngay_xet_khen_thuong=dt.date(2023, 12, 28))
        ),
    }


@pytest.mark.parametrize("code", ["2023", "2024"])
def test_some_cdcs_level_awards_fewer_upper_ones(regimes, code):
    r = regimes[code]
    assert r.regime.state.code == code
    n = {t.code: t.proposed for t in r.titles}
    members = len(r.scores.campaign("members"))
    assert 0.6 * members <= n["LDTT"] < members  # most, not all, are LĐTT
    assert 0 < n["CSTDCS"] < n["LDTT"]
    assert 0 < n["TTLDXS"] <= n["TTLDTT"] <= 6
    assert (n["GKCT"], n["BKLD"], n["GKCTTT"], n["GKCQ"]) == (4, 1, 1, 5)  # the demo quotas
    assert n["BKLD"] < n["GKCT"] < n["LDTT"]


def test_the_regimes_differ_where_the_law_does(regimes):
    a, b = regimes["2023"], regimes["2024"]
    # 2023: CSTĐCS needs an initiative and stays within 15% of LĐTT
    assert len(a.codes("CSTDCS")) <= 0.15 * len(a.codes("LDTT"))
    # 2024: HTXSNV alone qualifies, no cap: more CSTĐCS; the new recruit (7 months) is LĐTT
    assert len(b.codes("CSTDCS")) > len(a.codes("CSTDCS"))
    assert set(b.codes("LDTT")) - set(a.codes("LDTT"))


def test_participation_counts_year_long_registrations_in_both_phases(tmp_path, setup_rows):
    inp = prepare(read_workbook(demo_master(tmp_path / "m.xlsx", setup_rows)))
    scores = score_campaign(inp)
    shortlist = make_shortlist(inp, scores)
    for moment in ("1", "2", "cả năm"):  # the sơ kết of each phase, and the year
        chosen = choose_moment(inp.config, inp.phases, moment)
        _, total = group_rows(report_context(inp, scores, shortlist, chosen))
        assert total["registered_pct"] >= 90, (moment, total)  # registered once, counted in both
    phase2 = scores.groups[scores.groups["dot"] == "Đợt 2"]
    assert (phase2["xep_loai_diem"] != "Yếu").all()
