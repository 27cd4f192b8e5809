"""Set-up sheets of the master: the campaign, phases, movements, groups, members, rubric, titles.

Officers edit these rarely; group workbooks carry read-only copies of the ones dropdowns need.
"""

from __future__ import annotations

from .model import Column as C
from .model import Sheet

CODE = r"^[0-9A-Za-zÀ-ỹĐđ_.\- ]{1,30}$"

CONFIG_ITEMS: tuple[tuple[str, str], ...] = (
    ("ten_cong_doan", "Tên công đoàn cơ sở"),
    ("co_quan", "Cơ quan, đơn vị"),
    ("cong_doan_cap_tren", "Công đoàn cấp trên trực tiếp"),
    ("cong_doan_cap_tren_2", "Công đoàn cấp trên (cấp tỉnh)"),
    ("so_ke_hoach", "Số kế hoạch"),
    ("ngay_ke_hoach", "Ngày ban hành kế hoạch"),
    ("can_cu", "Căn cứ (kế hoạch cấp trên)"),
    ("ten_phong_trao", "Tên đợt phát động thi đua"),
    ("dia_danh", "Địa danh"),
    ("nam", "Năm thi đua"),
    ("thay_mat", "Thay mặt"),
    ("chuc_vu_ky", "Chức vụ người ký"),
    ("nguoi_ky", "Người ký"),
    # Reports to the upper union (issue 11): document symbol, reporting days, recipients.
    ("ky_hieu", "Chữ viết tắt tên công đoàn trong số, ký hiệu văn bản"),
    ("ngay_bao_cao_so_ket", "Ngày báo cáo sơ kết (để trống: theo hạn báo cáo của đợt)"),
    (
        "ngay_bao_cao_tong_ket",
        "Ngày báo cáo tổng kết năm (để trống: theo hạn báo cáo của đợt cuối)",
    ),
    ("noi_nhan", "Nơi nhận báo cáo (các nơi cách nhau bằng dấu chấm phẩy)"),
    # The award review: the law in force on this day decides (not the campaign's period).
    ("ngay_xet_khen_thuong", "Ngày xét khen thưởng (họp Hội đồng Thi đua – Khen thưởng)"),
    ("bo_quy_tac", "Bộ quy tắc áp dụng (để trống: theo ngày xét khen thưởng)"),
    ("ly_do_bo_quy_tac", "Lý do dùng bộ quy tắc khác ngày xét (bắt buộc khi ghi bộ quy tắc)"),
    ("thu_truong_co_quan", "Thủ trưởng cơ quan (quyết định danh hiệu thi đua)"),
    ("hoi_dong_tdkt", "Hội đồng Thi đua – Khen thưởng của cơ quan"),
    ("phien_ban_mau", "Phiên bản mẫu"),
)

CONFIG = Sheet(
    key="cau_hinh",
    name="Cấu hình",
    role="setup",
    table="tblCauHinh",
    landscape=False,
    title="Thông tin chung của đợt thi đua và người ký báo cáo",
    columns=(
        C("noi_dung", "Nội dung", required=True, width=36),
        C("gia_tri", "Giá trị", width=70),
        # The key the toolkit reads the row by (ten_cong_doan, …): narrow, last.
        C("ma_muc", "Mã mục", "code", required=True, width=9),
    ),
    row_key=("ma_muc",),
)

PHASES = Sheet(
    key="dot_thi_dua",
    name="Đợt thi đua",
    role="setup",
    table="tblDotThiDua",
    in_group=True,
    title="Các đợt thi đua, thời gian và các mốc kỷ niệm",
    columns=(
        C("ma_dot", "Mã đợt", "code", required=True, width=10, aliases=("Đợt",)),
        C("ten_dot", "Tên đợt", required=True, width=40),
        C("ngay_bat_dau", "Từ ngày", "date", required=True, width=12, aliases=("Ngày bắt đầu",)),
        C("ngay_ket_thuc", "Đến ngày", "date", required=True, width=12, aliases=("Ngày kết thúc",)),
        C("han_dang_ky", "Hạn đăng ký", "date", width=12),
        C("han_bao_cao", "Hạn báo cáo", "date", width=12),
        C("moc_ky_niem", "Các mốc kỷ niệm", width=80),
    ),
    row_key=("ma_dot",),
)

