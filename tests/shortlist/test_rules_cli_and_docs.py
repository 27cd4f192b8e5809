"""`thidua rules`, `thidua shortlist --details` and the generated page Tiêu chuẩn khen thưởng."""

import json
from pathlib import Path

from click.testing import CliRunner

from cli.main import cli
from workbook.rulesets import pick_regime
from workbook.rulesets.doc import render_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "tieu-chuan-khen-thuong.md"


def test_the_docs_page_is_the_rule_sets_rendered():
    assert DOCS.read_text(encoding="utf-8") == render_markdown(), (
        "docs/tieu-chuan-khen-thuong.md is stale: run `thidua rules --markdown > "
        "docs/tieu-chuan-khen-thuong.md`"
    )
    page = render_markdown()
    for text in (
        "Luật Thi đua, khen thưởng số 06/2022/QH15",
        "Nghị định số 91/2017/NĐ-CP",
        "Quyết định số 1689/QĐ-TLĐ ngày 12/11/2019",
        "chưa xác minh căn cứ",
        "điểm a khoản 1 Điều 24 Luật TĐKT 2022",
    ):
        assert text in page, text


def test_rules_for_a_review_day():
    runner = CliRunner()
    res = runner.invoke(cli, ["rules", "--date", "31/12/2023"])
    assert res.exit_code == 0
    assert "Nghị định 91/2017/NĐ-CP" in res.output and "Không quá 15%" in res.output
    res = runner.invoke(cli, ["rules", "--date", "02/01/2024", "--json"])
    data = json.loads(res.output)
    expected = pick_regime(__import__("datetime").date(2024, 1, 2))
    assert data["regime"] == json.loads(json.dumps(expected.to_dict()))
    assert {a["code"] for a in data["awards"]} == {
        a.code for rs in expected.sets for a in rs.awards
    }


def test_shortlist_names_the_criteria_and_citations_for_everyone(quota_master):
    res = CliRunner().invoke(cli, ["shortlist", str(quota_master), "--details"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert out.startswith("Ngày xét khen thưởng 28/12/2023")
    assert (
        "[Nhà nước] Lao động tiên tiến: 7 đề nghị / 7 đủ tiêu chuẩn; Giám đốc Sở Kế hoạch "
        "và Đầu tư quyết định; đề nghị đến Hội đồng Thi đua – Khen thưởng Sở Kế hoạch và Đầu "
        "tư"
    ) in out
    assert (
        "Đề nghị: Vi Thị Hoa (B1). Đủ tiêu chuẩn: Hoàn thành tốt nhiệm vụ được giao trở lên "
        "(kết quả xếp loại chất lượng năm) (điểm a khoản 1 Điều 24 Luật TĐKT 2003 sửa đổi "
        "2013)"
    ) in out
    assert (
        "Không đề nghị: Lê Văn Cường (A3). Chưa đủ tiêu chuẩn: Hoàn thành tốt nhiệm vụ được "
        "giao trở lên"
    ) in out
    assert "[Công đoàn] Bằng khen của Liên đoàn Lao động tỉnh: 1 đề nghị" in out
    assert "Cơ sở quyết định" not in out


def test_shortlist_json_equals_the_library(quota_master):
    from workbook.results import compute

    res = CliRunner().invoke(cli, ["shortlist", str(quota_master), "--json"])
    _, _, shortlist = compute(quota_master)
    assert json.loads(res.output)["result"] == json.loads(
        json.dumps(shortlist.to_dict(), default=str)
    )
