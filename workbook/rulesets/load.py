"""Reading ``templates/rulesets/*.json`` into rule sets, refusing data that cannot be right.

A rule set names its documents once; every citation refers to one of them. Loading checks what
a typo would otherwise hide: an unknown criterion kind or document, a reference to an award the
set does not have, a level order that lets a higher award be reached without the lower one.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import templates

from ..errors import CampaignError
from ..schema.lists import AWARD_KINDS, AWARD_TRACKS, DUTY_RATINGS, SUBJECT_TYPES
from ..values import BadValue, to_date
from .model import ROLES, STATUSES, AwardRule, Citation, Criterion, Document, Quota, RuleSet

# Criterion kinds and the parameters each needs (the code behind them is in
# workbook/shortlist/criteria.py; a kind listed here and not there fails a test).
KIND_PARAMS: dict[str, tuple[str, ...]] = {
    "xep_loai_nam": ("gia_tri",),  # the official annual rating is one of these
    "khong_ky_luat": ("tu",),  # no discipline at or above this level (member, or any member)
    "thang_cong_tac": ("tu",),  # months since recruitment ≥ this
    "dang_ky_thi_dua": (),  # registered in the campaign
    "sang_kien": ("cap_tu",),  # an initiative recognised at this level or above
    "thanh_phan": ("gia_tri",),  # union member / worker
    "danh_hieu": ("ma",),  # proposed for that award in this run
    "du_tieu_chuan": ("ma",),  # meets every criterion of that award
    "ty_le_danh_hieu": ("ma",),  # share of the group's members proposed (tren | tu)
    "ty_le_xep_loai": ("gia_tri", "tu"),  # share of members whose annual rating is one of
    "so_danh_hieu": ("ma", "tu"),  # number of members proposed for that award ≥
    "xep_loai_diem": ("gia_tri",),  # the union point band is one of these
    "mot_trong": (),  # any one of the nested criteria
    "thu_cong": (),  # checked by the council: listed, not evaluated
}


class RuleSetError(CampaignError):
    code = "ruleset-invalid"


def _fail(name: str, what: str) -> RuleSetError:
    return RuleSetError(f"Bộ quy tắc {name}: {what}")


def _cited(raw: dict[str, Any] | None, docs: dict[str, Document], name: str) -> Citation:
    """A citation the rule set must give (a title's basis, a quota's)."""
    citation = _citation(raw, docs, name)
    if citation is None:
        raise _fail(name, "thiếu căn cứ (can_cu)")
    return citation


def _citation(raw: dict[str, Any] | None, docs: dict[str, Document], name: str) -> Citation | None:
    if raw is None:
        return None
    doc = docs.get(raw.get("vb", ""))
    if doc is None:
        raise _fail(name, f"căn cứ dẫn văn bản '{raw.get('vb')}' không có trong mục van_ban")
    status = raw.get("xac_minh", "")
    if status not in STATUSES:
        raise _fail(name, f"mức xác minh '{status}' không hợp lệ ({', '.join(STATUSES)})")
    return Citation(
        document=doc,
        article=str(raw.get("dieu", "")),
        clause=str(raw.get("khoan", "")),
        point=str(raw.get("diem", "")),
        status=status,
        note=raw.get("ghi_chu", ""),
    )


def _criterion(
    raw: dict[str, Any], docs: dict[str, Document], name: str, nested: bool = False
) -> Criterion:
    kind = raw.get("loai", "")
    if kind not in KIND_PARAMS:
        raise _fail(name, f"loại tiêu chí '{kind}' không có trong danh sách")
    missing = [p for p in KIND_PARAMS[kind] if p not in raw]
    if kind == "ty_le_danh_hieu" and not ({"tren", "tu"} & set(raw)):
        missing.append("tren/tu")
    if missing:
        raise _fail(name, f"tiêu chí '{kind}' thiếu {', '.join(missing)}")
    bad = [
        v
        for v in raw.get("gia_tri", [])
        if kind in ("xep_loai_nam", "ty_le_xep_loai") and v not in DUTY_RATINGS
    ]
    if bad:
        raise _fail(name, f"tiêu chí '{kind}': xếp loại '{bad[0]}' không có trong danh sách")
    if not nested and "can_cu" not in raw:
        raise _fail(name, f"tiêu chí '{raw.get('noi_dung', kind)}' thiếu căn cứ")
    parts = tuple(_criterion(p, docs, name, nested=True) for p in raw.get("tieu_chi", []))
    if kind == "mot_trong" and len(parts) < 2:
        raise _fail(name, "tiêu chí 'mot_trong' cần ít nhất hai tiêu chí con")
    params = {k: v for k, v in raw.items() if k not in ("loai", "noi_dung", "can_cu", "tieu_chi")}
    return Criterion(
        kind=kind,
        statement=raw.get("noi_dung", ""),
        citation=_citation(raw.get("can_cu"), docs, name),
        params=params,
        parts=parts,
    )


def _award(raw: dict[str, Any], track: str, docs: dict[str, Document], name: str) -> AwardRule:
    code = raw.get("ma", "?")
    where = f"{name}, {code}"
    for key, allowed in (("doi_tuong", SUBJECT_TYPES), ("loai", AWARD_KINDS)):
        if raw.get(key) not in allowed:
            raise _fail(where, f"'{key}' = {raw.get(key)!r} không hợp lệ")
    for key in ("quyet_dinh", "de_nghi_den"):
        if raw.get(key) not in ROLES:
            raise _fail(where, f"'{key}' = {raw.get(key)!r} không có trong danh sách vai trò")
    quota = None
    if raw.get("ty_le_toi_da"):
        q = raw["ty_le_toi_da"]
        quota = Quota(
            percent=float(q["phan_tram"]),
            base=q["tren"],
            statement=q["noi_dung"],
            citation=_cited(q.get("can_cu"), docs, where),
            rounding=q.get("lam_tron", ""),
        )
    return AwardRule(
        code=code,
        name=raw["ten"],
        subject=raw["doi_tuong"],
        track=track,
        kind=raw["loai"],
        level=int(raw["bac"]),
        decider=raw["quyet_dinh"],
        destination=raw["de_nghi_den"],
        basis=_cited(raw.get("can_cu"), docs, where),
        authority=_citation(raw.get("can_cu_tham_quyen"), docs, where),
        criteria=tuple(_criterion(c, docs, where) for c in raw.get("tieu_chi", [])),
        quota=quota,
        note=raw.get("ghi_chu", ""),
    )


def _date(value: Any, name: str):
    try:
        return to_date(value)
    except BadValue as err:
        raise _fail(name, f"ngày '{value}' {err.reason}") from None


def check_level_order(rs: RuleSet) -> None:
    """Within a track, an award of a higher level must require the award one level below (its
    proposal or its criteria), so it can never be looser than it."""
    by_key: dict[tuple, dict[int, AwardRule]] = {}
    for a in rs.awards:
        by_key.setdefault((a.subject, a.kind), {})[a.level] = a
    for levels in by_key.values():
        for level, award in levels.items():
            lower = levels.get(level - 1)
            if lower is not None and lower.code not in award.depends_on:
                raise _fail(
                    rs.code,
                    f"{award.name} (bậc {level}) phải đòi hỏi {lower.name} "
                    f"(bậc {level - 1}): thêm tiêu chí 'danh_hieu' hoặc "
                    "'du_tieu_chuan'",
                )


def parse_ruleset(raw: dict[str, Any], name: str = "") -> RuleSet:
    try:
        track = raw["khoi"]
        if track not in AWARD_TRACKS:
            raise _fail(name, f"khối '{track}' không hợp lệ")
        docs = {k: Document(k, v["ten_ngan"], v["ten"]) for k, v in raw["van_ban"].items()}
        awards = tuple(_award(a, track, docs, name) for a in raw.get("danh_hieu", []))
        rs = RuleSet(
            code=str(raw["ma"]),
            name=raw["ten"],
            track=track,
            start=_date(raw["ap_dung_xet_tu"], name),
            end=_date(raw.get("ap_dung_xet_den"), name),
            checked_until=_date(raw.get("doi_chieu_den"), name),
            documents=docs,
            awards=awards,
            note=raw.get("ghi_chu", ""),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise _fail(name, f"thiếu hoặc sai mục {err}") from None
    codes = {a.code for a in rs.awards}
    for a in rs.awards:
        unknown = a.depends_on - codes
        if unknown:
            raise _fail(f"{name}, {a.code}", f"tiêu chí dẫn danh hiệu không có: {sorted(unknown)}")
    check_level_order(rs)
    return rs


@lru_cache(maxsize=1)
def load_rulesets() -> dict[str, RuleSet]:
    """Every shipped rule set by code (state and union tracks alike)."""
    sets: dict[str, RuleSet] = {}
    for file in sorted(templates.path("rulesets").glob("*.json")):
        rs = parse_ruleset(json.loads(file.read_text(encoding="utf-8")), file.name)
        if rs.code in sets:
            raise _fail(file.name, f"mã bộ quy tắc '{rs.code}' bị trùng")
        sets[rs.code] = rs
    return sets