MOVEMENTS = Sheet(
    key="phong_trao",
    name="Phong trào",
    role="setup",
    table="tblPhongTrao",
    in_group=True,
    title="Các phong trào thi đua của kế hoạch",
    columns=(
        C("ma_phong_trao", "Mã phong trào", "code", required=True, width=12),
        C("ten_phong_trao", "Tên phong trào", required=True, width=70),
        C("ap_dung", "Áp dụng cho", required=True, choices="ap_dung", width=13),
        C("ghi_chu", "Ghi chú", width=30),
    ),
    row_key=("ma_phong_trao",),
)

GROUPS = Sheet(
    key="to_cong_doan",
    name="Tổ công đoàn",
    role="setup",
    table="tblToCongDoan",
    in_group=True,
    title="Các tổ công đoàn",
    landscape=False,
    columns=(
        C("ma_to", "Mã tổ", "code", required=True, width=10, pattern=CODE),
        C("ten_to", "Tên tổ công đoàn", required=True, width=36, aliases=("Tên tổ",)),
        C("to_truong", "Tổ trưởng", width=24),
        C(
            "don_vi",
            "Phòng, đơn vị tương ứng",
            width=30,
            help="Phòng, đơn vị của cơ quan mà tổ công đoàn này gắn với; danh hiệu tập thể của "
            "Nhà nước (Tập thể lao động tiên tiến, xuất sắc) được đề nghị cho phòng, đơn vị",
        ),
        C("ghi_chu", "Ghi chú", width=24),
    ),
    row_key=("ma_to",),
)

MEMBERS = Sheet(
    key="doan_vien",
    name="Đoàn viên",
    role="setup",
    table="tblDoanVien",
    in_group=True,
    title="Danh sách đoàn viên, người lao động",
    columns=(
        C(
            "ma_doan_vien",
            "Mã đoàn viên",
            "code",
            required=True,
            width=13,
            pattern=CODE,
            aliases=("Mã ĐV", "Mã số"),
        ),
        C("ho_dem", "Họ đệm", required=True, width=20, aliases=("Họ và tên đệm", "Họ")),
        C("ten", "Tên", required=True, width=10),
        C("gioi_tinh", "Giới tính", required=True, choices="gioi_tinh", width=9),
        C("ngay_sinh", "Ngày sinh", "date", width=12),
        C("ma_to", "Mã tổ", "code", required=True, choices="to", width=9, aliases=("Tổ",)),
        C("chuc_vu", "Chức vụ", width=22),
        C("thanh_phan", "Thành phần", choices="thanh_phan", width=15),
        C("dien_thoai", "Điện thoại", "code", width=13, aliases=("Số điện thoại", "SĐT")),
        C("ngay_tuyen_dung", "Ngày tuyển dụng", "date", width=12),
        C("ky_luat", "Kỷ luật", choices="ky_luat", width=13),
    ),
    row_key=("ma_doan_vien",),
)

RUBRIC = Sheet(
    key="thang_diem",
    name="Thang điểm",
    role="setup",
    table="tblThangDiem",
    title="Thang điểm chấm thi đua (tiêu chí, nguồn dữ liệu, điểm)",
    columns=(
        C("ma_tieu_chi", "Mã tiêu chí", "code", required=True, width=10),
        C("ten_tieu_chi", "Tiêu chí", required=True, width=50),
        C("nguon", "Nguồn dữ liệu", required=True, choices="nguon_diem", width=16),
        C(
            "dieu_kien",
            "Điều kiện",
            width=26,
            help="Giá trị cần khớp, ví dụ HTXSNV, Tỉnh, Hoàn thành; để trống là mọi giá trị",
        ),
        C("diem_don_vi", "Điểm mỗi đơn vị", "number", required=True, width=10),
        C("diem_toi_da", "Điểm tối đa", "number", width=10),
        C("ap_dung", "Áp dụng cho", required=True, choices="doi_tuong", width=11),
        C("dot", "Đợt", "code", choices="dot", width=9, help="Để trống nếu áp dụng cho mọi đợt"),
        C(
            "diem_thuong",
            "Điểm thưởng",
            choices="co_khong",
            width=9,
            help="Có: điểm thưởng, ngoài các tiêu chí chính (không xét khi xếp loại vững mạnh)",
        ),
    ),
    row_key=("ma_tieu_chi",),
)

