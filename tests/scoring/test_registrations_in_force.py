"""A registration stands from its own phase to the end of the campaign (titles are annual)."""

import pandas as pd

from tests.scoring.small_campaign import P1, P2, build_small_master
from workbook.reading import read_workbook
from workbook.scoring import prepare, score_campaign
from workbook.scoring.facts import registrations_in_force
from workbook.writing import fill_tables


def test_a_phase_1_registration_counts_in_phase_2_and_a_phase_2_one_only_there():
    regs = pd.DataFrame({"ma": ["A", "B", "C"], "dot": [P1, P2, "Đợt 9"]})
    out = registrations_in_force(regs, [P1, P2])
    assert sorted(zip(out["ma"], out["dot"])) == [("A", P1), ("A", P2), ("B", P2), ("C", "Đợt 9")]


def test_members_registered_once_for_the_year_score_registration_in_both_phases(tmp_path):
    master = build_small_master(tmp_path / "m.xlsx")
    data = read_workbook(master)
    # keep only the phase 1 registrations (what officers actually do: register once a year)
    regs = data.table("dang_ky")
    kept = regs[regs["dot"] == P1].drop(columns=["_row"]).to_dict("records")
    fill_tables(master, {"dang_ky": kept})
    scores = score_campaign(prepare(read_workbook(master)))
    m = scores.members
    b4 = m[(m["ma_doan_vien"] == "B4")].set_index("dot")
    # CN06 'Đăng ký thi đua' gives 5 points in each phase although B4 registered in Đợt 1 only
    assert b4.loc[P1, "CN06"] == 5 and b4.loc[P2, "CN06"] == 5
    g = scores.groups[scores.groups["ma_to"] == "B"].set_index("dot")
    # TT01: 100% of tổ B registered → 20 points in Đợt 2 too
    assert g.loc[P2, "TT01"] == 20
