"""Wording shared by the sheets and the Word documents: the motto, dates, document symbols,
recipients and section numbers, as Nghị định 30/2020 writes them."""

from __future__ import annotations

import datetime as dt

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def vn_date(place: str, day: dt.date) -> str:
    """'Lạng Sơn, ngày 05 tháng 01 năm 2024' (days < 10 and months 1–2 take a leading 0)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def roman(n: int) -> str:
    """Roman numeral of a section number (1 → I, 14 → XIV); numbering never wraps."""
    if n < 1:
        raise ValueError(n)
    out = []
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def recipients(config: dict[str, str]) -> list[str]:
    """'Nơi nhận' lines from Cấu hình (items separated by ';'), each ending as Nghị định 30
    writes them: ';' and '.' after the last. Without the item: the upper union and the file."""
    raw = config.get("noi_nhan") or ""
    items = [p.strip(" ;.-") for p in raw.replace("\n", ";").split(";")]
    items = [p for p in items if p]
    if not items:
        upper = config.get("cong_doan_cap_tren") or ""
        items = [f"{upper} (b/c)" if upper else "", "Lưu: VT"]
        items = [p for p in items if p]
    return [f"- {p};" for p in items[:-1]] + [f"- {items[-1]}."]


def symbol(config: dict[str, str], kind: str = "BC") -> str:
    """'/BC-CĐCS': the document symbol after the number (Cấu hình 'ky_hieu')."""
    return f"/{kind}-{config.get('ky_hieu') or 'CĐCS'}"
