"""The live workbook's marks follow the file's rule: a colour someone chose is kept, our shade
is replaced or cleared. xlwings' desktop engine (which reads fills as (r, g, b)) needs Excel, so
a small stand-in book with the same attributes plays it here."""

from __future__ import annotations

from workbook.findings import ERROR, WARNING, Finding
from workbook.validation.marks import FILL_RGB, fill_to_set, is_our_fill, rgb_hex
from xlsources.marks import clear_live_marks, mark

SHEET = "Đăng ký thi đua"
GREEN = (0, 176, 80)


class Note:
    def __init__(self, cell, text):
        self.parent, self.text = cell, text

    def delete(self):
        self.parent.note = None


class Cell:
    def __init__(self, color=None):
        self.color, self.note = color, None

    def add_note(self, text):
        self.note = Note(self, text)


class Sheet:
    def __init__(self, name, cells):
        self.name, self.cells = name, cells

    def range(self, ref):
        return self.cells.setdefault(ref, Cell())

    @property
    def notes(self):
        return [c.note for c in self.cells.values() if c.note]


class Sheets(list):
    def __getitem__(self, key):
        return (
            next(s for s in self if s.name == key)
            if isinstance(key, str)
            else super().__getitem__(key)
        )


class Book:
    def __init__(self, cells):
        self.sheets = Sheets([Sheet(SHEET, cells)])


def finding(cell, severity=ERROR):
    return Finding(
        code="unknown-member",
        severity=severity,
        message="Mã đoàn viên không có.",
        file="So.xlsx",
        sheet=SHEET,
        cell=cell,
    )


def test_the_rule_reads_every_colour_form():
    assert [rgb_hex(c) for c in ("FFF8CBD1", "#f8cbd1", (248, 203, 209), None)] == [
        "F8CBD1",
        "F8CBD1",
        "F8CBD1",
        "",
    ]
    assert is_our_fill((253, 233, 169)) and not is_our_fill(GREEN)
    assert fill_to_set(None, [finding("C2", WARNING)]) == FILL_RGB[WARNING]
    assert fill_to_set("#FDE9A9", [finding("C2"), finding("C2", WARNING)]) == FILL_RGB[ERROR]
    assert fill_to_set(GREEN, [finding("C2")]) is None


def test_a_colour_someone_chose_is_kept_and_ours_cleared():
    cells = {"C2": Cell(GREEN), "C3": Cell(), "C4": Cell((253, 233, 169))}
    book = Book(cells)
    assert mark(book, [finding("C2"), finding("C3"), finding("C4")], "So.xlsx") == 3
    assert [cells[c].color for c in ("C2", "C3", "C4")] == [GREEN, "#F8CBD1", "#F8CBD1"]
    assert all(cells[c].note.text.startswith("[Lỗi]") for c in ("C2", "C3", "C4"))
    cells["C3"].color = (248, 203, 209)  # as the desktop engine reads it back
    assert clear_live_marks(book) == 3
    assert [(cells[c].color, cells[c].note) for c in ("C2", "C3", "C4")] == [
        (GREEN, None),
        (None, None),
        (None, None),
    ]
