"""Decisions and reasons on the hand-computed campaign (tests/scoring/small_campaign.py), under
the rule sets of the review day. Whole-year ranks: B1 1, A1 2, A2 3, A5 4, B3 5, B2 6, B5 7,
B4 8, A3 9, A4 10."""

import pytest
from openpyxl import load_workbook

from tests.scoring.small_campaign import build_small_master
from tests.shortlist.conftest import shortlist_of
from workbook.campaign import load_campaign
from workbook.results import shortlist_master
from workbook.shortlist import NOT_PROPOSED, PROPOSED, quota_for
from workbook.writing import fill_tables


def _decision(result, title, code):
    d = result.decisions
    hit = d[(d["ma_danh_hieu"] == title) & (d["ma"] == code)]
    assert len(hit) == 1
    return hit.iloc[0]


@pytest.mark.parametrize(
    "n, expected", [(0, 0), (1, 0), (6, 0), (7, 1), (19, 2), (20, 3), (33, 4), (100, 15)]
)
def test_quota_is_the_whole_part_of_15_percent(n, expected):
    # 6 × 15% = 0.9 → 0 (round would give 1); 7 → 1.05 → 1 (ceil would give 2); 19 → 2.85 → 2
    assert quota_for(15, n) == expected


def test_2023_ldtt_on_the_annual_rating_with_every_reason_cited(shortlist_2023):
    assert shortlist_2023.regime.code == "2023 + 1689"
    assert shortlist_2023.codes("LDTT") == ["B1", "A1", "A2", "B3", "B2", "B5", "B4"]
    assert _decision(shortlist_2023, "LDTT", "A3")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: Hoàn thành tốt nhiệm vụ được giao trở lên (kết quả xếp loại chất "
        "lượng năm) (điểm a khoản 1 Điều 24 Luật TĐKT 2003 sửa đổi 2013): xếp loại năm 2023: "
        "HTNV"
    )
    assert _decision(shortlist_2023, "LDTT", "A4")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: Có đăng ký tham gia thi đua (Luật TĐKT 2003 sửa đổi 2013): không "
        "đăng ký thi đua; Không bị kỷ luật từ hình thức khiển trách trở lên (Điều 10 Nghị định "
        "91/2017/NĐ-CP): bị kỷ luật Khiển trách"
    )
    # recruited 02/05/2023, campaign ends 31/12/2023: 7 whole months, under the 10 of NĐ 91
    assert _decision(shortlist_2023, "LDTT", "A5")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: Không phải người mới tuyển dụng dưới 10 tháng (Điều 10 Nghị định "
        "91/2017/NĐ-CP): công tác 7 tháng đến hết đợt"
    )
    b1 = _decision(shortlist_2023, "LDTT", "B1")["ly_do"]
    assert b1.startswith(
        "Đủ tiêu chuẩn: Hoàn thành tốt nhiệm vụ được giao trở lên (kết quả xếp "
        "loại chất lượng năm) (điểm a khoản 1 Điều 24 Luật TĐKT 2003 sửa đổi "
        "2013): xếp loại năm 2023: HTXSNV; "
    )
    assert b1.endswith("điểm thi đua cả năm 81,5 (hạng 1); xếp thứ 1/7 trong số đủ tiêu chuẩn")


def test_the_highest_initiative_level_is_named_not_the_first(shortlist_2023):
    # B1: 4 initiatives at cơ sở level in Đợt 1, then one at Ngành level in Đợt 2
    b1 = _decision(shortlist_2023, "CSTDCS", "B1")
    assert b1["cap_sang_kien"] == "Ngành"
    assert "5 sáng kiến được công nhận, cao nhất cấp Ngành" in b1["ly_do"]


def test_ldtt_is_judged_on_the_year_not_on_a_phase(shortlist_2023):
    # A3 was rated HTTNV in Đợt 1 and HTNV in Đợt 2; only the annual rating counts (HTNV)
    # and A2 (HTTNV for the year) passes whatever a phase said
    assert "Đợt" not in _decision(shortlist_2023, "LDTT", "A3")["ly_do"]
    assert _decision(shortlist_2023, "LDTT", "A2")["ket_qua"] == PROPOSED


