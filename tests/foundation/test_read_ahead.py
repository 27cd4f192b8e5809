"""A big workbook's sheets are parsed on worker threads (workbook/read_ahead.py): the reader must
give what it gives reading one sheet at a time, report a damaged sheet the same way, and let go
of the file and its threads when it is done."""

from __future__ import annotations

import threading

import pytest

import workbook.read_ahead as read_ahead
import workbook.reading as reading
from tests.hostile.defects import corrupt_sheet_xml
from workbook.errors import UnreadableWorkbook
from workbook.reading import read_workbook


@pytest.fixture
def always_ahead(monkeypatch):
    """Every file counts as big, and the machine as having two cores."""
    monkeypatch.setattr(read_ahead, "READ_AHEAD_BYTES", 0)
    monkeypatch.setattr(read_ahead.os, "cpu_count", lambda: 2)


def _one_at_a_time(monkeypatch):
    monkeypatch.setattr(reading, "read_ahead", lambda path, names: None)


def _read(path):
    data = read_workbook(path)
    tables = {k: data.tables[k].to_dict("list") for k in sorted(data.tables)}
    return tables, [f.to_dict() for f in data.findings], data.stamp, data.columns


def _reader_threads():
    return [t for t in threading.enumerate() if t.name.startswith("thidua-read")]


def test_read_ahead_gives_what_reading_one_sheet_at_a_time_gives(
    filled_master, always_ahead, monkeypatch
):
    parsed: list[str] = []
    real = read_ahead.ReadAhead._parse
    monkeypatch.setattr(
        read_ahead.ReadAhead, "_parse", lambda self, name: parsed.append(name) or real(self, name)
    )
    ahead = _read(filled_master)
    assert len(parsed) > 5  # the sheets were parsed on the workers
    assert not _reader_threads()  # and the workers are gone
    _one_at_a_time(monkeypatch)
    assert ahead == _read(filled_master)


def test_a_damaged_sheet_read_ahead_is_reported_as_one_read_alone(
    filled_master, tmp_path, always_ahead, monkeypatch
):
    bad = corrupt_sheet_xml(filled_master, tmp_path / "So-hong.xlsx")
    with pytest.raises(UnreadableWorkbook) as ahead:
        read_workbook(bad)
    assert not _reader_threads()
    _one_at_a_time(monkeypatch)
    with pytest.raises(UnreadableWorkbook) as alone:
        read_workbook(bad)
    assert ahead.value.message == alone.value.message
    assert "trang 'Kết quả' bị hỏng" in ahead.value.message
    assert type(ahead.value.__cause__) is type(alone.value.__cause__)


def test_a_small_file_or_a_single_core_reads_one_sheet_at_a_time(filled_master, monkeypatch):
    names = ["Đoàn viên", "Kết quả"]
    assert filled_master.stat().st_size < read_ahead.READ_AHEAD_BYTES
    assert read_ahead.read_ahead(filled_master, names) is None
    monkeypatch.setattr(read_ahead, "READ_AHEAD_BYTES", 0)
    monkeypatch.setattr(read_ahead.os, "cpu_count", lambda: 1)
    assert read_ahead.read_ahead(filled_master, names) is None
