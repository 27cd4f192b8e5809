"""Eligibility, quota, ranking and reasons on the hand-computed campaign (see
tests/scoring/small_campaign.py; whole-year ranks: B1 1, A1 2, A2 3, A5 4, B3 5, B2 6, B5 7,
B4 8, A3 9, A4 10)."""
import pytest
from openpyxl import load_workbook

from workbook.results import shortlist_master
from workbook.shortlist import NOT_PROPOSED, PROPOSED, quota_for


def _decision(result, title, code):
    d = result.decisions
    hit = d[(d["ma_danh_hieu"] == title) & (d["ma"] == code)]
    assert len(hit) == 1
    return hit.iloc[0]


@pytest.mark.parametrize("n, expected", [(0, 0), (1, 0), (6, 0), (7, 1), (19, 2), (20, 3),
                                         (33, 4), (100, 15)])
def test_quota_is_the_whole_part_of_15_percent(n, expected):
    # 6 × 15% = 0.9 → 0 (round would give 1); 7 → 1.05 → 1 (ceil would give 2); 19 → 2.85 → 2
    assert quota_for(15, n) == expected


def test_ldtt_eligibility_and_every_reason(shortlist_2023):
    # B1 A1 A2 B3 B2 B5 B4 by whole-year rank; A3, A4, A5 excluded with all their reasons
    assert shortlist_2023.codes("LDTT") == ["B1", "A1", "A2", "B3", "B2", "B5", "B4"]
    assert _decision(shortlist_2023, "LDTT", "A3")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: Đợt 2 xếp loại HTNV (cần HTXSNV/HTTNV); "
        "nghỉ 45 ngày làm việc (từ 40 ngày trở lên)")
    assert _decision(shortlist_2023, "LDTT", "A4")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: không đăng ký thi đua; bị kỷ luật Khiển trách")
    # recruited 02/05/2023, campaign ends 31/12/2023: 7 whole months
    assert _decision(shortlist_2023, "LDTT", "A5")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: tuyển dụng chưa đủ 10 tháng (7 tháng)")
    # B5 was absent 45 days on maternity leave: still eligible
    assert _decision(shortlist_2023, "LDTT", "B5")["ket_qua"] == PROPOSED
    assert _decision(shortlist_2023, "LDTT", "B1")["ly_do"] == (
        "Đủ tiêu chuẩn: Đợt 1 HTXSNV, Đợt 2 HTXSNV; có đăng ký thi đua; không bị kỷ luật; "
        "điểm cả năm 81,5 (hạng 1); xếp thứ 1/7 trong số đủ tiêu chuẩn")


def test_2023_cstdcs_quota_cuts_to_15_percent_of_ldtt(shortlist_2023):
    # eligible: LĐTT with a recognised initiative: B1 A1 A2 B3 B2 B5 (B4 has none) = 6
    # quota ⌊15% × 7 LĐTT⌋ = ⌊1.05⌋ = 1 → only B1 (rank 1)
    title = next(t for t in shortlist_2023.titles if t.code == "CSTDCS")
    assert (title.eligible, title.quota, title.proposed) == (6, 1, 1)
    assert title.quota_rule == "Tối đa 15% × 7 Lao động tiên tiến = 1,05, làm tròn xuống: 1"
    assert shortlist_2023.codes("CSTDCS") == ["B1"]
    a1 = _decision(shortlist_2023, "CSTDCS", "A1")
    assert a1["ket_qua"] == NOT_PROPOSED and a1["thu_tu"] == 2
    assert a1["ly_do"].startswith("Đủ tiêu chuẩn nhưng ngoài chỉ tiêu (Tối đa 15% × 7")
    assert "xếp thứ 2/6 trong số đủ tiêu chuẩn" in a1["ly_do"]
    assert _decision(shortlist_2023, "CSTDCS", "B4")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: không có sáng kiến được công nhận, không hoàn thành xuất sắc "
        "nhiệm vụ mọi đợt")


def test_2024_has_no_cstdcs_quota(shortlist_2024):
    # phases in 2024: A5 (recruited 02/05/2023) now has 19 months → LĐTT, and has initiatives
    assert shortlist_2024.choice.ruleset.code == "2024"
    title = next(t for t in shortlist_2024.titles if t.code == "CSTDCS")
    assert title.quota is None
    assert shortlist_2024.codes("CSTDCS") == ["B1", "A1", "A2", "A5", "B3", "B2", "B5"]


def test_group_titles(shortlist_2023):
    # Tổ B: rated HTXSNV, 5/5 LĐTT, 5/5 complete duties, B1 CSTĐCS → TTLĐTT and TTLĐXS
    assert shortlist_2023.codes("TTLDTT") == ["B"]
    assert shortlist_2023.codes("TTLDXS") == ["B"]
    # Tổ A: 2/5 LĐTT (40%)
    assert _decision(shortlist_2023, "TTLDTT", "A")["ly_do"] == (
        "Chưa đủ tiêu chuẩn: 2/5 đoàn viên đạt Lao động tiên tiến (40%), cần trên 50%")
    # Giấy khen tập thể needs vững mạnh for the year; B is khá (73,6)
    assert shortlist_2023.codes("GKTT") == []
    assert "xếp loại theo điểm Khá (cần Vững mạnh)" in _decision(
        shortlist_2023, "GKTT", "B")["ly_do"]


def test_certificates_and_upper_union_proposals(shortlist_2023):
    # GKCD: LĐTT with ≥ 70 points: B1 only; quota ⌊20% × 7⌋ = 1
    assert shortlist_2023.codes("GKCD") == ["B1"]
    # GKCT: LĐTT and (CSTĐCS or initiative ≥ Ngành): B1 (CSTĐCS), A2 (Tỉnh initiative)
    assert shortlist_2023.codes("GKCT") == ["B1", "A2"]
    # BKLD: B1's best initiative is Ngành, below Tỉnh
    assert shortlist_2023.codes("BKLD") == []


def test_excluded_people_are_listed_in_vietnamese_name_order(shortlist_2023):
    d = shortlist_2023.decisions
    excluded = d[(d["ma_danh_hieu"] == "CSTDCS") & (d["thu_tu"].isna())]
    # B4 Khánh, A3 Cường, A4 Dung, A5 Đức → Cường, Dung, Đức, Khánh
    assert list(excluded["ma"]) == ["A3", "A4", "A5", "B4"]


def test_shortlist_sheet(small_master):
    run = shortlist_master(small_master)
    ws = load_workbook(small_master)["Đề nghị khen thưởng"]
    table = ws.tables["tblDeNghi"]
    top = int(table.ref.split(":")[0][1:])
    assert [c.value for c in ws[top]][:5] == ["Danh hiệu, hình thức", "Kết quả", "Thứ tự xét",
                                                "Mã", "Họ và tên / Tên tổ"]
    assert [c.value for c in ws[top + 1]][:5] == ["Lao động tiên tiến", "Đề nghị", 1, "B1",
                                                    "Vi Thị Hoa"]
    assert len(run.result.decisions) == int(table.ref.split(":")[1][1:]) - top
    assert "Nhật ký" in load_workbook(small_master).sheetnames