def test_2023_cstdcs_needs_an_initiative_and_is_cut_to_15_percent_of_ldtt(shortlist_2023):
    # eligible: LĐTT with a recognised initiative: B1 A1 A2 B3 B2 B5 = 6; B4 is HTXSNV but
    # has no initiative, which Nghị định 91/2017 requires (HTXSNV does not replace it)
    title = shortlist_2023.title("CSTDCS")
    assert (title.eligible, title.quota, title.proposed) == (6, 1, 1)
    assert title.quota_rule == (
        "Không quá 15% tổng số cá nhân đạt danh hiệu Lao động tiên tiến (khoản 3 Điều 9 Nghị "
        "định 91/2017/NĐ-CP): 15% × 7 Lao động tiên tiến = 1,05, làm tròn xuống để không vượt "
        "15% (văn bản chỉ ghi 'không quá 15%'; đây là cách tính của thidua): 1"
    )
    assert shortlist_2023.codes("CSTDCS") == ["B1"]
    a1 = _decision(shortlist_2023, "CSTDCS", "A1")
    assert a1["ket_qua"] == NOT_PROPOSED and a1["thu_tu"] == 2
    # eligible but cut by the quota: the criteria met are still named with their citations
    assert a1["ly_do"].startswith(
        "Đủ tiêu chuẩn: Đạt danh hiệu Lao động tiên tiến (điểm a "
        "khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP): "
    )
    assert "; nhưng ngoài chỉ tiêu (Không quá 15%" in a1["ly_do"]
    assert _decision(shortlist_2023, "CSTDCS", "B4")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: Có sáng kiến được cơ sở công nhận hoặc đề tài nghiên cứu khoa học "
        "đã nghiệm thu, được áp dụng (hoàn thành xuất sắc nhiệm vụ không thay thế được) (điểm b "
        "khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP): không có sáng kiến được công nhận"
    )


def test_2024_review_of_the_same_year_applies_luat_2022(shortlist_2024):
    assert shortlist_2024.regime.code == "2024 + 1689"
    # A5 (7 months) passes the 6 months of Thông tư 01/2024; A4 no longer fails for not
    # registering (Luật 2022 dropped it) but still for the discipline
    assert shortlist_2024.codes("LDTT") == ["B1", "A1", "A2", "A5", "B3", "B2", "B5", "B4"]
    assert "đăng ký" not in _decision(shortlist_2024, "LDTT", "A4")["ly_do"]
    # CSTĐCS: HTXSNV or an initiative (khoản 2 Điều 23 Luật 2022), no quota: B4 qualifies on
    # HTXSNV alone, A5 on initiatives; everyone LĐTT qualifies here
    title = shortlist_2024.title("CSTDCS")
    assert title.quota is None
    assert shortlist_2024.codes("CSTDCS") == ["B1", "A1", "A2", "A5", "B3", "B2", "B5", "B4"]
    assert "khoản 2 Điều 23 Luật TĐKT 2022" in _decision(shortlist_2024, "CSTDCS", "B4")["ly_do"]
    # Tổ A: A1 A2 A5 are LĐTT = 60% > 50% → Tập thể lao động tiên tiến in 2024 (40% in 2023)
    assert shortlist_2024.codes("TTLDTT") == ["B", "A"]


