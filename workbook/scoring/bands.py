"""Point bands of the union's emulation rubric: the words a score range earns.

They come from ``templates/scoring.json`` (the upper union's rubric), not from the award law:
union points rank people and groups within the campaign; they never produce the official
annual quality rating (HTXSNV/HTTNV/HTNV/KHTNV), which the agency enters on `Xếp loại năm`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import templates

from ..errors import CampaignError
from ..schema.lists import DUTY_RATINGS


@dataclass(frozen=True)
class Band:
    label: str
    minimum: float | None  # None: everything below the previous band
    criterion_share: float | None = None  # every main criterion ≥ this % of its maximum


@dataclass(frozen=True)
class ScoreBands:
    source: str
    score_min: float
    score_max: float
    group_bands: tuple[Band, ...]
    member_bands: tuple[Band, ...]


def _bands(raw: list[dict[str, Any]], what: str) -> tuple[Band, ...]:
    bands = tuple(Band(b["muc"], b.get("tu"), b.get("moi_tieu_chi_tu_ty_le")) for b in raw)
    clash = [b.label for b in bands if b.label in DUTY_RATINGS]
    if clash:  # the official ratings are inputs; a band must never be mistaken for one
        raise CampaignError(
            f"scoring.json, {what}: mức '{clash[0]}' trùng tên xếp loại chất "
            "lượng năm; đặt tên khác cho mức xếp loại theo điểm."
        )
    return bands


def parse_bands(raw: dict[str, Any]) -> ScoreBands:
    try:
        return ScoreBands(
            source=raw.get("nguon", ""),
            score_min=float(raw["diem"]["toi_thieu"]),
            score_max=float(raw["diem"]["toi_da"]),
            group_bands=_bands(raw["xep_loai_tap_the"], "xep_loai_tap_the"),
            member_bands=_bands(raw["xep_loai_ca_nhan"], "xep_loai_ca_nhan"),
        )
    except (KeyError, TypeError) as err:
        raise CampaignError(f"scoring.json thiếu mục {err}") from None


@lru_cache(maxsize=1)
def load_bands() -> ScoreBands:
    return parse_bands(json.loads(templates.path("scoring.json").read_text(encoding="utf-8")))
