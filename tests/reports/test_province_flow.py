"""The CĐCS → upper union flow closed: demo CĐCSs each produce their report file, the upper
union consolidates what they send (report files, a master, an earlier one-line sheet), and
its totals equal the sum of the CĐCS reports; a CĐCS sending twice counts once (the later),
another moment's report and broken files are set aside, the CĐCSs missing are listed."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import zipfile

import pytest
import xlsxwriter
from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from workbook.campaign import load_campaign
from workbook.consolidation.summaries import (
    COUNT_KEYS,
    NAME_KEY,
    OUT_SHEET,
    REPORT_SHEET,
    SUMMARY_COLUMNS,
    consolidate_summaries,
)
from workbook.demo_data import demo_group_data, demo_setup, demo_titles
from workbook.master import init_master
from workbook.reports import FIGURES
from workbook.results import report_master
from workbook.writing import fill_tables

D = dt.date
UNITS = {  # CĐCS name: demo seed
    "Công đoàn cơ sở Sở Kế hoạch và Đầu tư": 45,
    "Công đoàn cơ sở Sở Y tế": 46,
    "Công đoàn cơ sở Sở Tài chính": 47,
}
EXPECTED = [*UNITS, "CĐCS Sở Xây dựng"]


def demo_cdcs(path, name: str, seed: int):
    """A CĐCS master like the demo's, with its own name and its own data."""
    campaign = copy.deepcopy(load_campaign())
    campaign.config["ten_cong_doan"] = name
    setup = demo_setup(seed)
    init_master(
        path, campaign, extra={**setup, "danh_hieu": demo_titles(campaign.rows("danh_hieu"))}
    )
    by_group, _ = demo_group_data(setup, seed)
    fill_tables(
        path,
        {
            k: [r for g in sorted(by_group) for r in by_group[g][k]]
            for k in ("dang_ky", "cong_trinh", "ket_qua", "tin_bai")
        },
    )
    return path


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """Masters of three CĐCSs and the folder of what they sent."""
    base = tmp_path_factory.mktemp("province")
    sent = base / "bao-cao-cdcs"
    sent.mkdir()
    masters, reports = {}, {}
    for i, (name, seed) in enumerate(UNITS.items(), start=1):
        masters[name] = demo_cdcs(base / f"so-{i}.xlsx", name, seed)
        run = report_master(masters[name], out=sent / f"BC-tong-ket-{i}.xlsx", moment="cả năm")
        reports[name] = run.result
    first = next(iter(UNITS))
    # The first CĐCS also sent its sơ kết, and its tổng kết a first time with an earlier date.
    report_master(masters[first], out=sent / "BC-so-ket-1.xlsx", moment="1")
    report_master(
        masters[first],
        out=sent / "BC-tong-ket-1-ban-nhap.xlsx",
        moment="cả năm",
        day=D(2023, 12, 20),
    )
    (sent / "hong.xlsx").write_bytes(b"not a workbook")
    listing = base / "danh-sach.txt"
    listing.write_text("Công đoàn cơ sở\n" + "\n".join(EXPECTED) + "\n", encoding="utf-8")
    return base, sent, masters, reports, listing


def test_totals_equal_the_sum_of_the_cdcs_reports(province):
    base, sent, _, reports, listing = province
    result = consolidate_summaries(base / "tinh.xlsx", [sent], expected=listing, force=True)
    assert result.moment == "Cả năm"
    assert sorted(r[NAME_KEY] for r in result.rows) == sorted(UNITS)
    for key in COUNT_KEYS:
        assert result.totals[key] == sum(r.figures[key] for r in reports.values()), key
    assert all(r.figures["de_nghi_khen_thuong"] for r in reports.values())  # not all zeros
    for row in result.rows:
        assert {k: row[k] for k in COUNT_KEYS} == reports[row[NAME_KEY]].figures
    assert result.missing == ["CĐCS Sở Xây dựng"] and result.exit_code == 1
    assert sorted(s.code for s in result.set_aside) == ["corrupt", "other-moment"]
    (replaced,) = result.replaced
    assert replaced.kept.name == "BC-tong-ket-1.xlsx"  # dated 05/01/2024, after 20/12/2023
    assert replaced.dropped.name == "BC-tong-ket-1-ban-nhap.xlsx"


def test_the_workbook_written_for_the_upper_union(province):
    base, sent, _, reports, listing = province
    result = consolidate_summaries(base / "tinh-2.xlsx", [sent], expected=listing)
    wb = load_workbook(base / "tinh-2.xlsx")
    assert wb.sheetnames == [OUT_SHEET, "Biểu đồ", "Chưa báo cáo", "Tệp để riêng"]
    rows = [[c.value for c in r] for r in wb[OUT_SHEET].iter_rows()]
    header = next(r for r in rows if r and r[0] == "STT")
    total = next(r for r in rows if r[1] and str(r[1]).startswith("Tổng cộng"))
    for f in FIGURES:
        assert total[header.index(f.label)] == result.totals[f.key]
    with zipfile.ZipFile(base / "tinh-2.xlsx") as zf:  # openpyxl does not read charts back
        names = zf.namelist()
    assert sum(n.startswith("xl/charts/chart") for n in names) == 2
    missing = [[c.value for c in r] for r in wb["Chưa báo cáo"].iter_rows(min_row=4)]
    assert missing == [[1, "CĐCS Sở Xây dựng"]]
    aside = {r[0].value: r[1].value for r in wb["Tệp để riêng"].iter_rows(min_row=4)}
    assert aside == {
        "hong.xlsx": "corrupt",
        "BC-so-ket-1.xlsx": "other-moment",
        "BC-tong-ket-1-ban-nhap.xlsx": "replaced-by-later",
    }


