"""Common mistakes on the command line are answered in Vietnamese: Click's own messages, the
usage line, its placeholders, --version."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from cli.click_vi import MESSAGES
from cli.main import cli

# Words of Click's English messages; none may reach an officer.
ENGLISH = re.compile(
    r"\b(Error|Usage|Try|Invalid|does not exist|is a directory|No such|Missing|"
    r"argument|option|command|version|FILES|MASTER|PATH|OUTDIR|help\b)"
)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="thidua")


def assert_vietnamese(output: str) -> None:
    text = output.replace("--help", "").replace("--bogus", "").replace("--workers", "")
    assert not ENGLISH.search(text), output
    assert re.search(
        r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", output
    ), output


def test_missing_file(tmp_path):
    result = run("score", str(tmp_path / "khong-co.xlsx"))
    assert result.exit_code == 2
    assert "không tồn tại" in result.output and "khong-co.xlsx" in result.output
    assert result.output.startswith("Cách dùng: thidua score [TÙY_CHỌN] SỔ_CHÍNH")
    assert_vietnamese(result.output)


def test_folder_where_a_file_is_expected(tmp_path):
    result = run("score", str(tmp_path))
    assert result.exit_code == 2 and "là một thư mục, cần một tệp" in result.output
    assert_vietnamese(result.output)


def test_unknown_option(tmp_path):
    result = run("consolidate", "--bogus", str(tmp_path))
    assert result.exit_code == 2 and "Không có tùy chọn '--bogus'" in result.output
    assert "Xem hướng dẫn: thidua consolidate --help" in result.output
    assert_vietnamese(result.output)


def test_missing_argument():
    result = run("validate")
    assert result.exit_code == 2 and "Thiếu đối số 'TỆP_HOẶC_THƯ_MỤC'" in result.output
    assert_vietnamese(result.output)


def test_unknown_command_and_bad_value():
    result = run("gop")
    assert result.exit_code == 2 and "Không có lệnh 'gop'" in result.output
    assert_vietnamese(result.output)
    result = run("consolidate", "--workers", "0", "a", "b")
    assert result.exit_code == 2 and "nằm ngoài khoảng" in result.output
    assert_vietnamese(result.output)


def test_version_and_help_pages():
    assert run("--version").output.strip() == "thidua, phiên bản 0.1.0"
    for args in ([], ["validate"], ["members", "import"], ["groups", "make"], ["export", "tdkt"]):
        page = run(*args, "--help").output
        assert page.startswith("Cách dùng: thidua")
        assert "Tùy chọn:" in page and "Options" not in page and "Usage" not in page


@pytest.mark.parametrize("english", sorted(MESSAGES))
def test_every_catalogued_message_has_a_vietnamese_text(english):
    assert MESSAGES[english] != english and MESSAGES[english].strip()
