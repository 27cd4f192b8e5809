"""Worksheet XML written directly, for the paths that bypass openpyxl's cell objects: the
consolidation's zip writer and big output tables (``deferred_rows``). One spelling of a cell
for both, the same one openpyxl's loader reads back."""

from __future__ import annotations

import datetime as dt
import re
from itertools import repeat
from typing import Any, Sequence
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
        end = element_end(body, at, b"</row>")
        raw = body[at:end]
        num = ROW_NUM.match(raw)
        if num is None:
            raise Unsupported("row without number")
        rows[int(num.group(1))] = raw
        at = body.find(b"<row", end)
    return rows


def element_end(xml: bytes, start: int, closing: bytes) -> int:
    """Where the element starting at ``start`` ends: after its ``/>``, or after ``closing``
    (``</row>``, ``</c>``; elements of one name do not nest in sheet data)."""
    head = xml.find(b">", start)
    if head == -1:
        raise Unsupported("an element cut short")
    if xml[head - 1] == ord("/"):
        return head + 1
    end = xml.find(closing, head)
    if end == -1:
        raise Unsupported("an element cut short")
    return end + len(closing)


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


def rows_xml(
    numbers: Sequence[int],
    letters: Sequence[str],
    styles: Sequence[str],
    columns: Sequence[Sequence[Any]],
    epoch: dt.datetime = WINDOWS_1900,
) -> list[bytes]:
    """Rows numbered ``numbers`` whose k-th cell, in column ``letters[k]`` with style
    ``styles[k]``, holds ``columns[k][i]``: what ``cell_xml`` writes cell by cell, built a
    column at a time. Each column's distinct values are spelled and encoded once, each spelling
    followed by the start of the next cell up to its row number; a row is then its pieces
    joined by its number (a table of a million cells)."""
    texts = [b"%d" % n for n in numbers]
    if not letters:
        return [b'<row r="%s"></row>' % n for n in texts]
    pieces = [
        _tails_utf8(
            style, values, epoch, f'<c r="{letters[k + 1]}' if k + 1 < len(letters) else "</row>"
        )
        for k, (style, values) in enumerate(zip(styles, columns))
    ]
    starts = [repeat(b'<row r="'), repeat(f'"><c r="{letters[0]}'.encode())]
    return [n.join(parts) for n, parts in zip(texts, zip(*starts, *pieces))]


def _tails_utf8(style: str, values: Sequence[Any], epoch: dt.datetime, after: str) -> list[bytes]:
    kinds = set(map(type, values))
    if float in kinds and kinds <= {float, type(None)}:  # points, scores: one f-string each
        blank = f'" s="{style}"/>{after}'.encode()
        head, tail = f'" s="{style}"><v>', f"</v></c>{after}"
        return [blank if v is None else f"{head}{v!r}{tail}".encode() for v in values]
    return cell_tails_utf8(style, values, epoch, after)


def cell_tails_utf8(
    style: str, values: Sequence[Any], epoch: dt.datetime, after: str = ""
) -> list[bytes]:
    """Each value's cell as ``cell_xml`` writes it, from just after its reference (``A12``) on,
    followed by ``after``, encoded. A column repeats few values (a group code, a date, a
    movement) or holds plain text: each distinct value is spelled and encoded once, then looked
    up per cell."""
    spelled = _spellings(style, values, epoch, after)
    if spelled is None:
        return [(_tail(style, value, epoch) + after).encode("utf-8") for value in values]
    # One encoding for all the spellings, cut again where they met: a spelling never holds
    # NUL (xml_text writes a control character as a space).
    encoded = "\x00".join(spelled.values()).encode("utf-8").split(b"\x00")
    return list(map(dict(zip(spelled, encoded)).__getitem__, values))


# Values of these types compare equal only to values of their own type, so a column holding
# them (with at most one kind of number: True == 1 == 1.0) can be spelled by distinct value;
# but for -0.0 == 0.0, spelled apart.
_BY_VALUE = frozenset({str, dt.date, dt.datetime, type(None)})
_NUMBERS = frozenset({int, float, bool})


def _spellings(
    style: str, values: Sequence[Any], epoch: dt.datetime, after: str
) -> dict[Any, str] | None:
    """Distinct value -> its cell's tail, or None when the column's values cannot be told
    apart by equality (mixed kinds of number, NumPy scalars, ...)."""
    kinds = set(map(type, values))
    if not kinds <= _BY_VALUE | _NUMBERS or len(kinds & _NUMBERS) > 1:
        return None
    if float in kinds and 0.0 in values:
        return None
    spelled: dict[Any, str] = dict.fromkeys(values, "")
    blank = f'" s="{style}"/>{after}'
    text = f'" s="{style}" t="inlineStr"><is><t>'
    spaced = f'" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
    end = f"</t></is></c>{after}"
    # Most columns hold nothing to escape: one search over all their texts tells (a line feed,
    # which joins them, is not searched for).
    plain = str not in kinds or not NEEDS_ESCAPE.search(
        "\n".join([v for v in spelled if v.__class__ is str])
    )
    for value in spelled:
        if value.__class__ is str:
            if not value:
                spelled[value] = blank
                continue
            head = spaced if value[0] <= " " or value[-1] <= " " else text
            if not plain and NEEDS_ESCAPE.search(value):
                spelled[value] = f"{head}{xml_text(value)}{end}"
            else:
                spelled[value] = f"{head}{value}{end}"
        elif value is None:
            spelled[value] = blank
        else:
            spelled[value] = _tail(style, value, epoch) + after
    return spelled


_REF = b"A1"
_CUT = len(b'<c r="A1')


def _tail(style: str, value: Any, epoch: dt.datetime) -> str:
    """``cell_xml``'s cell from just after its reference on."""
    return cell_xml(_REF, style.encode(), value, epoch)[_CUT:].decode("utf-8")


def xml_text(text: str) -> str:
    # A control character left in text is a space (it separated words); a carriage return is
    # written as a reference, which XML keeps, where a raw one would become a line feed.
    return escape(ILLEGAL_XML.sub(" ", text), {"\r": "&#13;"})
