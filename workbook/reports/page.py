"""Page geometry of a report sheet, so the sheet can be paginated before any printer sees it.

Measured with LibreOffice (and matching Excel's rules): a column width of w characters prints
as 6·w points (the digit width of Times New Roman 12, the workbook's Normal font); a sheet that
is fit to one page wide is scaled by printable width ÷ content width; row heights are fixed
points (every report row sets one). So the body height one page holds, in sheet points, is
printable height ÷ scale. A safety share keeps our page a little shorter than the printer's,
so the printer never adds a break of its own before ours (a table would lose its header).
"""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass

from ..layout import MARGINS_MM

MM = 72 / 25.4  # points per millimetre
A4 = (210 * MM, 297 * MM)
POINTS_PER_WIDTH = 6.0  # one character of column width, in points
SAFETY = 0.96  # share of the computed page height we fill


@dataclass(frozen=True)
class Page:
    widths: tuple[float, ...]
    landscape: bool

    @property
    def printable(self) -> tuple[float, float]:
        w, h = (A4[1], A4[0]) if self.landscape else A4
        return (
            w - (MARGINS_MM["left"] + MARGINS_MM["right"]) * MM,
            h - (MARGINS_MM["top"] + MARGINS_MM["bottom"]) * MM,
        )

    @property
    def content_width(self) -> float:
        return sum(self.widths) * POINTS_PER_WIDTH

    @property
    def scale(self) -> float:
        return min(1.0, self.printable[0] / self.content_width)

    @property
    def capacity(self) -> float:
        """Sheet points of rows one page holds."""
        return self.printable[1] / self.scale * SAFETY


# Advance widths of Times New Roman, in thousandths of an em (the Times-Roman metrics, which
# Times New Roman and Liberation Serif share), by base letter: diacritics do not widen one.
_WIDTHS = {
    **dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            (
                444,
                500,
                444,
                500,
                444,
                333,
                500,
                500,
                278,
                278,
                500,
                278,
                778,
                500,
                500,
                500,
                500,
                333,
                389,
                278,
                500,
                500,
                722,
                500,
                500,
                444,
            ),
        )
    ),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            (
                722,
                667,
                667,
                722,
                611,
                556,
                722,
                722,
                333,
                389,
                722,
                611,
                889,
                722,
                722,
                556,
                722,
                667,
                556,
                611,
                722,
                722,
                944,
                722,
                722,
                611,
            ),
        )
    ),
    **dict.fromkeys("0123456789", 500),
    " ": 250,
    ",": 250,
    ".": 250,
    ";": 278,
    ":": 278,
    "-": 333,
    "–": 500,
    "—": 1000,
    "(": 333,
    ")": 333,
    "/": 278,
    "%": 833,
    "_": 500,
    "'": 180,
    '"': 408,
    "&": 778,
    "+": 564,
    "=": 564,
    "*": 500,
    "!": 333,
    "?": 444,
}
BOLD = 1.07  # Times New Roman Bold is about this much wider


@functools.lru_cache(maxsize=4096)
def em(ch: str) -> float:
    """Advance width of one character, in em."""
    base = unicodedata.normalize("NFD", ch)[0]
    if base in "đĐ":
        base = "d" if base == "đ" else "D"
    return _WIDTHS.get(base, 722 if base.isupper() else 500) / 1000


def text_points(text: str, size: float, bold: bool = False) -> float:
    """Printed width of a line of Times New Roman text."""
    return sum(map(em, text)) * size * (BOLD if bold else 1.0)


def lines_needed(text: str, width_chars: float, size: float, bold: bool = False) -> int:
    """Lines a wrapped cell of ``width_chars`` needs for ``text`` (word wrap loses part of
    each line: 92% of the width, less the cell's padding, counts)."""
    room = max(1.0, width_chars * POINTS_PER_WIDTH - 5) * 0.92
    return sum(
        max(1, math.ceil(text_points(part, size, bold) / room)) for part in str(text).split("\n")
    )


def line_height(size: float) -> float:
    """Points one line of text takes in a row (Times New Roman: 1.15 em, rounded up)."""
    return math.ceil(size * 1.25)
