"""Names of the Office Open XML package (ECMA-376) and Excel's limits, in one place, for the
modules that read or write a workbook's parts directly instead of through openpyxl."""

from __future__ import annotations

# Namespaces
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"  # r:id
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"  # .rels parts
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOMUI14_NS = "http://schemas.microsoft.com/office/2009/07/customui"

# Relationship types
REL_OFFICE_DOCUMENT = DOC_REL_NS + "/officeDocument"
REL_WORKSHEET = DOC_REL_NS + "/worksheet"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
REL_UI = (
    "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",  # customUI14
    "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility",  # customUI (2007)
)

# Parts at fixed names
CONTENT_TYPES_PART = "[Content_Types].xml"
PACKAGE_RELS_PART = "_rels/.rels"
WORKBOOK_PART = "xl/workbook.xml"
WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels"
CALC_CHAIN_PART = "xl/calcChain.xml"

# Excel's limits (Excel specifications and limits)
MAX_CELL_CHARS = 32_767  # characters one cell holds
MAX_ROWS = 1_048_576  # rows of a worksheet
MAX_COLUMNS = 16_384  # columns of a worksheet (A..XFD)
MAX_SHEET_NAME = 31  # characters of a sheet's name
