"""Worksheet XML written directly, for the paths that bypass openpyxl's cell objects: the
consolidation's zip writer and big output tables (``deferred_rows``). One spelling of a cell
for both, the same one openpyxl's loader reads back."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from xml.sax.saxutils import escape

from .excel_dates import WINDOWS_1900, date_serial

ROW_NUM = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Text holding none of these is written as it is (most cells); the others go through xml_text.
# Leading or trailing white space (or a control character, written as a space) survives only
# where the text says so: xml:space="preserve" is written there, not on every cell, where it
# would add a fifth to the size of a master that is mostly text.
NEEDS_ESCAPE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Unsupported(Exception):
    """This package needs the openpyxl path."""


def split_rows(body: bytes) -> dict[int, bytes]:
    """Row number -> the row's XML, by searching for tags: a master's sheet data runs to a
    hundred megabytes, where a lazy regular expression over the whole body costs a second."""
    rows: dict[int, bytes] = {}
    at = body.find(b"<row")
    while at != -1:
        close = body.find(b">", at)
        if close == -1:
            raise Unsupported("a row cut short")
        if body[close - 1] == ord("/"):
            end = close + 1
        else:
            end = body.find(b"</row>", close)
            if end == -1:
                raise Unsupported("a row cut short")
            end += len(b"</row>")
        raw = body[at:end]
        num = ROW_NUM.match(raw)
        if num is None:
            raise Unsupported("row without number")
        rows[int(num.group(1))] = raw
        at = body.find(b"<row", end)
    return rows


def cell_xml(ref: bytes, style: bytes, value: Any, epoch: dt.datetime = WINDOWS_1900) -> bytes:
    if hasattr(value, "item") and not isinstance(value, (str, dt.date)):
        value = value.item()  # a NumPy scalar, as openpyxl takes it
    if value is None or value == "":
        return b'<c r="%s" s="%s"/>' % (ref, style)
    if isinstance(value, bool):
        return b'<c r="%s" s="%s" t="b"><v>%d</v></c>' % (ref, style, int(value))
    if isinstance(value, (int, float)):
        return b'<c r="%s" s="%s"><v>%s</v></c>' % (ref, style, repr(value).encode())
    if isinstance(value, dt.date):  # datetimes too: a serial with the time as its fraction
        serial = date_serial(value, epoch)
        return b'<c r="%s" s="%s"><v>%s</v></c>' % (ref, style, repr(serial).encode())
    text = str(value)
    space = b' xml:space="preserve"' if text[0] <= " " or text[-1] <= " " else b""
    text = xml_text(text)
    return b'<c r="%s" s="%s" t="inlineStr"><is><t%s>%s</t></is></c>' % (
        ref,
        style,
        space,
        text.encode("utf-8"),
    )


def column_cells(
    letter: str, style: str, numbers: list[str], values: list[Any], epoch: dt.datetime
) -> list[str]:
    """One column's cells for the given row numbers: the text of what ``cell_xml`` writes,
    built in a tight loop (one type test per cell, no call, no bytes formatting), for tables
    of a million cells."""
    blank = f'" s="{style}"/>'
    text = f'" s="{style}" t="inlineStr"><is><t>'
    spaced = f'" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
    serials: dict[dt.date, str] = {}
    out = []
    for n, value in zip(numbers, values):
        if type(value) is str:
            if not value:
                out.append(f'<c r="{letter}{n}{blank}')
                continue
            head = spaced if value[0] <= " " or value[-1] <= " " else text
            if NEEDS_ESCAPE.search(value):
                value = xml_text(value)
            out.append(f'<c r="{letter}{n}{head}{value}</t></is></c>')
        elif value is None:
            out.append(f'<c r="{letter}{n}{blank}')
        elif type(value) is int:
            out.append(f'<c r="{letter}{n}" s="{style}"><v>{value!r}</v></c>')
        elif type(value) is dt.date:  # a column of dates repeats a few hundred days
            serial = serials.get(value)
            if serial is None:
                serial = serials[value] = repr(date_serial(value, epoch))
            out.append(f'<c r="{letter}{n}" s="{style}"><v>{serial}</v></c>')
        else:
            ref = f"{letter}{n}".encode()
            out.append(cell_xml(ref, style.encode(), value, epoch).decode("utf-8"))
    return out


def xml_text(text: str) -> str:
    # A control character left in text is a space (it separated words); a carriage return is
    # written as a reference, which XML keeps, where a raw one would become a line feed.
    return escape(ILLEGAL_XML.sub(" ", text), {"\r": "&#13;"})
