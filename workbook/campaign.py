"""A campaign as data: the set-up of one emulation plan (default: plan 45/KH-CĐCS).

Everything specific to a plan lives in a JSON file under templates/campaigns/; another union's
campaign is another file. Rows are typed by the schema on load, so a wrong date fails here with
the file and field named, not later in a workbook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import templates

from . import schema
from .errors import CampaignError
from .values import BadValue, convert, to_text

# Cấu hình items holding a date (ISO or dd/mm/yyyy in the JSON; dd/mm/yyyy on the sheet).
DATE_ITEMS = (
    "ngay_ke_hoach",
    "ngay_bao_cao_so_ket",
    "ngay_bao_cao_tong_ket",
    "ngay_xet_khen_thuong",
)


@dataclass
class Campaign:
    id: str
    config: dict[str, Any]
    sheets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source: str = ""

    def rows(self, sheet_key: str) -> list[dict[str, Any]]:
        """Rows of a set-up or list table; fixed lists come from the schema."""
        if sheet_key in schema.FIXED_LIST_VALUES:
            return [{"gia_tri": v} for v in schema.FIXED_LIST_VALUES[sheet_key]]
        return self.sheets.get(sheet_key, [])

    def config_rows(self) -> list[dict[str, Any]]:
        values = {**self.config, "phien_ban_mau": schema.TEMPLATE_VERSION}
        # The value column is text: a date is written as officers read it, dd/mm/yyyy.
        return [
            {"ma_muc": k, "noi_dung": label, "gia_tri": to_text(values.get(k))}
            for k, label in schema.CONFIG_ITEMS
        ]


def default_campaign_path() -> Path:
    return templates.path("campaigns", f"{templates.DEFAULT_CAMPAIGN}.json")


def load_campaign(path: str | Path | None = None) -> Campaign:
    path = Path(path) if path else default_campaign_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CampaignError(f"Không tìm thấy tệp kế hoạch thi đua: {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise CampaignError(f"Tệp kế hoạch {path.name} không đúng định dạng JSON: {err}") from None
    config = raw.get("config") or {}
    unknown = set(config) - {k for k, _ in schema.CONFIG_ITEMS}
    if unknown:
        raise CampaignError(f"Tệp {path.name}: mục cấu hình không có trong mẫu: {sorted(unknown)}")
    for key in DATE_ITEMS:
        if key in config:
            config[key] = _typed(path, "config", key, config[key], "date")
    sheets: dict[str, list[dict[str, Any]]] = {}
    for key, rows in (raw.get("sheets") or {}).items():
        if key not in schema.SHEETS or key in schema.FIXED_LIST_VALUES:
            raise CampaignError(f"Tệp {path.name}: bảng '{key}' không có trong mẫu")
        sheet = schema.SHEETS[key]
        typed_rows = []
        for row in rows:
            row = {"gia_tri": row} if not isinstance(row, dict) else row
            extra = set(row) - set(sheet.keys)
            if extra:
                raise CampaignError(f"Tệp {path.name}, bảng '{key}': cột lạ {sorted(extra)}")
            typed_rows.append(
                {c.key: _typed(path, key, c.key, row.get(c.key), c.type) for c in sheet.columns}
            )
        sheets[key] = typed_rows
    return Campaign(
        id=str(raw.get("id") or path.stem), config=config, sheets=sheets, source=path.name
    )


def _typed(path: Path, table: str, key: str, value: Any, column_type: str) -> Any:
    try:
        # ISO dates in JSON are unambiguous; convert() accepts them alongside dd/mm/yyyy.
        return convert(value, column_type)
    except BadValue as err:
        raise CampaignError(
            f"Tệp {path.name}, bảng '{table}', mục '{key}' = {value!r}: {err.reason}"
        ) from None