def test_soket_consolidated_when_asked(province):
    base, sent, masters, _, _ = province
    result = consolidate_summaries(base / "so-ket.xlsx", [sent], moment="1")
    assert result.moment == "Đợt 1" and [r[NAME_KEY] for r in result.rows] == [next(iter(UNITS))]
    first = report_master(next(iter(masters.values())), out=base / "x.xlsx", moment="1")
    assert {k: result.rows[0][k] for k in COUNT_KEYS} == first.result.figures


def test_a_master_counts_as_its_report_would(province, tmp_path):
    base, _, masters, reports, _ = province
    name = list(UNITS)[1]
    shutil.copy(masters[name], tmp_path / "so-chinh.xlsx")
    result = consolidate_summaries(
        tmp_path / "tinh.xlsx", [tmp_path / "so-chinh.xlsx"], moment="cả năm"
    )
    (row,) = result.rows
    assert row["nguon"] == "master" and row[NAME_KEY] == name
    assert {k: row[k] for k in COUNT_KEYS} == reports[name].figures


def test_report_whose_stamp_was_lost_is_read_from_its_page(province, tmp_path):
    _, sent, _, reports, _ = province
    wb = load_workbook(sent / "BC-tong-ket-2.xlsx")
    del wb["_thidua"]
    wb.save(tmp_path / "chep-lai.xlsx")
    result = consolidate_summaries(tmp_path / "tinh.xlsx", [tmp_path / "chep-lai.xlsx"])
    (row,) = result.rows
    name = list(UNITS)[1]
    assert row[NAME_KEY].casefold() == name.casefold() and result.moment == "Cả năm"
    assert row["ngay_bao_cao"] == D(2024, 1, 5)
    assert {k: row[k] for k in COUNT_KEYS} == reports[name].figures


def test_a_number_typed_wrong_names_the_cell(province, tmp_path):
    _, sent, _, _, _ = province
    wb = load_workbook(sent / "BC-tong-ket-3.xlsx")
    ws = wb[REPORT_SHEET]
    cell = next(r[2] for r in ws.iter_rows() if r[1].value == "Tin, bài")
    cell.value = "hai mươi"
    wb.save(tmp_path / "sai.xlsx")
    result = consolidate_summaries(tmp_path / "tinh.xlsx", [tmp_path / "sai.xlsx"])
    (aside,) = result.set_aside
    assert aside.code == "bad-summary-value"
    assert f"{REPORT_SHEET}!{cell.coordinate}" in aside.reason and "hai mươi" in aside.reason


def test_earlier_one_line_summaries_still_count(tmp_path):
    path = tmp_path / "cu.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(REPORT_SHEET)
    ws.write_string(0, 0, "BÁO CÁO TỔNG HỢP")
    for j, col in enumerate(SUMMARY_COLUMNS):
        ws.write_string(4, j, col.aliases[0] if col.aliases else col.header)
        if col.type == "int":
            ws.write_number(5, j, 3)
        else:
            ws.write_string(5, j, "CĐCS Trường THPT Việt Bắc")
    wb.close()
    result = consolidate_summaries(tmp_path / "tinh.xlsx", [path])
    (row,) = result.rows
    assert row["nguon"] == "bc" and all(row[k] == 3 for k in COUNT_KEYS)


def test_cli_json_equals_the_library_and_lists_what_is_missing(province, tmp_path):
    base, sent, _, _, listing = province
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    got = CliRunner().invoke(
        cli,
        [
            "consolidate-summaries",
            str(tmp_path / "a" / "t.xlsx"),
            str(sent),
            "--expected",
            str(listing),
            "--json",
        ],
    )
    assert got.exit_code == 1, got.output
    library = consolidate_summaries(tmp_path / "b" / "t.xlsx", [sent], expected=listing)
    expected = json.loads(json.dumps(library.to_dict(), default=str).replace("/b/", "/a/"))
    assert json.loads(got.output) == expected
    text = (
        CliRunner()
        .invoke(
            cli,
            [
                "consolidate-summaries",
                str(tmp_path / "c.xlsx"),
                str(sent),
                "--expected",
                str(listing),
            ],
        )
        .output
    )
    assert "Chưa gửi báo cáo (1): CĐCS Sở Xây dựng" in text
    assert "Gửi lại:" in text and "Để riêng hong.xlsx" in text
