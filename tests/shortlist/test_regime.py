"""The law is chosen by the day awards are reviewed; each set's data is checked when loaded."""

import copy
import datetime as dt
import json

import pytest

import templates
from tests.scoring.small_campaign import build_small_master
from tests.shortlist.conftest import shortlist_of
from workbook.reading import read_workbook
from workbook.rulesets import (
    CHECKED,
    PRINCIPLE,
    SECONDARY,
    UNCONFIRMED,
    RuleSetError,
    load_rulesets,
    parse_ruleset,
    pick_regime,
)
from workbook.scoring import prepare

D = dt.date


@pytest.mark.parametrize(
    "review, state, union",
    [
        (D(2023, 12, 31), "2023", "1689"),  # last day of Luật 2003/2013 + NĐ 91/2017
        (D(2024, 1, 2), "2024", "1689"),  # Luật 2022 from 01/01/2024; union rules unchanged
        (D(2024, 5, 28), "2024", "1689"),
        (D(2024, 5, 29), "2024", "999"),  # QĐ 999/QĐ-TLĐ of 29/05/2024
        (D(2025, 1, 10), "2024", "999"),
    ],
)
def test_the_review_day_picks_the_rule_sets(review, state, union):
    regime = pick_regime(review)
    assert (regime.state.code, regime.union.code) == (state, union)
    assert f"{review:%d/%m/%Y}" in regime.reason and not regime.overridden


def test_a_2023_campaign_reviewed_in_january_2024_is_judged_under_luat_2022(tmp_path):
    late = prepare(read_workbook(build_small_master(tmp_path / "a.xlsx", review=D(2024, 1, 2))))
    early = prepare(read_workbook(build_small_master(tmp_path / "b.xlsx", review=D(2023, 12, 31))))
    assert late.regime.state.code == "2024" and early.regime.state.code == "2023"
    assert late.campaign_end == early.campaign_end == D(2023, 12, 31)


def test_another_set_applies_only_with_a_reason(tmp_path):
    no_reason = pick_regime(D(2024, 1, 10), configured="2023")
    assert no_reason.state.code == "2024" and "chưa ghi lý do" in no_reason.warning
    chosen = pick_regime(
        D(2024, 1, 10), configured="2023", configured_reason="Hồ sơ đã nộp Hội đồng ngày 28/12/2023"
    )
    assert chosen.state.code == "2023" and chosen.overridden
    assert chosen.legal_date == D(2023, 12, 31) and chosen.union.code == "1689"
    assert "Hồ sơ đã nộp Hội đồng ngày 28/12/2023" in chosen.reason
    assert "áp dụng như ngày 31/12/2023" in chosen.label
    unknown = pick_regime(D(2024, 1, 10), configured="2019")
    assert unknown.state.code == "2024" and "không có bộ quy tắc" in unknown.warning
    # the same through Cấu hình: shown on the shortlist
    master = build_small_master(
        tmp_path / "m.xlsx",
        review=D(2024, 1, 10),
        bo_quy_tac="2023",
        ly_do_bo_quy_tac="Hồ sơ đã nộp Hội đồng ngày 28/12/2023",
    )
    assert shortlist_of(master).regime.state.code == "2023"


def test_without_a_review_day_the_last_report_deadline_stands_in_and_is_flagged(tmp_path):
    inp = prepare(read_workbook(build_small_master(tmp_path / "m.xlsx", review=None)))
    # plan 45's Đợt 2 report deadline, 05/01/2024, stands in
    assert inp.regime.review_date == D(2024, 1, 5) and inp.regime.state.code == "2024"
    assert any(
        f.code == "ruleset-mismatch" and "Chưa ghi 'Ngày xét khen thưởng'" in f.message
        for f in inp.findings
    )


def test_a_review_after_the_texts_were_last_compared_is_flagged():
    regime = pick_regime(D(2025, 7, 1))  # texts of mid-2025 not compared yet
    assert "đối chiếu với văn bản đến ngày 30/06/2025" in regime.warning
    assert pick_regime(D(2025, 6, 30)).warning == ""


