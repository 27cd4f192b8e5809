"""The narrative report in Word (báo cáo sơ kết / tổng kết): read back with python-docx (page,
margins, fonts, the parts of a Nghị định 30 document, the officer's highlighted places, every
figure equal to the report sheet's), and printed through LibreOffice (A4, Times New Roman, page
numbers from the second page, text inside the margins, nothing wrapped in the motto)."""

from __future__ import annotations

import re

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from workbook.reports import FIGURES
from workbook.reports.figures import vn_number
from workbook.results import report_master

from .pdf_tools import convert, fonts, is_a4, is_times, needs_office, read_pdf

MM = 72 / 25.4
MOMENTS = {"so-ket": "1", "tong-ket": "cả năm"}


@pytest.fixture(scope="module")
def written(small_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("word")
    runs = {}
    for name, moment in MOMENTS.items():
        runs[name] = report_master(
            small_master, out=out / f"{name}.xlsx", moment=moment, word=out / f"{name}.docx"
        )
    return out, runs


def text_of(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("name", MOMENTS)
def test_page_margins_and_fonts(written, name):
    out, _ = written
    document = docx.Document(out / f"{name}.docx")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (
        round(section.top_margin.mm),
        round(section.bottom_margin.mm),
        round(section.left_margin.mm),
        round(section.right_margin.mm),
    ) == (20, 20, 30, 15)
    assert section.different_first_page_header_footer  # no number on page 1
    assert document.styles["Normal"].font.name == "Times New Roman"
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    runs += [
        r
        for t in document.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if r.text.strip()
    ]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)


@pytest.mark.parametrize("name", MOMENTS)
def test_parts_of_a_decree_30_report(written, name):
    out, runs = written
    document = docx.Document(out / f"{name}.docx")
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header[0].splitlines()[:2] == [
        "CÔNG ĐOÀN VIÊN CHỨC TỈNH LẠNG SƠN",
        "CÔNG ĐOÀN CƠ SỞ SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
    ]
    assert "Số:" in header[0] and "/BC-CĐCS" in header[0]
    assert header[1].splitlines()[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    day = runs[name].result.day
    assert f"Lạng Sơn, ngày {day.day:02d} tháng" in header[1]
    text = text_of(document)
    label = runs[name].result.moment["label"]
    for part in [
        "BÁO CÁO",
        label[0].upper() + label[1:],
        "I. KẾT QUẢ THỰC HIỆN",
        "II. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Tồn tại, hạn chế",
        "3. Nguyên nhân",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "Nơi nhận:",
        "- Đảng ủy Sở (b/c);",
        "- Lưu: VT, CĐ.",
        "TM. BAN CHẤP HÀNH",
        "PHÓ CHỦ TỊCH",
        "Phí Xuân Trường",
    ]:
        assert part in text, part
    assert ("5. Công tác khen thưởng" in text) == (name == "tong-ket")
    assert "bộ quy tắc" not in text


@pytest.mark.parametrize("name", MOMENTS)
def test_officer_places_are_highlighted_and_bracketed(written, name):
    out, _ = written
    document = docx.Document(out / f"{name}.docx")
    marked = [
        r.text
        for p in document.paragraphs
        for r in p.runs
        if r.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert len(marked) >= 5 and all(t.startswith("[") and t.endswith("]") for t in marked)
    assert any("nguyên nhân" in t for t in marked)


@pytest.mark.parametrize("name", MOMENTS)
def test_every_figure_equals_the_report_sheet(written, name):
    out, runs = written
    f = runs[name].result.figures
    text = " ".join(text_of(docx.Document(out / f"{name}.docx")).split())
    n = lambda k: vn_number(f[k])  # noqa: E731
    sentences = [
        f"có {n('so_to')} tổ công đoàn với {n('so_doan_vien')} đoàn viên",
        f"Có {n('dk_ca_nhan')}/{n('so_doan_vien')} đoàn viên",
        f"và {n('dk_tap_the')}/{n('so_to')} tổ công đoàn đăng ký thi đua",
        f"{n('dk_ldtt')} đoàn viên đăng ký danh hiệu “Lao động tiên tiến”",
        f"{n('dk_cstdcs')} đoàn viên đăng ký danh hiệu “Chiến sĩ thi đua cơ sở”",
        f"Có {n('sang_kien')} sáng kiến được công nhận",
        f"thực hiện {n('cong_trinh')} công trình, sản phẩm, phần việc",
        f"đề nghị gắn biển {n('de_nghi_gan_bien')} công trình",
        f"Đoàn viên có {n('tin_bai')} tin, bài",
    ]
    if name == "tong-ket":  # the upper union's share: the report's award list
        sentences.append(
            f"đề nghị Công đoàn Viên chức tỉnh Lạng Sơn xét {n('de_nghi_khen_thuong')} lượt"
        )
        # the next year's tasks start from this year's figures
        sentences.append("Phát động phong trào thi đua năm 2024 ngay từ đầu năm")
        sentences.append(
            f"Duy trì phong trào sáng kiến ({n('sang_kien')} sáng kiến được công nhận năm 2023)"
        )
        missing = f["so_doan_vien"] - f["dk_ca_nhan"]
        if missing:
            sentences.append(f"Vận động {vn_number(missing)} đoàn viên chưa đăng ký năm 2023")
    for sentence in sentences:
        assert sentence in text, sentence
    # …and the sheet prints the same numbers.
    from openpyxl import load_workbook

    rows = [
        [c.value for c in r] for r in load_workbook(out / f"{name}.xlsx")["BC Tổng hợp"].iter_rows()
    ]
    printed = {r[1]: r[2] for r in rows if len(r) > 2 and isinstance(r[1], str)}
    assert all(printed[fig.label] == f[fig.key] for fig in FIGURES)


@needs_office
def test_printed_word_reports(written):
    out, _ = written
    pdfs = convert([out / f"{name}.docx" for name in MOMENTS], out)
    for pdf in pdfs:
        pages = read_pdf(pdf)
        assert 2 <= len(pages) <= 5
        assert all(is_a4(p) for p in pages)
        assert all(is_times(f) for f in fonts(pdf))
        assert not re.search(r"^\s*1\s*$", pages[0].text.split("\n", 3)[0])
        for i, page in enumerate(pages[1:], start=2):
            top = min(page.words, key=lambda w: w.y0)
            assert top.text == str(i) and top.y0 < 20 * MM  # in the top margin
        for page in pages:
            body = [w for w in page.words if w.y0 > 20 * MM]
            assert all(w.x0 >= 30 * MM - 1 and w.x1 <= page.width - 15 * MM + 1 for w in body)
        motto = pages[0].phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        assert motto and len({round(w.y0) for w in motto}) == 1  # one line, not wrapped
        assert not pages[0].collisions(motto)


def test_the_year_quotes_the_official_annual_ratings(written):
    """Xếp loại năm as the agency entered it (3 HTXSNV, 6 HTTNV, 1 HTNV), not union points."""
    out, _ = written
    text = " ".join(text_of(docx.Document(out / "tong-ket.docx")).split())
    assert (
        "Kết quả đánh giá, xếp loại chất lượng năm 2023 của đoàn viên: 3 hoàn thành xuất "
        "sắc nhiệm vụ, 6 hoàn thành tốt nhiệm vụ, 1 hoàn thành nhiệm vụ."
    ) in text
    soket = " ".join(text_of(docx.Document(out / "so-ket.docx")).split())
    assert "Kết quả đánh giá đoàn viên Đợt 1:" in soket


def test_a_second_run_keeps_the_word_report_the_officer_wrote_in(small_master, tmp_path):
    from click.testing import CliRunner

    from cli.main import cli

    word = tmp_path / "bao-cao.docx"
    args = [
        "report",
        str(small_master),
        "--out",
        str(tmp_path / "bao-cao.xlsx"),
        "--word",
        str(word),
    ]
    assert CliRunner().invoke(cli, args).exit_code in (0, 1)
    edited = docx.Document(str(word))
    edited.add_paragraph("Ý kiến của Ban Chấp hành viết tay")
    edited.save(str(word))
    again = CliRunner().invoke(cli, args)
    docx_backups = [
        line
        for line in again.output.splitlines()
        if line.startswith("Bản trước được sao lưu tại") and line.endswith(".docx.")
    ]
    assert len(docx_backups) == 1, again.output
    kept = docx_backups[0].removeprefix("Bản trước được sao lưu tại ").removesuffix(".")
    assert "Ý kiến của Ban Chấp hành viết tay" in text_of(docx.Document(kept))
