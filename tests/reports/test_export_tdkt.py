"""The TDKT export opens in the import templates' layout, carries the state track only (the
provincial software records state awards) with the right codes, and names departments."""

import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from tests.scoring.small_campaign import build_small_master
from tests.shortlist.conftest import with_quotas
from workbook.errors import FileExistsRefused
from workbook.results import export_tdkt_master

# DANHMUC of the reference templates
LDTT, CSTDCS, TTLDTT, TTLDXS = "1647933042", "1647933380", "1647933198", "1647933151"
GIAY_KHEN, LEADER, STAFF, PUBLIC_BODY = "1650360499", "1660638930", "1660638976", "1660638226"


@pytest.fixture
def exported(tmp_path):
    master = with_quotas(build_small_master(tmp_path / "so.xlsx"), GKCQ="2", GKCT="3", BKLD="1")
    run = export_tdkt_master(master, tmp_path / "tdkt")
    return run, tmp_path / "tdkt"


def rows(path):
    ws = load_workbook(path)["DANHSACH"]
    return [[c.value for c in r] for r in ws.iter_rows(min_row=4) if r[0].value is not None]


def test_individuals(exported):
    run, folder = exported
    ws = load_workbook(folder / "CANHAN.xlsx")["DANHSACH"]
    assert ws["A1"].value == "DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG"
    assert [c.value for c in ws[3]] == [
        "STT",
        "Họ và tên",
        "Giới tính",
        "Ngày sinh",
        "Chức vụ",
        "Tên phòng ban/ khối, tổ \ncông tác",
        "Tên đơn vị/tập thể\ncông tác",
        "Địa chỉ / Nơi ở",
        "Mã phân loại cán bộ",
        "Mã hình thức khen thưởng",
        "Mã danh hiệu thi đua\n(nếu có)",
    ]
    data = rows(folder / "CANHAN.xlsx")
    # 7 LĐTT + 1 CSTĐCS + 2 Giấy khen of the Giám đốc; the union's Giấy khen (3) and Bằng
    # khen (1) go to the upper union, not into the state software
    assert len(data) == 10 == run.result.rows["CANHAN"]
    b1 = [r for r in data if r[1] == "Vi Thị Hoa"]
    assert [(r[9], r[10]) for r in b1] == [(None, LDTT), (None, CSTDCS), (GIAY_KHEN, None)]
    assert any("Không xuất khen thưởng của Công đoàn" in n for n in run.result.notes)
    assert (
        "Danh sách xét theo Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) và Nghị định "
        "91/2017/NĐ-CP (ngày xét khen thưởng 28/12/2023)."
    ) in run.result.notes
    assert b1[0][2] == "NU" and b1[0][4] == "Phó Trưởng phòng" and b1[0][8] == LEADER
    # "Tên phòng ban" is the department Tổ B stands for, as on TAPTHE, never the union group
    assert {r[5] for r in b1} == {"Phòng Đầu tư"}
    an = next(r for r in data if r[1] == "Nguyễn Văn An")
    assert an[2] == "NAM" and an[8] == LEADER  # Trưởng phòng
    assert next(r for r in data if r[1] == "Chu Văn Khánh")[8] == STAFF


def test_collectives_and_initiatives(exported):
    _, folder = exported
    data = rows(folder / "TAPTHE.xlsx")
    # the collective is the agency's department Tổ B stands for, never the union group
    unit = "Phòng Đầu tư, Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn"
    assert [(r[1], r[2], r[3], r[4]) for r in data] == [
        (unit, PUBLIC_BODY, None, TTLDTT),
        (unit, PUBLIC_BODY, None, TTLDXS),
    ]
    detai = rows(folder / "DETAI.xlsx")
    # initiatives of the proposed people: A1 (Đợt 1), A2, B1 ×2, B2 ×2, B3 ×2, B5 ×2
    assert len(detai) == 10
    a2 = next(r for r in detai if r[5] == "Trần Thị Bình")
    assert a2[3] == "Hội đồng sáng kiến cấp tỉnh" and a2[2].year == 2023
    catalogue = load_workbook(folder / "CANHAN.xlsx")["DANHMUC"]
    codes = {catalogue.cell(r, 6).value for r in range(3, 15)}
    assert {LDTT, CSTDCS} <= codes


def test_refuses_to_overwrite_without_force(exported, tmp_path):
    with pytest.raises(FileExistsRefused):
        export_tdkt_master(tmp_path / "so.xlsx", tmp_path / "tdkt")
    export_tdkt_master(tmp_path / "so.xlsx", tmp_path / "tdkt", force=True)


def test_cli_json_equals_the_library_results(tmp_path):
    master = build_small_master(tmp_path / "so.xlsx")
    runner = CliRunner()
    for args in (["score"], ["shortlist"]):
        res = runner.invoke(cli, [*args, str(master), "--json"])
        assert res.exit_code == 0, res.output
        data = json.loads(res.output)
        assert data["master"] == str(master)
        assert data["result"]["regime"]["code"] == "2023 + 1689"
    from workbook.results import compute

    _, scores, shortlist = compute(master)
    res = runner.invoke(cli, ["shortlist", str(master), "--json"])
    assert json.loads(res.output)["result"] == json.loads(json.dumps(shortlist.to_dict()))
    res = runner.invoke(cli, ["score", str(master), "--json"])
    assert json.loads(res.output)["result"] == json.loads(json.dumps(scores.to_dict()))
    res = runner.invoke(
        cli,
        [
            "report",
            str(master),
            "--out",
            str(tmp_path / "bc.xlsx"),
            "--date",
            "05/01/2024",
            "--json",
        ],
    )
    assert res.exit_code == 0 and json.loads(res.output)["result"]["date"] == "2024-01-05"
    res = runner.invoke(cli, ["export", "tdkt", str(master), str(tmp_path / "x"), "--json"])
    assert json.loads(res.output)["result"]["rows"] == {"CANHAN": 8, "TAPTHE": 2, "DETAI": 10}


def test_cli_on_an_empty_master(empty_master):
    res = CliRunner().invoke(cli, ["score", str(empty_master)])
    assert res.exit_code == 0
    assert "Chưa có đoàn viên" in res.output