def test_every_shipped_set_loads_with_cited_criteria():
    sets = load_rulesets()
    assert set(sets) == {"2023", "2024", "1689", "999"}
    for rs in sets.values():
        for award in rs.awards:
            assert award.basis.document.key in rs.documents
            for c in award.criteria:
                assert c.citation is not None and c.citation.status in (
                    CHECKED,
                    SECONDARY,
                    UNCONFIRMED,
                    PRINCIPLE,
                ), (rs.code, award.code)
    # what the texts say, as encoded (see the closing note's citations)
    s23, s24 = sets["2023"], sets["2024"]
    assert s23.award("CSTDCS").quota.percent == 15 and s24.award("CSTDCS").quota is None
    assert [c.kind for c in s23.award("CSTDCS").criteria] == ["danh_hieu", "sang_kien", "thu_cong"]
    # the council's vote is the council's: listed for it, marked unconfirmed, never computed
    for rs in (s23, s24):
        vote = rs.award("CSTDCS").criteria[-1]
        assert vote.manual and vote.citation.status == UNCONFIRMED
        assert "bỏ phiếu kín" in vote.statement
    assert [p.kind for p in s24.award("CSTDCS").criteria[1].parts] == ["xep_loai_nam", "sang_kien"]
    months = {
        rs: next(
            c.params["tu"] for c in sets[rs].award("LDTT").criteria if c.kind == "thang_cong_tac"
        )
        for rs in ("2023", "2024")
    }
    assert months == {"2023": 10, "2024": 6}
    assert not any(c.kind == "dang_ky_thi_dua" for c in s24.award("LDTT").criteria)
    for rs in sets.values():  # no absence-days rule: NĐ 91/2017 removed it
        for award in rs.awards:
            assert not any("40 ngày" in c.statement for c in award.criteria)
    assert "12/11/2019" in sets["1689"].documents["QD1689"].full
    union = [a for rs in (sets["1689"], sets["999"]) for a in rs.awards]
    assert all(a.track == "Công đoàn" and a.destination == "cong_doan_cap_tren" for a in union)
    state = [a for rs in (s23, s24) for a in rs.awards]
    assert all(a.track == "Nhà nước" and a.destination == "hoi_dong_tdkt" for a in state)
    assert {a.decider for a in state} == {"thu_truong_co_quan", "chu_tich_ubnd_tinh"}


def _raw(name):
    return json.loads(templates.path("rulesets", name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r["danh_hieu"][1]["tieu_chi"].pop(0), "phải đòi hỏi Lao động tiên tiến"),
        (
            lambda r: r["danh_hieu"][0]["tieu_chi"][0].update(loai="xep_loai_diem_tu"),
            "loại tiêu chí 'xep_loai_diem_tu'",
        ),
        (
            lambda r: r["danh_hieu"][0]["tieu_chi"][0]["can_cu"].update(vb="LUAT1990"),
            "văn bản 'LUAT1990'",
        ),
        (lambda r: r["danh_hieu"][0]["tieu_chi"][0].pop("can_cu"), "thiếu căn cứ"),
        (
            lambda r: r["danh_hieu"][0]["tieu_chi"][0]["can_cu"].update(xac_minh="chắc chắn"),
            "mức xác minh",
        ),
        (lambda r: r["danh_hieu"][0]["tieu_chi"][0].update(gia_tri=["Tốt"]), "xếp loại 'Tốt'"),
        (lambda r: r["danh_hieu"][0].update(quyet_dinh="ban_giam_doc"), "quyet_dinh"),
    ],
)
def test_bad_rule_set_data_is_refused_with_the_reason(change, message):
    raw = copy.deepcopy(_raw("nha-nuoc-2023.json"))
    change(raw)
    with pytest.raises(RuleSetError, match=message):
        parse_ruleset(raw, "nha-nuoc-2023.json")
