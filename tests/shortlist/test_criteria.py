"""Each criterion of each regime, with members built to pass it and to fail it by one fact."""

import datetime as dt

import pytest

from tests.shortlist.generated import decide, group, member

R2023, R2024, R999 = dt.date(2023, 12, 28), dt.date(2024, 1, 2), dt.date(2024, 6, 1)


def eligible(review, award, **facts):
    result = decide([member("X", **facts)], [group("A")], review)
    return "X" in result.eligible[award]


@pytest.mark.parametrize(
    "review, award, facts, expected",
    [
        # Lao động tiên tiến, 2017–2023: HTTNV+, registered, no khiển trách, ≥ 10 months
        (R2023, "LDTT", {}, True),
        (R2023, "LDTT", {"rating": "HTXSNV"}, True),
        (R2023, "LDTT", {"rating": "HTNV"}, False),
        (R2023, "LDTT", {"rating": "KHTNV"}, False),
        (R2023, "LDTT", {"rating": ""}, False),
        (R2023, "LDTT", {"registered": False}, False),
        (R2023, "LDTT", {"discipline": "Khiển trách"}, False),
        (R2023, "LDTT", {"months": 9}, False),
        (R2023, "LDTT", {"months": 10}, True),
        (R2023, "LDTT", {"months": float("nan")}, True),  # no recruitment date: not a new hire
        # from 2024: registration is no longer a basis; 6 months
        (R2024, "LDTT", {"registered": False}, True),
        (R2024, "LDTT", {"months": 6}, True),
        (R2024, "LDTT", {"months": 5}, False),
        (R2024, "LDTT", {"discipline": "Khiển trách"}, False),
        (R2024, "LDTT", {"rating": "HTNV"}, False),
        # Chiến sĩ thi đua cơ sở: 2023 needs an initiative; 2024 HTXSNV or an initiative
        (R2023, "CSTDCS", {}, True),
        (R2023, "CSTDCS", {"initiative": 0}, False),
        (R2023, "CSTDCS", {"initiative": 0, "rating": "HTXSNV"}, False),
        (R2023, "CSTDCS", {"rating": "HTNV"}, False),  # not LĐTT
        (R2024, "CSTDCS", {"initiative": 0, "rating": "HTXSNV"}, True),
        (R2024, "CSTDCS", {"initiative": 0}, False),
        (R2024, "CSTDCS", {"initiative": 3}, True),
        (R2024, "CSTDCS", {"months": 5, "rating": "HTXSNV"}, False),  # not LĐTT
        # the agency head's Giấy khen (criteria of the province unconfirmed: HTTNV+, no discipline)
        (R2024, "GKCQ", {}, True),
        (R2024, "GKCQ", {"rating": "HTNV"}, False),
        (R2024, "GKCQ", {"discipline": "Khiển trách"}, False),
        (R2023, "GKCQ", {}, True),
        (R2023, "GKCQ", {"rating": "HTNV"}, False),
        (R2023, "GKCQ", {"discipline": "Khiển trách"}, False),
        # union: Giấy khen of the upper union, Bằng khen of the provincial federation
        (R2023, "GKCT", {}, True),
        (R2023, "GKCT", {"kind": "Người lao động"}, False),
        (R2023, "GKCT", {"rating": "HTNV"}, False),
        (R2023, "GKCT", {"discipline": "Khiển trách"}, False),
        (R2023, "BKLD", {"rating": "HTXSNV"}, True),
        (R2023, "BKLD", {"rating": "HTXSNV", "initiative": 0}, False),
        (R2023, "BKLD", {"rating": "HTTNV"}, False),
        (R2023, "BKLD", {"rating": "HTXSNV", "kind": "Người lao động"}, False),  # not GKCT
        (R999, "BKLD", {"rating": "HTXSNV"}, True),
        (R999, "GKCT", {"kind": "Người lao động"}, False),
    ],
)
def test_member_criteria(review, award, facts, expected):
    assert eligible(review, award, **facts) is expected


def _team(*members, rating="HTXSNV", unit="Phòng", band="Khá"):
    return decide(list(members), [group("A", rating=rating, unit=unit, band=band)], R2023)


def test_tap_the_lao_dong_tien_tien_needs_more_than_half_ldtt_and_no_canh_cao():
    two_of_four = _team(
        member("1"), member("2"), member("3", rating="HTNV"), member("4", rating="HTNV")
    )
    assert "A" not in two_of_four.eligible["TTLDTT"]  # 50% is not "trên 50%"
    three_of_four = _team(member("1"), member("2"), member("3"), member("4", rating="HTNV"))
    assert "A" in three_of_four.eligible["TTLDTT"]
    warned = _team(member("1"), member("2"), member("3", discipline="Cảnh cáo"))
    assert "A" not in warned.eligible["TTLDTT"]
    reprimanded = _team(
        member("1"), member("2"), member("3"), member("4"), member("5", discipline="Khiển trách")
    )
    assert "A" in reprimanded.eligible["TTLDTT"]  # khiển trách: not LĐTT, but 4/5 are
    assert "A" not in _team(member("1"), rating="HTNV").eligible["TTLDTT"]
    assert "A" not in _team(member("1"), rating="").eligible["TTLDTT"]


