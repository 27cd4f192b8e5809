"""What a file really is, from its first bytes, before a workbook reader is asked to open it.

Web systems export "Excel" files that are web pages (HTML tables) or Excel 2003 XML saved with an
.xls name; people rename CSV files to .xls. A workbook reader fails on all of them with a message
about a damaged or encrypted file, and the officer is told the wrong thing. The first bytes say
which it is, and so which fix to give.
"""

from __future__ import annotations

from pathlib import Path

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, and encrypted .xlsx
HEAD_BYTES = 4096

# kind -> (stable code, Vietnamese reason: what the file is and what to do)
NOT_A_WORKBOOK = {
    "web-page": (
        "web-page-as-workbook",
        "đây là một trang web (HTML) được lưu với đuôi {suffix}, thường do phần mềm "
        "trên mạng xuất ra, không phải sổ Excel; hãy mở tệp bằng Excel rồi chọn "
        "File › Save As › Excel Workbook (.xlsx) và gửi lại tệp .xlsx",
    ),
    "xml-2003": (
        "xml-spreadsheet-2003",
        "đây là bảng tính dạng XML của Excel 2003 được lưu với đuôi {suffix}; hãy mở "
        "tệp bằng Excel rồi chọn File › Save As › Excel Workbook (.xlsx) và gửi lại tệp "
        ".xlsx",
    ),
    "text": (
        "text-as-workbook",
        "đây là tệp văn bản (CSV hoặc TXT) được đặt đuôi {suffix}, không phải sổ Excel; hãy "
        "mở tệp bằng Excel rồi lưu thành .xlsx và gửi lại",
    ),
}


def sniff(path: Path) -> str:
    """'zip', 'cfb', 'web-page', 'xml-2003', 'text' or 'unknown'."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(CFB_MAGIC):
        return "cfb"
    text = _as_text(head)
    if text is None:
        return "unknown"
    lowered = text.lstrip().lower()
    if lowered.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in lowered and "<workbook" in lowered:
            return "xml-2003"
        if any(tag in lowered for tag in ("<html", "<!doctype html", "<table", "<body")):
            return "web-page"
    if lowered.startswith("mime-version:") and "text/html" in lowered:
        return "web-page"  # a single-file web page (.mht) saved as .xls
    return "text" if lowered else "unknown"


def _as_text(head: bytes) -> str | None:
    """The start of the file as text, or None when it is binary."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, errors="ignore")
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start >= len(head) - 3:  # a character cut by the end of the sample
            return head[: err.start].decode("utf-8")
        return head.decode("cp1258", errors="replace")  # a Vietnamese Windows text file


# The name of the stream that holds an encrypted OOXML package's key data (MS-OFFCRYPTO 2.3.4.1),
# as a compound file directory entry stores it: UTF-16LE with its terminating NUL.
_ENCRYPTION_INFO = "EncryptionInfo\0".encode("utf-16-le")
_DIR_ENTRY = 128  # every directory entry starts on a 128-byte boundary of the file


def encrypted_package(path: Path) -> bool:
    """True for a password-protected .xlsx/.xlsm: Excel wraps the encrypted package in a
    compound file with an ``EncryptionInfo`` stream. Only asked when a reader has already
    failed, so reading the whole file costs nothing on the good path."""
    with open(path, "rb") as fh:
        data = fh.read()
    if not data.startswith(CFB_MAGIC):
        return False
    start = data.find(_ENCRYPTION_INFO)
    while start != -1:
        # A directory entry: the name at the entry's start, its byte length (with the NUL) at 64.
        if start % _DIR_ENTRY == 0 and int.from_bytes(
            data[start + 64 : start + 66], "little"
        ) == len(_ENCRYPTION_INFO):
            return True
        start = data.find(_ENCRYPTION_INFO, start + 1)
    return False


def not_a_workbook_reason(path: Path) -> tuple[str, str] | None:
    """(code, Vietnamese reason) when the file is a known non-workbook kind, else None."""
    kind = sniff(path)
    if kind not in NOT_A_WORKBOOK:
        return None
    code, reason = NOT_A_WORKBOOK[kind]
    return code, reason.format(suffix=path.suffix.lower() or "(không có đuôi)")