def test_collective_titles_go_to_the_department_and_check_the_collective_rating(shortlist_2023):
    assert shortlist_2023.codes("TTLDTT") == ["B"]
    assert shortlist_2023.codes("TTLDXS") == ["B"]
    assert _decision(shortlist_2023, "TTLDXS", "B")["ho_ten"] == "Phòng Đầu tư"
    a = _decision(shortlist_2023, "TTLDTT", "A")["ly_do"]
    assert a == (
        "Chưa đủ tiêu chuẩn: Trên 50% cá nhân trong tập thể đạt danh hiệu Lao động "
        "tiên tiến (điểm c khoản 1 Điều 28 Luật TĐKT 2003 sửa đổi 2013): 2/5 đoàn viên "
        "được đề nghị Lao động tiên tiến (40%)"
    )
    # TTLĐXS checks the collective's own rating: Tổ A's department is HTTNV, not HTXSNV
    assert (
        "Tập thể hoàn thành xuất sắc nhiệm vụ (khoản 1 Điều 27 Luật TĐKT 2003 sửa đổi "
        "2013, đối chiếu qua nguồn trích dẫn văn bản)"
        not in _decision(shortlist_2023, "TTLDXS", "A")["ly_do"]
    )
    assert "xếp loại năm 2023: HTTNV" in _decision(shortlist_2023, "TTLDXS", "A")["ly_do"]


def test_forms_need_a_quota_and_say_so(shortlist_2023):
    for code in ("GKCQ", "GKCT", "BKLD"):
        assert shortlist_2023.codes(code) == []
        assert shortlist_2023.title(code).quota_rule.startswith("chưa có chỉ tiêu")
    # the eligible are still ranked, so the officer sees who comes first
    assert _decision(shortlist_2023, "GKCT", "B1")["thu_tu"] == 1


def test_one_form_per_person_per_track_highest_level_first(quota_master):
    result = shortlist_of(quota_master)
    # Bằng khen LĐLĐ tỉnh: Giấy khen criteria + HTXSNV + an initiative: B1, A1; quota 1 → B1
    assert result.codes("BKLD") == ["B1"]
    # Giấy khen CĐVC tỉnh, quota 3: B1 already proposed for the Bằng khen → A1, A2, A5
    assert result.codes("GKCT") == ["A1", "A2", "A5"]
    b1 = _decision(result, "GKCT", "B1")
    assert b1["ket_qua"] == NOT_PROPOSED
    assert b1["ly_do"].startswith("Đủ tiêu chuẩn: Là đoàn viên công đoàn (")
    assert "; nhưng đã được đề nghị Bằng khen của Liên đoàn Lao động tỉnh" in b1["ly_do"]
    # the state Giấy khen is another track: B1 may be proposed there too
    assert result.codes("GKCQ") == ["B1", "A1"]
    proposed = result.proposed()
    forms = proposed[proposed["ma_danh_hieu"].isin(["GKCT", "BKLD"])]
    assert not forms["ma"].duplicated().any()


def test_unconfirmed_criteria_are_marked_in_the_reasons(quota_master):
    result = shortlist_of(quota_master)
    reason = _decision(result, "GKCT", "A1")["ly_do"]
    assert (
        "Là đoàn viên công đoàn (Quy chế khen thưởng ban hành kèm QĐ 1689/QĐ-TLĐ, chưa xác "
        "minh căn cứ)" in reason
    )


def test_destinations_never_mix(quota_master):
    result = shortlist_of(quota_master)
    d = result.decisions
    state = {"LDTT", "CSTDCS", "TTLDTT", "TTLDXS", "GKCQ"}
    assert set(d.loc[d["noi_nhan"] == "hoi_dong_tdkt", "ma_danh_hieu"]) == state
    assert set(d.loc[d["noi_nhan"] == "cong_doan_cap_tren", "ma_danh_hieu"]) == {
        "GKCT",
        "GKCTTT",
        "BKLD",
    }
    assert result.title("LDTT").decider == "Giám đốc Sở Kế hoạch và Đầu tư"
    assert result.title("TTLDXS").decider == "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"
    assert result.title("BKLD").decider == "Liên đoàn Lao động tỉnh Lạng Sơn"
    assert result.title("BKLD").destination_name == "Công đoàn Viên chức tỉnh Lạng Sơn"
    assert not any("Cơ sở" == t.decider for t in result.titles)


