"""Charts of the report sheets: Times New Roman everywhere, every series named (a legend or a
label never reads "Column C" or "Series1")."""

from __future__ import annotations

from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Font,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.worksheet.worksheet import Worksheet

from ..layout import FONT_NAME


def _props(size: float, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(
        latin=Font(typeface=FONT_NAME), cs=Font(typeface=FONT_NAME), sz=int(size * 100), b=bold
    )


def _text(size: float) -> RichText:
    return RichText(
        p=[Paragraph(pPr=ParagraphProperties(defRPr=_props(size)), endParaRPr=_props(size))]
    )


def _title(text: str, size: float = 12) -> Title:
    run = RegularTextRun(rPr=_props(size, True), t=text)
    para = Paragraph(pPr=ParagraphProperties(defRPr=_props(size, True)), r=[run])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def _style(chart, title: str) -> None:
    chart.title = _title(title)
    chart.txPr = _text(10)  # axes, legend and data labels


def group_score_bars(
    ws: Worksheet,
    first: int,
    last: int,
    name_col: int,
    value_col: int,
    title: str,
    series: str,
    maximum: float,
) -> BarChart:
    """Horizontal bars, one per group, from rows first..last of the sheet."""
    chart = BarChart()
    chart.type, chart.style = "bar", 10
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, maximum
    chart.add_data(
        Reference(ws, min_col=value_col, min_row=first, max_row=last), titles_from_data=False
    )
    chart.set_categories(Reference(ws, min_col=name_col, min_row=first, max_row=last))
    chart.series[0].tx = SeriesLabel(v=series)
    chart.legend = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # first group on top, as in the table
    # every group named: LibreOffice and Excel otherwise drop every other label once the
    # bars get thin (40 groups printed 20 names); smaller text keeps the chart on one page
    chart.x_axis.tickLblSkip = chart.x_axis.tickMarkSkip = 1
    size = 10 if last - first < 30 else 8 if last - first < 45 else 6
    chart.y_axis.txPr, chart.x_axis.txPr = _text(10), _text(size)
    _style(chart, title)
    return chart


def share_pie(
    ws: Worksheet, first: int, last: int, name_col: int, value_col: int, title: str, series: str
) -> PieChart:
    """A pie of rows first..last; labels show the category, the count and the share."""
    pie = PieChart()
    pie.add_data(
        Reference(ws, min_col=value_col, min_row=first, max_row=last), titles_from_data=False
    )
    pie.set_categories(Reference(ws, min_col=name_col, min_row=first, max_row=last))
    pie.series[0].tx = SeriesLabel(v=series)
    labels = DataLabelList()
    labels.showCatName, labels.showVal, labels.showPercent = True, True, True
    labels.showSerName, labels.showLegendKey = False, False
    labels.separator = "; "
    labels.txPr = _text(10)
    pie.dataLabels = labels
    pie.legend.position = "r"
    pie.legend.txPr = _text(10)
    _style(pie, title)
    return pie
