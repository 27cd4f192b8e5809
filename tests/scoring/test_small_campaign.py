"""Every criterion, total, band and rank of the small campaign, computed by hand.

Member rubric (plan 45): CN01 HTXSNV 50 · CN02 HTTNV 40 · CN03 HTNV 25 · CN04 initiative cơ sở
5 each, max 15 · CN05 initiative Ngành/Tỉnh/Toàn quốc 10 each, max 20 · CN06 registration 5,
max 5 · CN07 provincial article 2 each, max 6 · CN08 central article 4 each, max 8 ·
CN09 activity 1 each, max 10 · CN10 violation -5 each, floor -20. Point bands (the union's
words, never the official ratings): Loại A ≥ 90, Loại B ≥ 70, Loại C ≥ 50, else Loại D. Whole
year = mean of the two phases.
"""

import pytest
from openpyxl import load_workbook

from workbook.reading import read_workbook
from workbook.results import score_master
from workbook.scoring import CAMPAIGN, prepare, score_campaign

P1, P2 = "Đợt 1", "Đợt 2"
CN = [f"CN{i:02d}" for i in range(1, 11)]
TT = [f"TT{i:02d}" for i in range(1, 11)]

# code, phase: CN01..CN10, total, band, rank
MEMBERS = {
    # B1 P1: 50 + 4 initiatives×5=20→15 + 5 + 2 central×4=8 + 10 activities = 88
    ("B1", P1): ([50, 0, 0, 15, 0, 5, 0, 8, 10, 0], 88, "Loại B", 1),
    # A1 P1: 50 + 2×5 + 5 + 3 = 68
    ("A1", P1): ([50, 0, 0, 10, 0, 5, 0, 0, 3, 0], 68, "Loại C", 2),
    # A2 P1: 40 + 1 Tỉnh initiative×10 + 5 + 1 provincial article×2 + 10 = 67
    ("A2", P1): ([0, 40, 0, 0, 10, 5, 2, 0, 10, 0], 67, "Loại C", 3),
    ("A5", P1): ([50, 0, 0, 5, 0, 5, 0, 0, 0, 0], 60, "Loại C", 4),
    # B3 and B2 both 40 + 5 + 5 + 6 = 56; B3 registered 08/01 before B2 (10/01)
    ("B3", P1): ([0, 40, 0, 5, 0, 5, 0, 0, 6, 0], 56, "Loại C", 5),
    ("B2", P1): ([0, 40, 0, 5, 0, 5, 0, 0, 6, 0], 56, "Loại C", 6),
    ("B5", P1): ([0, 40, 0, 5, 0, 5, 0, 0, 2, 0], 52, "Loại C", 7),
    ("B4", P1): ([0, 40, 0, 0, 0, 5, 2, 0, 4, 0], 51, "Loại C", 8),
    ("A3", P1): ([0, 40, 0, 0, 0, 5, 0, 0, 5, 0], 50, "Loại C", 9),
    # A4 P1: 40 − 2 violations×5 = 30 (not registered)
    ("A4", P1): ([0, 40, 0, 0, 0, 0, 0, 0, 0, -10], 30, "Loại D", 10),
    ("B1", P2): ([50, 0, 0, 0, 10, 5, 0, 0, 10, 0], 75, "Loại B", 1),
    ("A5", P2): ([50, 0, 0, 5, 0, 5, 0, 0, 0, 0], 60, "Loại C", 2),
    ("A1", P2): ([50, 0, 0, 0, 0, 5, 0, 0, 4, 0], 59, "Loại C", 3),
    # B3/B2 tie again, same registration date 10/07: name order Hà < Hải
    ("B3", P2): ([0, 40, 0, 5, 0, 5, 0, 0, 6, 0], 56, "Loại C", 4),
    ("B2", P2): ([0, 40, 0, 5, 0, 5, 0, 0, 6, 0], 56, "Loại C", 5),
    # A2 P2: 40 + 5 + 12 activities → capped at 10 = 55
    ("A2", P2): ([0, 40, 0, 0, 0, 5, 0, 0, 10, 0], 55, "Loại C", 6),
    ("B5", P2): ([0, 40, 0, 5, 0, 5, 0, 0, 2, 0], 52, "Loại C", 7),
    ("B4", P2): ([0, 40, 0, 0, 0, 5, 0, 0, 4, 0], 49, "Loại D", 8),
    ("A4", P2): ([0, 40, 0, 0, 0, 0, 0, 0, 0, 0], 40, "Loại D", 9),
    ("A3", P2): ([0, 0, 25, 0, 0, 5, 0, 0, 5, 0], 35, "Loại D", 10),
}
# Whole year = (P1 + P2) / 2; ties B3/B2 broken by the earliest registration (08/01 < 10/01).
YEAR = {
    "B1": (81.5, "Loại B", 1),
    "A1": (63.5, "Loại C", 2),
    "A2": (61, "Loại C", 3),
    "A5": (60, "Loại C", 4),
    "B3": (56, "Loại C", 5),
    "B2": (56, "Loại C", 6),
    "B5": (52, "Loại C", 7),
    "B4": (50, "Loại C", 8),
    "A3": (42.5, "Loại D", 9),
    "A4": (35, "Loại D", 10),
}

