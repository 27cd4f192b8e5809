"""The report's sheets cell by cell (no printing): which sheets each moment carries, the
standard figures of the small campaign counted by hand, the award list's layout, the page
set-up, the master's output sheets, and the CLI's --json equal to the library's result."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from cli.main import cli
from workbook.reading import read_workbook
from workbook.reports import FIGURES
from workbook.results import report_master, report_outputs

D = dt.date
SO_KET = {
    "so_to": 2,
    "so_doan_vien": 10,
    "dk_ca_nhan": 9,
    "dk_tap_the": 1,
    "dk_ldtt": 9,
    "dk_cstdcs": 0,
    "cong_trinh": 3,
    "de_nghi_gan_bien": 1,
    "sang_kien": 11,
    "tin_bai": 4,
    "de_nghi_khen_thuong": 0,
}
# The year: Đợt 2's five initiatives; the award list carries the union awards proposed to the
# upper union: 3 Giấy khen of Công đoàn Viên chức tỉnh and 1 Bằng khen of LĐLĐ tỉnh (the state
# titles go to the agency's council, not upward).
TONG_KET = {**SO_KET, "sang_kien": 16, "de_nghi_khen_thuong": 4}


def rows_of(path, sheet):
    return [[c.value for c in r] for r in load_workbook(path)[sheet].iter_rows()]


def figure_table(rows):
    """{label: number} of the 'Số liệu chung' table of a BC Tổng hợp sheet."""
    labels = {f.label for f in FIGURES}
    return {r[1]: r[2] for r in rows if len(r) > 2 and r[1] in labels}


@pytest.mark.parametrize(
    "moment, expected, sheets",
    [
        ("1", SO_KET, ["BC Tổng hợp", "BC Công trình", "BC Tin bài"]),
        ("cả năm", TONG_KET, ["BC Tổng hợp", "BC Công trình", "BC Khen thưởng", "BC Tin bài"]),
    ],
)
def test_figures_of_each_moment_counted_by_hand(small_master, tmp_path, moment, expected, sheets):
    out = tmp_path / "bc.xlsx"
    run = report_master(small_master, out=out, moment=moment)
    assert run.result.figures == expected
    wb = load_workbook(out)
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == sheets
    printed = figure_table(rows_of(out, "BC Tổng hợp"))
    assert printed == {f.label: expected[f.key] for f in FIGURES}


def test_report_date_is_the_plans_reporting_day_unless_given(small_master, tmp_path):
    data = read_workbook(small_master)
    assert report_outputs(data, moment="1").result.day == D(2023, 7, 5)
    assert report_outputs(data, moment="cả năm").result.day == D(2024, 1, 5)
    assert report_outputs(data, moment="1", day=D(2023, 7, 3)).result.day == D(2023, 7, 3)
    rows = rows_of(_saved(small_master, tmp_path, "1", D(2023, 7, 3)), "BC Tổng hợp")
    assert "Lạng Sơn, ngày 03 tháng 7 năm 2023" in [c for r in rows for c in r]


def _saved(master, tmp_path, moment, day=None):
    out = tmp_path / f"bc-{moment}.xlsx"
    report_master(master, out=out, moment=moment, day=day)
    return out


def test_page_setup_is_a4_with_decree_30_margins_and_page_numbers(small_master, tmp_path):
    wb = load_workbook(_saved(small_master, tmp_path, "cả năm"))
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert (
            round(ws.page_margins.left * 25.4),
            round(ws.page_margins.right * 25.4),
            round(ws.page_margins.top * 25.4),
            round(ws.page_margins.bottom * 25.4),
        ) == (30, 15, 20, 20)
        assert ws["A1"].font.name == "Times New Roman"
        assert ws.oddFooter.center.text == "Trang &P/&N"
    assert len(wb["BC Tổng hợp"]._charts) == 1 and len(wb["BC Tin bài"]._charts) == 1


def _list_rows(rows):
    header = next(r for r in rows if r[0] == "STT")
    assert header == [
        "STT",
        "Họ và tên",
        "Giới tính",
        "Ngày sinh",
        "Chức vụ",
        "Tổ",
        "Đơn vị",
        "Danh hiệu / hình thức",
        "Tóm tắt thành tích",
        "Ghi chú",
    ]
    return rows[rows.index(header) + 1 :]


def test_award_list_carries_union_awards_only_as_an_annex(small_master, tmp_path):
    rows = rows_of(_saved(small_master, tmp_path, "cả năm"), "BC Khen thưởng")
    assert any("Kèm theo Báo cáo số" in str(c) for r in rows for c in r)
    body = _list_rows(rows)
    assert body[0][0] == "I. GIẤY KHEN CỦA CÔNG ĐOÀN VIÊN CHỨC TỈNH: 3 người"
    # tên first: An, Bình, Đức (B1 Hoa is proposed for the Bằng khen, one form per person)
    assert [r[1] for r in body[1:4]] == ["Nguyễn Văn An", "Trần Thị Bình", "Hoàng Văn Đức"]
    assert body[4][0] == "II. BẰNG KHEN CỦA LIÊN ĐOÀN LAO ĐỘNG TỈNH: 1 người"
    assert body[5][1] == "Vi Thị Hoa"
    assert body[5][9] == "Liên đoàn Lao động tỉnh Lạng Sơn quyết định"
    assert {r[7] for r in body if isinstance(r[0], int)} == {
        "Giấy khen của Công đoàn Viên chức tỉnh",
        "Bằng khen của Liên đoàn Lao động tỉnh",
    }
    # the union's own rules, named as the basis (reviewed 28/12/2023: QĐ 1689)
    assert [
        "Căn cứ: Quy chế khen thưởng của tổ chức Công đoàn (Quyết định 1689/QĐ-TLĐ); xét "
        "ngày 28/12/2023."
    ] in [[c for c in r if c] for r in rows]


def test_council_list_carries_state_awards_and_departments(small_master, tmp_path):
    from workbook.layout import new_workbook
    from workbook.reports.lists import write_council_list

    data = read_workbook(small_master)
    rc = report_outputs(data, moment="cả năm").context
    wb = new_workbook()
    write_council_list(wb.create_sheet("Trình Hội đồng TĐKT"), rc)
    rows = [[c.value for c in r] for r in wb["Trình Hội đồng TĐKT"].iter_rows()]
    body = _list_rows(rows)
    sections = [r[0] for r in body if isinstance(r[0], str) and ". " in r[0][:5]]
    assert sections == [
        "I. LAO ĐỘNG TIÊN TIẾN: 7 người",
        "II. CHIẾN SĨ THI ĐUA CƠ SỞ: 1 người",
        "III. TẬP THỂ LAO ĐỘNG TIÊN TIẾN: 1 tập thể",
        "IV. TẬP THỂ LAO ĐỘNG XUẤT SẮC: 1 tập thể",
        "V. GIẤY KHEN CỦA GIÁM ĐỐC SỞ: 2 người",
    ]
    # tên first: An, Bình, Hà, Hải, Hoa, Khánh, Lan
    assert [r[1] for r in body[1:8]] == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lương Thị Hà",
        "Nông Văn Hải",
        "Vi Thị Hoa",
        "Chu Văn Khánh",
        "Lộc Thị Lan",
    ]
    units = [r for r in body if isinstance(r[0], int) and r[7] == "Tập thể lao động xuất sắc"]
    assert units[0][1] == "Phòng Đầu tư"
    assert units[0][9] == "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn quyết định"
    text = " ".join(str(c) for r in rows for c in r if c)
    assert "Kèm theo Tờ trình số" in text and "Hội đồng Thi đua – Khen thưởng" in text
    assert (
        "Căn cứ: Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP; "
        "xét ngày 28/12/2023."
    ) in text


def test_report_into_the_master_output_sheets_only(small_master, tmp_path):
    master = shutil.copy(small_master, tmp_path / "so.xlsx")
    kept = rows_of(master, "Kết quả")
    run = report_master(master, moment="1")
    assert rows_of(master, "Kết quả") == kept
    wb = load_workbook(master)
    assert wb["BC Khen thưởng"].protection.sheet
    awards = [c for r in rows_of(master, "BC Khen thưởng") for c in r if c]
    assert any("không kèm danh sách đề nghị khen thưởng" in str(c) for c in awards)
    assert run.backup is not None and run.backup.exists()
    log = rows_of(master, "Nhật ký")[-1]
    assert log[1] == "Báo cáo cấp trên" and log[3].startswith("sơ kết Đợt 1")


def test_cli_json_equals_the_library(small_master, tmp_path):
    (tmp_path / "cli").mkdir()
    (tmp_path / "lib").mkdir()
    got = CliRunner().invoke(
        cli,
        [
            "report",
            str(small_master),
            "--dot",
            "1",
            "--out",
            str(tmp_path / "cli" / "bc.xlsx"),
            "--json",
        ],
    )
    assert got.exit_code == 0, got.output
    library = report_master(small_master, out=tmp_path / "lib" / "bc.xlsx", moment="1")
    from_cli = json.loads(got.output)
    expected = json.loads(json.dumps(library.to_dict(), default=str).replace("/lib/", "/cli/"))
    assert from_cli == expected


def test_cli_says_what_the_pages_do_not(small_master, tmp_path):
    got = CliRunner().invoke(
        cli, ["report", str(small_master), "--dot", "2", "--out", str(tmp_path / "r.xlsx")]
    )
    assert got.exit_code == 0
    assert "Lập báo cáo sơ kết Đợt 2" in got.output and "bộ quy tắc 2023" in got.output


def test_unknown_phase_is_a_clear_message_and_exit_2(small_master):
    got = CliRunner().invoke(cli, ["report", str(small_master), "--dot", "7"])
    assert got.exit_code == 2 and "Không có đợt '7'" in got.output
    assert "Traceback" not in got.output


def test_section_numbers_never_wrap():
    from workbook.reports.wording import roman

    assert [roman(n) for n in (1, 4, 9, 12, 13, 14, 19, 40, 90)] == [
        "I",
        "IV",
        "IX",
        "XII",
        "XIII",
        "XIV",
        "XIX",
        "XL",
        "XC",
    ]


def test_recipients_from_cau_hinh_or_the_upper_union():
    from workbook.reports.wording import recipients

    plan = {"noi_nhan": "Đảng ủy Sở (b/c); Công đoàn viên chức tỉnh (b/c);\nLưu: VT, CĐ."}
    assert recipients(plan) == [
        "- Đảng ủy Sở (b/c);",
        "- Công đoàn viên chức tỉnh (b/c);",
        "- Lưu: VT, CĐ.",
    ]
    older = {"cong_doan_cap_tren": "Công đoàn Viên chức tỉnh Lạng Sơn"}  # a master before it
    assert recipients(older) == ["- Công đoàn Viên chức tỉnh Lạng Sơn (b/c);", "- Lưu: VT."]


def test_articles_annex_prints_as_wide_in_every_moment_and_keeps_its_pie_on_one_page(
    filled_master, tmp_path
):
    # the demo's outlets: a sơ kết (one phase column fewer) used to print larger than the
    # tổng kết, pushing its pie and signer alone onto a second page
    sheets = {}
    for moment in ("1", "cả năm"):
        out = tmp_path / f"bao-cao-{moment}.xlsx"
        report_master(filled_master, out=out, moment=moment)
        sheets[moment] = load_workbook(out)["BC Tin bài"]
    widths = {}
    for m, ws in sheets.items():
        last = column_index_from_string(ws.print_area.split(":")[-1].split("$")[1])
        widths[m] = sum(
            ws.column_dimensions[get_column_letter(i)].width for i in range(1, last + 1)
        )
    assert widths["1"] == widths["cả năm"]
    assert [len(ws.row_breaks.brk) for ws in sheets.values()] == [0, 0]
