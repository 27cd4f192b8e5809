"""Campaign-data sheets: what union groups fill in and consolidation merges into the master."""

from __future__ import annotations

from .model import Column as C
from .model import Sheet

REGISTRATIONS = Sheet(
    key="dang_ky",
    name="Đăng ký thi đua",
    role="data",
    table="tblDangKy",
    in_group=True,
    title="Đăng ký danh hiệu thi đua của cá nhân và tập thể",
    columns=(
        C("ma_dang_ky", "Mã đăng ký", "code", required=True, width=11, aliases=("Số TT đăng ký",)),
        C(
            "loai_doi_tuong",
            "Cá nhân/Tập thể",
            required=True,
            choices="doi_tuong",
            width=11,
            aliases=("Đối tượng", "Loại đối tượng"),
        ),
        C(
            "ma_doi_tuong",
            "Mã đoàn viên/tổ",
            "code",
            required=True,
            width=12,
            aliases=("Mã đối tượng",),
            help="Mã đoàn viên (cá nhân) hoặc mã tổ công đoàn (tập thể)",
        ),
        C("ten_doi_tuong", "Họ tên/Tên tổ", width=26, aliases=("Họ và tên", "Tên đối tượng")),
        C("dot", "Đợt", "code", required=True, choices="dot", width=9, aliases=("Mã đợt",)),
        C("phong_trao", "Phong trào", required=True, choices="phong_trao", width=40),
        C(
            "danh_hieu",
            "Danh hiệu đăng ký",
            required=True,
            choices="danh_hieu",
            width=26,
            aliases=("Danh hiệu",),
        ),
        C("cam_ket", "Nội dung cam kết", width=50),
        C("ngay_dang_ky", "Ngày đăng ký", "date", required=True, width=12, aliases=("Ngày ĐK",)),
    ),
    row_key=("ma_dang_ky",),
)

WORKS = Sheet(
    key="cong_trinh",
    name="Công trình, sản phẩm",
    role="data",
    table="tblCongTrinh",
    in_group=True,
    title="Công trình, sản phẩm, phần việc đăng ký gắn biển chào mừng",
    columns=(
        C("ma_cong_trinh", "Mã công trình", "code", required=True, width=11),
        C(
            "ten_cong_trinh",
            "Tên công trình, sản phẩm, phần việc",
            required=True,
            width=44,
            aliases=("Tên công trình",),
        ),
        C("loai", "Loại", required=True, choices="loai_cong_trinh", width=12),
        C("ma_to", "Mã tổ", "code", required=True, choices="to", width=9),
        C("dot", "Đợt", "code", required=True, choices="dot", width=9),
        C("quy_mo", "Quy mô", width=24),
        C("gia_tri", "Giá trị (đồng)", "money", width=16, minimum=0, aliases=("Giá trị",)),
        C("nguon_kinh_phi", "Nguồn kinh phí", width=20),
        C("ngay_bat_dau", "Ngày bắt đầu", "date", width=12),
        C("ngay_hoan_thanh", "Ngày hoàn thành", "date", width=12),
        C("cap_gan_bien", "Cấp gắn biển", choices="cap_gan_bien", width=36),
        C("trang_thai", "Trạng thái", required=True, choices="trang_thai", width=16),
        C("ghi_chu", "Ghi chú", width=24),
    ),
    row_key=("ma_cong_trinh",),
)

RESULTS = Sheet(
    key="ket_qua",
    name="Kết quả",
    role="data",
    table="tblKetQua",
    in_group=True,
    title="Kết quả thi đua của từng đoàn viên theo đợt",
    columns=(
        C(
            "ma_doan_vien",
            "Mã đoàn viên",
            "code",
            required=True,
            choices="doan_vien",
            width=13,
            aliases=("Mã ĐV",),
        ),
        C("ho_ten", "Họ và tên", width=24),
        C("dot", "Đợt", "code", required=True, choices="dot", width=9),
        C(
            "xep_loai",
            "Xếp loại",
            required=True,
            choices="xep_loai",
            width=10,
            aliases=("Xếp loại mức độ hoàn thành nhiệm vụ",),
        ),
        C("so_sang_kien", "Số sáng kiến", "int", width=9, minimum=0, maximum=50),
        C("cap_sang_kien", "Cấp công nhận sáng kiến", choices="cap_sang_kien", width=12),
        C("ten_sang_kien", "Tên sáng kiến, đề tài", width=40),
        C("ngay_cong_nhan", "Ngày công nhận", "date", width=12),
        C("so_hoat_dong", "Số hoạt động tham gia", "int", width=10, minimum=0, maximum=500),
        C("so_vi_pham", "Số lần vi phạm", "int", width=9, minimum=0, maximum=100),
        C("noi_dung_vi_pham", "Nội dung vi phạm", width=30),
        C("ghi_chu", "Ghi chú", width=24),
    ),
    row_key=("ma_doan_vien", "dot"),
)

ARTICLES = Sheet(
    key="tin_bai",
    name="Tin bài",
    role="data",
    table="tblTinBai",
    in_group=True,
    title="Tin, bài viết tuyên truyền về phong trào thi đua và hoạt động công đoàn",
    columns=(
        C("ma_tin_bai", "Mã tin bài", "code", required=True, width=10),
        C(
            "ma_doan_vien",
            "Mã tác giả",
            "code",
            required=True,
            choices="doan_vien",
            width=12,
            aliases=("Mã đoàn viên",),
        ),
        C("tac_gia", "Tác giả", width=24),
        C("tieu_de", "Tiêu đề tin, bài", required=True, width=50, aliases=("Tiêu đề",)),
        C(
            "co_quan_bao",
            "Cơ quan báo chí",
            required=True,
            choices="co_quan_bao",
            width=34,
            aliases=("Báo, đài", "Nơi đăng"),
        ),
        C("chuyen_muc", "Chuyên mục", choices="chuyen_muc", width=34),
        C("ngay_dang", "Ngày đăng", "date", required=True, width=12),
        C("dot", "Đợt", "code", required=True, choices="dot", width=9),
        C("duong_dan", "Đường dẫn", width=40, aliases=("Link",)),
    ),
    row_key=("ma_tin_bai",),
)

# Where each merged row came from; master only (consolidation fills them).
PROVENANCE = (
    C("to_nguon", "Tổ nguồn", "code", width=9),
    C("tep_nguon", "Tệp nguồn", width=28),
    C("trang_nguon", "Trang nguồn", width=14),
    C("dong_nguon", "Dòng nguồn", "int", width=8),
    C("bam_nguon", "Mã băm tệp", "code", width=14),
)

DATA_SHEETS = (REGISTRATIONS, WORKS, RESULTS, ARTICLES)
