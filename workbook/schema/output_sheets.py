"""Output sheets: written by the toolkit on each run, protected, never hand-edited.

Sheets whose columns depend on the campaign (one column per criterion, report layouts) declare
only their name here; their writers build the layout from the rubric and the schema.
"""

from __future__ import annotations

from .model import Column as C
from .model import Sheet

CHECKS = Sheet(
    key="kiem_tra",
    name="Kiểm tra",
    role="output",
    table="tblKiemTra",
    title="Kết quả kiểm tra dữ liệu",
    columns=(
        C("muc_do", "Mức độ", width=10),
        C("loai", "Loại lỗi", width=33),
        C("tep", "Tệp", width=26),
        C("trang", "Trang tính", width=18),
        C("o", "Ô", width=7),
        C("khoa", "Khóa dòng", width=16),
        C("gia_tri", "Giá trị", width=24),
        C("noi_dung", "Nội dung và cách sửa", width=80),
        # The stable code, for machines and the maintainer: narrow, last.
        C("ma_loi", "Mã lỗi", "code", width=9),
    ),
)
SCORES = Sheet(key="diem", name="Điểm", role="output", title="Điểm thi đua theo đợt")
SHORTLIST = Sheet(
    key="de_nghi",
    name="Đề nghị khen thưởng",
    role="output",
    title="Danh sách đề nghị khen thưởng và lý do",
)
COUNCIL_LIST = Sheet(
    key="ds_hoi_dong",
    name="Trình Hội đồng TĐKT",
    role="output",
    title="Danh sách đề nghị Hội đồng Thi đua – Khen thưởng của cơ quan xét "
    "tặng danh hiệu thi đua, Giấy khen",
)
REPORT_SUMMARY = Sheet(
    key="bc_tong_hop",
    name="BC Tổng hợp",
    role="output",
    title="Báo cáo tổng hợp kết quả phong trào thi đua",
)
REPORT_WORKS = Sheet(
    key="bc_cong_trinh",
    name="BC Công trình",
    role="output",
    title="Danh sách công trình, sản phẩm đề nghị gắn biển",
)
REPORT_AWARDS = Sheet(
    key="bc_khen_thuong",
    name="BC Khen thưởng",
    role="output",
    title="Danh sách đề nghị Công đoàn cấp trên khen thưởng",
)
REPORT_ARTICLES = Sheet(
    key="bc_tin_bai",
    name="BC Tin bài",
    role="output",
    title="Tổng hợp tin, bài theo cơ quan báo chí",
)
LOG = Sheet(
    key="nhat_ky",
    name="Nhật ký",
    role="output",
    table="tblNhatKy",
    title="Nhật ký các lần chạy",
    columns=(
        C("thoi_diem", "Thời điểm", "datetime", width=20),
        C("thao_tac", "Thao tác", width=18),
        C("ket_qua", "Kết quả", width=50),
        C("so_lieu", "Số liệu", width=40),
        C("tep", "Tệp nguồn", width=30),
        C("bam", "Mã băm", "code", width=18),
        # A consolidation's mark of the rows a file gave its group (see consolidation/unchanged)
        C("dau_du_lieu", "Dấu dữ liệu", "code", width=20),
    ),
)

OUTPUT_SHEETS = (
    CHECKS,
    SCORES,
    SHORTLIST,
    COUNCIL_LIST,
    REPORT_SUMMARY,
    REPORT_WORKS,
    REPORT_AWARDS,
    REPORT_ARTICLES,
    LOG,
)

# Hidden sheet carrying the template version and what kind of workbook this is.
STAMP = Sheet(
    key="dau_moc",
    name="_thidua",
    role="stamp",
    columns=(C("khoa", "khoa", "code"), C("gia_tri", "gia_tri", "code")),
)
