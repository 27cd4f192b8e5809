"""A workbook file rewritten as Excel saves it, for the paths that work on a package's parts:
text in the shared-string table, rows carrying Excel's own attributes."""

from __future__ import annotations

import re
import zipfile

from workbook.package_parts import sheet_parts

EXCEL_ROOT = (
    b' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    b' mc:Ignorable="x14ac"'
    b' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'
)
INLINE = re.compile(rb'<c\b([^>]*?) t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)
SST_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def as_excel_saves_it(path):
    """The master as Excel saves it: text in the shared-string table, rows carrying Excel's
    x14ac:dyDescent attribute with its prefix declared on the sheet's root."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
        sheets = list(sheet_parts(z).values())
    strings: list[bytes] = []

    def shared(m):
        strings.append(m.group(3))
        return b'<c%s t="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), len(strings) - 1)

    for part in sheets:
        xml = INLINE.sub(shared, parts[part])
        xml = re.sub(
            rb"(<worksheet\b[^>]*)>", lambda m: m.group(1) + EXCEL_ROOT + b">", xml, count=1
        )
        parts[part] = re.sub(rb"(<row\b[^>]*?)(/?>)", rb'\1 x14ac:dyDescent="0.25"\2', xml)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns='
        b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
        % (len(strings), len(strings))
        + b"".join(b"<si>%s</si>" % s for s in strings)
        + b"</sst>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % SST_TYPE,
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Type="%s" Target="sharedStrings.xml"/></Relationships>'
        % SST_REL,
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
