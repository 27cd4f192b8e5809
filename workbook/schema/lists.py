"""Dropdown lists: fixed enumerations of the schema and the campaign's own lists.

Fixed values are Vietnamese as officers write them; the campaign lists (phases, movements,
titles, groups, members, plaque levels, outlets, article columns) come from set-up sheets.
"""

from __future__ import annotations

from .model import Column, ListDef, Sheet

SUBJECT_TYPES = ("Cá nhân", "Tập thể")
APPLIES_TO = ("Cá nhân", "Tập thể", "Cả hai")
GENDERS = ("Nam", "Nữ")
MEMBER_KINDS = ("Đoàn viên", "Người lao động")
YES_NO = ("Có", "Không")
# Duty ratings of the annual assessment (Nghị định 90/2020), best first.
DUTY_RATINGS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")
# Disciplinary measures for public servants, mildest first; "Không" = none.
DISCIPLINE_LEVELS = (
    "Không",
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Buộc thôi việc",
)
INITIATIVE_LEVELS = ("Cơ sở", "Ngành", "Tỉnh", "Toàn quốc")
WORK_KINDS = ("Công trình", "Sản phẩm", "Phần việc")
# In the order a work goes through them; named subsets are what rules and reports count.
WORK_STATUSES = ("Đăng ký", "Đang thực hiện", "Hoàn thành", "Đề nghị gắn biển", "Đã gắn biển")
WORK_DONE = WORK_STATUSES[2:]  # finished: Hoàn thành, Đề nghị gắn biển, Đã gắn biển
WORK_FOR_PLAQUE = WORK_STATUSES[3:]  # proposed for or given a plaque
WORK_PROPOSED_FOR_PLAQUE = WORK_STATUSES[3]
PLAQUE_KINDS = WORK_KINDS[:2]  # a "Phần việc" is a task: no plaque
OUTLET_LEVELS = ("Cơ sở", "Tỉnh", "Trung ương")
# Two tracks that are never mixed: state awards (Luật Thi đua, khen thưởng) and union awards.
AWARD_TRACKS = ("Nhà nước", "Công đoàn")
AWARD_KINDS = ("Danh hiệu thi đua", "Hình thức khen thưởng")
# What a percentage quota is a share of.
QUOTA_BASES = ("Đoàn viên", "Lao động tiên tiến", "Tổ công đoàn")
SCORE_SOURCES = (
    "Xếp loại",
    "Sáng kiến",
    "Đăng ký thi đua",
    "Công trình",
    "Tin bài",
    "Hoạt động",
    "Vi phạm",
    # Group criteria: a percentage of the group's members (points per percentage point).
    "Tỷ lệ đăng ký",
    "Tỷ lệ xếp loại",
)

LISTS_SHEET_NAME = "Danh mục"


def _list_table(key: str, table: str, header: str, *more: Column, width: float = 22) -> Sheet:
    return Sheet(
        key=key,
        name=LISTS_SHEET_NAME,
        role="lists",
        table=table,
        in_group=True,
        columns=(Column("gia_tri", header, required=True, width=width), *more),
        row_key=("gia_tri",),
    )


# Tables on the "Danh mục" sheet, left to right. The first column holds the list's values.
LIST_TABLES: tuple[Sheet, ...] = (
    _list_table("ds_doi_tuong", "tblDoiTuong", "Cá nhân/Tập thể", width=16),
    _list_table("ds_ap_dung", "tblApDung", "Áp dụng cho", width=14),
    _list_table("ds_gioi_tinh", "tblGioiTinh", "Giới tính", width=11),
    _list_table("ds_thanh_phan", "tblThanhPhan", "Thành phần", width=17),
    _list_table("ds_co_khong", "tblCoKhong", "Có/Không", width=11),
    _list_table("ds_xep_loai", "tblXepLoai", "Xếp loại", width=11),
    _list_table("ds_ky_luat", "tblKyLuat", "Kỷ luật", width=16),
    _list_table("ds_cap_sang_kien", "tblCapSangKien", "Cấp công nhận sáng kiến", width=14),
    _list_table("ds_loai_cong_trinh", "tblLoaiCongTrinh", "Loại công trình", width=16),
    _list_table("ds_trang_thai", "tblTrangThai", "Trạng thái", width=18),
    _list_table("ds_khoi_khen", "tblKhoiKhen", "Khen thưởng của", width=13),
    _list_table("ds_loai_khen", "tblLoaiKhen", "Loại khen thưởng", width=22),
    _list_table("ds_chi_tieu_tren", "tblChiTieuTren", "Tỷ lệ tính trên", width=18),
    _list_table("ds_nguon_diem", "tblNguonDiem", "Nguồn dữ liệu", width=16),
    _list_table("ds_cap_bao", "tblCapBao", "Cấp cơ quan báo chí", width=12),
    _list_table("ds_cap_gan_bien", "tblCapGanBien", "Cấp gắn biển", width=42),
    _list_table(
        "ds_co_quan_bao",
        "tblCoQuanBao",
        "Cơ quan báo chí",
        Column("cap", "Cấp", required=True, choices="cap_bao", width=11),
        width=40,
    ),
    _list_table("ds_chuyen_muc", "tblChuyenMuc", "Chuyên mục", width=36),
)

FIXED_LIST_VALUES: dict[str, tuple[str, ...]] = {
    "ds_doi_tuong": SUBJECT_TYPES,
    "ds_ap_dung": APPLIES_TO,
    "ds_gioi_tinh": GENDERS,
    "ds_thanh_phan": MEMBER_KINDS,
    "ds_co_khong": YES_NO,
    "ds_xep_loai": DUTY_RATINGS,
    "ds_ky_luat": DISCIPLINE_LEVELS,
    "ds_cap_sang_kien": INITIATIVE_LEVELS,
    "ds_loai_cong_trinh": WORK_KINDS,
    "ds_trang_thai": WORK_STATUSES,
    "ds_khoi_khen": AWARD_TRACKS,
    "ds_loai_khen": AWARD_KINDS,
    "ds_chi_tieu_tren": QUOTA_BASES,
    "ds_nguon_diem": SCORE_SOURCES,
    "ds_cap_bao": OUTLET_LEVELS,
}


def _fixed(key: str) -> ListDef:
    return ListDef(
        key=key[3:], name=key.upper(), sheet=key, column="gia_tri", fixed=FIXED_LIST_VALUES[key]
    )


# Every dropdown a column can draw from, by key (Column.choices).
LISTS: dict[str, ListDef] = {
    **{d.key: d for d in (_fixed(k) for k in FIXED_LIST_VALUES)},
    "cap_gan_bien": ListDef("cap_gan_bien", "DS_CAP_GAN_BIEN", "ds_cap_gan_bien", "gia_tri"),
    "co_quan_bao": ListDef("co_quan_bao", "DS_CO_QUAN_BAO", "ds_co_quan_bao", "gia_tri"),
    "chuyen_muc": ListDef("chuyen_muc", "DS_CHUYEN_MUC", "ds_chuyen_muc", "gia_tri"),
    "dot": ListDef("dot", "DS_DOT", "dot_thi_dua", "ma_dot"),
    "phong_trao": ListDef("phong_trao", "DS_PHONG_TRAO", "phong_trao", "ten_phong_trao"),
    "to": ListDef("to", "DS_TO", "to_cong_doan", "ma_to"),
    "doan_vien": ListDef("doan_vien", "DS_DOAN_VIEN", "doan_vien", "ma_doan_vien"),
    "danh_hieu": ListDef("danh_hieu", "DS_DANH_HIEU", "danh_hieu", "ten_danh_hieu"),
}
