"""The BC sheets render: LibreOffice (headless) prints each to PDF; the title, the table headers
and the signature block are on the page, on the expected number of A4 pages.

Skipped when LibreOffice or pdftotext is absent (CI installs both).
"""
import datetime as dt
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from tests.scoring.small_campaign import build_small_master
from tests.shortlist.conftest import with_quotas
from workbook.layout import new_workbook
from workbook.reading import read_workbook
from workbook.reports import report_context, save_report
from workbook.reports.lists import write_council_list
from workbook.results import report_master
from workbook.scoring import prepare, score_campaign
from workbook.shortlist import make_shortlist

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT, PDFINFO = shutil.which("pdftotext"), shutil.which("pdfinfo")
needs_office = pytest.mark.skipif(not (SOFFICE and PDFTOTEXT and PDFINFO),
                                  reason="LibreOffice or poppler-utils not installed")
DAY = dt.date(2024, 1, 5)
HEADER = ["CÔNG ĐOÀN VIÊN CHỨC TỈNH LẠNG SƠN", "CÔNG ĐOÀN CƠ SỞ SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Lạng Sơn, ngày 05 tháng 01 năm 2024"]
SIGNATURE = ["Nơi nhận:", "TM. BAN CHẤP HÀNH", "PHÓ CHỦ TỊCH", "Phí Xuân Trường"]

# sheet key, pages, title and table header words expected on the page
SHEETS = [
    ("bc_tong_hop", 3, ["BÁO CÁO", "Tổng hợp kết quả phong trào thi đua",
                        "I. KẾT QUẢ THEO ĐỢT VÀ TỔ CÔNG ĐOÀN", "Tỷ lệ tham", "Tổ A",
                        "II. ĐĂNG KÝ THI ĐUA THEO PHONG TRÀO",
                        "III. CÔNG TRÌNH, SẢN PHẨM THEO TRẠNG THÁI VÀ CẤP GẮN BIỂN",
                        "Điểm thi đua cả năm theo tổ"]),
    ("bc_cong_trinh", 1, ["DANH SÁCH CÔNG TRÌNH, SẢN PHẨM, PHẦN VIỆC ĐỀ NGHỊ GẮN BIỂN",
                          "Cải tạo khuôn viên trụ sở", "Giá trị (đồng)", "Cấp gắn biển"]),
    ("bc_khen_thuong", 1, ["DANH SÁCH ĐỀ NGHỊ CÔNG ĐOÀN VIÊN CHỨC TỈNH LẠNG SƠN KHEN THƯỞNG",
                           "STT", "Họ và tên", "Giới", "Ngày sinh", "Chức vụ", "Đơn vị",
                           "Danh hiệu / hình thức", "Tóm tắt thành tích", "Ghi chú",
                           "I. GIẤY KHEN CỦA CÔNG ĐOÀN VIÊN CHỨC TỈNH: 3 người",
                           "II. BẰNG KHEN CỦA LIÊN ĐOÀN LAO ĐỘNG TỈNH: 1 người", "Vi Thị Hoa"]),
    ("bc_tin_bai", 1, ["Tin, bài tuyên truyền theo cơ quan báo chí", "Cơ quan báo chí",
                       "Báo Lao động", "Tin, bài theo cấp cơ quan báo chí"]),
]


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    master = with_quotas(build_small_master(tmp_path_factory.mktemp("m") / "so.xlsx"),
                         GKCQ="2", GKCT="3", BKLD="1")
    inp = prepare(read_workbook(master))
    scores = score_campaign(inp)
    return report_context(inp, scores, make_shortlist(inp, scores), DAY)