def test_officer_configured_titles_are_listed_for_manual_review(shortlist_2023):
    assert [m.code for m in shortlist_2023.manual] == ["DVXS"]
    assert any(
        "Xét thủ công" in n and "Đoàn viên công đoàn xuất sắc" in n for n in shortlist_2023.notes
    )
    assert "DVXS" not in set(shortlist_2023.decisions["ma_danh_hieu"])


def test_excluded_people_are_listed_in_vietnamese_name_order(shortlist_2023):
    d = shortlist_2023.decisions
    excluded = d[(d["ma_danh_hieu"] == "CSTDCS") & (d["thu_tu"].isna())]
    # A3 Cường, A4 Dung, A5 Đức, B4 Khánh: not LĐTT or no initiative
    assert list(excluded["ma"]) == ["A3", "A4", "A5", "B4"]


def test_shortlist_sheet_states_the_law_then_every_decision(small_master):
    run = shortlist_master(small_master)
    wb = load_workbook(small_master)
    ws = wb["Đề nghị khen thưởng"]
    text = [c.value for c in ws["A"] if c.value]
    assert text[1].startswith(
        "Ngày xét khen thưởng 28/12/2023: danh hiệu, khen thưởng của Nhà "
        "nước theo Luật Thi đua, khen thưởng 2003"
    )
    assert "TIÊU CHUẨN ÁP DỤNG — KHEN THƯỞNG CỦA NHÀ NƯỚC" in text
    assert "TIÊU CHUẨN ÁP DỤNG — KHEN THƯỞNG CỦA CÔNG ĐOÀN" in text
    assert any(
        t.startswith(
            "Lao động tiên tiến (cá nhân; khen thưởng của Nhà nước): Giám đốc "
            "Sở Kế hoạch và Đầu tư quyết định; đề nghị đến Hội đồng Thi đua – "
            "Khen thưởng Sở Kế hoạch và Đầu tư."
        )
        for t in text
    )
    assert any("Hội đồng xem xét: Chấp hành tốt chủ trương" in t for t in text)
    table = ws.tables["tblDeNghi"]
    top = int(table.ref.split(":")[0][1:])
    assert [c.value for c in ws[top]][:7] == [
        "Khen thưởng của",
        "Danh hiệu, hình thức",
        "Đề nghị đến",
        "Kết quả",
        "Thứ tự xét",
        "Mã",
        "Họ và tên / Tập thể",
    ]
    assert [c.value for c in ws[top + 1]][:7] == [
        "Nhà nước",
        "Lao động tiên tiến",
        "Hội đồng Thi đua – Khen thưởng Sở Kế hoạch và Đầu tư",
        "Đề nghị",
        1,
        "B1",
        "Vi Thị Hoa",
    ]
    assert len(run.result.decisions) == int(table.ref.split(":")[1][1:]) - top
    assert "Trình Hội đồng TĐKT" in wb.sheetnames and "Nhật ký" in wb.sheetnames


def test_a_quota_on_an_unknown_base_proposes_nobody_and_names_the_cell(tmp_path):
    # 'Tỷ lệ tính trên' pasted from elsewhere: the quota cannot be computed, so it must not
    # become "no limit" (nor a crash); nobody is proposed and the reason says what to fix
    path = build_small_master(tmp_path / "so-ty-le-la.xlsx")
    rows = [
        {**r, "chi_tieu": "50%", "chi_tieu_tren": "Đoàn viên công đoàn"}
        if r["ma_danh_hieu"] == "GKCT"
        else r
        for r in load_campaign().rows("danh_hieu")
    ]
    fill_tables(path, {"danh_hieu": rows})
    result = shortlist_of(path)
    title = result.title("GKCT")
    assert (title.quota, result.codes("GKCT")) == (0, [])
    assert title.quota_rule == (
        "chỉ tiêu được giao không tính được: 'Tỷ lệ tính trên' là 'Đoàn viên công đoàn', không "
        "có trong danh sách (Đoàn viên, Lao động tiên tiến, Tổ công đoàn); sửa ô này trên trang "
        "Danh hiệu"
    )
    assert title.eligible > 0
