"""`thidua init X.xlsm`, `excel build`, `excel setup`, `doctor`: the Excel side from the CLI."""

import json
import zipfile

from click.testing import CliRunner
from openpyxl import load_workbook

from cli.main import cli
from workbook.outputs import LogEntry, rewrite_outputs
from workbook.reading import read_workbook
from workbook.writing import fill_tables
from xlsources.setup import read_conf


def parts(path):
    with zipfile.ZipFile(path) as zf:
        return set(zf.namelist()), zf.read("_rels/.rels").decode()


def test_init_xlsm_has_ribbon_and_vba(tmp_path):
    path = tmp_path / "So-thi-dua.xlsm"
    assert CliRunner().invoke(cli, ["init", str(path)]).exit_code == 0
    names, rels = parts(path)
    assert "xl/vbaProject.bin" in names and "customUI/customUI14.xml" in names
    assert "ui/extensibility" in rels
    wb = load_workbook(path, keep_vba=True)
    wb.vba_archive.close()  # openpyxl leaves it open: closed by the collector, it warns
    assert wb.code_name == "ThisWorkbook"


def test_library_saves_keep_the_ribbon(tmp_path):
    path = tmp_path / "So-thi-dua.xlsm"
    CliRunner().invoke(cli, ["init", str(path)])
    rewrite_outputs(path, {}, LogEntry("Thử", "ghi lại"))
    names, rels = parts(path)
    assert "customUI/customUI14.xml" in names and "ui/extensibility" in rels


def test_excel_build_adds_the_ribbon_and_keeps_every_value(tmp_path, demo_master):
    fill_tables(
        demo_master,
        {
            "tin_bai": [
                {
                    "ma_tin_bai": "TB1",
                    "ma_doan_vien": "DV001",
                    "tieu_de": "Tin thử",
                    "co_quan_bao": "Báo Lạng Sơn",
                    "dot": "Đợt 1",
                }
            ]
        },
    )
    result = CliRunner().invoke(cli, ["excel", "build", str(demo_master), "--json"])
    assert result.exit_code == 0, result.output
    built = json.loads(result.output)["xlsm"]
    before, after = read_workbook(demo_master), read_workbook(built)
    for key, frame in before.tables.items():
        assert after.tables[key].to_dict("records") == frame.to_dict("records")
    assert "xl/vbaProject.bin" in parts(built)[0]


def test_excel_setup_writes_interpreter_and_keeps_other_settings(tmp_path):
    master = tmp_path / "So.xlsm"
    (tmp_path / "xlwings.conf").write_text('"LICENSE_KEY","noncommercial"\r\n')
    result = CliRunner().invoke(cli, ["excel", "setup", str(master), "--json"])
    assert result.exit_code == 0
    conf = read_conf(tmp_path / "xlwings.conf")
    assert conf["LICENSE_KEY"] == "noncommercial"
    assert conf["INTERPRETER_WIN"] or conf["INTERPRETER_MAC"]
    assert json.loads(result.output)["steps"]


def test_doctor_says_what_to_fix(tmp_path, demo_master):
    result = CliRunner().invoke(cli, ["doctor", str(demo_master)])  # an .xlsx: no macros
    assert result.exit_code == 2
    assert "Sổ có macro" in result.output and "thidua excel build" in result.output
