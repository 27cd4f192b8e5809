"""Official annual ratings are inputs (Xếp loại năm): checked like any data, never derived
from union points, and union point bands never borrow their words."""

import pytest

from tests.scoring.small_campaign import RESULTS, annual_rows, build_small_master
from tests.shortlist.conftest import shortlist_of
from workbook.errors import CampaignError
from workbook.scoring.bands import parse_bands
from workbook.validation.checking import check_workbook
from workbook.writing import fill_tables


def test_bad_rating_rows_are_findings_and_left_out(tmp_path):
    master = build_small_master(tmp_path / "m.xlsx")
    rows = annual_rows() + [
        {"nam": 2023, "loai_doi_tuong": "Cá nhân", "ma_doi_tuong": "ZZ9", "xep_loai": "HTTNV"},
        {"nam": 2023, "loai_doi_tuong": "Cá nhân", "ma_doi_tuong": "A3", "xep_loai": "HTXSNV"},
        {"nam": 2023, "loai_doi_tuong": "Tập thể", "ma_doi_tuong": "Z", "xep_loai": "HTXSNV"},
    ]
    fill_tables(master, {"xep_loai_nam": rows})
    found = {(f.code, f.cell) for f in check_workbook(master).findings}
    n = len(annual_rows()) + 1  # header row 1
    assert found == {
        ("unknown-member", f"C{n + 1}"),
        ("duplicate-annual-rating", f"C{n + 2}"),
        ("unknown-group", f"C{n + 3}"),
    }
    # the second rating of A3 is an error row: left out, the agency's first one (HTNV) stands
    d = shortlist_of(master).decisions
    a3 = d[(d["ma_danh_hieu"] == "LDTT") & (d["ma"] == "A3")].iloc[0]
    assert a3["ket_qua"] == "Không đề nghị" and "HTNV" in a3["ly_do"]


def test_a_missing_rating_is_said_and_blocks_only_what_needs_it(tmp_path):
    master = build_small_master(tmp_path / "m.xlsx")
    fill_tables(master, {"xep_loai_nam": [r for r in annual_rows() if r["ma_doi_tuong"] != "B2"]})
    result = shortlist_of(master)
    d = result.decisions
    b2 = d[(d["ma_danh_hieu"] == "LDTT") & (d["ma"] == "B2")].iloc[0]
    assert "chưa có xếp loại năm 2023 (trang Xếp loại năm)" in b2["ly_do"]
    assert any(
        n.startswith("1 đoàn viên chưa có kết quả xếp loại chất lượng năm 2023")
        for n in result.notes
    )


def test_union_points_never_change_a_title(tmp_path):
    good = build_small_master(tmp_path / "good.xlsx")
    poor = build_small_master(tmp_path / "poor.xlsx")
    # every phase result KHTNV with no activity: points collapse, the annual ratings stay
    fill_tables(
        poor, {"ket_qua": [{**r, "xep_loai": "KHTNV", "so_hoat_dong": None} for r in RESULTS]}
    )
    a, b = shortlist_of(good), shortlist_of(poor)
    assert a.scores.campaign("members")["tong"].sum() > b.scores.campaign("members")["tong"].sum()
    for code in ("LDTT", "TTLDTT"):
        assert set(a.codes(code)) == set(b.codes(code)), code


def test_point_bands_may_not_use_the_official_rating_words():
    raw = {
        "diem": {"toi_thieu": 0, "toi_da": 100},
        "xep_loai_tap_the": [{"muc": "Vững mạnh", "tu": 85}, {"muc": "Yếu", "tu": None}],
        "xep_loai_ca_nhan": [{"muc": "HTXSNV", "tu": 90}, {"muc": "Loại D", "tu": None}],
    }
    with pytest.raises(CampaignError, match="trùng tên xếp loại chất lượng năm"):
        parse_bands(raw)
