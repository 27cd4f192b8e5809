"""`BC Tin bài` (an annex): articles by outlet and phase, and by outlet level with a pie."""

from __future__ import annotations

from dataclasses import replace

from openpyxl.worksheet.worksheet import Worksheet

from .charts import share_pie
from .context import ReportContext
from .document import Document
from .summary import annex_line
from .tables import article_levels, article_outlets

# The outlet's name takes two sheet columns, so the header's two blocks can split between
# them on a portrait page (the motto block needs ~48 characters of width).
NAME_WIDTHS = [5, 26, 18]
COUNT_WIDTH, LEVEL_WIDTH = 10, 12


def write_articles(ws: Worksheet, rc: ReportContext, number: int) -> None:
    # the same printed width whatever the moment: a sơ kết's missing phase columns widen the
    # name instead, so its page shrinks as the tổng kết's does and the pie fits beside its
    # signer on the annex's one page
    name = [
        *NAME_WIDTHS[:-1],
        NAME_WIDTHS[-1] + COUNT_WIDTH * (len(rc.all_phases) - len(rc.phases)),
    ]
    widths = [*name, *[COUNT_WIDTH] * (len(rc.phases) + 1), LEVEL_WIDTH]
    doc = Document(ws, widths, rc.config, rc.day, landscape=False)
    doc.header(number=False)
    doc.annex(number, "TIN, BÀI TUYÊN TRUYỀN THEO CƠ QUAN BÁO CHÍ", annex_line(rc))
    cols, rows, total = article_outlets(rc)
    cols[1] = replace(cols[1], span=2)
    doc.table(cols, rows, total, heading="1. Theo cơ quan báo chí và đợt thi đua")
    cols, rows, total = article_levels(rc)
    cols = [cols[0], replace(cols[1], span=2), cols[-1]]
    doc.table(cols, rows, total, heading="2. Theo cấp cơ quan báo chí", keep=None)
    if total["cong"]:
        first, last, names, values = doc.chart_data(
            "Tin, bài", [(r["ten"], r["cong"]) for r in rows if r["cong"]]
        )
        doc.chart(
            share_pie(
                ws, first, last, names, values, "Tin, bài theo cấp cơ quan báo chí", "Số tin, bài"
            ),
            height_cm=6,
            width_cm=13,
            tail=doc.signature_height(False),
        )
    doc.signature(with_recipients=False)
    doc.finish()
