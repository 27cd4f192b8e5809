"""The header row is the row among the first ten matching the most headers, the first of equals;
a first row matching one header per cell settles it without reading the rows below."""

from workbook.reading import ROW

from .test_reading_variants import HEADERS, ROW_1, people_workbook, registrations


def test_a_first_row_with_some_headers_loses_to_the_full_header_row(tmp_path):
    path = people_workbook(tmp_path / "partial-first-row.xlsx", HEADERS, [ROW_1])
    # row 1 names two of the columns, the header row under it all of them
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active.insert_rows(1)
    wb.active["A1"], wb.active["E1"] = "Mã đăng ký", "Đợt"
    wb.save(path)
    data, frame = registrations(path)
    assert frame.drop(columns=[ROW]).iloc[0].tolist()[:9] == ROW_1
    assert list(frame[ROW]) == [3]
    assert data.columns["dang_ky"]["dot"] == "E"


def test_a_header_row_repeated_below_the_first_is_data(tmp_path):
    path = people_workbook(tmp_path / "header-repeated.xlsx", HEADERS, [ROW_1, HEADERS])
    data, frame = registrations(path)
    assert frame["ma_dang_ky"].tolist() == ["DK-01", "Mã đăng ký"]
    assert list(frame[ROW]) == [2, 3]