# Groups (Công đoàn Viên chức rubric): TT01 registration rate ×0.2 · TT02 HTTNV+ rate ×0.15 ·
# TT03 initiatives ×5 max 10 · TT04 completed works ×7.5 max 15 · TT05 articles ×2 max 10 ·
# TT06 mean activities ×1 max 10 · TT07 HTNV+ rate ×0.1 · TT08 bonus plaque works ×5 max 5 ·
# TT09 bonus Tỉnh+ initiatives ×5 max 5 · TT10 violations ×−5 floor −20.
GROUPS = {
    # A P1: 4/5 registered 80%×0.2=16; 5/5 HTTNV+ 15; 4 initiatives→10; 1 work 7.5;
    # 1 article 2; (3+10+5+0+0)/5=3.6; 5/5 HTNV+ 10; 0; A2's Tỉnh initiative 5; 2 violations −10
    ("A", P1): ([16, 15, 10, 7.5, 2, 3.6, 10, 0, 5, -10], 59.1, "Trung bình", 2),
    # A P2: 80%→16; 4/5 HTTNV+ (A3 HTNV) 80%×0.15=12; 1 initiative 5; (4+12+5)/5=4.2; 10
    ("A", P2): ([16, 12, 5, 0, 0, 4.2, 10, 0, 0, 0], 47.2, "Yếu", 2),
    # B P1: 100%→20; 15; 7 initiatives→10; 2 works 15; 3 articles 6; (10+6+6+4+2)/5=5.6; 10;
    # 1 work proposed for a plaque 5 → 86.6 and every main criterion ≥ half → Vững mạnh
    ("B", P1): ([20, 15, 10, 15, 6, 5.6, 10, 5, 0, 0], 86.6, "Vững mạnh", 1),
    ("B", P2): ([20, 15, 10, 0, 0, 5.6, 10, 0, 0, 0], 60.6, "Trung bình", 1),
}
GROUP_YEAR = {"B": (73.6, "Khá", 1), "A": (53.15, "Trung bình", 2)}  # (86.6+60.6)/2, (59.1+47.2)/2


@pytest.fixture
def scores(small_master):
    return score_campaign(prepare(read_workbook(small_master)))


def _row(frame, key, code, phase):
    hit = frame[(frame[key] == code) & (frame["dot"] == phase)]
    assert len(hit) == 1, (code, phase)
    return hit.iloc[0]


def test_member_criteria_totals_bands_ranks(scores):
    for (code, phase), (points, total, band, rank) in MEMBERS.items():
        row = _row(scores.members, "ma_doan_vien", code, phase)
        assert [row[c] for c in CN] == points, (code, phase)
        assert (row["tong"], row["xep_loai_diem"], row["hang"]) == (total, band, rank), (
            code,
            phase,
        )
    for code, (total, band, rank) in YEAR.items():
        row = _row(scores.members, "ma_doan_vien", code, CAMPAIGN)
        assert (row["tong"], row["xep_loai_diem"], row["hang"]) == (total, band, rank), code


def test_group_criteria_totals_bands_ranks(scores):
    for (code, phase), (points, total, band, rank) in GROUPS.items():
        row = _row(scores.groups, "ma_to", code, phase)
        assert [row[c] for c in TT] == pytest.approx(points), (code, phase)
        assert (round(row["tong"], 2), row["xep_loai_diem"], row["hang"]) == (total, band, rank), (
            code,
            phase,
        )
    for code, (total, band, rank) in GROUP_YEAR.items():
        row = _row(scores.groups, "ma_to", code, CAMPAIGN)
        assert (row["tong"], row["xep_loai_diem"], row["hang"]) == (total, band, rank)


def test_explanations_say_where_points_came_from(scores):
    b1 = _row(scores.members, "ma_doan_vien", "B1", P1)["giai_thich"]
    assert b1 == (
        "HTXSNV = 50; 4 sáng kiến cấp cơ sở × 5 = 20 → 15 (tối đa); "
        "1 đăng ký thi đua × 5 = 5; 2 tin, bài cấp trung ương × 4 = 8; "
        "10 hoạt động × 1 = 10"
    )
    assert (
        _row(scores.members, "ma_doan_vien", "A4", P1)["giai_thich"]
        == "HTTNV = 40; 2 lần vi phạm × (-5) = -10"
    )
    assert (
        _row(scores.members, "ma_doan_vien", "A1", CAMPAIGN)["giai_thich"]
        == "Trung bình 2 đợt: (68 + 59) / 2 = 63,5"
    )
    a = _row(scores.groups, "ma_to", "A", P1)["giai_thich"]
    assert a.startswith(
        "tỷ lệ đoàn viên đăng ký 80% × 0,2 = 16; "
        "tỷ lệ đoàn viên HTXSNV/HTTNV 100% × 0,15 = 15; "
        "4 sáng kiến × 5 = 20 → 10 (tối đa)"
    )
    assert "bình quân 3,6 hoạt động/người × 1 = 3,6" in a


def test_score_sheet_cell_by_cell(small_master):
    run = score_master(small_master)
    assert run.backup is not None and run.backup.exists()
    ws = load_workbook(small_master)["Điểm"]
    assert ws.protection.sheet
    table = ws.tables["tblDiemCaNhan"]
    top = int(table.ref.split(":")[0][1:])
    headers = [c.value for c in ws[top]]
    assert headers[:6] == ["Đợt", "Hạng", "Mã đoàn viên", "Họ và tên", "Tổ", "Xếp loại nhiệm vụ"]
    assert headers[6].startswith("CN01 Hoàn thành xuất sắc nhiệm vụ")
    assert headers[16:19] == ["Tổng điểm", "Xếp loại theo điểm", "Giải thích"]
    first = [c.value for c in ws[top + 1]]
    assert first[:6] == ["Đợt 1", 1, "B1", "Vi Thị Hoa", "B", "HTXSNV"]
    assert first[6:16] == [50, 0, 0, 15, 0, 5, 0, 8, 10, 0]
    assert first[16:18] == [88, "Loại B"]
    assert any("Ngày xét khen thưởng 28/12/2023" in str(c.value) for c in ws["A"][:6])
    assert "tblDiemTapThe" in ws.tables