def test_tap_the_lao_dong_xuat_sac_checks_the_collective_and_every_member():
    # seven LĐTT, so the 2023 cap of 15% allows one CSTĐCS (⌊1,05⌋); with six it allows none
    good = [member("1", rating="HTXSNV", rank=1), *(member(str(i)) for i in range(2, 8))]
    assert "A" in _team(*good).eligible["TTLDXS"]
    assert "A" not in _team(*good[:6]).eligible["TTLDXS"]
    assert "A" not in _team(*good, rating="HTTNV").eligible["TTLDXS"]  # collective's rating
    assert "A" not in _team(*good, member("5", rating="KHTNV")).eligible["TTLDXS"]  # not 100%
    no_cstdcs = [member(str(i), initiative=0) for i in range(4)]
    assert "A" not in _team(*no_cstdcs).eligible["TTLDXS"]
    assert "A" not in _team(*good, unit=None).eligible["TTLDXS"]  # no department to propose


def test_2024_tap_the_xuat_sac_keeps_the_level_order_on_discipline():
    good = [
        member("1", rating="HTXSNV"),
        member("2"),
        member("3"),
        member("4"),
        member("5", discipline="Cảnh cáo"),
    ]
    result = decide(good, [group("A")], R2024)
    # Luật 2022 Điều 27 has no discipline clause, but TTLĐTT's (unconfirmed) has: TTLĐXS
    # requires meeting TTLĐTT, marked as thidua's level-order principle
    assert "A" not in result.eligible["TTLDTT"] and "A" not in result.eligible["TTLDXS"]
    reason = result.decisions.query("ma_danh_hieu == 'TTLDXS'")["ly_do"].iloc[0]
    assert "nguyên tắc thứ bậc của thidua, không phải quy định" in reason


def test_union_collective_award_needs_a_vung_manh_year():
    assert "A" in _team(member("1"), band="Vững mạnh").eligible["GKCTTT"]
    assert "A" not in _team(member("1"), band="Khá").eligible["GKCTTT"]
    assert (
        "A"
        not in _team(member("1"), member("2", discipline="Cảnh cáo"), band="Vững mạnh").eligible[
            "GKCTTT"
        ]
    )


def _team_2024(*members, rating="HTXSNV", unit="Phòng"):
    return decide(list(members), [group("A", rating=rating, unit=unit)], R2024)


def test_2024_tap_the_lao_dong_tien_tien_each_criterion():
    three_of_four = [member("1"), member("2"), member("3"), member("4", rating="HTNV")]
    assert "A" in _team_2024(*three_of_four).eligible["TTLDTT"]
    assert "A" in _team_2024(*three_of_four, rating="HTTNV").eligible["TTLDTT"]
    assert "A" not in _team_2024(*three_of_four, rating="HTNV").eligible["TTLDTT"]
    half = [member("1"), member("2"), member("3", rating="HTNV"), member("4", rating="HTNV")]
    assert "A" not in _team_2024(*half).eligible["TTLDTT"]  # 50% is not "trên 50%"
    warned = [*three_of_four[:3], member("5", discipline="Cảnh cáo")]
    assert "A" not in _team_2024(*warned).eligible["TTLDTT"]
    assert "A" not in _team_2024(*three_of_four, unit=None).eligible["TTLDTT"]


def test_2024_tap_the_lao_dong_xuat_sac_each_criterion():
    # no CSTĐCS quota from 2024: one member with an initiative and LĐTT is CSTĐCS
    good = [member("1", rating="HTXSNV"), member("2"), member("3"), member("4")]
    assert "A" in _team_2024(*good).eligible["TTLDXS"]
    assert "A" not in _team_2024(*good, rating="HTTNV").eligible["TTLDXS"]  # its own rating
    assert "A" not in _team_2024(*good, member("5", rating="KHTNV")).eligible["TTLDXS"]
    # 70% LĐTT: 3 of 5 is 60% (still HTNV+ for everyone, and TTLĐTT's "trên 50%" holds)
    sixty = [*good[:3], member("4", rating="HTNV"), member("5", rating="HTNV")]
    result = _team_2024(*sixty)
    assert "A" in result.eligible["TTLDTT"] and "A" not in result.eligible["TTLDXS"]
    no_cstdcs = [member(str(i), initiative=0) for i in range(1, 5)]
    assert "A" not in _team_2024(*no_cstdcs).eligible["TTLDXS"]
