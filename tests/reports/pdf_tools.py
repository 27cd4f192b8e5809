"""Printing through LibreOffice and reading the PDF back as an officer would see it: pages of
text, page sizes, fonts, and word boxes (to tell clipped or overlapping text)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from .. import office

SOFFICE = office.SOFFICE
TOOLS = {name: shutil.which(name) for name in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm")}
needs_office = pytest.mark.skipif(
    not (SOFFICE and all(TOOLS.values())), reason="LibreOffice or poppler-utils not installed"
)
A4_POINTS = (595.28, 841.89)
# Times New Roman, or the metric twin LibreOffice substitutes where it is not installed.
TIMES_FAMILY = ("TimesNewRoman", "Times New Roman", "LiberationSerif", "Liberation Serif")


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    text: str  # pdftotext -layout
    width: float
    height: float
    words: list[Word] = field(default_factory=list)

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())

    def phrase(self, phrase: str) -> list[Word]:
        """The words printing ``phrase`` (matched word by word), or []."""
        parts = phrase.split()
        for i in range(len(self.words)):
            if [x.text for x in self.words[i : i + len(parts)]] == parts:
                return self.words[i : i + len(parts)]
        return []

    def collisions(self, words: list[Word]) -> list[tuple[Word, Word]]:
        """Other words of the page whose boxes overlap one of ``words`` (printed over each
        other: a clipped or overflowing cell)."""
        out = []
        for w in words:
            for o in self.words:
                if any(o is x for x in words):
                    continue
                dx = min(w.x1, o.x1) - max(w.x0, o.x0)
                dy = min(w.y1, o.y1) - max(w.y0, o.y0)
                if dx > 0.5 and dy > 0.3 * min(w.y1 - w.y0, o.y1 - o.y0):
                    out.append((w, o))
        return out


def convert(files: list[Path], outdir: Path) -> list[Path]:
    """The files printed to PDF, in one LibreOffice run."""
    pdfs, log = office.convert(files, outdir, "pdf")
    if any(not p.exists() for p in pdfs) and any(f.suffix == ".docx" for f in files):
        pytest.skip("LibreOffice Writer not installed (Word documents cannot be printed)")
    assert all(p.exists() for p in pdfs), f"conversion failed: {log}"
    return pdfs


def read_pdf(pdf: Path) -> list[Page]:
    text = subprocess.run(
        [TOOLS["pdftotext"], "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    texts = text.split("\f")
    html = subprocess.run(
        [TOOLS["pdftotext"], "-bbox", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    pages = []
    for i, node in enumerate(root.iter("page")):
        words = [
            Word(w.text or "", *(float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax")))
            for w in node.iter("word")
        ]
        pages.append(
            Page(
                texts[i] if i < len(texts) else "",
                float(node.get("width")),
                float(node.get("height")),
                words,
            )
        )
    return pages


def fonts(pdf: Path) -> set[str]:
    out = subprocess.run(
        [TOOLS["pdffonts"], str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in out if line.strip()}


def is_times(font: str) -> bool:
    return font.replace("-", "").startswith(tuple(f.replace(" ", "") for f in TIMES_FAMILY))


def is_a4(page: Page) -> bool:
    size = sorted((round(page.width, 0), round(page.height, 0)))
    return size == [round(A4_POINTS[0]), round(A4_POINTS[1])]


def to_png(pdf: Path, outdir: Path, dpi: int = 60) -> list[Path]:
    subprocess.run(
        [TOOLS["pdftoppm"], "-png", "-r", str(dpi), str(pdf), str(outdir / pdf.stem)], check=True
    )
    return sorted(outdir.glob(f"{pdf.stem}*.png"))
