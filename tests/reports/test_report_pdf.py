"""The report sheets as printed: LibreOffice (headless) prints each report file to PDF and the
pages are read back (text per page, page size, fonts, word boxes).

Checked on the small campaign (sơ kết Đợt 1 and tổng kết) and on a wide one (40 groups, 170
proposals: tables run over several pages): A4, Times New Roman, page numbers; the pages are the
sheet's own breaks (the printer adds none); a table's header on every page it continues on; a
chart whole on one page; the motto block neither clipped nor overlapping; annexes "Kèm theo Báo
cáo số …"; Nơi nhận from the campaign data; no internal notes on the pages.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from openpyxl import load_workbook

from workbook import schema
from workbook.reports import FIGURES, REPORT_SHEETS
from workbook.results import report_master

from .pdf_tools import convert, fonts, is_a4, is_times, needs_office, read_pdf

MM = 72 / 25.4
HEADER = [
    "CÔNG ĐOÀN VIÊN CHỨC TỈNH LẠNG SƠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]
SIGNER = ["TM. BAN CHẤP HÀNH", "PHÓ CHỦ TỊCH", "Phí Xuân Trường"]
RECIPIENTS = [
    "Nơi nhận:",
    "- Đảng ủy Sở (b/c);",
    "- Công đoàn viên chức tỉnh (b/c);",
    "- Các tổ công đoàn;",
    "- Lưu: VT, CĐ.",
]
INTERNAL = ["bộ quy tắc", "dòng dữ liệu có lỗi", "Kiểm tra", "Column", "Series"]
CASES = {  # name: (master fixture, moment)
    "small-so-ket": ("small_master", "1"),
    "small-tong-ket": ("small_master", "cả năm"),
    "wide-tong-ket": ("wide_master", None),
}


@pytest.fixture(scope="module")
def printed(request, tmp_path_factory):
    """{case: (run, {sheet name: [pages]})}, all files printed in one LibreOffice run."""
    out = tmp_path_factory.mktemp("printed")
    runs, files = {}, []
    for case, (fixture, moment) in CASES.items():
        master = request.getfixturevalue(fixture)
        # One row left out as if validation had found an error in it (its note stays off).
        runs[case] = report_master(
            master, out=out / f"{case}.xlsx", moment=moment, excluded={("ket_qua", 3): "Lỗi thử"}
        )
        files.append(out / f"{case}.xlsx")
    pdfs = convert(files, out)
    result = {}
    for case, xlsx, pdf in zip(CASES, files, pdfs):
        pages = read_pdf(pdf)
        wb = load_workbook(xlsx)
        by_sheet, at = {}, 0
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            count = len(ws.row_breaks.brk) + 1
            by_sheet[ws.title] = pages[at : at + count]
            at += count
        assert at == len(pages), f"{case}: the printer added page breaks of its own"
        result[case] = (runs[case], by_sheet, pdf, xlsx)
    return result


def all_pages(printed, case):
    return [p for pages in printed[case][1].values() for p in pages]


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_a4_times_new_roman_page_numbers(printed, case):
    pages = all_pages(printed, case)
    assert all(is_a4(p) for p in pages)
    assert fonts(printed[case][2]) and all(is_times(f) for f in fonts(printed[case][2]))
    for i, page in enumerate(pages, start=1):
        assert f"Trang {i}/{len(pages)}" in page.flat


@needs_office
def test_soket_has_three_sheets_and_the_year_four(printed):
    assert list(printed["small-so-ket"][1]) == ["BC Tổng hợp", "BC Công trình", "BC Tin bài"]
    assert list(printed["small-tong-ket"][1]) == [schema.sheet(k).name for k in REPORT_SHEETS]


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_header_blocks_whole_and_apart(printed, case):
    """On each sheet's first page the union names and the motto are printed whole, inside the
    margins, and no word of one block touches the other (LibreOffice clips, never wraps, an
    overflowing merged cell: its words would overlap the neighbour's)."""
    for name, pages in printed[case][1].items():
        page = pages[0]
        for phrase in HEADER:
            words = page.phrase(phrase)
            assert words, (name, phrase)
            left, right = 30 * MM - 2, page.width - 15 * MM + 2
            assert all(left <= w.x0 and w.x1 <= right for w in words), (name, phrase)
            assert not page.collisions(words), (name, phrase)


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_report_and_annexes_numbered_as_decree_30(printed, case):
    run, sheets, _, _ = printed[case]
    day = run.result.day.strftime("%d/%m/%Y")
    first = sheets["BC Tổng hợp"][0].flat
    assert "Số: /BC-CĐCS" in first and f"ngày {run.result.day.day:02d} tháng" in first
    assert "BÁO CÁO" in first
    label = run.result.moment["label"]
    assert label[0].upper() + label[1:] in first
    for number, name in enumerate(list(sheets)[1:], start=1):
        text = " ".join(p.flat for p in sheets[name])
        assert f"Phụ lục {number}" in text
        assert f"(Kèm theo Báo cáo số /BC-CĐCS ngày {day} của Ban Chấp hành" in text
        assert "Số:" not in text and "Nơi nhận" not in text
        assert all(s in sheets[name][-1].flat for s in SIGNER)


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_recipients_from_the_campaign_and_signature_not_alone(printed, case):
    last = printed[case][1]["BC Tổng hợp"][-1]
    for line in [*RECIPIENTS, *SIGNER]:
        assert line in last.flat, line
    assert "Cộng" in last.flat  # the signature shares its page with the report's last table


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_internal_notes_stay_off_the_pages(printed, case):
    run = printed[case][0]
    text = " ".join(p.flat for p in all_pages(printed, case))
    for phrase in INTERNAL:
        assert phrase not in text, phrase
    assert any("bộ quy tắc" in n for n in run.result.notes)  # the officer is told
    assert any("Bỏ qua 1 dòng có lỗi" in n for n in run.result.notes)


@needs_office
def test_table_header_on_every_page_it_continues_on(printed):
    sheets = printed["wide-tong-ket"][1]
    awards = sheets["BC Khen thưởng"]
    assert len(awards) > 3
    for page in awards:
        assert "Họ và tên" in page.flat and "Tóm tắt thành tích" in page.flat
    summary = [
        p
        for p in sheets["BC Tổng hợp"]
        if re.search(r"Tổ công đoàn số \d\d \d+ \d+ [\d.,]+", p.flat)
    ]
    assert len(summary) >= 2  # the group table runs over two pages
    for page in summary:
        assert "Tỷ lệ tham" in page.flat and "Xếp loại" in page.flat


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_charts_whole_on_one_page_with_named_series(printed, case):
    run, sheets, _, xlsx = printed[case]
    when = "cả năm" if run.result.moment["kind"] == "tổng kết" else "Đợt 1"
    title = f"Điểm thi đua {when} của các tổ công đoàn"
    chart_pages = [p for p in sheets["BC Tổng hợp"] if title in p.flat]
    assert len(chart_pages) == 1
    groups = 40 if case.startswith("wide") else 2
    labels = [w for w in chart_pages[0].words if w.text in ("số", "Tổ")]
    assert len(labels) >= groups  # every bar's label on the chart's page
    pie = [p for p in sheets["BC Tin bài"] if "Tin, bài theo cấp cơ quan báo chí" in p.flat]
    assert len(pie) == 1 and "%" in pie[0].flat
    with zipfile.ZipFile(xlsx) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2
        for name in charts:
            root = etree.fromstring(zf.read(name))
            series = root.findall(".//{*}ser")
            assert series and all(s.find("{*}tx//{*}v") is not None for s in series)
            fonts_used = {e.get("typeface") for e in root.iter("{*}latin")}
            assert fonts_used == {"Times New Roman"}


@needs_office
def test_figures_printed_equal_the_result(printed):
    for case in CASES:
        run, sheets, _, _ = printed[case]
        text = " ".join(p.flat for p in sheets["BC Tổng hợp"])
        for f in FIGURES:
            label, value = f.label, run.result.figures[f.key]
            assert re.search(rf"\d+ {re.escape(label)} {value:,}".replace(",", r"[.,]"), text), (
                case,
                label,
                value,
            )
