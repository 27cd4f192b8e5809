"""Properties over generated members: within a track a higher award is never looser than the
one below, nobody gets two forms of one track, and titles stay within their prerequisites."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.shortlist.generated import decide, group, member
from workbook.rulesets import pick_regime
from workbook.shortlist import PROPOSED

REVIEWS = [dt.date(2023, 12, 28), dt.date(2024, 1, 2), dt.date(2024, 6, 1)]
RATINGS = st.sampled_from(["HTXSNV", "HTTNV", "HTNV", "KHTNV", ""])

people = st.lists(
    st.fixed_dictionaries(
        {
            "group": st.sampled_from(["A", "B", "C"]),
            "rating": RATINGS,
            "discipline": st.sampled_from(["Không", "Không", "Khiển trách", "Cảnh cáo"]),
            "months": st.sampled_from([3, 5, 6, 7, 9, 10, 24, 240, float("nan")]),
            "registered": st.booleans(),
            "initiative": st.integers(0, 4),
            "kind": st.sampled_from(["Đoàn viên", "Đoàn viên", "Người lao động"]),
            "points": st.floats(0, 100, allow_nan=False),
        }
    ),
    min_size=1,
    max_size=14,
)
teams = st.fixed_dictionaries(
    {
        g: st.tuples(
            RATINGS, st.sampled_from(["Vững mạnh", "Khá", "Trung bình", "Yếu"]), st.booleans()
        )
        for g in ("A", "B", "C")
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=people, teams=teams, review=st.sampled_from(REVIEWS), quota=st.integers(0, 6))
def test_level_order_and_one_form_per_track(people, teams, review, quota):
    ranked = sorted(range(len(people)), key=lambda i: -people[i]["points"])
    members = [
        member(f"M{i}", p.pop("group"), rank=ranked.index(i) + 1, **p) for i, p in enumerate(people)
    ]
    groups = [
        group(g, rating=r, band=b, unit="Phòng" if has_unit else None, rank=k + 1)
        for k, (g, (r, b, has_unit)) in enumerate(teams.items())
    ]
    result = decide(members, groups, review, quota=quota)
    regime = pick_regime(review)
    for rs in regime.sets:
        by_level = {}
        for a in rs.awards:
            by_level.setdefault((a.subject, a.kind), {})[a.level] = a.code
        for levels in by_level.values():
            for level, code in levels.items():
                lower = levels.get(level - 1)
                if lower:
                    assert result.eligible[code] <= result.eligible[lower], (code, lower)
    proposed = result.proposed()
    for code in set(proposed["ma_danh_hieu"]):
        assert set(result.codes(code)) <= result.eligible[code]
    assert set(result.codes("CSTDCS")) <= set(result.codes("LDTT"))
    forms = proposed[proposed["loai"] == "Hình thức khen thưởng"]
    assert not forms.duplicated(["khoi", "doi_tuong", "ma"]).any()
    for t in result.titles:
        if t.quota is not None:
            assert t.proposed <= t.quota
    assert set(proposed["ket_qua"]) <= {PROPOSED}