def to_pdf(xlsx, outdir, profile):
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(outdir), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    pdf = outdir / (xlsx.stem + ".pdf")
    pages = int(next(line.split()[-1] for line in subprocess.run(
        [PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return pages, text


@needs_office
@pytest.mark.parametrize("key, pages, words", SHEETS, ids=[s[0] for s in SHEETS])
def test_report_sheet_prints_as_a_union_document(context, tmp_path, key, pages, words):
    xlsx = tmp_path / f"{key}.xlsx"
    save_report(context, xlsx, keys=(key,))
    got_pages, text = to_pdf(xlsx, tmp_path, tmp_path / "profile")
    assert got_pages == pages
    pages_text = [" ".join(p.split()) for p in text.split("\f") if p.strip()]
    for line in HEADER:  # a long union name may wrap onto two lines of its block
        assert line in pages_text[0] or " ".join(line.split()[:4]) in pages_text[0], line
    for line in SIGNATURE:
        assert line in pages_text[-1], line
    flat = " ".join(text.split())
    for word in words:
        assert word in flat, word


def test_page_setup_is_a4_with_decree_30_margins(context, tmp_path):
    save_report(context, tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == ["BC Tổng hợp", "BC Công trình", "BC Khen thưởng", "BC Tin bài"]
    for ws in wb:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert round(ws.page_margins.left * 25.4) == 30
        assert round(ws.page_margins.right * 25.4) == 15
        assert ws["A1"].font.name == "Times New Roman"
    assert len(wb["BC Tổng hợp"]._charts) == 1 and len(wb["BC Tin bài"]._charts) == 1


def _list_rows(ws):
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = next(r for r in rows if r[0] == "STT")
    assert header == ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Tổ", "Đơn vị",
                      "Danh hiệu / hình thức", "Tóm tắt thành tích", "Ghi chú"]
    return rows[rows.index(header) + 1:]


def test_upper_union_list_carries_union_awards_only(context, tmp_path):
    save_report(context, tmp_path / "r.xlsx", keys=("bc_khen_thuong",))
    rows = _list_rows(load_workbook(tmp_path / "r.xlsx")["BC Khen thưởng"])
    assert rows[0][0] == "I. GIẤY KHEN CỦA CÔNG ĐOÀN VIÊN CHỨC TỈNH: 3 người"
    # tên first: An, Bình, Đức (B1 Hoa is proposed for the Bằng khen, one form per person)
    assert [r[1] for r in rows[1:4]] == ["Nguyễn Văn An", "Trần Thị Bình", "Hoàng Văn Đức"]
    assert rows[4][0] == "II. BẰNG KHEN CỦA LIÊN ĐOÀN LAO ĐỘNG TỈNH: 1 người"
    assert rows[5][1] == "Vi Thị Hoa" and rows[5][9] == ("Liên đoàn Lao động tỉnh Lạng Sơn "
                                                         "quyết định")
    awards = {r[7] for r in rows if isinstance(r[0], int)}
    assert awards == {"Giấy khen của Công đoàn Viên chức tỉnh",
                      "Bằng khen của Liên đoàn Lao động tỉnh"}


def test_council_list_carries_state_awards_and_departments(context, tmp_path):
    wb = new_workbook()
    write_council_list(wb.create_sheet("Trình Hội đồng TĐKT"), context)
    rows = _list_rows(wb["Trình Hội đồng TĐKT"])
    assert rows[0][0] == "I. LAO ĐỘNG TIÊN TIẾN: 7 người"
    # tên first: An, Bình, Hà, Hải, Hoa, Khánh, Lan
    assert [r[1] for r in rows[1:8]] == ["Nguyễn Văn An", "Trần Thị Bình", "Lương Thị Hà",
                                         "Nông Văn Hải", "Vi Thị Hoa", "Chu Văn Khánh",
                                         "Lộc Thị Lan"]
    sections = [r[0] for r in rows if isinstance(r[0], str) and ". " in r[0][:5]]
    assert sections == ["I. LAO ĐỘNG TIÊN TIẾN: 7 người", "II. CHIẾN SĨ THI ĐUA CƠ SỞ: 1 người",
                        "III. TẬP THỂ LAO ĐỘNG TIÊN TIẾN: 1 tập thể",
                        "IV. TẬP THỂ LAO ĐỘNG XUẤT SẮC: 1 tập thể",
                        "V. GIẤY KHEN CỦA GIÁM ĐỐC SỞ: 2 người"]
    units = [r for r in rows if isinstance(r[0], int) and r[7] == "Tập thể lao động xuất sắc"]
    assert units[0][1] == "Phòng Đầu tư"
    assert units[0][9] == "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn quyết định"
    text = " ".join(str(c.value) for r in wb["Trình Hội đồng TĐKT"].iter_rows() for c in r
                    if c.value)
    assert "Hội đồng Thi đua – Khen thưởng Sở Kế hoạch và Đầu tư (để xét)" in text


def test_report_into_the_master_output_sheets_only(tmp_path):
    master = with_quotas(build_small_master(tmp_path / "so.xlsx"), GKCT="3", BKLD="1")
    before = load_workbook(master)
    kept = [[c.value for c in r] for r in before["Kết quả"].iter_rows()]
    run = report_master(master, day=DAY)
    after = load_workbook(master)
    assert [[c.value for c in r] for r in after["Kết quả"].iter_rows()] == kept
    assert after["BC Khen thưởng"].protection.sheet
    assert run.backup is not None and run.backup.exists()
    assert run.result.proposed == 4  # to the upper union: 3 Giấy khen CĐVC tỉnh, 1 Bằng khen
