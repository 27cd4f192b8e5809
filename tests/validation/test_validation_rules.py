"""One fixture per rule: a clean group workbook with one planted defect, and the one finding."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.findings import ERROR, WARNING
from workbook.validation import validate_workbook, validate_workbooks

D = dt.date


def set_(sheet, index, **values):
    def change(rows):
        rows[sheet][index].update(values)

    return change


def append_copy(sheet, index, **values):
    def change(rows):
        rows[sheet].append({**rows[sheet][index], **values})

    return change


def collective(**values):
    def change(rows):
        next(r for r in rows["dang_ky"] if r["loai_doi_tuong"] == "Tập thể").update(values)

    return change


# (defect, change, code, cell, severity). Row 2 is the first table row; the clean group 01 has
# 13 registrations (10 members, 2 extra titles, 1 for the group itself: row 14).
DEFECTS = [
    ("missing_title", set_("dang_ky", 0, danh_hieu=None), "missing-value", "G2", ERROR),
    (
        "impossible_date",
        set_("dang_ky", 0, ngay_dang_ky="31/02/2023"),
        "invalid-value",
        "I2",
        ERROR,
    ),
    ("rating_not_in_list", set_("ket_qua", 0, xep_loai="Tốt"), "not-in-list", "D2", ERROR),
    (
        "outlet_not_in_list",
        set_("tin_bai", 0, co_quan_bao="Báo Tuổi trẻ"),
        "not-in-list",
        "E2",
        ERROR,
    ),
    ("column_not_in_list", set_("tin_bai", 0, chuyen_muc="Thể thao"), "not-in-list", "F2", ERROR),
    (
        "plaque_level_not_in_list",
        set_("cong_trinh", 0, cap_gan_bien="Đại hội V"),
        "not-in-list",
        "K2",
        ERROR,
    ),
    ("activities_out_of_range", set_("ket_qua", 0, so_hoat_dong=501), "out-of-range", "I2", ERROR),
    (
        "negative_work_value",
        set_("cong_trinh", 0, gia_tri=-5_000_000),
        "negative-value",
        "G2",
        ERROR,
    ),
    ("negative_initiatives", set_("ket_qua", 0, so_sang_kien=-1), "negative-value", "E2", ERROR),
    (
        "duplicate_registration_id",
        set_("dang_ky", 1, ma_dang_ky="DK01-01"),
        "duplicate-id",
        "A3",
        ERROR,
    ),
    ("unknown_member", set_("dang_ky", 0, ma_doi_tuong="DV999"), "unknown-member", "C2", ERROR),
    (
        "unknown_result_member",
        set_("ket_qua", 0, ma_doan_vien="DV999"),
        "unknown-member",
        "A2",
        ERROR,
    ),
    ("unknown_group", collective(ma_doi_tuong="99"), "unknown-group", "C14", ERROR),
    ("unknown_work_group", set_("cong_trinh", 0, ma_to="99"), "unknown-group", "D2", ERROR),
    ("unknown_phase", set_("tin_bai", 0, dot="Đợt 3"), "unknown-phase", "H2", ERROR),
    (
        "unknown_movement",
        set_("dang_ky", 0, phong_trao="Phong trào lạ"),
        "unknown-movement",
        "F2",
        ERROR,
    ),
    (
        "unknown_title",
        set_("dang_ky", 0, danh_hieu="Anh hùng Lao động"),
        "unknown-title",
        "G2",
        ERROR,
    ),
    (
        "other_groups_member",
        set_("ket_qua", 0, ma_doan_vien="DV011"),
        "not-own-group",
        "A2",
        WARNING,
    ),
    (
        "group_with_individual_title",
        collective(danh_hieu="Lao động tiên tiến"),
        "subject-title-mismatch",
        "G14",
        ERROR,
    ),
    (
        "member_in_collective_movement",
        set_("dang_ky", 0, phong_trao="Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động"),
        "movement-subject-mismatch",
        "F2",
        ERROR,
    ),
    (
        "registered_after_phase",
        set_("dang_ky", 0, ngay_dang_ky=D(2023, 8, 1)),
        "registration-outside-phase",
        "I2",
        ERROR,
    ),
    (
        "registered_after_deadline",
        set_("dang_ky", 0, ngay_dang_ky=D(2023, 2, 1)),
        "registration-late",
        "I2",
        WARNING,
    ),
    (
        "registered_twice",
        append_copy("dang_ky", 0, ma_dang_ky="DK01-99"),
        "duplicate-registration",
        "C15",
        ERROR,
    ),
    (
        "finished_before_start",
        set_("cong_trinh", 0, ngay_hoan_thanh=D(2023, 1, 20)),
        "finish-before-start",
        "J2",
        ERROR,
    ),
    (
        "work_started_before_campaign",
        set_("cong_trinh", 0, ngay_bat_dau=D(2022, 1, 1)),
        "date-outside-campaign",
        "I2",
        WARNING,
    ),
    (
        "task_with_plaque",
        set_("cong_trinh", 0, loai="Phần việc", trang_thai="Hoàn thành"),
        "plaque-not-allowed",
        "K2",
        ERROR,
    ),
    (
        "proposed_without_finish",
        set_("cong_trinh", 0, ngay_hoan_thanh=None),
        "status-inconsistent",
        "L2",
        ERROR,
    ),
    ("two_results_one_phase", append_copy("ket_qua", 0), "duplicate-result", "A22", ERROR),
    (
        "article_outside_phase",
        set_("tin_bai", 0, dot="Đợt 1", ngay_dang=D(2023, 9, 2)),
        "date-outside-phase",
        "G2",
        ERROR,
    ),
    (
        "formula_like_commitment",
        set_("dang_ky", 0, cam_ket="+ Hoàn thành tốt nhiệm vụ"),
        "formula-like-text",
        "H2",
        WARNING,
    ),
    (
        "vni_commitment_without_font",
        set_("dang_ky", 0, cam_ket="Coâng ñoaøn cô sôû"),
        "legacy-encoding",
        "H2",
        WARNING,
    ),
]


@pytest.mark.parametrize("defect,change,code,cell,severity", DEFECTS, ids=[d[0] for d in DEFECTS])
def test_one_defect_one_finding(books, tmp_path, defect, change, code, cell, severity):
    path = books.group_copy(tmp_path, "01", change)
    report = validate_workbook(path, reference=books.master)
    found = [(f.code, f.cell, f.severity) for f in report.findings]
    assert found == [(code, cell, severity)]
    finding = report.findings[0]
    assert finding.file == path.name and finding.sheet and finding.message
    assert finding.row_key


def test_clean_group_workbook_has_no_findings(books, tmp_path):
    for code in books.issued:
        path = books.group_copy(tmp_path, code)
        assert validate_workbook(path, reference=books.master).findings == []
        assert validate_workbook(path).findings == []  # against its own set-up


def test_the_work_value_zero_and_blank_optional_cells_are_fine(books, tmp_path):
    path = books.group_copy(tmp_path, "01", set_("cong_trinh", 0, gia_tri=0, quy_mo=None))
    assert validate_workbook(path, reference=books.master).findings == []


def test_status_moving_backwards_against_the_master(books, tmp_path):
    work = {**books.rows["01"]["cong_trinh"][0], "trang_thai": "Đã gắn biển"}
    master = books.master_copy(tmp_path, {"cong_trinh": [work]})
    path = books.group_copy(tmp_path, "01")
    report = validate_workbook(path, reference=master)
    assert [(f.code, f.cell, f.severity) for f in report.findings] == [
        ("status-backwards", "L2", WARNING)
    ]
    assert "Đã gắn biển" in report.findings[0].message


def test_duplicate_registration_across_group_workbooks_cites_both_places(books, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = books.group_copy(tmp_path / "a", "01")
    twice = books.rows["01"]["dang_ky"][0]
    second = books.group_copy(
        tmp_path / "b",
        "02",
        lambda rows: rows["dang_ky"].append({**twice, "ma_dang_ky": "DK02-99"}),
    )
    report = validate_workbooks([first, second], reference=books.master)
    dup = [f for f in report.findings if f.code == "duplicate-registration"]
    assert [(f.file, f.cell) for f in dup] == [(second.name, "C15")]
    assert f"{first.name} › Đăng ký thi đua!C2" in dup[0].message
    # The same registration in group 02's book is about a member of group 01.
    assert {f.code for f in report.findings} == {"duplicate-registration", "not-own-group"}


def test_bad_code_format_in_the_master_members(books, tmp_path):
    members = [*books.setup["doan_vien"], {**books.setup["doan_vien"][0], "ma_doan_vien": "DV#61"}]
    master = books.master_copy(tmp_path, {"doan_vien": members})
    report = validate_workbook(master)
    assert [(f.code, f.cell, f.severity) for f in report.findings] == [
        ("bad-code-format", "A62", ERROR)
    ]


def test_clean_master_has_no_findings(books):
    assert validate_workbook(books.master).findings == []


def test_duplicate_member_code_in_the_master(books, tmp_path):
    members = [*books.setup["doan_vien"], {**books.setup["doan_vien"][1], "ten": "Khác"}]
    master = books.master_copy(tmp_path, {"doan_vien": members})
    report = validate_workbook(master)
    assert [(f.code, f.cell) for f in report.findings] == [("duplicate-id", "A62")]
    assert "Đoàn viên!A3" in report.findings[0].message
