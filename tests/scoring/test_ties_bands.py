"""Tie-breaks, the vững mạnh half-rule, excluded rows, empty masters."""

import numpy as np
import pandas as pd

from workbook.reading import read_workbook
from workbook.scoring import prepare, score_campaign
from workbook.scoring.bands import load_bands
from workbook.scoring.compute import add_bands, add_ranks, name_ranks
from workbook.scoring.rubric import Criterion


def _frame(rows):
    frame = pd.DataFrame(
        rows,
        columns=["code", "ten", "ho_dem", "tong", "so_sang_kien", "so_tin_bai", "ngay_dang_ky"],
    )
    frame["dot"] = "Đợt 1"
    frame["ngay_dang_ky"] = pd.to_datetime(frame["ngay_dang_ky"])
    return frame


def test_tie_breaks_initiatives_then_articles_then_registration_then_name():
    frame = _frame(
        [
            ("P", "An", "Trần Văn", 70, 1, 5, "2023-01-01"),  # fewer initiatives: 5th
            ("Q", "Bình", "Lê Thị", 70, 2, 1, "2023-01-01"),  # fewer articles: 4th
            ("R", "Yến", "Hà Thị", 70, 2, 3, "2023-01-02"),  # registered later: 3rd
            ("S", "Ánh", "Vũ Thị", 70, 2, 3, "2023-01-01"),  # all else equal: name order,
            ("T", "Ân", "Đỗ Văn", 70, 2, 3, "2023-01-01"),  # a < â, so Ánh before Ân
            ("U", "Zô", "Z", 90, 0, 0, None),  # highest total first, always
        ]
    )
    ranked = add_ranks(frame, "code", name_ranks(frame["ten"], frame["ho_dem"]), ["Đợt 1"])
    # S (Ánh) before T (Ân): a < â in Vietnamese order; both before R (later registration)
    assert list(ranked["code"]) == ["U", "S", "T", "R", "Q", "P"]
    assert list(ranked["hang"]) == [1, 2, 3, 4, 5, 6]


def test_unregistered_sorts_after_registered_at_equal_score():
    frame = _frame([("A", "An", "X", 50, 0, 0, None), ("B", "Bình", "X", 50, 0, 0, "2023-03-01")])
    ranked = add_ranks(frame, "code", name_ranks(frame["ten"], frame["ho_dem"]), ["Đợt 1"])
    assert list(ranked["code"]) == ["B", "A"]


def test_vung_manh_needs_every_main_criterion_at_half_its_maximum():
    bands = load_bands()
    crit = [
        Criterion("T1", "a", "Tin bài", (), 2, 10, "Tập thể", None),
        Criterion("T2", "b", "Tin bài", (), 1, 90, "Tập thể", None),
        Criterion("T3", "bonus", "Tin bài", (), 1, 5, "Tập thể", None, bonus=True),
    ]
    frame = pd.DataFrame(
        {
            "dot": ["Đợt 1"] * 3,
            "T1": [4.0, 5.0, 10.0],
            "T2": [88.0, 88.0, 60],
            "T3": [0.0, 0.0, 0.0],
            "tong": [92.0, 93.0, 70.0],
            "giai_thich": ["x", "y", "z"],
        }
    )
    out = add_bands(frame, crit, bands.group_bands)
    # 4 < 5 (half of 10): not vững mạnh despite 92 points → khá, and the explanation says why
    assert list(out["xep_loai_diem"]) == ["Khá", "Vững mạnh", "Khá"]
    assert out["giai_thich"][0] == "x; chưa xếp Vững mạnh: T1 dưới 50% điểm tối đa"
    assert out["giai_thich"][1] == "y"


def test_rows_with_errors_are_left_out_and_counted(small_master):
    data = read_workbook(small_master)
    results = data.table("ket_qua")
    row = int(
        results[(results["ma_doan_vien"] == "B1") & (results["dot"] == "Đợt 1")]["_row"].iloc[0]
    )
    inp = prepare(data, excluded={("ket_qua", row): "Xếp loại không có trong danh sách"})
    scores = score_campaign(inp)
    b1 = scores.members[
        (scores.members["ma_doan_vien"] == "B1") & (scores.members["dot"] == "Đợt 1")
    ]
    # without its result row B1 keeps only registration 5 + 2 central articles 8 = 13
    assert b1["tong"].iloc[0] == 13
    assert scores.excluded["count"] == 1
    assert scores.excluded["rows"][0] == {
        "sheet": "Kết quả",
        "row": row,
        "reason": "Xếp loại không có trong danh sách",
    }
    assert "bỏ qua 1 dòng có lỗi" in scores.headline


def test_reader_typing_errors_exclude_their_rows(small_master):
    from openpyxl import load_workbook

    results = read_workbook(small_master).table("ket_qua")
    row = int(
        results[(results["ma_doan_vien"] == "B1") & (results["dot"] == "Đợt 1")]["_row"].iloc[0]
    )
    wb = load_workbook(small_master)
    ws = wb["Kết quả"]
    column = [c.value for c in ws[1]].index("Số sáng kiến") + 1
    ws.cell(row=row, column=column, value="hai")  # not a number: the reader's error, at that row
    wb.save(small_master)
    data = read_workbook(small_master)
    [bad] = [f for f in data.findings if f.code == "invalid-value"]
    assert (bad.sheet_key, bad.row, bad.column) == ("ket_qua", row, "so_sang_kien")
    inp = prepare(data)
    assert [(e.sheet, e.row) for e in inp.excluded] == [("ket_qua", row)]


def test_exclusion_reads_the_structured_place_not_the_rendered_cell():
    from workbook.findings import ERROR, WARNING, Finding
    from workbook.scoring.context import excluded_from_findings

    def at(code, severity, message, sheet, cell, row=None):
        return Finding(
            code, severity, message, "so.xlsx", sheet, cell, sheet_key="ket_qua", row=row
        )

    found = [
        # the rendered sheet name and cell are for the officer; sheet_key and row say which row
        at("invalid-value", ERROR, "sai", "KQ tên khác", "E9", row=7),
        at("missing-column", ERROR, "thiếu cột", "Kết quả", "A1"),  # a whole column: no row
        at("legacy-encoding", WARNING, "mã cũ", "Kết quả", "B3", row=3),  # a warning keeps it
    ]
    assert [(e.sheet, e.row, e.reason) for e in excluded_from_findings(found)] == [
        ("ket_qua", 7, "sai")
    ]


def test_an_empty_master_scores_nothing_and_says_so(empty_master):
    scores = score_campaign(prepare(read_workbook(empty_master)))
    assert scores.members.empty and scores.groups.empty
    assert any("Chưa có đoàn viên" in n for n in scores.notes)
    assert np.isfinite(len(scores.to_dict()["members"]))
