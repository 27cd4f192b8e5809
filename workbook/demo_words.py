"""The demo campaign's vocabulary: union groups, Vietnamese names, positions, works, articles,
press outlets and the agency's departments. Data only; ``demo_data`` draws from it (seeded), and
bench/make_corpus.py builds large corpora from the same words."""

from __future__ import annotations

GROUPS = [
    ("01", "Văn phòng Sở", "Hoàng Thị Lan"),
    ("02", "Thanh tra Sở", "Nông Văn Hải"),
    ("03", "Kế hoạch tổng hợp", "Lương Minh Đức"),
    ("04", "Đăng ký kinh doanh", "Vi Thị Hồng Nhung"),
    ("05", "Đầu tư, thẩm định và giám sát đầu tư", "Chu Quang Trung"),
    ("06", "Kinh tế ngành", "Lộc Thị Thu Hà"),
]
SURNAMES = [
    "Nguyễn",
    "Hoàng",
    "Nông",
    "Lương",
    "Vi",
    "Hà",
    "Lộc",
    "Chu",
    "Trần",
    "Lê",
    "Triệu",
    "Đàm",
    "Phạm",
    "Đinh",
    "Lăng",
    "Bế",
]
MIDDLE_M = ["Văn", "Minh", "Đức", "Quang", "Xuân", "Thanh", "Hữu", "Tiến"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Hồng", "Thị Thu", "Thị Minh", "Phương"]
GIVEN_M = [
    "Anh",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hải",
    "Hiếu",
    "Hùng",
    "Khánh",
    "Long",
    "Minh",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Trường",
    "Tuấn",
    "Vinh",
    "Ân",
]
GIVEN_F = [
    "Ánh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Huyền",
    "Lan",
    "Linh",
    "Mai",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Vân",
    "Yến",
    "Ơn",
]
POSITIONS = [
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên",
    "Chuyên viên chính",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Kế toán",
    "Văn thư",
    "Lái xe",
]
WORK_NAMES = [
    ("Số hóa hồ sơ đăng ký doanh nghiệp giai đoạn 2018 - 2022", "Sản phẩm"),
    ("Cải tạo khuôn viên, trồng cây xanh trụ sở cơ quan", "Công trình"),
    ("Xây dựng cơ sở dữ liệu dự án đầu tư ngoài ngân sách", "Sản phẩm"),
    ("Tủ sách pháp luật điện tử của cơ quan", "Sản phẩm"),
    ("Hỗ trợ xây dựng nhà văn hóa thôn Nà Pàn, xã Hữu Kiên", "Công trình"),
    ("Chuẩn hóa quy trình thẩm định dự án theo ISO 9001:2015", "Phần việc"),
    ("Quyên góp ủng hộ Quỹ vì người nghèo", "Phần việc"),
]
ARTICLE_TITLES = [
    "Công đoàn Sở Kế hoạch và Đầu tư sôi nổi phong trào thi đua chào mừng Đại hội",
    "Tổ công đoàn {ten} thi đua hoàn thành vượt mức kế hoạch",
    "Nữ đoàn viên giỏi việc nước, đảm việc nhà",
    "Gương sáng trong phong trào Lao động giỏi – Lao động sáng tạo",
    "Số hóa thủ tục đăng ký doanh nghiệp: rút ngắn thời gian cho người dân",
    "Đoàn viên công đoàn chung tay vì người nghèo",
    "Xây dựng văn hóa công sở tại Sở Kế hoạch và Đầu tư",
]
OUTLETS = [
    ("Trang thông tin điện tử của Sở", "Lao động – Công đoàn"),
    ("Báo Lạng Sơn", "Lao động – Công đoàn"),
    ("Đài Phát thanh - Truyền hình Lạng Sơn", "Lao động – Công đoàn"),
    ("Trang thông tin điện tử Liên đoàn Lao động tỉnh", "Lao động – Công đoàn"),
    ("Báo Lao động", "Công nhân viết – Viết về công nhân"),
    (
        "Trang thông tin điện tử Tổng Liên đoàn Lao động Việt Nam",
        "Công nhân viết – Viết về công nhân",
    ),
]
UNITS = {
    "01": "Văn phòng Sở",
    "02": "Thanh tra Sở",
    "03": "Phòng Kế hoạch tổng hợp",
    "04": "Phòng Đăng ký kinh doanh",
    "05": "Phòng Đầu tư, thẩm định và giám sát đầu tư",
    "06": "Phòng Kinh tế ngành",
}
