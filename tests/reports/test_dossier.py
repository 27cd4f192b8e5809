"""The proposal dossier drafts (Word): a tờ trình to each destination with its list annexed,
and the biên bản of the meeting with a line per person for the votes. Read back with
python-docx (who goes where, every person once, the counts equal to the shortlist) and printed
through LibreOffice (A4, Times New Roman, the list's header on every page)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_COLOR_INDEX

from cli.main import cli
from workbook.reading import read_workbook
from workbook.reports import choose_moment, report_context
from workbook.reports.destinations import destinations
from workbook.results import compute, dossier_master

from .pdf_tools import convert, fonts, is_a4, is_times, needs_office, read_pdf

COUNCIL = "Hội đồng Thi đua – Khen thưởng Sở Kế hoạch và Đầu tư"
UPPER = "Công đoàn Viên chức tỉnh Lạng Sơn"


@pytest.fixture(scope="module")
def context(small_master):
    inp, scores, shortlist = compute(read_workbook(small_master))
    return report_context(inp, scores, shortlist, choose_moment(inp.config, inp.phases, "cả năm"))


@pytest.fixture(scope="module")
def dossier(small_master, tmp_path_factory):
    out = tmp_path_factory.mktemp("ho-so")
    return out, dossier_master(small_master, out)


def test_every_proposal_goes_to_its_tracks_destination(context):
    sent = destinations(context)
    assert [d.name for d in sent] == [COUNCIL, UPPER]
    codes = {d.key: [t.code for t, _ in d.sections] for d in sent}
    assert codes == {
        "hoi_dong_tdkt": ["LDTT", "CSTDCS", "TTLDTT", "TTLDXS", "GKCQ"],
        "cong_doan_cap_tren": ["GKCT", "BKLD"],
    }
    assert [d.count for d in sent] == [12, 4]
    assert sum(d.count for d in sent) == len(context.shortlist.proposed())
    assert [d.ruleset.track for d in sent] == ["Nhà nước", "Công đoàn"]


def paragraphs(path):
    document = docx.Document(path)
    return document, [p.text for p in document.paragraphs]


def table_rows(table):
    return [[c.text for c in row.cells] for row in table.rows]


def test_submission_per_destination(dossier, context):
    out, run = dossier
    names = sorted(p.name for p in run.result.files)
    assert names == [
        "Bien-ban-hop-xet-khen-thuong.docx",
        "To-trinh-Cong-doan-Vien-chuc-tinh-Lang-Son.docx",
        "To-trinh-Hoi-dong-Thi-dua-Khen-thuong-So-Ke-hoach-va-Dau-tu.docx",
    ]
    for dest in destinations(context):
        path = next(
            p
            for p in run.result.files
            if p.name.startswith("To-trinh")
            and ("Hoi-dong" in p.name) == (dest.key == "hoi_dong_tdkt")
        )
        document, text = paragraphs(path)
        assert "TỜ TRÌNH" in text and f"Kính gửi: {dest.name}" in text
        for basis in dest.ruleset.documents.values():
            assert f"Căn cứ {basis.full};" in text
        assert f"Kính đề nghị {dest.name} xem xét, quyết định./." in text
        for i, (t, part) in enumerate(dest.sections, start=1):
            assert any(
                line.startswith(f"{i}. ") and f"“{t.name}”: {len(part)} " in line for line in text
            ), t.name
        annex = table_rows(document.tables[-1])
        assert annex[0] == [
            "STT",
            "Họ và tên",
            "Chức vụ, đơn vị công tác",
            "Hình thức, danh hiệu",
            "Tóm tắt thành tích",
        ]
        people = [r for r in annex[1:] if r[0] != r[1]]  # not the section lines
        assert len(people) == dest.count
        expected = [n for t, part in dest.sections for n in part["ho_ten"]]
        assert [r[1] for r in people] == expected
        header = document.tables[0].rows[0].cells[0].text
        assert "/TTr-CĐCS" in header
        signers = " ".join(c.text for c in document.tables[1].rows[0].cells)
        assert "- Như trên;" in signers and "- Lưu: VT, CĐ." in signers


def test_minutes_vote_table_a_line_per_person(dossier, context):
    out, _ = dossier
    document, text = paragraphs(out / "Bien-ban-hop-xet-khen-thuong.docx")
    assert "BIÊN BẢN" in text and "Họp xét thi đua, khen thưởng năm 2023" in text
    rows = table_rows(document.tables[1])
    assert rows[0] == [
        "STT",
        "Họ và tên",
        "Tổ công đoàn",
        "Đề nghị",
        "Đồng ý (phiếu)",
        "Không đồng ý (phiếu)",
        "Tỷ lệ đồng ý (%)",
    ]
    people = [r for r in rows[1:] if r[0] != r[1]]
    assert len(people) == len(context.shortlist.proposed()) == 16
    sections = [r[0] for r in rows[1:] if r[0] == r[1]]
    assert sections[0] == f"A. ĐỀ NGHỊ {COUNCIL.upper()}: 12 lượt"
    assert f"B. ĐỀ NGHỊ {UPPER.upper()}: 4 lượt" in sections
    assert all(r[4:] == ["", "", ""] for r in people)  # the votes are the meeting's
    marked = [
        r.text
        for p in document.paragraphs
        for r in p.runs
        if r.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    for hint in ("[giờ]", "[nơi họp]", "[số ủy viên có mặt]", "[họ tên, chức vụ]"):
        assert hint in marked
    signers = [c.text for c in document.tables[-1].rows[0].cells]
    assert signers[0].startswith("THƯ KÝ") and signers[1].startswith("CHỦ TRÌ")


def test_cli_json_equals_the_library(small_master, tmp_path):
    got = CliRunner().invoke(cli, ["dossier", str(small_master), str(tmp_path / "a"), "--json"])
    assert got.exit_code == 0, got.output
    library = dossier_master(small_master, tmp_path / "b").to_dict()
    assert json.loads(got.output) == json.loads(json.dumps(library).replace("/b", "/a"))
    # the one overwrite rule: replaced after a backup, and the run says so for each draft
    minutes = tmp_path / "a" / "Bien-ban-hop-xet-khen-thuong.docx"
    edited = docx.Document(str(minutes))
    edited.add_paragraph("Số phiếu đã điền")
    edited.save(str(minutes))
    again = CliRunner().invoke(cli, ["dossier", str(small_master), str(tmp_path / "a")])
    assert again.exit_code == 0, again.output
    kept = [
        line.removeprefix("Bản trước được sao lưu tại ").removesuffix(".")
        for line in again.output.splitlines()
        if line.startswith("Bản trước được sao lưu")
    ]
    assert len(kept) == len(library["result"]["files"])
    minutes_kept = [k for k in kept if "Bien-ban" in k]
    assert "Số phiếu đã điền" in paragraphs(Path(minutes_kept[0]))[1]  # what was typed is kept


@needs_office
def test_printed_dossier(dossier):
    out, run = dossier
    pdfs = convert(list(run.result.files), out)
    for pdf in pdfs:
        pages = read_pdf(pdf)
        assert all(is_a4(p) for p in pages) and all(is_times(f) for f in fonts(pdf))
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0].flat
        if "Bien-ban" in pdf.name:
            tables = [p for p in pages if "Đồng ý" in p.flat and "Họ và tên" in p.flat]
            assert tables and "THƯ KÝ" in pages[-1].flat
            assert len(pages[-1].flat.split()) > 12  # the signers are not alone on the page
        else:
            annex = [i for i, p in enumerate(pages) if "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in p.flat]
            assert annex and all("Tóm tắt thành tích" in p.flat for p in pages[annex[0] :])
            assert all(len(p.flat.split()) > 3 for p in pages)  # no blank page
