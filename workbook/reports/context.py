"""The data every report sheet draws from, gathered once (valid rows only)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..scoring import ScoreResult, ScoringInput
from ..scoring.facts import codes, dates, numbers
from ..shortlist import ShortlistResult


@dataclass
class ReportContext:
    config: dict[str, str]
    day: dt.date
    scores: ScoreResult
    shortlist: ShortlistResult
    members: pd.DataFrame
    regs: pd.DataFrame
    works: pd.DataFrame
    articles: pd.DataFrame
    movements: list[str]
    plaque_levels: list[str]
    outlets: list[tuple[str, str]]
    phase_names: dict[str, str]
    group_names: dict[str, str]


def report_context(inp: ScoringInput, scores: ScoreResult, shortlist: ShortlistResult,
                   day: dt.date | None = None) -> ReportContext:
    m = inp.table("doan_vien")
    members = pd.DataFrame({"ma_doan_vien": codes(m["ma_doan_vien"]), "ma_to": codes(m["ma_to"])})
    r = inp.table("dang_ky")
    regs = pd.DataFrame({"loai": codes(r["loai_doi_tuong"]), "ma": codes(r["ma_doi_tuong"]),
                         "dot": codes(r["dot"]), "phong_trao": codes(r["phong_trao"])})
    w = inp.table("cong_trinh")
    works = pd.DataFrame({
        "ma_cong_trinh": codes(w["ma_cong_trinh"]), "ten": codes(w["ten_cong_trinh"]),
        "loai": codes(w["loai"]), "ma_to": codes(w["ma_to"]), "dot": codes(w["dot"]),
        "quy_mo": codes(w["quy_mo"]), "gia_tri": numbers(w["gia_tri"]),
        "nguon_kinh_phi": codes(w["nguon_kinh_phi"]), "ngay_bat_dau": dates(w["ngay_bat_dau"]),
        "ngay_hoan_thanh": dates(w["ngay_hoan_thanh"]), "cap_gan_bien": codes(w["cap_gan_bien"]),
        "trang_thai": codes(w["trang_thai"])})
    a = inp.table("tin_bai")
    articles = pd.DataFrame({"co_quan_bao": codes(a["co_quan_bao"]), "dot": codes(a["dot"])})
    articles["cap"] = articles["co_quan_bao"].map(inp.outlet_levels).fillna("")
    mv = inp.table("phong_trao")
    plaques = inp.table("ds_cap_gan_bien")
    outlets = inp.table("ds_co_quan_bao")
    groups = inp.table("to_cong_doan")
    return ReportContext(
        config=inp.config, day=day or dt.date.today(), scores=scores, shortlist=shortlist,
        members=members, regs=regs, works=works, articles=articles,
        movements=[x for x in codes(mv["ten_phong_trao"]) if x],
        plaque_levels=[x for x in codes(plaques["gia_tri"]) if x],
        outlets=[(n, c) for n, c in zip(codes(outlets["gia_tri"]), codes(outlets["cap"])) if n],
        phase_names=dict(zip(inp.phases["ma_dot"], inp.phases["ten_dot"].map(str))),
        group_names=dict(zip(codes(groups["ma_to"]), codes(groups["ten_to"]))),
    )