ANNUAL_RATINGS = Sheet(
    key="xep_loai_nam",
    name="Xếp loại năm",
    role="setup",
    table="tblXepLoaiNam",
    title="Kết quả đánh giá, xếp loại chất lượng hằng năm (do cơ quan đánh giá, không do điểm "
    "thi đua)",
    columns=(
        C("nam", "Năm", "int", required=True, width=8, minimum=2000, maximum=2100),
        C("loai_doi_tuong", "Cá nhân/Tập thể", required=True, choices="doi_tuong", width=11),
        C(
            "ma_doi_tuong",
            "Mã đoàn viên/tổ",
            "code",
            required=True,
            width=12,
            help="Mã đoàn viên (cá nhân) hoặc mã tổ công đoàn (tập thể: phòng, đơn vị của tổ)",
        ),
        C("ten_doi_tuong", "Họ tên/Tên tổ", width=26),
        C(
            "xep_loai",
            "Xếp loại chất lượng",
            required=True,
            choices="xep_loai",
            width=12,
            help="Kết quả đánh giá, xếp loại chất lượng năm theo Nghị định 90/2020/NĐ-CP",
        ),
        C("can_cu", "Căn cứ (số, ngày văn bản)", width=30),
        C("ghi_chu", "Ghi chú", width=24),
    ),
    row_key=("nam", "loai_doi_tuong", "ma_doi_tuong"),
)

TITLES = Sheet(
    key="danh_hieu",
    name="Danh hiệu",
    role="setup",
    table="tblDanhHieu",
    in_group=True,
    title="Danh hiệu thi đua và hình thức khen thưởng",
    columns=(
        C("ma_danh_hieu", "Mã danh hiệu", "code", required=True, width=10),
        C("ten_danh_hieu", "Tên danh hiệu, hình thức", required=True, width=40),
        C("doi_tuong", "Đối tượng", required=True, choices="doi_tuong", width=10),
        C(
            "khoi",
            "Khen thưởng của",
            required=True,
            choices="khoi_khen",
            width=12,
            help="Nhà nước: thủ trưởng cơ quan (hoặc cấp trên) quyết định, đề nghị qua Hội đồng "
            "Thi đua – Khen thưởng của cơ quan. Công đoàn: công đoàn cấp trên quyết định",
        ),
        C("loai", "Loại", choices="loai_khen", width=20),
        C("co_quan_quyet_dinh", "Người, cơ quan quyết định", width=30),
        C(
            "chi_tieu",
            "Chỉ tiêu (số hoặc %)",
            width=11,
            help="Số lượng hoặc tỷ lệ được đề nghị do cấp trên giao, ví dụ 3 hoặc 10%; để trống "
            "là không giới hạn",
        ),
        C("chi_tieu_tren", "Tỷ lệ tính trên", choices="chi_tieu_tren", width=16),
        C("ma_tdkt", "Mã phần mềm TĐKT", "code", width=13),
        C(
            "dieu_kien",
            "Tiêu chuẩn",
            width=70,
            help="Danh hiệu có trong bộ quy tắc: tiêu chuẩn và căn cứ lấy theo bộ quy tắc; danh "
            "hiệu khác: Ban Chấp hành xét thủ công theo tiêu chuẩn ghi ở đây",
        ),
    ),
    row_key=("ma_danh_hieu",),
)

SETUP_SHEETS = (CONFIG, PHASES, MOVEMENTS, GROUPS, MEMBERS, ANNUAL_RATINGS, RUBRIC, TITLES)
